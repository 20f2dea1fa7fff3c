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
    [[nodiscard]] CoreResult<qint64> create(const Operator& by, const QString& name,
                                            const std::vector<qint64>& organizationIds, const QString& officersCsv,
                                            const QString& profileName, const QString& caName, BatchMode mode) const;
    [[nodiscard]] CoreResult<std::vector<BatchSummary>> list() const;
    [[nodiscard]] CoreResult<BatchSummary> find(qint64 id) const;
    [[nodiscard]] CoreResult<std::vector<BatchMember>> members(qint64 id) const;

private:
    const Database& m_database;
};

// Works a batch on the tokens plugged in: resumes its officers' interrupted enrollments whose token is back, and
// takes each blank token for the next officer waiting. One token after another, on the caller's thread.
class BatchRunner {
public:
    BatchRunner(const Database& database, const CaConnectors& connectors, TokenModules modules);

    struct Outcome {
        int done = 0;      // enrollments that reached verified (or submitted, for a CA that answers later) now
        int failed = 0;    // stopped with an error: resumable
        int waiting = 0;   // officers still without a token
        QStringList lines; // one per officer worked: who, which token, how it ended
    };
    // `userPin`: the officer's PIN (in person); prepared batches make a random initial PIN per token. `deskKey`
    // seals each new token's random SO PIN (and a prepared token's initial PIN); without it (a clerk's in-person
    // batch) `soPin` is the RA's SO PIN for the tokens.
    [[nodiscard]] CoreResult<Outcome> runOnce(const Operator& by, qint64 batchId, const Pin* userPin,
                                              const DeskKey* deskKey, const Pin* soPin,
                                              const ProgressSink& progress = {}) const;

private:
    const Database& m_database;
    const CaConnectors& m_connectors;
    TokenModules m_modules;
};

} // namespace tamga::core
