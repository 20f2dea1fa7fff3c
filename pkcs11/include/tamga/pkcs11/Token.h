// Operations on one token, addressed by its serial (never by slot: SoftHSM and real readers renumber slots).
// Each call opens its own session, logs in as it needs, and closes the session before returning (unless the
// caller holds one logged-in session for a run of calls: holdSession), so a pulled
// token or a crash leaves no state behind in this process. Calls are synchronous: run them on the one worker
// thread that owns token calls (TokenWorker), never on a GUI thread.
#pragma once

#include "tamga/pkcs11/Error.h"
#include "tamga/pkcs11/Types.h"
#include "tamga/secret/SecretBuffer.h"

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <vector>

// OpenSSL's key type, declared here so the header does not pull OpenSSL into every includer.
using EVP_PKEY = struct evp_pkey_st;

namespace tamga::pkcs11 {

// PINs live in the small secret target that the front ends share (tamga/secret); the token layer takes them as is.
using tamga::Pin;
using tamga::SecretBuffer;

class Module;
class Session;

// An OpenSSL key whose private half stays on the token: signing with it runs C_Sign on the token. It keeps the
// module and libp11's objects alive as long as it lives. Not thread-safe: use it on the token worker.
class TokenSigningKey {
public:
    TokenSigningKey(TokenSigningKey&&) noexcept;
    TokenSigningKey& operator=(TokenSigningKey&&) noexcept;
    ~TokenSigningKey();

    EVP_PKEY* get() const;

    struct State;

private:
    friend class Token;
    explicit TokenSigningKey(std::unique_ptr<State> state);
    std::unique_ptr<State> m_state;
};

class Token {
public:
    Token(std::shared_ptr<Module> module, std::string serial);

    const std::string& serial() const { return m_serial; }

    // Keeps one logged-in session for the calls that follow (an enrollment's run), so the PIN is checked once
    // and the token is not logged in again at every step. The user-PIN operations below then use it (their PIN
    // argument is not checked again). Released by releaseSession(), or when the last copy of this Token goes.
    [[nodiscard]] Status holdSession(const Pin& userPin);
    void releaseSession();
    const std::shared_ptr<Module>& module() const { return m_module; }

    // Initializes the token (erasing everything on it), sets the SO PIN and label, then the user PIN.
    // `label` may be at most 32 bytes of UTF-8. Returns the token as it is afterwards (possibly in a new slot).
    [[nodiscard]] static Result<TokenInfo> initialize(const std::shared_ptr<Module>& module, const TokenInfo& token,
                                                      const Pin& soPin, const std::string& label, const Pin& userPin);

    [[nodiscard]] Result<TokenInfo> info() const;

    // Whether the token can generate this kind of key (its mechanism and, for RSA, the size), asked without a
    // session or PIN: checked before anything on the token is changed or erased for an enrollment.
    [[nodiscard]] static Status checkCanGenerate(const std::shared_ptr<Module>& module, const TokenInfo& token,
                                                 KeyType type);

    [[nodiscard]] Status changeUserPin(const Pin& oldPin, const Pin& newPin) const;
    // Sets a new user PIN with the SO PIN: unblocks a locked user PIN, or sets the first one.
    [[nodiscard]] Status setUserPinWithSoPin(const Pin& soPin, const Pin& newPin) const;

    // Generates a key pair on the token. The private key is token, private, sensitive, never extractable and
    // can sign; both halves get `label` and the ID SHA-1(subjectPublicKey).
    [[nodiscard]] Result<KeyPairInfo> generateKeyPair(const Pin& userPin, KeyType type, const std::string& label) const;

    // The key pair whose private key has this label, if any. A pair left with another ID by an interrupted
    // generation gets its proper ID (SHA-1 of the public key) on both halves first.
    [[nodiscard]] Result<std::optional<KeyPairInfo>> findKeyPair(const Pin& userPin, const std::string& label) const;

    // Objects visible with the user PIN, or the public ones when `userPin` is null.
    [[nodiscard]] Result<std::vector<ObjectInfo>> objects(const Pin* userPin) const;

    // Every certificate on the token with its value (certificates are public objects).
    [[nodiscard]] Result<std::vector<StoredCertificate>> certificates() const;

    // The public key (SubjectPublicKeyInfo DER) of the key pair with this ID.
    [[nodiscard]] Result<std::vector<std::uint8_t>> publicKey(const Pin& userPin,
                                                              std::span<const std::uint8_t> id) const;

    // Stores the end-entity certificate (DER) under its key's ID and label. Storing the same certificate again
    // is a no-op.
    [[nodiscard]] Status storeCertificate(const Pin& userPin, std::span<const std::uint8_t> certificateDer,
                                          std::span<const std::uint8_t> id, const std::string& label) const;
    // Stores a CA certificate (category "authority"), ID = SHA-1 of its public key. Idempotent too.
    [[nodiscard]] Status storeCaCertificate(const Pin& userPin, std::span<const std::uint8_t> certificateDer,
                                            const std::string& label) const;

    // Deletes the private key, public key and certificates with this ID; ObjectNotFound when there are none.
    [[nodiscard]] Status deleteKeyPair(const Pin& userPin, std::span<const std::uint8_t> id) const;

    // An OpenSSL key for the private key with this ID (through libp11).
    [[nodiscard]] Result<TokenSigningKey> signingKey(const Pin& userPin, std::span<const std::uint8_t> id) const;

private:
    // A logged-in user session: the held one, or a new one.
    [[nodiscard]] Result<std::shared_ptr<Session>> userSession(const Pin& userPin, const char* operation) const;
    // A session that is logged in only when one is held (public objects).
    [[nodiscard]] Result<std::shared_ptr<Session>> publicSession(const char* operation) const;

    std::shared_ptr<Module> m_module;
    std::string m_serial;
    // libp11 closes every session of a slot when it opens or releases one: a held session found closed (or no
    // longer owned, see Module::Impl::sessionOwners) is opened and logged in again on next use.
    mutable std::shared_ptr<Session> m_held;
    // Where the token was last seen; checked (one C_GetTokenInfo) before it is used again.
    std::shared_ptr<unsigned long> m_lastSlot = std::make_shared<unsigned long>(~0UL);
};

} // namespace tamga::pkcs11
