#include "tamga/core/Renewals.h"

#include "tamga/core/AuditLog.h"
#include "tamga/core/Database.h"
#include "tamga/core/Enrollment.h"
#include "tamga/core/EnrollmentRecords.h"
#include "tamga/core/Revocations.h"
#include "tamga/core/Settings.h"
#include "tamga/core/TokenService.h"
#include "tamga/core/Tokens.h"
#include "tamga/pkcs11/Token.h"

#include <QDate>
#include <QDateTime>
#include <QSqlQuery>
#include <QVariant>

namespace tamga::core {

namespace {

const QString kSelect =
    QStringLiteral("SELECT id, old_enrollment_id, new_enrollment_id, state, revoke_old, started_by, "
                   "started_at, old_key_retired, coalesce(revocation_id, 0), completed_at "
                   "FROM renewals ");

Renewal renewalFrom(const QSqlQuery& q)
{
    Renewal r;
    r.id = q.value(0).toLongLong();
    r.oldEnrollmentId = q.value(1).toLongLong();
    r.newEnrollmentId = q.value(2).toLongLong();
    r.completed = q.value(3).toString() == QStringLiteral("completed");
    r.revokeOld = q.value(4).toInt() != 0;
    r.startedBy = q.value(5).toString();
    r.startedAt = q.value(6).toString();
    r.oldKeyRetired = q.value(7).toString();
    r.revocationId = q.value(8).toLongLong();
    r.completedAt = q.value(9).toString();
    return r;
}

// The state names of enrollments whose certificate is in the officer's hands or about to be.
const QString kIssued = QStringLiteral("'verified', 'handed_over'");

} // namespace

CoreResult<int> Renewals::windowDays() const
{
    auto stored = Settings(m_database).value(setting::RenewalWindowDays);
    if (!stored)
        return std::unexpected(stored.error());
    bool ok = false;
    const int days = stored->value_or(QString()).toInt(&ok);
    return ok && days >= 1 && days <= 365 ? days : kDefaultRenewalWindowDays;
}

CoreResult<std::vector<RenewalDue>> Renewals::due(int days) const
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    auto rows = m_database.exec(
        QStringLiteral(
            "SELECT e.id, o.id, o.surname || ' ' || o.given_name, g.name, coalesce(t.serial, ''), c.serial_hex, "
            "c.not_after, coalesce((SELECT max(r.id) FROM renewals r WHERE r.old_enrollment_id = e.id AND r.state = "
            "'started'), 0) "
            "FROM certificates c JOIN enrollments e ON e.id = c.enrollment_id JOIN officers o ON o.id = e.officer_id "
            "JOIN organizations g ON g.id = o.organization_id LEFT JOIN tokens t ON t.id = e.token_id "
            "WHERE c.status = 'valid' AND e.state IN (%1) AND c.not_after > ? AND c.not_after <= ? "
            "AND c.id = (SELECT max(c2.id) FROM certificates c2 WHERE c2.enrollment_id = e.id) "
            "AND NOT EXISTS (SELECT 1 FROM renewals r WHERE r.old_enrollment_id = e.id AND r.state = 'completed') "
            "ORDER BY c.not_after, e.id")
            .arg(kIssued),
        {now.toString(Qt::ISODateWithMs), now.addDays(days).toString(Qt::ISODateWithMs)});
    if (!rows)
        return std::unexpected(rows.error());
    std::vector<RenewalDue> found;
    while (rows->next()) {
        RenewalDue d;
        d.enrollmentId = rows->value(0).toLongLong();
        d.officerId = rows->value(1).toLongLong();
        d.officerName = rows->value(2).toString();
        d.organization = rows->value(3).toString();
        d.tokenSerial = rows->value(4).toString();
        d.certificateSerial = rows->value(5).toString();
        d.notAfter = rows->value(6).toString();
        // Days as a calendar counts them: a certificate that ends in nine days and a few hours has ten left.
        d.daysLeft = static_cast<int>((now.secsTo(QDateTime::fromString(d.notAfter, Qt::ISODate)) + 86399) / 86400);
        d.renewalId = rows->value(7).toLongLong();
        found.push_back(std::move(d));
    }
    return found;
}

