#include "TestSupport.h"

#include <catch2/catch.hpp>

#include <fcntl.h>
#include <poll.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cctype>
#include <cstdlib>
#include <fstream>
#include <random>
#include <sstream>

namespace tamga::test {

TempDir::TempDir()
{
    const char* base = std::getenv("TMPDIR");
    std::string pattern = std::string(base && *base ? base : "/tmp") + "/tamga-test-XXXXXX";
    std::vector<char> buffer(pattern.begin(), pattern.end());
    buffer.push_back('\0');
    REQUIRE(::mkdtemp(buffer.data()) != nullptr);
    m_path = buffer.data();
}

TempDir::~TempDir()
{
    std::error_code ignored;
    std::filesystem::remove_all(m_path, ignored);
}

void writeFile(const std::string& path, const std::string& content)
{
    const auto parent = std::filesystem::path(path).parent_path();
    if (!parent.empty())
        std::filesystem::create_directories(parent);
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << content;
    REQUIRE(out.good());
}

std::string readFile(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    std::ostringstream content;
    content << in.rdbuf();
    return content.str();
}

namespace {

std::string postgresState()
{
    const char* state = std::getenv("TAMGA_TEST_POSTGRES");
    return state ? std::string(state) : std::string();
}

// The server's URL with a database name put in: "postgresql://u@h:p/?q" -> "postgresql://u@h:p/NAME?q".
std::string withDatabase(const std::string& serverUrl, const std::string& name)
{
    const auto query = serverUrl.find("/?");
    REQUIRE(query != std::string::npos);
    return serverUrl.substr(0, query + 1) + name + serverUrl.substr(query + 1);
}

void runAsServerAdmin(const std::string& serverUrl, const std::string& sql)
{
    auto result = run({requireTool("psql"), "--no-psqlrc", "--quiet", "--set", "ON_ERROR_STOP=1", "--command", sql,
                       withDatabase(serverUrl, "postgres")});
    INFO(result.err);
    REQUIRE(result.exitCode == 0);
}

} // namespace

bool TestDatabase::onPostgres()
{
    return !postgresState().empty();
}

TestDatabase::TestDatabase(const TempDir& dir, const std::string& fileName)
{
    const std::string state = postgresState();
    if (state.empty()) {
        m_location = dir.file(fileName);
        return;
    }
    // What the desks keep for a registry (its audit key, the practice CA) goes under the server's state folder,
    // which postgres-server stop removes: the same folder for every test of the run, and for tamga-cli below.
    ::setenv("XDG_DATA_HOME", (state + "/desk-data").c_str(), 1);
    m_serverUrl = readFile(state + "/url");
    while (!m_serverUrl.empty() && (m_serverUrl.back() == '\n' || m_serverUrl.back() == '\r'))
        m_serverUrl.pop_back();
    // Unique across the parallel test processes and the databases one test makes.
    static int made = 0;
    m_name = "tamga_test_" + std::to_string(::getpid()) + "_" + std::to_string(++made) + "_" +
             dir.path().filename().string();
    for (char& c : m_name) {
        // PostgreSQL folds an unquoted name to lower case.
        c = std::isalnum(static_cast<unsigned char>(c)) ? static_cast<char>(std::tolower(static_cast<unsigned char>(c)))
                                                        : '_';
    }
    m_name = m_name.substr(0, 60);
    runAsServerAdmin(m_serverUrl, "CREATE DATABASE " + m_name);
    m_location = withDatabase(m_serverUrl, m_name);
}

std::string TestDatabase::localFolder() const
{
    if (!shared())
        return std::filesystem::path(m_location).parent_path().string();
    const auto at = m_serverUrl.find('@') + 1;
    std::string hostPort = m_serverUrl.substr(at, m_serverUrl.find('/', at) - at);
    hostPort[hostPort.find(':')] = '-';
    const char* dataHome = std::getenv("XDG_DATA_HOME");
    REQUIRE(dataHome);
    return std::string(dataHome) + "/tamga/registries/" + hostPort + "-" + m_name;
}

std::string TestDatabase::contents() const
{
    std::string everything;
    auto append = [&](const std::string& path) {
        std::ifstream in(path, std::ios::binary);
        everything += std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    };
    if (!shared()) {
        for (const char* suffix : {"", "-wal", "-shm"})
            append(m_location + suffix);
        return everything;
    }
    auto dumped = run({requireTool("pg_dump"), "--no-owner", "--no-privileges", m_location});
    INFO(dumped.err);
    REQUIRE(dumped.exitCode == 0);
    everything = dumped.out;
    if (std::filesystem::exists(localFolder())) {
        for (const auto& entry : std::filesystem::recursive_directory_iterator(localFolder())) {
            if (entry.is_regular_file())
                append(entry.path().string());
        }
    }
    return everything;
}

ProcessResult TestDatabase::runSql(const std::string& sql, const std::string& postgresSql) const
{
    if (!shared())
        return run({requireTool("sqlite3"), m_location, sql});
    return run({requireTool("psql"), "--no-psqlrc", "--quiet", "--no-align", "--tuples-only", "--set",
                "ON_ERROR_STOP=1", "--command", postgresSql.empty() ? sql : postgresSql, m_location});
}

TestDatabase::~TestDatabase()
{
    if (m_name.empty())
        return;
    // Connections a test left (a killed child's) are ended with it.
    run({requireTool("psql"), "--no-psqlrc", "--quiet", "--command",
         "DROP DATABASE IF EXISTS " + m_name + " WITH (FORCE)", withDatabase(m_serverUrl, "postgres")});
}

std::string requireTool(const std::string& name)
{
    const char* pathVariable = std::getenv("PATH");
    std::stringstream paths(pathVariable ? pathVariable : "/usr/bin:/bin");
    std::string directory;
    while (std::getline(paths, directory, ':')) {
        const std::string candidate = directory + "/" + name;
        if (::access(candidate.c_str(), X_OK) == 0)
            return candidate;
    }
    FAIL("the tool " << name << " is not installed; scripts/test installs it");
    return {};
}

ProcessResult run(const std::vector<std::string>& argv, const std::map<std::string, std::string>& environment)
{
    int outPipe[2];
    int errPipe[2];
    REQUIRE(::pipe2(outPipe, O_CLOEXEC) == 0);
    REQUIRE(::pipe2(errPipe, O_CLOEXEC) == 0);
    pid_t pid = ::fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
        int nullInput = ::open("/dev/null", O_RDONLY);
        ::dup2(nullInput, 0);
        ::dup2(outPipe[1], 1);
        ::dup2(errPipe[1], 2);
        ::setsid(); // no controlling terminal: a PIN prompt must fail rather than wait
        for (const auto& [name, value] : environment)
            ::setenv(name.c_str(), value.c_str(), 1);
        std::vector<char*> args;
        for (const std::string& a : argv)
            args.push_back(const_cast<char*>(a.c_str()));
        args.push_back(nullptr);
        ::execvp(args[0], args.data());
        ::_exit(127);
    }
    ::close(outPipe[1]);
    ::close(errPipe[1]);
    ProcessResult result;
    pollfd fds[2] = {{outPipe[0], POLLIN, 0}, {errPipe[0], POLLIN, 0}};
    int open = 2;
    char buffer[4096];
    while (open > 0) {
        if (::poll(fds, 2, -1) < 0)
            break;
        for (int i = 0; i < 2; ++i) {
            if (fds[i].fd < 0 || !(fds[i].revents & (POLLIN | POLLHUP | POLLERR)))
                continue;
            ssize_t n = ::read(fds[i].fd, buffer, sizeof buffer);
            if (n <= 0) {
                ::close(fds[i].fd);
                fds[i].fd = -1;
                --open;
            } else {
                (i == 0 ? result.out : result.err).append(buffer, static_cast<std::size_t>(n));
            }
        }
    }
    int status = 0;
    ::waitpid(pid, &status, 0);
    result.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    return result;
}

