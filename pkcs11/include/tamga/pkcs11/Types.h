// Value snapshots of what a module reports. They are copyable and comparable, carry no handles, and may cross
// threads freely. PKCS#11's blank-padded strings are already trimmed.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace tamga::pkcs11 {

struct ModuleInfo {
    std::string path;
    std::string manufacturer;
    std::string description;
    std::string libraryVersion;  // "2.6"
    std::string cryptokiVersion; // "2.40"
    bool operator==(const ModuleInfo&) const = default;
};

// A module that p11-kit's configuration registers for this user.
struct RegisteredModule {
    std::string name; // p11-kit's name, e.g. "opensc-pkcs11"
    std::string path; // the file p11-kit would load
    bool operator==(const RegisteredModule&) const = default;
};

struct TokenFlags {
    bool tokenInitialized = false;
    bool userPinInitialized = false;
    bool loginRequired = false;
    bool protectedAuthenticationPath = false; // PIN pad on the reader: no PIN is passed through software
    bool writeProtected = false;
    bool userPinCountLow = false;
    bool userPinFinalTry = false;
    bool userPinLocked = false;
    bool userPinToBeChanged = false;
    bool soPinCountLow = false;
    bool soPinFinalTry = false;
    bool soPinLocked = false;
    bool operator==(const TokenFlags&) const = default;
};

struct TokenInfo {
    std::string modulePath;
    unsigned long slotId = 0; // informative only: tokens are addressed by serial
    std::string slotDescription;
    std::string label;
    std::string manufacturer;
    std::string model;
    std::string serial;
    std::string hardwareVersion;
    std::string firmwareVersion;
    TokenFlags flags;
    unsigned long minPinLength = 0;
    unsigned long maxPinLength = 0;
    // Free memory in bytes where the token reports it (CK_UNAVAILABLE_INFORMATION otherwise).
    std::optional<unsigned long> freePublicMemory;
    std::optional<unsigned long> freePrivateMemory;
    bool operator==(const TokenInfo&) const = default;
};

struct SlotInfo {
    std::string modulePath;
    unsigned long slotId = 0;
    std::string description;
    std::string manufacturer;
    bool tokenPresent = false;
    bool removableDevice = false;
    bool hardwareSlot = false;
    std::optional<TokenInfo> token; // when tokenPresent
    bool operator==(const SlotInfo&) const = default;
};

enum class KeyType { Rsa2048, Rsa3072, Rsa4096, EcP256, EcP384 };

// "rsa2048", "ec-p256", ... as typed on the command line.
std::string keyTypeName(KeyType type);
std::optional<KeyType> parseKeyType(const std::string& name);

enum class ObjectClass { PrivateKey, PublicKey, Certificate, Data, SecretKey, Other };
std::string objectClassName(ObjectClass objectClass);

enum class KeyAlgorithm { Rsa, Ec, Other };

struct ObjectInfo {
    ObjectClass objectClass = ObjectClass::Other;
    std::vector<std::uint8_t> id; // CKA_ID
    std::string label;
    KeyAlgorithm algorithm = KeyAlgorithm::Other; // keys only
    unsigned long keyBits = 0;                    // RSA modulus bits or EC field size, where known
    bool isPrivate = false;                       // CKA_PRIVATE
    bool sensitive = false;                       // private keys: CKA_SENSITIVE
    bool extractable = false;                     // private keys: CKA_EXTRACTABLE
    bool canSign = false;                         // private keys: CKA_SIGN
    bool trusted = false;                         // certificates: CKA_TRUSTED (CA certificates)
    unsigned long certificateCategory = 0;        // certificates: 0 unspecified, 1 user, 2 authority
    std::string subject;                          // certificates: one-line subject
    bool operator==(const ObjectInfo&) const = default;
};

// A certificate as stored on a token.
struct StoredCertificate {
    std::vector<std::uint8_t> id;
    std::string label;
    std::vector<std::uint8_t> der;
    unsigned long category = 0; // 0 unspecified, 1 user, 2 authority
    bool operator==(const StoredCertificate&) const = default;
};

// What keygen made: both halves share this ID and label.
struct KeyPairInfo {
    std::vector<std::uint8_t> id; // SHA-1 of the subjectPublicKey bits (RFC 5280 4.2.1.2 method 1)
    std::string label;
    KeyType type = KeyType::EcP256;
    std::vector<std::uint8_t> publicKeyDer; // SubjectPublicKeyInfo, DER
    bool operator==(const KeyPairInfo&) const = default;
};

std::string toHex(const std::vector<std::uint8_t>& bytes);
std::optional<std::vector<std::uint8_t>> fromHex(const std::string& hex);

} // namespace tamga::pkcs11
