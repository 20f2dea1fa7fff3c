// Every action that changes a token, for every front end: the desk's worker, tamga-cli and the enrollment engine
// reach the token layer's changing calls only through here. Each action takes the signed-in operator, checks
// that the operator's role may do it, and records one audit event with the token's serial and the outcome:
// done, refused to the role, or failed (with the token's error). Reading (listing tokens and their public
// objects) needs none of this.
//
// Who may do what (docs/ARCHITECTURE.md, "Roles"):
//   initialize a new token (never initialized)        clerk, supervisor
//   initialize a token that was set up before (erase) supervisor
//   change the user PIN (the officer types both)      clerk, supervisor
//   unblock the user PIN with the SO PIN              supervisor
//   make a key pair outside an enrollment             supervisor
//   delete a key pair and its certificate             supervisor
#pragma once

#include "tamga/core/CoreError.h"
#include "tamga/core/Operators.h"
#include "tamga/pkcs11/Error.h"
#include "tamga/pkcs11/SecretBuffer.h"
#include "tamga/pkcs11/Types.h"

#include <QJsonObject>
#include <QString>

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <vector>

namespace tamga::pkcs11 {
class Module;
class Token;
} // namespace tamga::pkcs11

namespace tamga::core {

class Database;

enum class TokenAction { InitializeNew, Erase, ChangePin, UnblockPin, GenerateKey, DeleteKey };

// The audit action of each: "token.initialize", "token.erase", "token.change_pin", "token.unblock_pin",
// "token.generate_key", "token.delete_key".
QString tokenActionName(TokenAction action);
bool roleMay(Role role, TokenAction action);

// A token layer error as a core error that keeps its kind (for the clerk's headline) and its CK_RV (in the text).
CoreError fromTokenError(const pkcs11::TokenError& error);

class TokenService {
public:
    TokenService(const Database& database, std::vector<std::shared_ptr<pkcs11::Module>> modules);

    // `serial` empty: the token that was never initialized. Initializing a token that was set up before erases
    // it and is a supervisor's action. Returns the token as it is afterwards (its serial may be new).
    [[nodiscard]] CoreResult<pkcs11::TokenInfo> initialize(const Operator& by, const QString& serial,
                                                           const QString& label, const pkcs11::Pin& soPin,
                                                           const pkcs11::Pin& userPin) const;
    [[nodiscard]] CoreStatus changePin(const Operator& by, const QString& serial, const pkcs11::Pin& oldPin,
                                       const pkcs11::Pin& newPin) const;
    [[nodiscard]] CoreStatus unblockPin(const Operator& by, const QString& serial, const pkcs11::Pin& soPin,
                                        const pkcs11::Pin& newPin) const;
    [[nodiscard]] CoreResult<pkcs11::KeyPairInfo> generateKey(const Operator& by, const QString& serial,
                                                              const pkcs11::Pin& pin, pkcs11::KeyType type,
                                                              const QString& label) const;
    [[nodiscard]] CoreStatus deleteKey(const Operator& by, const QString& serial, const pkcs11::Pin& pin,
                                       const std::vector<std::uint8_t>& id) const;

private:
    // Refuses (NotPermitted, audited) when `by` may not do `action` on the token `serial`.
    [[nodiscard]] CoreStatus permit(const Operator& by, TokenAction action, const QString& serial) const;
    // Locates the token, checks the role, makes `call` on it (which may add to the event's details) and records
    // the outcome.
    [[nodiscard]] CoreStatus onToken(const Operator& by, TokenAction action, const QString& serial,
                                     const std::function<pkcs11::Status(const pkcs11::Token&, QJsonObject&)>& call,
                                     QJsonObject details = {}) const;
    // Records the outcome of an action that ran; returns `error` (or success) as it was.
    [[nodiscard]] CoreStatus record(const Operator& by, TokenAction action, const QString& serial,
                                    const std::optional<pkcs11::TokenError>& error,
                                    const QJsonObject& details = {}) const;

    const Database& m_database;
    std::vector<std::shared_ptr<pkcs11::Module>> m_modules;
};

} // namespace tamga::core