SoftHsmSandbox::SoftHsmSandbox()
{
    std::filesystem::create_directories(m_dir.path() / "tokens");
    writeFile(m_dir.file("softhsm2.conf"),
              "directories.tokendir = " + m_dir.file("tokens") + "\nobjectstore.backend = file\nlog.level = ERROR\n");
    ::setenv("SOFTHSM2_CONF", m_dir.file("softhsm2.conf").c_str(), 1);
    m_modulePath = softHsmModulePath();
}

SoftHsmSandbox::SoftHsmSandbox(const TestModuleOptions& options) : SoftHsmSandbox()
{
    std::filesystem::create_directories(m_dir.path() / "state");
    ::setenv("TAMGA_TEST_TARGET_MODULE", softHsmModulePath().c_str(), 1);
    ::setenv("TAMGA_TEST_STATE_DIR", m_dir.file("state").c_str(), 1);
    ::setenv("TAMGA_TEST_PIN_TRIES", std::to_string(options.pinTries).c_str(), 1);
    if (options.noEc)
        ::setenv("TAMGA_TEST_NO_EC", "1", 1);
    else
        ::unsetenv("TAMGA_TEST_NO_EC");
    if (options.rsaMaxBits)
        ::setenv("TAMGA_TEST_RSA_MAX_BITS", std::to_string(options.rsaMaxBits).c_str(), 1);
    else
        ::unsetenv("TAMGA_TEST_RSA_MAX_BITS");
    auto flag = [](const char* name, bool on) { on ? ::setenv(name, "1", 1) : ::unsetenv(name); };
    flag("TAMGA_TEST_REUSE_HANDLES", options.reuseSessionHandles);
    flag("TAMGA_TEST_REFUSE_CERT_CATEGORY", options.refuseCertificateCategory);
    flag("TAMGA_TEST_SETPIN_NEEDS_LOGIN", options.setPinNeedsLogin);
    if (options.keygenDelayMs > 0)
        ::setenv("TAMGA_TEST_KEYGEN_DELAY_MS", std::to_string(options.keygenDelayMs).c_str(), 1);
    else
        ::unsetenv("TAMGA_TEST_KEYGEN_DELAY_MS");
    if (!options.serialForEveryToken.empty())
        ::setenv("TAMGA_TEST_SERIAL", options.serialForEveryToken.c_str(), 1);
    else
        ::unsetenv("TAMGA_TEST_SERIAL");
    m_modulePath = testModulePath();
}

