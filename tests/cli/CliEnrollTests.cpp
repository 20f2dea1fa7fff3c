// Enrollment end to end through tamga-cli, with the practice CA and the offline exchange against `openssl ca`:
// what lands on the token is checked with pkcs11-tool, p11tool and openssl verify; a process killed after every
// state resumes to exactly one key pair and one certificate.
#include "EnrollFixture.h"

#include <catch2/catch.hpp>

#include <csignal>
#include <filesystem>
#include <fstream>

#include <sys/stat.h>

using namespace tamga::test;

TEST_CASE("enroll with the practice CA: key - certificate and chain on the token - checked by independent tools")
{
    EnrollDesk desk;
    desk.addPracticeCa();
    const std::string serial = desk.initToken("Officer token");
    auto enrolled = desk.cli({"enroll", "--applicant", desk.officerId(), "--token", serial, "--profile", "signing",
                              "--ca", "practice", "--pin-file", desk.pinFile()});
    INFO(enrolled.err);
    REQUIRE(enrolled.exitCode == 0);
    CHECK_THAT(enrolled.out, Catch::Contains("state       verified"));
    const std::string keyId = desk.field(enrolled.out, "key ID");
    REQUIRE(keyId.size() == 40);

    desk.checkTokenHoldsOneKeyAndCertificate("Officer token", keyId);
    desk.checkChainVerifies("Officer token", keyId);

    // The subject went out with the string types the profile says.
    const std::string certificate = desk.readCertificatePem("Officer token", keyId);
    auto parsed = run({requireTool("openssl"), "x509", "-noout", "-text", "-nameopt",
                       "multiline,show_type,utf8,-esc_msb", "-in", desk.writeTemp("issued.pem", certificate)});
    CHECK_THAT(parsed.out, Catch::Contains("countryName               = PRINTABLESTRING:MN"));
    CHECK_THAT(parsed.out, Catch::Contains("serialNumber              = PRINTABLESTRING:PNOMN-UB90010112"));
    CHECK_THAT(parsed.out, Catch::Contains("commonName                = UTF8STRING:Дорж Батбаяр"));
    CHECK_THAT(parsed.out, Catch::Contains("title                     = UTF8STRING:Дарга"));
    CHECK_THAT(parsed.out, Catch::Contains("Non Repudiation"));
    CHECK_THAT(parsed.out, Catch::Contains("email:batbayar@example.mn"));

    // Every step is in the audit log, and the chain is intact.
    auto audit = desk.cli({"audit", "list", "--limit", "20"});
    for (const char* state :
         {"enrollment.token_prepared", "enrollment.key_generated", "enrollment.request_built", "enrollment.submitted",
          "enrollment.certificate_received", "enrollment.written_to_token", "enrollment.verified"})
        CHECK_THAT(audit.out, Catch::Contains(state));
    CHECK(desk.cli({"audit", "verify"}).exitCode == 0);

    // This desk is not a training desk, but the practice CA's certificate is worth nothing outside training:
    // its receipt says so. The file is its owner's only; global options may come before the command.
    const std::string pdf = desk.writeTemp("receipt.pdf", "");
    auto receipt = desk.cli({"--json", "receipt", desk.field(enrolled.out, "enrollment"), "--out", pdf});
    INFO(receipt.err);
    REQUIRE(receipt.exitCode == 0);
    auto text = run({requireTool("pdftotext"), pdf, "-"});
    CHECK_THAT(text.out, Catch::Contains("TRAINING") && Catch::Contains("Дорж Батбаяр"));
    struct stat status {};
    REQUIRE(::stat(pdf.c_str(), &status) == 0);
    CHECK((status.st_mode & 0777) == 0600);
}

TEST_CASE("enroll --init prepares a new token first - then hand-over marks it issued")
{
    EnrollDesk desk;
    desk.addPracticeCa();
    const std::string serial = desk.initToken("old label"); // a token that was used before
    auto enrolled = desk.cli({"enroll", "--applicant", desk.officerId(), "--token", serial, "--profile",
                              "authentication", "--ca", "practice", "--pin-file", desk.pinFile(), "--init", "--label",
                              "Fresh token", "--so-pin-file", desk.soPinFile()});
    INFO(enrolled.err);
    REQUIRE(enrolled.exitCode == 0);
    const std::string keyId = desk.field(enrolled.out, "key ID");
    desk.checkTokenHoldsOneKeyAndCertificate("Fresh token", keyId);
    const std::string id = desk.field(enrolled.out, "enrollment");
    auto handed = desk.cli({"enrollment", "handover", id});
    CHECK(handed.exitCode == 0);
    CHECK_THAT(handed.out, Catch::Contains("handed_over"));
}

