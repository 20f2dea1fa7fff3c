// Tokens in the words of the desk: the key types a profile names, a token as a screen or the command line shows
// it, the objects on it, what a failed token call was about, and the loaded PKCS#11 modules as one handle that
// the engine, the token service and the desk's worker share. Front ends see only these; the token layer
// (tamga/pkcs11) stays behind the core, which converts at its edge (core/src/TokenLayer.h).
#pragma once

#include "tamga/core/CoreError.h"
#include "tamga/secret/SecretBuffer.h"

#include <QString>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace tamga::core {

enum class KeyType { Rsa2048, Rsa3072, Rsa4096, EcP256, EcP384 };

// "rsa2048", "ec-p256", ... as profiles and the command line write them.
std::string keyTypeName(KeyType type);
std::optional<KeyType> parseKeyType(const std::string& name);

// What a token reports about its PINs and state; blank-padded strings already trimmed.
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

// A token as it was when the modules were last asked: a value, safe to hand to another thread.
struct TokenSnapshot {
    std::string modulePath;
    unsigned long slotId = 0; // informative only: tokens are addressed by serial
    std::string label;
    std::string manufacturer;
    std::string model;
    std::string serial;
    std::string hardwareVersion;
    std::string firmwareVersion;
    TokenFlags flags;
    unsigned long minPinLength = 0;
    unsigned long maxPinLength = 0;
    std::optional<unsigned long> freePublicMemory; // bytes, where the token reports it
    std::optional<unsigned long> freePrivateMemory;
    bool operator==(const TokenSnapshot&) const = default;

    QString serialText() const { return QString::fromStdString(serial); }
    QString labelText() const { return QString::fromStdString(label); }
    QString modelText() const { return QString::fromStdString(manufacturer + " " + model); }
};

enum class ObjectClass { PrivateKey, PublicKey, Certificate, Data, SecretKey, Other };
std::string objectClassName(ObjectClass objectClass); // "private-key", "certificate", ...

enum class KeyAlgorithm { Rsa, Ec, Other };

// One object on a token, as listed (no secret material ever).
struct TokenObject {
    ObjectClass objectClass = ObjectClass::Other;
    std::vector<std::uint8_t> id; // CKA_ID
    std::string label;
    KeyAlgorithm algorithm = KeyAlgorithm::Other; // keys only
    unsigned long keyBits = 0;                    // RSA modulus bits or EC field size, where known
    bool isPrivate = false;
    bool sensitive = false;                // private keys
    bool extractable = false;              // private keys
    bool canSign = false;                  // private keys
    unsigned long certificateCategory = 0; // certificates: 0 unspecified, 1 user, 2 authority
    std::string subject;                   // certificates: one-line subject
};

// A key pair made on a token: both halves share the ID and label.
struct GeneratedKey {
    std::vector<std::uint8_t> id; // SHA-1 of the subjectPublicKey bits (RFC 5280 4.2.1.2 method 1)
    std::string label;
    KeyType type = KeyType::EcP256;
    std::vector<std::uint8_t> publicKeyDer; // SubjectPublicKeyInfo
};

// A PKCS#11 module p11-kit's configuration registers for this user.
struct RegisteredModule {
    std::string name; // p11-kit's name, e.g. "opensc-pkcs11"
    std::string path; // the file p11-kit would load
};

std::string toHex(const std::vector<std::uint8_t>& bytes);
std::optional<std::vector<std::uint8_t>> fromHex(const std::string& hex);

// The PKCS#11 modules the desk works with, loaded once. Copies share the loaded modules (a module is loaded and
// initialized once per process); an empty set finds no token.
class TokenModules {
public:
    TokenModules();
    ~TokenModules();
    TokenModules(const TokenModules&);
    TokenModules& operator=(const TokenModules&);

    // Loads each module file; the first that cannot be loaded is the error (kind Token, with its reason).
    [[nodiscard]] static CoreResult<TokenModules> load(const std::vector<std::string>& paths);
    // OpenSC's module where the system has it: what real e-tokens at a desk speak.
    static std::string defaultModulePath();
    // What p11-kit registers (reading its configuration loads nothing).
    static std::vector<RegisteredModule> registered();

    // Every token present in every module.
    [[nodiscard]] CoreResult<std::vector<TokenSnapshot>> tokens() const;
    // The same, from the modules' last look while no token came or went since (pkcs11::Module::tokensAsLastSeen):
    // for a first look before work that checks each token again.
    [[nodiscard]] CoreResult<std::vector<TokenSnapshot>> tokensAsLastSeen() const;
    // The objects on the token `serial`: the public ones, or with `pin` all of them.
    [[nodiscard]] CoreResult<std::vector<TokenObject>> objects(const QString& serial, const Pin* pin) const;

    struct Loaded; // the token layer's modules (core/src/TokenLayer.h)
    explicit TokenModules(std::shared_ptr<const Loaded> loaded);
    const Loaded& loaded() const { return *m_loaded; }

private:
    std::shared_ptr<const Loaded> m_loaded;
};

} // namespace tamga::core