std::string SoftHsmSandbox::softHsmModulePath()
{
    return TAMGA_SOFTHSM_MODULE;
}

std::string SoftHsmSandbox::testModulePath()
{
    return TAMGA_TEST_TOKEN_MODULE;
}

void SoftHsmSandbox::pullToken() const
{
    writeFile(m_dir.file("state/removed"), "pulled\n");
}

void SoftHsmSandbox::pullTokenAfterCalls(int calls) const
{
    writeFile(m_dir.file("state/remove-after"), std::to_string(calls) + "\n");
}

void SoftHsmSandbox::plugTokenBackIn() const
{
    std::filesystem::remove(m_dir.file("state/removed"));
}

std::string SoftHsmSandbox::initTokenWithSoftHsmUtil(const std::string& label, const std::string& soPin,
                                                     const std::string& userPin) const
{
    auto result = run({requireTool("softhsm2-util"), "--init-token", "--free", "--label", label, "--so-pin", soPin,
                       "--pin", userPin});
    REQUIRE(result.exitCode == 0);
    auto listing = run({requireTool("softhsm2-util"), "--show-slots"});
    // Each token's "Serial number:" line comes before its "Label:" line.
    auto valueOf = [](const std::string& line) {
        std::string value = line.substr(line.find(':') + 1);
        value.erase(0, value.find_first_not_of(' '));
        value.erase(value.find_last_not_of(' ') + 1);
        return value;
    };
    std::istringstream lines(listing.out);
    std::string line;
    std::string serial;
    while (std::getline(lines, line)) {
        if (line.find("Serial number:") != std::string::npos)
            serial = valueOf(line);
        else if (line.find("Label:") != std::string::npos && valueOf(line) == label)
            return serial;
    }
    FAIL("softhsm2-util does not list the token " << label);
    return {};
}

std::string SoftHsmSandbox::secretFile(const std::string& name, const std::string& secret) const
{
    const std::string path = m_dir.file(name);
    writeFile(path, secret + "\n");
    ::chmod(path.c_str(), 0600);
    return path;
}

void makeOpensslRootCa(const std::string& keyPath, const std::string& certificatePath, const std::string& subject)
{
    auto made = run({requireTool("openssl"),
                     "req",
                     "-x509",
                     "-newkey",
                     "ec",
                     "-pkeyopt",
                     "ec_paramgen_curve:P-256",
                     "-nodes",
                     "-keyout",
                     keyPath,
                     "-out",
                     certificatePath,
                     "-days",
                     "3650",
                     "-subj",
                     subject,
                     "-addext",
                     "basicConstraints=critical,CA:TRUE",
                     "-addext",
                     "keyUsage=critical,keyCertSign,cRLSign",
                     "-addext",
                     "subjectKeyIdentifier=hash"});
    INFO(made.err);
    REQUIRE(made.exitCode == 0);
}

} // namespace tamga::test
