#include "Session.h"

#include "tamga/secret/SecretBuffer.h"

namespace tamga::pkcs11 {

Session::Session(Module::Impl& module, CK_SLOT_ID slot, CK_SESSION_HANDLE handle)
    : m_module(&module), m_functions(module.functions), m_slot(slot), m_handle(handle),
      m_owner(module.claimSession(handle))
{
    ++m_module->openSessions;
}

Session::Session(Session&& other) noexcept
    : m_module(other.m_module), m_functions(other.m_functions), m_slot(other.m_slot), m_handle(other.m_handle),
      m_owner(other.m_owner), m_loggedIn(other.m_loggedIn)
{
    other.m_handle = CK_INVALID_HANDLE;
    other.m_loggedIn = false;
}

Session::~Session()
{
    if (m_handle == CK_INVALID_HANDLE)
        return;
    // A handle this object no longer owns belongs to someone else now (or to nobody): leave it alone.
    if (m_module->releaseSession(m_handle, m_owner)) {
        if (m_loggedIn)
            m_functions->C_Logout(m_handle);
        m_functions->C_CloseSession(m_handle);
    }
    --m_module->openSessions;
}

Result<Session> Session::open(const Module& module, const std::string& serial, const char* operation,
                              unsigned long* lastSlot)
{
    Module::Impl& impl = module.impl();
    Result<CK_SLOT_ID> slot = std::unexpected(TokenError{});
    if (lastSlot && *lastSlot != ~0UL) {
        CK_TOKEN_INFO info{};
        if (impl.functions->C_GetTokenInfo(*lastSlot, &info) == CKR_OK &&
            trimPadded(info.serialNumber, sizeof info.serialNumber) == serial)
            slot = *lastSlot;
    }
    if (!slot)
        slot = slotOfToken(module, serial, operation);
    if (!slot)
        return std::unexpected(slot.error());
    if (lastSlot)
        *lastSlot = *slot;
    CK_SESSION_HANDLE handle = CK_INVALID_HANDLE;
    CK_RV rv = impl.functions->C_OpenSession(*slot, CKF_SERIAL_SESSION | CKF_RW_SESSION, nullptr, nullptr, &handle);
    if (rv != CKR_OK)
        return std::unexpected(makeError(rv, operation, impl.path));
    return Session(impl, *slot, handle);
}

void addPinTries(TokenError& error, CK_FUNCTION_LIST* functions, CK_SLOT_ID slot, CK_USER_TYPE user)
{
    CK_TOKEN_INFO info{};
    if (functions->C_GetTokenInfo(slot, &info) != CKR_OK)
        return;
    const bool so = (user == CKU_SO);
    const CK_FLAGS locked = so ? CKF_SO_PIN_LOCKED : CKF_USER_PIN_LOCKED;
    const CK_FLAGS finalTry = so ? CKF_SO_PIN_FINAL_TRY : CKF_USER_PIN_FINAL_TRY;
    const CK_FLAGS countLow = so ? CKF_SO_PIN_COUNT_LOW : CKF_USER_PIN_COUNT_LOW;
    const char* who = so ? "the SO PIN" : "the PIN";
    if (info.flags & locked) {
        error.triesLeft = 0;
        error.kind = ErrorKind::PinLocked;
        error.message = std::string(who) + " is wrong, and the token has now blocked it";
    } else if (info.flags & finalTry) {
        error.triesLeft = 1;
        error.message = std::string(who) + " is wrong; one more wrong PIN blocks it";
    } else if (info.flags & countLow) {
        error.message = std::string(who) + " is wrong; few tries are left";
    } else {
        error.message = std::string(who) + " is wrong";
    }
}

Status Session::login(CK_USER_TYPE user, const Pin& pin, const char* operation, bool keepExistingLogin)
{
    auto attempt = [&] {
        return m_functions->C_Login(m_handle, user, const_cast<CK_UTF8CHAR*>(pin.bytes()), pin.size());
    };
    CK_RV rv = attempt();
    if (rv == CKR_USER_ALREADY_LOGGED_IN && keepExistingLogin)
        return {};
    if (rv == CKR_USER_ALREADY_LOGGED_IN || rv == CKR_USER_ANOTHER_ALREADY_LOGGED_IN) {
        // Login state belongs to the token, not the session: log out so the PIN given here is really checked.
        m_functions->C_Logout(m_handle);
        rv = attempt();
    }
    if (rv == CKR_OK) {
        m_loggedIn = true;
        return {};
    }
    TokenError failure = error(rv, operation);
    if (rv == CKR_PIN_INCORRECT)
        addPinTries(failure, m_functions, m_slot, user);
    else if (rv == CKR_PIN_LOCKED && user == CKU_SO)
        failure.message = "the SO PIN is blocked; the token can only be re-initialized by its vendor tool";
    if (rv == CKR_PIN_LOCKED)
        failure.triesLeft = 0;
    return std::unexpected(failure);
}

Result<std::vector<CK_OBJECT_HANDLE>> Session::find(std::span<CK_ATTRIBUTE> match, const char* operation) const
{
    CK_RV rv = m_functions->C_FindObjectsInit(m_handle, match.data(), match.size());
    if (rv != CKR_OK)
        return std::unexpected(error(rv, operation));
    std::vector<CK_OBJECT_HANDLE> found;
    CK_OBJECT_HANDLE batch[32];
    for (;;) {
        CK_ULONG count = 0;
        rv = m_functions->C_FindObjects(m_handle, batch, 32, &count);
        if (rv != CKR_OK) {
            m_functions->C_FindObjectsFinal(m_handle);
            return std::unexpected(error(rv, operation));
        }
        found.insert(found.end(), batch, batch + count);
        if (count < 32)
            break;
    }
    m_functions->C_FindObjectsFinal(m_handle);
    return found;
}

std::optional<std::vector<std::uint8_t>> Session::bytes(CK_OBJECT_HANDLE object, CK_ATTRIBUTE_TYPE type) const
{
    CK_ATTRIBUTE attribute{type, nullptr, 0};
    if (m_functions->C_GetAttributeValue(m_handle, object, &attribute, 1) != CKR_OK ||
        attribute.ulValueLen == CK_UNAVAILABLE_INFORMATION)
        return std::nullopt;
    std::vector<std::uint8_t> value(attribute.ulValueLen);
    attribute.pValue = value.data();
    if (m_functions->C_GetAttributeValue(m_handle, object, &attribute, 1) != CKR_OK)
        return std::nullopt;
    value.resize(attribute.ulValueLen);
    return value;
}

std::optional<bool> Session::boolean(CK_OBJECT_HANDLE object, CK_ATTRIBUTE_TYPE type) const
{
    CK_BBOOL value = CK_FALSE;
    CK_ATTRIBUTE attribute{type, &value, sizeof value};
    if (m_functions->C_GetAttributeValue(m_handle, object, &attribute, 1) != CKR_OK)
        return std::nullopt;
    return value == CK_TRUE;
}

std::optional<CK_ULONG> Session::number(CK_OBJECT_HANDLE object, CK_ATTRIBUTE_TYPE type) const
{
    CK_ULONG value = 0;
    CK_ATTRIBUTE attribute{type, &value, sizeof value};
    if (m_functions->C_GetAttributeValue(m_handle, object, &attribute, 1) != CKR_OK)
        return std::nullopt;
    return value;
}

} // namespace tamga::pkcs11
