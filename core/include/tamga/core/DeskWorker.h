// The desk's worker, for the GUI: every token call and every enrollment runs on the token layer's one worker
// thread; results come back as queued signals, states and error kinds as core's enums. Nothing here blocks the
// caller.
#pragma once

#include "tamga/core/BatchExchange.h"
#include "tamga/core/Enrollment.h"
#include "tamga/core/Operators.h"
#include "tamga/core/TokenService.h"
#include "tamga/core/Tokens.h"
#include "tamga/secret/SecretBuffer.h"

#include <QList>
#include <QMetaType>
#include <QObject>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>
#include <optional>
#include <vector>

namespace tamga::pkcs11 {
class TokenWorker; // the thread that owns every token call (core/src/DeskWorker.cpp)
}

namespace tamga::core {

// What a job asks for: everything is handed over by value (PINs in move-only buffers).
struct EnrollmentJob {
    Operator by;
    qint64 enrollmentId = 0; // 0: create a new one from the fields below
    qint64 officerId = 0;
    QString tokenSerial;
    QString profile;
    QString ca;
    Pin pin;
    std::optional<TokenPreparation> preparation;
};

class DeskKey;

// One round of a batch session at the desk: the batch's enrollments whose token is plugged in resumed, and each
// blank token taken for the next officer waiting (BatchRunner), or only the certificates written back.
struct BatchJob {
    Operator by;
    qint64 batchId = 0;
    std::optional<Pin> userPin;             // in person: the officer's PIN, typed at the desk
    std::shared_ptr<const DeskKey> deskKey; // a supervisor's: each token's random PINs sealed with it
    std::optional<Pin> soPin;               // a clerk's in-person session: the RA's SO PIN for new tokens
    bool writeBackOnly = false;
    // Tokens side by side (a USB hub), each in a worker process that signs in with `password` (the supervisor's,
    // through a pipe): BatchRunner::runInParallel. 1: the round works its tokens here, one after another.
    int tokensAtOnce = 1;
    std::optional<Password> password;
};

class DeskWorker : public QObject {
    Q_OBJECT
public:
    DeskWorker(QString databasePath, std::vector<std::string> modulePaths, QObject* parent = nullptr);
    ~DeskWorker() override;

    QList<TokenSnapshot> tokens() const;

    // The command-line program (tamga-cli) a batch round starts as worker processes to work tokens side by side;
    // without one, batch rounds work their tokens one after another.
    void setWorkerProgram(QString program) { m_workerProgram = std::move(program); }
    bool canWorkInParallel() const { return !m_workerProgram.isEmpty(); }

    // Runs (or resumes) an enrollment on the worker: progress and the outcome come back as signals.
    void enroll(EnrollmentJob job);

    // Token maintenance at the Tokens screen, through core's TokenService: the operator's role is checked and
    // every attempt audited. `serial` empty: the token that was never initialized.
    void initializeToken(Operator by, QString serial, QString label, Pin soPin, Pin userPin);
    void changePin(Operator by, QString serial, Pin oldPin, Pin newPin);
    void unblockPin(Operator by, QString serial, Pin soPin, Pin newPin);
    // The PIN service (TokenService::unblockWithSealedSoPin): the supervisor's password unlocks the desk key on the
    // worker, whose sealed SO PIN of the token sets the officer's new PIN. Reported as tokenOperationFinished.
    void unblockWithSealedSoPin(Operator by, Password password, QString serial, Pin newPin, PinTrouble trouble);
    // A returned token erased for re-issue (TokenService::wipeForReissue): the supervisor's password unlocks the
    // desk key on the worker, whose sealed SO PIN of the token erases it. Reported as tokenOperationFinished.
    void wipeForReissue(Operator by, Password password, QString serial, QString reason);
    // Looks at a token's public objects (no PIN) for keys Tamga made before: their labels end in "#<number>".
    void inspectToken(QString serial);

    // Lists the PKCS#11 modules p11-kit registers (loading them takes its time: done on the worker).
    void listRegisteredModules();
    // Connects to a shared registry (a postgresql:// URL) without writing to it, and says whether it holds a
    // Tamga registry with operators already (a desk joining it) or is empty (the office's first desk); reported as
    // registryChecked. The network is waited for here, never on the GUI thread.
    void checkRegistry(QString location);
    // The database later jobs open (the first-run setup switching to a shared registry).
    void setDatabasePath(const QString& location) { m_databasePath = location; }

    // Asks the CA for its certificates (the Settings screen's Test button).
    void testCa(QString name);

    // The hand-over's first signature: the officer's PIN makes the token sign the acceptance, which is verified
    // and kept with the hand-over (HandOver.h). The outcome comes back as handOverFinished.
    void handOverWithSignature(Operator by, qint64 enrollmentId, Pin officerPin);

    // One round of a batch session (BatchJob); progress as batchProgress, the outcome as batchRoundFinished.
    void runBatchRound(BatchJob job);

    // An offline batch's sealed bundle into `folder` (BatchExchange::exportSealed), signed by the desk's own token
    // when the desk's setting names its certificate (`signerPin`: that token's PIN); the outcome as bundleExported.
    void exportBundle(Operator by, qint64 batchId, QString folder, std::optional<Pin> signerPin);
    // The CA's answer for the batch (a folder or one PKCS#7 file), checked; the report as answerImported.
    void importAnswer(Operator by, qint64 batchId, QString folderOrFile);

