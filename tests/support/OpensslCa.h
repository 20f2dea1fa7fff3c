// `openssl ca` for tests: the CA operator of the offline exchange, started in a test's own folder.
#pragma once

#include "TestSupport.h"

#include <catch2/catch.hpp>

#include <filesystem>
#include <string>
#include <vector>

namespace tamga::test {

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

    // The CA operator revokes a certificate (`openssl ca -revoke` with its reason) and publishes a CRL
    // (`openssl ca -gencrl`) at `crlFile`.
    void revoke(const std::string& certificatePem, const std::string& reason) const
    {
        auto revoked = run({requireTool("openssl"), "ca", "-batch", "-config", m_dir + "/ca.cnf", "-revoke",
                            certificatePem, "-crl_reason", reason});
        INFO(revoked.err);
        REQUIRE(revoked.exitCode == 0);
    }
    void publishCrl(const std::string& crlFile) const
    {
        auto published = run({requireTool("openssl"), "ca", "-batch", "-config", m_dir + "/ca.cnf", "-gencrl",
                              "-crldays", "7", "-out", crlFile});
        INFO(published.err);
        REQUIRE(published.exitCode == 0);
    }

private:
    std::string m_dir;
};

} // namespace tamga::test
