#include "tamga/core/HandOver.h"

#include "Ossl.h"
#include "TokenLayer.h"
#include "tamga/core/AuditLog.h"
#include "tamga/core/CaConnector.h"
#include "tamga/core/Database.h"
#include "tamga/core/EnrollmentRecords.h"
#include "tamga/core/SealedSecrets.h"
#include "tamga/core/TokenService.h"
#include "tamga/pkcs11/Token.h"

#include <QSqlQuery>
#include <QVariant>

#include <openssl/cms.h>

namespace tamga::core {

namespace {

using CmsPtr = std::unique_ptr<CMS_ContentInfo, ossl::Deleter<CMS_ContentInfo_free>>;

ossl::X509StackPtr stackOf(const QList<QByteArray>& certificatesDer)
{
    ossl::X509StackPtr stack(sk_X509_new_null());
    for (const QByteArray& der : certificatesDer) {
        if (auto certificate = ossl::certificateFromDer(der))
            sk_X509_push(stack.get(), certificate.release());
    }
    return stack;
}

QList<QByteArray> derList(const QByteArray& pem)
{
    QList<QByteArray> list;
    for (const auto& certificate : ossl::certificatesFrom(pem))
        list << ossl::derOf(certificate.get());
    return list;
}

CoreError refused(const QString& why)
{
    return CoreError{CoreErrorKind::CertificateRejected, QStringLiteral("the officer's first signature: %1").arg(why)};
}

// Checks a detached CMS signature over `text`: made by the certificate with `fingerprint`, whose chain (from
// `chainDer`) reaches one of `anchorsDer`.
CoreStatus verifySignature(const QByteArray& cmsDer, const QByteArray& text, const QList<QByteArray>& chainDer,
                           const QList<QByteArray>& anchorsDer, const QString& fingerprint)
{
    const auto* bytes = reinterpret_cast<const unsigned char*>(cmsDer.constData());
    CmsPtr cms(d2i_CMS_ContentInfo(nullptr, &bytes, cmsDer.size()));
    if (!cms)
        return std::unexpected(refused(QStringLiteral("the signature cannot be read")));
    ossl::StorePtr store(X509_STORE_new());
    for (const QByteArray& der : anchorsDer) {
        if (auto anchor = ossl::certificateFromDer(der))
            X509_STORE_add_cert(store.get(), anchor.get());
    }
    // The acceptance is the officer's signature whatever the certificate's extended usages name.
    X509_STORE_set_purpose(store.get(), X509_PURPOSE_ANY);
    auto untrusted = stackOf(chainDer);
    ossl::BioPtr data(BIO_new_mem_buf(text.constData(), static_cast<int>(text.size())));
    if (CMS_verify(cms.get(), untrusted.get(), store.get(), data.get(), nullptr, CMS_DETACHED | CMS_BINARY) != 1)
        return std::unexpected(refused(QStringLiteral("it does not verify (%1)").arg(ossl::lastError())));
    // CMS_get0_signers' stack holds borrowed certificates: only the stack itself is freed.
    STACK_OF(X509)* signers = CMS_get0_signers(cms.get());
    const bool bySigner =
        signers && sk_X509_num(signers) == 1 && ossl::fingerprintSha256(sk_X509_value(signers, 0)) == fingerprint;
    sk_X509_free(signers);
    if (!bySigner)
        return std::unexpected(refused(QStringLiteral("it was not made with the certificate on this token")));
    return {};
}

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
    auto receipt = Receipts(m_database).data(enrollmentId);
    if (!receipt)
        return std::unexpected(receipt.error());
    const QByteArray text = acceptanceText(*receipt).toUtf8();

    // The token's key signs, with the officer's PIN.
    std::shared_ptr<pkcs11::Module> module;
    for (const auto& candidate : modulesOf(m_modules)) {
        if (candidate->findToken(record->tokenSerial.toStdString())) {
            module = candidate;
            break;
        }
    }
    if (!module)
        return std::unexpected(CoreError{CoreErrorKind::Token,
                                         QStringLiteral("the token %1 is not plugged in").arg(record->tokenSerial),
                                         TokenErrorKind::TokenNotFound});
    const auto keyId = pkcs11::fromHex(record->keyIdHex.toStdString());
    if (!keyId)
        return coreError(CoreErrorKind::Database, QStringLiteral("enrollment #%1 has no key ID").arg(enrollmentId));
    pkcs11::Token token(module, record->tokenSerial.toStdString());
    auto signer = token.signingKey(pin, *keyId);
    if (!signer)
        return std::unexpected(fromTokenError(signer.error()));
    auto certificate = ossl::certificateFromPem(record->certificate->pem);
    if (!certificate)
        return coreError(CoreErrorKind::Database,
                         QStringLiteral("enrollment #%1's certificate cannot be read").arg(enrollmentId));
    const QList<QByteArray> chain = derList(record->certificate->chainPem);
    auto chainStack = stackOf(chain);
    ossl::BioPtr data(BIO_new_mem_buf(text.constData(), static_cast<int>(text.size())));
    CmsPtr cms(CMS_sign(certificate.get(), signer->get(), chainStack.get(), data.get(), CMS_DETACHED | CMS_BINARY));
    if (!cms)
        return std::unexpected(refused(QStringLiteral("the token could not sign (%1)").arg(ossl::lastError())));
    unsigned char* der = nullptr;
    const int length = i2d_CMS_ContentInfo(cms.get(), &der);
    if (length <= 0)
        return std::unexpected(refused(QStringLiteral("the signature cannot be written")));
    const QByteArray cmsDer(reinterpret_cast<const char*>(der), length);
    OPENSSL_free(der);

    // Checked before it is kept: a signature that does not verify is not an acceptance.
    auto anchors = TrustAnchors(m_database).allDer();
    if (!anchors)
        return std::unexpected(anchors.error());
    if (auto verified = verifySignature(cmsDer, text, chain, *anchors, record->certificate->fingerprintSha256);
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
    return verifySignature(cmsDer, text, derList(record->certificate->chainPem), *anchors,
                           record->certificate->fingerprintSha256);
}

} // namespace tamga::core
