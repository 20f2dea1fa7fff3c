// A parallel batch run's workers: processes of the command-line program, each working one token at a time. Secrets
// reach a worker through pipes it reads as /dev/fd/N (a PIN file path), never through its arguments or environment.
// A worker says kWorkerReadyLine (Batches.h) on its standard error when it wants a task and is given the next on its
// standard input (none left: its input closes), so a worker whose tokens are quick takes more of them; its other lines
// are its progress.
#pragma once

#include <sys/types.h>

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tamga::core::workers {

struct WorkerSecret {
    int fd;                  // the worker reads it from /dev/fd/<fd>
    std::string_view secret; // written into the pipe before the worker starts (a PIN or password fits its buffer)
};

struct StartedWorker {
    pid_t pid = -1;
    int errorOutput = -1; // read end of the worker's standard error; waitForWorkers closes it
    int input = -1;       // write end of the worker's standard input; waitForWorkers closes it
};

// Starts `program` with `arguments` (without argv[0]); the worker's standard output goes to /dev/null. Returns the
// process, or nullopt with `error` set.
std::optional<StartedWorker> startWorker(const std::string& program, const std::vector<std::string>& arguments,
                                         const std::vector<WorkerSecret>& secrets, std::string& error);

// Reads every worker's standard error until each closes it: each "ready" is answered with `nextTask()` on that
// worker's input (nullopt: the input closes), every other line goes to `line`. Then waits for the workers and returns
// each one's exit status in the same order (-1: killed by a signal).
std::vector<int> waitForWorkers(std::vector<StartedWorker>& started,
                                const std::function<std::optional<std::string>()>& nextTask,
                                const std::function<void(std::string)>& line);

} // namespace tamga::core::workers
