#include "TokenLayer.h"

#include "tamga/pkcs11/Token.h"

namespace tamga::core {

pkcs11::KeyType toTokenLayer(KeyType type)
{
    switch (type) {
    case KeyType::Rsa2048:
        return pkcs11::KeyType::Rsa2048;
    case KeyType::Rsa3072:
        return pkcs11::KeyType::Rsa3072;
    case KeyType::Rsa4096:
        return pkcs11::KeyType::Rsa4096;
    case KeyType::EcP256:
        return pkcs11::KeyType::EcP256;
    case KeyType::EcP384:
        return pkcs11::KeyType::EcP384;
    }
    return pkcs11::KeyType::EcP256;
}

KeyType fromTokenLayer(pkcs11::KeyType type)
{
    switch (type) {
    case pkcs11::KeyType::Rsa2048:
        return KeyType::Rsa2048;
    case pkcs11::KeyType::Rsa3072:
        return KeyType::Rsa3072;
    case pkcs11::KeyType::Rsa4096:
        return KeyType::Rsa4096;
    case pkcs11::KeyType::EcP256:
        return KeyType::EcP256;
    case pkcs11::KeyType::EcP384:
        return KeyType::EcP384;
    }
    return KeyType::EcP256;
}

TokenErrorKind fromTokenLayer(pkcs11::ErrorKind kind)
{
    using K = pkcs11::ErrorKind;
    switch (kind) {
    case K::ModuleMissing:
        return TokenErrorKind::ModuleMissing;
    case K::ModuleFailed:
        return TokenErrorKind::ModuleFailed;
    case K::TokenNotFound:
        return TokenErrorKind::TokenNotFound;
    case K::TokenRemoved:
        return TokenErrorKind::TokenRemoved;
    case K::AmbiguousToken:
        return TokenErrorKind::AmbiguousToken;
    case K::WrongPin:
        return TokenErrorKind::WrongPin;
    case K::PinLocked:
        return TokenErrorKind::PinLocked;
    case K::PinPolicy:
        return TokenErrorKind::PinPolicy;
    case K::NotLoggedIn:
        return TokenErrorKind::NotLoggedIn;
    case K::TokenNotInitialized:
        return TokenErrorKind::TokenNotInitialized;
    case K::UserPinNotInitialized:
        return TokenErrorKind::UserPinNotInitialized;
    case K::MemoryFull:
        return TokenErrorKind::MemoryFull;
    case K::MechanismNotSupported:
        return TokenErrorKind::MechanismNotSupported;
    case K::KeySizeNotSupported:
        return TokenErrorKind::KeySizeNotSupported;
    case K::ObjectNotFound:
        return TokenErrorKind::ObjectNotFound;
    case K::InvalidInput:
        return TokenErrorKind::InvalidInput;
    case K::ReadOnly:
        return TokenErrorKind::ReadOnly;
    case K::Other:
        break;
    }
    return TokenErrorKind::Other;
}

TokenSnapshot snapshotOf(const pkcs11::TokenInfo& info)
{
    const auto& f = info.flags;
    return TokenSnapshot{
        .modulePath = info.modulePath,
        .slotId = info.slotId,
        .label = info.label,
        .manufacturer = info.manufacturer,
        .model = info.model,
        .serial = info.serial,
        .hardwareVersion = info.hardwareVersion,
        .firmwareVersion = info.firmwareVersion,
        .flags = TokenFlags{.tokenInitialized = f.tokenInitialized,
                            .userPinInitialized = f.userPinInitialized,
                            .loginRequired = f.loginRequired,
                            .protectedAuthenticationPath = f.protectedAuthenticationPath,
                            .writeProtected = f.writeProtected,
                            .userPinCountLow = f.userPinCountLow,
                            .userPinFinalTry = f.userPinFinalTry,
                            .userPinLocked = f.userPinLocked,
                            .userPinToBeChanged = f.userPinToBeChanged,
                            .soPinCountLow = f.soPinCountLow,
                            .soPinFinalTry = f.soPinFinalTry,
                            .soPinLocked = f.soPinLocked},
        .minPinLength = info.minPinLength,
        .maxPinLength = info.maxPinLength,
        .freePublicMemory = info.freePublicMemory,
        .freePrivateMemory = info.freePrivateMemory,
    };
}

TokenObject objectOf(const pkcs11::ObjectInfo& info)
{
    auto objectClass = [&] {
        switch (info.objectClass) {
        case pkcs11::ObjectClass::PrivateKey:
            return ObjectClass::PrivateKey;
        case pkcs11::ObjectClass::PublicKey:
            return ObjectClass::PublicKey;
        case pkcs11::ObjectClass::Certificate:
            return ObjectClass::Certificate;
        case pkcs11::ObjectClass::Data:
            return ObjectClass::Data;
        case pkcs11::ObjectClass::SecretKey:
            return ObjectClass::SecretKey;
        case pkcs11::ObjectClass::Other:
            break;
        }
        return ObjectClass::Other;
    };
    auto algorithm = [&] {
        switch (info.algorithm) {
        case pkcs11::KeyAlgorithm::Rsa:
            return KeyAlgorithm::Rsa;
        case pkcs11::KeyAlgorithm::Ec:
            return KeyAlgorithm::Ec;
        case pkcs11::KeyAlgorithm::Other:
            break;
        }
        return KeyAlgorithm::Other;
    };
    return TokenObject{.objectClass = objectClass(),
                       .id = info.id,
                       .label = info.label,
                       .algorithm = algorithm(),
                       .keyBits = info.keyBits,
                       .isPrivate = info.isPrivate,
                       .sensitive = info.sensitive,
                       .extractable = info.extractable,
                       .canSign = info.canSign,
                       .certificateCategory = info.certificateCategory,
                       .subject = info.subject};
}

GeneratedKey generatedKeyOf(const pkcs11::KeyPairInfo& info)
{
    return GeneratedKey{
        .id = info.id, .label = info.label, .type = fromTokenLayer(info.type), .publicKeyDer = info.publicKeyDer};
}

CoreError fromTokenError(const pkcs11::TokenError& error)
{
    return {CoreErrorKind::Token, QString::fromStdString(error.describe()), fromTokenLayer(error.kind)};
}

std::string keyTypeName(KeyType type)
{
    return pkcs11::keyTypeName(toTokenLayer(type));
}

std::optional<KeyType> parseKeyType(const std::string& name)
{
    const auto type = pkcs11::parseKeyType(name);
    return type ? std::optional(fromTokenLayer(*type)) : std::nullopt;
}

std::string objectClassName(ObjectClass objectClass)
{
    switch (objectClass) {
    case ObjectClass::PrivateKey:
        return pkcs11::objectClassName(pkcs11::ObjectClass::PrivateKey);
    case ObjectClass::PublicKey:
        return pkcs11::objectClassName(pkcs11::ObjectClass::PublicKey);
    case ObjectClass::Certificate:
        return pkcs11::objectClassName(pkcs11::ObjectClass::Certificate);
    case ObjectClass::Data:
        return pkcs11::objectClassName(pkcs11::ObjectClass::Data);
    case ObjectClass::SecretKey:
        return pkcs11::objectClassName(pkcs11::ObjectClass::SecretKey);
    case ObjectClass::Other:
        break;
    }
    return pkcs11::objectClassName(pkcs11::ObjectClass::Other);
}

std::string toHex(const std::vector<std::uint8_t>& bytes)
{
    return pkcs11::toHex(bytes);
}

std::optional<std::vector<std::uint8_t>> fromHex(const std::string& hex)
{
    return pkcs11::fromHex(hex);
}

TokenModules tokenModulesOf(std::vector<std::shared_ptr<pkcs11::Module>> modules)
{
    return TokenModules(std::make_shared<const TokenModules::Loaded>(TokenModules::Loaded{std::move(modules)}));
}

TokenModules::TokenModules() : m_loaded(std::make_shared<const Loaded>()) {}
TokenModules::~TokenModules() = default;
TokenModules::TokenModules(const TokenModules&) = default;
TokenModules& TokenModules::operator=(const TokenModules&) = default;
TokenModules::TokenModules(std::shared_ptr<const Loaded> loaded) : m_loaded(std::move(loaded)) {}

CoreResult<TokenModules> TokenModules::load(const std::vector<std::string>& paths)
{
    std::vector<std::shared_ptr<pkcs11::Module>> modules;
    for (const std::string& path : paths) {
        auto module = pkcs11::Module::load(path);
        if (!module)
            return std::unexpected(fromTokenError(module.error()));
        modules.push_back(*module);
    }
    return tokenModulesOf(std::move(modules));
}

std::string TokenModules::defaultModulePath()
{
    return pkcs11::defaultModulePath();
}

std::vector<RegisteredModule> TokenModules::registered()
{
    std::vector<RegisteredModule> list;
    for (const auto& module : pkcs11::registeredModules())
        list.push_back({module.name, module.path});
    return list;
}

namespace {

CoreResult<std::vector<TokenSnapshot>> everyToken(const TokenModules::Loaded& loaded, bool asLastSeen)
{
    std::vector<TokenSnapshot> all;
    for (const auto& module : loaded.modules) {
        auto tokens = asLastSeen ? module->tokensAsLastSeen() : module->tokens();
        if (!tokens)
            return std::unexpected(fromTokenError(tokens.error()));
        for (const auto& info : *tokens)
            all.push_back(snapshotOf(info));
    }
    return all;
}

} // namespace

CoreResult<std::vector<TokenSnapshot>> TokenModules::tokens() const
{
    return everyToken(*m_loaded, false);
}

CoreResult<std::vector<TokenSnapshot>> TokenModules::tokensAsLastSeen() const
{
    return everyToken(*m_loaded, true);
}

CoreResult<std::vector<TokenObject>> TokenModules::objects(const QString& serial, const Pin* pin) const
{
    std::optional<pkcs11::TokenError> lastError;
    for (const auto& module : m_loaded->modules) {
        auto found = module->findToken(serial.toStdString());
        if (!found) {
            lastError = found.error();
            continue;
        }
        auto objects = pkcs11::Token(module, serial.toStdString()).objects(pin);
        if (!objects)
            return std::unexpected(fromTokenError(objects.error()));
        std::vector<TokenObject> list;
        for (const auto& object : *objects)
            list.push_back(objectOf(object));
        return list;
    }
    if (lastError)
        return std::unexpected(fromTokenError(*lastError));
    return coreError(CoreErrorKind::Token, QStringLiteral("no PKCS#11 module is configured"));
}

} // namespace tamga::core
