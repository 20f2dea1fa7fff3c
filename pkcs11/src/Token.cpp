#include "tamga/pkcs11/Token.h"

#include "KeyMaterial.h"
#include "Session.h"
#include "tamga/pkcs11/Module.h"

#include <openssl/evp.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <set>

namespace tamga::pkcs11 {

namespace {

constexpr std::size_t kLabelFieldSize = 32;  // CK_TOKEN_INFO.label

// DER OIDs of the named curves, as CKA_EC_PARAMS wants them.
constexpr std::array<std::uint8_t, 10> kP256Params{0x06, 0x08, 0x2A, 0x86, 0x48, 0xCE, 0x3D, 0x03, 0x01, 0x07};
constexpr std::array<std::uint8_t, 7> kP384Params{0x06, 0x05, 0x2B, 0x81, 0x04, 0x00, 0x22};

CK_BBOOL kTrue = CK_TRUE;
CK_BBOOL kFalse = CK_FALSE;

template <typename T>
CK_ATTRIBUTE attr(CK_ATTRIBUTE_TYPE type, T& value)
{
    return {type, &value, sizeof value};
}

CK_ATTRIBUTE attrBytes(CK_ATTRIBUTE_TYPE type, std::span<const std::uint8_t> bytes)
{
    return {type, const_cast<std::uint8_t*>(bytes.data()), bytes.size()};
}

CK_ATTRIBUTE attrText(CK_ATTRIBUTE_TYPE type, const std::string& text)
{
    return {type, const_cast<char*>(text.data()), text.size()};
}

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

bool isRemoval(const TokenError& error)
{
    return error.kind == ErrorKind::TokenRemoved;
}

KeyAlgorithm algorithmOf(CK_ULONG keyType)
{
    if (keyType == CKK_RSA)
        return KeyAlgorithm::Rsa;
    if (keyType == CKK_EC)
        return KeyAlgorithm::Ec;
    return KeyAlgorithm::Other;
}

ObjectClass classOf(CK_ULONG objectClass)
{
    switch (objectClass) {
    case CKO_PRIVATE_KEY: return ObjectClass::PrivateKey;
    case CKO_PUBLIC_KEY: return ObjectClass::PublicKey;
    case CKO_CERTIFICATE: return ObjectClass::Certificate;
    case CKO_DATA: return ObjectClass::Data;
    case CKO_SECRET_KEY: return ObjectClass::SecretKey;
    default: return ObjectClass::Other;
    }
}

const char* curveNameOf(std::span<const std::uint8_t> params)
{
    if (std::ranges::equal(params, kP256Params))
        return "P-256";
    if (std::ranges::equal(params, kP384Params))
        return "P-384";
    return nullptr;
}

// The SubjectPublicKeyInfo of a public-key object, built from its attributes.
Result<Bytes> spkiOfPublicKey(const Session& session, CK_OBJECT_HANDLE publicKey, const char* operation)
{
    auto keyType = session.number(publicKey, CKA_KEY_TYPE);
    std::optional<Bytes> spki;
    if (keyType == CKK_RSA) {
        auto modulus = session.bytes(publicKey, CKA_MODULUS);
        auto exponent = session.bytes(publicKey, CKA_PUBLIC_EXPONENT);
        if (modulus && exponent)
            spki = rsaSpki(*modulus, *exponent);
    } else if (keyType == CKK_EC) {
        auto params = session.bytes(publicKey, CKA_EC_PARAMS);
        auto point = session.bytes(publicKey, CKA_EC_POINT);
        const char* curve = params ? curveNameOf(*params) : nullptr;
        if (curve && point)
            spki = ecSpki(curve, *point);
    }
    if (!spki) {
        // Unreadable attributes are most often a token that has just gone: say so when the session is gone too.
        CK_SESSION_INFO info{};
        if (CK_RV rv = session.f()->C_GetSessionInfo(session.handle(), &info); rv != CKR_OK)
            return std::unexpected(session.error(rv, operation));
        return std::unexpected(makeError(ErrorKind::Other, operation, session.modulePath(),
                                         "the token returned a public key Tamga cannot read"));
    }
    return *spki;
}

Result<std::vector<CK_OBJECT_HANDLE>> objectsWithId(const Session& session, std::span<const std::uint8_t> id,
                                                    const char* operation, std::optional<CK_OBJECT_CLASS> cls = {})
{
    CK_OBJECT_CLASS objectClass = cls.value_or(0);
    std::vector<CK_ATTRIBUTE> match{attrBytes(CKA_ID, id)};
    if (cls)
        match.push_back(attr(CKA_CLASS, objectClass));
    return session.find(match, operation);
}

// A certificate object with exactly this DER value, if one is stored already.
Result<bool> certificateStored(const Session& session, std::span<const std::uint8_t> der, const char* operation)
{
    CK_OBJECT_CLASS certificateClass = CKO_CERTIFICATE;
    std::array match{attr(CKA_CLASS, certificateClass), attrBytes(CKA_VALUE, der)};
    auto found = session.find(match, operation);
    if (!found)
        return std::unexpected(found.error());
    return !found->empty();
}

Status storeCertificateObject(const Session& session, std::span<const std::uint8_t> der,
                              std::span<const std::uint8_t> id, const std::string& label, CK_ULONG category,
                              const char* operation)
{
    auto fields = parseCertificate(der);
    if (!fields) {
        return std::unexpected(makeError(ErrorKind::InvalidInput, operation, session.modulePath(),
                                         "the data is not a DER X.509 certificate"));
    }
    auto stored = certificateStored(session, der, operation);
    if (!stored)
        return std::unexpected(stored.error());
    if (*stored)
        return {};

    CK_OBJECT_CLASS certificateClass = CKO_CERTIFICATE;
    CK_CERTIFICATE_TYPE certificateType = CKC_X_509;
    std::vector attributes{
        attr(CKA_CLASS, certificateClass),
        attr(CKA_CERTIFICATE_TYPE, certificateType),
        attr(CKA_TOKEN, kTrue),
        attr(CKA_PRIVATE, kFalse),
        attr(CKA_MODIFIABLE, kTrue),
        attrText(CKA_LABEL, label),
        attrBytes(CKA_ID, id),
        attrBytes(CKA_SUBJECT, fields->subject),
        attrBytes(CKA_ISSUER, fields->issuer),
        attrBytes(CKA_SERIAL_NUMBER, fields->serial),
        attrBytes(CKA_VALUE, der),
    };
    // The category (user or authority) helps readers tell the officer's certificate from the chain, but it is
    // optional: a module that refuses it (the quirk table, or any that answers "invalid attribute") gets the
    // certificate without it.
    if (!session.quirks().certificateCategoryRefused)
        attributes.push_back(attr(CKA_CERTIFICATE_CATEGORY, category));
    CK_OBJECT_HANDLE handle = CK_INVALID_HANDLE;
    CK_RV rv = session.f()->C_CreateObject(session.handle(), attributes.data(), attributes.size(), &handle);
    if ((rv == CKR_ATTRIBUTE_TYPE_INVALID || rv == CKR_ATTRIBUTE_VALUE_INVALID) &&
        attributes.back().type == CKA_CERTIFICATE_CATEGORY) {
        attributes.pop_back();
        rv = session.f()->C_CreateObject(session.handle(), attributes.data(), attributes.size(), &handle);
    }
    if (rv != CKR_OK)
        return std::unexpected(session.error(rv, operation));
    return {};
}

struct KeySpec {
    CK_MECHANISM_TYPE mechanism;
    CK_ULONG modulusBits;                    // RSA
    std::span<const std::uint8_t> ecParams;  // EC
};

KeySpec specOf(KeyType type)
{
    switch (type) {
    case KeyType::Rsa2048: return {CKM_RSA_PKCS_KEY_PAIR_GEN, 2048, {}};
    case KeyType::Rsa3072: return {CKM_RSA_PKCS_KEY_PAIR_GEN, 3072, {}};
    case KeyType::Rsa4096: return {CKM_RSA_PKCS_KEY_PAIR_GEN, 4096, {}};
    case KeyType::EcP256: return {CKM_EC_KEY_PAIR_GEN, 0, kP256Params};
    case KeyType::EcP384: return {CKM_EC_KEY_PAIR_GEN, 0, kP384Params};
    }
    return {CKM_EC_KEY_PAIR_GEN, 0, kP256Params};
}

// Whether the token lists the mechanism and, for RSA, supports the size: checked before generating so the clerk
// hears "this token cannot make RSA-4096 keys" rather than a bare return code.
Status checkMechanism(CK_FUNCTION_LIST* functions, CK_SLOT_ID slot, const std::string& modulePath,
                      const KeySpec& spec, KeyType type, const char* operation)
{
    CK_MECHANISM_INFO info{};
    CK_RV rv = functions->C_GetMechanismInfo(slot, spec.mechanism, &info);
    if (rv == CKR_MECHANISM_INVALID) {
        return std::unexpected(makeError(ErrorKind::MechanismNotSupported, operation, modulePath,
                                         "this token cannot generate " + keyTypeName(type) + " keys"));
    }
    if (rv != CKR_OK)
        return {};  // not every module answers; let C_GenerateKeyPair decide
    if (spec.modulusBits &&
        (spec.modulusBits < info.ulMinKeySize || (info.ulMaxKeySize && spec.modulusBits > info.ulMaxKeySize))) {
        TokenError error = makeError(ErrorKind::KeySizeNotSupported, operation, modulePath,
                                     "this token supports RSA keys of " + std::to_string(info.ulMinKeySize) +
                                         " to " + std::to_string(info.ulMaxKeySize) + " bits, not " +
                                         std::to_string(spec.modulusBits));
        error.returnCode = CKR_KEY_SIZE_RANGE;
        return std::unexpected(error);
    }
    return {};
}

}  // namespace

// ---- TokenSigningKey --------------------------------------------------------------------------------------

struct TokenSigningKey::State {
    std::shared_ptr<Module> module;
    PKCS11_SLOT* slots = nullptr;
    unsigned int slotCount = 0;
    EVP_PKEY* key = nullptr;

