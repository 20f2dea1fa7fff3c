#include "DetachedSignature.h"

#include "Ossl.h"
#include "TokenLayer.h"
#include "tamga/pkcs11/Token.h"

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

CoreError refused(const QString& what, const QString& why)
{
    return CoreError{CoreErrorKind::CertificateRejected, QStringLiteral("%1: %2").arg(what, why)};
}

} // namespace

QList<QByteArray> derCertificates(const QByteArray& pem)
{
    QList<QByteArray> list;
    for (const auto& certificate : ossl::certificatesFrom(pem))
        list << ossl::derOf(certificate.get());
    return list;
}

CoreResult<QByteArray> signDetachedOnToken(const TokenModules& modules, const EnrollmentRecord& record, const Pin& pin,
                                           const QByteArray& content, const QString& what)
{
    if (!record.certificate)
        return coreError(CoreErrorKind::InvalidInput,
                         QStringLiteral("%1: enrollment #%2 has no certificate").arg(what).arg(record.id));
    std::shared_ptr<pkcs11::Module> module;
    for (const auto& candidate : modulesOf(modules)) {
        if (candidate->findToken(record.tokenSerial.toStdString())) {
            module = candidate;
            break;
        }
    }
    if (!module)
        return std::unexpected(CoreError{
            CoreErrorKind::Token, QStringLiteral("%1: the token %2 is not plugged in").arg(what, record.tokenSerial),
            TokenErrorKind::TokenNotFound});
    const auto keyId = pkcs11::fromHex(record.keyIdHex.toStdString());
    if (!keyId)
        return coreError(CoreErrorKind::Database,
                         QStringLiteral("%1: enrollment #%2 has no key ID").arg(what).arg(record.id));
    pkcs11::Token token(module, record.tokenSerial.toStdString());
    auto signer = token.signingKey(pin, *keyId);
    if (!signer)
        return std::unexpected(fromTokenError(signer.error()));
    auto certificate = ossl::certificateFromPem(record.certificate->pem);
    if (!certificate)
        return coreError(CoreErrorKind::Database,
                         QStringLiteral("%1: enrollment #%2's certificate cannot be read").arg(what).arg(record.id));
    auto chainStack = stackOf(derCertificates(record.certificate->chainPem));
    ossl::BioPtr data(BIO_new_mem_buf(content.constData(), static_cast<int>(content.size())));
    CmsPtr cms(CMS_sign(certificate.get(), signer->get(), chainStack.get(), data.get(), CMS_DETACHED | CMS_BINARY));
    if (!cms)
        return std::unexpected(refused(what, QStringLiteral("the token could not sign (%1)").arg(ossl::lastError())));
    unsigned char* der = nullptr;
    const int length = i2d_CMS_ContentInfo(cms.get(), &der);
    if (length <= 0)
        return std::unexpected(refused(what, QStringLiteral("the signature cannot be written")));
    const QByteArray cmsDer(reinterpret_cast<const char*>(der), length);
    OPENSSL_free(der);
    return cmsDer;
}

CoreStatus verifyDetached(const QByteArray& cmsDer, const QByteArray& content, const QList<QByteArray>& chainDer,
                          const QList<QByteArray>& anchorsDer, const QString& fingerprint, const QString& what)
{
    const auto* bytes = reinterpret_cast<const unsigned char*>(cmsDer.constData());
    CmsPtr cms(d2i_CMS_ContentInfo(nullptr, &bytes, cmsDer.size()));
    if (!cms)
        return std::unexpected(refused(what, QStringLiteral("the signature cannot be read")));
    ossl::StorePtr store(X509_STORE_new());
    for (const QByteArray& der : anchorsDer) {
        if (auto anchor = ossl::certificateFromDer(der))
            X509_STORE_add_cert(store.get(), anchor.get());
    }
    // A person's signature whatever the certificate's extended usages name.
    X509_STORE_set_purpose(store.get(), X509_PURPOSE_ANY);
    auto untrusted = stackOf(chainDer);
    ossl::BioPtr data(BIO_new_mem_buf(content.constData(), static_cast<int>(content.size())));
    if (CMS_verify(cms.get(), untrusted.get(), store.get(), data.get(), nullptr, CMS_DETACHED | CMS_BINARY) != 1)
        return std::unexpected(refused(what, QStringLiteral("it does not verify (%1)").arg(ossl::lastError())));
    // CMS_get0_signers' stack holds borrowed certificates: only the stack itself is freed.
    STACK_OF(X509)* signers = CMS_get0_signers(cms.get());
    const bool bySigner = signers && sk_X509_num(signers) == 1 &&
                          (fingerprint.isEmpty() || ossl::fingerprintSha256(sk_X509_value(signers, 0)) == fingerprint);
    sk_X509_free(signers);
    if (!bySigner)
        return std::unexpected(refused(what, QStringLiteral("it was not made with the expected certificate")));
    return {};
}

} // namespace tamga::core
