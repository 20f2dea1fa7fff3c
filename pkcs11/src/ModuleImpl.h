// Private to the token layer: what a Module holds, and the small RAII helpers every operation shares.
#pragma once

#include "Cryptoki.h"
#include "tamga/pkcs11/Module.h"

#include <libp11.h>

#include <atomic>
#include <mutex>
#include <string>
#include <vector>

namespace tamga::pkcs11 {

struct Module::Impl {
    std::string path;
    ModuleInfo info;
    void* library = nullptr;               // our own dlopen reference, for the raw function list
    CK_FUNCTION_LIST* functions = nullptr;  // raw Cryptoki
    PKCS11_CTX* libp11 = nullptr;           // owns C_Initialize / C_Finalize of the module
    bool slotEvents = false;
    bool tokensFixedAtInitialize = false;   // the quirk: re-initialize to see tokens come and go
    std::mutex libp11Mutex;                 // libp11's management calls are not thread-safe
    // What must not outlive a re-initialization of the module: open Cryptoki sessions and libp11 signing keys.
    std::atomic<int> openSessions{0};
    std::atomic<int> signingKeys{0};
    // A slot answered with an error that is not "no token": the module holds something that went away.
    std::atomic<bool> stale{false};

    ~Impl();
};

// Trims PKCS#11's blank padding (and stray NULs) off a fixed-size field.
std::string trimPadded(const unsigned char* field, std::size_t size);

TokenInfo tokenInfoFrom(const std::string& modulePath, CK_SLOT_ID slot, const CK_SLOT_INFO& slotInfo,
                        const CK_TOKEN_INFO& info);

// The slot that currently holds the token with this serial (SoftHSM moves tokens between slots on init).
Result<CK_SLOT_ID> slotOfToken(const Module& module, const std::string& serial, const char* operation);

}  // namespace tamga::pkcs11
