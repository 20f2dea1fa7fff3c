// Token: an OpenSSL key for an on-token private key, through libp11 (Tamga uses libp11 for nothing else but
// loading the module).
#include "TokenParts.h"
#include "tamga/pkcs11/Module.h"

#include <openssl/evp.h>

#include <algorithm>
#include <chrono>
#include <memory>
#include <thread>

namespace tamga::pkcs11 {

struct TokenSigningKey::State {
    std::shared_ptr<Module> module;
    PKCS11_SLOT* slots = nullptr;
    unsigned int slotCount = 0;
    EVP_PKEY* key = nullptr;

    // libp11's slots and key must not outlive its context: the module is not initialized again meanwhile.
    explicit State(std::shared_ptr<Module> owner) : module(std::move(owner)) { ++module->impl().signingKeys; }

    ~State()
    {
        --module->impl().signingKeys;
        if (key)
            EVP_PKEY_free(key);
        if (slots) {
            Module::Impl& impl = module->impl();
            std::lock_guard lock(impl.libp11Mutex);
            PKCS11_release_all_slots(impl.libp11, slots, slotCount);
            impl.forgetSessions(); // libp11 has just called C_CloseAllSessions on every slot
        }
    }
};

TokenSigningKey::TokenSigningKey(std::unique_ptr<State> state) : m_state(std::move(state)) {}
TokenSigningKey::TokenSigningKey(TokenSigningKey&&) noexcept = default;
TokenSigningKey& TokenSigningKey::operator=(TokenSigningKey&&) noexcept = default;
TokenSigningKey::~TokenSigningKey() = default;

EVP_PKEY* TokenSigningKey::get() const
{
    return m_state ? m_state->key : nullptr;
}

Result<TokenSigningKey> Token::signingKey(const Pin& userPin, std::span<const std::uint8_t> id) const
{
    const char* operation = "open signing key";
    // Check the PIN and the key with raw Cryptoki first: libp11's login reports success when the token is
    // already logged in, whatever PIN it is given, and its object cache can list deleted keys.
    {
        auto lease = userSession(userPin, operation);
        if (!lease)
            return std::unexpected(lease.error());
        auto& session = *lease;
        auto found = objectsWithId(*session, id, operation, CKO_PRIVATE_KEY);
        if (!found)
            return std::unexpected(found.error());
        if (found->empty()) {
            return std::unexpected(
                makeError(ErrorKind::ObjectNotFound, operation, m_module->path(),
                          "no private key with ID " + toHex({id.begin(), id.end()}) + " on the token"));
        }
    }

    // The slot raw Cryptoki resolves (refusing a serial that several tokens share); libp11 must use the same.
    auto rawSlot = slotOfToken(*m_module, m_serial, operation);
    if (!rawSlot)
        return std::unexpected(rawSlot.error());

    Module::Impl& impl = m_module->impl();
    // `state` before `lock`: destroyed after the lock is released, since ~State takes the same mutex.
    auto state = std::make_unique<TokenSigningKey::State>(m_module);
    std::lock_guard lock(impl.libp11Mutex);
    auto fail = [&](const std::string& message) {
        return std::unexpected(makeError(ErrorKind::Other, operation, m_module->path(), message));
    };
    // Enumerating afresh each time also refreshes libp11's cache. (PKCS11_update_slots crashes with several
    // slots in 0.4.12, so it is never used.)
    //
    // libp11 asks every slot's token for its information while it lists them; a token another process is
    // writing at that moment (a parallel batch's other worker generating a key: SoftHSM re-reads each token's
    // files to answer) can make that one call fail. Listing again a moment later succeeds, so it is tried again,
    // waiting a little longer each time, for up to about 1.3 s in all: on a loaded machine 150 ms was seen to be
    // too short (the batch room's hub test, where two workers generate keys at once).
    constexpr int kListingTries = 12;
    bool listed = false;
    for (int attempt = 0; attempt < kListingTries && !listed; ++attempt) {
        if (attempt > 0)
            std::this_thread::sleep_for(std::chrono::milliseconds(20 * attempt));
        listed = PKCS11_enumerate_slots(impl.libp11, &state->slots, &state->slotCount) == 0;
        if (!listed) {
            state->slots = nullptr;
            state->slotCount = 0;
        }
    }
    if (!listed)
        return fail("libp11 could not list the slots");
    PKCS11_SLOT* slot = nullptr;
    for (unsigned int i = 0; i < state->slotCount; ++i) {
        PKCS11_TOKEN* token = state->slots[i].token;
        if (token && token->serialnr && m_serial == token->serialnr &&
            PKCS11_get_slotid_from_slot(&state->slots[i]) == *rawSlot)
            slot = &state->slots[i];
    }
    if (!slot)
        return std::unexpected(
            makeError(ErrorKind::TokenRemoved, operation, m_module->path(), "the token is no longer plugged in"));
    const int opened = PKCS11_open_session(slot, 0);
    impl.forgetSessions(); // libp11 0.4.12 closes all of the slot's sessions when it first opens one
    if (opened != 0 || PKCS11_login(slot, 0, userPin.c_str()) != 0)
        return fail("libp11 could not log in to the token");
    PKCS11_KEY* keys = nullptr;
    unsigned int keyCount = 0;
    if (PKCS11_enumerate_keys(slot->token, &keys, &keyCount) != 0)
        return fail("libp11 could not list the keys");
    for (unsigned int i = 0; i < keyCount; ++i) {
        if (keys[i].isPrivate && keys[i].id_len == id.size() && std::equal(id.begin(), id.end(), keys[i].id)) {
            state->key = PKCS11_get_private_key(&keys[i]);
            break;
        }
    }
    if (!state->key)
        return fail("libp11 could not open the private key");
    return TokenSigningKey(std::move(state));
}

} // namespace tamga::pkcs11
