#include "tamga/pkcs11/Error.h"

#include "Cryptoki.h"

#include <cstdio>
#include <utility>

namespace tamga::pkcs11 {

std::string returnCodeName(unsigned long rv)
{
    switch (rv) {
    case CKR_OK:
        return "CKR_OK";
    case CKR_CANCEL:
        return "CKR_CANCEL";
    case CKR_HOST_MEMORY:
        return "CKR_HOST_MEMORY";
    case CKR_SLOT_ID_INVALID:
        return "CKR_SLOT_ID_INVALID";
    case CKR_GENERAL_ERROR:
        return "CKR_GENERAL_ERROR";
    case CKR_FUNCTION_FAILED:
        return "CKR_FUNCTION_FAILED";
    case CKR_ARGUMENTS_BAD:
        return "CKR_ARGUMENTS_BAD";
    case CKR_NO_EVENT:
        return "CKR_NO_EVENT";
    case CKR_NEED_TO_CREATE_THREADS:
        return "CKR_NEED_TO_CREATE_THREADS";
    case CKR_CANT_LOCK:
        return "CKR_CANT_LOCK";
    case CKR_ATTRIBUTE_READ_ONLY:
        return "CKR_ATTRIBUTE_READ_ONLY";
    case CKR_ATTRIBUTE_SENSITIVE:
        return "CKR_ATTRIBUTE_SENSITIVE";
    case CKR_ATTRIBUTE_TYPE_INVALID:
        return "CKR_ATTRIBUTE_TYPE_INVALID";
    case CKR_ATTRIBUTE_VALUE_INVALID:
        return "CKR_ATTRIBUTE_VALUE_INVALID";
    case CKR_ACTION_PROHIBITED:
        return "CKR_ACTION_PROHIBITED";
    case CKR_DATA_INVALID:
        return "CKR_DATA_INVALID";
    case CKR_DATA_LEN_RANGE:
        return "CKR_DATA_LEN_RANGE";
    case CKR_DEVICE_ERROR:
        return "CKR_DEVICE_ERROR";
    case CKR_DEVICE_MEMORY:
        return "CKR_DEVICE_MEMORY";
    case CKR_DEVICE_REMOVED:
        return "CKR_DEVICE_REMOVED";
    case CKR_ENCRYPTED_DATA_INVALID:
        return "CKR_ENCRYPTED_DATA_INVALID";
    case CKR_ENCRYPTED_DATA_LEN_RANGE:
        return "CKR_ENCRYPTED_DATA_LEN_RANGE";
    case CKR_FUNCTION_CANCELED:
        return "CKR_FUNCTION_CANCELED";
    case CKR_FUNCTION_NOT_PARALLEL:
        return "CKR_FUNCTION_NOT_PARALLEL";
    case CKR_FUNCTION_NOT_SUPPORTED:
        return "CKR_FUNCTION_NOT_SUPPORTED";
    case CKR_KEY_HANDLE_INVALID:
        return "CKR_KEY_HANDLE_INVALID";
    case CKR_KEY_SIZE_RANGE:
        return "CKR_KEY_SIZE_RANGE";
    case CKR_KEY_TYPE_INCONSISTENT:
        return "CKR_KEY_TYPE_INCONSISTENT";
    case CKR_KEY_NOT_NEEDED:
        return "CKR_KEY_NOT_NEEDED";
    case CKR_KEY_CHANGED:
        return "CKR_KEY_CHANGED";
    case CKR_KEY_NEEDED:
        return "CKR_KEY_NEEDED";
    case CKR_KEY_INDIGESTIBLE:
        return "CKR_KEY_INDIGESTIBLE";
    case CKR_KEY_FUNCTION_NOT_PERMITTED:
        return "CKR_KEY_FUNCTION_NOT_PERMITTED";
    case CKR_KEY_NOT_WRAPPABLE:
        return "CKR_KEY_NOT_WRAPPABLE";
    case CKR_KEY_UNEXTRACTABLE:
        return "CKR_KEY_UNEXTRACTABLE";
    case CKR_MECHANISM_INVALID:
        return "CKR_MECHANISM_INVALID";
    case CKR_MECHANISM_PARAM_INVALID:
        return "CKR_MECHANISM_PARAM_INVALID";
    case CKR_OBJECT_HANDLE_INVALID:
        return "CKR_OBJECT_HANDLE_INVALID";
    case CKR_OPERATION_ACTIVE:
        return "CKR_OPERATION_ACTIVE";
    case CKR_OPERATION_NOT_INITIALIZED:
        return "CKR_OPERATION_NOT_INITIALIZED";
    case CKR_PIN_INCORRECT:
        return "CKR_PIN_INCORRECT";
    case CKR_PIN_INVALID:
        return "CKR_PIN_INVALID";
    case CKR_PIN_LEN_RANGE:
        return "CKR_PIN_LEN_RANGE";
    case CKR_PIN_EXPIRED:
        return "CKR_PIN_EXPIRED";
    case CKR_PIN_LOCKED:
        return "CKR_PIN_LOCKED";
    case CKR_SESSION_CLOSED:
        return "CKR_SESSION_CLOSED";
    case CKR_SESSION_COUNT:
        return "CKR_SESSION_COUNT";
    case CKR_SESSION_HANDLE_INVALID:
        return "CKR_SESSION_HANDLE_INVALID";
    case CKR_SESSION_PARALLEL_NOT_SUPPORTED:
        return "CKR_SESSION_PARALLEL_NOT_SUPPORTED";
    case CKR_SESSION_READ_ONLY:
        return "CKR_SESSION_READ_ONLY";
    case CKR_SESSION_EXISTS:
        return "CKR_SESSION_EXISTS";
    case CKR_SESSION_READ_ONLY_EXISTS:
        return "CKR_SESSION_READ_ONLY_EXISTS";
    case CKR_SESSION_READ_WRITE_SO_EXISTS:
        return "CKR_SESSION_READ_WRITE_SO_EXISTS";
    case CKR_SIGNATURE_INVALID:
        return "CKR_SIGNATURE_INVALID";
    case CKR_SIGNATURE_LEN_RANGE:
        return "CKR_SIGNATURE_LEN_RANGE";
    case CKR_TEMPLATE_INCOMPLETE:
        return "CKR_TEMPLATE_INCOMPLETE";
    case CKR_TEMPLATE_INCONSISTENT:
        return "CKR_TEMPLATE_INCONSISTENT";
    case CKR_TOKEN_NOT_PRESENT:
        return "CKR_TOKEN_NOT_PRESENT";
    case CKR_TOKEN_NOT_RECOGNIZED:
        return "CKR_TOKEN_NOT_RECOGNIZED";
    case CKR_TOKEN_WRITE_PROTECTED:
        return "CKR_TOKEN_WRITE_PROTECTED";
    case CKR_UNWRAPPING_KEY_HANDLE_INVALID:
        return "CKR_UNWRAPPING_KEY_HANDLE_INVALID";
    case CKR_UNWRAPPING_KEY_SIZE_RANGE:
        return "CKR_UNWRAPPING_KEY_SIZE_RANGE";
    case CKR_UNWRAPPING_KEY_TYPE_INCONSISTENT:
        return "CKR_UNWRAPPING_KEY_TYPE_INCONSISTENT";
    case CKR_USER_ALREADY_LOGGED_IN:
        return "CKR_USER_ALREADY_LOGGED_IN";
    case CKR_USER_NOT_LOGGED_IN:
        return "CKR_USER_NOT_LOGGED_IN";
    case CKR_USER_PIN_NOT_INITIALIZED:
        return "CKR_USER_PIN_NOT_INITIALIZED";
    case CKR_USER_TYPE_INVALID:
        return "CKR_USER_TYPE_INVALID";
    case CKR_USER_ANOTHER_ALREADY_LOGGED_IN:
        return "CKR_USER_ANOTHER_ALREADY_LOGGED_IN";
    case CKR_USER_TOO_MANY_TYPES:
        return "CKR_USER_TOO_MANY_TYPES";
    case CKR_WRAPPED_KEY_INVALID:
        return "CKR_WRAPPED_KEY_INVALID";
    case CKR_WRAPPED_KEY_LEN_RANGE:
        return "CKR_WRAPPED_KEY_LEN_RANGE";
    case CKR_WRAPPING_KEY_HANDLE_INVALID:
        return "CKR_WRAPPING_KEY_HANDLE_INVALID";
    case CKR_WRAPPING_KEY_SIZE_RANGE:
        return "CKR_WRAPPING_KEY_SIZE_RANGE";
    case CKR_WRAPPING_KEY_TYPE_INCONSISTENT:
        return "CKR_WRAPPING_KEY_TYPE_INCONSISTENT";
    case CKR_RANDOM_SEED_NOT_SUPPORTED:
        return "CKR_RANDOM_SEED_NOT_SUPPORTED";
    case CKR_RANDOM_NO_RNG:
        return "CKR_RANDOM_NO_RNG";
    case CKR_DOMAIN_PARAMS_INVALID:
        return "CKR_DOMAIN_PARAMS_INVALID";
    case CKR_CURVE_NOT_SUPPORTED:
        return "CKR_CURVE_NOT_SUPPORTED";
    case CKR_BUFFER_TOO_SMALL:
        return "CKR_BUFFER_TOO_SMALL";
    case CKR_SAVED_STATE_INVALID:
        return "CKR_SAVED_STATE_INVALID";
    case CKR_INFORMATION_SENSITIVE:
        return "CKR_INFORMATION_SENSITIVE";
    case CKR_STATE_UNSAVEABLE:
        return "CKR_STATE_UNSAVEABLE";
    case CKR_CRYPTOKI_NOT_INITIALIZED:
        return "CKR_CRYPTOKI_NOT_INITIALIZED";
    case CKR_CRYPTOKI_ALREADY_INITIALIZED:
        return "CKR_CRYPTOKI_ALREADY_INITIALIZED";
    case CKR_MUTEX_BAD:
        return "CKR_MUTEX_BAD";
    case CKR_MUTEX_NOT_LOCKED:
        return "CKR_MUTEX_NOT_LOCKED";
    case CKR_NEW_PIN_MODE:
        return "CKR_NEW_PIN_MODE";
    case CKR_NEXT_OTP:
        return "CKR_NEXT_OTP";
    case CKR_EXCEEDED_MAX_ITERATIONS:
        return "CKR_EXCEEDED_MAX_ITERATIONS";
    case CKR_FIPS_SELF_TEST_FAILED:
        return "CKR_FIPS_SELF_TEST_FAILED";
    case CKR_LIBRARY_LOAD_FAILED:
        return "CKR_LIBRARY_LOAD_FAILED";
    case CKR_PIN_TOO_WEAK:
        return "CKR_PIN_TOO_WEAK";
    case CKR_PUBLIC_KEY_INVALID:
        return "CKR_PUBLIC_KEY_INVALID";
    case CKR_FUNCTION_REJECTED:
        return "CKR_FUNCTION_REJECTED";
    default:
        break;
    }
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "CKR_0x%08lX", rv);
    return buffer;
}

