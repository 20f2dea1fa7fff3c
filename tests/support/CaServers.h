// CA servers that tests start on 127.0.0.1: CloudFlare's real `cfssl serve`, and small misbehaving peers (a port
// that accepts and never answers, one that answers garbage) for the failure paths.
#pragma once

#include "TestSupport.h"

#include <catch2/catch.hpp>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <thread>

namespace tamga::test {

// CFSSL (Go's x509) re-encodes subjects and keeps only the attributes it knows: C, O, OU, CN, serialNumber. A
// desk that enrolls through CFSSL uses a profile that asks for no more than that.
inline const char* const kCfsslProfileJson = R"({
  "name": "cfssl-signing",
  "description": "Signing, subject as CFSSL can issue it",
  "keyType": "ec-p256",
  "subject": ["C=MN", "O={organization}", "OU={department}", "CN={surname} {given_name}",
              "serialNumber=PNOMN-{civil_id_latin}"],
  "keyUsage": ["digitalSignature", "nonRepudiation"],
  "extendedKeyUsage": [],
  "emailInSubjectAltName": true,
  "validityDays": 730
})";

// A free TCP port on 127.0.0.1 (bound and released: good enough for a test that starts its server at once).
inline int freePort()
{
    int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    REQUIRE(::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0);
    socklen_t length = sizeof address;
    ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length);
    ::close(fd);
    return ntohs(address.sin_port);
}

inline bool portAnswers(int port)
{
    int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(static_cast<uint16_t>(port));
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    const bool connected = ::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0;
    ::close(fd);
    return connected;
}

// A child process that is stopped (by PID) when the test ends.
class BackgroundProcess {
public:
    BackgroundProcess(const std::vector<std::string>& argv, const std::string& logFile)
    {
        m_pid = ::fork();
        REQUIRE(m_pid >= 0);
        if (m_pid == 0) {
            FILE* log = std::fopen(logFile.c_str(), "w");
            if (log) {
                ::dup2(::fileno(log), 1);
                ::dup2(::fileno(log), 2);
            }
            std::vector<char*> args;
            for (const std::string& a : argv)
                args.push_back(const_cast<char*>(a.c_str()));
            args.push_back(nullptr);
            ::execvp(args[0], args.data());
            ::_exit(127);
        }
    }
    ~BackgroundProcess()
    {
        ::kill(m_pid, SIGTERM);
        int status = 0;
        ::waitpid(m_pid, &status, 0);
    }
    BackgroundProcess(const BackgroundProcess&) = delete;
    BackgroundProcess& operator=(const BackgroundProcess&) = delete;

private:
    pid_t m_pid = -1;
};

