// Errors of the core are values too: what failed, in words a clerk or supervisor can act on.
#pragma once

#include <QString>

#include <expected>

namespace tamga::core {

enum class CoreErrorKind {
    Database,            // the database could not be opened, read or written
    SchemaTooNew,        // the database was written by a newer Tamga
    InvalidInput,        // a value the caller gave is unusable (bad civil ID, missing name, ...)
    NotFound,            // no such organization, officer, ...
    Conflict,            // the change contradicts what is stored (a civil ID of another person, ...)
    NotSignedIn,         // a change was attempted without a valid operator sign-in
    NotPermitted,        // the operator's role does not allow it
    Io,                  // a file could not be read or written
    Token,               // the token refused or failed (the message says what and how to go on)
    CaUnreachable,       // the CA did not answer: down, unreachable, too slow
    CaRefused,           // the CA answered with an error or refused the request
    CaGarbled,           // the CA's answer could not be read
    CertificateRejected, // the CA's certificate failed one of Tamga's checks
    Pending,             // the CA has not answered yet (offline exchange)
};

// For Token errors, what the token's trouble was, so a screen can say it in the clerk's language (the token
// layer's CK_RV stays in the message).
enum class TokenErrorKind {
    None, // not a token error
    ModuleMissing,
    ModuleFailed,
    TokenNotFound,
    TokenRemoved,
    AmbiguousToken, // several plugged-in tokens report the serial
    WrongPin,
    PinLocked,
    PinPolicy,
    NotLoggedIn,
    TokenNotInitialized,
    UserPinNotInitialized,
    MemoryFull,
    MechanismNotSupported,
    KeySizeNotSupported,
    ObjectNotFound,
    InvalidInput,
    ReadOnly,
    Other,
};

struct CoreError {
    CoreErrorKind kind = CoreErrorKind::Database;
    QString message;
    TokenErrorKind tokenErrorKind = TokenErrorKind::None;
};

template <typename T> using CoreResult = std::expected<T, CoreError>;
using CoreStatus = std::expected<void, CoreError>;

inline std::unexpected<CoreError> coreError(CoreErrorKind kind, QString message)
{
    return std::unexpected(CoreError{kind, std::move(message)});
}

} // namespace tamga::core