namespace {

struct Meaning {
    ErrorKind kind;
    const char* message;
};

Meaning meaningOf(unsigned long rv)
{
    switch (rv) {
    case CKR_PIN_INCORRECT:
        return {ErrorKind::WrongPin, "the PIN is wrong"};
    case CKR_PIN_LOCKED:
        return {ErrorKind::PinLocked, "the PIN is blocked; a supervisor must unblock it with the SO PIN"};
    case CKR_PIN_LEN_RANGE:
        return {ErrorKind::PinPolicy, "the new PIN is shorter or longer than the token allows"};
    case CKR_PIN_INVALID:
        return {ErrorKind::PinPolicy, "the new PIN has characters the token does not accept"};
    case CKR_PIN_TOO_WEAK:
        return {ErrorKind::PinPolicy, "the token refuses the new PIN as too weak"};
    case CKR_PIN_EXPIRED:
        return {ErrorKind::PinPolicy, "the PIN has expired and must be changed first"};
    case CKR_DEVICE_REMOVED:
    case CKR_TOKEN_NOT_PRESENT:
    case CKR_SESSION_CLOSED:
        return {ErrorKind::TokenRemoved, "the token was removed; plug it in again and retry"};
    case CKR_SLOT_ID_INVALID:
        return {ErrorKind::TokenRemoved, "the token's slot is gone; the token was probably removed"};
    case CKR_SESSION_HANDLE_INVALID:
        return {ErrorKind::TokenRemoved, "the session with the token was lost; was the token removed?"};
    case CKR_TOKEN_NOT_RECOGNIZED:
        return {ErrorKind::TokenNotFound, "the module does not recognise this token"};
    case CKR_USER_NOT_LOGGED_IN:
        return {ErrorKind::NotLoggedIn, "the operation needs the user PIN first"};
    case CKR_USER_PIN_NOT_INITIALIZED:
        return {ErrorKind::UserPinNotInitialized, "the token has no user PIN yet; initialize it first"};
    case CKR_DEVICE_MEMORY:
        return {ErrorKind::MemoryFull, "the token is full; delete objects on it or use another token"};
    case CKR_MECHANISM_INVALID:
    case CKR_MECHANISM_PARAM_INVALID:
        return {ErrorKind::MechanismNotSupported, "the token does not support this algorithm"};
    case CKR_KEY_SIZE_RANGE:
        return {ErrorKind::KeySizeNotSupported, "the token does not support this key size"};
    case CKR_CURVE_NOT_SUPPORTED:
    case CKR_DOMAIN_PARAMS_INVALID:
        return {ErrorKind::KeySizeNotSupported, "the token does not support this elliptic curve"};
    case CKR_TOKEN_WRITE_PROTECTED:
        return {ErrorKind::ReadOnly, "the token is write-protected"};
    case CKR_OBJECT_HANDLE_INVALID:
    case CKR_KEY_HANDLE_INVALID:
        return {ErrorKind::ObjectNotFound, "the object is no longer on the token"};
    case CKR_TEMPLATE_INCONSISTENT:
    case CKR_TEMPLATE_INCOMPLETE:
    case CKR_ATTRIBUTE_VALUE_INVALID:
    case CKR_ATTRIBUTE_TYPE_INVALID:
        return {ErrorKind::MechanismNotSupported, "the token refuses the object's attributes"};
    case CKR_CRYPTOKI_NOT_INITIALIZED:
        return {ErrorKind::ModuleFailed, "the module is not initialized"};
    case CKR_DEVICE_ERROR:
        return {ErrorKind::Other, "the token reported a hardware error"};
    case CKR_FUNCTION_NOT_SUPPORTED:
        return {ErrorKind::MechanismNotSupported, "the module does not implement this operation"};
    default:
        return {ErrorKind::Other, "the token refused the operation"};
    }
}

} // namespace

TokenError makeError(unsigned long rv, std::string operation, std::string module)
{
    const Meaning meaning = meaningOf(rv);
    TokenError error;
    error.kind = meaning.kind;
    error.operation = std::move(operation);
    error.returnCode = rv;
    error.module = std::move(module);
    error.message = meaning.message;
    return error;
}

TokenError makeError(ErrorKind kind, std::string operation, std::string module, std::string message)
{
    TokenError error;
    error.kind = kind;
    error.operation = std::move(operation);
    error.module = std::move(module);
    error.message = std::move(message);
    return error;
}

std::string TokenError::describe() const
{
    std::string text = operation;
    if (!module.empty())
        text += " (" + module + ")";
    // For a wrong PIN the message already says what the token tells of the tries left (see addPinTries).
    text += ": " + message;
    if (returnCode != CKR_OK)
        text += " [" + returnCodeName(returnCode) + "]";
    return text;
}

} // namespace tamga::pkcs11
