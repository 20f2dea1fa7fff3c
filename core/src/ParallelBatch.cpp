// BatchRunner::runInParallel: a batch's tokens worked side by side by worker processes (Batches.h says why they
// cannot share one process). The plan is made here, with this process's tokens; each worker takes the planned
// enrollments one at a time as it asks for them, signs in with the operator's password (read from a pipe)
// and reports its progress on its standard error, which comes back here line by line.
#include "WorkerProcesses.h"
#include "tamga/core/Batches.h"

#include <QStringList>

namespace tamga::core {

namespace {

// A worker's progress line, "<state name>\t<message>"; any other line (an error before its work began) as it is.
void forwardWorkerLine(const std::string& text, const ProgressSink& progress)
{
    if (!progress)
        return;
    const QString line = QString::fromStdString(text);
    const qsizetype tab = line.indexOf(QLatin1Char('\t'));
    if (tab > 0) {
        if (auto state = parseState(line.left(tab))) {
            progress(*state, line.mid(tab + 1));
            return;
        }
    }
    if (!line.trimmed().isEmpty())
        progress(EnrollmentState::Created, line.trimmed());
}

} // namespace

CoreResult<BatchRunner::Outcome> BatchRunner::runInParallel(const WorkerLaunch& launch, const Operator& by,
                                                            const Password& password, qint64 batchId, int tokens,
                                                            const Pin* userPin, const DeskKey* deskKey,
                                                            const Pin* soPin, const ProgressSink& progress) const
{
    auto planned = plan(by, batchId, Scope::EveryToken, userPin, deskKey, soPin, tokens, progress);
    if (!planned)
        return std::unexpected(planned.error());
    Outcome outcome = planned->outcome;
    if (planned->enrollments.empty())
        return outcome;
    auto worked = workInProcesses(launch, by, password, batchId, planned->enrollments, tokens, userPin, progress);
    if (!worked)
        return std::unexpected(worked.error());
    outcome.done += worked->done;
    outcome.failed += worked->failed;
    outcome.lines << worked->lines;
    outcome.unfinished = worked->unfinished;
    return outcome;
}

CoreResult<BatchRunner::Outcome> BatchRunner::workInProcesses(const WorkerLaunch& launch, const Operator& by,
                                                              const Password& password, qint64 batchId,
                                                              const std::vector<qint64>& enrollments, int processes,
                                                              const Pin* userPin, const ProgressSink& progress) const
{
    const std::size_t workers = std::min(static_cast<std::size_t>(std::max(processes, 1)), enrollments.size());
    std::vector<workers::StartedWorker> started;
    std::string error;
    for (std::size_t i = 0; i < workers; ++i) {
        std::vector<std::string> arguments{"batch",
                                           "run",
                                           std::to_string(batchId),
                                           "--worker",
                                           "--db",
                                           launch.databasePath.toStdString(),
                                           "--operator",
                                           by.name.toStdString(),
                                           "--password-file",
                                           "/dev/fd/3"};
        for (const std::string& module : launch.modulePaths) {
            arguments.push_back("--module");
            arguments.push_back(module);
        }
        std::vector<workers::WorkerSecret> pipes{{3, password.view()}};
        if (userPin) {
            arguments.push_back("--pin-file");
            arguments.push_back("/dev/fd/4");
            pipes.push_back({4, userPin->view()});
        }
        auto worker = workers::startWorker(launch.program.toStdString(), arguments, pipes, error);
        if (!worker)
            break; // the workers started take every enrollment
        started.push_back(*worker);
    }
    // Each worker asks for the next token's enrollment when it is done with one: a worker whose tokens are quick
    // (a short key generation) takes more of them. Enrollments no worker took stay as planned, resumable.
    std::size_t given = 0;
    auto nextTask = [&]() -> std::optional<std::string> {
        if (given >= enrollments.size())
            return std::nullopt;
        return std::to_string(enrollments[given++]);
    };
    const std::vector<int> statuses = workers::waitForWorkers(
        started, nextTask, [&progress](const std::string& line) { forwardWorkerLine(line, progress); });
    auto outcome = outcomeOf(batchId, enrollments);
    if (!outcome)
        return std::unexpected(outcome.error());
    if (!error.empty())
        outcome->unfinished = QString::fromStdString(error);
    else if (given < enrollments.size())
        outcome->unfinished = QStringLiteral("the workers ended before every token was worked");
    else if (std::any_of(statuses.begin(), statuses.end(),
                         [](int status) { return status != kWorkerAllDone && status != kWorkerSomeStopped; }))
        outcome->unfinished = QStringLiteral("a worker did not finish");
    return outcome;
}

} // namespace tamga::core