    // libp11's slots and key must not outlive its context: the module is not initialized again meanwhile.
    explicit State(std::shared_ptr<Module> owner) : module(std::move(owner)) { ++module->impl().signingKeys; }

    ~State()
    {
        --module->impl().signingKeys;
        if (key)
            EVP_PKEY_free(key);
        if (slots) {
            Module::Impl& impl = module->impl();
            std::lock_guard lock(impl.libp11Mutex);
            PKCS11_release_all_slots(impl.libp11, slots, slotCount);
            impl.forgetSessions();  // libp11 has just called C_CloseAllSessions on every slot
        }
    }
};

TokenSigningKey::TokenSigningKey(std::unique_ptr<State> state) : m_state(std::move(state)) {}
TokenSigningKey::TokenSigningKey(TokenSigningKey&&) noexcept = default;
TokenSigningKey& TokenSigningKey::operator=(TokenSigningKey&&) noexcept = default;
TokenSigningKey::~TokenSigningKey() = default;

EVP_PKEY* TokenSigningKey::get() const
{
    return m_state ? m_state->key : nullptr;
}

// ---- Token ------------------------------------------------------------------------------------------------

Token::Token(std::shared_ptr<Module> module, std::string serial) : m_module(std::move(module)), m_serial(std::move(serial))
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

}  // namespace

