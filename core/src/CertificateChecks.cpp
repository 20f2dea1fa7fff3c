#include "tamga/core/CertificateChecks.h"

#include "Ossl.h"

#include <QHash>
#include <QSet>

#include <memory>
#include <optional>

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
        {KU_DIGITAL_SIGNATURE, "digitalSignature"},
        {KU_NON_REPUDIATION, "nonRepudiation"},
        {KU_KEY_ENCIPHERMENT, "keyEncipherment"},
        {KU_DATA_ENCIPHERMENT, "dataEncipherment"},
        {KU_KEY_AGREEMENT, "keyAgreement"},
        {KU_KEY_CERT_SIGN, "keyCertSign"},
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
        case NID_client_auth:
            names << QStringLiteral("clientAuth");
            break;
        case NID_email_protect:
            names << QStringLiteral("emailProtection");
            break;
        case NID_code_sign:
            names << QStringLiteral("codeSigning");
            break;
        case NID_ms_smartcard_login:
            names << QStringLiteral("msSmartcardLogin");
            break;
        case NID_server_auth:
            names << QStringLiteral("serverAuth");
            break;
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

QString generalNameText(const GENERAL_NAME* name)
{
    int type = 0;
    const auto* value = static_cast<const ASN1_STRING*>(GENERAL_NAME_get0_value(name, &type));
    const QString text = (type == GEN_EMAIL || type == GEN_DNS || type == GEN_URI) && value
                             ? QString::fromLatin1(reinterpret_cast<const char*>(ASN1_STRING_get0_data(value)),
                                                   ASN1_STRING_length(value))
                             : QString();
    switch (type) {
    case GEN_EMAIL:
        return QStringLiteral("email:") + text;
    case GEN_DNS:
        return QStringLiteral("DNS:") + text;
    case GEN_URI:
        return QStringLiteral("URI:") + text;
    case GEN_IPADD:
        return QStringLiteral("IP address");
    case GEN_OTHERNAME:
        return QStringLiteral("otherName (e.g. a Windows logon name)");
    case GEN_DIRNAME:
        return QStringLiteral("a directory name");
    default:
        return QStringLiteral("a name of type %1").arg(type);
    }
}

