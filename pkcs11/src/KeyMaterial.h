// Private to the token layer: OpenSSL work on public keys and certificates (never on private keys, which stay
// on the token).
#pragma once

#include "tamga/pkcs11/Error.h"

#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace tamga::pkcs11 {

using Bytes = std::vector<std::uint8_t>;

// SubjectPublicKeyInfo (DER) of an RSA key from its modulus and public exponent (big-endian).
std::optional<Bytes> rsaSpki(std::span<const std::uint8_t> modulus, std::span<const std::uint8_t> exponent);
// SubjectPublicKeyInfo (DER) of an EC key from the curve's name ("P-256", "P-384") and CKA_EC_POINT, which
// tokens give either DER-wrapped in an OCTET STRING (as PKCS#11 says) or raw.
std::optional<Bytes> ecSpki(const char* curveName, std::span<const std::uint8_t> ecPoint);

// SHA-1 of the subjectPublicKey bits: the key identifier of RFC 5280 4.2.1.2 (1).
std::optional<Bytes> keyIdOfSpki(std::span<const std::uint8_t> spki);

struct CertificateFields {
    Bytes subject; // DER Name
    Bytes issuer;  // DER Name
    Bytes serial;  // DER INTEGER
    Bytes spki;    // DER SubjectPublicKeyInfo
};
std::optional<CertificateFields> parseCertificate(std::span<const std::uint8_t> der);

// "CN=..., O=..." (RFC 2253 order, UTF-8) of a DER Name.
std::string nameToText(std::span<const std::uint8_t> derName);

} // namespace tamga::pkcs11
