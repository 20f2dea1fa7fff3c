// The enrollment engine: for one officer and one token, make the key on the token, build the request from the
// officer's record, get the certificate from the CA, write it and its chain onto the token, and prove that the
// token holds exactly what it should. The CLI and the GUI both call this; neither sequences token or CA calls.
//
// Every state change is one transaction with its audit event. The certificate is stored in the database before
// it is written to the token, and the key is found again by its label and ID, so a process killed at any point
// resumes with exactly one key pair and one certificate on the token.
#pragma once

#include "tamga/core/CaConnector.h"
#include "tamga/core/CertificateChecks.h"
#include "tamga/core/CoreError.h"
#include "tamga/core/Operators.h"
#include "tamga/core/Tokens.h"
#include "tamga/secret/SecretBuffer.h"

#include <QString>

#include <functional>
#include <memory>
#include <optional>
#include <vector>

namespace tamga::pkcs11 {
class Token;      // the steps' own business (EnrollmentSteps.cpp); nothing above the core sees it
struct TokenInfo; // the same
} // namespace tamga::pkcs11

namespace tamga::core {

class Database;

enum class EnrollmentState {
    Created,
    TokenPrepared,
    KeyGenerated,
    RequestBuilt,
    Submitted,
    CertificateReceived,
    WrittenToToken,
    Verified,
    HandedOver,
    Failed,
    Cancelled,
};

QString stateName(EnrollmentState state); // "created", "token_prepared", ...
std::optional<EnrollmentState> parseState(const QString& name);

// Every state, in the order an enrollment passes through them.
const std::vector<EnrollmentState>& allEnrollmentStates();

// What the states mean, said once for the engine and every screen:
// the certificate is on the token and checked (verified, handed over);
bool hasVerifiedCertificate(EnrollmentState state);
// the engine takes no further step (verified, handed over, failed, cancelled);
bool isSettled(EnrollmentState state);
// still the desk's business (anything but handed over, failed, cancelled: a verified one waits for its hand-over);
bool isOpenAtDesk(EnrollmentState state);
// stopped part-way through the token work, to be resumed when the token is back (not settled, not waiting for a
// CA's answer).
bool isInterrupted(EnrollmentState state);

struct EnrollmentRecord {
    qint64 id = 0;
    qint64 officerId = 0;
    QString officerName;
    QString organizationName;
    QString tokenSerial;
    QString profileName;
    QString caName;
    EnrollmentState state = EnrollmentState::Created;
    QString keyIdHex;
    QByteArray requestPem;
    QString caReference;
    QString lastError;
    QString createdAt;
    QString updatedAt;
    std::optional<CertificateSummary> certificate;
};

class DeskKey;

// Initializing the token as part of the enrollment (erases it).
struct TokenPreparation {
    QString label;
    Pin soPin;
    // With the desk key: the SO PIN is sealed for the token in the same transaction that records it prepared, and
    // with `sealUserPin` the user PIN too, as the initial PIN of a token prepared before its officer comes.
    const DeskKey* sealWith = nullptr;
    bool sealUserPin = false;
};

// Called as the engine reaches each state (and with progress text inside long steps).
using ProgressSink = std::function<void(EnrollmentState state, const QString& message)>;

class EnrollmentEngine {
public:
    EnrollmentEngine(const Database& database, const CaConnectors& connectors, TokenModules modules);

    // Records a new enrollment (state "created"). Checks that the officer, profile and CA exist, that the profile
    // makes a subject for this officer, and that the token is not another officer's: one still being enrolled
    // on it refuses, one who holds a key on it refuses unless `erasesToken` (the run initializes it again).
    // `linkInside` runs in the same transaction with the new id (a batch records that its officer started).
    [[nodiscard]] CoreResult<qint64> create(const Operator& by, qint64 officerId, const QString& tokenSerial,
                                            const QString& profileName, const QString& caName, bool erasesToken = false,
                                            const std::function<CoreStatus(qint64)>& linkInside = {}) const;

