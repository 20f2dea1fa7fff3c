#include "tamga/pkcs11/Quirks.h"

#include <array>
#include <string_view>

namespace tamga::pkcs11 {

namespace {

struct QuirkEntry {
    std::string_view manufacturer;  // exact, trimmed
    std::string_view model;         // empty: any model
    Quirks quirks;
    // Why, and who needs it:
    std::string_view reason;
};

// SoftHSM v2.6 (module manufacturer "SoftHSM", token manufacturer "SoftHSM project"):
//  - C_WaitForSlotEvent(CKF_DONT_BLOCK) always answers CKR_NO_EVENT and the blocking form
//    CKR_FUNCTION_NOT_SUPPORTED, even when a token was just initialized;
//  - C_InitToken moves the token to a new slot ID and adds a new empty slot;
//  - a wrong PIN sets CKF_USER_PIN_COUNT_LOW and nothing else: the PIN never locks;
//  - it reads its token folder only in C_Initialize: a token made by another process (softhsm2-util, another
//    desk) never shows, and a token whose folder went keeps its slot, C_GetTokenInfo answering
//    CKR_GENERAL_ERROR, until C_Finalize and C_Initialize.
constexpr Quirks kSoftHsm{.slotEventsUnreliable = true,
                          .initTokenMovesSlot = true,
                          .noPinRetryCounter = true,
                          .tokensFixedAtInitialize = true};

constexpr std::array kModuleQuirks{
    QuirkEntry{"SoftHSM", "", kSoftHsm, "SoftHSM v2 module"},
};

constexpr std::array kTokenQuirks{
    QuirkEntry{"SoftHSM project", "", kSoftHsm, "SoftHSM v2 token"},
};

template <typename Table>
Quirks lookup(const Table& table, std::string_view manufacturer, std::string_view model)
{
    for (const QuirkEntry& entry : table) {
        if (entry.manufacturer == manufacturer && (entry.model.empty() || entry.model == model))
            return entry.quirks;
    }
    return {};
}

}  // namespace

Quirks quirksForModule(const std::string& libraryManufacturer)
{
    return lookup(kModuleQuirks, libraryManufacturer, {});
}

Quirks quirksForToken(const std::string& tokenManufacturer, const std::string& tokenModel)
{
    return lookup(kTokenQuirks, tokenManufacturer, tokenModel);
}

}  // namespace tamga::pkcs11
