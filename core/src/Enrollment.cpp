#include "EnrollmentContext.h"
#include "tamga/core/EnrollmentRecords.h"
#include "tamga/core/Renewals.h"
#include "tamga/core/Revocations.h"

#include "Connectors.h"
#include "Ossl.h"
#include "tamga/core/AuditLog.h"
#include "tamga/core/CertificateRequest.h"
#include "tamga/core/Database.h"
#include "tamga/core/Profile.h"
#include "tamga/core/Registry.h"
#include "tamga/core/TokenService.h"
#include "tamga/core/TokenStock.h"
#include "tamga/pkcs11/Module.h"
#include "tamga/pkcs11/Token.h"

#include <QJsonArray>
#include <QSet>

#include <csignal>
#include <unistd.h>

namespace tamga::core {

namespace {

struct StateName {
    EnrollmentState state;
    const char* name;
};
constexpr StateName kStateNames[] = {
    {EnrollmentState::Created, "created"},
    {EnrollmentState::TokenPrepared, "token_prepared"},
    {EnrollmentState::KeyGenerated, "key_generated"},
    {EnrollmentState::RequestBuilt, "request_built"},
    {EnrollmentState::Submitted, "submitted"},
    {EnrollmentState::CertificateReceived, "certificate_received"},
    {EnrollmentState::WrittenToToken, "written_to_token"},
    {EnrollmentState::Verified, "verified"},
    {EnrollmentState::HandedOver, "handed_over"},
    {EnrollmentState::Failed, "failed"},
    {EnrollmentState::Cancelled, "cancelled"},
};

// Fault injection for the crash test (tests/core): TAMGA_FAULT_KILL_AFTER_STATE=<state> kills the process the
// moment that state is committed, as a power cut or a killed process would.
void faultInjection(EnrollmentState reached)
{
    static const QByteArray killAfter = qgetenv("TAMGA_FAULT_KILL_AFTER_STATE");
    if (!killAfter.isEmpty() && killAfter == stateName(reached).toLatin1())
        ::kill(::getpid(), SIGKILL);
}

} // namespace

QString stateName(EnrollmentState state)
{
    for (const auto& entry : kStateNames) {
        if (entry.state == state)
            return QString::fromLatin1(entry.name);
    }
    return QStringLiteral("unknown");
}

std::optional<EnrollmentState> parseState(const QString& name)
{
    for (const auto& entry : kStateNames) {
        if (name == QLatin1String(entry.name))
            return entry.state;
    }
    return std::nullopt;
}

const std::vector<EnrollmentState>& allEnrollmentStates()
{
    static const std::vector<EnrollmentState> states = [] {
        std::vector<EnrollmentState> all;
        for (const StateName& entry : kStateNames)
            all.push_back(entry.state);
        return all;
    }();
    return states;
}

bool hasVerifiedCertificate(EnrollmentState state)
{
    return state == EnrollmentState::Verified || state == EnrollmentState::HandedOver;
}

bool isSettled(EnrollmentState state)
{
    return hasVerifiedCertificate(state) || state == EnrollmentState::Failed || state == EnrollmentState::Cancelled;
}

bool isOpenAtDesk(EnrollmentState state)
{
    return state != EnrollmentState::HandedOver && state != EnrollmentState::Failed &&
           state != EnrollmentState::Cancelled;
}

bool isInterrupted(EnrollmentState state)
{
    return !isSettled(state) && state != EnrollmentState::Submitted;
}

EnrollmentEngine::EnrollmentEngine(const Database& database, const CaConnectors& connectors, TokenModules modules)
    : m_database(database), m_connectors(connectors), m_modules(std::move(modules))
{
}

CoreResult<qint64> EnrollmentEngine::create(const Operator& by, qint64 officerId, const QString& tokenSerial,
                                            const QString& profileName, const QString& caName, bool erasesToken,
                                            const std::function<CoreStatus(qint64)>& linkInside) const
{
    auto officer = Registry(m_database).officer(officerId);
    if (!officer)
        return std::unexpected(officer.error());
    auto profileId = Profiles(m_database).idOf(profileName);
    if (!profileId)
        return std::unexpected(profileId.error());
    auto ca = m_connectors.find(caName);
    if (!ca)
        return std::unexpected(ca.error());
    // The subject is made now, before any key: a profile that cannot make one for this officer (an empty subject,
    // an attribute too long or not encodable) is refused before anything is written to a token or sent to a CA.
    auto profile = Profiles(m_database).find(profileName);
    if (!profile)
        return std::unexpected(profile.error());
    if (auto subject = buildSubject(*profile, *officer); !subject)
        return std::unexpected(subject.error());
    // An empty serial means "the new token plugged in": some tokens (SoftHSM's free slot) only get a serial when
    // they are initialized, which the enrollment's first step then does.
    return AuditLog(m_database).change<qint64>([&](AuditTrail& trail) -> CoreResult<qint64> {
        const QString now = storedNow();
        // A token belongs to one officer at a time. Another officer's enrollment still in progress on it refuses
        // this one; another officer's finished one (the token holds that officer's key) refuses it unless the
        // token is to be erased first (which TokenService allows a supervisor only). Checked inside the write
        // transaction (BEGIN IMMEDIATE), so two desks or processes enrolling on one token at once cannot both pass.
        if (!tokenSerial.isEmpty()) {
            auto other = m_database.exec(
                QStringLiteral("SELECT e.id, o.surname || ' ' || o.given_name, e.state FROM enrollments e "
                               "JOIN tokens t ON t.id = e.token_id JOIN officers o ON o.id = e.officer_id "
                               "WHERE t.serial = ? AND e.officer_id != ? AND e.state NOT IN ('failed', 'cancelled') "
                               "AND (? = 0 OR e.state NOT IN ('verified', 'handed_over')) ORDER BY e.id DESC LIMIT 1"),
                {tokenSerial, officerId, erasesToken ? 1 : 0});
            if (!other)
                return std::unexpected(other.error());
            if (other->next()) {
                const auto otherState = parseState(other->value(2).toString());
                const bool finished = otherState && hasVerifiedCertificate(*otherState);
                return coreError(CoreErrorKind::Conflict,
                                 finished
                                     ? QStringLiteral("token %1 holds the key of %3 (enrollment #%2); it can be used "
                                                      "for another officer only if it is erased first (--init, a "
                                                      "supervisor)")
                                           .arg(tokenSerial, other->value(0).toString(), other->value(1).toString())
                                     : QStringLiteral("token %1 is in enrollment #%2 for %3, which is not finished; "
                                                      "finish or cancel that one first")
                                           .arg(tokenSerial, other->value(0).toString(), other->value(1).toString()));
            }
        }
        if (!tokenSerial.isEmpty()) {
            // The stock knows the token, or learns of it now; one it wrote off is not enrolled.
            auto stocked = TokenStock(m_database).find(tokenSerial);
            if (stocked && (stocked->state == StockState::Lost || stocked->state == StockState::Retired)) {
                return coreError(CoreErrorKind::Conflict,
                                 QStringLiteral("the token %1 is %2 in the stock (%3): it is not enrolled")
                                     .arg(tokenSerial, stockStateName(stocked->state), stocked->reason));
            }
            if (!stocked && stocked.error().kind != CoreErrorKind::NotFound)
                return std::unexpected(stocked.error());
            if (!stocked) {
                auto entered =
                    enterTokenInStock(m_database, by.name, tokenSerial, QStringLiteral("first plugged in at the desk"));
                if (!entered)
                    return std::unexpected(entered.error());
            }
        }
        auto inserted = m_database.exec(
            QStringLiteral(
                "INSERT INTO enrollments (officer_id, token_id, profile_id, ca_id, state, created_at, updated_at) "
                "VALUES (?, (SELECT id FROM tokens WHERE serial = ?), ?, ?, ?, ?, ?)"),
            {officerId, tokenSerial, *profileId, ca->id, stateName(EnrollmentState::Created), now, now});
        if (!inserted)
            return std::unexpected(inserted.error());
        const qint64 id = inserted->lastInsertId().toLongLong();
        auto logged = trail.add({by.name,
                                 QStringLiteral("enrollment.created"),
                                 QStringLiteral("enrollment"),
                                 QString::number(id),
                                 audit::Ok,
                                 {{QStringLiteral("officer_id"), officerId},
                                  {QStringLiteral("civil_id"), officer->fields.civilId},
                                  {QStringLiteral("token"), tokenSerial},
                                  {QStringLiteral("profile"), profileName},
                                  {QStringLiteral("ca"), caName}}});
        if (!logged)
            return std::unexpected(logged.error());
        // An officer waiting in a batch for this profile and CA is that batch's officer, however the enrollment
        // was started (a batch run, or the wizard opened from the home screen's batch list).
        auto batched = m_database.exec(
            QStringLiteral("UPDATE batch_members SET enrollment_id = ? WHERE officer_id = ? AND enrollment_id IS NULL "
                           "AND batch_id IN (SELECT id FROM batches WHERE profile_id = ? AND ca_id = ?)"),
            {id, officerId, *profileId, ca->id});
        if (!batched)
            return std::unexpected(batched.error());
        if (linkInside) {
            if (auto linked = linkInside(id); !linked)
                return std::unexpected(linked.error());
        }
        return id;
    });
}

CoreStatus EnrollmentEngine::transition(Context& context, EnrollmentState to, const QVariantMap& columns,
                                        const QJsonObject& details,
                                        const std::function<CoreStatus(AuditTrail&)>& inside) const
{
    const EnrollmentState from = context.record.state;
    auto done = AuditLog(m_database).change<bool>([&](AuditTrail& trail) -> CoreResult<bool> {
        QString sql = QStringLiteral("UPDATE enrollments SET state = ?, last_error = '', updated_at = ?");
        QVariantList values{stateName(to), storedNow()};
        for (auto it = columns.begin(); it != columns.end(); ++it) {
            sql += QStringLiteral(", %1 = ?").arg(it.key());
            values << it.value();
        }
        sql += QStringLiteral(" WHERE id = ? AND state = ?");
        values << context.record.id << stateName(from);
        auto updated = m_database.exec(sql, values);
        if (!updated)
            return std::unexpected(updated.error());
        if (updated->numRowsAffected() != 1) {
            return coreError(CoreErrorKind::Conflict,
                             QStringLiteral("enrollment #%1 changed under our feet (another desk or process?)")
                                 .arg(context.record.id));
        }
        if (inside) {
            if (auto done = inside(trail); !done)
                return std::unexpected(done.error());
        }
        QJsonObject event = details;
        event.insert(QStringLiteral("from"), stateName(from));
        auto logged = trail.add({context.by.name, QStringLiteral("enrollment.") + stateName(to),
                                 QStringLiteral("enrollment"), QString::number(context.record.id), audit::Ok, event});
        if (!logged)
            return std::unexpected(logged.error());
        return true;
    });
    if (!done)
        return std::unexpected(done.error());
    // What was just written (key ID, request, certificate) is what the next step works from.
    auto fresh = EnrollmentRecords(m_database).record(context.record.id);
    if (!fresh)
        return std::unexpected(fresh.error());
    context.record = *fresh;
    context.report(QStringLiteral("reached %1").arg(stateName(to)));
    faultInjection(to);
    return {};
}

CoreStatus EnrollmentEngine::recordFailure(const Operator& by, qint64 id, EnrollmentState state,
                                           const CoreError& error) const
{
    return AuditLog(m_database)
        .change({by.name,
                 QStringLiteral("enrollment.") + stateName(state),
                 QStringLiteral("enrollment"),
                 QString::number(id),
                 audit::Failed,
                 {{QStringLiteral("error"), error.message}}},
                [&]() -> CoreStatus {
                    auto updated = m_database.exec(
                        QStringLiteral("UPDATE enrollments SET last_error = ?, updated_at = ? WHERE id = ?"),
                        {error.message, storedNow(), id});
                    if (!updated)
                        return std::unexpected(updated.error());
                    return {};
                });
}

CoreResult<CertificateSummary> EnrollmentEngine::acceptCertificate(const Operator&, const EnrollmentRecord& record,
                                                                   const CaResponse& response) const
{
    auto profile = Profiles(m_database).find(record.profileName);
    if (!profile)
        return std::unexpected(profile.error());
    auto anchors = TrustAnchors(m_database).allDer();
    if (!anchors)
        return std::unexpected(anchors.error());
    auto request = ossl::requestFromPem(record.requestPem);
    if (!request)
        return coreError(CoreErrorKind::Database,
                         QStringLiteral("enrollment #%1 has no readable request").arg(record.id));
    ExpectedCertificate expected{publicKeyOfRequest(record.requestPem), subjectOfRequest(ossl::derOf(request.get())),
                                 *profile};
    return checkIssuedCertificate(response.certificateDer, response.chainDer, *anchors, expected);
}

CoreResult<EnrollmentRecord> EnrollmentEngine::run(const Operator& by, qint64 id, const Pin& userPin,
                                                   const TokenPreparation* preparation,
                                                   const ProgressSink& progress) const
{
    auto done = runUntil(by, id, userPin, preparation, EnrollmentState::Verified, progress);
    if (!done || done->state != EnrollmentState::Verified)
        return done;
    // The new enrollment of a renewal, verified: the renewal is completed with the same PIN (the old key and
    // certificate deleted). If that cannot be done now, the new certificate stands and the renewal waits to be
    // completed (Renewals::complete); the old key stays meanwhile, which harms nothing.
    const Renewals renewals(m_database);
    auto renewal = renewals.ofNewEnrollment(id);
    if (renewal && *renewal && !(*renewal)->completed) {
        auto completed = renewals.complete(by, (*renewal)->id, userPin, m_modules);
        if (progress)
            progress(EnrollmentState::Verified,
                     completed ? QStringLiteral("renewal #%1 completed: the old key and certificate are deleted")
                                     .arg((*renewal)->id)
                               : QStringLiteral("renewal #%1 is not completed yet (%2): complete it later")
                                     .arg((*renewal)->id)
                                     .arg(completed.error().message));
    }
    return done;
}

CoreResult<EnrollmentRecord> EnrollmentEngine::runUntil(const Operator& by, qint64 id, const Pin& userPin,
                                                        const TokenPreparation* preparation, EnrollmentState until,
                                                        const ProgressSink& progress) const
{
    auto loaded = EnrollmentRecords(m_database).record(id);
    if (!loaded)
        return std::unexpected(loaded.error());
    Context context{by, *loaded, userPin, preparation, progress, {}, {}, {}, {}, {}, {}};
    auto officer = Registry(m_database).officer(context.record.officerId);
    auto profile = Profiles(m_database).find(context.record.profileName);
    auto ca = m_connectors.find(context.record.caName);
    if (!officer || !profile || !ca)
        return std::unexpected(!officer ? officer.error() : !profile ? profile.error() : ca.error());
    context.officer = *officer;
    context.profile = *profile;
    context.ca = *ca;

    while (!isSettled(context.record.state) && context.record.state != until) {
        const EnrollmentState before = context.record.state;
        if (auto stepped = step(context); !stepped) {
            if (stepped.error().kind != CoreErrorKind::Pending) {
                // The failure is journaled; if even that fails, the clerk hears both.
                if (auto recorded = recordFailure(by, id, context.record.state, stepped.error()); !recorded) {
                    CoreError both = stepped.error();
                    both.message +=
                        QStringLiteral(" (and the failure could not be journaled: %1)").arg(recorded.error().message);
                    return std::unexpected(both);
                }
            }
            if (stepped.error().kind == CoreErrorKind::Pending)
                break;
            return std::unexpected(stepped.error());
        }
        if (context.record.state == before)
            break;
    }
    return EnrollmentRecords(m_database).record(id);
}

CoreResult<EnrollmentRecord> EnrollmentEngine::handOver(const Operator& by, qint64 id, const QVariantMap& acceptance,
                                                        const std::function<CoreStatus(AuditTrail&)>& alsoInside) const
{
    auto loaded = EnrollmentRecords(m_database).record(id);
    if (!loaded)
        return std::unexpected(loaded.error());
    if (loaded->state != EnrollmentState::Verified)
        return coreError(CoreErrorKind::InvalidInput, QStringLiteral("enrollment #%1 is %2, not verified: it cannot be "
                                                                     "handed over yet")
                                                          .arg(id)
                                                          .arg(stateName(loaded->state)));
    if (auto allowed = Revocations(m_database).allowsHandOver(id); !allowed)
        return std::unexpected(allowed.error());
    const Pin none;
    const ProgressSink silent;
    Context context{by, *loaded, none, nullptr, silent, {}, {}, {}, {}, {}, {}};
    auto moved = transition(
        context, EnrollmentState::HandedOver, acceptance,
        {{QStringLiteral("token"), loaded->tokenSerial}, {QStringLiteral("signed_acceptance"), !acceptance.isEmpty()}},
        [&](AuditTrail& trail) -> CoreStatus {
            if (alsoInside) {
                if (auto done = alsoInside(trail); !done)
                    return done;
            }
            return moveTokenInStock(m_database, by.name, loaded->tokenSerial, StockState::Issued,
                                    QStringLiteral("handed over with enrollment #%1").arg(id));
        });
    if (!moved)
        return std::unexpected(moved.error());
    return EnrollmentRecords(m_database).record(id);
}

} // namespace tamga::core
