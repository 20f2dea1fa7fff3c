// A loaded PKCS#11 module. Loading it initializes Cryptoki once for the process (through libp11, which needs
// its own context for the signing keys it hands to OpenSSL); raw Cryptoki calls go to the same function list.
// The module is finalized when the last shared_ptr goes away.
#pragma once

#include "tamga/pkcs11/Error.h"
#include "tamga/pkcs11/Types.h"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace tamga::pkcs11 {

class Module {
public:
    // Loads and initializes the module at `path`. A missing file or a library that is not a PKCS#11 module
    // gives ModuleMissing / ModuleFailed with the loader's own reason.
    [[nodiscard]] static Result<std::shared_ptr<Module>> load(const std::string& path);

    ~Module();
    Module(const Module&) = delete;
    Module& operator=(const Module&) = delete;

    const std::string& path() const;
    const ModuleInfo& info() const;

    // Every slot, with a TokenInfo where a token is present.
    [[nodiscard]] Result<std::vector<SlotInfo>> slots() const;
    // Tokens present now, initialized or not.
    [[nodiscard]] Result<std::vector<TokenInfo>> tokens() const;
    // The tokens as the last full scan saw them while the slots that hold a token are still the same ones (one
    // cheap call), else a full scan. A token's flags may be as old as that scan: for a first look only, before
    // work that checks the token again (a batch's plan).
    [[nodiscard]] Result<std::vector<TokenInfo>> tokensAsLastSeen() const;
    // The present token with this serial; TokenNotFound otherwise.
    [[nodiscard]] Result<TokenInfo> findToken(const std::string& serial) const;
    // The first present token that was never initialized (SoftHSM's free slot, a new real token).
    [[nodiscard]] Result<TokenInfo> findUninitializedToken() const;

    // Whether C_WaitForSlotEvent can be trusted to report insertions and removals (see Quirks).
    bool reportsSlotEvents() const;

    // Initializes the module again (C_Finalize, C_Initialize) where that is how it learns of tokens that came or
    // went: a module with the tokensFixedAtInitialize quirk, or one whose slot answered with an error that is not
    // "no token". Only the thread that owns the module's calls may call it; it does nothing while a session or a
    // signing key is open. Returns whether it re-initialized.
    [[nodiscard]] Result<bool> refreshIfNeeded() const;

    struct Impl;
    // For the rest of the token layer only; the header that defines Impl is private to it.
    Impl& impl() const { return *m_impl; }

private:
    explicit Module(std::unique_ptr<Impl> impl);
    // The token with this serial (or, without one, the first blank token) where the last full scan found it, if
    // nothing changed since (ModuleImpl.h).
    std::optional<TokenInfo> rememberedToken(const std::optional<std::string>& serial) const;
    void rememberSlots(const std::vector<unsigned long>& slotList, const std::vector<TokenInfo>& present) const;
    [[nodiscard]] static Result<std::shared_ptr<Module>> loadNew(const std::string& path);
    std::unique_ptr<Impl> m_impl;
};

// The modules p11-kit's configuration registers for this user (system, package and user module files).
std::vector<RegisteredModule> registeredModules();

// OpenSC's module where Debian installs it: the default when nothing else is configured.
std::string defaultModulePath();

} // namespace tamga::pkcs11