// `cfssl serve` with a root CA made by openssl, an HMAC auth key, profiles for Tamga's signing profile, and its
// certificate database (SQLite): what it signs is recorded there, and its revoke endpoint marks it revoked. The
// CA can be stopped and started again on the same port (a CA that is down for a while), and publishes what its
// database says through CFSSL's own OCSP tools (ocsprefresh, ocspdump, ocspserve).
class CfsslServer {
public:
    explicit CfsslServer(const TempDir& dir) : m_dir(dir.file("cfssl")), m_port(freePort()), m_ocspPort(freePort())
    {
        std::filesystem::create_directories(m_dir);
        makeOpensslRootCa(m_dir + "/ca-key.pem", m_dir + "/ca.pem", "/C=MN/O=Test CFSSL CA/CN=CFSSL Test Root");
        const std::string key = "0123456789abcdef0123456789abcdef";
        writeFile(m_dir + "/auth.key", key + "\n");
        // "content committment" is CFSSL's spelling of nonRepudiation.
        writeFile(m_dir + "/config.json", R"({
  "signing": {
    "default": {"expiry": "8760h", "usages": ["signing", "key encipherment", "server auth", "client auth"],
                "auth_key": "desk"},
    "profiles": {
      "officer-signing": {"expiry": "17520h", "usages": ["digital signature", "content committment"],
                          "auth_key": "desk"}
    }
  },
  "auth_keys": {"desk": {"type": "standard", "key": ")" +
                                              key + R"("}}
})");
        // The schema of CFSSL's certdb for SQLite (its certdb/sqlite migration).
        auto schema = run({requireTool("sqlite3"), m_dir + "/certs.db",
                           "CREATE TABLE certificates (serial_number blob NOT NULL, authority_key_identifier blob NOT "
                           "NULL, ca_label blob, status blob NOT NULL, reason int, expiry timestamp, revoked_at "
                           "timestamp, pem blob NOT NULL, PRIMARY KEY(serial_number, authority_key_identifier));"
                           "CREATE TABLE ocsp_responses (serial_number blob NOT NULL, authority_key_identifier blob "
                           "NOT NULL, body blob NOT NULL, expiry timestamp, PRIMARY KEY(serial_number, "
                           "authority_key_identifier));"});
        INFO(schema.err);
        REQUIRE(schema.exitCode == 0);
        writeFile(m_dir + "/db.json", R"({"driver": "sqlite3", "data_source": ")" + m_dir + R"(/certs.db"})");
        start();
    }

    // The CA goes down (its port refuses connections) and comes back on the same port.
    void stop() { m_process.reset(); }
    void start()
    {
        m_process = std::make_unique<BackgroundProcess>(
            std::vector<std::string>{requireTool("cfssl"), "serve", "-address", "127.0.0.1", "-port",
                                     std::to_string(m_port), "-ca", m_dir + "/ca.pem", "-ca-key", m_dir + "/ca-key.pem",
                                     "-config", m_dir + "/config.json", "-db-config", m_dir + "/db.json"},
            m_dir + "/serve.log");
        waitForPort(m_port, m_dir + "/serve.log");
    }

    // The CA operator's OCSP round: answers for every certificate in the database, made and signed by the CA
    // (cfssl ocsprefresh), dumped (cfssl ocspdump) and served (cfssl ocspserve) on its own port. Returns the URL.
    std::string publishOcsp()
    {
        const std::string db = m_dir + "/db.json";
        auto refreshed = run({requireTool("cfssl"), "ocsprefresh", "-db-config", db, "-responder", m_dir + "/ca.pem",
                              "-responder-key", m_dir + "/ca-key.pem", "-ca", m_dir + "/ca.pem"});
        INFO(refreshed.err);
        REQUIRE(refreshed.exitCode == 0);
        auto dumped = run({requireTool("cfssl"), "ocspdump", "-db-config", db});
        INFO(dumped.err);
        REQUIRE(dumped.exitCode == 0);
        writeFile(m_dir + "/ocsp-responses", dumped.out);
        m_ocsp.reset();
        m_ocsp = std::make_unique<BackgroundProcess>(
            std::vector<std::string>{requireTool("cfssl"), "ocspserve", "-address", "127.0.0.1", "-port",
                                     std::to_string(m_ocspPort), "-responses", m_dir + "/ocsp-responses"},
            m_dir + "/ocsp.log");
        waitForPort(m_ocspPort, m_dir + "/ocsp.log");
        return ocspUrl();
    }
    // Where the responder answers once published (nothing listens there before).
    std::string ocspUrl() const { return "http://127.0.0.1:" + std::to_string(m_ocspPort) + "/"; }

    std::string url() const { return "http://127.0.0.1:" + std::to_string(m_port); }
    std::string authKeyFile() const { return m_dir + "/auth.key"; }
    std::string rootPem() const { return m_dir + "/ca.pem"; }
    std::string databaseFile() const { return m_dir + "/certs.db"; }

private:
    static void waitForPort(int port, const std::string& log)
    {
        for (int i = 0; i < 100 && !portAnswers(port); ++i)
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
        INFO(readFile(log));
        REQUIRE(portAnswers(port));
    }

    std::string m_dir;
    int m_port;
    int m_ocspPort;
    std::unique_ptr<BackgroundProcess> m_process;
    std::unique_ptr<BackgroundProcess> m_ocsp;
};

