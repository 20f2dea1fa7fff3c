#include "tamga/core/CertificateChecks.h"

#include "Ossl.h"

#include <QHash>
#include <QSet>

namespace tamga::core {

namespace {

CoreError rejected(const QString& why)
{
    return CoreError{CoreErrorKind::CertificateRejected,
                     QStringLiteral("the certificate from the CA was refused: %1").arg(why)};
}

std::uint32_t keyUsageBits(const QStringList& usages)
{
    static const QHash<QString, std::uint32_t> bits{
        {QStringLiteral("digitalSignature"), KU_DIGITAL_SIGNATURE},
        {QStringLiteral("nonRepudiation"), KU_NON_REPUDIATION},
        {QStringLiteral("keyEncipherment"), KU_KEY_ENCIPHERMENT},
        {QStringLiteral("keyAgreement"), KU_KEY_AGREEMENT},
    };
    std::uint32_t result = 0;
    for (const QString& usage : usages)
        result |= bits.value(usage);
    return result;
}

QStringList keyUsageNames(std::uint32_t bits)
{
    QStringList names;
    const std::pair<std::uint32_t, const char*> known[] = {
        {KU_DIGITAL_SIGNATURE, "digitalSignature"}, {KU_NON_REPUDIATION, "nonRepudiation"},
        {KU_KEY_ENCIPHERMENT, "keyEncipherment"},   {KU_DATA_ENCIPHERMENT, "dataEncipherment"},
        {KU_KEY_AGREEMENT, "keyAgreement"},         {KU_KEY_CERT_SIGN, "keyCertSign"},
        {KU_CRL_SIGN, "cRLSign"},
    };
    for (const auto& [bit, name] : known) {
        if (bits & bit)
            names << QString::fromLatin1(name);
    }
    return names;
}

QSet<QString> extendedKeyUsageNames(X509* certificate)
{
    QSet<QString> names;
    auto* usages = static_cast<EXTENDED_KEY_USAGE*>(X509_get_ext_d2i(certificate, NID_ext_key_usage, nullptr, nullptr));
    if (!usages)
        return names;
    for (int i = 0; i < sk_ASN1_OBJECT_num(usages); ++i) {
        const int nid = OBJ_obj2nid(sk_ASN1_OBJECT_value(usages, i));
        switch (nid) {
        case NID_client_auth: names << QStringLiteral("clientAuth"); break;
        case NID_email_protect: names << QStringLiteral("emailProtection"); break;
        case NID_code_sign: names << QStringLiteral("codeSigning"); break;
        case NID_ms_smartcard_login: names << QStringLiteral("msSmartcardLogin"); break;
        case NID_server_auth: names << QStringLiteral("serverAuth"); break;
        default: {
            char text[128];
            OBJ_obj2txt(text, sizeof text, sk_ASN1_OBJECT_value(usages, i), 0);
            names << QString::fromLatin1(text);
        }
        }
    }
    sk_ASN1_OBJECT_pop_free(usages, ASN1_OBJECT_free);
    return names;
}

CertificateSummary summaryOf(X509* certificate)
{
    CertificateSummary summary;
    summary.serialHex = ossl::serialHex(certificate);
    summary.subject = ossl::nameText(X509_get_subject_name(certificate));
    summary.issuer = ossl::nameText(X509_get_issuer_name(certificate));
    summary.notBefore = ossl::timeText(X509_get0_notBefore(certificate));
    summary.notAfter = ossl::timeText(X509_get0_notAfter(certificate));
    summary.fingerprintSha256 = ossl::fingerprintSha256(certificate);
    summary.pem = ossl::pemOf(certificate);
    return summary;
}

}  // namespace

CoreResult<CertificateSummary> summarizeCertificate(const QByteArray& certificateDer)
{
    ossl::X509Ptr certificate = ossl::certificateFromDer(certificateDer);
    if (!certificate)
        return coreError(CoreErrorKind::CaGarbled, QStringLiteral("the CA's answer is not an X.509 certificate"));
    return summaryOf(certificate.get());
}

CoreResult<CertificateSummary> checkIssuedCertificate(const QByteArray& certificateDer,
                                                      const QList<QByteArray>& candidatesDer,
                                                      const QList<QByteArray>& anchorsDer,
                                                      const ExpectedCertificate& expected)
{
    ossl::X509Ptr certificate = ossl::certificateFromDer(certificateDer);
    if (!certificate)
        return coreError(CoreErrorKind::CaGarbled, QStringLiteral("the CA's answer is not an X.509 certificate"));

    // 1. The public key is the one on the token.
    EVP_PKEY* key = X509_get0_pubkey(certificate.get());
    if (!key || ossl::publicKeyDer(key) != expected.publicKeyDer)
        return std::unexpected(rejected(QStringLiteral("its public key is not the key on the token")));

    // 2. The subject is exactly the one asked for (same attributes, same values).
    X509_NAME* subject = X509_get_subject_name(certificate.get());
    const int entries = X509_NAME_entry_count(subject);
    if (entries != static_cast<int>(expected.subject.attributes.size())) {
        return std::unexpected(rejected(QStringLiteral("its subject \"%1\" is not the subject requested")
                                            .arg(ossl::nameText(subject))));
    }
    for (const SubjectAttribute& wanted : expected.subject.attributes) {
        bool found = false;
        for (int i = X509_NAME_get_index_by_NID(subject, wanted.nid, -1); i >= 0 && !found;
             i = X509_NAME_get_index_by_NID(subject, wanted.nid, i)) {
            unsigned char* utf8 = nullptr;
            const int length = ASN1_STRING_to_UTF8(&utf8, X509_NAME_ENTRY_get_data(X509_NAME_get_entry(subject, i)));
            if (length >= 0)
                found = QString::fromUtf8(reinterpret_cast<const char*>(utf8), length) == wanted.value;
            OPENSSL_free(utf8);
        }
        if (!found) {
            return std::unexpected(rejected(QStringLiteral("its subject lacks %1=%2 (it reads \"%3\")")
                                                .arg(wanted.shortName, wanted.value, ossl::nameText(subject))));
        }
    }

    // 3. Key usage and extended key usage are the profile's, no more and no less.
    const std::uint32_t wantedBits = keyUsageBits(expected.profile.keyUsage);
    const std::uint32_t actualBits =
        (X509_get_extension_flags(certificate.get()) & EXFLAG_KUSAGE) ? X509_get_key_usage(certificate.get()) : 0;
    if (actualBits != wantedBits) {
        return std::unexpected(rejected(QStringLiteral("its key usage is %1, the profile %2 asks for %3 (did the CA use "
                                                       "another profile?)")
                                            .arg(keyUsageNames(actualBits).join(QLatin1Char('+')).isEmpty()
                                                     ? QStringLiteral("missing")
                                                     : keyUsageNames(actualBits).join(QLatin1Char('+')),
                                                 expected.profile.name,
                                                 keyUsageNames(wantedBits).join(QLatin1Char('+')))));
    }
    const QSet<QString> actualEku = extendedKeyUsageNames(certificate.get());
    const QSet<QString> wantedEku(expected.profile.extendedKeyUsage.begin(), expected.profile.extendedKeyUsage.end());
    if (actualEku != wantedEku) {
        QStringList actual = actualEku.values();
        actual.sort();
        return std::unexpected(rejected(QStringLiteral("its extended key usage is %1, the profile %2 asks for %3")
                                            .arg(actual.isEmpty() ? QStringLiteral("none") : actual.join(QLatin1Char('+')),
                                                 expected.profile.name,
                                                 wantedEku.isEmpty() ? QStringLiteral("none")
                                                                     : expected.profile.extendedKeyUsage.join(QLatin1Char('+')))));
    }

    // 4. Valid now.
    if (X509_cmp_current_time(X509_get0_notBefore(certificate.get())) > 0) {
        return std::unexpected(rejected(QStringLiteral("it is not valid yet (from %1)")
                                            .arg(ossl::timeText(X509_get0_notBefore(certificate.get())))));
    }
    if (X509_cmp_current_time(X509_get0_notAfter(certificate.get())) < 0) {
        return std::unexpected(rejected(QStringLiteral("it has expired (on %1)")
                                            .arg(ossl::timeText(X509_get0_notAfter(certificate.get())))));
    }

    // 5. It chains to a configured trust anchor.
    if (anchorsDer.isEmpty())
        return std::unexpected(rejected(QStringLiteral("no trust anchor is configured (tamga-cli trust add FILE.pem)")));
    ossl::StorePtr store(X509_STORE_new());
    for (const QByteArray& der : anchorsDer) {
        if (auto anchor = ossl::certificateFromDer(der))
            X509_STORE_add_cert(store.get(), anchor.get());
    }
    ossl::X509StackPtr untrusted(sk_X509_new_null());
    for (const QByteArray& der : candidatesDer) {
        if (auto candidate = ossl::certificateFromDer(der))
            sk_X509_push(untrusted.get(), candidate.release());
    }
    ossl::StoreCtxPtr context(X509_STORE_CTX_new());
    X509_STORE_CTX_init(context.get(), store.get(), certificate.get(), untrusted.get());
    if (X509_verify_cert(context.get()) != 1) {
        const int error = X509_STORE_CTX_get_error(context.get());
        return std::unexpected(rejected(QStringLiteral("it does not chain to a configured trust anchor (%1)")
                                            .arg(QString::fromLatin1(X509_verify_cert_error_string(error)))));
    }

    CertificateSummary summary = summaryOf(certificate.get());
    STACK_OF(X509)* chain = X509_STORE_CTX_get0_chain(context.get());
    for (int i = 1; i < sk_X509_num(chain); ++i) {  // [0] is the certificate itself
        X509* link = sk_X509_value(chain, i);
        summary.chainPem += ossl::pemOf(link);
        summary.chainDer << ossl::derOf(link);
    }
    return summary;
}

}  // namespace tamga::core
