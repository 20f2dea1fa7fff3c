// A thin PKCS#11 module for tests. It forwards every call to a real module (SoftHSM2) and adds, on request,
// what real e-tokens do and SoftHSM does not, so tests can exercise Tamga's handling of it faithfully:
//
//  - a user-PIN retry counter: wrong PINs count down, CKF_USER_PIN_COUNT_LOW / FINAL_TRY / LOCKED are reported,
//    a locked PIN answers CKR_PIN_LOCKED, and C_InitPIN by the SO (unblock) resets it;
//  - a pulled token: from a chosen call on, slots report no token, C_GetTokenInfo and C_OpenSession answer
//    CKR_TOKEN_NOT_PRESENT and session calls answer CKR_DEVICE_REMOVED;
//  - a token that lacks EC key generation or limits RSA key sizes, as older tokens do;
//  - what other real modules do that SoftHSM does not: session handles handed out again once closed (the
//    lowest free number, as opencryptoki does), CKA_CERTIFICATE_CATEGORY refused in a certificate template
//    (opencryptoki), one serial for every token (tpm2-pkcs11), C_SetPIN refused in a session that is not logged
//    in (where opencryptoki would silently lose the keys).
//
// Configuration (environment, read at C_Initialize):
//   TAMGA_TEST_TARGET_MODULE  the real module (required)
//   TAMGA_TEST_STATE_DIR      folder for state shared between processes (required)
//   TAMGA_TEST_PIN_TRIES      user-PIN tries before locking (0 or unset: no counter, as the target does)
//   TAMGA_TEST_NO_EC=1        the token has no EC key generation
//   TAMGA_TEST_RSA_MAX_BITS   the largest RSA key the token generates
//   TAMGA_TEST_REUSE_HANDLES=1        session handles are small numbers, reused once closed
//   TAMGA_TEST_REFUSE_CERT_CATEGORY=1 C_CreateObject refuses CKA_CERTIFICATE_CATEGORY
//   TAMGA_TEST_SERIAL                 the serial every token reports
//   TAMGA_TEST_SETPIN_NEEDS_LOGIN=1   C_SetPIN answers CKR_USER_NOT_LOGGED_IN in a public session
//   TAMGA_TEST_KEYGEN_DELAY_MS        key generation takes this much longer, as on a real token's chip
// Control files in the state folder, looked at on every call:
//   removed        exists: the token is pulled; delete it to plug the token back in
//   remove-after   holds N: the token is pulled after N more calls (the file is consumed)
//   tries-SERIAL   remaining user-PIN tries of a token (written by this module)

#include <p11-kit/pkcs11.h>

#include <dlfcn.h>

#include <chrono>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <map>
#include <mutex>
#include <string>
#include <sys/stat.h>
#include <thread>
#include <unistd.h>

