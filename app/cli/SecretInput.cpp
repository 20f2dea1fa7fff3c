#include "SecretInput.h"

#include <fcntl.h>
#include <termios.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string>

namespace tamga::cli {

namespace {

// The longest PIN or password read: a PIN file that is a link to /dev/zero must not be read until memory runs out.
constexpr std::size_t kMaxSecretLength = 1024;

// Reads byte by byte so that no second copy of the secret sits in a stdio buffer.
bool readInto(int fd, SecretBuffer& secret, bool stopAtNewline)
{
    for (;;) {
        if (secret.size() > kMaxSecretLength)
            return false;
        char c = 0;
        ssize_t n = ::read(fd, &c, 1);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            return false;
        if (n == 0 || (stopAtNewline && c == '\n'))
            return true;
        secret.append(c);
        c = 0;
    }
}

} // namespace

std::optional<SecretBuffer> readSecretFile(const std::string& path, std::string& error)
{
    int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        error = "cannot read " + path + ": " + std::strerror(errno);
        return std::nullopt;
    }
    SecretBuffer secret;
    const bool ok = readInto(fd, secret, false);
    ::close(fd);
    if (!ok) {
        error = "cannot read " + path + " (a PIN or password file holds at most " + std::to_string(kMaxSecretLength) +
                " bytes)";
        return std::nullopt;
    }
    secret.chompLineEnd();
    if (secret.empty()) {
        error = path + " is empty";
        return std::nullopt;
    }
    return secret;
}

std::optional<SecretBuffer> promptSecret(const std::string& prompt, std::string& error)
{
    int fd = ::open("/dev/tty", O_RDWR | O_NOCTTY | O_CLOEXEC);
    if (fd < 0) {
        error = "no PIN file was given and there is no terminal to ask for the PIN";
        return std::nullopt;
    }
    termios saved{};
    const bool terminal = ::tcgetattr(fd, &saved) == 0;
    if (terminal) {
        termios silent = saved;
        silent.c_lflag &= ~static_cast<tcflag_t>(ECHO);
        silent.c_lflag |= ECHONL;
        ::tcsetattr(fd, TCSAFLUSH, &silent);
    }
    const std::string question = prompt + ": ";
    [[maybe_unused]] ssize_t written = ::write(fd, question.data(), question.size());
    SecretBuffer secret;
    const bool ok = readInto(fd, secret, true);
    if (terminal)
        ::tcsetattr(fd, TCSAFLUSH, &saved);
    ::close(fd);
    secret.chompLineEnd();
    if (!ok || secret.empty()) {
        error = "no PIN was typed";
        return std::nullopt;
    }
    return secret;
}

std::optional<SecretBuffer> secretFromFileOrPrompt(const std::optional<std::string>& file, const std::string& prompt,
                                                   std::string& error)
{
    return file ? readSecretFile(*file, error) : promptSecret(prompt, error);
}

} // namespace tamga::cli
