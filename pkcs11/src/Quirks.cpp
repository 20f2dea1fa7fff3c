#include "tamga/pkcs11/Quirks.h"

#include <array>
#include <string_view>

namespace tamga::pkcs11 {

namespace {

struct QuirkEntry {
    std::string_view manufacturer; // C_GetInfo's manufacturerID, exact, trimmed
    Quirks quirks;
    // Why, and who needs it:
    std::string_view reason;
};

// SoftHSM v2.6 (module manufacturer "SoftHSM"):
//  - C_WaitForSlotEvent(CKF_DONT_BLOCK) always answers CKR_NO_EVENT and the blocking form
//    CKR_FUNCTION_NOT_SUPPORTED, even when a token was just initialized;
//  - it reads its token folder only in C_Initialize: a token made by another process (softhsm2-util, another
//    desk) never shows, and a token whose folder went keeps its slot, C_GetTokenInfo answering
//    CKR_GENERAL_ERROR, until C_Finalize and C_Initialize.
// (It also moves a token to a new slot on C_InitToken and never locks a PIN; the token layer needs no flag for
// either: it never keeps a slot ID across an initialization, and reads the PIN flags the token reports.)
constexpr Quirks kSoftHsm{.slotEventsUnreliable = true, .tokensFixedAtInitialize = true};

// opencryptoki 3.8 (module manufacturer "IBM"), soft token: refuses CKA_CERTIFICATE_CATEGORY in a certificate
// template. (Its C_SetPIN in a session that is not logged in re-wraps the key store without unlocking it and
// leaves every private key unreadable: the token layer always logs in before changing a PIN, on every module.)
constexpr Quirks kOpencryptoki{.certificateCategoryRefused = true};

// tpm2-pkcs11 1.9 (module manufacturer "tpm2-software.github.io"): checks CKA_VERIFY, CKA_ENCRYPT and
// CKA_DECRYPT in key-pair templates against what the TPM object allows, and refuses a mismatch with
// CKR_GENERAL_ERROR ("User specified and TPM specified attr mismatch").
constexpr Quirks kTpm2Pkcs11{.keyUsageDerivedByToken = true};

constexpr std::array kModuleQuirks{
    QuirkEntry{"SoftHSM", kSoftHsm, "SoftHSM v2"},
    QuirkEntry{"IBM", kOpencryptoki, "opencryptoki"},
    QuirkEntry{"tpm2-software.github.io", kTpm2Pkcs11, "tpm2-pkcs11"},
};

} // namespace

Quirks quirksForModule(const std::string& libraryManufacturer)
{
    for (const QuirkEntry& entry : kModuleQuirks) {
        if (entry.manufacturer == libraryManufacturer)
            return entry.quirks;
    }
    return {};
}

} // namespace tamga::pkcs11