Result<std::shared_ptr<Session>> Token::userSession(const Pin& userPin, const char* operation) const
{
    if (m_held && stillOpen(*m_held))
        return m_held;
    auto opened = Session::open(*m_module, m_serial, operation, m_lastSlot.get());
    if (!opened)
        return std::unexpected(opened.error());
    if (auto ok = opened->login(CKU_USER, userPin, operation); !ok)
        return std::unexpected(ok.error());
    auto session = std::make_shared<Session>(std::move(*opened));
    if (m_held)
        m_held = session;  // the held session was closed under us: this one takes its place
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
        return std::unexpected(makeError(ErrorKind::InvalidInput, operation, path,
                                         "the token label must be 1 to 32 bytes long (UTF-8)"));
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
        return std::unexpected(makeError(ErrorKind::TokenRemoved, operation, path, "the token is no longer plugged in"));

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

    auto after = module->tokens();
    if (!after)
        return std::unexpected(after.error());
    std::optional<TokenInfo> initialized;
    for (const TokenInfo& t : *after) {
        if (t.flags.tokenInitialized && t.label == label && !knownSerials.contains(t.serial)) {
            initialized = t;
            if (t.serial == token.serial)
                break;  // the same token, where the module keeps serials
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
    std::array<CK_BYTE, 32> digest{};  // a SHA-256-sized value: ECDSA and raw PKCS#1 v1.5 both take it
    for (CK_OBJECT_HANDLE key : *keys) {
        if (session.boolean(key, CKA_SIGN) == false)
            continue;  // a key put there for another use (decryption): nothing to prove by signing
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
            rv = session.f()->C_Sign(session.handle(), digest.data(), digest.size(), signature.data(), &signatureLength);
        if (rv != CKR_OK) {
            TokenError error = session.error(rv, operation);
            error.message = "a key on the token no longer signs: " + error.message;
            return std::unexpected(error);
        }
    }
    return {};
}

}  // namespace

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

Status Token::checkCanGenerate(const std::shared_ptr<Module>& module, const TokenInfo& token, KeyType type)
{
    Module::Impl& impl = module->impl();
    return checkMechanism(impl.functions, token.slotId, impl.path, specOf(type), type, "check key generation");
}

Result<KeyPairInfo> Token::generateKeyPair(const Pin& userPin, KeyType type, const std::string& label) const
{
    const char* operation = "generate key pair";
    auto lease = userSession(userPin, operation);
    if (!lease)
        return std::unexpected(lease.error());
    auto& session = *lease;

    const KeySpec spec = specOf(type);
    if (auto ok = checkMechanism(session->f(), session->slot(), session->modulePath(), spec, type, operation); !ok)
        return std::unexpected(ok.error());

    // A provisional ID until the public key is known; replaced below by SHA-1 of the public key.
    std::array<std::uint8_t, 8> provisionalId{'t', 'a', 'm', 'g', 'a', 'n', 'e', 'w'};
    std::array<std::uint8_t, 3> publicExponent{0x01, 0x00, 0x01};
    CK_ULONG modulusBits = spec.modulusBits;

    const bool usageDerived = session->quirks().keyUsageDerivedByToken;
    std::vector<CK_ATTRIBUTE> publicTemplate{
        attr(CKA_TOKEN, kTrue), attr(CKA_PRIVATE, kFalse), attr(CKA_WRAP, kFalse), attrText(CKA_LABEL, label),
        attrBytes(CKA_ID, provisionalId),
    };
    if (!usageDerived) {
        publicTemplate.push_back(attr(CKA_VERIFY, kTrue));
        publicTemplate.push_back(attr(CKA_ENCRYPT, kFalse));
    }
    if (spec.mechanism == CKM_RSA_PKCS_KEY_PAIR_GEN) {
        publicTemplate.push_back(attr(CKA_MODULUS_BITS, modulusBits));
        publicTemplate.push_back(attrBytes(CKA_PUBLIC_EXPONENT, publicExponent));
    } else {
        publicTemplate.push_back(attrBytes(CKA_EC_PARAMS, spec.ecParams));
    }
    std::vector<CK_ATTRIBUTE> privateTemplate{
        attr(CKA_TOKEN, kTrue),        attr(CKA_PRIVATE, kTrue), attr(CKA_SENSITIVE, kTrue),
        attr(CKA_EXTRACTABLE, kFalse), attr(CKA_SIGN, kTrue),    attr(CKA_UNWRAP, kFalse),
        attrText(CKA_LABEL, label),    attrBytes(CKA_ID, provisionalId),
    };
    if (!usageDerived)
        privateTemplate.push_back(attr(CKA_DECRYPT, kFalse));

    CK_MECHANISM mechanism{spec.mechanism, nullptr, 0};
    CK_OBJECT_HANDLE publicKey = CK_INVALID_HANDLE;
    CK_OBJECT_HANDLE privateKey = CK_INVALID_HANDLE;
    CK_RV rv = session->f()->C_GenerateKeyPair(session->handle(), &mechanism, publicTemplate.data(),
                                               publicTemplate.size(), privateTemplate.data(),
                                               privateTemplate.size(), &publicKey, &privateKey);
    if (rv != CKR_OK) {
        TokenError error = session->error(rv, operation);
        if (error.kind == ErrorKind::MechanismNotSupported && spec.mechanism == CKM_EC_KEY_PAIR_GEN)
            error = makeError(ErrorKind::KeySizeNotSupported, operation, session->modulePath(),
                              "this token cannot generate " + keyTypeName(type) + " keys");
        return std::unexpected(error);
    }

    auto discard = [&] {
        session->f()->C_DestroyObject(session->handle(), privateKey);
        session->f()->C_DestroyObject(session->handle(), publicKey);
    };
    auto spki = spkiOfPublicKey(*session, publicKey, operation);
    std::optional<Bytes> id = spki ? keyIdOfSpki(*spki) : std::nullopt;
    if (!spki || !id) {
        discard();
        return std::unexpected(spki ? makeError(ErrorKind::Other, operation, session->modulePath(),
                                                "cannot compute the key's identifier")
                                    : spki.error());
    }
    CK_ATTRIBUTE idAttribute = attrBytes(CKA_ID, *id);
    for (CK_OBJECT_HANDLE object : {publicKey, privateKey}) {
        rv = session->f()->C_SetAttributeValue(session->handle(), object, &idAttribute, 1);
        if (rv != CKR_OK) {
            TokenError error = session->error(rv, operation);
            if (!isRemoval(error))
                discard();  // leave no half-labelled key pair behind
            error.message = "could not set the new key's ID: " + error.message;
            return std::unexpected(error);
        }
    }
    return KeyPairInfo{*id, label, type, *spki};
}

Result<std::optional<KeyPairInfo>> Token::findKeyPair(const Pin& userPin, const std::string& label) const
{
    const char* operation = "find key pair";
    auto lease = userSession(userPin, operation);
    if (!lease)
        return std::unexpected(lease.error());
    auto& session = *lease;
    CK_OBJECT_CLASS privateClass = CKO_PRIVATE_KEY;
    CK_OBJECT_CLASS publicClass = CKO_PUBLIC_KEY;
    std::array privateMatch{attr(CKA_CLASS, privateClass), attrText(CKA_LABEL, label)};
    auto privateKeys = session->find(privateMatch, operation);
    if (!privateKeys)
        return std::unexpected(privateKeys.error());
    if (privateKeys->empty())
        return std::optional<KeyPairInfo>{};
    const CK_OBJECT_HANDLE privateKey = privateKeys->front();
    const Bytes currentId = session->bytes(privateKey, CKA_ID).value_or(Bytes{});
    std::array publicMatch{attr(CKA_CLASS, publicClass), attrBytes(CKA_ID, currentId)};
    auto publicKeys = session->find(publicMatch, operation);
    if (!publicKeys)
        return std::unexpected(publicKeys.error());
    if (publicKeys->empty()) {
        return std::unexpected(makeError(ErrorKind::ObjectNotFound, operation, session->modulePath(),
                                         "the private key \"" + label + "\" has no public key beside it"));
    }
    auto spki = spkiOfPublicKey(*session, publicKeys->front(), operation);
    if (!spki)
        return std::unexpected(spki.error());
    auto properId = keyIdOfSpki(*spki);
    if (!properId)
        return std::unexpected(makeError(ErrorKind::Other, operation, session->modulePath(), "cannot compute the key ID"));
    if (*properId != currentId) {
        CK_ATTRIBUTE idAttribute = attrBytes(CKA_ID, *properId);
        for (CK_OBJECT_HANDLE object : {publicKeys->front(), privateKey}) {
            if (CK_RV rv = session->f()->C_SetAttributeValue(session->handle(), object, &idAttribute, 1); rv != CKR_OK)
                return std::unexpected(session->error(rv, operation));
        }
    }
    auto algorithm = algorithmOf(session->number(privateKey, CKA_KEY_TYPE).value_or(~0UL));
    KeyType type = KeyType::EcP256;
    if (algorithm == KeyAlgorithm::Rsa) {
        const auto bits = session->bytes(publicKeys->front(), CKA_MODULUS).value_or(Bytes{}).size() * 8;
        type = bits >= 4096 ? KeyType::Rsa4096 : bits >= 3072 ? KeyType::Rsa3072 : KeyType::Rsa2048;
    } else if (auto params = session->bytes(publicKeys->front(), CKA_EC_PARAMS); params && curveNameOf(*params) &&
                                                                             std::string_view(curveNameOf(*params)) == "P-384") {
        type = KeyType::EcP384;
    }
    return std::optional<KeyPairInfo>(KeyPairInfo{*properId, label, type, *spki});
}

Result<std::vector<ObjectInfo>> Token::objects(const Pin* userPin) const
{
    const char* operation = "list objects";
    auto lease = userPin ? userSession(*userPin, operation) : publicSession(operation);
    if (!lease)
        return std::unexpected(lease.error());
    auto& session = *lease;
    auto handles = session->find({}, operation);
    if (!handles)
        return std::unexpected(handles.error());

    std::vector<ObjectInfo> result;
    for (CK_OBJECT_HANDLE handle : *handles) {
        ObjectInfo object;
        object.objectClass = classOf(session->number(handle, CKA_CLASS).value_or(~0UL));
        object.id = session->bytes(handle, CKA_ID).value_or(Bytes{});
        auto label = session->bytes(handle, CKA_LABEL).value_or(Bytes{});
        object.label.assign(label.begin(), label.end());
        object.isPrivate = session->boolean(handle, CKA_PRIVATE).value_or(false);
        switch (object.objectClass) {
        case ObjectClass::PrivateKey:
        case ObjectClass::PublicKey: {
            object.algorithm = algorithmOf(session->number(handle, CKA_KEY_TYPE).value_or(~0UL));
            if (object.algorithm == KeyAlgorithm::Rsa) {
                if (auto modulus = session->bytes(handle, CKA_MODULUS))
                    object.keyBits = modulus->size() * 8;
            } else if (object.algorithm == KeyAlgorithm::Ec) {
                auto params = session->bytes(handle, CKA_EC_PARAMS);
                const char* curve = params ? curveNameOf(*params) : nullptr;
                object.keyBits = curve ? (std::string_view(curve) == "P-384" ? 384 : 256) : 0;
            }
            if (object.objectClass == ObjectClass::PrivateKey) {
                object.sensitive = session->boolean(handle, CKA_SENSITIVE).value_or(false);
                object.extractable = session->boolean(handle, CKA_EXTRACTABLE).value_or(true);
                object.canSign = session->boolean(handle, CKA_SIGN).value_or(false);
            }
            break;
        }
        case ObjectClass::Certificate:
            object.trusted = session->boolean(handle, CKA_TRUSTED).value_or(false);
            object.certificateCategory = session->number(handle, CKA_CERTIFICATE_CATEGORY).value_or(0);
            if (auto subject = session->bytes(handle, CKA_SUBJECT))
                object.subject = nameToText(*subject);
            break;
        default: break;
        }
        result.push_back(std::move(object));
    }
    // A stable order for people and tests: by ID, then class.
    std::ranges::sort(result, [](const ObjectInfo& a, const ObjectInfo& b) {
        return std::tie(a.id, a.objectClass) < std::tie(b.id, b.objectClass);
    });
    return result;
}

Result<std::vector<StoredCertificate>> Token::certificates() const
{
    const char* operation = "read certificates";
    auto lease = publicSession(operation);
    if (!lease)
        return std::unexpected(lease.error());
    auto& session = *lease;
    CK_OBJECT_CLASS certificateClass = CKO_CERTIFICATE;
    std::array match{attr(CKA_CLASS, certificateClass)};
    auto handles = session->find(match, operation);
    if (!handles)
        return std::unexpected(handles.error());
    std::vector<StoredCertificate> result;
    for (CK_OBJECT_HANDLE handle : *handles) {
        StoredCertificate certificate;
        certificate.id = session->bytes(handle, CKA_ID).value_or(Bytes{});
        auto label = session->bytes(handle, CKA_LABEL).value_or(Bytes{});
        certificate.label.assign(label.begin(), label.end());
        certificate.der = session->bytes(handle, CKA_VALUE).value_or(Bytes{});
        certificate.category = session->number(handle, CKA_CERTIFICATE_CATEGORY).value_or(0);
        result.push_back(std::move(certificate));
    }
    return result;
}

Result<std::vector<std::uint8_t>> Token::publicKey(const Pin& userPin, std::span<const std::uint8_t> id) const
{
    const char* operation = "read public key";
    auto lease = userSession(userPin, operation);
    if (!lease)
        return std::unexpected(lease.error());
    auto& session = *lease;
    auto found = objectsWithId(*session, id, operation, CKO_PUBLIC_KEY);
    if (!found)
        return std::unexpected(found.error());
    if (found->empty()) {
        return std::unexpected(makeError(ErrorKind::ObjectNotFound, operation, session->modulePath(),
                                         "no public key with ID " + toHex({id.begin(), id.end()}) + " on the token"));
    }
    return spkiOfPublicKey(*session, found->front(), operation);
}

Status Token::storeCertificate(const Pin& userPin, std::span<const std::uint8_t> certificateDer,
                               std::span<const std::uint8_t> id, const std::string& label) const
{
    const char* operation = "store certificate";
    auto lease = userSession(userPin, operation);
    if (!lease)
        return std::unexpected(lease.error());
    auto& session = *lease;
    return storeCertificateObject(*session, certificateDer, id, label, 1 /* token user */, operation);
}

Status Token::storeCaCertificate(const Pin& userPin, std::span<const std::uint8_t> certificateDer,
                                 const std::string& label) const
{
    const char* operation = "store CA certificate";
    auto fields = parseCertificate(certificateDer);
    std::optional<Bytes> id = fields ? keyIdOfSpki(fields->spki) : std::nullopt;
    if (!id) {
        return std::unexpected(makeError(ErrorKind::InvalidInput, operation, m_module->path(),
                                         "the data is not a DER X.509 certificate"));
    }
    auto lease = userSession(userPin, operation);
    if (!lease)
        return std::unexpected(lease.error());
    auto& session = *lease;
    return storeCertificateObject(*session, certificateDer, *id, label, 2 /* authority */, operation);
}

Status Token::deleteKeyPair(const Pin& userPin, std::span<const std::uint8_t> id) const
{
    const char* operation = "delete key pair";
    auto lease = userSession(userPin, operation);
    if (!lease)
        return std::unexpected(lease.error());
    auto& session = *lease;
    auto found = objectsWithId(*session, id, operation);
    if (!found)
        return std::unexpected(found.error());
    if (found->empty()) {
        return std::unexpected(makeError(ErrorKind::ObjectNotFound, operation, session->modulePath(),
                                         "nothing with ID " + toHex({id.begin(), id.end()}) + " is on the token"));
    }
    for (CK_OBJECT_HANDLE object : *found) {
        if (CK_RV rv = session->f()->C_DestroyObject(session->handle(), object); rv != CKR_OK)
            return std::unexpected(session->error(rv, operation));
    }
    return {};
}

Result<TokenSigningKey> Token::signingKey(const Pin& userPin, std::span<const std::uint8_t> id) const
{
    const char* operation = "open signing key";
    // Check the PIN and the key with raw Cryptoki first: libp11's login reports success when the token is
    // already logged in, whatever PIN it is given, and its object cache can list deleted keys.
    {
        auto lease = userSession(userPin, operation);
        if (!lease)
            return std::unexpected(lease.error());
        auto& session = *lease;
        auto found = objectsWithId(*session, id, operation, CKO_PRIVATE_KEY);
        if (!found)
            return std::unexpected(found.error());
        if (found->empty()) {
            return std::unexpected(makeError(ErrorKind::ObjectNotFound, operation, m_module->path(),
                                             "no private key with ID " + toHex({id.begin(), id.end()}) +
                                                 " on the token"));
        }
    }

    // The slot raw Cryptoki resolves (refusing a serial that several tokens share); libp11 must use the same.
    auto rawSlot = slotOfToken(*m_module, m_serial, operation);
    if (!rawSlot)
        return std::unexpected(rawSlot.error());

    Module::Impl& impl = m_module->impl();
    // `state` before `lock`: destroyed after the lock is released, since ~State takes the same mutex.
    auto state = std::make_unique<TokenSigningKey::State>(m_module);
    std::lock_guard lock(impl.libp11Mutex);
    auto fail = [&](const std::string& message) {
        return std::unexpected(makeError(ErrorKind::Other, operation, m_module->path(), message));
    };
    // Enumerating afresh each time also refreshes libp11's cache. (PKCS11_update_slots crashes with several
    // slots in 0.4.12, so it is never used.)
    if (PKCS11_enumerate_slots(impl.libp11, &state->slots, &state->slotCount) != 0) {
        state->slots = nullptr;
        return fail("libp11 could not list the slots");
    }
    PKCS11_SLOT* slot = nullptr;
    for (unsigned int i = 0; i < state->slotCount; ++i) {
        PKCS11_TOKEN* token = state->slots[i].token;
        if (token && token->serialnr && m_serial == token->serialnr &&
            PKCS11_get_slotid_from_slot(&state->slots[i]) == *rawSlot)
            slot = &state->slots[i];
    }
    if (!slot)
        return std::unexpected(makeError(ErrorKind::TokenRemoved, operation, m_module->path(),
                                         "the token is no longer plugged in"));
    const int opened = PKCS11_open_session(slot, 0);
    impl.forgetSessions();  // libp11 0.4.12 closes all of the slot's sessions when it first opens one
    if (opened != 0 || PKCS11_login(slot, 0, userPin.c_str()) != 0)
        return fail("libp11 could not log in to the token");
    PKCS11_KEY* keys = nullptr;
    unsigned int keyCount = 0;
    if (PKCS11_enumerate_keys(slot->token, &keys, &keyCount) != 0)
        return fail("libp11 could not list the keys");
    for (unsigned int i = 0; i < keyCount; ++i) {
        if (keys[i].isPrivate && keys[i].id_len == id.size() && std::equal(id.begin(), id.end(), keys[i].id)) {
            state->key = PKCS11_get_private_key(&keys[i]);
            break;
        }
    }
    if (!state->key)
        return fail("libp11 could not open the private key");
    return TokenSigningKey(std::move(state));
}

}  // namespace tamga::pkcs11
