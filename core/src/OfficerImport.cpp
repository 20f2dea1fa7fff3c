#include "tamga/core/OfficerImport.h"

#include "SqlDialect.h"
#include "tamga/core/AuditLog.h"
#include "tamga/core/Csv.h"
#include "tamga/core/Database.h"
#include "tamga/core/Registry.h"
#include "tamga/core/Text.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonObject>

#include <map>

namespace tamga::core {

namespace {

const QString kOrganization = QStringLiteral("organization");
const QString kRegisterNo = QStringLiteral("org_register_no");
const QString kSurname = QStringLiteral("surname");
const QString kGivenName = QStringLiteral("given_name");
const QString kCivilId = QStringLiteral("civil_id");
const QString kPosition = QStringLiteral("position");
const QString kDepartment = QStringLiteral("department");
const QString kEmail = QStringLiteral("email");
const QString kPhone = QStringLiteral("phone");

struct StoredOfficer {
    qint64 id = 0;
    OfficerFields fields;
};

// An organization a row refers to: one in the registry (id > 0) or one this import creates (planned index).
struct OrganizationRef {
    qint64 id = 0;
    int planned = -1;
};

struct PlannedOrganization {
    QString name;
    QString registerNo;
    qint64 id = 0; // known once inserted
};

struct PlannedOfficer {
    int line = 0;
    OrganizationRef organization;
    OfficerFields fields;  // organizationId filled in when the organization is known
    qint64 existingId = 0; // > 0: an update of this officer
};

} // namespace

const QStringList& officerCsvColumns()
{
    static const QStringList columns{kOrganization, kRegisterNo, kSurname, kGivenName, kCivilId,
                                     kPosition,     kDepartment, kEmail,   kPhone};
    return columns;
}

CoreResult<ImportReport> importOfficers(const Database& database, const Operator& by, const QString& path, bool dryRun)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return coreError(CoreErrorKind::Io, QStringLiteral("cannot read %1: %2").arg(path, file.errorString()));
    return importOfficers(database, by, file.readAll(), QFileInfo(path).fileName(), dryRun);
}