    // A backup of the desk's database into `folder` (Backups::make: the desk keeps working, the copy's audit chain
    // verified); reported as backupFinished.
    void backUp(Operator by, QString folder);
    // A backup in `folder` put in place as the database of this worker (Backups::restore: nothing is written unless
    // every file matches the manifest and the copy's audit chain verifies); reported as restoreFinished.
    void restoreBackup(QString folder);

    // Starts the renewal of an issued certificate on its own token (Renewals::start): the new enrollment is then
    // run like any other (enroll with its id), and completes the renewal once verified. Reported as renewalStarted.
    void startRenewal(Operator by, qint64 oldEnrollmentId, bool revokeOld);

    // A revocation application sent to its CA, or confirmed from the CA's word (`crlFile`: the CA operator's CRL;
    // empty: the CA's OCSP responder or CRL) through Revocations; the outcome as revocationFinished.
    // `deskTokenPin`: an offline CA's request is signed by the desk's own token (the desk setting names its
    // enrollment).
    void submitRevocation(Operator by, qint64 applicationId, std::optional<Pin> deskTokenPin = std::nullopt);
    void confirmRevocation(Operator by, qint64 applicationId, QString crlFile);

Q_SIGNALS:
    void tokensChanged(const QList<tamga::core::TokenSnapshot>& present);
    void moduleFailed(const QString& message);
    void enrollmentCreated(qint64 id);
    void enrollmentProgress(qint64 id, tamga::core::EnrollmentState state, const QString& message);
    // On failure, enrollmentFailed (what kind of failure) comes just before enrollmentFinished.
    void enrollmentFailed(qint64 id, tamga::core::CoreErrorKind kind, tamga::core::TokenErrorKind tokenErrorKind);
    // `state`: where the enrollment stands now (none when it could not be created).
    void enrollmentFinished(qint64 id, bool succeeded, std::optional<tamga::core::EnrollmentState> state,
                            const QString& error);
    void tokenOperationFinished(bool succeeded, const QString& message);
    void caTested(const QString& name, bool succeeded, const QString& message);
    void handOverFinished(qint64 enrollmentId, bool succeeded, const QString& message,
                          tamga::core::TokenErrorKind tokenErrorKind);
    void batchProgress(qint64 batchId, tamga::core::EnrollmentState state, const QString& message);
    // `lines`: one per officer worked (who, which token, how it ended); `error` when the round could not start, or
    // a worker process of a parallel round did not finish (its officers stay resumable).
    void batchRoundFinished(qint64 batchId, int done, int failed, int waiting, const QStringList& lines,
                            const QString& error);
    void tokenInspected(const QString& serial, const QStringList& tamgaKeyLabels);
    // `error` empty: the bundle was written and its seal recorded.
    void bundleExported(qint64 batchId, const tamga::core::SealedBundle& bundle, const QString& error);
    void answerImported(qint64 batchId, const tamga::core::AnswerReport& report, const QString& error);
    // `message`: where the backup is and what it holds, or why there is none.
    void backupFinished(bool succeeded, const QString& message);
    void restoreFinished(bool succeeded, const QString& message);
    // `newEnrollmentId` 0 and `error` when it could not start.
    void renewalStarted(qint64 oldEnrollmentId, qint64 newEnrollmentId, const QString& error);
    // `message`: what the CA said (submitted, confirmed and by what) or why it did not.
    void revocationFinished(qint64 applicationId, bool succeeded, const QString& message);
    // Names, paths and the Debian package that installed each (empty: none did), in the same order.
    // `hasOperators`: the registry is in use (a desk joins it); `message`: why it cannot be used.
    void registryChecked(const QString& location, bool usable, bool hasOperators, const QString& message);
    void registeredModulesListed(const QStringList& names, const QStringList& paths, const QStringList& packages);

private:
    // Runs `action` on the worker with its own database connection and a TokenService, and reports the outcome
    // as tokenOperationFinished.
    void runTokenAction(std::function<CoreResult<QString>(const class TokenService&)> action);
    // Runs one Revocations call that reaches the CA on the worker, and reports it as revocationFinished.
    using RevocationCall = std::function<CoreResult<struct RevocationApplication>(
        const class Revocations&, const class Database&, const class CaConnectors&, const class TokenModules&,
        qint64 applicationId)>;
    void runRevocationCall(qint64 applicationId, RevocationCall call);

    QString m_databasePath;
    std::vector<std::string> m_modulePaths;
    QString m_workerProgram;
    std::unique_ptr<pkcs11::TokenWorker> m_worker;
};

} // namespace tamga::core

Q_DECLARE_METATYPE(tamga::core::TokenSnapshot)
Q_DECLARE_METATYPE(tamga::core::SealedBundle)
Q_DECLARE_METATYPE(tamga::core::AnswerReport)
Q_DECLARE_METATYPE(tamga::core::EnrollmentState)
Q_DECLARE_METATYPE(std::optional<tamga::core::EnrollmentState>)
Q_DECLARE_METATYPE(tamga::core::CoreErrorKind)
Q_DECLARE_METATYPE(tamga::core::TokenErrorKind)
