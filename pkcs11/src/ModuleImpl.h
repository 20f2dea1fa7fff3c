// Private to the token layer: what a Module holds, and the small RAII helpers every operation shares.
#pragma once

#include "Cryptoki.h"
#include "tamga/pkcs11/Module.h"
#include "tamga/pkcs11/Quirks.h"

#include <libp11.h>

#include <atomic>
#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace tamga::pkcs11 {

struct Module::Impl {
    std::string path;
    ModuleInfo info;
    void* library = nullptr;               // our own dlopen reference, for the raw function list
    CK_FUNCTION_LIST* functions = nullptr; // raw Cryptoki
    PKCS11_CTX* libp11 = nullptr;          // owns C_Initialize / C_Finalize of the module
    bool slotEvents = false;
    Quirks quirks;          // this module's entry in the quirk table
    std::mutex libp11Mutex; // libp11's management calls are not thread-safe
    // What must not outlive a re-initialization of the module: open Cryptoki sessions and libp11 signing keys.
    std::atomic<int> openSessions{0};
    std::atomic<int> signingKeys{0};
    // A slot answered with an error that is not "no token": the module holds something that went away.
    std::atomic<bool> stale{false};

    // Which Session object owns each session handle Tamga opened. A module may hand out a handle again once it
    // is closed (opencryptoki does), and libp11 closes every session of a slot behind Tamga's back
    // (C_CloseAllSessions when it opens or releases a slot): a Session closes or logs out its handle only while
    // it is still the owner, so no code path closes a session it did not open.
    std::mutex sessionOwnersMutex;
    std::map<CK_SESSION_HANDLE, std::uint64_t> sessionOwners;
    std::uint64_t lastSessionOwner = 0;
    // Records that `handle` was just opened by a new owner (replacing a stale owner of a reused handle).
    std::uint64_t claimSession(CK_SESSION_HANDLE handle);
    // Ends `owner`'s claim; true when it still owned the handle (and may close it).
    bool releaseSession(CK_SESSION_HANDLE handle, std::uint64_t owner);
    bool ownsSession(CK_SESSION_HANDLE handle, std::uint64_t owner);
    // After a libp11 call that may have closed every session of the module's slots: no Session owns one now.
    void forgetSessions();

    // Where each token was at the last full scan, for the tokens whose serial only one present token had: a
    // lookup by serial then asks one slot instead of every slot (SoftHSM reads each token's files for its
    // information, and a campaign's desk has hundreds). Trusted only while the slots with a token are the same
    // ones as at that scan; forgotten when a token is initialized here (its serial and slot change).
    std::mutex rememberedMutex;
    std::vector<CK_SLOT_ID> rememberedSlotList;
    std::map<std::string, CK_SLOT_ID> rememberedSlots;
    std::optional<CK_SLOT_ID> rememberedBlankSlot; // the first token never initialized, at that scan
    std::vector<TokenInfo> rememberedTokens;       // the whole list of that scan
    void forgetTokenSlots();

    ~Impl();
};

// Trims PKCS#11's blank padding (and stray NULs) off a fixed-size field.
std::string trimPadded(const unsigned char* field, std::size_t size);

TokenInfo tokenInfoFrom(const std::string& modulePath, CK_SLOT_ID slot, const CK_SLOT_INFO& slotInfo,
                        const CK_TOKEN_INFO& info);

// The slot that currently holds the token with this serial (SoftHSM moves tokens between slots on init).
Result<CK_SLOT_ID> slotOfToken(const Module& module, const std::string& serial, const char* operation);

} // namespace tamga::pkcs11
