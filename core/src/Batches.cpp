#include "tamga/core/Batches.h"

#include "tamga/core/AuditLog.h"
#include "tamga/core/CivilId.h"
#include "tamga/core/Csv.h"
#include "tamga/core/Database.h"
#include "tamga/core/EnrollmentRecords.h"
#include "tamga/core/Files.h"
#include "tamga/core/Profile.h"
#include "tamga/core/Registry.h"
#include "tamga/core/SealedSecrets.h"
#include "tamga/core/Text.h"
#include "tamga/core/TokenStock.h"

#include <QHash>
#include <QJsonArray>
#include <QSet>
#include <QSqlQuery>
#include <QVariant>

namespace tamga::core {

namespace {

constexpr qint64 kMaxOfficerListBytes = 4 * 1024 * 1024;
// Random PINs the desk makes: an SO PIN nobody types, an initial PIN the officer replaces at hand-over. Eight
// digits fit every token's length limits seen (SoftHSM 4-255, opencryptoki 4-8, SafeNet 6-16).
constexpr int kRandomPinDigits = 8;

CoreResult<std::vector<qint64>> officersOfOrganization(const Database& database, qint64 organizationId)
{
    if (auto organization = Registry(database).organization(organizationId); !organization)
        return std::unexpected(organization.error());
    auto query = database.exec(
        QStringLiteral("SELECT id FROM officers WHERE organization_id = ? ORDER BY surname, given_name, id"),
        {organizationId});
    if (!query)
        return std::unexpected(query.error());
    std::vector<qint64> ids;
    while (query->next())
        ids.push_back(query->value(0).toLongLong());
    if (auto complete = Database::readToEnd(*query); !complete)
        return std::unexpected(complete.error());
    return ids;
}

// The officers a CSV of civil IDs names, in its order; every line that names nobody is a problem.
CoreResult<std::vector<qint64>> officersOfList(const Database& database, const QString& path)
{
    auto bytes = readRegularFile(path, kMaxOfficerListBytes, QStringLiteral("the officer list"));
    if (!bytes)
        return std::unexpected(bytes.error());
    if (auto invalid = firstInvalidUtf8(*bytes))
        return coreError(CoreErrorKind::InvalidInput,
                         QStringLiteral("%1, line %2: not UTF-8").arg(path).arg(invalid->line));
    const CsvDocument document = parseCsv(*bytes);
    if (document.problem)
        return coreError(
            CoreErrorKind::InvalidInput,
            QStringLiteral("%1, line %2: %3").arg(path).arg(document.problem->line).arg(document.problem->reason));
    if (document.records.empty() || !document.records.front().fields.contains(QStringLiteral("civil_id")))
        return coreError(CoreErrorKind::InvalidInput, QStringLiteral("%1: no \"civil_id\" column").arg(path));
    const qsizetype column = document.records.front().fields.indexOf(QStringLiteral("civil_id"));
    std::vector<qint64> ids;
    QStringList problems;
    for (std::size_t i = 1; i < document.records.size(); ++i) {
        const CsvRecord& record = document.records[i];
        const QString text = column < record.fields.size() ? record.fields[column] : QString();
        auto civilId = parseCivilId(text);
        if (!civilId) {
            problems << QStringLiteral("line %1: %2").arg(record.line).arg(civilId.error().message);
            continue;
        }
        auto query = database.exec(QStringLiteral("SELECT id FROM officers WHERE civil_id = ?"), {civilId->text});
        if (!query)
            return std::unexpected(query.error());
        if (query->next())
            ids.push_back(query->value(0).toLongLong());
        else
            problems << QStringLiteral("line %1: no officer has the civil ID %2").arg(record.line).arg(civilId->text);
        query->finish();
    }
    if (!problems.isEmpty())
        return coreError(CoreErrorKind::InvalidInput,
                         QStringLiteral("%1: %2").arg(path, problems.mid(0, 10).join(QStringLiteral("; "))));
    return ids;
}

std::optional<BatchMode> parseMode(const QString& name)
{
    if (name == QStringLiteral("in_person"))
        return BatchMode::InPerson;
    if (name == QStringLiteral("prepared"))
        return BatchMode::Prepared;
    return std::nullopt;
}

const QString kSummarySql = QStringLiteral(
    "SELECT b.id, b.name, p.name, c.name, b.mode, b.created_at, count(m.officer_id), count(m.enrollment_id), "
    "count(*) FILTER (WHERE e.state IN ('verified', 'handed_over')), count(*) FILTER (WHERE e.state = 'handed_over') "
    "FROM batches b JOIN certificate_profiles p ON p.id = b.profile_id JOIN ca_connectors c ON c.id = b.ca_id "
    "LEFT JOIN batch_members m ON m.batch_id = b.id LEFT JOIN enrollments e ON e.id = m.enrollment_id ");

BatchSummary summaryOf(const QSqlQuery& q)
{
    return BatchSummary{q.value(0).toLongLong(),
                        q.value(1).toString(),
                        q.value(2).toString(),
                        q.value(3).toString(),
                        parseMode(q.value(4).toString()).value_or(BatchMode::InPerson),
                        q.value(5).toString(),
                        q.value(6).toInt(),
                        q.value(7).toInt(),
                        q.value(8).toInt(),
                        q.value(9).toInt()};
}

} // namespace

QString batchModeName(BatchMode mode)
{
    return mode == BatchMode::Prepared ? QStringLiteral("prepared") : QStringLiteral("in_person");
}

CoreResult<qint64> Batches::create(const Operator& by, const QString& name, const std::vector<qint64>& organizationIds,
                                   const QString& officersCsv, const QString& profileName, const QString& caName,
                                   BatchMode mode, const std::vector<qint64>& officerIds) const
{
    const QString cleanName = name.trimmed();
    if (cleanName.isEmpty())
        return coreError(CoreErrorKind::InvalidInput, QStringLiteral("a batch needs a name"));
    if (auto problem = textProblem(QStringLiteral("name"), cleanName, 100))
        return coreError(CoreErrorKind::InvalidInput, *problem);
    auto profileId = Profiles(m_database).idOf(profileName);
    if (!profileId)
        return std::unexpected(profileId.error());
    auto ca = CaConnectors(m_database, QString()).find(caName);
    if (!ca)
        return std::unexpected(ca.error());
    std::vector<qint64> officers;
    QSet<qint64> seen;
    auto take = [&](const std::vector<qint64>& ids) {
        for (qint64 id : ids) {
            if (!seen.contains(id)) {
                seen.insert(id);
                officers.push_back(id);
            }
        }
    };
    for (qint64 organizationId : organizationIds) {
        auto ids = officersOfOrganization(m_database, organizationId);
        if (!ids)
            return std::unexpected(ids.error());
        take(*ids);
    }
    if (!officersCsv.isEmpty()) {
        auto ids = officersOfList(m_database, officersCsv);
        if (!ids)
            return std::unexpected(ids.error());
        take(*ids);
    }
    for (qint64 officerId : officerIds) {
        auto known = m_database.exec(QStringLiteral("SELECT id FROM officers WHERE id = ?"), {officerId});
        if (!known)
            return std::unexpected(known.error());
        if (!known->next())
            return coreError(CoreErrorKind::NotFound, QStringLiteral("there is no officer #%1").arg(officerId));
    }
    take(officerIds);
    if (officers.empty())
        return coreError(CoreErrorKind::InvalidInput, QStringLiteral("the batch %1 has no officers").arg(cleanName));

    return AuditLog(m_database).change<qint64>([&](AuditTrail& trail) -> CoreResult<qint64> {
        auto clash = m_database.exec(QStringLiteral("SELECT id FROM batches WHERE name = ?"), {cleanName});
        if (!clash)
            return std::unexpected(clash.error());
        if (clash->next())
            return coreError(CoreErrorKind::Conflict, QStringLiteral("a batch named %1 exists already").arg(cleanName));
        clash->finish();
        auto inserted = m_database.exec(QStringLiteral("INSERT INTO batches (name, profile_id, ca_id, mode, "
                                                       "created_by, created_at) VALUES (?, ?, ?, ?, ?, ?)"),
                                        {cleanName, *profileId, ca->id, batchModeName(mode), by.name, storedNow()});
        if (!inserted)
            return std::unexpected(inserted.error());
        const qint64 id = inserted->lastInsertId().toLongLong();
        for (std::size_t i = 0; i < officers.size(); ++i) {
            auto member = m_database.exec(
                QStringLiteral("INSERT INTO batch_members (batch_id, officer_id, position) VALUES (?, ?, ?)"),
                {id, officers[i], static_cast<qint64>(i + 1)});
            if (!member)
                return std::unexpected(member.error());
        }
        QJsonArray organizations;
        for (qint64 organizationId : organizationIds)
            organizations.append(organizationId);
        auto logged = trail.add({by.name,
                                 QStringLiteral("batch.create"),
                                 QStringLiteral("batch"),
                                 QString::number(id),
                                 audit::Ok,
                                 {{QStringLiteral("name"), cleanName},
                                  {QStringLiteral("mode"), batchModeName(mode)},
                                  {QStringLiteral("profile"), profileName},
                                  {QStringLiteral("ca"), caName},
                                  {QStringLiteral("organizations"), organizations},
                                  {QStringLiteral("officers"), static_cast<qint64>(officers.size())}}});
        if (!logged)
            return std::unexpected(logged.error());
        return id;
    });
}

CoreResult<std::vector<BatchSummary>> Batches::list() const
{
    auto query = m_database.exec(kSummarySql + QStringLiteral("GROUP BY b.id, p.name, c.name ORDER BY b.id"));
    if (!query)
        return std::unexpected(query.error());
    std::vector<BatchSummary> batches;
    while (query->next())
        batches.push_back(summaryOf(*query));
    if (auto complete = Database::readToEnd(*query); !complete)
        return std::unexpected(complete.error());
    return batches;
}

CoreResult<BatchSummary> Batches::find(qint64 id) const
{
    auto query = m_database.exec(kSummarySql + QStringLiteral("WHERE b.id = ? GROUP BY b.id, p.name, c.name"), {id});
    if (!query)
        return std::unexpected(query.error());
    if (!query->next())
        return coreError(CoreErrorKind::NotFound, QStringLiteral("there is no batch #%1").arg(id));
    BatchSummary summary = summaryOf(*query);
    query->finish();
    return summary;
}

CoreResult<std::vector<BatchMember>> Batches::members(qint64 id) const
{
    if (auto batch = find(id); !batch)
        return std::unexpected(batch.error());
    auto query = m_database.exec(
        QStringLiteral("SELECT m.position, o.id, o.surname || ' ' || o.given_name, g.name, o.civil_id, m.enrollment_id "
                       "FROM batch_members m JOIN officers o ON o.id = m.officer_id JOIN organizations g ON g.id = "
                       "o.organization_id WHERE m.batch_id = ? ORDER BY m.position"),
        {id});
    if (!query)
        return std::unexpected(query.error());
    std::vector<BatchMember> members;
    std::vector<std::optional<qint64>> enrollmentIds;
    while (query->next()) {
        members.push_back(BatchMember{query->value(0).toInt(), query->value(1).toLongLong(), query->value(2).toString(),
                                      query->value(3).toString(), query->value(4).toString(), std::nullopt});
        enrollmentIds.push_back(query->value(5).isNull() ? std::nullopt : std::optional(query->value(5).toLongLong()));
    }
    if (auto complete = Database::readToEnd(*query); !complete)
        return std::unexpected(complete.error());
    auto records = EnrollmentRecords(m_database).ofBatch(id);
    if (!records)
        return std::unexpected(records.error());
    QHash<qint64, const EnrollmentRecord*> byId;
    for (const EnrollmentRecord& record : *records)
        byId.insert(record.id, &record);
    for (std::size_t i = 0; i < members.size(); ++i) {
        if (!enrollmentIds[i])
            continue;
        const EnrollmentRecord* record = byId.value(*enrollmentIds[i]);
        if (!record)
            return coreError(
                CoreErrorKind::Database,
                QStringLiteral("batch #%1 names enrollment #%2, which is not there").arg(id).arg(*enrollmentIds[i]));
        members[i].enrollment = *record;
    }
    return members;
}

CoreStatus Batches::tokenLost(const Operator& by, qint64 batchId, qint64 officerId, const QString& reason) const
{
    const QString cleanReason = reason.trimmed();
    if (cleanReason.isEmpty())
        return coreError(CoreErrorKind::InvalidInput, QStringLiteral("say what happened to the token (a reason)"));
    if (auto problem = textProblem(QStringLiteral("reason"), cleanReason, 200))
        return coreError(CoreErrorKind::InvalidInput, *problem);
    auto all = members(batchId);
    if (!all)
        return std::unexpected(all.error());
    const auto member =
        std::find_if(all->begin(), all->end(), [&](const BatchMember& m) { return m.officerId == officerId; });
    if (member == all->end())
        return coreError(CoreErrorKind::NotFound,
                         QStringLiteral("officer #%1 is not in batch #%2").arg(officerId).arg(batchId));
    if (!member->enrollment)
        return coreError(CoreErrorKind::Conflict,
                         QStringLiteral("%1 waits for a token: there is no token to release").arg(member->officerName));
    const EnrollmentRecord& enrollment = *member->enrollment;
    const EnrollmentState state = enrollment.state;
    const bool beforeTheCa = state == EnrollmentState::Created || state == EnrollmentState::TokenPrepared ||
                             state == EnrollmentState::KeyGenerated || state == EnrollmentState::RequestBuilt;
    if (!beforeTheCa) {
        return coreError(
            CoreErrorKind::Conflict,
            isSettled(state) && !hasVerifiedCertificate(state)
                ? QStringLiteral("enrollment #%1 of %2 is %3 already")
                      .arg(enrollment.id)
                      .arg(member->officerName, stateName(state))
                : QStringLiteral("the request of enrollment #%1 (%2) went to the CA: a certificate for the key on that "
                                 "token may exist or come, so the token cannot just be released; revoke the "
                                 "certificate instead")
                      .arg(enrollment.id)
                      .arg(member->officerName));
    }
    auto done = AuditLog(m_database).change<bool>([&](AuditTrail& trail) -> CoreResult<bool> {
        // Another desk may have moved the enrollment on since it was read: only the state seen here is cancelled.
        auto cancelled = m_database.exec(
            QStringLiteral("UPDATE enrollments SET state = 'cancelled', last_error = ?, updated_at = ? "
                           "WHERE id = ? AND state = ?"),
            {QStringLiteral("token lost: %1").arg(cleanReason), storedNow(), enrollment.id, stateName(state)});
        if (!cancelled)
            return std::unexpected(cancelled.error());
        if (cancelled->numRowsAffected() != 1)
            return coreError(
                CoreErrorKind::Conflict,
                QStringLiteral("enrollment #%1 moved on meanwhile (another desk?): look again").arg(enrollment.id));
        auto released = m_database.exec(
            QStringLiteral("UPDATE batch_members SET enrollment_id = NULL WHERE batch_id = ? AND officer_id = ? "
                           "AND enrollment_id = ?"),
            {batchId, officerId, enrollment.id});
        if (!released)
            return std::unexpected(released.error());
        auto pending = m_database.exec(QStringLiteral("DELETE FROM pending_token_secrets WHERE enrollment_id = ?"),
                                       {enrollment.id});
        if (!pending)
            return std::unexpected(pending.error());
        if (!enrollment.tokenSerial.isEmpty()) {
            if (auto moved =
                    moveTokenInStock(m_database, by.name, enrollment.tokenSerial, StockState::Lost,
                                     QStringLiteral("lost during batch #%1: %2").arg(batchId).arg(cleanReason));
                !moved)
                return std::unexpected(moved.error());
        }
        auto logged = trail.add({by.name,
                                 QStringLiteral("batch.token_lost"),
                                 QStringLiteral("enrollment"),
                                 QString::number(enrollment.id),
                                 audit::Ok,
                                 {{QStringLiteral("batch"), batchId},
                                  {QStringLiteral("officer"), officerId},
                                  {QStringLiteral("token"), enrollment.tokenSerial},
                                  {QStringLiteral("state"), stateName(state)},
                                  {QStringLiteral("reason"), cleanReason}}});
        if (!logged)
            return std::unexpected(logged.error());
        return true;
    });
    if (!done)
        return std::unexpected(done.error());
    return {};
}

BatchRunner::BatchRunner(const Database& database, const CaConnectors& connectors, TokenModules modules)
    : m_database(database), m_connectors(connectors), m_modules(std::move(modules))
{
}

namespace {

bool countsAsDone(EnrollmentState state)
{
    return hasVerifiedCertificate(state) || state == EnrollmentState::Submitted;
}

// A certificate the CA answered with, not yet on its token (or written and not yet read back).
bool waitsForWriteBack(EnrollmentState state)
{
    return state == EnrollmentState::CertificateReceived || state == EnrollmentState::WrittenToToken;
}

QString outcomeLine(const BatchMember& member, const QString& serial, const QString& how)
{
    return QStringLiteral("%1 (%2) on token %3: %4")
        .arg(member.officerName, member.organizationName, serial.isEmpty() ? QStringLiteral("(new)") : serial, how);
}

// The batch's member whose enrollment this is; a list that names another batch's enrollment is refused.
CoreResult<const BatchMember*> memberWithEnrollment(const std::vector<BatchMember>& members, qint64 enrollmentId,
                                                    qint64 batchId)
{
    for (const BatchMember& m : members) {
        if (m.enrollment && m.enrollment->id == enrollmentId)
            return &m;
    }
    return coreError(CoreErrorKind::InvalidInput,
                     QStringLiteral("enrollment #%1 is not one of batch #%2's").arg(enrollmentId).arg(batchId));
}

void absorb(BatchRunner::Outcome& into, const BatchRunner::Outcome& from)
{
    into.done += from.done;
    into.failed += from.failed;
    into.lines << from.lines;
}

CoreStatus checkSecretsFor(const BatchSummary& batch, const Pin* userPin, const DeskKey* deskKey)
{
    if (batch.mode == BatchMode::Prepared && !deskKey)
        return coreError(CoreErrorKind::NotPermitted,
                         QStringLiteral("batch #%1 prepares tokens in advance: a supervisor signs in, whose desk key "
                                        "seals each token's PINs")
                             .arg(batch.id));
    if (batch.mode == BatchMode::InPerson && !userPin)
        return coreError(CoreErrorKind::InvalidInput,
                         QStringLiteral("batch #%1 is worked in person: the officer's PIN is needed").arg(batch.id));
    return {};
}

} // namespace

CoreResult<BatchRunner::Plan> BatchRunner::plan(const Operator& by, qint64 batchId, Scope scope, const Pin* userPin,
                                                const DeskKey* deskKey, const Pin* soPin, int newTokens,
                                                const ProgressSink& progress) const
{
    auto batch = Batches(m_database).find(batchId);
    if (!batch)
        return std::unexpected(batch.error());
    if (auto able = checkSecretsFor(*batch, userPin, deskKey); !able)
        return std::unexpected(able.error());
    // Without a supervisor's desk key (a clerk's run) each new token's random SO PIN is sealed to the desk's public
    // sealing key, which opens nothing; only a desk that has none yet (no supervisor ever unlocked it) takes the RA's
    // SO PIN as typed.
    std::optional<DeskKey> sealOnly;
    const DeskKey* sealer = deskKey;
    if (!sealer && scope == Scope::EveryToken) {
        auto found = SealedSecrets(m_database).sealingKey();
        if (!found)
            return std::unexpected(found.error());
        if (*found) {
            sealOnly = std::move(**found);
            sealer = &*sealOnly;
        }
    }
    if (scope == Scope::EveryToken && !sealer && !soPin)
        return coreError(CoreErrorKind::InvalidInput,
                         QStringLiteral("new tokens need an SO PIN: the desk seals a random one per token once a "
                                        "supervisor has unlocked its key, until then the RA's SO PIN is given"));
    const bool prepared = batch->mode == BatchMode::Prepared;
    auto members = Batches(m_database).members(batchId);
    if (!members)
        return std::unexpected(members.error());
    // A first look (the engine checks each token again before it acts on it): a wave's desk has many tokens.
    auto present = m_modules.tokensAsLastSeen();
    if (!present)
        return std::unexpected(present.error());

    Plan plan;
    QSet<QString> plugged;
    int blanks = 0;
    for (const TokenSnapshot& token : *present) {
        if (token.flags.tokenInitialized)
            plugged.insert(token.serialText());
        else
            ++blanks;
    }
    // Officers whose token came back: their interrupted enrollments go on.
    for (const BatchMember& member : *members) {
        if (!member.enrollment || !plugged.contains(member.enrollment->tokenSerial))
            continue;
        const EnrollmentState state = member.enrollment->state;
        if (scope == Scope::CertificatesOnly ? waitsForWriteBack(state) : isInterrupted(state))
            plan.enrollments.push_back(member.enrollment->id);
    }
    auto stillWaiting = [&] {
        return static_cast<int>(
            std::count_if(members->begin(), members->end(), [](const BatchMember& m) { return !m.enrollment; }));
    };
    if (scope == Scope::CertificatesOnly) {
        plan.outcome.waiting = stillWaiting();
        return plan;
    }

    // Each blank token for the next officer: first one whose new token stopped before it was initialized, then
    // those waiting, in the batch's order.
    std::vector<BatchMember*> candidates;
    for (BatchMember& member : *members) {
        if (member.enrollment && member.enrollment->state == EnrollmentState::Created &&
            member.enrollment->tokenSerial.isEmpty())
            candidates.push_back(&member);
    }
    for (BatchMember& member : *members) {
        if (!member.enrollment)
            candidates.push_back(&member);
    }
    // Wiped tokens plugged in (back from their officers, erased for re-issue: TokenService::wipeForReissue) go to
    // officers waiting before any blank token, when this run can open their sealed SO PIN (a supervisor's).
    std::vector<QString> wiped;
    if (deskKey && deskKey->canOpen()) {
        for (const TokenSnapshot& token : *present) {
            if (!token.flags.tokenInitialized)
                continue;
            auto stocked = TokenStock(m_database).find(token.serialText());
            if (!stocked || stocked->state != StockState::Wiped)
                continue;
            auto onIt = EnrollmentRecords(m_database).onToken(token.serialText());
            if (!onIt)
                return std::unexpected(onIt.error());
            // Not one whose re-issue is already under way (an enrollment stopped part-way on it).
            if (std::none_of(onIt->begin(), onIt->end(),
                             [](const EnrollmentRecord& r) { return isInterrupted(r.state); }))
                wiped.push_back(token.serialText());
        }
    }
    const EnrollmentEngine engine(m_database, m_connectors, m_modules);
    const int toTake = std::max(blanks, newTokens);
    std::size_t nextWiped = 0;
    int blanksTaken = 0;
    for (BatchMember* candidate : candidates) {
        BatchMember& member = *candidate;
        // An officer whose new token stopped before it was initialized waits for that token (its pending SO PIN).
        const bool reissue = !member.enrollment && nextWiped < wiped.size();
        if (!reissue) {
            if (blanksTaken >= toTake)
                break;
            if (blanksTaken > 0) {
                // Is a blank token still plugged in? (The one just initialized is not blank any more.)
                auto now = m_modules.tokensAsLastSeen();
                if (!now)
                    return std::unexpected(now.error());
                if (std::none_of(now->begin(), now->end(),
                                 [](const TokenSnapshot& t) { return !t.flags.tokenInitialized; }))
                    break;
            }
            ++blanksTaken;
        }
        const QString serial = reissue ? wiped[nextWiped++] : QString();
        CoreResult<qint64> id =
            member.enrollment
                ? CoreResult<qint64>(member.enrollment->id)
                : engine.create(by, member.officerId, serial, batch->profileName, batch->caName, reissue,
                                [&](qint64 enrollmentId) { return linkedHere(batchId, member, enrollmentId); });
        if (!id) {
            ++plan.outcome.failed;
            plan.outcome.lines << outcomeLine(member, serial, id.error().message);
            break; // the same error would meet the next officer too
        }
        // A wiped token keeps the SO PIN the desk sealed for it; a blank one gets a random one (or the RA's).
        std::optional<Pin> soPinOfToken;
        if (reissue) {
            auto kept = SealedSecrets(m_database).open(by, *deskKey, serial, SecretKind::SoPin);
            if (!kept) {
                ++plan.outcome.failed;
                plan.outcome.lines << outcomeLine(member, serial, kept.error().message);
                continue;
            }
            soPinOfToken = std::move(*kept);
        } else {
            soPinOfToken = sealer ? SealedSecrets::randomPin(kRandomPinDigits) : Pin(soPin->view());
        }
        // The token's label says whose it is: the civil ID, as the wizard labels tokens (a name in Cyrillic
        // would pass a token's 32 bytes).
        TokenPreparation preparation{member.civilId, std::move(*soPinOfToken), sealer, prepared};
        const Pin pin = prepared ? SealedSecrets::randomPin(kRandomPinDigits) : Pin(userPin->view());
        auto result = engine.runUntil(by, *id, pin, &preparation, EnrollmentState::TokenPrepared, progress);
        if (!result) {
            ++plan.outcome.failed;
            plan.outcome.lines << outcomeLine(member, serial, result.error().message);
            break; // the blank token stays blank: the next officer would meet the same
        }
        if (!member.enrollment)
            member.enrollment = *result;
        plan.enrollments.push_back(*id);
    }
    plan.outcome.waiting = stillWaiting();
    return plan;
}

CoreStatus BatchRunner::linkedHere(qint64 batchId, const BatchMember& member, qint64 enrollmentId) const
{
    // create() linked the officer's waiting membership; if another desk took this officer up meanwhile, the
    // membership holds that desk's enrollment.
    auto linked =
        m_database.exec(QStringLiteral("SELECT enrollment_id FROM batch_members WHERE batch_id = ? AND officer_id = ?"),
                        {batchId, member.officerId});
    if (!linked)
        return std::unexpected(linked.error());
    const bool ours = linked->next() && linked->value(0).toLongLong() == enrollmentId;
    linked->finish();
    if (!ours)
        return coreError(CoreErrorKind::Conflict,
                         QStringLiteral("%1 was taken up by another desk meanwhile").arg(member.officerName));
    return {};
}

CoreResult<BatchRunner::Outcome> BatchRunner::work(const Operator& by, qint64 batchId,
                                                   const std::vector<qint64>& enrollments, const Pin* userPin,
                                                   const DeskKey* deskKey, const ProgressSink& progress) const
{
    auto batch = Batches(m_database).find(batchId);
    if (!batch)
        return std::unexpected(batch.error());
    if (auto able = checkSecretsFor(*batch, userPin, deskKey); !able)
        return std::unexpected(able.error());
    auto members = Batches(m_database).members(batchId);
    if (!members)
        return std::unexpected(members.error());
    const EnrollmentEngine engine(m_database, m_connectors, m_modules);
    Outcome outcome;
    for (qint64 id : enrollments) {
        auto member = memberWithEnrollment(*members, id, batchId);
        if (!member)
            return std::unexpected(member.error());
        const QString serial = (*member)->enrollment->tokenSerial;
        CoreResult<Pin> pin = batch->mode == BatchMode::Prepared
                                  ? SealedSecrets(m_database).open(by, *deskKey, serial, SecretKind::InitialPin)
                                  : CoreResult<Pin>(Pin(userPin->view()));
        CoreResult<EnrollmentRecord> result =
            pin ? engine.run(by, id, *pin, nullptr, progress) : std::unexpected(pin.error());
        if (result && countsAsDone(result->state))
            ++outcome.done;
        else
            ++outcome.failed;
        outcome.lines << outcomeLine(**member, result ? result->tokenSerial : serial,
                                     result ? stateName(result->state) : result.error().message);
    }
    return outcome;
}

CoreResult<BatchRunner::Outcome> BatchRunner::outcomeOf(qint64 batchId, const std::vector<qint64>& enrollments) const
{
    auto members = Batches(m_database).members(batchId);
    if (!members)
        return std::unexpected(members.error());
    Outcome outcome;
    for (qint64 id : enrollments) {
        auto member = memberWithEnrollment(*members, id, batchId);
        if (!member)
            return std::unexpected(member.error());
        const EnrollmentRecord& record = *(*member)->enrollment;
        const bool done = countsAsDone(record.state);
        if (done)
            ++outcome.done;
        else
            ++outcome.failed;
        outcome.lines << outcomeLine(**member, record.tokenSerial,
                                     done || record.lastError.isEmpty() ? stateName(record.state) : record.lastError);
    }
    outcome.waiting = static_cast<int>(
        std::count_if(members->begin(), members->end(), [](const BatchMember& m) { return !m.enrollment; }));
    return outcome;
}

CoreResult<BatchRunner::Outcome> BatchRunner::planAndWork(const Operator& by, qint64 batchId, Scope scope,
                                                          const Pin* userPin, const DeskKey* deskKey, const Pin* soPin,
                                                          const ProgressSink& progress) const
{
    auto planned = plan(by, batchId, scope, userPin, deskKey, soPin, scope == Scope::EveryToken ? 1 : 0, progress);
    if (!planned)
        return std::unexpected(planned.error());
    auto worked = work(by, batchId, planned->enrollments, userPin, deskKey, progress);
    if (!worked)
        return std::unexpected(worked.error());
    absorb(planned->outcome, *worked);
    return planned->outcome;
}

CoreResult<BatchRunner::Outcome> BatchRunner::runOnce(const Operator& by, qint64 batchId, const Pin* userPin,
                                                      const DeskKey* deskKey, const Pin* soPin,
                                                      const ProgressSink& progress) const
{
    return planAndWork(by, batchId, Scope::EveryToken, userPin, deskKey, soPin, progress);
}

CoreResult<BatchRunner::Outcome> BatchRunner::writeBack(const Operator& by, qint64 batchId, const Pin* userPin,
                                                        const DeskKey* deskKey, const ProgressSink& progress) const
{
    return planAndWork(by, batchId, Scope::CertificatesOnly, userPin, deskKey, nullptr, progress);
}

} // namespace tamga::core
