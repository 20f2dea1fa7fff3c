// Token: key pairs made on the token, found, read and deleted.
#include "TokenParts.h"

#include <array>
#include <string_view>

namespace tamga::pkcs11 {

namespace {

struct KeySpec {
    CK_MECHANISM_TYPE mechanism;
    CK_ULONG modulusBits;                   // RSA
    std::span<const std::uint8_t> ecParams; // EC
};

KeySpec specOf(KeyType type)
{
    switch (type) {
    case KeyType::Rsa2048:
        return {CKM_RSA_PKCS_KEY_PAIR_GEN, 2048, {}};
    case KeyType::Rsa3072:
        return {CKM_RSA_PKCS_KEY_PAIR_GEN, 3072, {}};
    case KeyType::Rsa4096:
        return {CKM_RSA_PKCS_KEY_PAIR_GEN, 4096, {}};
    case KeyType::EcP256:
        return {CKM_EC_KEY_PAIR_GEN, 0, kP256Params};
    case KeyType::EcP384:
        return {CKM_EC_KEY_PAIR_GEN, 0, kP384Params};
    }
    return {CKM_EC_KEY_PAIR_GEN, 0, kP256Params};
}

// Whether the token lists the mechanism and, for RSA, supports the size: checked before generating so the clerk
// hears "this token cannot make RSA-4096 keys" rather than a bare return code.
Status checkMechanism(CK_FUNCTION_LIST* functions, CK_SLOT_ID slot, const std::string& modulePath, const KeySpec& spec,
                      KeyType type, const char* operation)
{
    CK_MECHANISM_INFO info{};
    CK_RV rv = functions->C_GetMechanismInfo(slot, spec.mechanism, &info);
    if (rv == CKR_MECHANISM_INVALID) {
        return std::unexpected(makeError(ErrorKind::MechanismNotSupported, operation, modulePath,
                                         "this token cannot generate " + keyTypeName(type) + " keys"));
    }
    if (rv != CKR_OK)
        return {}; // not every module answers; let C_GenerateKeyPair decide
    if (spec.modulusBits &&
        (spec.modulusBits < info.ulMinKeySize || (info.ulMaxKeySize && spec.modulusBits > info.ulMaxKeySize))) {
        TokenError error =
            makeError(ErrorKind::KeySizeNotSupported, operation, modulePath,
                      "this token supports RSA keys of " + std::to_string(info.ulMinKeySize) + " to " +
                          std::to_string(info.ulMaxKeySize) + " bits, not " + std::to_string(spec.modulusBits));
        error.returnCode = CKR_KEY_SIZE_RANGE;
        return std::unexpected(error);
    }
    return {};
}

} // namespace

Status Token::checkCanGenerate(const std::shared_ptr<Module>& module, const TokenInfo& token, KeyType type)
{
    Module::Impl& impl = module->impl();
    return checkMechanism(impl.functions, token.slotId, impl.path, specOf(type), type, "check key generation");
}

Result<KeyPairInfo> Token::generateKeyPair(const Pin& userPin, KeyType type, const std::string& label) const
{
    const char* operation = "generate key pair";
    auto lease = userSession(userPin, operation);
    if (!lease)
        return std::unexpected(lease.error());
    auto& session = *lease;

    const KeySpec spec = specOf(type);
    if (auto ok = checkMechanism(session->f(), session->slot(), session->modulePath(), spec, type, operation); !ok)
        return std::unexpected(ok.error());

    // A provisional ID until the public key is known; replaced below by SHA-1 of the public key.
    std::array<std::uint8_t, 8> provisionalId{'t', 'a', 'm', 'g', 'a', 'n', 'e', 'w'};
    std::array<std::uint8_t, 3> publicExponent{0x01, 0x00, 0x01};
    CK_ULONG modulusBits = spec.modulusBits;

    const bool usageDerived = session->quirks().keyUsageDerivedByToken;
    std::vector<CK_ATTRIBUTE> publicTemplate{
        attr(CKA_TOKEN, kTrue),     attr(CKA_PRIVATE, kFalse),        attr(CKA_WRAP, kFalse),
        attrText(CKA_LABEL, label), attrBytes(CKA_ID, provisionalId),
    };
    if (!usageDerived) {
        publicTemplate.push_back(attr(CKA_VERIFY, kTrue));
        publicTemplate.push_back(attr(CKA_ENCRYPT, kFalse));
    }
    if (spec.mechanism == CKM_RSA_PKCS_KEY_PAIR_GEN) {
        publicTemplate.push_back(attr(CKA_MODULUS_BITS, modulusBits));
        publicTemplate.push_back(attrBytes(CKA_PUBLIC_EXPONENT, publicExponent));
    } else {
        publicTemplate.push_back(attrBytes(CKA_EC_PARAMS, spec.ecParams));
    }
    std::vector<CK_ATTRIBUTE> privateTemplate{
        attr(CKA_TOKEN, kTrue), attr(CKA_PRIVATE, kTrue), attr(CKA_SENSITIVE, kTrue), attr(CKA_EXTRACTABLE, kFalse),
        attr(CKA_SIGN, kTrue),  attr(CKA_UNWRAP, kFalse), attrText(CKA_LABEL, label), attrBytes(CKA_ID, provisionalId),
    };
    if (!usageDerived)
        privateTemplate.push_back(attr(CKA_DECRYPT, kFalse));

    CK_MECHANISM mechanism{spec.mechanism, nullptr, 0};
    CK_OBJECT_HANDLE publicKey = CK_INVALID_HANDLE;
    CK_OBJECT_HANDLE privateKey = CK_INVALID_HANDLE;
    CK_RV rv =
        session->f()->C_GenerateKeyPair(session->handle(), &mechanism, publicTemplate.data(), publicTemplate.size(),
                                        privateTemplate.data(), privateTemplate.size(), &publicKey, &privateKey);
    if (rv != CKR_OK) {
        TokenError error = session->error(rv, operation);
        if (error.kind == ErrorKind::MechanismNotSupported && spec.mechanism == CKM_EC_KEY_PAIR_GEN)
            error = makeError(ErrorKind::KeySizeNotSupported, operation, session->modulePath(),
                              "this token cannot generate " + keyTypeName(type) + " keys");
        return std::unexpected(error);
    }

    auto discard = [&] {
        session->f()->C_DestroyObject(session->handle(), privateKey);
        session->f()->C_DestroyObject(session->handle(), publicKey);
    };
    auto spki = spkiOfPublicKey(*session, publicKey, operation);
    std::optional<Bytes> id = spki ? keyIdOfSpki(*spki) : std::nullopt;
    if (!spki || !id) {
        discard();
        return std::unexpected(
            spki ? makeError(ErrorKind::Other, operation, session->modulePath(), "cannot compute the key's identifier")
                 : spki.error());
    }
    CK_ATTRIBUTE idAttribute = attrBytes(CKA_ID, *id);
    for (CK_OBJECT_HANDLE object : {publicKey, privateKey}) {
        rv = session->f()->C_SetAttributeValue(session->handle(), object, &idAttribute, 1);
        if (rv != CKR_OK) {
            TokenError error = session->error(rv, operation);
            if (!isRemoval(error))
                discard(); // leave no half-labelled key pair behind
            error.message = "could not set the new key's ID: " + error.message;
            return std::unexpected(error);
        }
    }
    return KeyPairInfo{*id, label, type, *spki};
}

Result<std::optional<KeyPairInfo>> Token::findKeyPair(const Pin& userPin, const std::string& label) const
{
    const char* operation = "find key pair";
    auto lease = userSession(userPin, operation);
    if (!lease)
        return std::unexpected(lease.error());
    auto& session = *lease;
    CK_OBJECT_CLASS privateClass = CKO_PRIVATE_KEY;
    CK_OBJECT_CLASS publicClass = CKO_PUBLIC_KEY;
    std::array privateMatch{attr(CKA_CLASS, privateClass), attrText(CKA_LABEL, label)};
    auto privateKeys = session->find(privateMatch, operation);
    if (!privateKeys)
        return std::unexpected(privateKeys.error());
    if (privateKeys->empty())
        return std::optional<KeyPairInfo>{};
    const CK_OBJECT_HANDLE privateKey = privateKeys->front();
    const Bytes currentId = session->bytes(privateKey, CKA_ID).value_or(Bytes{});
    std::array publicMatch{attr(CKA_CLASS, publicClass), attrBytes(CKA_ID, currentId)};
    auto publicKeys = session->find(publicMatch, operation);
    if (!publicKeys)
        return std::unexpected(publicKeys.error());
    if (publicKeys->empty()) {
        return std::unexpected(makeError(ErrorKind::ObjectNotFound, operation, session->modulePath(),
                                         "the private key \"" + label + "\" has no public key beside it"));
    }
    auto spki = spkiOfPublicKey(*session, publicKeys->front(), operation);
    if (!spki)
        return std::unexpected(spki.error());
    auto properId = keyIdOfSpki(*spki);
    if (!properId)
        return std::unexpected(
            makeError(ErrorKind::Other, operation, session->modulePath(), "cannot compute the key ID"));
    if (*properId != currentId) {
        CK_ATTRIBUTE idAttribute = attrBytes(CKA_ID, *properId);
        for (CK_OBJECT_HANDLE object : {publicKeys->front(), privateKey}) {
            if (CK_RV rv = session->f()->C_SetAttributeValue(session->handle(), object, &idAttribute, 1); rv != CKR_OK)
                return std::unexpected(session->error(rv, operation));
        }
    }
    auto algorithm = algorithmOf(session->number(privateKey, CKA_KEY_TYPE).value_or(~0UL));
    KeyType type = KeyType::EcP256;
    if (algorithm == KeyAlgorithm::Rsa) {
        const auto bits = session->bytes(publicKeys->front(), CKA_MODULUS).value_or(Bytes{}).size() * 8;
        type = bits >= 4096 ? KeyType::Rsa4096 : bits >= 3072 ? KeyType::Rsa3072 : KeyType::Rsa2048;
    } else if (auto params = session->bytes(publicKeys->front(), CKA_EC_PARAMS);
               params && curveNameOf(*params) && std::string_view(curveNameOf(*params)) == "P-384") {
        type = KeyType::EcP384;
    }
    return std::optional<KeyPairInfo>(KeyPairInfo{*properId, label, type, *spki});
}

Result<std::vector<std::uint8_t>> Token::publicKey(const Pin& userPin, std::span<const std::uint8_t> id) const
{
    const char* operation = "read public key";
    auto lease = userSession(userPin, operation);
    if (!lease)
        return std::unexpected(lease.error());
    auto& session = *lease;
    auto found = objectsWithId(*session, id, operation, CKO_PUBLIC_KEY);
    if (!found)
        return std::unexpected(found.error());
    if (found->empty()) {
        return std::unexpected(makeError(ErrorKind::ObjectNotFound, operation, session->modulePath(),
                                         "no public key with ID " + toHex({id.begin(), id.end()}) + " on the token"));
    }
    return spkiOfPublicKey(*session, found->front(), operation);
}

Status Token::deleteKeyPair(const Pin& userPin, std::span<const std::uint8_t> id) const
{
    const char* operation = "delete key pair";
    auto lease = userSession(userPin, operation);
    if (!lease)
        return std::unexpected(lease.error());
    auto& session = *lease;
    auto found = objectsWithId(*session, id, operation);
    if (!found)
        return std::unexpected(found.error());
    if (found->empty()) {
        return std::unexpected(makeError(ErrorKind::ObjectNotFound, operation, session->modulePath(),
                                         "nothing with ID " + toHex({id.begin(), id.end()}) + " is on the token"));
    }
    for (CK_OBJECT_HANDLE object : *found) {
        if (CK_RV rv = session->f()->C_DestroyObject(session->handle(), object); rv != CKR_OK)
            return std::unexpected(session->error(rv, operation));
    }
    return {};
}

} // namespace tamga::pkcs11
