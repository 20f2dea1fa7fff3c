// A registration desk for enrollment tests: a database with a signed-in supervisor, a sample officer, a SoftHSM2
// token store, tamga-cli to drive it, and the independent tools that check the result. Also `openssl ca` as the
// CA of the offline exchange.
#pragma once

#include "OpensslCa.h"
#include "TestSupport.h"
#include "ToolListings.h"

#include <catch2/catch.hpp>

#include <sstream>

namespace tamga::test {

class EnrollDesk {
public:
    // `modulePath` names another PKCS#11 module (a real token started by tests/support/tokens) with the SO PIN
    // that token expects; the SoftHSM sandbox then only provides the private folder.
    explicit EnrollDesk(const TestModuleOptions* moduleOptions = nullptr, const std::string& modulePath = {},
                        const std::string& soPin = "12345678")
        : m_hsm(moduleOptions ? SoftHsmSandbox(*moduleOptions) : SoftHsmSandbox()),
          m_modulePath(modulePath.empty() ? m_hsm.modulePath() : modulePath)
    {
        m_password = m_hsm.secretFile("boss.pw", "Boss-password-1");
        m_pinFile = m_hsm.secretFile("user.pin", pin());
        m_soPinFile = m_hsm.secretFile("so.pin", soPin);
        REQUIRE(cli({"operator", "add", "--name", "boss", "--role", "supervisor", "--password-file", m_password})
                    .exitCode == 0);
        auto org = cli({"org", "add", "--name", "Нийслэлийн Мэдээллийн технологийн газар", "--register-no", "9000001"});
        REQUIRE(org.exitCode == 0);
        auto officer = cli({"applicant", "add", "--org", firstLine(org.out), "--surname", "Дорж", "--given-name",
                            "Батбаяр", "--civil-id", "УБ90010112", "--position", "Дарга", "--department",
                            "Сүлжээний хэлтэс", "--email", "batbayar@example.mn"});
        INFO(officer.err);
        REQUIRE(officer.exitCode == 0);
        m_officerId = firstLine(officer.out);
    }

    ProcessResult cli(std::vector<std::string> arguments, std::map<std::string, std::string> environment = {}) const
    {
        arguments.insert(arguments.begin(), {TAMGA_CLI, "--db", db(), "--module", m_modulePath});
        environment.emplace("TAMGA_OPERATOR", "boss");
        environment.emplace("TAMGA_PASSWORD_FILE", m_password);
        return run(arguments, environment);
    }

    void addPracticeCa() const
    {
        auto added = cli({"ca", "add", "practice", "--type", "practice"});
        INFO(added.err);
        REQUIRE(added.exitCode == 0);
    }

    std::string initToken(const std::string& label) const
    {
        auto init = cli({"token", "init", "--uninitialized", "--label", label, "--so-pin-file", m_soPinFile,
                         "--pin-file", m_pinFile});
        INFO(init.err);
        REQUIRE(init.exitCode == 0);
        return firstLine(init.out);
    }

    // The value after "name" on a line of tamga-cli's record output ("key ID      823f...").
    static std::string field(const std::string& output, const std::string& name)
    {
        std::istringstream lines(output);
        std::string line;
        while (std::getline(lines, line)) {
            if (line.rfind(name + " ", 0) == 0) {
                std::string value = line.substr(name.size());
                value.erase(0, value.find_first_not_of(' '));
                return value;
            }
        }
        FAIL("no \"" << name << "\" in:\n" << output);
        return {};
    }

