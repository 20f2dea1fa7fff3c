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
//   delete the key a verified renewal replaced         clerk, supervisor (Renewals checks the new one first)
#pragma once

#include "tamga/core/CoreError.h"
#include "tamga/core/Operators.h"
#include "tamga/core/Tokens.h"
#include "tamga/secret/SecretBuffer.h"

#include <QJsonObject>
#include <QString>

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <vector>

namespace tamga::core {

class Database;
class DeskKey;

enum class TokenAction { InitializeNew, Erase, ChangePin, UnblockPin, GenerateKey, DeleteKey, RetireRenewedKey };

// Why an officer's PIN is set anew at the desk: locked by wrong tries, or forgotten. Kept in the audit event.
enum class PinTrouble { Locked, Forgotten };
QString pinTroubleName(PinTrouble trouble); // "locked", "forgotten"

// The audit action of each: "token.initialize", "token.erase", "token.change_pin", "token.unblock_pin",
// "token.generate_key", "token.delete_key".
QString tokenActionName(TokenAction action);
bool roleMay(Role role, TokenAction action);

class TokenService {
public:
    TokenService(const Database& database, TokenModules modules);

    // `serial` empty: the token that was never initialized. Initializing a token that was set up before erases
    // it and is a supervisor's action. Returns the token as it is afterwards (its serial may be new).
    [[nodiscard]] CoreResult<TokenSnapshot> initialize(const Operator& by, const QString& serial, const QString& label,
                                                       const Pin& soPin, const Pin& userPin) const;
    [[nodiscard]] CoreStatus changePin(const Operator& by, const QString& serial, const Pin& oldPin,
                                       const Pin& newPin) const;
    [[nodiscard]] CoreStatus unblockPin(const Operator& by, const QString& serial, const Pin& soPin,
                                        const Pin& newPin) const;
    // The PIN service: the user PIN set to `newPin` (the officer types it) with the token's
    // SO PIN from the desk's sealed store, opened with a supervisor's desk key; never typed, never shown. A token
    // whose SO PIN the desk does not hold is refused with a message that says so (NotFound). A prepared token's
    // sealed initial PIN is forgotten: it is no longer the PIN.
    [[nodiscard]] CoreStatus unblockWithSealedSoPin(const Operator& by, const DeskKey& key, const QString& serial,
                                                    const Pin& newPin, PinTrouble trouble) const;
    [[nodiscard]] CoreResult<GeneratedKey> generateKey(const Operator& by, const QString& serial, const Pin& pin,
                                                       KeyType type, const QString& label) const;
    [[nodiscard]] CoreStatus deleteKey(const Operator& by, const QString& serial, const Pin& pin,
                                       const std::vector<std::uint8_t>& id) const;
    // The old key pair and certificate of a renewal, once the new certificate is verified (Renewals::complete
    // checks that): the officer's PIN, the clerk at the desk.
    [[nodiscard]] CoreStatus retireRenewedKey(const Operator& by, const QString& serial, const Pin& pin,
                                              const std::vector<std::uint8_t>& id) const;
    // A token back from its officer (returned, blocked), made ready for someone else: initialized again with the
    // SO PIN the desk sealed for it (`key`: a supervisor's desk key), which erases its keys and certificates, and
    // put in the stock as "wiped" with `reason`. Refused while a certificate on it is still valid (revoke it
    // first) or when the stock does not allow it. The next batch run of a supervisor takes a wiped token plugged
    // in before a blank one (TokenReissue.cpp).
    [[nodiscard]] CoreResult<TokenSnapshot> wipeForReissue(const Operator& by, const DeskKey& key,
                                                           const QString& serial, const QString& reason) const;

private:
    // Refuses (NotPermitted, audited) when `by` may not do `action` on the token `serial`.
    [[nodiscard]] CoreStatus permit(const Operator& by, TokenAction action, const QString& serial) const;
    // Locating the token, making the call and recording its outcome are in TokenService.cpp (they speak the token
    // layer's types, which stay behind the core).
    struct Calls;
    friend struct Calls;

    const Database& m_database;
    TokenModules m_modules;
};

} // namespace tamga::core
