#include "tamga/core/CertificateRequest.h"

#include "Ossl.h"

namespace tamga::core {

namespace {

bool addExtension(STACK_OF(X509_EXTENSION)* extensions, int nid, const QString& value)
{
    X509_EXTENSION* extension = X509V3_EXT_conf_nid(nullptr, nullptr, nid, value.toUtf8().constData());
    if (!extension)
        return false;
    sk_X509_EXTENSION_push(extensions, extension);
    return true;
}

}  // namespace

CoreResult<CertificateRequest> buildCertificateRequest(const RequestedSubject& subject,
                                                       const CertificateProfile& profile,
                                                       const QByteArray& publicKeyDer, EVP_PKEY* tokenKey)
{
    auto failed = [](const QString& what) {
        return coreError(CoreErrorKind::Token, QStringLiteral("building the request failed: %1 (%2)")
                                                   .arg(what, ossl::lastError()));
    };
    ossl::ReqPtr request(X509_REQ_new());
    ossl::PkeyPtr publicKey = ossl::publicKeyFromDer(publicKeyDer);
    if (!request || !publicKey)
        return failed(QStringLiteral("the token's public key cannot be read"));
    X509_REQ_set_version(request.get(), 0);

    X509_NAME* name = X509_REQ_get_subject_name(request.get());
    for (const SubjectAttribute& attribute : subject.attributes) {
        const QByteArray value = attribute.value.toUtf8();
        // A plain V_ASN1_* type (not MBSTRING_*) makes OpenSSL store the bytes with exactly that string type.
        if (X509_NAME_add_entry_by_NID(name, attribute.nid, attribute.stringType,
                                       reinterpret_cast<const unsigned char*>(value.constData()),
                                       static_cast<int>(value.size()), -1, 0) != 1)
            return failed(QStringLiteral("the subject attribute %1 cannot be encoded").arg(attribute.shortName));
    }
    if (X509_REQ_set_pubkey(request.get(), publicKey.get()) != 1)
        return failed(QStringLiteral("the public key cannot be set"));

    ossl::ExtensionsPtr extensions(sk_X509_EXTENSION_new_null());
    if (!addExtension(extensions.get(), NID_key_usage,
                      QStringLiteral("critical,") + profile.keyUsage.join(QLatin1Char(','))))
        return failed(QStringLiteral("the key usage cannot be encoded"));
    if (!profile.extendedKeyUsage.isEmpty() &&
        !addExtension(extensions.get(), NID_ext_key_usage, profile.extendedKeyUsage.join(QLatin1Char(','))))
        return failed(QStringLiteral("the extended key usage cannot be encoded"));
    if (!subject.email.isEmpty() &&
        !addExtension(extensions.get(), NID_subject_alt_name, QStringLiteral("email:") + subject.email))
        return failed(QStringLiteral("the e-mail address cannot be encoded"));
    if (X509_REQ_add_extensions(request.get(), extensions.get()) != 1)
        return failed(QStringLiteral("the requested extensions cannot be added"));

    // The signature is made on the token (C_Sign through libp11).
    if (X509_REQ_sign(request.get(), tokenKey, EVP_sha256()) <= 0)
        return coreError(CoreErrorKind::Token,
                         QStringLiteral("the token did not sign the request (%1); is it still plugged in?")
                             .arg(ossl::lastError()));
    if (X509_REQ_verify(request.get(), publicKey.get()) != 1)
        return failed(QStringLiteral("the request's signature does not verify with the token's public key"));
    return CertificateRequest{ossl::derOf(request.get()), ossl::pemOf(request.get())};
}

RequestedSubject subjectOfRequest(const QByteArray& requestDer)
{
    RequestedSubject subject;
    ossl::ReqPtr request = ossl::requestFromDer(requestDer);
    if (!request)
        return subject;
    const X509_NAME* name = X509_REQ_get_subject_name(request.get());
    for (int i = 0; i < X509_NAME_entry_count(name); ++i) {
        const X509_NAME_ENTRY* entry = X509_NAME_get_entry(name, i);
        const ASN1_STRING* data = X509_NAME_ENTRY_get_data(entry);
        unsigned char* utf8 = nullptr;
        const int length = ASN1_STRING_to_UTF8(&utf8, data);
        const int nid = OBJ_obj2nid(X509_NAME_ENTRY_get_object(entry));
        subject.attributes.push_back({QString::fromLatin1(OBJ_nid2sn(nid)), nid, ASN1_STRING_type(data),
                                      QString::fromUtf8(reinterpret_cast<const char*>(utf8), std::max(length, 0))});
        OPENSSL_free(utf8);
    }
    return subject;
}

QByteArray publicKeyOfRequest(const QByteArray& request)
{
    ossl::ReqPtr parsed = request.startsWith("-----") ? ossl::requestFromPem(request) : ossl::requestFromDer(request);
    if (!parsed)
        return {};
    EVP_PKEY* key = X509_REQ_get0_pubkey(parsed.get());
    return key ? ossl::publicKeyDer(key) : QByteArray();
}

}  // namespace tamga::core