TEST_CASE("a process killed after each state resumes to exactly one key pair and one certificate")
{
    const char* states[] = {"token_prepared", "key_generated",        "request_built",
                            "submitted",      "certificate_received", "written_to_token"};
    for (const char* state : states) {
        DYNAMIC_SECTION("killed after " << state)
        {
            EnrollDesk desk;
            desk.addPracticeCa();
            const std::string serial = desk.initToken("crash");
            auto killed = desk.cli({"enroll", "--applicant", desk.officerId(), "--token", serial, "--profile",
                                    "signing", "--ca", "practice", "--pin-file", desk.pinFile()},
                                   {{"TAMGA_FAULT_KILL_AFTER_STATE", state}});
            REQUIRE(killed.exitCode == 128 + SIGKILL);
            auto show = desk.cli({"enrollment", "show", "1"});
            CHECK_THAT(show.out, Catch::Contains(std::string("state       ") + state));

            auto resumed = desk.cli({"enrollment", "resume", "1", "--pin-file", desk.pinFile()});
            INFO(resumed.err);
            REQUIRE(resumed.exitCode == 0);
            CHECK_THAT(resumed.out, Catch::Contains("state       verified"));
            desk.checkTokenHoldsOneKeyAndCertificate("crash", desk.field(resumed.out, "key ID"));
            CHECK(desk.cli({"audit", "verify"}).exitCode == 0);
        }
    }
}

TEST_CASE("a key left without its final ID by a crash inside key generation is adopted - not duplicated")
{
    EnrollDesk desk;
    desk.addPracticeCa();
    const std::string serial = desk.initToken("half key");
    // Killed right after "token prepared": then a key pair appears with the enrollment's label but a provisional
    // ID, as if generation had been cut off before the ID was set.
    auto killed = desk.cli({"enroll", "--applicant", desk.officerId(), "--token", serial, "--profile", "signing",
                            "--ca", "practice", "--pin-file", desk.pinFile()},
                           {{"TAMGA_FAULT_KILL_AFTER_STATE", "token_prepared"}});
    REQUIRE(killed.exitCode == 128 + SIGKILL);
    auto generated = run({requireTool("pkcs11-tool"), "--module", desk.hsm().modulePath(), "--token-label", "half key",
                          "--login", "--pin", desk.pin(), "--keypairgen", "--key-type", "EC:prime256v1", "--id",
                          "74616d67616e6577", "--label", "Дорж Батбаяр signing #1"});
    INFO(generated.err);
    REQUIRE(generated.exitCode == 0);

    auto resumed = desk.cli({"enrollment", "resume", "1", "--pin-file", desk.pinFile()});
    INFO(resumed.err);
    REQUIRE(resumed.exitCode == 0);
    const std::string keyId = desk.field(resumed.out, "key ID");
    CHECK(keyId != "74616d67616e6577");
    desk.checkTokenHoldsOneKeyAndCertificate("half key", keyId);
}

TEST_CASE("a wrong PIN or a missing token stops the enrollment where it is - resumable")
{
    EnrollDesk desk;
    desk.addPracticeCa();
    const std::string serial = desk.initToken("wrong pin");
    auto wrong = desk.cli({"enroll", "--applicant", desk.officerId(), "--token", serial, "--profile", "signing", "--ca",
                           "practice", "--pin-file", desk.hsm().secretFile("wrong.pin", "999999")});
    CHECK(wrong.exitCode == 2);
    CHECK_THAT(wrong.err, Catch::Contains("PIN is wrong") && Catch::Contains("enrollment resume 1"));
    auto show = desk.cli({"enrollment", "show", "1"});
    CHECK_THAT(show.out, Catch::Contains("state       token_prepared") && Catch::Contains("last error  log in") &&
                             Catch::Contains("PIN is wrong"));

    auto noToken = desk.cli({"enroll", "--applicant", desk.officerId(), "--token", "0000000000000000", "--profile",
                             "signing", "--ca", "practice", "--pin-file", desk.pinFile()});
    CHECK(noToken.exitCode == 2);
    CHECK_THAT(noToken.err, Catch::Contains("not plugged in"));

    auto resumed = desk.cli({"enrollment", "resume", "1", "--pin-file", desk.pinFile()});
    CHECK(resumed.exitCode == 0);
    CHECK_THAT(resumed.out, Catch::Contains("verified"));
}

