// Fixtures shared by the test suites: private temporary folders, SoftHSM2 sandboxes, and running the tools
// nobody here wrote (pkcs11-tool, p11tool, openssl) or tamga-cli itself as child processes.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace tamga::test {

// A fresh folder under $TMPDIR, removed with everything in it at the end of the test.
class TempDir {
public:
    TempDir();
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const std::filesystem::path& path() const { return m_path; }
    std::string file(const std::string& name) const { return (m_path / name).string(); }

private:
    std::filesystem::path m_path;
};

void writeFile(const std::string& path, const std::string& content);
std::string readFile(const std::string& path);

// Path of an installed tool; fails the test when it is missing (scripts/test installs every tool).
std::string requireTool(const std::string& name);

struct ProcessResult {
    int exitCode = -1;
    std::string out;
    std::string err;
};

// Runs a program with the current environment plus `environment`, no standard input, and captures its output.
ProcessResult run(const std::vector<std::string>& argv, const std::map<std::string, std::string>& environment = {});

// The database a test works on: a file in the test's folder, or, when TAMGA_TEST_POSTGRES names the state folder
// of a running test server (tests/support/postgres-server; ctest starts one for the "postgres" tests), a new
// database of its own on that server, dropped when this goes. The same tests run on both.
class TestDatabase {
public:
    explicit TestDatabase(const TempDir& dir, const std::string& fileName = "tamga.db");
    ~TestDatabase();
    TestDatabase(const TestDatabase&) = delete;
    TestDatabase& operator=(const TestDatabase&) = delete;
    // A file path, or postgresql://tamga@127.0.0.1:PORT/NAME?sslmode=verify-full&... (no password in it).
    const std::string& location() const { return m_location; }
    bool shared() const { return !m_name.empty(); }
    // Where the desk keeps the files that go with this database (the practice CA, receipts): the file's folder,
    // or, for a shared registry, $XDG_DATA_HOME/tamga/registries/HOST-PORT-NAME (core's Database::localFolderOf).
    std::string localFolder() const;
    // Whether this run's tests work on PostgreSQL.
    static bool onPostgres();
    // Runs SQL behind Tamga's back, as anyone holding the file or the server could: sqlite3 or psql (with
    // `postgresSql` there, where the dialects differ).
    ProcessResult runSql(const std::string& sql, const std::string& postgresSql = {}) const;
    // Every byte the database holds, as anyone who took it would read it: the file with its WAL and shared-memory
    // files, or pg_dump's plain dump of the registry with the files the desk keeps for it (localFolder()).
    std::string contents() const;

private:
    std::string m_location;
    std::string m_name;
    std::string m_serverUrl;
};

// A self-signed EC P-256 root CA made by the openssl command (a tool Tamga did not write): key and certificate
// (PEM) at these paths, ten years, CA:TRUE, keyCertSign and cRLSign. Fails the test when openssl fails.
void makeOpensslRootCa(const std::string& keyPath, const std::string& certificatePath, const std::string& subject);

// Options for the test token module (tests/support/TestTokenModule.cpp) in front of SoftHSM2.
struct TestModuleOptions {
    int pinTries = 0;        // 0: SoftHSM's own behaviour (no lockout)
    bool noEc = false;       // the token cannot generate EC keys
    unsigned rsaMaxBits = 0; // largest RSA key the token generates (0: SoftHSM's limit)
    // What other real modules do (see TestTokenModule.cpp):
    bool reuseSessionHandles = false;       // opencryptoki: a closed session's handle is handed out again
    bool refuseCertificateCategory = false; // opencryptoki: CKA_CERTIFICATE_CATEGORY is an invalid attribute
    std::string serialForEveryToken{};      // tpm2-pkcs11: every token reports this serial
    bool setPinNeedsLogin = false;          // C_SetPIN is refused in a session that is not logged in
    int keygenDelayMs = 0;                  // a real token's chip: key generation takes this much longer
};

// A SoftHSM2 token store of its own: SOFTHSM2_CONF points at it for this process and its children.
class SoftHsmSandbox {
public:
    SoftHsmSandbox();
    explicit SoftHsmSandbox(const TestModuleOptions& options); // use the test module in front of SoftHSM2

    const TempDir& dir() const { return m_dir; }
    // The module Tamga should load: SoftHSM2 itself, or the test module.
    const std::string& modulePath() const { return m_modulePath; }
    static std::string softHsmModulePath();
    static std::string testModulePath();

    // Simulates pulling and re-inserting the token (test module only).
    void pullToken() const;
    void pullTokenAfterCalls(int calls) const;
    void plugTokenBackIn() const;

    // Initializes the free slot's token with softhsm2-util (a tool Tamga did not write); returns its serial.
    std::string initTokenWithSoftHsmUtil(const std::string& label, const std::string& soPin,
                                         const std::string& userPin) const;

    // A file holding `secret` followed by a newline, as a clerk's PIN file would be.
    std::string secretFile(const std::string& name, const std::string& secret) const;

private:
    TempDir m_dir;
    std::string m_modulePath;
};

} // namespace tamga::test
