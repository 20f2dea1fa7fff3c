// Token: the objects on it, and certificates stored beside their keys.
#include "TokenParts.h"

#include <algorithm>
#include <array>

namespace tamga::pkcs11 {

namespace {

// A certificate object with exactly this DER value, if one is stored already.
Result<bool> certificateStored(const Session& session, std::span<const std::uint8_t> der, const char* operation)
{
    CK_OBJECT_CLASS certificateClass = CKO_CERTIFICATE;
    std::array match{attr(CKA_CLASS, certificateClass), attrBytes(CKA_VALUE, der)};
    auto found = session.find(match, operation);
    if (!found)
        return std::unexpected(found.error());
    return !found->empty();
}

Status storeCertificateObject(const Session& session, std::span<const std::uint8_t> der,
                              std::span<const std::uint8_t> id, const std::string& label, CK_ULONG category,
                              const char* operation)
{
    auto fields = parseCertificate(der);
    if (!fields) {
        return std::unexpected(makeError(ErrorKind::InvalidInput, operation, session.modulePath(),
                                         "the data is not a DER X.509 certificate"));
    }
    auto stored = certificateStored(session, der, operation);
    if (!stored)
        return std::unexpected(stored.error());
    if (*stored)
        return {};

    CK_OBJECT_CLASS certificateClass = CKO_CERTIFICATE;
    CK_CERTIFICATE_TYPE certificateType = CKC_X_509;
    std::vector attributes{
        attr(CKA_CLASS, certificateClass),
        attr(CKA_CERTIFICATE_TYPE, certificateType),
        attr(CKA_TOKEN, kTrue),
        attr(CKA_PRIVATE, kFalse),
        attr(CKA_MODIFIABLE, kTrue),
        attrText(CKA_LABEL, label),
        attrBytes(CKA_ID, id),
        attrBytes(CKA_SUBJECT, fields->subject),
        attrBytes(CKA_ISSUER, fields->issuer),
        attrBytes(CKA_SERIAL_NUMBER, fields->serial),
        attrBytes(CKA_VALUE, der),
    };
    // The category (user or authority) helps readers tell the officer's certificate from the chain, but it is
    // optional: a module that refuses it (the quirk table, or any that answers "invalid attribute") gets the
    // certificate without it.
    if (!session.quirks().certificateCategoryRefused)
        attributes.push_back(attr(CKA_CERTIFICATE_CATEGORY, category));
    CK_OBJECT_HANDLE handle = CK_INVALID_HANDLE;
    CK_RV rv = session.f()->C_CreateObject(session.handle(), attributes.data(), attributes.size(), &handle);
    if ((rv == CKR_ATTRIBUTE_TYPE_INVALID || rv == CKR_ATTRIBUTE_VALUE_INVALID) &&
        attributes.back().type == CKA_CERTIFICATE_CATEGORY) {
        attributes.pop_back();
        rv = session.f()->C_CreateObject(session.handle(), attributes.data(), attributes.size(), &handle);
    }
    if (rv != CKR_OK)
        return std::unexpected(session.error(rv, operation));
    return {};
}

} // namespace

Result<std::vector<ObjectInfo>> Token::objects(const Pin* userPin) const
{
    const char* operation = "list objects";
    auto lease = userPin ? userSession(*userPin, operation) : publicSession(operation);
    if (!lease)
        return std::unexpected(lease.error());
    auto& session = *lease;
    auto handles = session->find({}, operation);
    if (!handles)
        return std::unexpected(handles.error());

    std::vector<ObjectInfo> result;
    for (CK_OBJECT_HANDLE handle : *handles) {
        ObjectInfo object;
        object.objectClass = classOf(session->number(handle, CKA_CLASS).value_or(~0UL));
        object.id = session->bytes(handle, CKA_ID).value_or(Bytes{});
        auto label = session->bytes(handle, CKA_LABEL).value_or(Bytes{});
        object.label.assign(label.begin(), label.end());
        object.isPrivate = session->boolean(handle, CKA_PRIVATE).value_or(false);
        switch (object.objectClass) {
        case ObjectClass::PrivateKey:
        case ObjectClass::PublicKey: {
            object.algorithm = algorithmOf(session->number(handle, CKA_KEY_TYPE).value_or(~0UL));
            if (object.algorithm == KeyAlgorithm::Rsa) {
                if (auto modulus = session->bytes(handle, CKA_MODULUS))
                    object.keyBits = modulus->size() * 8;
            } else if (object.algorithm == KeyAlgorithm::Ec) {
                auto params = session->bytes(handle, CKA_EC_PARAMS);
                const char* curve = params ? curveNameOf(*params) : nullptr;
                object.keyBits = curve ? (std::string_view(curve) == "P-384" ? 384 : 256) : 0;
            }
            if (object.objectClass == ObjectClass::PrivateKey) {
                object.sensitive = session->boolean(handle, CKA_SENSITIVE).value_or(false);
                object.extractable = session->boolean(handle, CKA_EXTRACTABLE).value_or(true);
                object.canSign = session->boolean(handle, CKA_SIGN).value_or(false);
            }
            break;
        }
        case ObjectClass::Certificate:
            object.trusted = session->boolean(handle, CKA_TRUSTED).value_or(false);
            object.certificateCategory = session->number(handle, CKA_CERTIFICATE_CATEGORY).value_or(0);
            if (auto subject = session->bytes(handle, CKA_SUBJECT))
                object.subject = nameToText(*subject);
            break;
        default:
            break;
        }
        result.push_back(std::move(object));
    }
    // A stable order for people and tests: by ID, then class.
    std::ranges::sort(result, [](const ObjectInfo& a, const ObjectInfo& b) {
        return std::tie(a.id, a.objectClass) < std::tie(b.id, b.objectClass);
    });
    return result;
}

Result<std::vector<StoredCertificate>> Token::certificates() const
{
    const char* operation = "read certificates";
    auto lease = publicSession(operation);
    if (!lease)
        return std::unexpected(lease.error());
    auto& session = *lease;
    CK_OBJECT_CLASS certificateClass = CKO_CERTIFICATE;
    std::array match{attr(CKA_CLASS, certificateClass)};
    auto handles = session->find(match, operation);
    if (!handles)
        return std::unexpected(handles.error());
    std::vector<StoredCertificate> result;
    for (CK_OBJECT_HANDLE handle : *handles) {
        StoredCertificate certificate;
        certificate.id = session->bytes(handle, CKA_ID).value_or(Bytes{});
        auto label = session->bytes(handle, CKA_LABEL).value_or(Bytes{});
        certificate.label.assign(label.begin(), label.end());
        certificate.der = session->bytes(handle, CKA_VALUE).value_or(Bytes{});
        certificate.category = session->number(handle, CKA_CERTIFICATE_CATEGORY).value_or(0);
        result.push_back(std::move(certificate));
    }
    return result;
}

Status Token::storeCertificate(const Pin& userPin, std::span<const std::uint8_t> certificateDer,
                               std::span<const std::uint8_t> id, const std::string& label) const
{
    const char* operation = "store certificate";
    auto lease = userSession(userPin, operation);
    if (!lease)
        return std::unexpected(lease.error());
    auto& session = *lease;
    return storeCertificateObject(*session, certificateDer, id, label, 1 /* token user */, operation);
}

Status Token::storeCaCertificate(const Pin& userPin, std::span<const std::uint8_t> certificateDer,
                                 const std::string& label) const
{
    const char* operation = "store CA certificate";
    auto fields = parseCertificate(certificateDer);
    std::optional<Bytes> id = fields ? keyIdOfSpki(fields->spki) : std::nullopt;
    if (!id) {
        return std::unexpected(
            makeError(ErrorKind::InvalidInput, operation, m_module->path(), "the data is not a DER X.509 certificate"));
    }
    auto lease = userSession(userPin, operation);
    if (!lease)
        return std::unexpected(lease.error());
    auto& session = *lease;
    return storeCertificateObject(*session, certificateDer, *id, label, 2 /* authority */, operation);
}

} // namespace tamga::pkcs11
