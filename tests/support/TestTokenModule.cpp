// A thin PKCS#11 module for tests. It forwards every call to a real module (SoftHSM2) and adds, on request,
// what real e-tokens do and SoftHSM does not, so tests can exercise Tamga's handling of it faithfully:
//
//  - a user-PIN retry counter: wrong PINs count down, CKF_USER_PIN_COUNT_LOW / FINAL_TRY / LOCKED are reported,
//    a locked PIN answers CKR_PIN_LOCKED, and C_InitPIN by the SO (unblock) resets it;
//  - a pulled token: from a chosen call on, slots report no token, C_GetTokenInfo and C_OpenSession answer
//    CKR_TOKEN_NOT_PRESENT and session calls answer CKR_DEVICE_REMOVED;
//  - a token that lacks EC key generation or limits RSA key sizes, as older tokens do.
//
// Configuration (environment, read at C_Initialize):
//   TAMGA_TEST_TARGET_MODULE  the real module (required)
//   TAMGA_TEST_STATE_DIR      folder for state shared between processes (required)
//   TAMGA_TEST_PIN_TRIES      user-PIN tries before locking (0 or unset: no counter, as the target does)
//   TAMGA_TEST_NO_EC=1        the token has no EC key generation
//   TAMGA_TEST_RSA_MAX_BITS   the largest RSA key the token generates
// Control files in the state folder, looked at on every call:
//   removed        exists: the token is pulled; delete it to plug the token back in
//   remove-after   holds N: the token is pulled after N more calls (the file is consumed)
//   tries-SERIAL   remaining user-PIN tries of a token (written by this module)

#include <p11-kit/pkcs11.h>

#include <dlfcn.h>

#include <cstdlib>
#include <cstring>
#include <fstream>
#include <mutex>
#include <string>
#include <sys/stat.h>
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

std::string statePath(const std::string& name)
{
    return g_stateDir + "/" + name;
}

