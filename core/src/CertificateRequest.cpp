#include "tamga/core/CertificateRequest.h"

#include "Ossl.h"
#include "tamga/core/Text.h"

#include <QHash>

#include <memory>

namespace tamga::core {

namespace {

// Every extension is built from OpenSSL's typed structures, never from its configuration syntax: a value such as
// "x@y.mn,DNS:login.gov.mn" or "otherName:msUPN;UTF8:admin" must stay one e-mail address (or be refused), not
// become further names.
bool pushExtension(STACK_OF(X509_EXTENSION) * extensions, int nid, bool critical, void* value)
{
    X509_EXTENSION* extension = X509V3_EXT_i2d(nid, critical ? 1 : 0, value);
    if (!extension)
        return false;
    sk_X509_EXTENSION_push(extensions, extension);
    return true;
}

bool addKeyUsage(STACK_OF(X509_EXTENSION) * extensions, const QStringList& usages)
{
    static const QHash<QString, int> bits{
        {QStringLiteral("digitalSignature"), 0}, {QStringLiteral("nonRepudiation"), 1},
        {QStringLiteral("keyEncipherment"), 2},  {QStringLiteral("dataEncipherment"), 3},
        {QStringLiteral("keyAgreement"), 4},
    };
    std::unique_ptr<ASN1_BIT_STRING, ossl::Deleter<ASN1_BIT_STRING_free>> bitString(ASN1_BIT_STRING_new());
    if (!bitString)
        return false;
    for (const QString& usage : usages) {
        if (!bits.contains(usage) || ASN1_BIT_STRING_set_bit(bitString.get(), bits.value(usage), 1) != 1)
            return false;
    }
    return pushExtension(extensions, NID_key_usage, true, bitString.get());
}

bool addExtendedKeyUsage(STACK_OF(X509_EXTENSION) * extensions, const QStringList& usages)
{
    std::unique_ptr<EXTENDED_KEY_USAGE,
                    ossl::Deleter<[](EXTENDED_KEY_USAGE* u) { sk_ASN1_OBJECT_pop_free(u, ASN1_OBJECT_free); }>>
        list(sk_ASN1_OBJECT_new_null());
    if (!list)
        return false;
    for (const QString& usage : usages) {
        const int nid = OBJ_sn2nid(usage.toLatin1().constData());
        ASN1_OBJECT* object = nid == NID_undef ? nullptr : OBJ_nid2obj(nid);
        if (!object || sk_ASN1_OBJECT_push(list.get(), object) <= 0)
            return false;
    }
    return pushExtension(extensions, NID_ext_key_usage, false, list.get());
}

// subjectAltName with exactly one rfc822Name holding exactly `address`.
bool addEmail(STACK_OF(X509_EXTENSION) * extensions, const QString& address)
{
    if (!isPlainEmailAddress(address))
        return false;
    const QByteArray ascii = address.toLatin1();
    std::unique_ptr<GENERAL_NAMES, ossl::Deleter<GENERAL_NAMES_free>> names(GENERAL_NAMES_new());
    GENERAL_NAME* name = GENERAL_NAME_new();
    ASN1_IA5STRING* text = ASN1_IA5STRING_new();
    if (!names || !name || !text || ASN1_STRING_set(text, ascii.constData(), static_cast<int>(ascii.size())) != 1) {
        GENERAL_NAME_free(name);
        ASN1_IA5STRING_free(text);
        return false;
    }
    GENERAL_NAME_set0_value(name, GEN_EMAIL, text);
    if (sk_GENERAL_NAME_push(names.get(), name) <= 0) {
        GENERAL_NAME_free(name);
        return false;
    }
    return pushExtension(extensions, NID_subject_alt_name, false, names.get());
}

} // namespace

CoreResult<CertificateRequest> buildCertificateRequest(const RequestedSubject& subject,
                                                       const CertificateProfile& profile,
                                                       const QByteArray& publicKeyDer, EVP_PKEY* tokenKey)
{
    auto failed = [](const QString& what) {
        return coreError(CoreErrorKind::Token,
                         QStringLiteral("building the request failed: %1 (%2)").arg(what, ossl::lastError()));
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
    if (!addKeyUsage(extensions.get(), profile.keyUsage))
        return failed(QStringLiteral("the key usage cannot be encoded"));
    if (!profile.extendedKeyUsage.isEmpty() && !addExtendedKeyUsage(extensions.get(), profile.extendedKeyUsage))
        return failed(QStringLiteral("the extended key usage cannot be encoded"));
    if (!subject.email.isEmpty() && !addEmail(extensions.get(), subject.email)) {
        return coreError(CoreErrorKind::InvalidInput,
                         QStringLiteral("\"%1\" is not a plain e-mail address: it cannot go into a certificate")
                             .arg(escapedForTerminal(subject.email)));
    }
    if (X509_REQ_add_extensions(request.get(), extensions.get()) != 1)
        return failed(QStringLiteral("the requested extensions cannot be added"));

    // The signature is made on the token (C_Sign through libp11).
    if (X509_REQ_sign(request.get(), tokenKey, EVP_sha256()) <= 0)
        return coreError(
            CoreErrorKind::Token,
            QStringLiteral("the token did not sign the request (%1); is it still plugged in?").arg(ossl::lastError()));
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
    // The e-mail address the request asked for in its subjectAltName (the only name Tamga ever requests there).
    STACK_OF(X509_EXTENSION)* extensions = X509_REQ_get_extensions(request.get());
    if (extensions) {
        auto* names = static_cast<GENERAL_NAMES*>(X509V3_get_d2i(extensions, NID_subject_alt_name, nullptr, nullptr));
        for (int i = 0; names && i < sk_GENERAL_NAME_num(names); ++i) {
            int type = 0;
            const auto* value =
                static_cast<const ASN1_STRING*>(GENERAL_NAME_get0_value(sk_GENERAL_NAME_value(names, i), &type));
            if (type == GEN_EMAIL && value)
                subject.email = QString::fromLatin1(reinterpret_cast<const char*>(ASN1_STRING_get0_data(value)),
                                                    ASN1_STRING_length(value));
        }
        GENERAL_NAMES_free(names);
        sk_X509_EXTENSION_pop_free(extensions, X509_EXTENSION_free);
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

} // namespace tamga::core
