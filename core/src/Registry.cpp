#include "tamga/core/Registry.h"

#include "SqlDialect.h"
#include "tamga/core/AuditLog.h"
#include "tamga/core/CivilId.h"
#include "tamga/core/Database.h"
#include "tamga/core/Text.h"

#include <QJsonObject>
#include <QRegularExpression>

#include <algorithm>

namespace tamga::core {

namespace {

Officer officerFrom(const QSqlQuery& q)
{
    Officer o;
    o.id = q.value(0).toLongLong();
    o.fields.organizationId = q.value(1).toLongLong();
    o.organizationName = q.value(2).toString();
    o.fields.surname = q.value(3).toString();
    o.fields.givenName = q.value(4).toString();
    o.fields.civilId = q.value(5).toString();
    o.fields.position = q.value(6).toString();
    o.fields.department = q.value(7).toString();
    o.fields.email = q.value(8).toString();
    o.fields.phone = q.value(9).toString();
    return o;
}

// The longest search text looked for: more than any name, ID and organization typed together.
constexpr int kMaxSearchLength = 100;
// Surname and given name: a CN of both (with a space) stays within RFC 5280's 64.
constexpr int kMaxNameLength = 31;
// Position, department, e-mail, phone: RFC 5280's bound for title and OU is 64; a position or department longer
// than that is refused when a certificate is made (the subject's check), but may be kept in the registry.
constexpr int kMaxFieldLength = 128;
// An organization's name: O holds 64 in a certificate; the registry keeps up to 255 (refused at the subject).
constexpr int kMaxOrganizationNameLength = 255;

const QString kOfficerSelect = QStringLiteral(
    "SELECT o.id, o.organization_id, g.name, o.surname, o.given_name, o.civil_id, o.position, o.department, "
    "o.email, o.phone FROM officers o JOIN organizations g ON g.id = o.organization_id ");

// Normalizes the fields and turns every problem into one message.
CoreStatus validOfficer(OfficerFields& fields)
{
    const auto problems = Registry::normalizeOfficer(fields);
    if (problems.empty())
        return {};
    QStringList reasons;
    for (const auto& p : problems)
        reasons << p.reason;
    return coreError(CoreErrorKind::InvalidInput, reasons.join(QStringLiteral("; ")));
}

} // namespace

std::optional<QString> Registry::registerNoProblem(const QString& registerNo)
{
    static const QRegularExpression sevenDigits(QStringLiteral("^[0-9]{7}$"));
    if (!registerNo.isEmpty() && !sevenDigits.match(registerNo).hasMatch())
        return QStringLiteral("the state registration number must be seven digits, not \"%1\"").arg(registerNo);
    return std::nullopt;
}

std::vector<FieldProblem> Registry::normalizeOfficer(OfficerFields& f)
{
    std::vector<FieldProblem> problems;
    f.surname = normalizedText(f.surname);
    f.givenName = normalizedText(f.givenName);
    f.position = normalizedText(f.position);
    f.department = normalizedText(f.department);
    f.email = normalizedText(f.email);
    f.phone = normalizedText(f.phone);
    if (f.surname.isEmpty())
        problems.push_back({QStringLiteral("surname"), QStringLiteral("the surname is missing")});
    if (f.givenName.isEmpty())
        problems.push_back({QStringLiteral("given_name"), QStringLiteral("the given name is missing")});
    if (f.position.isEmpty())
        problems.push_back({QStringLiteral("position"), QStringLiteral("the position is missing")});
    if (f.civilId.trimmed().isEmpty()) {
        problems.push_back({QStringLiteral("civil_id"), QStringLiteral("the civil ID is missing")});
    } else if (auto id = parseCivilId(f.civilId)) {
        f.civilId = id->text;
    } else {
        problems.push_back({QStringLiteral("civil_id"), id.error().message});
    }
    // Every text is shown, printed, exported and put into certificates: no control or bidirectional characters,
    // and lengths that fit real names and RFC 5280's bounds (a CN of surname and given name holds 64).
    const struct {
        const char* field;
        const QString* value;
        int maxLength;
    } limited[] = {{"surname", &f.surname, kMaxNameLength},    {"given_name", &f.givenName, kMaxNameLength},
                   {"position", &f.position, kMaxFieldLength}, {"department", &f.department, kMaxFieldLength},
                   {"email", &f.email, kMaxFieldLength},       {"phone", &f.phone, kMaxFieldLength}};
    for (const auto& [field, value, maxLength] : limited) {
        if (auto problem = textProblem(QString::fromLatin1(field), *value, maxLength))
            problems.push_back({QString::fromLatin1(field), *problem});
    }
    if (!f.email.isEmpty() && !isPlainEmailAddress(f.email))
        problems.push_back({QStringLiteral("email"),
                            QStringLiteral("\"%1\" is not an e-mail address a certificate can hold (name@domain: "
                                           "Latin letters, digits and . _ %2 + - only)")
                                .arg(escapedForTerminal(f.email.left(kMaxFieldLength)), QStringLiteral("%"))});
    static const QRegularExpression phone(QStringLiteral("^\\+?[0-9][0-9 \\-]{5,19}$"));
    if (!f.phone.isEmpty() && !phone.match(f.phone).hasMatch())
        problems.push_back({QStringLiteral("phone"), QStringLiteral("\"%1\" is not a phone number").arg(f.phone)});
    return problems;
}

QString Registry::searchTextOf(const OfficerFields& f, const QString& organizationName)
{
    const QString text =
        f.surname + QLatin1Char(' ') + f.givenName + QLatin1Char(' ') + f.civilId + QLatin1Char(' ') + organizationName;
    // The text as written (Cyrillic, found exactly), then its Latin spelling in the loose form a Latin query is
    // reduced to as well.
    return foldForSearch(text) + QStringLiteral(" | ") + looseLatinForSearch(latinTransliteration(text));
}

CoreResult<qint64> Registry::addOrganization(const Operator& by, const QString& name, const QString& registerNo,
                                             std::optional<qint64> parentId) const
{
    const QString cleanName = normalizedText(name);
    const QString cleanNumber = registerNo.trimmed();
    if (cleanName.isEmpty())
        return coreError(CoreErrorKind::InvalidInput, QStringLiteral("the organization's name is missing"));
    if (auto problem = textProblem(QStringLiteral("the organization's name"), cleanName, kMaxOrganizationNameLength))
        return coreError(CoreErrorKind::InvalidInput, *problem);
    if (auto problem = registerNoProblem(cleanNumber))
        return coreError(CoreErrorKind::InvalidInput, *problem);
    if (parentId) {
        if (auto parent = organization(*parentId); !parent)
            return std::unexpected(parent.error());
    }
    return AuditLog(m_database).change<qint64>([&](AuditTrail& trail) -> CoreResult<qint64> {
        if (!cleanNumber.isEmpty()) {
            auto clash = m_database.exec(QStringLiteral("SELECT id, name FROM organizations WHERE register_no = ?"),
                                         {cleanNumber});
            if (!clash)
                return std::unexpected(clash.error());
            if (clash->next()) {
                return coreError(CoreErrorKind::Conflict,
                                 QStringLiteral("registration number %1 already belongs to %2 (organization #%3)")
                                     .arg(cleanNumber, clash->value(1).toString())
                                     .arg(clash->value(0).toLongLong()));
            }
        }
        auto inserted = m_database.exec(
            QStringLiteral("INSERT INTO organizations (name, register_no, parent_id, created_at) VALUES (?, ?, ?, ?)"),
            {cleanName, cleanNumber.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(cleanNumber),
             parentId ? QVariant(*parentId) : QVariant(QMetaType::fromType<qlonglong>()), storedNow()});
        if (!inserted)
            return std::unexpected(inserted.error());
        const qint64 id = inserted->lastInsertId().toLongLong();
        QJsonObject details{{QStringLiteral("name"), cleanName}, {QStringLiteral("register_no"), cleanNumber}};
        if (parentId)
            details.insert(QStringLiteral("parent_id"), *parentId);
        auto logged = trail.add({by.name, QStringLiteral("organization.add"), QStringLiteral("organization"),
                                 QString::number(id), audit::Ok, details});
        if (!logged)
            return std::unexpected(logged.error());
        return id;
    });
}

CoreResult<std::vector<Organization>> Registry::organizations() const
{
    auto query =
        m_database.exec(QStringLiteral("SELECT id, name, register_no, parent_id FROM organizations ORDER BY name, id"));
    if (!query)
        return std::unexpected(query.error());
    std::vector<Organization> result;
    while (query->next()) {
        Organization o{query->value(0).toLongLong(), query->value(1).toString(), query->value(2).toString(), {}};
        if (!query->value(3).isNull())
            o.parentId = query->value(3).toLongLong();
        result.push_back(std::move(o));
    }
    if (auto complete = Database::readToEnd(*query); !complete)
        return std::unexpected(complete.error());
    return result;
}

CoreResult<Organization> Registry::organization(qint64 id) const
{
    auto query = m_database.exec(
        QStringLiteral("SELECT id, name, register_no, parent_id FROM organizations WHERE id = ?"), {id});
    if (!query)
        return std::unexpected(query.error());
    if (!query->next())
        return coreError(CoreErrorKind::NotFound, QStringLiteral("there is no organization #%1").arg(id));
    Organization o{query->value(0).toLongLong(), query->value(1).toString(), query->value(2).toString(), {}};
    if (!query->value(3).isNull())
        o.parentId = query->value(3).toLongLong();
    return o;
}

CoreResult<qint64> Registry::addOfficer(const Operator& by, const OfficerFields& input) const
{
    OfficerFields f = input;
    if (auto valid = validOfficer(f); !valid)
        return std::unexpected(valid.error());
    auto org = organization(f.organizationId);
    if (!org)
        return std::unexpected(org.error());
    return AuditLog(m_database).change<qint64>([&](AuditTrail& trail) -> CoreResult<qint64> {
        auto existing = m_database.exec(
            QStringLiteral("SELECT id, surname, given_name FROM officers WHERE civil_id = ?"), {f.civilId});
        if (!existing)
            return std::unexpected(existing.error());
        if (existing->next()) {
            return coreError(CoreErrorKind::Conflict,
                             QStringLiteral("civil ID %1 already belongs to %2 %3 (officer #%4)")
                                 .arg(f.civilId, existing->value(1).toString(), existing->value(2).toString())
                                 .arg(existing->value(0).toLongLong()));
        }
        existing->finish();
        const QString now = storedNow();
        auto inserted = m_database.exec(
            QStringLiteral("INSERT INTO officers (organization_id, surname, given_name, civil_id, position, "
                           "department, email, phone, search_text, created_at, updated_at) "
                           "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
            {f.organizationId, f.surname, f.givenName, f.civilId, f.position, f.department, f.email, f.phone,
             searchTextOf(f, org->name), now, now});
        if (!inserted)
            return std::unexpected(inserted.error());
        const qint64 id = inserted->lastInsertId().toLongLong();
        if (auto indexed = m_database.dialect().indexOfficers(m_database, id, id); !indexed)
            return std::unexpected(indexed.error());
        auto logged = trail.add({by.name,
                                 QStringLiteral("officer.add"),
                                 QStringLiteral("officer"),
                                 QString::number(id),
                                 audit::Ok,
                                 {{QStringLiteral("organization_id"), f.organizationId},
                                  {QStringLiteral("civil_id"), f.civilId},
                                  {QStringLiteral("name"), f.surname + QLatin1Char(' ') + f.givenName}}});
        if (!logged)
            return std::unexpected(logged.error());
        return id;
    });
}

CoreStatus Registry::updateOfficer(const Operator& by, qint64 id, const OfficerFields& input) const
{
    auto current = officer(id);
    if (!current)
        return std::unexpected(current.error());
    OfficerFields f = input;
    if (auto valid = validOfficer(f); !valid)
        return valid;
    if (f.civilId != current->fields.civilId) {
        return coreError(CoreErrorKind::InvalidInput,
                         QStringLiteral("the civil ID cannot change: %1 is this officer; register a new officer for %2")
                             .arg(current->fields.civilId, f.civilId));
    }
    auto org = organization(f.organizationId);
    if (!org)
        return std::unexpected(org.error());
    QJsonObject changed;
    const std::pair<const char*, std::pair<QString, QString>> fields[] = {
        {"surname", {current->fields.surname, f.surname}},
        {"given_name", {current->fields.givenName, f.givenName}},
        {"position", {current->fields.position, f.position}},
        {"department", {current->fields.department, f.department}},
        {"email", {current->fields.email, f.email}},
        {"phone", {current->fields.phone, f.phone}},
        {"organization", {current->organizationName, org->name}},
    };
    for (const auto& [name, values] : fields) {
        if (values.first != values.second)
            changed.insert(QLatin1String(name),
                           QJsonObject{{QStringLiteral("from"), values.first}, {QStringLiteral("to"), values.second}});
    }
    if (changed.isEmpty())
        return {};
    auto done = AuditLog(m_database).change<bool>([&](AuditTrail& trail) -> CoreResult<bool> {
        const QString oldSearchText = searchTextOf(current->fields, current->organizationName);
        auto updated = m_database.exec(
            QStringLiteral(
                "UPDATE officers SET organization_id = ?, surname = ?, given_name = ?, position = ?, department = ?, "
                "email = ?, phone = ?, search_text = ?, updated_at = ? WHERE id = ?"),
            {f.organizationId, f.surname, f.givenName, f.position, f.department, f.email, f.phone,
             searchTextOf(f, org->name), storedNow(), id});
        if (!updated)
            return std::unexpected(updated.error());
        if (auto indexed = m_database.dialect().reindexOfficer(m_database, id, oldSearchText); !indexed)
            return std::unexpected(indexed.error());
        auto logged = trail.add({by.name, QStringLiteral("officer.update"), QStringLiteral("officer"),
                                 QString::number(id), audit::Ok, changed});
        if (!logged)
            return std::unexpected(logged.error());
        return true;
    });
    if (!done)
        return std::unexpected(done.error());
    return {};
}

CoreResult<Officer> Registry::officer(qint64 id) const
{
    auto query = m_database.exec(kOfficerSelect + QStringLiteral("WHERE o.id = ?"), {id});
    if (!query)
        return std::unexpected(query.error());
    if (!query->next())
        return coreError(CoreErrorKind::NotFound, QStringLiteral("there is no officer #%1").arg(id));
    return officerFrom(*query);
}

CoreResult<std::vector<Officer>> Registry::officers(std::optional<qint64> organizationId, const QString& search,
                                                    int limit) const
{
    // Each word typed must be found, in any order ("Батбаяр Дорж" finds Дорж Батбаяр). A query with Latin letters
    // is reduced the way the stored Latin spelling was (looseLatinForSearch). A search box holds a name, an ID or
    // an organization: longer input is cut rather than searched.
    QString needle = foldForSearch(search.left(kMaxSearchLength));
    static const QRegularExpression latinLetter(QStringLiteral("[a-z]"));
    if (needle.contains(latinLetter))
        needle = looseLatinForSearch(needle);
    // What was typed, as one piece, first (the usual case, and the fastest); only when that finds nobody, its
    // words in any order ("Батбаяр Дорж" for Дорж Батбаяр).
    const QStringList words = needle.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    std::vector<QStringList> attempts{QStringList{needle}};
    if (words.size() > 1)
        attempts.push_back(words);
    std::vector<Officer> result;
    for (const QStringList& attempt : attempts) {
        QString sql = kOfficerSelect;
        QVariantList values;
        if (!needle.isEmpty()) {
            const auto clause = m_database.dialect().officerSearch(attempt);
            sql += clause.joinAndWhere;
            values << clause.values;
        } else {
            sql += QStringLiteral("WHERE 1 = 1");
        }
        if (organizationId) {
            sql += QStringLiteral(" AND o.organization_id = ?");
            values << *organizationId;
        }
        // In id order the index hands rows over as it finds them and stops at the limit; sorting thousands of
        // matches by name first would cost more than the 20 ms a keystroke may take. The page is sorted below.
        sql += QStringLiteral(" ORDER BY o.id LIMIT ?");
        values << limit;
        auto query = m_database.exec(sql, values);
        if (!query)
            return std::unexpected(query.error());
        while (query->next())
            result.push_back(officerFrom(*query));
        if (auto complete = Database::readToEnd(*query); !complete)
            return std::unexpected(complete.error());
        query->finish();
        if (!result.empty())
            break;
    }
    std::ranges::sort(result, [](const Officer& a, const Officer& b) {
        return std::tie(a.fields.surname, a.fields.givenName, a.id) <
               std::tie(b.fields.surname, b.fields.givenName, b.id);
    });
    return result;
}

} // namespace tamga::core
