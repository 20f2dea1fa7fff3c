#include "WorkerProcesses.h"

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

extern char** environ;

namespace tamga::cli {

namespace {

// Far above the descriptors a worker is given, so that placing one never overwrites another's source.
constexpr int kFirstHeldDescriptor = 64;

class Descriptor {
public:
    explicit Descriptor(int fd = -1) : m_fd(fd) {}
    ~Descriptor() { reset(); }
    Descriptor(const Descriptor&) = delete;
    Descriptor& operator=(const Descriptor&) = delete;
    Descriptor(Descriptor&& other) noexcept : m_fd(other.m_fd) { other.m_fd = -1; }
    int get() const { return m_fd; }
    void reset()
    {
        if (m_fd >= 0)
            ::close(m_fd);
        m_fd = -1;
    }

private:
    int m_fd;
};

class SpawnActions {
public:
    SpawnActions() { ::posix_spawn_file_actions_init(&m_actions); }
    ~SpawnActions() { ::posix_spawn_file_actions_destroy(&m_actions); }
    SpawnActions(const SpawnActions&) = delete;
    SpawnActions& operator=(const SpawnActions&) = delete;
    posix_spawn_file_actions_t* get() { return &m_actions; }

private:
    posix_spawn_file_actions_t m_actions{};
};

// A pipe whose read end (close-on-exec, above kFirstHeldDescriptor) already holds `secret`.
std::optional<Descriptor> pipeHolding(std::string_view secret, std::string& error)
{
    int ends[2] = {-1, -1};
    if (::pipe2(ends, O_CLOEXEC) != 0) {
        error = std::string("cannot make a pipe for a worker: ") + std::strerror(errno);
        return std::nullopt;
    }
    Descriptor readEnd(ends[0]);
    Descriptor writeEnd(ends[1]);
    Descriptor held(::fcntl(readEnd.get(), F_DUPFD_CLOEXEC, kFirstHeldDescriptor));
    if (held.get() < 0) {
        error = std::string("cannot hold a pipe for a worker: ") + std::strerror(errno);
        return std::nullopt;
    }
    std::size_t written = 0;
    while (written < secret.size()) {
        const ssize_t n = ::write(writeEnd.get(), secret.data() + written, secret.size() - written);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            error = std::string("cannot hand a worker its secret: ") + std::strerror(errno);
            return std::nullopt;
        }
        written += static_cast<std::size_t>(n);
    }
    return held; // the write end closes here: the worker reads the secret, then the end of the file
}

} // namespace

std::optional<pid_t> startWorker(const std::vector<std::string>& arguments, const std::vector<WorkerSecret>& secrets,
                                 std::string& error)
{
    std::vector<Descriptor> held;
    SpawnActions actions;
    for (const WorkerSecret& secret : secrets) {
        auto pipe = pipeHolding(secret.secret, error);
        if (!pipe)
            return std::nullopt;
        // dup2 onto the worker's number clears close-on-exec there; the held copy closes at exec.
        ::posix_spawn_file_actions_adddup2(actions.get(), pipe->get(), secret.fd);
        held.push_back(std::move(*pipe));
    }
    ::posix_spawn_file_actions_addopen(actions.get(), STDOUT_FILENO, "/dev/null", O_WRONLY, 0);

    std::vector<std::string> argv{"tamga-cli"};
    argv.insert(argv.end(), arguments.begin(), arguments.end());
    std::vector<char*> pointers;
    for (std::string& argument : argv)
        pointers.push_back(argument.data());
    pointers.push_back(nullptr);
    pid_t pid = -1;
    if (const int failed = ::posix_spawn(&pid, "/proc/self/exe", actions.get(), nullptr, pointers.data(), environ);
        failed != 0) {
        error = std::string("cannot start a worker: ") + std::strerror(failed);
        return std::nullopt;
    }
    return pid;
}

int waitForWorker(pid_t pid)
{
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0) {
        if (errno != EINTR)
            return -1;
    }
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

} // namespace tamga::cli