CoreResult<ImportReport> importOfficers(const Database& database, const Operator& by, const QByteArray& content,
                                        const QString& sourceName, bool dryRun)
{
    ImportReport report;
    auto refuse = [&](int line, const QString& column, const QString& reason) {
        report.problems.push_back({line, column, reason});
    };

    if (auto bad = firstInvalidUtf8(content)) {
        refuse(bad->line, {},
               QStringLiteral("the file is not UTF-8: byte 0x%1 on line %2 cannot be read; save the file as UTF-8")
                   .arg(bad->byte, 2, 16, QLatin1Char('0'))
                   .arg(bad->line));
        return report;
    }
    const CsvDocument csv = parseCsv(content);
    if (csv.problem) {
        refuse(csv.problem->line, {}, csv.problem->reason);
        return report;
    }
    if (csv.records.empty()) {
        refuse(1, {}, QStringLiteral("the file is empty; the first line must name the columns"));
        return report;
    }

    // The header: known names in any order and case; unknown ones refused by name.
    const CsvRecord& header = csv.records.front();
    QHash<QString, int> columnIndex;
    for (int i = 0; i < header.fields.size(); ++i) {
        const QString name = header.fields[i].trimmed().toLower();
        if (!officerCsvColumns().contains(name))
            refuse(header.line, header.fields[i], QStringLiteral("unknown column \"%1\"").arg(header.fields[i]));
        else if (columnIndex.contains(name))
            refuse(header.line, name, QStringLiteral("the column \"%1\" appears twice").arg(name));
        else
            columnIndex.insert(name, i);
    }
    for (const QString& required : {kOrganization, kSurname, kGivenName, kCivilId, kPosition}) {
        if (!columnIndex.contains(required))
            refuse(header.line, required, QStringLiteral("the required column \"%1\" is missing").arg(required));
    }
    if (!report.problems.empty())
        return report;

    // Reading the registry, planning and writing with its events in `trail`; without a trail (a dry run) only the
    // plan is made.
    auto planAndWrite = [&](AuditTrail* trail) -> CoreResult<ImportReport> {
        // What the registry holds now.
        QHash<QString, StoredOfficer> officersByCivilId;
        {
            auto query =
                database.exec(QStringLiteral("SELECT id, organization_id, surname, given_name, civil_id, position, "
                                             "department, email, phone FROM officers"));
            if (!query)
                return std::unexpected(query.error());
            while (query->next()) {
                StoredOfficer s;
                s.id = query->value(0).toLongLong();
                s.fields = {query->value(1).toLongLong(), query->value(2).toString(), query->value(3).toString(),
                            query->value(4).toString(),   query->value(5).toString(), query->value(6).toString(),
                            query->value(7).toString(),   query->value(8).toString()};
                officersByCivilId.insert(s.fields.civilId, s);
            }
            if (auto complete = Database::readToEnd(*query); !complete)
                return std::unexpected(complete.error());
        }
        auto organizations = Registry(database).organizations();
        if (!organizations)
            return std::unexpected(organizations.error());
        QHash<QString, const Organization*> organizationByNumber;
        QMultiHash<QString, const Organization*> organizationsByName;
        for (const Organization& o : *organizations) {
            if (!o.registerNo.isEmpty())
                organizationByNumber.insert(o.registerNo, &o);
            organizationsByName.insert(o.name, &o);
        }

        std::vector<PlannedOrganization> plannedOrganizations;
        QHash<QString, int> plannedByNumber;
        QHash<QString, int> plannedByName; // only those without a number
        std::vector<PlannedOfficer> plannedOfficers;
        QHash<QString, int> lineOfCivilId;

        auto cell = [&](const CsvRecord& record, const QString& column) {
            const int index = columnIndex.value(column, -1);
            return index >= 0 ? record.fields[index] : QString();
        };

        for (std::size_t r = 1; r < csv.records.size(); ++r) {
            const CsvRecord& record = csv.records[r];
            ++report.rows;
            if (record.fields.size() != header.fields.size()) {
                refuse(record.line, {},
                       QStringLiteral("the line has %1 fields but the header has %2")
                           .arg(record.fields.size())
                           .arg(header.fields.size()));
                continue;
            }
            PlannedOfficer planned;
            planned.line = record.line;
            planned.fields = {0,
                              cell(record, kSurname),
                              cell(record, kGivenName),
                              cell(record, kCivilId),
                              cell(record, kPosition),
                              cell(record, kDepartment),
                              cell(record, kEmail),
                              cell(record, kPhone)};
            const auto problems = Registry::normalizeOfficer(planned.fields);
            for (const FieldProblem& p : problems)
                refuse(record.line, p.field, p.reason);

            // The organization.
            const QString organizationName = normalizedText(cell(record, kOrganization));
            const QString registerNo = cell(record, kRegisterNo).trimmed();
            bool organizationOk = true;
            if (organizationName.isEmpty()) {
                refuse(record.line, kOrganization, QStringLiteral("the organization is missing"));
                organizationOk = false;
            } else if (auto problem = textProblem(QStringLiteral("the organization's name"), organizationName, 255)) {
                refuse(record.line, kOrganization, *problem);
                organizationOk = false;
            }
            if (auto problem = Registry::registerNoProblem(registerNo)) {
                refuse(record.line, kRegisterNo, *problem);
                organizationOk = false;
            }
            if (organizationOk && !registerNo.isEmpty()) {
                if (const Organization* existing = organizationByNumber.value(registerNo)) {
                    if (existing->name != organizationName) {
                        refuse(record.line, kOrganization,
                               QStringLiteral("registration number %1 belongs to \"%2\" in the registry, not \"%3\"")
                                   .arg(registerNo, existing->name, organizationName));
                    }
                    planned.organization.id = existing->id;
                } else if (auto it = plannedByNumber.find(registerNo); it != plannedByNumber.end()) {
                    if (plannedOrganizations[*it].name != organizationName) {
                        refuse(record.line, kOrganization,
                               QStringLiteral("registration number %1 is given to \"%2\" earlier in the file")
                                   .arg(registerNo, plannedOrganizations[*it].name));
                    }
                    planned.organization.planned = *it;
                } else {
                    plannedByNumber.insert(registerNo, static_cast<int>(plannedOrganizations.size()));
                    planned.organization.planned = static_cast<int>(plannedOrganizations.size());
                    plannedOrganizations.push_back({organizationName, registerNo, 0});
                }
            } else if (organizationOk) {
                const auto named = organizationsByName.values(organizationName);
                if (named.size() > 1) {
                    refuse(record.line, kOrganization,
                           QStringLiteral("%1 organizations are named \"%2\"; give org_register_no to choose one")
                               .arg(named.size())
                               .arg(organizationName));
                } else if (named.size() == 1) {
                    planned.organization.id = named.front()->id;
                } else if (auto it = plannedByName.find(organizationName); it != plannedByName.end()) {
                    planned.organization.planned = *it;
                } else {
                    plannedByName.insert(organizationName, static_cast<int>(plannedOrganizations.size()));
                    planned.organization.planned = static_cast<int>(plannedOrganizations.size());
                    plannedOrganizations.push_back({organizationName, QString(), 0});
                }
            }

            // The person: one civil ID is one officer.
            const QString& civilId = planned.fields.civilId;
            const bool civilIdValid = std::none_of(problems.begin(), problems.end(),
                                                   [](const FieldProblem& p) { return p.field == kCivilId; });
            if (civilIdValid) {
                if (auto earlier = lineOfCivilId.find(civilId); earlier != lineOfCivilId.end()) {
                    refuse(record.line, kCivilId,
                           QStringLiteral("civil ID %1 is also on line %2 of this file").arg(civilId).arg(*earlier));
                } else {
                    lineOfCivilId.insert(civilId, record.line);
                }
                if (auto stored = officersByCivilId.find(civilId); stored != officersByCivilId.end()) {
                    if (stored->fields.surname != planned.fields.surname ||
                        stored->fields.givenName != planned.fields.givenName) {
                        refuse(record.line, kCivilId,
                               QStringLiteral("civil ID %1 already belongs to %2 %3 (officer #%4) in the registry")
                                   .arg(civilId, stored->fields.surname, stored->fields.givenName)
                                   .arg(stored->id));
                    }
                    planned.existingId = stored->id;
                }
            }
            plannedOfficers.push_back(std::move(planned));
        }
        if (!report.problems.empty()) {
            if (trail)
                trail->unchanged(); // a file with a bad row changes nothing
            return report;
        }

        // Decide what changes before touching the database, so a file already imported changes nothing.
        std::vector<PlannedOfficer*> changes;
        for (PlannedOfficer& p : plannedOfficers) {
            if (p.existingId == 0) {
                ++report.added;
                changes.push_back(&p);
                continue;
            }
            OfficerFields wanted = p.fields;
            wanted.organizationId = p.organization.id; // 0 when the organization is new: then it differs
            if (wanted == officersByCivilId.value(p.fields.civilId).fields) {
                ++report.unchanged;
            } else {
                ++report.updated;
                changes.push_back(&p);
            }
        }
        report.organizationsAdded = static_cast<int>(plannedOrganizations.size());
        if (report.changedNothing() || !trail) {
            if (trail)
                trail->unchanged();
            return report;
        }

        const QString fileDigest =
            QString::fromLatin1(QCryptographicHash::hash(content, QCryptographicHash::Sha256).toHex());
        {
            const QString now = storedNow();
            for (PlannedOrganization& o : plannedOrganizations) {
                auto inserted = database.exec(
                    QStringLiteral("INSERT INTO organizations (name, register_no, created_at) VALUES (?, ?, ?)"),
                    {o.name, o.registerNo.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(o.registerNo),
                     now});
                if (!inserted)
                    return std::unexpected(inserted.error());
                o.id = inserted->lastInsertId().toLongLong();
                auto logged = trail->add({by.name,
                                          QStringLiteral("organization.add"),
                                          QStringLiteral("organization"),
                                          QString::number(o.id),
                                          audit::Ok,
                                          {{QStringLiteral("name"), o.name},
                                           {QStringLiteral("register_no"), o.registerNo},
                                           {QStringLiteral("source"), sourceName}}});
                if (!logged)
                    return std::unexpected(logged.error());
            }
            qint64 firstNewId = 0;
            qint64 lastNewId = 0;
            for (PlannedOfficer* p : changes) {
                const PlannedOrganization* newOrganization =
                    p->organization.planned >= 0
                        ? &plannedOrganizations[static_cast<std::size_t>(p->organization.planned)]
                        : nullptr;
                p->fields.organizationId = newOrganization ? newOrganization->id : p->organization.id;
                QString organizationName = newOrganization ? newOrganization->name : QString();
                if (!newOrganization) {
                    for (const Organization& o : *organizations) {
                        if (o.id == p->organization.id)
                            organizationName = o.name;
                    }
                }
                const OfficerFields& f = p->fields;
                const QString searchText = Registry::searchTextOf(f, organizationName);
                QString oldSearchText;
                if (p->existingId) {
                    auto old =
                        database.exec(QStringLiteral("SELECT search_text FROM officers WHERE id = ?"), {p->existingId});
                    if (!old)
                        return std::unexpected(old.error());
                    oldSearchText = old->next() ? old->value(0).toString() : QString();
                    old->finish();
                }
                CoreResult<QSqlQuery> done =
                    p->existingId
                        ? database.exec(
                              QStringLiteral("UPDATE officers SET organization_id = ?, surname = ?, given_name = ?, "
                                             "position = ?, department = ?, email = ?, phone = ?, search_text = ?, "
                                             "updated_at = ? WHERE id = ?"),
                              {f.organizationId, f.surname, f.givenName, f.position, f.department, f.email, f.phone,
                               searchText, now, p->existingId})
                        : database.exec(
                              QStringLiteral("INSERT INTO officers (organization_id, surname, given_name, civil_id, "
                                             "position, department, email, phone, search_text, created_at, "
                                             "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                              {f.organizationId, f.surname, f.givenName, f.civilId, f.position, f.department, f.email,
                               f.phone, searchText, now, now});
                if (!done)
                    return std::unexpected(done.error());
                const qint64 id = p->existingId ? p->existingId : done->lastInsertId().toLongLong();
                if (p->existingId) {
                    if (auto indexed = database.dialect().reindexOfficer(database, id, oldSearchText); !indexed)
                        return std::unexpected(indexed.error());
                } else {
                    firstNewId = firstNewId ? firstNewId : id;
                    lastNewId = id;
                }
                auto logged =
                    trail->add({by.name,
                                p->existingId ? QStringLiteral("officer.update") : QStringLiteral("officer.add"),
                                QStringLiteral("officer"),
                                QString::number(id),
                                audit::Ok,
                                {{QStringLiteral("organization_id"), f.organizationId},
                                 {QStringLiteral("civil_id"), f.civilId},
                                 {QStringLiteral("name"), f.surname + QLatin1Char(' ') + f.givenName},
                                 {QStringLiteral("source"), sourceName},
                                 {QStringLiteral("line"), p->line}}});
                if (!logged)
                    return std::unexpected(logged.error());
            }
            // New officers have consecutive ids inside this transaction: one statement indexes them all.
            if (firstNewId) {
                if (auto indexed = database.dialect().indexOfficers(database, firstNewId, lastNewId); !indexed)
                    return std::unexpected(indexed.error());
            }
            auto summary = trail->add({by.name,
                                       QStringLiteral("officer.import"),
                                       QStringLiteral("file"),
                                       sourceName,
                                       audit::Ok,
                                       {{QStringLiteral("sha256"), fileDigest},
                                        {QStringLiteral("rows"), report.rows},
                                        {QStringLiteral("added"), report.added},
                                        {QStringLiteral("updated"), report.updated},
                                        {QStringLiteral("unchanged"), report.unchanged},
                                        {QStringLiteral("organizations_added"), report.organizationsAdded}}});
            if (!summary)
                return std::unexpected(summary.error());
        }
        return report;
    };

    if (dryRun)
        return planAndWrite(nullptr);
    // Planned inside the write transaction (BEGIN IMMEDIATE): two desks importing files that name the same new
    // organizations take turns, and the second plans with what the first wrote (no duplicate organizations, no
    // UNIQUE failure). A desk that waits more than the busy timeout is told that another desk is writing.
    return AuditLog(database).change<ImportReport>([&](AuditTrail& trail) { return planAndWrite(&trail); });
}

} // namespace tamga::core
