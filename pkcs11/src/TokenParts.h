// Private to the token layer: what the parts of Token share (Token.cpp: the token and its PINs; TokenKeys.cpp:
// key pairs; TokenObjects.cpp: objects and certificates; TokenSigning.cpp: the OpenSSL key through libp11):
// Cryptoki attribute templates and object helpers.
#pragma once

#include "KeyMaterial.h"
#include "Session.h"
#include "tamga/pkcs11/Token.h"

#include <array>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace tamga::pkcs11 {

// DER OIDs of the named curves, as CKA_EC_PARAMS wants them.
inline constexpr std::array<std::uint8_t, 10> kP256Params{0x06, 0x08, 0x2A, 0x86, 0x48, 0xCE, 0x3D, 0x03, 0x01, 0x07};
inline constexpr std::array<std::uint8_t, 7> kP384Params{0x06, 0x05, 0x2B, 0x81, 0x04, 0x00, 0x22};

// Templates point at these (Cryptoki's CK_ATTRIBUTE wants a non-const pointer).
inline CK_BBOOL kTrue = CK_TRUE;
inline CK_BBOOL kFalse = CK_FALSE;

template <typename T> CK_ATTRIBUTE attr(CK_ATTRIBUTE_TYPE type, T& value)
{
    return {type, &value, sizeof value};
}

inline CK_ATTRIBUTE attrBytes(CK_ATTRIBUTE_TYPE type, std::span<const std::uint8_t> bytes)
{
    return {type, const_cast<std::uint8_t*>(bytes.data()), bytes.size()};
}

inline CK_ATTRIBUTE attrText(CK_ATTRIBUTE_TYPE type, const std::string& text)
{
    return {type, const_cast<char*>(text.data()), text.size()};
}

bool isRemoval(const TokenError& error);
KeyAlgorithm algorithmOf(CK_ULONG keyType);
ObjectClass classOf(CK_ULONG objectClass);
// "P-256", "P-384", or null for another curve.
const char* curveNameOf(std::span<const std::uint8_t> params);
// The SubjectPublicKeyInfo of a public-key object, built from its attributes.
Result<Bytes> spkiOfPublicKey(const Session& session, CK_OBJECT_HANDLE publicKey, const char* operation);
Result<std::vector<CK_OBJECT_HANDLE>> objectsWithId(const Session& session, std::span<const std::uint8_t> id,
                                                    const char* operation, std::optional<CK_OBJECT_CLASS> cls = {});

} // namespace tamga::pkcs11
