#include "WorkerProcesses.h"

#include "tamga/core/Batches.h"

#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

extern char** environ;

namespace tamga::core::workers {

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
    int release()
    {
        const int fd = m_fd;
        m_fd = -1;
        return fd;
    }
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

// A close-on-exec pipe whose ends sit above kFirstHeldDescriptor: {read, write}.
std::optional<std::pair<Descriptor, Descriptor>> heldPipe(std::string& error)
{
    int ends[2] = {-1, -1};
    if (::pipe2(ends, O_CLOEXEC) != 0) {
        error = std::string("cannot make a pipe for a worker: ") + std::strerror(errno);
        return std::nullopt;
    }
    Descriptor readEnd(ends[0]);
    Descriptor writeEnd(ends[1]);
    Descriptor heldRead(::fcntl(readEnd.get(), F_DUPFD_CLOEXEC, kFirstHeldDescriptor));
    Descriptor heldWrite(::fcntl(writeEnd.get(), F_DUPFD_CLOEXEC, kFirstHeldDescriptor));
    if (heldRead.get() < 0 || heldWrite.get() < 0) {
        error = std::string("cannot hold a pipe for a worker: ") + std::strerror(errno);
        return std::nullopt;
    }
    return std::pair{std::move(heldRead), std::move(heldWrite)};
}

// A pipe's read end that already holds `secret`.
std::optional<Descriptor> pipeHolding(std::string_view secret, std::string& error)
{
    auto pipe = heldPipe(error);
    if (!pipe)
        return std::nullopt;
    std::size_t written = 0;
    while (written < secret.size()) {
        const ssize_t n = ::write(pipe->second.get(), secret.data() + written, secret.size() - written);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            error = std::string("cannot hand a worker its secret: ") + std::strerror(errno);
            return std::nullopt;
        }
        written += static_cast<std::size_t>(n);
    }
    return std::move(pipe->first); // the write end closes here: the worker reads the secret, then the end of file
}

// Writes to a worker that may have ended: a pipe with no reader raises SIGPIPE, which would end the desk. The
// signal is blocked on this thread for the write and a pending one taken away, so the write only fails (EPIPE).
bool writeWithoutSigpipe(int fd, const std::string& text)
{
    sigset_t pipeSignal;
    sigset_t before;
    ::sigemptyset(&pipeSignal);
    ::sigaddset(&pipeSignal, SIGPIPE);
    ::pthread_sigmask(SIG_BLOCK, &pipeSignal, &before);
    std::size_t written = 0;
    bool broken = false;
    while (written < text.size()) {
        const ssize_t n = ::write(fd, text.data() + written, text.size() - written);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            broken = true;
            break;
        }
        written += static_cast<std::size_t>(n);
    }
    if (broken && errno == EPIPE) {
        const timespec noWait{0, 0};
        while (::sigtimedwait(&pipeSignal, nullptr, &noWait) > 0) {
        }
    }
    ::pthread_sigmask(SIG_SETMASK, &before, nullptr);
    return !broken;
}

} // namespace

std::optional<StartedWorker> startWorker(const std::string& program, const std::vector<std::string>& arguments,
                                         const std::vector<WorkerSecret>& secrets, std::string& error)
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
    auto errorPipe = heldPipe(error);
    auto inputPipe = errorPipe ? heldPipe(error) : std::nullopt;
    if (!errorPipe || !inputPipe)
        return std::nullopt;
    ::posix_spawn_file_actions_adddup2(actions.get(), errorPipe->second.get(), STDERR_FILENO);
    ::posix_spawn_file_actions_adddup2(actions.get(), inputPipe->first.get(), STDIN_FILENO);
    ::posix_spawn_file_actions_addopen(actions.get(), STDOUT_FILENO, "/dev/null", O_WRONLY, 0);

    std::vector<std::string> argv{"tamga-cli"};
    argv.insert(argv.end(), arguments.begin(), arguments.end());
    std::vector<char*> pointers;
    for (std::string& argument : argv)
        pointers.push_back(argument.data());
    pointers.push_back(nullptr);
    pid_t pid = -1;
    if (const int failed = ::posix_spawn(&pid, program.c_str(), actions.get(), nullptr, pointers.data(), environ);
        failed != 0) {
        error = "cannot start a worker (" + program + "): " + std::strerror(failed);
        return std::nullopt;
    }
    // Our copies of the worker's ends close here: its standard error ends when the worker ends.
    return StartedWorker{pid, errorPipe->first.release(), inputPipe->second.release()};
}

std::vector<int> waitForWorkers(std::vector<StartedWorker>& started,
                                const std::function<std::optional<std::string>()>& nextTask,
                                const std::function<void(std::string)>& line)
{
    auto closeInput = [](StartedWorker& worker) {
        if (worker.input >= 0)
            ::close(worker.input);
        worker.input = -1;
    };
    auto handle = [&](StartedWorker& worker, std::string text) {
        if (text != kWorkerReadyLine) {
            if (line)
                line(std::move(text));
            return;
        }
        std::optional<std::string> task = nextTask ? nextTask() : std::nullopt;
        if (!task || worker.input < 0 || !writeWithoutSigpipe(worker.input, *task + '\n'))
            closeInput(worker); // nothing left (or a worker gone): it ends after the task in hand
    };
    std::vector<std::string> partial(started.size());
    for (;;) {
        std::vector<pollfd> watched;
        std::vector<std::size_t> whose;
        for (std::size_t i = 0; i < started.size(); ++i) {
            if (started[i].errorOutput >= 0) {
                watched.push_back({started[i].errorOutput, POLLIN, 0});
                whose.push_back(i);
            }
        }
        if (watched.empty())
            break;
        if (::poll(watched.data(), watched.size(), -1) < 0) {
            if (errno == EINTR)
                continue;
            break; // the workers are still waited for below
        }
        for (std::size_t k = 0; k < watched.size(); ++k) {
            if (watched[k].revents == 0)
                continue;
            StartedWorker& worker = started[whose[k]];
            char buffer[4096];
            const ssize_t n = ::read(worker.errorOutput, buffer, sizeof buffer);
            if (n < 0 && errno == EINTR)
                continue;
            std::string& pending = partial[whose[k]];
            if (n <= 0) {
                ::close(worker.errorOutput);
                worker.errorOutput = -1;
                closeInput(worker);
                if (!pending.empty() && line)
                    line(std::move(pending));
                pending.clear();
                continue;
            }
            pending.append(buffer, static_cast<std::size_t>(n));
            for (std::size_t end = pending.find('\n'); end != std::string::npos; end = pending.find('\n')) {
                std::string text = pending.substr(0, end);
                pending.erase(0, end + 1);
                handle(worker, std::move(text));
            }
        }
    }
    std::vector<int> statuses;
    for (StartedWorker& worker : started) {
        closeInput(worker);
        if (worker.errorOutput >= 0) {
            ::close(worker.errorOutput);
            worker.errorOutput = -1;
        }
        int status = 0;
        int waited = 0;
        while ((waited = ::waitpid(worker.pid, &status, 0)) < 0 && errno == EINTR) {
        }
        statuses.push_back(waited < 0 || !WIFEXITED(status) ? -1 : WEXITSTATUS(status));
    }
    return statuses;
}

} // namespace tamga::core::workers
