// Revocation applications: an officer (or their organization) asks at the desk for a certificate to be revoked.
// The operator who takes the application records the reason (RFC 5280's CRLReason), the officer's statement and
// the date of the event; a second operator, a supervisor, approves it (never the one who took it: the two-person
// rule, each refusal audited); then it is submitted through the certificate's own CA, once, and retried while the
// CA cannot be reached.
//
//   received ──▶ approved ──▶ submitted ──▶ confirmed
//       │            │
//       └────────────┴──▶ refused, withdrawn
//
// Every change is one audited transaction. The CA's confirmation (its CRL, verified against the certificate's issuer)
// is a step of its own, after submission.
#pragma once

#include "tamga/core/CoreError.h"
#include "tamga/core/Operators.h"
#include "tamga/secret/SecretBuffer.h"

#include <QSet>
#include <QString>

#include <optional>
#include <vector>

namespace tamga::core {

class CaConnectors;
class Database;

enum class RevocationState { Received, Approved, Submitted, Confirmed, Refused, Withdrawn };
QString revocationStateName(RevocationState state); // "received", "approved", ... as stored and typed
std::optional<RevocationState> parseRevocationState(const QString& name);

struct RevocationApplication {
    qint64 id = 0;
    qint64 certificateId = 0;
    qint64 enrollmentId = 0;
    QString officerName;
    QString certificateSerialHex;
    QString certificateFingerprint;
    QString caName;
    QString reason;    // RFC 5280 CRLReason name (isRevocationReason)
    QString statement; // the officer's words
    QString eventDate; // YYYY-MM-DD: when the key was compromised, the token lost, the post left
    RevocationState state = RevocationState::Received;
    QString takenBy;
    QString requestedAt;
    QString approvedBy;
    QString approvedAt;
    QString submittedAt;
    QString lastError;  // why the last submission failed (the application stays approved, to be retried)
    QString formSha256; // of the last form printed for the officer to sign
    QString confirmedAt;
    QString confirmation; // what confirmed it: the CRL, its issuer and date
    QString closingNote;  // why it was refused or withdrawn
};

// A certificate an application may be taken for: valid, issued through an enrollment at this desk.
struct RevocableCertificate {
    qint64 certificateId = 0;
    qint64 enrollmentId = 0;
    QString officerName;
    QString civilId;
    QString organization;
    QString serialHex;
    QString fingerprint; // SHA-256, lower-case hex: what the handover receipt's QR holds
    QString notAfter;
    QString caName;
    QString tokenSerial;
    qint64 openApplication = 0; // an application under way for it already, or 0
};

// What the lost-token action did (Revocations::tokenLost): each part is done once, and done again only if it was
// not (the action may be repeated after an interruption).
// The desk's own certificate and token that sign a revocation request for an offline CA (the desk setting
// batch.manifest_signer names the enrollment, as for a batch's bundle).
struct RequestSigner {
    qint64 enrollmentId = 0;
    const Pin* pin = nullptr;
    const class TokenModules* modules = nullptr;
};

struct LostTokenOutcome {
    qint64 revocationId = 0;      // the application for the certificate (key compromise), taken or found
    bool stockMarkedLost = false; // the token is lost in the stock (now or before)
    qint64 replacementBatch = 0;  // a batch of one for the officer: the next blank token plugged in is theirs
};

class Revocations {
public:
    explicit Revocations(const Database& database) : m_database(database) {}