CoreResult<qint64> Renewals::start(const Operator& by, qint64 oldEnrollmentId, const QString& tokenSerial,
                                   bool revokeOld, const EnrollmentEngine& engine) const
{
    auto old = EnrollmentRecords(m_database).record(oldEnrollmentId);
    if (!old)
        return std::unexpected(old.error());
    if (!hasVerifiedCertificate(old->state) || !old->certificate)
        return coreError(CoreErrorKind::Conflict,
                         QStringLiteral("enrollment #%1 is %2: only an issued certificate is renewed")
                             .arg(oldEnrollmentId)
                             .arg(stateName(old->state)));
    auto underWay = m_database.exec(
        QStringLiteral("SELECT id, new_enrollment_id FROM renewals WHERE old_enrollment_id = ? AND state = 'started'"),
        {oldEnrollmentId});
    if (!underWay)
        return std::unexpected(underWay.error());
    if (underWay->next())
        return coreError(CoreErrorKind::Conflict,
                         QStringLiteral("renewal #%1 of enrollment #%2 is under way already (its new enrollment is "
                                        "#%3): resume it")
                             .arg(underWay->value(0).toLongLong())
                             .arg(oldEnrollmentId)
                             .arg(underWay->value(1).toLongLong()));
    underWay->finish();
    const QString serial = tokenSerial.isEmpty() ? old->tokenSerial : tokenSerial;
    qint64 renewalId = 0;
    // The new enrollment and the renewal that links it are recorded in one transaction.
    auto created = engine.create(
        by, old->officerId, serial, old->profileName, old->caName, false, [&](qint64 newEnrollmentId) -> CoreStatus {
            auto inserted =
                m_database.exec(QStringLiteral("INSERT INTO renewals (old_enrollment_id, new_enrollment_id, "
                                               "state, revoke_old, started_by, started_at) VALUES (?, ?, "
                                               "'started', ?, ?, ?)"),
                                {oldEnrollmentId, newEnrollmentId, revokeOld ? 1 : 0, by.name, storedNow()});
            if (!inserted)
                return std::unexpected(inserted.error());
            renewalId = inserted->lastInsertId().toLongLong();
            return {};
        });
    if (!created)
        return std::unexpected(created.error());
    if (auto logged = AuditLog(m_database)
                          .record({by.name,
                                   QStringLiteral("renewal.start"),
                                   QStringLiteral("renewal"),
                                   QString::number(renewalId),
                                   audit::Ok,
                                   {{QStringLiteral("old_enrollment"), oldEnrollmentId},
                                    {QStringLiteral("new_enrollment"), *created},
                                    {QStringLiteral("token"), serial},
                                    {QStringLiteral("revoke_old"), revokeOld}}});
        !logged)
        return std::unexpected(logged.error());
    return renewalId;
}

CoreResult<Renewal> Renewals::find(qint64 id) const
{
    auto row = m_database.exec(kSelect + QStringLiteral("WHERE id = ?"), {id});
    if (!row)
        return std::unexpected(row.error());
    if (!row->next())
        return coreError(CoreErrorKind::NotFound, QStringLiteral("there is no renewal #%1").arg(id));
    return renewalFrom(*row);
}

CoreResult<std::optional<Renewal>> Renewals::ofNewEnrollment(qint64 newEnrollmentId) const
{
    auto row = m_database.exec(kSelect + QStringLiteral("WHERE new_enrollment_id = ?"), {newEnrollmentId});
    if (!row)
        return std::unexpected(row.error());
    if (!row->next())
        return std::optional<Renewal>();
    return std::optional<Renewal>(renewalFrom(*row));
}

CoreResult<std::vector<Renewal>> Renewals::list() const
{
    auto rows = m_database.exec(kSelect + QStringLiteral("ORDER BY id DESC"));
    if (!rows)
        return std::unexpected(rows.error());
    std::vector<Renewal> all;
    while (rows->next())
        all.push_back(renewalFrom(*rows));
    return all;
}

