// Batch sessions: a list of officers (whole organizations, or a CSV of civil IDs) with one profile and one CA,
// worked token after token. Each officer's work is an ordinary enrollment (Enrollment.h), so a batch stops and
// resumes as they do: a pulled token leaves its officer resumable, and a batch continues days later, on the same
// or another desk process.
//
// Two modes:
//   in person  the officer is at the desk and types their PIN;
//   prepared   tokens are prepared before the officers come, with an initial PIN only the desk knows (sealed,
//              SealedSecrets.h); at hand-over the officer sets their own PIN (Enrollments::handOverPrepared).
#pragma once

#include "tamga/core/CaConnector.h"
#include "tamga/core/CoreError.h"
#include "tamga/core/Enrollment.h"
#include "tamga/core/Operators.h"
#include "tamga/core/Tokens.h"

#include <QString>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tamga::core {

class Database;
class DeskKey;

enum class BatchMode { InPerson, Prepared };
QString batchModeName(BatchMode mode); // "in_person", "prepared"

struct BatchSummary {
    qint64 id = 0;
    QString name;
    QString profileName;
    QString caName;
    BatchMode mode = BatchMode::InPerson;
    QString createdAt;
    int members = 0;
    int started = 0;    // with an enrollment
    int verified = 0;   // certificate on the token and checked (or handed over)
    int handedOver = 0; // handed over
};

struct BatchMember {
    int position = 0; // the order the batch works them in
    qint64 officerId = 0;
    QString officerName;
    QString organizationName;
    QString civilId;
    std::optional<EnrollmentRecord> enrollment; // none while the officer waits for a token
};

class Batches {
public:
    explicit Batches(const Database& database) : m_database(database) {}

    // The officers of `organizationIds` (surname order) and those whose civil IDs `officersCsv` lists (a "civil_id"
    // column; its order), each once. Everything is checked before anything is written: an unknown organization,
    // civil ID, profile or CA refuses the batch by name.
    // `officerIds`: officers named one by one as well (a replacement token's batch of one).
    [[nodiscard]] CoreResult<qint64> create(const Operator& by, const QString& name,
                                            const std::vector<qint64>& organizationIds, const QString& officersCsv,
                                            const QString& profileName, const QString& caName, BatchMode mode,
                                            const std::vector<qint64>& officerIds = {}) const;
    [[nodiscard]] CoreResult<std::vector<BatchSummary>> list() const;
    [[nodiscard]] CoreResult<BatchSummary> find(qint64 id) const;
    [[nodiscard]] CoreResult<std::vector<BatchMember>> members(qint64 id) const;
    // The token an officer's enrollment was working on is lost (or broken) before any certificate was asked for:
    // the enrollment is cancelled, the token marked lost in the stock, a pending SO PIN dropped, and the officer
    // waits in the batch for a new token (the next blank one is taken for them). Refused once the request is at
    // the CA (a certificate may come for that key: revoke it then) or when there is nothing to release; audited.
    [[nodiscard]] CoreStatus tokenLost(const Operator& by, qint64 batchId, qint64 officerId,
                                       const QString& reason) const;

private:
    const Database& m_database;
};

// How a parallel run starts its workers: the command-line program (tamga-cli) on the desk's database and modules.
// A worker ("batch run ID --worker") writes kWorkerReadyLine on its standard error when it wants a task, reads the
// next enrollment's number from its standard input (the end of its input: nothing left), and reports each step as a
// "<state name>\t<message>" line. It exits kWorkerAllDone when each of its enrollments is done, kWorkerSomeStopped
// when some stopped (each enrollment says why); any other ending means it did not finish.
struct WorkerLaunch {
    QString program;
    QString databasePath;
    std::vector<std::string> modulePaths;
};
inline constexpr std::string_view kWorkerReadyLine = "ready";
inline constexpr int kWorkerAllDone = 0;
inline constexpr int kWorkerSomeStopped = 2;
// More worker processes than the tokens a USB hub holds is a mistake.
inline constexpr int kMostParallelTokens = 16;

// Works a batch on the tokens plugged in: resumes its officers' interrupted enrollments whose token is back, and
// takes each blank token for the next officer waiting.
//
// A run has two parts. `plan` looks at the tokens plugged in, on the caller's thread: it picks the enrollments
// whose token is back, and initializes each new token for the next officer waiting (one at a time: a blank token
// has no serial yet to tell it from another). `work` then does the slow part (key, request, CA, certificate,
// read-back) for a list of those enrollments, one after another; `work` calls in separate processes, each on
// other tokens, run a batch in parallel (libp11 closes every session of a slot when any caller in the
// process releases its slots, so parallel token work cannot share one process).
class BatchRunner {
public:
    BatchRunner(const Database& database, const CaConnectors& connectors, TokenModules modules);

