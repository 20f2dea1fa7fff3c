// BatchRunner::runInParallel: a batch's tokens worked side by side by worker processes (Batches.h says why they
// cannot share one process). The plan is made here, with this process's tokens; each worker gets its share of the
// planned enrollments, signs in with the operator's password (read from a pipe) and reports its progress on its
// standard error, which comes back here line by line.
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
    const std::vector<qint64>& enrollments = planned->enrollments;
    const std::size_t workers = std::min(static_cast<std::size_t>(std::max(tokens, 1)), enrollments.size());
    Outcome outcome = planned->outcome;
    if (workers == 0)
        return outcome;

    std::vector<std::vector<qint64>> shares(workers);
    for (std::size_t i = 0; i < enrollments.size(); ++i)
        shares[i % workers].push_back(enrollments[i]);
    std::vector<workers::StartedWorker> started;
    std::string error;
    for (const auto& share : shares) {
        QStringList ids;
        for (qint64 enrollment : share)
            ids << QString::number(enrollment);
        std::vector<std::string> arguments{"batch",
                                           "run",
                                           std::to_string(batchId),
                                           "--worker-enrollments",
                                           ids.join(QLatin1Char(',')).toStdString(),
                                           "--worker-progress",
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
            break; // the workers started go on; the enrollments of the others stay as planned, resumable
        started.push_back(*worker);
    }
    const std::vector<int> statuses =
        workers::waitForWorkers(started, [&progress](const std::string& line) { forwardWorkerLine(line, progress); });
    if (!error.empty())
        outcome.unfinished = QString::fromStdString(error);
    else if (std::any_of(statuses.begin(), statuses.end(),
                         [](int status) { return status != kWorkerAllDone && status != kWorkerSomeStopped; }))
        outcome.unfinished = QStringLiteral("a worker did not finish");

    auto worked = outcomeOf(batchId, enrollments);
    if (!worked)
        return std::unexpected(worked.error());
    outcome.done += worked->done;
    outcome.failed += worked->failed;
    outcome.lines << worked->lines;
    return outcome;
}

} // namespace tamga::core
