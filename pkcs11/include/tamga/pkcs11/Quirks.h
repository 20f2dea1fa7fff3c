// Vendor quirks in one table. Each entry names the module that needs it and why; each flag is read by the token
// layer and verified by a test against the real implementation (SoftHSM2, opencryptoki's soft token,
// tpm2-pkcs11 over a software TPM).
#pragma once

#include <string>

namespace tamga::pkcs11 {

struct Quirks {
    // C_WaitForSlotEvent answers but never reports anything: poll the slot list instead.
    bool slotEventsUnreliable = false;
    // The module learns which tokens exist only in C_Initialize: a token added later is never listed, and a
    // token that went away keeps its slot with C_GetTokenInfo failing, until the module is initialized again.
    bool tokensFixedAtInitialize = false;
    // A certificate template naming CKA_CERTIFICATE_CATEGORY is refused (CKR_ATTRIBUTE_TYPE_INVALID): the
    // attribute is left out. (Any other module that refuses it is retried without it, too.)
    bool certificateCategoryRefused = false;
    // Key-pair templates may not state CKA_VERIFY / CKA_ENCRYPT / CKA_DECRYPT: the module derives them and refuses
    // a template that says otherwise. They are left out; the private key is still sign-only by CKA_SIGN and the
    // absent CKA_DECRYPT / CKA_UNWRAP.
    bool keyUsageDerivedByToken = false;
};

// Quirks of a module, by the manufacturer its C_GetInfo reports (trimmed). Unknown names get no quirks.
Quirks quirksForModule(const std::string& libraryManufacturer);

} // namespace tamga::pkcs11
