// Token: sessions on it, initialization and PINs. Key pairs, objects and signing are in TokenKeys.cpp,
// TokenObjects.cpp and TokenSigning.cpp.
#include "TokenParts.h"
#include "tamga/pkcs11/Module.h"

#include <algorithm>
#include <array>
#include <cstring>
#include <set>

namespace tamga::pkcs11 {

namespace {

constexpr std::size_t kLabelFieldSize = 32; // CK_TOKEN_INFO.label

Status checkPinLength(const TokenInfo& token, const Pin& pin, const char* operation)
{
    const std::size_t length = pin.size();
    if (length == 0 || (token.minPinLength && length < token.minPinLength) ||
        (token.maxPinLength && length > token.maxPinLength)) {
        return std::unexpected(makeError(ErrorKind::PinPolicy, operation, token.modulePath,
                                         "the PIN must be " + std::to_string(token.minPinLength) + " to " +
                                             std::to_string(token.maxPinLength) + " characters long on this token"));
    }
    return {};
}

} // namespace

Token::Token(std::shared_ptr<Module> module, std::string serial)
    : m_module(std::move(module)), m_serial(std::move(serial))
{
}

Status Token::holdSession(const Pin& userPin)
{
    const char* operation = "log in";
    auto opened = Session::open(*m_module, m_serial, operation, m_lastSlot.get());
    if (!opened)
        return std::unexpected(opened.error());
    if (auto ok = opened->login(CKU_USER, userPin, operation); !ok)
        return ok;
    m_held = std::make_shared<Session>(std::move(*opened));
    return {};
}

void Token::releaseSession()
{
    m_held.reset();
}

namespace {

bool stillOpen(const Session& session)
{
    // Owned first: a handle libp11 closed may since have been given to a session that is not this one.
    CK_SESSION_INFO info{};
    return session.owned() && session.f()->C_GetSessionInfo(session.handle(), &info) == CKR_OK &&
           (info.state == CKS_RW_USER_FUNCTIONS || info.state == CKS_RO_USER_FUNCTIONS);
}

} // namespace

Result<std::shared_ptr<Session>> Token::userSession(const Pin& userPin, const char* operation) const
{
    if (m_held && stillOpen(*m_held))
        return m_held;
    auto opened = Session::open(*m_module, m_serial, operation, m_lastSlot.get());
    if (!opened)
        return std::unexpected(opened.error());
    // In place of a held session (its PIN checked when it was taken) a login still in place is kept: libp11 may
    // be holding a signing key under it.
    if (auto ok = opened->login(CKU_USER, userPin, operation, m_held != nullptr); !ok)
        return std::unexpected(ok.error());
    auto session = std::make_shared<Session>(std::move(*opened));
    if (m_held)
        m_held = session; // the held session was closed under us: this one takes its place
    return session;
}

Result<std::shared_ptr<Session>> Token::publicSession(const char* operation) const
{
    if (m_held && stillOpen(*m_held))
        return m_held;
    auto opened = Session::open(*m_module, m_serial, operation, m_lastSlot.get());
    if (!opened)
        return std::unexpected(opened.error());
    return std::make_shared<Session>(std::move(*opened));
}

Result<TokenInfo> Token::info() const
{
    return m_module->findToken(m_serial);
}

Result<TokenInfo> Token::initialize(const std::shared_ptr<Module>& module, const TokenInfo& token, const Pin& soPin,
                                    const std::string& label, const Pin& userPin)
{
    const char* operation = "initialize token";
    const std::string& path = module->path();
    if (label.empty() || label.size() > kLabelFieldSize) {
        return std::unexpected(
            makeError(ErrorKind::InvalidInput, operation, path, "the token label must be 1 to 32 bytes long (UTF-8)"));
    }
    if (auto ok = checkPinLength(token, soPin, operation); !ok)
        return std::unexpected(ok.error());
    if (auto ok = checkPinLength(token, userPin, operation); !ok)
        return std::unexpected(ok.error());

    // Remember which initialized tokens exist, to recognise ours afterwards: some modules (SoftHSM) give it a
    // new serial and slot.
    auto before = module->tokens();
    if (!before)
        return std::unexpected(before.error());
    std::set<std::string> knownSerials;
    for (const TokenInfo& t : *before) {
        if (t.flags.tokenInitialized && t.serial != token.serial)
            knownSerials.insert(t.serial);
    }

    // The slot is checked again just before the erase: it must still hold the token that was chosen (a pulled
    // and swapped token, or a snapshot from before another desk's change, would erase the wrong one), and no
    // other initialized token may share its serial, or the SO login and user PIN that follow could reach the
    // other one (tpm2-pkcs11 gives every token the same serial).
    for (const TokenInfo& t : *before) {
        if (t.slotId == token.slotId && (t.serial != token.serial || t.label != token.label ||
                                         t.flags.tokenInitialized != token.flags.tokenInitialized)) {
            return std::unexpected(makeError(ErrorKind::TokenRemoved, operation, path,
                                             "the token in this slot changed since it was chosen; choose it again"));
        }
        if (t.slotId != token.slotId && t.serial == token.serial && t.flags.tokenInitialized) {
            return std::unexpected(makeError(ErrorKind::AmbiguousToken, operation, path,
                                             "another plugged-in token reports the same serial \"" + token.serial +
                                                 "\"; Tamga could not tell the two apart afterwards: leave only "
                                                 "this one plugged in"));
        }
    }
    if (std::ranges::none_of(*before, [&](const TokenInfo& t) { return t.slotId == token.slotId; }))
        return std::unexpected(
            makeError(ErrorKind::TokenRemoved, operation, path, "the token is no longer plugged in"));

    // C_InitToken wants exactly 32 blank-padded bytes (libp11 0.4.12 passes the label unpadded: not used here).
    std::array<CK_UTF8CHAR, kLabelFieldSize> paddedLabel;
    paddedLabel.fill(' ');
    std::memcpy(paddedLabel.data(), label.data(), label.size());
    Module::Impl& impl = module->impl();
    CK_RV rv = impl.functions->C_InitToken(token.slotId, const_cast<CK_UTF8CHAR*>(soPin.bytes()), soPin.size(),
                                           paddedLabel.data());
    if (rv != CKR_OK) {
        TokenError error = makeError(rv, operation, path);
        if (rv == CKR_PIN_INCORRECT)
            addPinTries(error, impl.functions, token.slotId, CKU_SO);
        return std::unexpected(error);
    }

    module->impl().forgetTokenSlots(); // the token has a new serial, maybe a new slot
    auto after = module->tokens();
    if (!after)
        return std::unexpected(after.error());
    std::optional<TokenInfo> initialized;
    for (const TokenInfo& t : *after) {
        if (t.flags.tokenInitialized && t.label == label && !knownSerials.contains(t.serial)) {
            initialized = t;
            if (t.serial == token.serial)
                break; // the same token, where the module keeps serials
        }
    }
    if (!initialized) {
        return std::unexpected(makeError(ErrorKind::TokenRemoved, operation, path,
                                         "the token was initialized but is no longer visible; was it removed?"));
    }

    Token fresh(module, initialized->serial);
    if (auto ok = fresh.setUserPinWithSoPin(soPin, userPin); !ok)
        return std::unexpected(ok.error());
    return fresh.info();
}

namespace {

// Signs a digest-sized value with every private key in the logged-in session: proof that the keys survived
// what was just done to the token (a PIN change).
Status everyKeySigns(const Session& session, const char* operation)
{
    CK_OBJECT_CLASS privateClass = CKO_PRIVATE_KEY;
    std::array match{attr(CKA_CLASS, privateClass)};
    auto keys = session.find(match, operation);
    if (!keys)
        return std::unexpected(keys.error());
    std::array<CK_BYTE, 32> digest{}; // a SHA-256-sized value: ECDSA and raw PKCS#1 v1.5 both take it
    for (CK_OBJECT_HANDLE key : *keys) {
        if (session.boolean(key, CKA_SIGN) == false)
            continue; // a key put there for another use (decryption): nothing to prove by signing
        const auto keyType = session.number(key, CKA_KEY_TYPE);
        if (!keyType || (*keyType != CKK_RSA && *keyType != CKK_EC)) {
            return std::unexpected(makeError(ErrorKind::Other, operation, session.modulePath(),
                                             "a private key on the token can no longer be read"));
        }
        CK_MECHANISM mechanism{*keyType == CKK_RSA ? CKM_RSA_PKCS : CKM_ECDSA, nullptr, 0};
        CK_RV rv = session.f()->C_SignInit(session.handle(), &mechanism, key);
        std::array<CK_BYTE, 1024> signature{};
        CK_ULONG signatureLength = signature.size();
        if (rv == CKR_OK)
            rv =
                session.f()->C_Sign(session.handle(), digest.data(), digest.size(), signature.data(), &signatureLength);
        if (rv != CKR_OK) {
            TokenError error = session.error(rv, operation);
            error.message = "a key on the token no longer signs: " + error.message;
            return std::unexpected(error);
        }
    }
    return {};
}

} // namespace

Status Token::changeUserPin(const Pin& oldPin, const Pin& newPin) const
{
    const char* operation = "change PIN";
    auto token = info();
    if (!token)
        return std::unexpected(token.error());
    if (auto ok = checkPinLength(*token, newPin, operation); !ok)
        return ok;
    auto session = Session::open(*m_module, m_serial, operation);
    if (!session)
        return std::unexpected(session.error());
    // Logged in with the old PIN first, as pkcs11-tool does. PKCS#11 also allows C_SetPIN in a session that is not
    // logged in, but opencryptoki's soft token then re-wraps its key store without having unlocked it: the new PIN
    // works and every private key is unreadable.
    if (auto ok = session->login(CKU_USER, oldPin, operation); !ok)
        return ok;
    CK_RV rv = session->f()->C_SetPIN(session->handle(), const_cast<CK_UTF8CHAR*>(oldPin.bytes()), oldPin.size(),
                                      const_cast<CK_UTF8CHAR*>(newPin.bytes()), newPin.size());
    if (rv != CKR_OK) {
        TokenError error = session->error(rv, operation);
        if (rv == CKR_PIN_INCORRECT)
            addPinTries(error, session->f(), session->slot(), CKU_USER);
        return std::unexpected(error);
    }
    // Not "changed" until the keys are shown to work under the new PIN: a token that lost them says so now,
    // not when the officer first signs.
    if (auto ok = session->login(CKU_USER, newPin, operation); !ok)
        return ok;
    return everyKeySigns(*session, operation);
}

Status Token::setUserPinWithSoPin(const Pin& soPin, const Pin& newPin) const
{
    const char* operation = "set user PIN";
    auto token = info();
    if (!token)
        return std::unexpected(token.error());
    if (auto ok = checkPinLength(*token, newPin, operation); !ok)
        return ok;
    auto session = Session::open(*m_module, m_serial, operation);
    if (!session)
        return std::unexpected(session.error());
    if (auto ok = session->login(CKU_SO, soPin, operation); !ok)
        return ok;
    CK_RV rv = session->f()->C_InitPIN(session->handle(), const_cast<CK_UTF8CHAR*>(newPin.bytes()), newPin.size());
    if (rv != CKR_OK)
        return std::unexpected(session->error(rv, operation));
    return {};
}

} // namespace tamga::pkcs11