    struct Outcome {
        int done = 0;       // enrollments that reached verified (or submitted, for a CA that answers later) now
        int failed = 0;     // stopped with an error: resumable
        int waiting = 0;    // officers still without a token
        QStringList lines;  // one per officer worked: who, which token, how it ended
        QString unfinished; // a parallel run: why a worker did not start or end (its officers stay resumable)
    };
    enum class Scope {
        EveryToken,      // resume what is interrupted, and take blank tokens for officers waiting
        CertificatesOnly // write-back: only enrollments whose certificate came from the CA and waits for its token
    };
    struct Plan {
        std::vector<qint64> enrollments; // ready for `work`, each on a token plugged in
        Outcome outcome;                 // the officers who could not start, and those still waiting
    };

    // `userPin`: the officer's PIN (in person); prepared batches make a random initial PIN per token, sealed.
    // `deskKey` seals each new token's random SO PIN (and a prepared token's initial PIN); without it (a clerk's
    // in-person batch) `soPin` is the RA's SO PIN for the tokens. At least `newTokens` blank tokens are taken while
    // one is plugged in and an officer waits (a module that always offers a new blank token, like SoftHSM, gives
    // that many), and every blank token present when the run starts.
    [[nodiscard]] CoreResult<Plan> plan(const Operator& by, qint64 batchId, Scope scope, const Pin* userPin,
                                        const DeskKey* deskKey, const Pin* soPin, int newTokens = 1,
                                        const ProgressSink& progress = {}) const;
    // Carries each of `enrollments` (of this batch) on to verified; a prepared batch's initial PINs are opened
    // with `deskKey`.
    [[nodiscard]] CoreResult<Outcome> work(const Operator& by, qint64 batchId, const std::vector<qint64>& enrollments,
                                           const Pin* userPin, const DeskKey* deskKey,
                                           const ProgressSink& progress = {}) const;
    // Lines for enrollments worked elsewhere (a parallel run's worker processes), from their stored states.
    [[nodiscard]] CoreResult<Outcome> outcomeOf(qint64 batchId, const std::vector<qint64>& enrollments) const;

    // plan + work on the caller's thread.
    [[nodiscard]] CoreResult<Outcome> runOnce(const Operator& by, qint64 batchId, const Pin* userPin,
                                              const DeskKey* deskKey, const Pin* soPin,
                                              const ProgressSink& progress = {}) const;
    // Tokens side by side (a USB hub): plan with `tokens` new tokens (initialized here one after another), then the
    // planned enrollments shared among up to `tokens` worker processes started from `launch`, each signed in as `by`
    // with `password` (through a pipe) and working its own tokens; waited for on the caller's thread. Each worker's
    // progress comes to `progress` as it goes.
    [[nodiscard]] CoreResult<Outcome> runInParallel(const WorkerLaunch& launch, const Operator& by,
                                                    const Password& password, qint64 batchId, int tokens,
                                                    const Pin* userPin, const DeskKey* deskKey, const Pin* soPin,
                                                    const ProgressSink& progress = {}) const;
    // The work part of runInParallel: `enrollments` (planned) taken one at a time by up to `processes` workers.
    [[nodiscard]] CoreResult<Outcome> workInProcesses(const WorkerLaunch& launch, const Operator& by,
                                                      const Password& password, qint64 batchId,
                                                      const std::vector<qint64>& enrollments, int processes,
                                                      const Pin* userPin, const ProgressSink& progress = {}) const;
    // Writes the certificates the CA answered with onto the batch's tokens plugged in, recognized by serial.
    [[nodiscard]] CoreResult<Outcome> writeBack(const Operator& by, qint64 batchId, const Pin* userPin,
                                                const DeskKey* deskKey, const ProgressSink& progress = {}) const;

private:
    // plan, then work what it planned on the caller's thread, one outcome for both.
    [[nodiscard]] CoreResult<Outcome> planAndWork(const Operator& by, qint64 batchId, Scope scope, const Pin* userPin,
                                                  const DeskKey* deskKey, const Pin* soPin,
                                                  const ProgressSink& progress) const;
    // Inside engine.create's transaction: the officer's membership now holds this enrollment (not another desk's).
    [[nodiscard]] CoreStatus linkedHere(qint64 batchId, const BatchMember& member, qint64 enrollmentId) const;

    const Database& m_database;
    const CaConnectors& m_connectors;
    TokenModules m_modules;
};

} // namespace tamga::core
