// Secrets the desk must keep for later: a token's SO PIN, random per token, and a prepared token's initial PIN until
// its officer sets their own. They are stored only encrypted (AES-256-GCM, bound to the token's serial and the kind
// of secret) under the desk key. The desk key is 32 random bytes that exist on disk only wrapped, once for each
// supervisor who holds it, under a key derived from that supervisor's password with scrypt (its own salt: the
// password hash in `operators` says nothing about it). A supervisor's sign-in unwraps it for the work in hand; it
// lives in a wiping buffer and is never written anywhere. Every secret sealed or opened is audited (never the
// secret itself).
//
// So that a clerk's work (no desk key) can seal too, the desk also has a sealing key pair (X25519): its public half
// is kept in clear, its private half only under the desk key. A secret is sealed to the public half (an ephemeral
// X25519 agreement, HKDF-SHA256, AES-256-GCM bound to the token's serial and the kind); opening it needs the private
// half, so again a supervisor's desk key. Secrets sealed before the pair existed stay readable with the desk key.
#pragma once

#include "tamga/core/CoreError.h"
#include "tamga/core/Operators.h"
#include "tamga/secret/SecretBuffer.h"

#include <QByteArray>
#include <QString>

#include <optional>

namespace tamga::core {

class AuditTrail;
class Database;

enum class SecretKind { SoPin, InitialPin };
QString secretKindName(SecretKind kind); // "so_pin", "initial_pin"

// The unwrapped desk key, for one piece of work: it seals and opens. A clerk's is the public sealing key alone
// (SealedSecrets::sealingKey): it seals, and opens nothing.
class DeskKey {
public:
    DeskKey() = default;
    explicit DeskKey(SecretBuffer bytes) : m_bytes(std::move(bytes)) {}
    DeskKey(SecretBuffer bytes, QByteArray sealingPublic, SecretBuffer sealingPrivate)
        : m_bytes(std::move(bytes)), m_sealingPublic(std::move(sealingPublic)),
          m_sealingPrivate(std::move(sealingPrivate))
    {
    }
    static DeskKey sealOnly(QByteArray sealingPublic) { return DeskKey({}, std::move(sealingPublic), {}); }

    const SecretBuffer& bytes() const { return m_bytes; }
    const QByteArray& sealingPublic() const { return m_sealingPublic; }
    const SecretBuffer& sealingPrivate() const { return m_sealingPrivate; }
    bool empty() const { return m_bytes.empty() && m_sealingPublic.isEmpty(); }
    bool canOpen() const { return !m_bytes.empty(); }

private:
    SecretBuffer m_bytes;
    QByteArray m_sealingPublic;
    SecretBuffer m_sealingPrivate;
};

class SealedSecrets {
public:
    explicit SealedSecrets(const Database& database) : m_database(database) {}

    // The desk key, unwrapped with a supervisor's own password (checked as a sign-in is, failures audited). The
    // first supervisor to ask makes it. A supervisor who does not hold it is told to ask one who does to share it.
    [[nodiscard]] CoreResult<DeskKey> unlock(const QString& supervisorName, const Password& password) const;
    // The desk's public sealing key, for work that seals without a supervisor (a clerk's batch): nullopt until a
    // supervisor's first unlock made the pair.
    [[nodiscard]] CoreResult<std::optional<DeskKey>> sealingKey() const;
    // Wraps the desk key for another supervisor, who types their own password; audited.
    [[nodiscard]] CoreStatus share(const Operator& by, const DeskKey& key, const QString& supervisorName,
                                   const Password& theirPassword) const;

    // Inside a change: stores `secret` for the token, replacing an earlier one of that kind; adds the event.
    [[nodiscard]] CoreStatus seal(AuditTrail& trail, const Operator& by, const DeskKey& key, const QString& serial,
                                  SecretKind kind, const Pin& secret) const;
    // Opens a sealed secret for use on its token (audited as used: who, which token, which kind).
    [[nodiscard]] CoreResult<Pin> open(const Operator& by, const DeskKey& key, const QString& serial,
                                       SecretKind kind) const;
    // The SO PIN a new token is about to be initialized with, sealed for its enrollment in a change of its own
    // before the token is touched (SealedSecrets.cpp says why); `clearPending` drops it inside the change that
    // seals it for the token.
    [[nodiscard]] CoreStatus sealPending(const Operator& by, const DeskKey& key, qint64 enrollmentId,
                                         const Pin& soPin) const;
    // The pending SO PIN of the enrollment, if one is kept (opening it is audited).
    [[nodiscard]] CoreResult<std::optional<Pin>> openPending(const Operator& by, const DeskKey& key,
                                                             qint64 enrollmentId) const;
    [[nodiscard]] CoreStatus clearPending(qint64 enrollmentId) const;
    // Whether the token has a sealed secret of that kind.
    [[nodiscard]] CoreResult<bool> has(const QString& serial, SecretKind kind) const;
    // Forgets a secret that is no longer true (the officer set their own PIN), inside the caller's change.
    [[nodiscard]] CoreStatus forget(AuditTrail& trail, const Operator& by, const QString& serial,
                                    SecretKind kind) const;

    // A PIN of `digits` random digits from OpenSSL's generator: a token's SO PIN or initial PIN that nobody chose.
    static Pin randomPin(int digits);

private:
    const Database& m_database;
};

} // namespace tamga::core