TEST_CASE("the offline exchange with openssl ca on the other side: export - sign - import - resume")
{
    EnrollDesk desk;
    OpensslCa ca(desk.dir());
    REQUIRE(desk.cli({"trust", "add", ca.rootPem()}).exitCode == 0);
    REQUIRE(desk.cli({"ca", "add", "offline", "--type", "files", "--dir", desk.dir().file("exchange")}).exitCode == 0);
    const std::string serial = desk.initToken("offline");

    auto enrolled = desk.cli({"enroll", "--applicant", desk.officerId(), "--token", serial, "--profile", "signing",
                              "--ca", "offline", "--pin-file", desk.pinFile()});
    INFO(enrolled.err);
    REQUIRE(enrolled.exitCode == 0);
    CHECK_THAT(enrolled.out, Catch::Contains("state       submitted"));

    // The clerk exports the waiting requests; the CA operator signs each with openssl ca.
    REQUIRE(desk.cli({"batch", "export", "--ca", "offline", "--out", desk.dir().file("to-ca")}).exitCode == 0);
    CHECK_THAT(readFile(desk.dir().file("to-ca/manifest.json")), Catch::Contains("enrollment-1.csr.pem"));
    ca.sign(desk.dir().file("to-ca/enrollment-1.csr.pem"), desk.dir().file("from-ca/7F3A.crt"));

    auto imported = desk.cli({"batch", "import", "--ca", "offline", "--in", desk.dir().file("from-ca")});
    INFO(imported.err);
    REQUIRE(imported.exitCode == 0);
    CHECK_THAT(imported.out, Catch::Contains("1 certificate(s) received"));

    auto resumed = desk.cli({"enrollment", "resume", "1", "--pin-file", desk.pinFile()});
    INFO(resumed.err);
    REQUIRE(resumed.exitCode == 0);
    const std::string keyId = desk.field(resumed.out, "key ID");
    desk.checkTokenHoldsOneKeyAndCertificate("offline", keyId);
    desk.checkChainVerifies("offline", keyId, ca.rootPem());
}