bool exists(const std::string& path)
{
    struct stat st{};
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
    if (g_target->C_GetSessionInfo(session, &info) != CKR_OK)
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
template <auto Member>
struct Guard;

template <typename... Args, CK_RV (*CK_FUNCTION_LIST::*Member)(Args...)>
struct Guard<Member> {
    static CK_RV call(Args... args)
    {
        if (tokenPulled())
            return CKR_DEVICE_REMOVED;
        return (g_target->*Member)(args...);
    }
};

// Wraps a module-level or clean-up function: always forwarded (finalizing, closing sessions and logging out work
// on a pulled token too, as the module forgets the token's sessions).
template <auto Member>
struct Forward;

template <typename... Args, CK_RV (*CK_FUNCTION_LIST::*Member)(Args...)>
struct Forward<Member> {
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
    g_rsaMaxBits = std::getenv("TAMGA_TEST_RSA_MAX_BITS") ? std::strtoul(std::getenv("TAMGA_TEST_RSA_MAX_BITS"), nullptr, 10) : 0;
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
    if (rv != CKR_OK || g_maxTries <= 0 || !(info->flags & CKF_TOKEN_INITIALIZED))
        return rv;
    const int tries = triesLeft(trimmed(info->serialNumber, sizeof info->serialNumber));
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
    return g_target->C_OpenSession(slot, flags, app, notify, session);
}

CK_RV shimLogin(CK_SESSION_HANDLE session, CK_USER_TYPE user, CK_UTF8CHAR* pin, CK_ULONG length)
{
    if (tokenPulled())
        return CKR_DEVICE_REMOVED;
    if (user != CKU_USER)
        return g_target->C_Login(session, user, pin, length);
    const std::string serial = serialOfSession(session);
    if (pinLocked(serial))
        return CKR_PIN_LOCKED;
    return countPinCheck(serial, g_target->C_Login(session, user, pin, length));
}

CK_RV shimSetPin(CK_SESSION_HANDLE session, CK_UTF8CHAR* oldPin, CK_ULONG oldLength, CK_UTF8CHAR* newPin,
                 CK_ULONG newLength)
{
    if (tokenPulled())
        return CKR_DEVICE_REMOVED;
    CK_SESSION_INFO info{};
    g_target->C_GetSessionInfo(session, &info);
    const bool changesUserPin = info.state != CKS_RW_SO_FUNCTIONS;
    const std::string serial = changesUserPin ? serialOfSession(session) : std::string();
    if (pinLocked(serial))
        return CKR_PIN_LOCKED;
    return countPinCheck(serial, g_target->C_SetPIN(session, oldPin, oldLength, newPin, newLength));
}

CK_RV shimInitPin(CK_SESSION_HANDLE session, CK_UTF8CHAR* pin, CK_ULONG length)
{
    if (tokenPulled())
        return CKR_DEVICE_REMOVED;
    CK_RV rv = g_target->C_InitPIN(session, pin, length);
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
    return g_target->C_GenerateKeyPair(session, mechanism, publicTemplate, publicCount, privateTemplate,
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
    TAMGA_FORWARD(C_CloseSession);
    TAMGA_FORWARD(C_CloseAllSessions);
    TAMGA_FORWARD(C_Logout);
    TAMGA_FORWARD(C_WaitForSlotEvent);
#undef TAMGA_FORWARD
#define TAMGA_GUARD(name) g_list.name = &Guard<&CK_FUNCTION_LIST::name>::call
    TAMGA_GUARD(C_InitToken);
    TAMGA_GUARD(C_GetSessionInfo);
    TAMGA_GUARD(C_GetOperationState);
    TAMGA_GUARD(C_SetOperationState);
    TAMGA_GUARD(C_CreateObject);
    TAMGA_GUARD(C_CopyObject);
    TAMGA_GUARD(C_DestroyObject);
    TAMGA_GUARD(C_GetObjectSize);
    TAMGA_GUARD(C_GetAttributeValue);
    TAMGA_GUARD(C_SetAttributeValue);
    TAMGA_GUARD(C_FindObjectsInit);
    TAMGA_GUARD(C_FindObjects);
    TAMGA_GUARD(C_FindObjectsFinal);
    TAMGA_GUARD(C_EncryptInit);
    TAMGA_GUARD(C_Encrypt);
    TAMGA_GUARD(C_EncryptUpdate);
    TAMGA_GUARD(C_EncryptFinal);
    TAMGA_GUARD(C_DecryptInit);
    TAMGA_GUARD(C_Decrypt);
    TAMGA_GUARD(C_DecryptUpdate);
    TAMGA_GUARD(C_DecryptFinal);
    TAMGA_GUARD(C_DigestInit);
    TAMGA_GUARD(C_Digest);
    TAMGA_GUARD(C_DigestUpdate);
    TAMGA_GUARD(C_DigestKey);
    TAMGA_GUARD(C_DigestFinal);
    TAMGA_GUARD(C_SignInit);
    TAMGA_GUARD(C_Sign);
    TAMGA_GUARD(C_SignUpdate);
    TAMGA_GUARD(C_SignFinal);
    TAMGA_GUARD(C_SignRecoverInit);
    TAMGA_GUARD(C_SignRecover);
    TAMGA_GUARD(C_VerifyInit);
    TAMGA_GUARD(C_Verify);
    TAMGA_GUARD(C_VerifyUpdate);
    TAMGA_GUARD(C_VerifyFinal);
    TAMGA_GUARD(C_VerifyRecoverInit);
    TAMGA_GUARD(C_VerifyRecover);
    TAMGA_GUARD(C_DigestEncryptUpdate);
    TAMGA_GUARD(C_DecryptDigestUpdate);
    TAMGA_GUARD(C_SignEncryptUpdate);
    TAMGA_GUARD(C_DecryptVerifyUpdate);
    TAMGA_GUARD(C_GenerateKey);
    TAMGA_GUARD(C_WrapKey);
    TAMGA_GUARD(C_UnwrapKey);
    TAMGA_GUARD(C_DeriveKey);
    TAMGA_GUARD(C_SeedRandom);
    TAMGA_GUARD(C_GenerateRandom);
    TAMGA_GUARD(C_GetFunctionStatus);
    TAMGA_GUARD(C_CancelFunction);
#undef TAMGA_GUARD
    g_list.C_Initialize = shimInitialize;
    g_list.C_GetFunctionList = shimGetFunctionList;
    g_list.C_GetSlotList = shimGetSlotList;
    g_list.C_GetSlotInfo = shimGetSlotInfo;
    g_list.C_GetTokenInfo = shimGetTokenInfo;
    g_list.C_GetMechanismInfo = shimGetMechanismInfo;
    g_list.C_OpenSession = shimOpenSession;
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

}  // namespace

extern "C" __attribute__((visibility("default"))) CK_RV C_GetFunctionList(CK_FUNCTION_LIST** list)
{
    return shimGetFunctionList(list);
}
