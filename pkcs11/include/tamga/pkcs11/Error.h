// Errors of the token layer are values: every failure keeps the operation, the module and the PKCS#11 return
// code, and carries a sentence a clerk can act on. No exception leaves this layer.
#pragma once

#include <expected>
#include <optional>
#include <string>

namespace tamga::pkcs11 {

// What went wrong, in the terms the desk reacts to. The raw CK_RV stays in TokenError::returnCode.
enum class ErrorKind {
    ModuleMissing,         // the module file cannot be loaded
    ModuleFailed,          // the module loaded but does not behave as Cryptoki
    TokenNotFound,         // no token with that serial (or no uninitialized token) is present
    TokenRemoved,          // the token was pulled during the operation
    AmbiguousToken,        // several plugged-in tokens report the serial: Tamga cannot tell which is meant
    WrongPin,              // incorrect PIN; TokenError::triesLeft says how many tries remain when known
    PinLocked,             // the PIN is blocked
    PinPolicy,             // the new PIN is too short, too long or refused by the token's policy
    NotLoggedIn,           // the operation needs a login that did not happen
    TokenNotInitialized,   // the token was never initialized
    UserPinNotInitialized, // the token has no user PIN yet
    MemoryFull,            // the token has no room for another object
    MechanismNotSupported, // the token cannot do this algorithm
    KeySizeNotSupported,   // the token does not support this key size or curve
    ObjectNotFound,        // no key or certificate with that ID
    InvalidInput,          // the caller passed something unusable (bad certificate, label too long, ...)
    ReadOnly,              // the token is write-protected
    Other,                 // anything else: the return code says more
};

struct TokenError {
    ErrorKind kind = ErrorKind::Other;
    std::string operation;        // e.g. "generate key pair"
    unsigned long returnCode = 0; // the CK_RV, 0 when the failure did not come from the module
    std::string module;           // the module path
    std::string message;          // plain words for the clerk
    std::optional<int> triesLeft; // for WrongPin when the token tells

    // One line: "generate key pair on /usr/lib/...: the token is full (CKR_DEVICE_MEMORY)".
    std::string describe() const;
};

template <typename T> using Result = std::expected<T, TokenError>;

using Status = std::expected<void, TokenError>;

// The symbolic name of a CK_RV, e.g. "CKR_PIN_INCORRECT"; "CKR_0x...", for codes this table does not know.
std::string returnCodeName(unsigned long rv);

// Maps a CK_RV onto an ErrorKind and a plain-words message.
TokenError makeError(unsigned long rv, std::string operation, std::string module);
TokenError makeError(ErrorKind kind, std::string operation, std::string module, std::string message);

} // namespace tamga::pkcs11
