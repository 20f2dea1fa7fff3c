// A registration desk for enrollment tests: a database with a signed-in supervisor, a sample officer, a SoftHSM2
// token store, tamga-cli to drive it, and the independent tools that check the result. Also `openssl ca` as the
// CA of the offline exchange.
#pragma once

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
            rootPem = m_hsm.dir().file("practice-ca/root.pem");
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
    std::string db() const { return m_hsm.dir().file("desk.db"); }
    const std::string& officerId() const { return m_officerId; }
    const std::string& pinFile() const { return m_pinFile; }
    const std::string& soPinFile() const { return m_soPinFile; }
    static std::string pin() { return "123456"; }

private:
    static std::string firstLine(const std::string& text) { return text.substr(0, text.find('\n')); }

    SoftHsmSandbox m_hsm;
    std::string m_modulePath;
    std::string m_password;
    std::string m_pinFile;
    std::string m_soPinFile;
    std::string m_officerId;
};

// `openssl ca` as the CA operator on the other side of the offline exchange: a root CA that signs requests with
// the extensions of its config, copying from the request only what its config does not set (copy_extensions =
// copy: the subjectAltName Tamga asked for), and a policy that requires C, CN and serialNumber.
class OpensslCa {
public:
    explicit OpensslCa(const TempDir& dir, const std::string& name = "openssl-ca") : m_dir(dir.file(name))
    {
        std::filesystem::create_directories(m_dir + "/issued");
        writeFile(m_dir + "/index.txt", "");
        writeFile(m_dir + "/serial", "1000\n");
        writeFile(
            m_dir + "/ca.cnf",
            "[ca]\ndefault_ca = desk\n"
            "[desk]\ndir = " +
                m_dir +
                "\ndatabase = $dir/index.txt\nserial = $dir/serial\n"
                "new_certs_dir = $dir/issued\ncertificate = $dir/root.pem\nprivate_key = $dir/root-key.pem\n"
                "default_md = sha256\ndefault_days = 365\npolicy = policy_officer\ncopy_extensions = copy\n"
                "preserve = yes\nutf8 = yes\nstring_mask = utf8only\nunique_subject = no\n"
                "[policy_officer]\ncountryName = supplied\norganizationName = optional\n"
                "organizationalUnitName = optional\ntitle = optional\nsurname = optional\ngivenName = optional\n"
                "commonName = supplied\nserialNumber = supplied\n"
                "[v3_sign]\nbasicConstraints = critical,CA:FALSE\nkeyUsage = critical,digitalSignature,nonRepudiation\n"
                "subjectKeyIdentifier = hash\nauthorityKeyIdentifier = keyid\n"
                "[v3_tls]\nbasicConstraints = critical,CA:FALSE\nkeyUsage = critical,digitalSignature,keyEncipherment\n"
                "extendedKeyUsage = serverAuth\n");
        makeOpensslRootCa(m_dir + "/root-key.pem", m_dir + "/root.pem", "/C=MN/O=Test State CA/CN=" + name + " Root");
    }

    std::string rootPem() const { return m_dir + "/root.pem"; }

    // `validity`: extra `openssl ca` options such as {"-startdate", "20200101000000Z", "-enddate", ...}.
    void sign(const std::string& request, const std::string& output, const std::string& extensions = "v3_sign",
              bool der = false, const std::vector<std::string>& validity = {}) const
    {
        std::filesystem::create_directories(std::filesystem::path(output).parent_path());
        const std::string pem = der ? output + ".pem" : output;
        std::vector<std::string> command{requireTool("openssl"),
                                         "ca",
                                         "-batch",
                                         "-config",
                                         m_dir + "/ca.cnf",
                                         "-extensions",
                                         extensions,
                                         "-notext",
                                         "-in",
                                         request,
                                         "-out",
                                         pem};
        command.insert(command.end(), validity.begin(), validity.end());
        auto signed_ = run(command);
        INFO(signed_.err);
        REQUIRE(signed_.exitCode == 0);
        if (der) {
            REQUIRE(run({requireTool("openssl"), "x509", "-in", pem, "-outform", "DER", "-out", output}).exitCode == 0);
            std::filesystem::remove(pem);
        }
    }

private:
    std::string m_dir;
};

} // namespace tamga::test
