// A parallel batch run's workers: copies of this program, each working its own tokens. Secrets reach a worker
// through pipes it reads as /dev/fd/N (a PIN file path), never through its arguments or environment.
#pragma once

#include <sys/types.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tamga::cli {

struct WorkerSecret {
    int fd;                  // the worker reads it from /dev/fd/<fd>
    std::string_view secret; // written into the pipe before the worker starts (a PIN or password fits its buffer)
};

// Starts this executable with `arguments` (without argv[0]); the worker's standard output goes to /dev/null and
// its standard error is ours (its progress). Returns the process id, or nullopt with `error` set.
std::optional<pid_t> startWorker(const std::vector<std::string>& arguments, const std::vector<WorkerSecret>& secrets,
                                 std::string& error);

// Waits for the worker; its exit status, or -1 when it was killed by a signal.
int waitForWorker(pid_t pid);

} // namespace tamga::cli
