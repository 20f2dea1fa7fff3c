// Vendor quirks in one table. Each entry names the module or token that needs it and why; tests cover each.
#pragma once

#include <string>

namespace tamga::pkcs11 {

struct Quirks {
    // C_WaitForSlotEvent answers but never reports anything: poll the slot list instead.
    bool slotEventsUnreliable = false;
    // C_InitToken gives the token a new slot ID (and adds a fresh empty slot): never remember slot IDs.
    bool initTokenMovesSlot = false;
    // The module has no PIN retry counter: a wrong PIN only raises "count low", the PIN never locks.
    bool noPinRetryCounter = false;
    // The module learns which tokens exist only in C_Initialize: a token added later is never listed, and a
    // token that went away keeps its slot with C_GetTokenInfo failing, until the module is initialized again.
    bool tokensFixedAtInitialize = false;
};

// Quirks of a module, by the manufacturer its C_GetInfo reports (trimmed), and of a token by its
// manufacturer and model (C_GetTokenInfo). Unknown names get no quirks.
Quirks quirksForModule(const std::string& libraryManufacturer);
Quirks quirksForToken(const std::string& tokenManufacturer, const std::string& tokenModel);

}  // namespace tamga::pkcs11