    // OpenSC and GnuTLS agree that the token holds one private key (sensitive, never extractable), one public key
    // and one certificate under `keyId`, all with one label, and no other private key.
    void checkTokenHoldsOneKeyAndCertificate(const std::string& tokenLabel, const std::string& keyId) const
    {
        const auto objects = pkcs11toolObjects(m_modulePath, tokenLabel, pin());
        int privateKeys = 0, publicKeys = 0, certificates = 0, otherPrivateKeys = 0;
        std::string label;
        for (const auto& o : objects) {
            if (o.kind == "Private Key" && o.id != keyId)
                ++otherPrivateKeys;
            if (o.id != keyId)
                continue;
            if (label.empty())
                label = o.label;
            CHECK(o.label == label);
            privateKeys += o.kind == "Private Key";
            publicKeys += o.kind == "Public Key";
            certificates += o.kind == "Certificate";
            if (o.kind == "Private Key")
                CHECK_THAT(o.access, Catch::Contains("sensitive") && Catch::Contains("never extractable"));
        }
        CHECK(privateKeys == 1);
        CHECK(publicKeys == 1);
        CHECK(certificates == 1);
        CHECK(otherPrivateKeys == 0);
        CHECK_FALSE(label.empty());

        auto serial = tokenSerial(tokenLabel);
        const auto listed = p11toolObjects(m_modulePath, serial, pin(), tokenLabel);
        int gnutlsSeen = 0;
        for (const auto& o : listed)
            gnutlsSeen += o.id == keyId && (o.kind == "private" || o.kind == "public" || o.kind == "cert");
        CHECK(gnutlsSeen == 3);
    }

    std::string readCertificatePem(const std::string& tokenLabel, const std::string& keyId) const
    {
        const std::string der = m_hsm.dir().file("read-" + keyId + ".der");
        pkcs11toolReadCertificate(m_modulePath, tokenLabel, keyId, der);
        auto pem = run({requireTool("openssl"), "x509", "-inform", "DER", "-in", der});
        REQUIRE(pem.exitCode == 0);
        return pem.out;
    }

    // openssl verify: the certificate read from the token chains, through the CA certificates read from the
    // token, to `rootPem` (default: the practice CA's root).
    void checkChainVerifies(const std::string& tokenLabel, const std::string& keyId, std::string rootPem = {}) const
    {
        if (rootPem.empty())
            rootPem = m_database.localFolder() + "/practice-ca/root.pem";
        const auto objects = pkcs11toolObjects(m_modulePath, tokenLabel, pin());
        std::string chain;
        for (const auto& o : objects) {
            if (o.kind == "Certificate" && o.id != keyId)
                chain += readCertificatePem(tokenLabel, o.id);
        }
        REQUIRE_FALSE(chain.empty());
        const std::string chainFile = writeTemp("chain.pem", chain);
        const std::string certificateFile = writeTemp("certificate.pem", readCertificatePem(tokenLabel, keyId));
        auto verified =
            run({requireTool("openssl"), "verify", "-CAfile", rootPem, "-untrusted", chainFile, certificateFile});
        INFO(verified.out << verified.err);
        CHECK(verified.exitCode == 0);
    }

    std::string tokenSerial(const std::string& tokenLabel) const
    {
        auto tokens = cli({"tokens"});
        std::istringstream lines(tokens.out);
        std::string line;
        while (std::getline(lines, line)) {
            if (line.find("  " + tokenLabel + "  ") != std::string::npos)
                return line.substr(0, line.find(' '));
        }
        FAIL("no token labelled " << tokenLabel);
        return {};
    }

    std::string writeTemp(const std::string& name, const std::string& content) const
    {
        writeFile(m_hsm.dir().file(name), content);
        return m_hsm.dir().file(name);
    }

    const SoftHsmSandbox& hsm() const { return m_hsm; }
    const std::string& modulePath() const { return m_modulePath; }
    const TempDir& dir() const { return m_hsm.dir(); }
    // The desk's file, or its PostgreSQL URL when the suite runs on PostgreSQL (TestDatabase).
    std::string db() const { return m_database.location(); }
    const TestDatabase& database() const { return m_database; }
    const std::string& officerId() const { return m_officerId; }
    const std::string& pinFile() const { return m_pinFile; }
    const std::string& soPinFile() const { return m_soPinFile; }
    static std::string pin() { return "123456"; }

private:
    static std::string firstLine(const std::string& text) { return text.substr(0, text.find('\n')); }

    SoftHsmSandbox m_hsm;
    TestDatabase m_database{m_hsm.dir(), "desk.db"};
    std::string m_modulePath;
    std::string m_password;
    std::string m_pinFile;
    std::string m_soPinFile;
    std::string m_officerId;
};

} // namespace tamga::test