// A peer on 127.0.0.1 that misbehaves: accepts connections and either never answers, or answers `reply`.
class MisbehavingServer {
public:
    explicit MisbehavingServer(std::string reply = {}) : m_reply(std::move(reply))
    {
        m_listener = ::socket(AF_INET, SOCK_STREAM, 0);
        int yes = 1;
        ::setsockopt(m_listener, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        REQUIRE(::bind(m_listener, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0);
        socklen_t length = sizeof address;
        ::getsockname(m_listener, reinterpret_cast<sockaddr*>(&address), &length);
        m_port = ntohs(address.sin_port);
        REQUIRE(::listen(m_listener, 8) == 0);
        m_thread = std::thread([this] { serve(); });
    }
    ~MisbehavingServer()
    {
        m_stop = true;
        ::shutdown(m_listener, SHUT_RDWR);
        ::close(m_listener);
        m_thread.join();
        for (int fd : m_held)
            ::close(fd);
    }

    std::string url() const { return "http://127.0.0.1:" + std::to_string(m_port) + "/"; }

private:
    void serve()
    {
        while (!m_stop) {
            int client = ::accept(m_listener, nullptr, nullptr);
            if (client < 0)
                return;
            if (m_reply.empty()) {
                m_held.push_back(client); // silent: the connection stays open, nothing is ever said
                continue;
            }
            char buffer[8192];
            (void)::recv(client, buffer, sizeof buffer, 0);
            (void)::send(client, m_reply.data(), m_reply.size(), MSG_NOSIGNAL);
            ::close(client);
        }
    }

    std::string m_reply;
    int m_listener = -1;
    int m_port = 0;
    std::atomic<bool> m_stop{false};
    std::vector<int> m_held;
    std::thread m_thread;
};

} // namespace tamga::test

namespace tamga::test {

// The CMP test CA (tests/support/CmpTestServer.cpp: OpenSSL's CMP server code) over HTTP on 127.0.0.1, with a
// shared secret for PBM protection.
class CmpServer {
public:
    CmpServer(const TempDir& dir, const std::string& secret, bool https = false)
        : m_dir(dir.file("cmp-ca")), m_https(https)
    {
        std::filesystem::create_directories(m_dir);
        makeOpensslRootCa(m_dir + "/ca-key.pem", m_dir + "/ca.pem", "/C=MN/O=Test CMP CA/CN=CMP Test Issuing CA");
        writeFile(m_dir + "/secret", secret + "\n");
        std::vector<std::string> arguments{TAMGA_TEST_CMP_SERVER, m_dir + "/ca.pem", m_dir + "/ca-key.pem",
                                           m_dir + "/secret", m_dir + "/revoked.txt"};
        if (https) {
            // The server's TLS certificate names it by its address, 127.0.0.1.
            auto tls =
                run({requireTool("openssl"), "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256",
                     "-nodes", "-keyout", m_dir + "/tls-key.pem", "-out", m_dir + "/tls.pem", "-days", "30", "-subj",
                     "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1"});
            REQUIRE(tls.exitCode == 0);
            arguments.push_back(m_dir + "/tls.pem");
            arguments.push_back(m_dir + "/tls-key.pem");
        }
        m_process = std::make_unique<BackgroundProcess>(arguments, m_dir + "/server.log");
        for (int i = 0; i < 100 && m_port == 0; ++i) {
            const std::string log = readFile(m_dir + "/server.log");
            if (auto at = log.find("listening on "); at != std::string::npos)
                m_port = std::atoi(log.c_str() + at + 13);
            else
                std::this_thread::sleep_for(std::chrono::milliseconds(50));
        }
        INFO(readFile(m_dir + "/server.log"));
        REQUIRE(m_port > 0);
    }

    std::string url() const
    {
        return (m_https ? "https://127.0.0.1:" : "http://127.0.0.1:") + std::to_string(m_port) + "/pkix/";
    }
    std::string rootPem() const { return m_dir + "/ca.pem"; }
    std::string tlsCertificatePem() const { return m_dir + "/tls.pem"; }
    std::string log() const { return readFile(m_dir + "/server.log"); }

private:
    std::string m_dir;
    bool m_https = false;
    int m_port = 0;
    std::unique_ptr<BackgroundProcess> m_process;
};

} // namespace tamga::test
