#include "tamga/core/HandOver.h"

#include "DetachedSignature.h"
#include "tamga/core/AuditLog.h"
#include "tamga/core/CaConnector.h"
#include "tamga/core/Database.h"
#include "tamga/core/EnrollmentRecords.h"
#include "tamga/core/Revocations.h"
#include "tamga/core/SealedSecrets.h"
#include "tamga/core/TokenService.h"

#include <QSqlQuery>
#include <QVariant>

namespace tamga::core {

namespace {

const QString kFirstSignature = QStringLiteral("the officer's first signature");

} // namespace

QString acceptanceText(const ReceiptData& r)
{
    // Plain text the officer could read: what they accept, and the receipt it belongs to.
    return QStringLiteral("Tamga acceptance v1\n"
                          "I, %1 (civil ID %2), %3, %4, received the e-token %5 (serial %6)\n"
                          "with my certificate %7 (SHA-256 %8), valid from %9 to %10, issued by %11.\n"
                          "Enrollment #%12, receipt SHA-256 %13.\n")
        .arg(r.officerName, r.civilId, r.position, r.organization, r.tokenModel, r.tokenSerial, r.certificateSerial,
             r.fingerprintSha256, r.validFrom)
        .arg(r.validUntil, r.issuer)
        .arg(r.enrollmentId)
        .arg(r.contentHash());
}

HandOver::HandOver(const Database& database, const CaConnectors& connectors, TokenModules modules)
    : m_database(database), m_connectors(connectors), m_modules(std::move(modules))
{
}

CoreResult<EnrollmentRecord> HandOver::withFirstSignature(const Operator& by, qint64 enrollmentId,
                                                          const Pin& officerPin) const
{
    return signAndHandOver(by, enrollmentId, officerPin, false);
}

CoreResult<EnrollmentRecord> HandOver::prepared(const Operator& by, qint64 enrollmentId, const DeskKey& key,
                                                const Pin& newPin) const
{
    auto record = EnrollmentRecords(m_database).record(enrollmentId);
    if (!record)
        return std::unexpected(record.error());
    SealedSecrets secrets(m_database);
    auto sealed = secrets.has(record->tokenSerial, SecretKind::InitialPin);
    if (!sealed)
        return std::unexpected(sealed.error());
    if (!*sealed)
        return coreError(CoreErrorKind::InvalidInput,
                         QStringLiteral("the token %1 of enrollment #%2 has no initial PIN kept by the desk: the "
                                        "officer's PIN is already theirs")
                             .arg(record->tokenSerial)
                             .arg(enrollmentId));
    auto initial = secrets.open(by, key, record->tokenSerial, SecretKind::InitialPin);
    if (!initial)
        return std::unexpected(initial.error());
    auto changed = TokenService(m_database, m_modules).changePin(by, record->tokenSerial, *initial, newPin);
    if (!changed) {
        // A hand-over cut short after the PIN change: the token takes the new PIN already.
        const bool alreadyChanged = changed.error().tokenErrorKind == TokenErrorKind::WrongPin &&
                                    m_modules.objects(record->tokenSerial, &newPin).has_value();
        if (!alreadyChanged)
            return std::unexpected(changed.error());
    }
    return signAndHandOver(by, enrollmentId, newPin, true);
}

CoreResult<EnrollmentRecord> HandOver::signAndHandOver(const Operator& by, qint64 enrollmentId, const Pin& pin,
                                                       bool forgetInitialPin) const
{
    auto record = EnrollmentRecords(m_database).record(enrollmentId);
    if (!record)
        return std::unexpected(record.error());
    if (record->state != EnrollmentState::Verified || !record->certificate)
        return coreError(CoreErrorKind::InvalidInput, QStringLiteral("enrollment #%1 is %2, not verified: it cannot be "
                                                                     "handed over yet")
                                                          .arg(enrollmentId)
                                                          .arg(stateName(record->state)));
    // Before the officer signs anything.
    if (auto allowed = Revocations(m_database).allowsHandOver(enrollmentId); !allowed)
        return std::unexpected(allowed.error());
    auto receipt = Receipts(m_database).data(enrollmentId);
    if (!receipt)
        return std::unexpected(receipt.error());
    const QByteArray text = acceptanceText(*receipt).toUtf8();

    // The token's key signs, with the officer's PIN.
    auto signature = signDetachedOnToken(m_modules, *record, pin, text, kFirstSignature);
    if (!signature)
        return std::unexpected(signature.error());
    const QByteArray& cmsDer = *signature;

    // Checked before it is kept: a signature that does not verify is not an acceptance.
    auto anchors = TrustAnchors(m_database).allDer();
    if (!anchors)
        return std::unexpected(anchors.error());
    if (auto verified = verifyDetached(cmsDer, text, derCertificates(record->certificate->chainPem), *anchors,
                                       record->certificate->fingerprintSha256, kFirstSignature);
        !verified)
        return std::unexpected(verified.error());

    const EnrollmentEngine engine(m_database, m_connectors, m_modules);
    return engine.handOver(
        by, enrollmentId,
        {{QStringLiteral("acceptance_text"), QString::fromUtf8(text)},
         {QStringLiteral("acceptance_cms"), QString::fromLatin1(cmsDer.toBase64())}},
        [&](AuditTrail& trail) -> CoreStatus {
            if (!forgetInitialPin)
                return {};
            return SealedSecrets(m_database).forget(trail, by, record->tokenSerial, SecretKind::InitialPin);
        });
}

CoreStatus HandOver::verifyKept(qint64 enrollmentId) const
{
    auto record = EnrollmentRecords(m_database).record(enrollmentId);
    if (!record)
        return std::unexpected(record.error());
    auto query = m_database.exec(QStringLiteral("SELECT acceptance_text, acceptance_cms FROM enrollments WHERE id = ?"),
                                 {enrollmentId});
    if (!query)
        return std::unexpected(query.error());
    if (!query->next() || query->value(1).toString().isEmpty())
        return coreError(CoreErrorKind::NotFound,
                         QStringLiteral("enrollment #%1 keeps no signed acceptance").arg(enrollmentId));
    const QByteArray text = query->value(0).toString().toUtf8();
    const QByteArray cmsDer = QByteArray::fromBase64(query->value(1).toString().toLatin1());
    query->finish();
    if (!record->certificate)
        return coreError(CoreErrorKind::NotFound,
                         QStringLiteral("enrollment #%1 has no certificate").arg(enrollmentId));
    auto anchors = TrustAnchors(m_database).allDer();
    if (!anchors)
        return std::unexpected(anchors.error());
    return verifyDetached(cmsDer, text, derCertificates(record->certificate->chainPem), *anchors,
                          record->certificate->fingerprintSha256, kFirstSignature);
}

} // namespace tamga::core