// What the certificate carries that was not asked for, in words; nullopt when nothing.
std::optional<QString> unexpectedExtension(X509* certificate, const QString& requestedEmail)
{
    // subjectAltName: exactly one rfc822Name equal to the requested address, or none when none was requested.
    int critical = 0;
    std::unique_ptr<GENERAL_NAMES, ossl::Deleter<GENERAL_NAMES_free>> names(
        static_cast<GENERAL_NAMES*>(X509_get_ext_d2i(certificate, NID_subject_alt_name, &critical, nullptr)));
    QStringList found;
    for (int i = 0; names && i < sk_GENERAL_NAME_num(names.get()); ++i)
        found << generalNameText(sk_GENERAL_NAME_value(names.get(), i));
    const QStringList wanted =
        requestedEmail.isEmpty() ? QStringList() : QStringList{QStringLiteral("email:") + requestedEmail};
    if (found != wanted || (critical == -2 /* more than one extension */)) {
        return QStringLiteral("its subjectAltName holds %1; the request asked for %2")
            .arg(found.isEmpty() ? QStringLiteral("nothing") : found.join(QStringLiteral(", ")),
                 wanted.isEmpty() ? QStringLiteral("none") : wanted.front());
    }
    // Not a CA, and constrained by no one's name constraints.
    std::unique_ptr<BASIC_CONSTRAINTS, ossl::Deleter<BASIC_CONSTRAINTS_free>> constraints(
        static_cast<BASIC_CONSTRAINTS*>(X509_get_ext_d2i(certificate, NID_basic_constraints, nullptr, nullptr)));
    if (constraints && constraints->ca)
        return QStringLiteral("it is a CA certificate (basicConstraints CA:TRUE), not an officer's");
    // The extensions an end-entity certificate may carry; any other is refused by name.
    static const QSet<int> allowed{NID_key_usage,
                                   NID_ext_key_usage,
                                   NID_subject_alt_name,
                                   NID_basic_constraints,
                                   NID_subject_key_identifier,
                                   NID_authority_key_identifier,
                                   NID_crl_distribution_points,
                                   NID_info_access,
                                   NID_certificate_policies,
                                   NID_freshest_crl,
                                   NID_issuer_alt_name,
                                   NID_qcStatements};
    for (int i = 0; i < X509_get_ext_count(certificate); ++i) {
        X509_EXTENSION* extension = X509_get_ext(certificate, i);
        const ASN1_OBJECT* object = X509_EXTENSION_get_object(extension);
        if (allowed.contains(OBJ_obj2nid(object)))
            continue;
        char oid[128];
        OBJ_obj2txt(oid, sizeof oid, object, 0);
        return QStringLiteral("it carries the %1extension %2, which no profile of this desk allows")
            .arg(X509_EXTENSION_get_critical(extension) ? QStringLiteral("critical ") : QString(),
                 QString::fromLatin1(oid));
    }
    return std::nullopt;
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

} // namespace

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
        return std::unexpected(
            rejected(QStringLiteral("its subject \"%1\" is not the subject requested").arg(ossl::nameText(subject))));
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
        return std::unexpected(
            rejected(QStringLiteral("its key usage is %1, the profile %2 asks for %3 (did the CA use "
                                    "another profile?)")
                         .arg(keyUsageNames(actualBits).join(QLatin1Char('+')).isEmpty()
                                  ? QStringLiteral("missing")
                                  : keyUsageNames(actualBits).join(QLatin1Char('+')),
                              expected.profile.name, keyUsageNames(wantedBits).join(QLatin1Char('+')))));
    }
    const QSet<QString> actualEku = extendedKeyUsageNames(certificate.get());
    const QSet<QString> wantedEku(expected.profile.extendedKeyUsage.begin(), expected.profile.extendedKeyUsage.end());
    if (actualEku != wantedEku) {
        QStringList actual = actualEku.values();
        actual.sort();
        return std::unexpected(rejected(
            QStringLiteral("its extended key usage is %1, the profile %2 asks for %3")
                .arg(actual.isEmpty() ? QStringLiteral("none") : actual.join(QLatin1Char('+')), expected.profile.name,
                     wantedEku.isEmpty() ? QStringLiteral("none")
                                         : expected.profile.extendedKeyUsage.join(QLatin1Char('+')))));
    }

    // 4. Nothing more than was asked for: the subjectAltName is exactly the e-mail requested (or absent), it is not
    //    a CA certificate, and every other extension is one an end-entity certificate of any profile carries.
    if (auto problem = unexpectedExtension(certificate.get(), expected.subject.email))
        return std::unexpected(rejected(*problem));

    // 5. Valid now.
    if (X509_cmp_current_time(X509_get0_notBefore(certificate.get())) > 0) {
        return std::unexpected(rejected(QStringLiteral("it is not valid yet (from %1)")
                                            .arg(ossl::timeText(X509_get0_notBefore(certificate.get())))));
    }
    if (X509_cmp_current_time(X509_get0_notAfter(certificate.get())) < 0) {
        return std::unexpected(rejected(
            QStringLiteral("it has expired (on %1)").arg(ossl::timeText(X509_get0_notAfter(certificate.get())))));
    }

    // 6. It chains to a configured trust anchor.
    if (anchorsDer.isEmpty())
        return std::unexpected(
            rejected(QStringLiteral("no trust anchor is configured (tamga-cli trust add FILE.pem)")));
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
    for (int i = 1; i < sk_X509_num(chain); ++i) { // [0] is the certificate itself
        X509* link = sk_X509_value(chain, i);
        summary.chainPem += ossl::pemOf(link);
        summary.chainDer << ossl::derOf(link);
    }
    return summary;
}

} // namespace tamga::core
