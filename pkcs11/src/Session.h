// Private to the token layer: an RAII Cryptoki session and the attribute helpers built on it.
#pragma once

#include "ModuleImpl.h"
#include "tamga/secret/SecretBuffer.h"

#include <cstdint>
#include <optional>
#include <span>
#include <vector>

namespace tamga::pkcs11 {

class Session {
public:
    // Opens a read-write session on the token with this serial. `lastSlot`, when given, is where the token was
    // seen last: tried first, and updated.
    static Result<Session> open(const Module& module, const std::string& serial, const char* operation,
                                unsigned long* lastSlot = nullptr);

    Session(Session&& other) noexcept;
    Session& operator=(Session&&) = delete;
    Session(const Session&) = delete;
    Session& operator=(const Session&) = delete;
    ~Session(); // logs out (when this session logged in) and closes, if it still owns its handle

    // C_Login, verifying the PIN even when the token is already logged in by another session of this process
    // (libp11 would report success there). A wrong PIN comes back as WrongPin with the tries the token reports.
    // With `keepExistingLogin` (a PIN this Token already checked), a login still in place is kept as it is: logging
    // out would end libp11's login too and invalidate the handles of a signing key it holds. This session then
    // does not log out when it closes.
    Status login(CK_USER_TYPE user, const Pin& pin, const char* operation, bool keepExistingLogin = false);

    CK_SESSION_HANDLE handle() const { return m_handle; }
    CK_SLOT_ID slot() const { return m_slot; }
    CK_FUNCTION_LIST* f() const { return m_functions; }
    const std::string& modulePath() const { return m_module->path; }
    const Quirks& quirks() const { return m_module->quirks; }
    // Whether this object still owns its handle: false once libp11 closed the slot's sessions or the module
    // gave the handle to a newer session (see Module::Impl::sessionOwners).
    bool owned() const { return m_module->ownsSession(m_handle, m_owner); }

    TokenError error(CK_RV rv, const char* operation) const { return makeError(rv, operation, m_module->path); }

    Result<std::vector<CK_OBJECT_HANDLE>> find(std::span<CK_ATTRIBUTE> match, const char* operation) const;

    // Attribute readers; nullopt when the attribute is absent, sensitive or invalid for the object.
    std::optional<std::vector<std::uint8_t>> bytes(CK_OBJECT_HANDLE object, CK_ATTRIBUTE_TYPE type) const;
    std::optional<bool> boolean(CK_OBJECT_HANDLE object, CK_ATTRIBUTE_TYPE type) const;
    std::optional<CK_ULONG> number(CK_OBJECT_HANDLE object, CK_ATTRIBUTE_TYPE type) const;

private:
    Session(Module::Impl& module, CK_SLOT_ID slot, CK_SESSION_HANDLE handle);

    Module::Impl* m_module = nullptr; // counts open sessions: no re-initialization while this is open
    CK_FUNCTION_LIST* m_functions = nullptr;
    CK_SLOT_ID m_slot = 0;
    CK_SESSION_HANDLE m_handle = CK_INVALID_HANDLE;
    std::uint64_t m_owner = 0;
    bool m_loggedIn = false;
};

// Fills in triesLeft and the message from the token's PIN flags after a wrong PIN.
void addPinTries(TokenError& error, CK_FUNCTION_LIST* functions, CK_SLOT_ID slot, CK_USER_TYPE user);

} // namespace tamga::pkcs11
