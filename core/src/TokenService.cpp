#include "tamga/core/TokenService.h"
#include "tamga/core/SealedSecrets.h"

#include "TokenLayer.h"
#include "tamga/core/AuditLog.h"
#include "tamga/core/Database.h"
#include "tamga/pkcs11/Token.h"

namespace tamga::core {

namespace {

// The token with this serial in whichever module has it, or the error of the last module asked.
pkcs11::Result<std::pair<std::shared_ptr<pkcs11::Module>, pkcs11::TokenInfo>>
locate(const std::vector<std::shared_ptr<pkcs11::Module>>& modules, const QString& serial)
{
    pkcs11::TokenError lastError{pkcs11::ErrorKind::TokenNotFound,  "find token", 0, "",
                                 "no PKCS#11 module is configured", std::nullopt};
    for (const auto& module : modules) {
        auto found = serial.isEmpty() ? module->findUninitializedToken() : module->findToken(serial.toStdString());
        if (found)
            return std::make_pair(module, *found);
        lastError = found.error();
    }
    return std::unexpected(lastError);
}

} // namespace

QString tokenActionName(TokenAction action)
{
    switch (action) {
    case TokenAction::InitializeNew:
        return QStringLiteral("token.initialize");
    case TokenAction::Erase:
        return QStringLiteral("token.erase");
    case TokenAction::ChangePin:
        return QStringLiteral("token.change_pin");
    case TokenAction::UnblockPin:
        return QStringLiteral("token.unblock_pin");
    case TokenAction::GenerateKey:
        return QStringLiteral("token.generate_key");
    case TokenAction::DeleteKey:
        return QStringLiteral("token.delete_key");
    case TokenAction::RetireRenewedKey:
        return QStringLiteral("token.retire_renewed_key");
    }
    return QStringLiteral("token.unknown");
}

bool roleMay(Role role, TokenAction action)
{
    if (role == Role::Supervisor)
        return true;
    // A clerk prepares new tokens for the officer in front of the desk and lets the officer change their PIN;
    // everything that destroys or replaces what a token holds is a supervisor's.
    return action == TokenAction::InitializeNew || action == TokenAction::ChangePin ||
           action == TokenAction::RetireRenewedKey;
}

struct TokenService::Calls {
    // Records the outcome of an action that ran; returns `error` (or success) as it was.
    [[nodiscard]] static CoreStatus record(const TokenService& service, const Operator& by, TokenAction action,
                                           const QString& serial, const std::optional<pkcs11::TokenError>& error,
                                           const QJsonObject& details = {});
    // Locates the token, checks the role, makes `call` on it (which may add to the event's details) and records
    // the outcome.
    [[nodiscard]] static CoreStatus
    onToken(const TokenService& service, const Operator& by, TokenAction action, const QString& serial,
            const std::function<pkcs11::Status(const pkcs11::Token&, QJsonObject&)>& call, QJsonObject details = {});
};

TokenService::TokenService(const Database& database, TokenModules modules)
    : m_database(database), m_modules(std::move(modules))
{
}

CoreStatus TokenService::permit(const Operator& by, TokenAction action, const QString& serial) const
{
    if (roleMay(by.role, action))
        return {};
    auto logged = AuditLog(m_database)
                      .record({by.name,
                               tokenActionName(action),
                               QStringLiteral("token"),
                               serial,
                               audit::Refused,
                               {{QStringLiteral("reason"), QStringLiteral("needs the supervisor role")},
                                {QStringLiteral("role"), roleName(by.role)}}});
    if (!logged)
        return std::unexpected(logged.error());
    return coreError(CoreErrorKind::NotPermitted, QStringLiteral("%1 is a %2; %3 of token %4 needs a supervisor")
                                                      .arg(by.name, roleName(by.role), tokenActionName(action),
                                                           serial.isEmpty() ? QStringLiteral("(new)") : serial));
}

CoreStatus TokenService::Calls::record(const TokenService& service, const Operator& by, TokenAction action,
                                       const QString& serial, const std::optional<pkcs11::TokenError>& error,
                                       const QJsonObject& details)
{
    const Database& m_database = service.m_database;
    QJsonObject all = details;
    if (error) {
        all.insert(QStringLiteral("error"), QString::fromStdString(error->describe()));
        all.insert(QStringLiteral("ckr"), static_cast<double>(error->returnCode));
    }
    // The token changed (or refused) outside the database: the event is the whole record of it.
    auto logged = AuditLog(m_database)
                      .record({by.name, tokenActionName(action), QStringLiteral("token"), serial,
                               error ? audit::Failed : audit::Ok, all});
    if (error)
        return std::unexpected(fromTokenError(*error));
    if (!logged)
        return std::unexpected(logged.error());
    return {};
}

CoreResult<TokenSnapshot> TokenService::initialize(const Operator& by, const QString& serial, const QString& label,
                                                   const Pin& soPin, const Pin& userPin) const
{
    auto found = locate(modulesOf(m_modules), serial);
    if (!found)
        return std::unexpected(fromTokenError(found.error()));
    const auto& [module, info] = *found;
    const TokenAction action = info.flags.tokenInitialized ? TokenAction::Erase : TokenAction::InitializeNew;
    if (auto allowed = permit(by, action, serial); !allowed)
        return std::unexpected(allowed.error());
    auto done = pkcs11::Token::initialize(module, info, soPin, label.toStdString(), userPin);
    const QString newSerial = done ? QString::fromStdString(done->serial) : serial;
    auto recorded = Calls::record(
        *this, by, action, newSerial, done ? std::nullopt : std::optional(done.error()),
        {{QStringLiteral("label"), label}, {QStringLiteral("model"), QString::fromStdString(info.model)}});
    if (!recorded)
        return std::unexpected(recorded.error());
    return snapshotOf(*done);
}

CoreStatus TokenService::Calls::onToken(const TokenService& service, const Operator& by, TokenAction action,
                                        const QString& serial,
                                        const std::function<pkcs11::Status(const pkcs11::Token&, QJsonObject&)>& call,
                                        QJsonObject details)
{
    auto found = locate(modulesOf(service.m_modules), serial);
    if (!found)
        return std::unexpected(fromTokenError(found.error()));
    if (auto allowed = service.permit(by, action, serial); !allowed)
        return allowed;
    auto done = call(pkcs11::Token(found->first, serial.toStdString()), details);
    return record(service, by, action, serial, done ? std::nullopt : std::optional(done.error()), details);
}

CoreStatus TokenService::changePin(const Operator& by, const QString& serial, const Pin& oldPin,
                                   const Pin& newPin) const
{
    return Calls::onToken(*this, by, TokenAction::ChangePin, serial, [&](const pkcs11::Token& token, QJsonObject&) {
        return token.changeUserPin(oldPin, newPin);
    });
}

CoreStatus TokenService::unblockPin(const Operator& by, const QString& serial, const Pin& soPin,
                                    const Pin& newPin) const
{
    return Calls::onToken(*this, by, TokenAction::UnblockPin, serial, [&](const pkcs11::Token& token, QJsonObject&) {
        return token.setUserPinWithSoPin(soPin, newPin);
    });
}

// The PIN service at the desk: an officer comes back with a locked (or forgotten) PIN; a supervisor unblocks it with
// the token's SO PIN from the desk's sealed store, opened with the supervisor's desk key on the worker (never typed,
// never shown), and the officer types the new PIN.
QString pinTroubleName(PinTrouble trouble)
{
    return trouble == PinTrouble::Forgotten ? QStringLiteral("forgotten") : QStringLiteral("locked");
}

CoreStatus TokenService::unblockWithSealedSoPin(const Operator& by, const DeskKey& key, const QString& serial,
                                                const Pin& newPin, PinTrouble trouble) const
{
    if (auto allowed = permit(by, TokenAction::UnblockPin, serial); !allowed)
        return allowed;
    const SealedSecrets secrets(m_database);
    auto known = secrets.has(serial, SecretKind::SoPin);
    if (!known)
        return std::unexpected(known.error());
    if (!*known)
        return coreError(CoreErrorKind::NotFound,
                         QStringLiteral("the desk keeps no SO PIN for token %1 (its SO PIN was typed when it was set "
                                        "up, or it was set up elsewhere): a supervisor unblocks it with the SO PIN "
                                        "from the token's papers")
                             .arg(serial));
    auto soPin = secrets.open(by, key, serial, SecretKind::SoPin);
    if (!soPin)
        return std::unexpected(soPin.error());
    auto done = Calls::onToken(*this, by, TokenAction::UnblockPin, serial,
                               [&](const pkcs11::Token& token, QJsonObject& details) {
                                   details.insert(QStringLiteral("so_pin"), QStringLiteral("sealed"));
                                   details.insert(QStringLiteral("why"), pinTroubleName(trouble));
                                   return token.setUserPinWithSoPin(*soPin, newPin);
                               });
    if (!done)
        return done;
    // A prepared token's sealed initial PIN is not its PIN any more: forgotten, so nobody hands it out.
    auto initial = secrets.has(serial, SecretKind::InitialPin);
    if (!initial)
        return std::unexpected(initial.error());
    if (*initial) {
        auto forgotten = AuditLog(m_database).change<bool>([&](AuditTrail& trail) -> CoreResult<bool> {
            if (auto removed = secrets.forget(trail, by, serial, SecretKind::InitialPin); !removed)
                return std::unexpected(removed.error());
            return true;
        });
        if (!forgotten)
            return std::unexpected(forgotten.error());
    }
    return {};
}

CoreResult<GeneratedKey> TokenService::generateKey(const Operator& by, const QString& serial, const Pin& pin,
                                                   KeyType type, const QString& label) const
{
    std::optional<pkcs11::KeyPairInfo> made;
    auto done = Calls::onToken(
        *this, by, TokenAction::GenerateKey, serial,
        [&](const pkcs11::Token& token, QJsonObject& details) -> pkcs11::Status {
            auto generated = token.generateKeyPair(pin, toTokenLayer(type), label.toStdString());
            if (!generated)
                return std::unexpected(generated.error());
            made = *generated;
            details.insert(QStringLiteral("id"), QString::fromStdString(pkcs11::toHex(generated->id)));
            return {};
        },
        {{QStringLiteral("type"), QString::fromStdString(keyTypeName(type))}, {QStringLiteral("label"), label}});
    if (!done)
        return std::unexpected(done.error());
    return generatedKeyOf(*made);
}

CoreStatus TokenService::deleteKey(const Operator& by, const QString& serial, const Pin& pin,
                                   const std::vector<std::uint8_t>& id) const
{
    return Calls::onToken(*this, by, TokenAction::DeleteKey, serial,
                          [&](const pkcs11::Token& token, QJsonObject&) { return token.deleteKeyPair(pin, id); },
                          {{QStringLiteral("id"), QString::fromStdString(pkcs11::toHex(id))}});
}

CoreStatus TokenService::retireRenewedKey(const Operator& by, const QString& serial, const Pin& pin,
                                          const std::vector<std::uint8_t>& id) const
{
    return Calls::onToken(*this, by, TokenAction::RetireRenewedKey, serial,
                          [&](const pkcs11::Token& token, QJsonObject&) { return token.deleteKeyPair(pin, id); },
                          {{QStringLiteral("id"), QString::fromStdString(pkcs11::toHex(id))}});
}

} // namespace tamga::core