    // Carries the enrollment on from its stored state: to "verified", or to "submitted" when the CA answers
    // later. On failure the error says what went wrong; the state stays where it was, ready to resume.
    [[nodiscard]] CoreResult<EnrollmentRecord> run(const Operator& by, qint64 id, const Pin& userPin,
                                                   const TokenPreparation* preparation,
                                                   const ProgressSink& progress = {}) const;
    // The same, stopping once the enrollment reaches `until` (a batch prepares each new token on its own before
    // the slow work on the prepared tokens goes to workers side by side).
    [[nodiscard]] CoreResult<EnrollmentRecord> runUntil(const Operator& by, qint64 id, const Pin& userPin,
                                                        const TokenPreparation* preparation, EnrollmentState until,
                                                        const ProgressSink& progress = {}) const;

    // Marks a verified enrollment as handed over to its officer. `acceptance` (columns: the officer's signed
    // acceptance, HandOver.h) is stored and `alsoInside` run in the same transaction.
    [[nodiscard]] CoreResult<EnrollmentRecord>
    handOver(const Operator& by, qint64 id, const QVariantMap& acceptance = {},
             const std::function<CoreStatus(class AuditTrail&)>& alsoInside = {}) const;

    // The offline exchange. Export writes the requests waiting at `caName` into `folder` (PEM + manifest).
    [[nodiscard]] CoreResult<int> exportRequests(const Operator& by, const QString& caName,
                                                 const QString& folder) const;
    struct ImportOutcome {
        int received = 0;     // certificates accepted and stored
        int waiting = 0;      // requests still without a certificate
        QStringList refusals; // "enrollment #N: reason"
        QStringList files;    // every file's fate: "cert.pem: the certificate of enrollment #3, accepted"
        QStringList missing;  // "enrollment #N (officer)": requests the answer has no certificate for
        QStringList extra;    // "file: why": files whose certificates fit no waiting request
    };
    // Import reads `folderOrFile` (the CA's folder, or one file such as a PKCS#7 bundle) once, matches its
    // certificates to waiting requests by public key, checks them (of several for one key, the newest that passes)
    // and stores them ("certificate received"): `resume` then writes each onto its token when it comes back. Every
    // file's fate is in the outcome. With `onlyEnrollments`, only those requests are matched (a batch's).
    [[nodiscard]] CoreResult<ImportOutcome> importCertificates(const Operator& by, const QString& caName,
                                                               const QString& folderOrFile,
                                                               const QList<qint64>& onlyEnrollments = {}) const;

private:
    struct Context;
    // One step from the record's state to the next (EnrollmentSteps.cpp), each state's work in its own function.
    [[nodiscard]] CoreStatus step(Context& context) const;
    [[nodiscard]] CoreStatus prepareToken(Context& context) const;
    [[nodiscard]] CoreStatus generateKey(Context& context) const;
    [[nodiscard]] CoreStatus buildRequest(Context& context) const;
    [[nodiscard]] CoreStatus submitRequest(Context& context) const;
    [[nodiscard]] CoreStatus collectCertificate(Context& context) const;
    [[nodiscard]] CoreStatus writeCertificate(Context& context) const;
    [[nodiscard]] CoreStatus readTokenBack(Context& context) const;
    [[nodiscard]] CoreStatus locateToken(Context& context) const;
    [[nodiscard]] CoreStatus sealPreparedSecrets(Context& context, class AuditTrail& trail, const QString& serial,
                                                 const Pin& soPin) const;
    [[nodiscard]] CoreResult<pkcs11::TokenInfo> takeUpInitializedToken(Context& context, const Pin& soPin) const;
    [[nodiscard]] CoreResult<pkcs11::Token*> workToken(Context& context) const;
    // Moves the enrollment to `to` in one transaction with its audit event; `inside` runs in that transaction and
    // may add events of its own (a sealed secret).
    [[nodiscard]] CoreStatus transition(Context& context, EnrollmentState to, const QVariantMap& columns,
                                        const QJsonObject& details,
                                        const std::function<CoreStatus(AuditTrail&)>& inside = {}) const;
    [[nodiscard]] CoreStatus storeReceived(Context& context, const CertificateSummary& certificate) const;
    [[nodiscard]] CoreStatus verifyToken(Context& context, const pkcs11::Token& token) const;
    [[nodiscard]] CoreStatus recordFailure(const Operator& by, qint64 id, EnrollmentState state,
                                           const CoreError& error) const;
    [[nodiscard]] CoreResult<CertificateSummary> acceptCertificate(const Operator& by, const EnrollmentRecord& record,
                                                                   const CaResponse& response) const;

    const Database& m_database;
    const CaConnectors& m_connectors;
    TokenModules m_modules;
};

} // namespace tamga::core
