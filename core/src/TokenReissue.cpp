// TokenService::wipeForReissue: a token that came back is erased with the SO PIN the desk sealed for it and goes
// back to the stock as "wiped", ready for the next officer (BatchRunner::plan takes it before a blank token).
#include "tamga/core/Database.h"
#include "tamga/core/EnrollmentRecords.h"
#include "tamga/core/SealedSecrets.h"
#include "tamga/core/TokenService.h"
#include "tamga/core/TokenStock.h"

#include <QSqlQuery>
#include <QVariant>

namespace tamga::core {

namespace {

// Random digits nobody keeps: a wiped token's user PIN (the next preparation initializes it again).
constexpr int kThrowawayPinDigits = 8;

// A certificate on the token that is still valid: it must be revoked before its key is erased.
CoreResult<std::optional<QString>> validCertificateOn(const Database& database, const QString& serial)
{
    auto query = database.exec(
        QStringLiteral("SELECT c.serial_hex, o.surname || ' ' || o.given_name, c.not_after FROM certificates c "
                       "JOIN enrollments e ON e.id = c.enrollment_id JOIN tokens t ON t.id = e.token_id "
                       "JOIN officers o ON o.id = c.officer_id WHERE t.serial = ? AND c.status = 'valid' AND "
                       "c.not_after > ? ORDER BY c.id LIMIT 1"),
        {serial, storedNow()});
    if (!query)
        return std::unexpected(query.error());
    if (!query->next())
        return std::optional<QString>();
    const QString what = QStringLiteral("certificate %1 of %2, valid until %3")
                             .arg(query->value(0).toString(), query->value(1).toString(), query->value(2).toString());
    query->finish();
    return std::optional<QString>(what);
}

} // namespace

CoreResult<TokenSnapshot> TokenService::wipeForReissue(const Operator& by, const DeskKey& key, const QString& serial,
                                                       const QString& reason) const
{
    if (auto allowed = Operators(m_database).require(by, Role::Supervisor, QStringLiteral("token.wipe")); !allowed)
        return std::unexpected(allowed.error());
    if (reason.trimmed().isEmpty())
        return coreError(CoreErrorKind::InvalidInput, QStringLiteral("say why the token is wiped (a reason)"));
    auto stocked = TokenStock(m_database).find(serial);
    if (!stocked)
        return std::unexpected(stocked.error());
    if (!stockTransitionAllowed(stocked->state, StockState::Wiped))
        return coreError(CoreErrorKind::Conflict,
                         QStringLiteral("only a returned, blocked or prepared token is wiped for re-issue; the "
                                        "token %1 is %2 in the stock")
                             .arg(serial, stockStateName(stocked->state).replace(QLatin1Char('_'), QLatin1Char(' '))));
    auto valid = validCertificateOn(m_database, serial);
    if (!valid)
        return std::unexpected(valid.error());
    if (*valid)
        return coreError(
            CoreErrorKind::Conflict,
            QStringLiteral("the token %1 holds the %2: revoke it before its key is erased").arg(serial, **valid));
    auto onIt = EnrollmentRecords(m_database).onToken(serial);
    if (!onIt)
        return std::unexpected(onIt.error());
    for (const EnrollmentRecord& record : *onIt) {
        if (isInterrupted(record.state))
            return coreError(CoreErrorKind::Conflict,
                             QStringLiteral("enrollment #%1 (%2) stopped part-way on the token %3: finish or release "
                                            "it first")
                                 .arg(record.id)
                                 .arg(record.officerName, serial));
    }
    auto soPin = SealedSecrets(m_database).open(by, key, serial, SecretKind::SoPin);
    if (!soPin)
        return std::unexpected(soPin.error());
    // C_InitToken with the token's own SO PIN erases every object and keeps that SO PIN.
    auto erased =
        initialize(by, serial, QStringLiteral("wiped"), *soPin, SealedSecrets::randomPin(kThrowawayPinDigits));
    if (!erased)
        return std::unexpected(erased.error());
    if (auto moved = TokenStock(m_database).setState(by, serial, StockState::Wiped, reason); !moved)
        return std::unexpected(moved.error());
    return erased;
}

} // namespace tamga::core
