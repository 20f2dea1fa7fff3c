// A parallel batch run's workers: processes of the command-line program, each working its own tokens. Secrets
// reach a worker through pipes it reads as /dev/fd/N (a PIN file path), never through its arguments or environment;
// what it says on its standard error comes back line by line through another pipe.
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
    int errorOutput = -1; // read end of the worker's standard error; owned by the caller (waitForWorkers closes it)
};

// Starts `program` with `arguments` (without argv[0]); the worker's standard output goes to /dev/null. Returns the
// process, or nullopt with `error` set.
std::optional<StartedWorker> startWorker(const std::string& program, const std::vector<std::string>& arguments,
                                         const std::vector<WorkerSecret>& secrets, std::string& error);

// Reads every worker's standard error until each closes it, one line at a time to `line`, then waits for them.
// Returns each worker's exit status in the same order (-1: killed by a signal).
std::vector<int> waitForWorkers(std::vector<StartedWorker>& started, const std::function<void(std::string)>& line);

} // namespace tamga::core::workers
