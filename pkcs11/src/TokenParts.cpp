#include "TokenParts.h"

#include <algorithm>

namespace tamga::pkcs11 {

bool isRemoval(const TokenError& error)
{
    return error.kind == ErrorKind::TokenRemoved;
}

KeyAlgorithm algorithmOf(CK_ULONG keyType)
{
    if (keyType == CKK_RSA)
        return KeyAlgorithm::Rsa;
    if (keyType == CKK_EC)
        return KeyAlgorithm::Ec;
    return KeyAlgorithm::Other;
}

ObjectClass classOf(CK_ULONG objectClass)
{
    switch (objectClass) {
    case CKO_PRIVATE_KEY:
        return ObjectClass::PrivateKey;
    case CKO_PUBLIC_KEY:
        return ObjectClass::PublicKey;
    case CKO_CERTIFICATE:
        return ObjectClass::Certificate;
    case CKO_DATA:
        return ObjectClass::Data;
    case CKO_SECRET_KEY:
        return ObjectClass::SecretKey;
    default:
        return ObjectClass::Other;
    }
}

const char* curveNameOf(std::span<const std::uint8_t> params)
{
    if (std::ranges::equal(params, kP256Params))
        return "P-256";
    if (std::ranges::equal(params, kP384Params))
        return "P-384";
    return nullptr;
}

Result<Bytes> spkiOfPublicKey(const Session& session, CK_OBJECT_HANDLE publicKey, const char* operation)
{
    auto keyType = session.number(publicKey, CKA_KEY_TYPE);
    std::optional<Bytes> spki;
    if (keyType == CKK_RSA) {
        auto modulus = session.bytes(publicKey, CKA_MODULUS);
        auto exponent = session.bytes(publicKey, CKA_PUBLIC_EXPONENT);
        if (modulus && exponent)
            spki = rsaSpki(*modulus, *exponent);
    } else if (keyType == CKK_EC) {
        auto params = session.bytes(publicKey, CKA_EC_PARAMS);
        auto point = session.bytes(publicKey, CKA_EC_POINT);
        const char* curve = params ? curveNameOf(*params) : nullptr;
        if (curve && point)
            spki = ecSpki(curve, *point);
    }
    if (!spki) {
        // Unreadable attributes are most often a token that has just gone: say so when the session is gone too.
        CK_SESSION_INFO info{};
        if (CK_RV rv = session.f()->C_GetSessionInfo(session.handle(), &info); rv != CKR_OK)
            return std::unexpected(session.error(rv, operation));
        return std::unexpected(makeError(ErrorKind::Other, operation, session.modulePath(),
                                         "the token returned a public key Tamga cannot read"));
    }
    return *spki;
}

Result<std::vector<CK_OBJECT_HANDLE>> objectsWithId(const Session& session, std::span<const std::uint8_t> id,
                                                    const char* operation, std::optional<CK_OBJECT_CLASS> cls)
{
    CK_OBJECT_CLASS objectClass = cls.value_or(0);
    std::vector<CK_ATTRIBUTE> match{attrBytes(CKA_ID, id)};
    if (cls)
        match.push_back(attr(CKA_CLASS, objectClass));
    return session.find(match, operation);
}

} // namespace tamga::pkcs11
