#include "ModuleImpl.h"
#include "tamga/pkcs11/Quirks.h"

#include <p11-kit/p11-kit.h>

#include <dlfcn.h>

#include <chrono>
#include <cstdlib>
#include <cstring>
#include <map>
#include <mutex>
#include <sys/stat.h>
#include <thread>

namespace tamga::pkcs11 {

namespace {

std::string versionText(const CK_VERSION& version)
{
    return std::to_string(version.major) + "." + std::to_string(version.minor);
}

bool fileExists(const std::string& path)
{
    struct stat st {};
    return ::stat(path.c_str(), &st) == 0;
}

} // namespace

std::string trimPadded(const unsigned char* field, std::size_t size)
{
    std::size_t end = size;
    while (end > 0 && (field[end - 1] == ' ' || field[end - 1] == '\0'))
        --end;
    return std::string(reinterpret_cast<const char*>(field), end);
}

TokenInfo tokenInfoFrom(const std::string& modulePath, CK_SLOT_ID slot, const CK_SLOT_INFO& slotInfo,
                        const CK_TOKEN_INFO& info)
{
    TokenInfo token;
    token.modulePath = modulePath;
    token.slotId = slot;
    token.slotDescription = trimPadded(slotInfo.slotDescription, sizeof slotInfo.slotDescription);
    token.label = trimPadded(info.label, sizeof info.label);
    token.manufacturer = trimPadded(info.manufacturerID, sizeof info.manufacturerID);
    token.model = trimPadded(info.model, sizeof info.model);
    token.serial = trimPadded(info.serialNumber, sizeof info.serialNumber);
    token.hardwareVersion = versionText(info.hardwareVersion);
    token.firmwareVersion = versionText(info.firmwareVersion);
    const CK_FLAGS f = info.flags;
    token.flags.tokenInitialized = (f & CKF_TOKEN_INITIALIZED) != 0;
    token.flags.userPinInitialized = (f & CKF_USER_PIN_INITIALIZED) != 0;
    token.flags.loginRequired = (f & CKF_LOGIN_REQUIRED) != 0;
    token.flags.protectedAuthenticationPath = (f & CKF_PROTECTED_AUTHENTICATION_PATH) != 0;
    token.flags.writeProtected = (f & CKF_WRITE_PROTECTED) != 0;
    token.flags.userPinCountLow = (f & CKF_USER_PIN_COUNT_LOW) != 0;
    token.flags.userPinFinalTry = (f & CKF_USER_PIN_FINAL_TRY) != 0;
    token.flags.userPinLocked = (f & CKF_USER_PIN_LOCKED) != 0;
    token.flags.userPinToBeChanged = (f & CKF_USER_PIN_TO_BE_CHANGED) != 0;
    token.flags.soPinCountLow = (f & CKF_SO_PIN_COUNT_LOW) != 0;
    token.flags.soPinFinalTry = (f & CKF_SO_PIN_FINAL_TRY) != 0;
    token.flags.soPinLocked = (f & CKF_SO_PIN_LOCKED) != 0;
    token.minPinLength = info.ulMinPinLen;
    token.maxPinLength = info.ulMaxPinLen;
    if (info.ulFreePublicMemory != CK_UNAVAILABLE_INFORMATION)
        token.freePublicMemory = info.ulFreePublicMemory;
    if (info.ulFreePrivateMemory != CK_UNAVAILABLE_INFORMATION)
        token.freePrivateMemory = info.ulFreePrivateMemory;
    return token;
}

std::uint64_t Module::Impl::claimSession(CK_SESSION_HANDLE handle)
{
    std::lock_guard lock(sessionOwnersMutex);
    sessionOwners[handle] = ++lastSessionOwner;
    return lastSessionOwner;
}

bool Module::Impl::releaseSession(CK_SESSION_HANDLE handle, std::uint64_t owner)
{
    std::lock_guard lock(sessionOwnersMutex);
    auto it = sessionOwners.find(handle);
    if (it == sessionOwners.end() || it->second != owner)
        return false;
    sessionOwners.erase(it);
    return true;
}

bool Module::Impl::ownsSession(CK_SESSION_HANDLE handle, std::uint64_t owner)
{
    std::lock_guard lock(sessionOwnersMutex);
    auto it = sessionOwners.find(handle);
    return it != sessionOwners.end() && it->second == owner;
}

void Module::Impl::forgetSessions()
{
    std::lock_guard lock(sessionOwnersMutex);
    sessionOwners.clear();
}

Module::Impl::~Impl()
{
    if (libp11) {
        // libp11 calls C_Finalize here; a thread blocked in C_WaitForSlotEvent returns then.
        PKCS11_CTX_unload(libp11);
        PKCS11_CTX_free(libp11);
    }
    if (library)
        ::dlclose(library);
}

Module::Module(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}

Module::~Module() = default;

namespace {
// One Module per path and process: Cryptoki is initialized once per process, and a second libp11 context on
// the same module would finalize it under the first one's feet.
std::mutex g_loadedMutex;
std::map<std::string, std::weak_ptr<Module>> g_loaded;
} // namespace

Result<std::shared_ptr<Module>> Module::load(const std::string& path)
{
    std::lock_guard lock(g_loadedMutex);
    if (auto it = g_loaded.find(path); it != g_loaded.end()) {
        if (auto existing = it->second.lock())
            return existing;
    }
    auto loaded = loadNew(path);
    if (loaded)
        g_loaded[path] = *loaded;
    return loaded;
}

Result<std::shared_ptr<Module>> Module::loadNew(const std::string& path)
{
    const char* operation = "load module";
    if (path.empty())
        return std::unexpected(makeError(ErrorKind::ModuleMissing, operation, path, "no module path was given"));
    if (!fileExists(path)) {
        return std::unexpected(makeError(ErrorKind::ModuleMissing, operation, path, "the module file does not exist"));
    }

    auto impl = std::make_unique<Impl>();
    impl->path = path;
    impl->library = ::dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
    if (!impl->library) {
        const char* reason = ::dlerror();
        return std::unexpected(
            makeError(ErrorKind::ModuleMissing, operation, path,
                      std::string("the module cannot be loaded: ") + (reason ? reason : "unknown loader error")));
    }
    auto getFunctionList = reinterpret_cast<CK_C_GetFunctionList>(::dlsym(impl->library, "C_GetFunctionList"));
    if (!getFunctionList) {
        return std::unexpected(makeError(ErrorKind::ModuleFailed, operation, path,
                                         "the library is not a PKCS#11 module (no C_GetFunctionList)"));
    }
    if (CK_RV rv = getFunctionList(&impl->functions); rv != CKR_OK || !impl->functions)
        return std::unexpected(makeError(rv, operation, path));

    // libp11 initializes the module (with CKF_OS_LOCKING_OK) and finalizes it when its context is unloaded.
    impl->libp11 = PKCS11_CTX_new();
    if (!impl->libp11 || PKCS11_CTX_load(impl->libp11, path.c_str()) != 0) {
        if (impl->libp11) {
            PKCS11_CTX_free(impl->libp11);
            impl->libp11 = nullptr;
        }
        // Initialize ourselves to learn the module's own return code for the message.
        CK_C_INITIALIZE_ARGS args{};
        args.flags = CKF_OS_LOCKING_OK;
        CK_RV rv = impl->functions->C_Initialize(&args);
        if (rv == CKR_OK)
            impl->functions->C_Finalize(nullptr);
        TokenError error = makeError(rv == CKR_OK ? CKR_GENERAL_ERROR : rv, operation, path);
        error.kind = ErrorKind::ModuleFailed;
        error.message = "the module failed to initialize";
        return std::unexpected(error);
    }

    CK_INFO info{};
    if (CK_RV rv = impl->functions->C_GetInfo(&info); rv != CKR_OK)
        return std::unexpected(makeError(rv, "read module information", path));
    impl->info.path = path;
    impl->info.manufacturer = trimPadded(info.manufacturerID, sizeof info.manufacturerID);
    impl->info.description = trimPadded(info.libraryDescription, sizeof info.libraryDescription);
    impl->info.libraryVersion = versionText(info.libraryVersion);
    impl->info.cryptokiVersion = versionText(info.cryptokiVersion);

    impl->quirks = quirksForModule(impl->info.manufacturer);
    // Slot events: only where the module implements the call and is not known to answer it falsely.
    if (!impl->quirks.slotEventsUnreliable) {
        CK_SLOT_ID slot = 0;
        CK_RV rv = impl->functions->C_WaitForSlotEvent(CKF_DONT_BLOCK, &slot, nullptr);
        impl->slotEvents = (rv == CKR_OK || rv == CKR_NO_EVENT);
    }
    return std::shared_ptr<Module>(new Module(std::move(impl)));
}

const std::string& Module::path() const
{
    return m_impl->path;
}

const ModuleInfo& Module::info() const
{
    return m_impl->info;
}

bool Module::reportsSlotEvents() const
{
    return m_impl->slotEvents;
}

Result<std::vector<SlotInfo>> Module::slots() const
{
    CK_FUNCTION_LIST* f = m_impl->functions;
    const char* operation = "list slots";
    std::vector<CK_SLOT_ID> ids;
    // The slot count may change between the two calls (a token plugged in): retry on CKR_BUFFER_TOO_SMALL.
    for (int attempt = 0; attempt < 3; ++attempt) {
        CK_ULONG count = 0;
        if (CK_RV rv = f->C_GetSlotList(CK_FALSE, nullptr, &count); rv != CKR_OK)
            return std::unexpected(makeError(rv, operation, m_impl->path));
        ids.resize(count);
        CK_RV rv = f->C_GetSlotList(CK_FALSE, ids.data(), &count);
        if (rv == CKR_BUFFER_TOO_SMALL)
            continue;
        if (rv != CKR_OK)
            return std::unexpected(makeError(rv, operation, m_impl->path));
        ids.resize(count);
        break;
    }

    // One slot that fails is that slot's problem: the others are listed all the same (a pulled token must not
    // empty the desk's list). A failure that is not "no token" marks the module for re-initialization.
    std::vector<SlotInfo> result;
    for (CK_SLOT_ID id : ids) {
        CK_SLOT_INFO slotInfo{};
        if (CK_RV rv = f->C_GetSlotInfo(id, &slotInfo); rv != CKR_OK) {
            if (rv != CKR_SLOT_ID_INVALID) // not just a reader unplugged between the calls
                m_impl->stale = true;
            continue;
        }
        SlotInfo slot;
        slot.modulePath = m_impl->path;
        slot.slotId = id;
        slot.description = trimPadded(slotInfo.slotDescription, sizeof slotInfo.slotDescription);
        slot.manufacturer = trimPadded(slotInfo.manufacturerID, sizeof slotInfo.manufacturerID);
        slot.tokenPresent = (slotInfo.flags & CKF_TOKEN_PRESENT) != 0;
        slot.removableDevice = (slotInfo.flags & CKF_REMOVABLE_DEVICE) != 0;
        slot.hardwareSlot = (slotInfo.flags & CKF_HW_SLOT) != 0;
        if (slot.tokenPresent) {
            CK_TOKEN_INFO tokenInfo{};
            CK_RV rv = f->C_GetTokenInfo(id, &tokenInfo);
            // A token whose files another process is writing at this moment (a parallel batch's other worker;
            // SoftHSM reads them to answer) can fail one call with a general error: asked again before it counts
            // as gone.
            for (int again = 0; rv == CKR_GENERAL_ERROR && again < 2; ++again) {
                std::this_thread::sleep_for(std::chrono::milliseconds(20));
                rv = f->C_GetTokenInfo(id, &tokenInfo);
            }
            if (rv == CKR_OK) {
                slot.token = tokenInfoFrom(m_impl->path, id, slotInfo, tokenInfo);
            } else {
                slot.tokenPresent = false; // pulled between the two calls, or gone in a way the module keeps
                if (rv != CKR_TOKEN_NOT_PRESENT && rv != CKR_DEVICE_REMOVED && rv != CKR_SLOT_ID_INVALID &&
                    rv != CKR_TOKEN_NOT_RECOGNIZED)
                    m_impl->stale = true;
            }
        }
        result.push_back(std::move(slot));
    }
    return result;
}

Result<bool> Module::refreshIfNeeded() const
{
    Impl& impl = *m_impl;
    if (!impl.quirks.tokensFixedAtInitialize && !impl.stale)
        return false;
    std::lock_guard lock(impl.libp11Mutex);
    if (impl.openSessions > 0 || impl.signingKeys > 0)
        return false; // the next full scan tries again
    // A new libp11 context first: libp11 keeps global state while any context exists. Unloading the old one
    // calls C_Finalize; loading the new one C_Initialize. Our own dlopen keeps the raw function list valid.
    PKCS11_CTX* fresh = PKCS11_CTX_new();
    if (!fresh)
        return std::unexpected(makeError(ErrorKind::ModuleFailed, "initialize module again", impl.path,
                                         "libp11 could not make a context"));
    PKCS11_CTX_unload(impl.libp11);
    PKCS11_CTX_free(impl.libp11);
    impl.libp11 = fresh;
    if (PKCS11_CTX_load(fresh, impl.path.c_str()) != 0) {
        // The module stays uninitialized (its calls answer CKR_CRYPTOKI_NOT_INITIALIZED, the worker keeps its last
        // list) and the next full scan tries again. Initializing it by hand here would leave libp11 unable to.
        impl.stale = true;
        return std::unexpected(makeError(ErrorKind::ModuleFailed, "initialize module again", impl.path,
                                         "the module failed to initialize again"));
    }
    impl.stale = false;
    impl.forgetTokenSlots();
    return true;
}

namespace {

// The slots that hold a token now: one cheap call, no token information read.
std::optional<std::vector<CK_SLOT_ID>> slotsWithToken(CK_FUNCTION_LIST* f)
{
    for (int attempt = 0; attempt < 3; ++attempt) {
        CK_ULONG count = 0;
        if (f->C_GetSlotList(CK_TRUE, nullptr, &count) != CKR_OK)
            return std::nullopt;
        std::vector<CK_SLOT_ID> ids(count);
        CK_RV rv = f->C_GetSlotList(CK_TRUE, ids.data(), &count);
        if (rv == CKR_BUFFER_TOO_SMALL)
            continue;
        if (rv != CKR_OK)
            return std::nullopt;
        ids.resize(count);
        return ids;
    }
    return std::nullopt;
}

} // namespace

Result<std::vector<TokenInfo>> Module::tokens() const
{
    // Listed before the scan: a token that comes during it changes the list, and the next lookup scans again.
    const auto withToken = slotsWithToken(m_impl->functions);
    auto slotList = slots();
    if (!slotList)
        return std::unexpected(slotList.error());
    std::vector<TokenInfo> result;
    for (SlotInfo& slot : *slotList) {
        if (slot.token)
            result.push_back(std::move(*slot.token));
    }
    if (withToken)
        rememberSlots(*withToken, result);
    return result;
}

void Module::Impl::forgetTokenSlots()
{
    std::lock_guard lock(rememberedMutex);
    rememberedSlots.clear();
    rememberedSlotList.clear();
    rememberedBlankSlot.reset();
    rememberedTokens.clear();
}

std::optional<TokenInfo> Module::rememberedToken(const std::optional<std::string>& serial) const
{
    Impl& impl = *m_impl;
    std::lock_guard lock(impl.rememberedMutex);
    std::optional<CK_SLOT_ID> slot = impl.rememberedBlankSlot;
    if (serial) {
        auto it = impl.rememberedSlots.find(*serial);
        slot = it == impl.rememberedSlots.end() ? std::nullopt : std::optional(it->second);
    }
    if (!slot)
        return std::nullopt;
    auto now = slotsWithToken(impl.functions);
    CK_SLOT_INFO slotInfo{};
    CK_TOKEN_INFO tokenInfo{};
    std::optional<TokenInfo> token;
    if (now && *now == impl.rememberedSlotList && impl.functions->C_GetSlotInfo(*slot, &slotInfo) == CKR_OK &&
        impl.functions->C_GetTokenInfo(*slot, &tokenInfo) == CKR_OK)
        token = tokenInfoFrom(impl.path, *slot, slotInfo, tokenInfo);
    if (!token || (serial ? token->serial != *serial : token->flags.tokenInitialized)) {
        // A token came, went or changed: the next lookup scans every slot.
        impl.rememberedSlots.clear();
        impl.rememberedBlankSlot.reset();
        return std::nullopt;
    }
    return token;
}

void Module::rememberSlots(const std::vector<unsigned long>& slotList, const std::vector<TokenInfo>& present) const
{
    // Every serial that one present token has: a desk writing back a wave looks each of its tokens up in turn.
    std::map<std::string, int> tokensWithSerial;
    for (const TokenInfo& token : present)
        ++tokensWithSerial[token.serial];
    std::lock_guard lock(m_impl->rememberedMutex);
    if (present.size() != slotList.size()) {
        // A slot said it holds a token and then gave none (pulled between the calls, or a module that keeps the
        // slot listed while its token is away): this scan is not one to trust until the next.
        m_impl->rememberedSlotList.clear();
        m_impl->rememberedSlots.clear();
        m_impl->rememberedBlankSlot.reset();
        m_impl->rememberedTokens.clear();
        return;
    }
    m_impl->rememberedSlotList = slotList;
    m_impl->rememberedTokens = present;
    m_impl->rememberedSlots.clear();
    m_impl->rememberedBlankSlot.reset();
    for (const TokenInfo& token : present) {
        if (tokensWithSerial[token.serial] == 1)
            m_impl->rememberedSlots[token.serial] = token.slotId;
        if (!token.flags.tokenInitialized && !m_impl->rememberedBlankSlot)
            m_impl->rememberedBlankSlot = token.slotId;
    }
}

Result<std::vector<TokenInfo>> Module::tokensAsLastSeen() const
{
    {
        std::lock_guard lock(m_impl->rememberedMutex);
        auto now = slotsWithToken(m_impl->functions);
        if (now && !m_impl->rememberedSlotList.empty() && *now == m_impl->rememberedSlotList)
            return m_impl->rememberedTokens;
    }
    return tokens();
}

Result<TokenInfo> Module::findToken(const std::string& serial) const
{
    if (auto remembered = rememberedToken(serial))
        return std::move(*remembered);
    auto present = tokens();
    if (!present)
        return std::unexpected(present.error());
    // Every path that turns a serial into a slot comes here, so raw Cryptoki and libp11 act on the same token.
    // Some modules give all their tokens one serial (tpm2-pkcs11: "0000000000000000", its empty slot included):
    // an initialized token is preferred to empty slots, and two initialized tokens with one serial are refused,
    // because a PIN or an erase meant for one would reach the other.
    std::vector<TokenInfo> matching;
    for (TokenInfo& token : *present) {
        if (token.serial == serial)
            matching.push_back(std::move(token));
    }

    if (matching.size() > 1) {
        TokenInfo anyBlank = matching.front();
        std::erase_if(matching, [](const TokenInfo& token) { return !token.flags.tokenInitialized; });
        if (matching.empty()) // only empty slots: any of them is the same blank token
            return anyBlank;
    }
    if (matching.size() == 1)
        return std::move(matching.front());
    if (matching.empty()) {
        return std::unexpected(makeError(ErrorKind::TokenNotFound, "find token", m_impl->path,
                                         "no token with serial \"" + serial + "\" is plugged in"));
    }
    return std::unexpected(makeError(ErrorKind::AmbiguousToken, "find token", m_impl->path,
                                     std::to_string(matching.size()) + " plugged-in tokens report the serial \"" +
                                         serial + "\" and Tamga cannot tell them apart; leave only one plugged in"));
}

Result<TokenInfo> Module::findUninitializedToken() const
{
    if (auto remembered = rememberedToken(std::nullopt))
        return std::move(*remembered);
    auto present = tokens();
    if (!present)
        return std::unexpected(present.error());
    for (TokenInfo& token : *present) {
        if (!token.flags.tokenInitialized)
            return std::move(token);
    }
    return std::unexpected(makeError(ErrorKind::TokenNotFound, "find uninitialized token", m_impl->path,
                                     "no uninitialized token is plugged in"));
}

Result<CK_SLOT_ID> slotOfToken(const Module& module, const std::string& serial, const char* operation)
{
    auto token = module.findToken(serial);
    if (!token) {
        TokenError error = token.error();
        error.operation = operation;
        return std::unexpected(error);
    }
    return token->slotId;
}

std::vector<RegisteredModule> registeredModules()
{
    std::vector<RegisteredModule> result;
    // Loads (dlopen) but does not initialize the configured modules: enough to learn their names and files.
    CK_FUNCTION_LIST** modules = p11_kit_modules_load(nullptr, P11_KIT_MODULE_UNMANAGED);
    if (!modules)
        return result;
    for (CK_FUNCTION_LIST** it = modules; *it; ++it) {
        char* name = p11_kit_module_get_name(*it);
        char* file = p11_kit_module_get_filename(*it);
        result.push_back({name ? name : "", file ? file : ""});
        std::free(name);
        std::free(file);
    }
    p11_kit_modules_release(modules);
    return result;
}

std::string defaultModulePath()
{
    return "/usr/lib/x86_64-linux-gnu/opensc-pkcs11.so";
}

} // namespace tamga::pkcs11