namespace {

CK_FUNCTION_LIST* g_target = nullptr;
void* g_library = nullptr;
CK_FUNCTION_LIST g_list{};
std::recursive_mutex g_mutex;
std::string g_stateDir;
int g_maxTries = 0;
bool g_noEc = false;
CK_ULONG g_rsaMaxBits = 0;
long g_callsUntilRemoval = -1;
bool g_reuseHandles = false;
bool g_refuseCertificateCategory = false;
std::string g_serial;
bool g_setPinNeedsLogin = false;
int g_keygenDelayMs = 0;

// With g_reuseHandles: the handles this module gives out (the lowest free number) and the target's behind them.
std::map<CK_SESSION_HANDLE, CK_SESSION_HANDLE> g_sessions;
std::map<CK_SESSION_HANDLE, CK_SLOT_ID> g_sessionSlots;

CK_SESSION_HANDLE targetSession(CK_SESSION_HANDLE session)
{
    if (!g_reuseHandles)
        return session;
    std::lock_guard lock(g_mutex);
    auto it = g_sessions.find(session);
    return it == g_sessions.end() ? CK_INVALID_HANDLE : it->second;
}

CK_SESSION_HANDLE ownSession(CK_SESSION_HANDLE target, CK_SLOT_ID slot)
{
    if (!g_reuseHandles)
        return target;
    std::lock_guard lock(g_mutex);
    CK_SESSION_HANDLE handle = 1;
    while (g_sessions.contains(handle))
        ++handle;
    g_sessions[handle] = target;
    g_sessionSlots[handle] = slot;
    return handle;
}

void forgetSession(CK_SESSION_HANDLE session)
{
    std::lock_guard lock(g_mutex);
    g_sessions.erase(session);
    g_sessionSlots.erase(session);
}

std::string statePath(const std::string& name)
{
    return g_stateDir + "/" + name;
}

bool exists(const std::string& path)
{
    struct stat st {};
    return ::stat(path.c_str(), &st) == 0;
}

// Counts a call towards a scheduled removal and tells whether the token is pulled now.
bool tokenPulled()
{
    std::lock_guard lock(g_mutex);
    if (g_stateDir.empty())
        return false;
    const std::string schedule = statePath("remove-after");
    if (exists(schedule)) {
        std::ifstream in(schedule);
        in >> g_callsUntilRemoval;
        ::unlink(schedule.c_str());
    }
    if (g_callsUntilRemoval == 0) {
        std::ofstream(statePath("removed")) << "pulled\n";
        g_callsUntilRemoval = -1;
    } else if (g_callsUntilRemoval > 0) {
        --g_callsUntilRemoval;
    }
    return exists(statePath("removed"));
}

std::string trimmed(const unsigned char* field, std::size_t size)
{
    std::size_t end = size;
    while (end > 0 && (field[end - 1] == ' ' || field[end - 1] == '\0'))
        --end;
    return std::string(reinterpret_cast<const char*>(field), end);
}

std::string serialOfSlot(CK_SLOT_ID slot)
{
    CK_TOKEN_INFO info{};
    if (g_target->C_GetTokenInfo(slot, &info) != CKR_OK)
        return {};
    return trimmed(info.serialNumber, sizeof info.serialNumber);
}

std::string serialOfSession(CK_SESSION_HANDLE session)
{
    CK_SESSION_INFO info{};
    if (g_target->C_GetSessionInfo(targetSession(session), &info) != CKR_OK)
        return {};
    return serialOfSlot(info.slotID);
}

int triesLeft(const std::string& serial)
{
    std::ifstream in(statePath("tries-" + serial));
    int tries = g_maxTries;
    if (in)
        in >> tries;
    return tries;
}

void setTriesLeft(const std::string& serial, int tries)
{
    std::ofstream(statePath("tries-" + serial), std::ios::trunc) << tries << '\n';
}

// Applies the retry counter to the outcome of a user-PIN check.
CK_RV countPinCheck(const std::string& serial, CK_RV rv)
{
    if (g_maxTries <= 0 || serial.empty())
        return rv;
    if (rv == CKR_PIN_INCORRECT)
        setTriesLeft(serial, triesLeft(serial) - 1);
    else if (rv == CKR_OK)
        setTriesLeft(serial, g_maxTries);
    return rv;
}

bool pinLocked(const std::string& serial)
{
    return g_maxTries > 0 && !serial.empty() && triesLeft(serial) <= 0;
}

// Wraps a session-level function: a pulled token answers CKR_DEVICE_REMOVED.
template <auto Member> struct Guard;

template <typename... Args, CK_RV (*CK_FUNCTION_LIST::*Member)(Args...)> struct Guard<Member> {
    static CK_RV call(Args... args)
    {
        if (tokenPulled())
            return CKR_DEVICE_REMOVED;
        return (g_target->*Member)(args...);
    }
};

// Wraps a function whose first argument is a session: a pulled token answers CKR_DEVICE_REMOVED, and the
// handle is translated to the target's.
template <auto Member> struct SessionGuard;

template <typename... Args, CK_RV (*CK_FUNCTION_LIST::*Member)(CK_SESSION_HANDLE, Args...)>
struct SessionGuard<Member> {
    static CK_RV call(CK_SESSION_HANDLE session, Args... args)
    {
        if (tokenPulled())
            return CKR_DEVICE_REMOVED;
        const CK_SESSION_HANDLE target = targetSession(session);
        if (target == CK_INVALID_HANDLE)
            return CKR_SESSION_HANDLE_INVALID;
        return (g_target->*Member)(target, args...);
    }
};

// Wraps a module-level or clean-up function: always forwarded (finalizing, closing sessions and logging out work
// on a pulled token too, as the module forgets the token's sessions).
template <auto Member> struct Forward;

template <typename... Args, CK_RV (*CK_FUNCTION_LIST::*Member)(Args...)> struct Forward<Member> {
    static CK_RV call(Args... args) { return (g_target->*Member)(args...); }
};

CK_RV shimInitialize(void* args)
{
    std::lock_guard lock(g_mutex);
    const char* target = std::getenv("TAMGA_TEST_TARGET_MODULE");
    const char* state = std::getenv("TAMGA_TEST_STATE_DIR");
    if (!target || !state)
        return CKR_GENERAL_ERROR;
    g_stateDir = state;
    g_maxTries = std::getenv("TAMGA_TEST_PIN_TRIES") ? std::atoi(std::getenv("TAMGA_TEST_PIN_TRIES")) : 0;
    g_noEc = std::getenv("TAMGA_TEST_NO_EC") != nullptr;
    g_rsaMaxBits =
        std::getenv("TAMGA_TEST_RSA_MAX_BITS") ? std::strtoul(std::getenv("TAMGA_TEST_RSA_MAX_BITS"), nullptr, 10) : 0;
    g_reuseHandles = std::getenv("TAMGA_TEST_REUSE_HANDLES") != nullptr;
    g_refuseCertificateCategory = std::getenv("TAMGA_TEST_REFUSE_CERT_CATEGORY") != nullptr;
    g_serial = std::getenv("TAMGA_TEST_SERIAL") ? std::getenv("TAMGA_TEST_SERIAL") : "";
    g_setPinNeedsLogin = std::getenv("TAMGA_TEST_SETPIN_NEEDS_LOGIN") != nullptr;
    g_keygenDelayMs =
        std::getenv("TAMGA_TEST_KEYGEN_DELAY_MS") ? std::atoi(std::getenv("TAMGA_TEST_KEYGEN_DELAY_MS")) : 0;
    if (!g_library) {
        g_library = ::dlopen(target, RTLD_NOW | RTLD_LOCAL);
        if (!g_library)
            return CKR_GENERAL_ERROR;
        auto getList = reinterpret_cast<CK_C_GetFunctionList>(::dlsym(g_library, "C_GetFunctionList"));
        if (!getList || getList(&g_target) != CKR_OK)
            return CKR_GENERAL_ERROR;
    }
    return g_target->C_Initialize(args);
}

CK_RV shimGetSlotList(CK_BBOOL tokenPresent, CK_SLOT_ID* list, CK_ULONG* count)
{
    if (tokenPresent && tokenPulled()) {
        *count = 0;
        return CKR_OK;
    }
    return g_target->C_GetSlotList(tokenPresent, list, count);
}

CK_RV shimGetSlotInfo(CK_SLOT_ID slot, CK_SLOT_INFO* info)
{
    CK_RV rv = g_target->C_GetSlotInfo(slot, info);
    if (rv == CKR_OK && tokenPulled())
        info->flags &= ~static_cast<CK_FLAGS>(CKF_TOKEN_PRESENT);
    return rv;
}

CK_RV shimGetTokenInfo(CK_SLOT_ID slot, CK_TOKEN_INFO* info)
{
    if (tokenPulled())
        return CKR_TOKEN_NOT_PRESENT;
    CK_RV rv = g_target->C_GetTokenInfo(slot, info);
    const std::string realSerial = rv == CKR_OK ? trimmed(info->serialNumber, sizeof info->serialNumber) : "";
    if (rv == CKR_OK && !g_serial.empty()) {
        std::memset(info->serialNumber, ' ', sizeof info->serialNumber);
        std::memcpy(info->serialNumber, g_serial.data(), std::min(g_serial.size(), sizeof info->serialNumber));
    }
    if (rv != CKR_OK || g_maxTries <= 0 || !(info->flags & CKF_TOKEN_INITIALIZED))
        return rv;
    const int tries = triesLeft(realSerial);
    info->flags &= ~static_cast<CK_FLAGS>(CKF_USER_PIN_COUNT_LOW | CKF_USER_PIN_FINAL_TRY | CKF_USER_PIN_LOCKED);
    if (tries <= 0)
        info->flags |= CKF_USER_PIN_LOCKED;
    else if (tries == 1)
        info->flags |= CKF_USER_PIN_FINAL_TRY | CKF_USER_PIN_COUNT_LOW;
    else if (tries < g_maxTries)
        info->flags |= CKF_USER_PIN_COUNT_LOW;
    return rv;
}

CK_RV shimGetMechanismInfo(CK_SLOT_ID slot, CK_MECHANISM_TYPE type, CK_MECHANISM_INFO* info)
{
    if (tokenPulled())
        return CKR_TOKEN_NOT_PRESENT;
    if (g_noEc && type == CKM_EC_KEY_PAIR_GEN)
        return CKR_MECHANISM_INVALID;
    CK_RV rv = g_target->C_GetMechanismInfo(slot, type, info);
    if (rv == CKR_OK && g_rsaMaxBits && type == CKM_RSA_PKCS_KEY_PAIR_GEN)
        info->ulMaxKeySize = g_rsaMaxBits;
    return rv;
}

CK_RV shimOpenSession(CK_SLOT_ID slot, CK_FLAGS flags, void* app, CK_NOTIFY notify, CK_SESSION_HANDLE* session)
{
    if (tokenPulled())
        return CKR_TOKEN_NOT_PRESENT;
    CK_RV rv = g_target->C_OpenSession(slot, flags, app, notify, session);
    if (rv == CKR_OK)
        *session = ownSession(*session, slot);
    return rv;
}

CK_RV shimCloseSession(CK_SESSION_HANDLE session)
{
    const CK_SESSION_HANDLE target = targetSession(session);
    if (target == CK_INVALID_HANDLE)
        return CKR_SESSION_HANDLE_INVALID;
    CK_RV rv = g_target->C_CloseSession(target);
    if (g_reuseHandles && rv == CKR_OK)
        forgetSession(session);
    return rv;
}

CK_RV shimCloseAllSessions(CK_SLOT_ID slot)
{
    CK_RV rv = g_target->C_CloseAllSessions(slot);
    if (g_reuseHandles && rv == CKR_OK) {
        std::lock_guard lock(g_mutex);
        for (auto it = g_sessionSlots.begin(); it != g_sessionSlots.end();) {
            if (it->second == slot) {
                g_sessions.erase(it->first);
                it = g_sessionSlots.erase(it);
            } else {
                ++it;
            }
        }
    }
    return rv;
}

CK_RV shimLogout(CK_SESSION_HANDLE session)
{
    const CK_SESSION_HANDLE target = targetSession(session);
    if (target == CK_INVALID_HANDLE)
        return CKR_SESSION_HANDLE_INVALID;
    return g_target->C_Logout(target);
}

CK_RV shimCreateObject(CK_SESSION_HANDLE session, CK_ATTRIBUTE* attributes, CK_ULONG count, CK_OBJECT_HANDLE* object)
{
    if (tokenPulled())
        return CKR_DEVICE_REMOVED;
    if (g_refuseCertificateCategory) {
        for (CK_ULONG i = 0; i < count; ++i) {
            if (attributes[i].type == CKA_CERTIFICATE_CATEGORY)
                return CKR_ATTRIBUTE_TYPE_INVALID;
        }
    }
    return g_target->C_CreateObject(targetSession(session), attributes, count, object);
}

CK_RV shimLogin(CK_SESSION_HANDLE session, CK_USER_TYPE user, CK_UTF8CHAR* pin, CK_ULONG length)
{
    if (tokenPulled())
        return CKR_DEVICE_REMOVED;
    const CK_SESSION_HANDLE target = targetSession(session);
    if (user != CKU_USER)
        return g_target->C_Login(target, user, pin, length);
    const std::string serial = serialOfSession(session);
    if (pinLocked(serial))
        return CKR_PIN_LOCKED;
    return countPinCheck(serial, g_target->C_Login(target, user, pin, length));
}

CK_RV shimSetPin(CK_SESSION_HANDLE session, CK_UTF8CHAR* oldPin, CK_ULONG oldLength, CK_UTF8CHAR* newPin,
                 CK_ULONG newLength)
{
    if (tokenPulled())
        return CKR_DEVICE_REMOVED;
    const CK_SESSION_HANDLE target = targetSession(session);
    CK_SESSION_INFO info{};
    g_target->C_GetSessionInfo(target, &info);
    if (g_setPinNeedsLogin && (info.state == CKS_RO_PUBLIC_SESSION || info.state == CKS_RW_PUBLIC_SESSION))
        return CKR_USER_NOT_LOGGED_IN;
    const bool changesUserPin = info.state != CKS_RW_SO_FUNCTIONS;
    const std::string serial = changesUserPin ? serialOfSession(session) : std::string();
    if (pinLocked(serial))
        return CKR_PIN_LOCKED;
    return countPinCheck(serial, g_target->C_SetPIN(target, oldPin, oldLength, newPin, newLength));
}

CK_RV shimInitPin(CK_SESSION_HANDLE session, CK_UTF8CHAR* pin, CK_ULONG length)
{
    if (tokenPulled())
        return CKR_DEVICE_REMOVED;
    CK_RV rv = g_target->C_InitPIN(targetSession(session), pin, length);
    const std::string serial = serialOfSession(session);
    if (rv == CKR_OK && g_maxTries > 0 && !serial.empty())
        setTriesLeft(serial, g_maxTries);
    return rv;
}

CK_RV shimGenerateKeyPair(CK_SESSION_HANDLE session, CK_MECHANISM* mechanism, CK_ATTRIBUTE* publicTemplate,
                          CK_ULONG publicCount, CK_ATTRIBUTE* privateTemplate, CK_ULONG privateCount,
                          CK_OBJECT_HANDLE* publicKey, CK_OBJECT_HANDLE* privateKey)
{
    if (tokenPulled())
        return CKR_DEVICE_REMOVED;
    if (g_noEc && mechanism && mechanism->mechanism == CKM_EC_KEY_PAIR_GEN)
        return CKR_MECHANISM_INVALID;
    if (g_rsaMaxBits && mechanism && mechanism->mechanism == CKM_RSA_PKCS_KEY_PAIR_GEN) {
        for (CK_ULONG i = 0; i < publicCount; ++i) {
            if (publicTemplate[i].type == CKA_MODULUS_BITS &&
                *static_cast<CK_ULONG*>(publicTemplate[i].pValue) > g_rsaMaxBits)
                return CKR_KEY_SIZE_RANGE;
        }
    }
    // The chip's time, spent without holding anything: tokens on one hub work side by side.
    if (g_keygenDelayMs > 0)
        std::this_thread::sleep_for(std::chrono::milliseconds(g_keygenDelayMs));
    return g_target->C_GenerateKeyPair(targetSession(session), mechanism, publicTemplate, publicCount, privateTemplate,
                                       privateCount, publicKey, privateKey);
}

CK_RV shimGetFunctionList(CK_FUNCTION_LIST** list);

void buildList()
{
    // The list is handed out before C_Initialize names the target, so every entry is a wrapper that looks the
    // target up when called.
    g_list.version = {2, 40};
#define TAMGA_FORWARD(name) g_list.name = &Forward<&CK_FUNCTION_LIST::name>::call
    TAMGA_FORWARD(C_Finalize);
    TAMGA_FORWARD(C_GetInfo);
    TAMGA_FORWARD(C_GetMechanismList);
    TAMGA_FORWARD(C_WaitForSlotEvent);
#undef TAMGA_FORWARD
#define TAMGA_GUARD(name) g_list.name = &Guard<&CK_FUNCTION_LIST::name>::call
#define TAMGA_SESSION(name) g_list.name = &SessionGuard<&CK_FUNCTION_LIST::name>::call
    TAMGA_GUARD(C_InitToken);
    TAMGA_SESSION(C_GetSessionInfo);
    TAMGA_SESSION(C_GetOperationState);
    TAMGA_SESSION(C_SetOperationState);
    TAMGA_SESSION(C_CopyObject);
    TAMGA_SESSION(C_DestroyObject);
    TAMGA_SESSION(C_GetObjectSize);
    TAMGA_SESSION(C_GetAttributeValue);
    TAMGA_SESSION(C_SetAttributeValue);
    TAMGA_SESSION(C_FindObjectsInit);
    TAMGA_SESSION(C_FindObjects);
    TAMGA_SESSION(C_FindObjectsFinal);
    TAMGA_SESSION(C_EncryptInit);
    TAMGA_SESSION(C_Encrypt);
    TAMGA_SESSION(C_EncryptUpdate);
    TAMGA_SESSION(C_EncryptFinal);
    TAMGA_SESSION(C_DecryptInit);
    TAMGA_SESSION(C_Decrypt);
    TAMGA_SESSION(C_DecryptUpdate);
    TAMGA_SESSION(C_DecryptFinal);
    TAMGA_SESSION(C_DigestInit);
    TAMGA_SESSION(C_Digest);
    TAMGA_SESSION(C_DigestUpdate);
    TAMGA_SESSION(C_DigestKey);
    TAMGA_SESSION(C_DigestFinal);
    TAMGA_SESSION(C_SignInit);
    TAMGA_SESSION(C_Sign);
    TAMGA_SESSION(C_SignUpdate);
    TAMGA_SESSION(C_SignFinal);
    TAMGA_SESSION(C_SignRecoverInit);
    TAMGA_SESSION(C_SignRecover);
    TAMGA_SESSION(C_VerifyInit);
    TAMGA_SESSION(C_Verify);
    TAMGA_SESSION(C_VerifyUpdate);
    TAMGA_SESSION(C_VerifyFinal);
    TAMGA_SESSION(C_VerifyRecoverInit);
    TAMGA_SESSION(C_VerifyRecover);
    TAMGA_SESSION(C_DigestEncryptUpdate);
    TAMGA_SESSION(C_DecryptDigestUpdate);
    TAMGA_SESSION(C_SignEncryptUpdate);
    TAMGA_SESSION(C_DecryptVerifyUpdate);
    TAMGA_SESSION(C_GenerateKey);
    TAMGA_SESSION(C_WrapKey);
    TAMGA_SESSION(C_UnwrapKey);
    TAMGA_SESSION(C_DeriveKey);
    TAMGA_SESSION(C_SeedRandom);
    TAMGA_SESSION(C_GenerateRandom);
    TAMGA_SESSION(C_GetFunctionStatus);
    TAMGA_SESSION(C_CancelFunction);
#undef TAMGA_SESSION
#undef TAMGA_GUARD
    g_list.C_Initialize = shimInitialize;
    g_list.C_GetFunctionList = shimGetFunctionList;
    g_list.C_GetSlotList = shimGetSlotList;
    g_list.C_GetSlotInfo = shimGetSlotInfo;
    g_list.C_GetTokenInfo = shimGetTokenInfo;
    g_list.C_GetMechanismInfo = shimGetMechanismInfo;
    g_list.C_OpenSession = shimOpenSession;
    g_list.C_CloseSession = shimCloseSession;
    g_list.C_CloseAllSessions = shimCloseAllSessions;
    g_list.C_Logout = shimLogout;
    g_list.C_CreateObject = shimCreateObject;
    g_list.C_Login = shimLogin;
    g_list.C_SetPIN = shimSetPin;
    g_list.C_InitPIN = shimInitPin;
    g_list.C_GenerateKeyPair = shimGenerateKeyPair;
}

CK_RV shimGetFunctionList(CK_FUNCTION_LIST** list)
{
    if (!list)
        return CKR_ARGUMENTS_BAD;
    buildList();
    *list = &g_list;
    return CKR_OK;
}

} // namespace

extern "C" __attribute__((visibility("default"))) CK_RV C_GetFunctionList(CK_FUNCTION_LIST** list)
{
    return shimGetFunctionList(list);
}