TEST_CASE("files from the CA that do not fit are refused and the enrollment waits")
{
    EnrollDesk desk;
    OpensslCa ca(desk.dir());
    OpensslCa stranger(desk.dir(), "stranger");
    REQUIRE(desk.cli({"trust", "add", ca.rootPem()}).exitCode == 0);
    REQUIRE(desk.cli({"ca", "add", "offline", "--type", "files", "--dir", desk.dir().file("exchange")}).exitCode == 0);
    const std::string serial = desk.initToken("refusals");
    REQUIRE(desk.cli({"enroll", "--applicant", desk.officerId(), "--token", serial, "--profile", "signing", "--ca",
                      "offline", "--pin-file", desk.pinFile()})
                .exitCode == 0);
    REQUIRE(desk.cli({"batch", "export", "--ca", "offline", "--out", desk.dir().file("to-ca")}).exitCode == 0);

    SECTION("a certificate from a CA that is not trusted")
    {
        stranger.sign(desk.dir().file("to-ca/enrollment-1.csr.pem"), desk.dir().file("from-ca/cert.pem"));
        auto imported = desk.cli({"batch", "import", "--ca", "offline", "--in", desk.dir().file("from-ca")});
        CHECK(imported.exitCode == 2);
        CHECK_THAT(imported.err, Catch::Contains("does not chain to a configured trust anchor"));
    }
    SECTION("a certificate with other key usages than the profile's")
    {
        ca.sign(desk.dir().file("to-ca/enrollment-1.csr.pem"), desk.dir().file("from-ca/cert.der"), "v3_tls", true);
        auto imported = desk.cli({"batch", "import", "--ca", "offline", "--in", desk.dir().file("from-ca")});
        CHECK(imported.exitCode == 2);
        CHECK_THAT(imported.err, Catch::Contains("key usage"));
    }
    SECTION("files that are not certificates, or certificates for other keys")
    {
        writeFile(desk.dir().file("from-ca/garbage.pem"),
                  "-----BEGIN CERTIFICATE-----\nnot base64\n-----END CERTIFICATE-----\n");
        writeFile(desk.dir().file("from-ca/empty.der"), "");
        auto imported = desk.cli({"batch", "import", "--ca", "offline", "--in", desk.dir().file("from-ca")});
        CHECK(imported.exitCode == 0);
        CHECK_THAT(imported.out, Catch::Contains("0 certificate(s) received, 1 request(s) still waiting"));
    }
    SECTION("an expired and a valid certificate for one key: the valid one is taken whatever the file order")
    {
        // "a-" sorts first: the expired one is met first, as directory order put it last in an earlier Tamga.
        ca.sign(desk.dir().file("to-ca/enrollment-1.csr.pem"), desk.dir().file("from-ca/a-expired.pem"), "v3_sign",
                false, {"-startdate", "20200101000000Z", "-enddate", "20210101000000Z"});
        ca.sign(desk.dir().file("to-ca/enrollment-1.csr.pem"), desk.dir().file("from-ca/b-valid.pem"));
        auto imported = desk.cli({"batch", "import", "--ca", "offline", "--in", desk.dir().file("from-ca")});
        INFO(imported.err);
        CHECK(imported.exitCode == 0);
        CHECK_THAT(imported.out, Catch::Contains("1 certificate(s) received") &&
                                     Catch::Contains("b-valid.pem: the certificate of enrollment #1"));
        auto show = desk.cli({"enrollment", "show", "1"});
        CHECK_THAT(show.out, Catch::Contains("state       certificate_received"));
        return;
    }
    SECTION("a PKCS#7 with thousands of certificates is reported - not skipped in silence")
    {
        // 2,500 copies of the CA's root in one PKCS#7 (what a hostile or broken CA export could send; a larger
        // file is refused by its size, also by name).
        const std::string root = ca.rootPem();
        std::string many;
        const std::string one = [&] {
            std::ifstream in(root);
            return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        }();
        for (int i = 0; i < 2500; ++i)
            many += one;
        writeFile(desk.dir().file("many.pem"), many);
        std::filesystem::create_directories(desk.dir().file("from-ca"));
        REQUIRE(run({requireTool("openssl"), "crl2pkcs7", "-nocrl", "-certfile", desk.dir().file("many.pem"), "-out",
                     desk.dir().file("from-ca/bundle.p7b")})
                    .exitCode == 0);
        auto imported = desk.cli({"batch", "import", "--ca", "offline", "--in", desk.dir().file("from-ca")});
        CHECK(imported.exitCode == 0);
        CHECK_THAT(imported.out, Catch::Contains("bundle.p7b: not used: it holds 2500 certificates; at most 2000"));
    }
    SECTION("a link to /dev/zero and a link out of the folder are not read")
    {
        std::filesystem::create_directories(desk.dir().file("from-ca"));
        std::filesystem::create_symlink("/dev/zero", desk.dir().file("from-ca/zero.pem"));
        std::filesystem::create_symlink(desk.dir().file("to-ca/enrollment-1.csr.pem"),
                                        desk.dir().file("from-ca/outside.pem"));
        auto imported = desk.cli({"batch", "import", "--ca", "offline", "--in", desk.dir().file("from-ca")});
        CHECK(imported.exitCode == 0); // no hang, no memory exhausted: nothing fit
        CHECK_THAT(imported.out, Catch::Contains("0 certificate(s) received, 1 request(s) still waiting"));
        CHECK_THAT(imported.out,
                   Catch::Contains("zero.pem: not used") || !Catch::Contains("zero.pem: the certificate"));
    }
    auto show = desk.cli({"enrollment", "show", "1"});
    CHECK_THAT(show.out, Catch::Contains("state       submitted"));
    auto resumed = desk.cli({"enrollment", "resume", "1", "--pin-file", desk.pinFile()});
    CHECK_THAT(resumed.out + resumed.err, Catch::Contains("submitted"));
}

TEST_CASE("enroll --init refuses a token that cannot make the profile's key - before erasing it")
{
    // opencryptoki's soft token has no EC: before, the token was wiped first and the key generation failed after.
    const tamga::test::TestModuleOptions rsaOnly{.noEc = true};
    EnrollDesk desk(&rsaOnly);
    desk.addPracticeCa();
    const std::string serial = desk.initToken("kept as it was");
    const auto before = pkcs11toolObjects(desk.hsm().modulePath(), "kept as it was", desk.pin());
    auto enrolled = desk.cli({"enroll", "--applicant", desk.officerId(), "--token", serial, "--profile", "signing",
                              "--ca", "practice", "--pin-file", desk.pinFile(), "--init", "--label", "Wiped",
                              "--so-pin-file", desk.soPinFile()});
    CHECK(enrolled.exitCode != 0);
    CHECK_THAT(enrolled.err, Catch::Contains("cannot generate ec-p256"));
    // Still the same token: its label (and so its initialization) untouched, nothing new on it.
    const auto after = pkcs11toolObjects(desk.hsm().modulePath(), "kept as it was", desk.pin());
    CHECK(after.size() == before.size());
    auto listed = run({requireTool("pkcs11-tool"), "--module", desk.hsm().modulePath(), "--list-token-slots"});
    CHECK_THAT(listed.out, Catch::Contains("kept as it was") && !Catch::Contains("Wiped"));
}