    // Takes the application for the certificate of `enrollmentId` (its newest, still valid). Refused when that
    // certificate has an application under way already. Returns its id.
    [[nodiscard]] CoreResult<qint64> apply(const Operator& by, qint64 enrollmentId, const QString& reason,
                                           const QString& statement, const QString& eventDate) const;
    // A token is not handed over with a certificate that is revoked or has an application under way: Conflict,
    // with the application's number. Checked by every hand-over (EnrollmentEngine::handOver, HandOver).
    [[nodiscard]] CoreStatus allowsHandOver(qint64 enrollmentId) const;
    // The enrollments that check refuses, for the lists of the desk.
    [[nodiscard]] CoreResult<QSet<qint64>> enrollmentsNotToHandOver() const;
    // The valid certificates of officers whose names, civil ID or organization match `search` (as the registry
    // searches), or the one whose serial or SHA-256 fingerprint it is (the receipt's QR as a scanner types it:
    // any case, colons or spaces between the bytes). At most 100, the newest first.
    [[nodiscard]] CoreResult<std::vector<RevocableCertificate>> revocable(const QString& search) const;
    [[nodiscard]] CoreResult<std::vector<RevocationApplication>> list(std::optional<RevocationState> state = {}) const;
    [[nodiscard]] CoreResult<RevocationApplication> find(qint64 id) const;
    // An officer reports the token with their certificate lost: one action that takes the revocation application
    // (key compromise: whoever finds it holds the key, behind its PIN), marks the token lost in the stock, and
    // prepares the replacement: a batch of one for the officer with the same profile and CA, worked with the
    // next blank token at the desk. The application then follows the two-person rule like any other.
    [[nodiscard]] CoreResult<LostTokenOutcome> tokenLost(const Operator& by, qint64 enrollmentId,
                                                         const QString& statement, const QString& eventDate) const;
    // A supervisor who did not take the application; a refusal of the rule is audited.
    [[nodiscard]] CoreStatus approve(const Operator& by, qint64 id) const;
    // A supervisor turns it down, or the officer withdraws it, before it is submitted; `why` is kept.
    [[nodiscard]] CoreStatus refuse(const Operator& by, qint64 id, const QString& why) const;
    [[nodiscard]] CoreStatus withdraw(const Operator& by, qint64 id, const QString& why) const;
    // Records that the form was printed (its SHA-256), audited.
    [[nodiscard]] CoreStatus recordForm(const Operator& by, qint64 id, const QString& sha256) const;
    // Sends an approved application to the certificate's CA. A CA that cannot be reached leaves it approved with
    // the error (submit again later); one submitted already, or being submitted by another process, is not sent.
    // To an offline CA (files) the request goes into its folder with its SHA-256 (`revoke-SERIAL.json.sha256`),
    // and with `signer` a detached CMS signature by the desk's own token (`.p7s`, which `openssl cms -verify`
    // checks); the CA's operator answers with a CRL, imported by `confirm`.
    [[nodiscard]] CoreResult<RevocationApplication> submit(const Operator& by, qint64 id,
                                                           const CaConnectors& connectors,
                                                           const struct RequestSigner* signer = nullptr) const;

    // The CA's word that the certificate is revoked, signed by the certificate's own issuer: the CRL file the CA's
    // operator gave (`crlFile`) lists the serial; else the CA's OCSP responder (the connector's ocspUrl or the one
    // the certificate names) answers "revoked"; else the CRL fetched from the CA lists it. Only then is the
    // application confirmed and the certificate marked revoked; otherwise it stays submitted. (A CMP CA's answer
    // to the revocation request confirms it at submission.)
    [[nodiscard]] CoreResult<RevocationApplication>
    confirm(const Operator& by, qint64 id, const CaConnectors& connectors, const QString& crlFile = {}) const;

private:
    // The offline CA's request file: its SHA-256 written beside it, and signed when asked. Returns what is noted.
    [[nodiscard]] CoreResult<QString> sealOfflineRequest(const struct CaConfig& config, const QString& serialHex,
                                                         const RequestSigner* signer) const;
    [[nodiscard]] CoreStatus markConfirmed(const Operator& by, const RevocationApplication& application,
                                           const QString& confirmation) const;
    [[nodiscard]] CoreResult<RevocationApplication>
    confirmedBy(const Operator& by, const RevocationApplication& application, const QString& confirmation) const;
    // Moves the application from `from` to `to` inside one audited change, setting `columns` too.
    [[nodiscard]] CoreStatus move(const Operator& by, qint64 id, RevocationState from, RevocationState to,
                                  const QString& action, const QString& setSql, const QVariantList& values,
                                  const QString& note) const;

    const Database& m_database;
};

} // namespace tamga::core