CoreResult<Renewal> Renewals::complete(const Operator& by, qint64 id, const Pin& pin, const TokenModules& modules) const
{
    auto renewal = find(id);
    if (!renewal)
        return std::unexpected(renewal.error());
    if (renewal->completed)
        return *renewal;
    const EnrollmentRecords records(m_database);
    auto fresh = records.record(renewal->newEnrollmentId);
    if (!fresh)
        return std::unexpected(fresh.error());
    // The old key stays until the new certificate is verified on its token: the officer can sign all along.
    if (!hasVerifiedCertificate(fresh->state))
        return coreError(CoreErrorKind::Conflict,
                         QStringLiteral("the new enrollment #%1 of renewal #%2 is %3: the old key and certificate stay "
                                        "until its certificate is verified")
                             .arg(renewal->newEnrollmentId)
                             .arg(id)
                             .arg(stateName(fresh->state)));
    auto old = records.record(renewal->oldEnrollmentId);
    if (!old)
        return std::unexpected(old.error());

    // The old key pair and certificate off the old token.
    QString retired = renewal->oldKeyRetired;
    if (retired.isEmpty()) {
        const auto keyId = pkcs11::fromHex(old->keyIdHex.toStdString());
        if (!keyId)
            return coreError(CoreErrorKind::Database,
                             QStringLiteral("enrollment #%1 has no key ID recorded").arg(old->id));
        if (old->tokenSerial != fresh->tokenSerial) {
            // A renewal onto a new token: the PIN at hand is the new token's, and trying it on the old token would
            // spend one of that token's PIN tries. The old key stays until the old token is wiped for re-issue.
            retired =
                QStringLiteral("the old token %1 keeps its key until it is wiped for re-issue").arg(old->tokenSerial);
        } else {
            auto deleted = TokenService(m_database, modules).retireRenewedKey(by, old->tokenSerial, pin, *keyId);
            // Deleted before an interruption: nothing with its ID is left, which is what was wanted.
            if (!deleted && deleted.error().tokenErrorKind != TokenErrorKind::ObjectNotFound)
                return std::unexpected(deleted.error());
            retired = QStringLiteral("deleted");
        }
        auto noted =
            m_database.exec(QStringLiteral("UPDATE renewals SET old_key_retired = ? WHERE id = ?"), {retired, id});
        if (!noted)
            return std::unexpected(noted.error());
    }

    // The old certificate, superseded: its revocation application follows the two-person rule like any other.
    qint64 revocationId = renewal->revocationId;
    if (renewal->revokeOld && revocationId == 0) {
        auto applied =
            Revocations(m_database)
                .apply(by, old->id, QStringLiteral("superseded"),
                       QStringLiteral("Renewed: the certificate of enrollment #%1 replaces it.").arg(fresh->id),
                       QDate::currentDate().toString(Qt::ISODate));
        if (!applied && applied.error().kind == CoreErrorKind::Conflict) {
            // An application for it was taken already (the officer asked at the desk): that one is the renewal's.
            auto open = m_database.exec(
                QStringLiteral("SELECT coalesce(max(r.id), 0) FROM revocation_requests r JOIN certificates c ON c.id = "
                               "r.certificate_id WHERE c.enrollment_id = ? AND r.state IN ('received', 'approved', "
                               "'submitted', 'confirmed')"),
                {old->id});
            if (!open)
                return std::unexpected(open.error());
            if (open->next() && open->value(0).toLongLong() != 0)
                applied = open->value(0).toLongLong();
        }
        if (!applied)
            return std::unexpected(applied.error());
        revocationId = *applied;
    }

    auto done = AuditLog(m_database).change<bool>([&](AuditTrail& trail) -> CoreResult<bool> {
        auto moved = m_database.exec(QStringLiteral("UPDATE renewals SET state = 'completed', completed_at = ?, "
                                                    "revocation_id = nullif(?, 0) WHERE id = ? AND state = 'started'"),
                                     {storedNow(), revocationId, id});
        if (!moved)
            return std::unexpected(moved.error());
        auto logged = trail.add({by.name,
                                 QStringLiteral("renewal.complete"),
                                 QStringLiteral("renewal"),
                                 QString::number(id),
                                 audit::Ok,
                                 {{QStringLiteral("old_enrollment"), old->id},
                                  {QStringLiteral("new_enrollment"), fresh->id},
                                  {QStringLiteral("old_key"), retired},
                                  {QStringLiteral("revocation"), revocationId}}});
        if (!logged)
            return std::unexpected(logged.error());
        return true;
    });
    if (!done)
        return std::unexpected(done.error());
    return find(id);
}

} // namespace tamga::core
