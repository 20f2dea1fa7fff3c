// A whole enrollment through tamga-cli on PKCS#11 implementations other than SoftHSM, each started by its wrapper
// in tests/support/tokens/ (TAMGA_TEST_P11_MODULE, TAMGA_TEST_P11_KIND). Hidden from the ordinary run ("[.real]"):
// ctest runs it through the wrappers. A new token is initialized by the enrollment itself, the key made on it,
// the certificate and chain written back, and the result read with pkcs11-tool and p11tool and checked with
// openssl verify.
#include "EnrollFixture.h"

#include <catch2/catch.hpp>

#include <cstdlib>

using namespace tamga::test;

namespace {

// The built-in signing profile with an RSA key, for tokens without EC (opencryptoki's soft token).
const char* kRsaSigningProfile = R"({
  "name": "signing-rsa",
  "description": "Digital signature of documents, RSA key",
  "keyType": "rsa2048",
  "subject": ["C=MN", "O={organization}", "OU={department}", "title={position}", "SN={surname}",
              "GN={given_name}", "CN={surname} {given_name}", "serialNumber=PNOMN-{civil_id_latin}"],
  "keyUsage": ["digitalSignature", "nonRepudiation"],
  "extendedKeyUsage": [],
  "emailInSubjectAltName": true,
  "validityDays": 730
})";

} // namespace

TEST_CASE("a whole enrollment on a real token that is not SoftHSM: the new token initialized - key - certificate and "
          "chain - verified",
          "[.real]")
{
    const char* module = std::getenv("TAMGA_TEST_P11_MODULE");
    const char* kind = std::getenv("TAMGA_TEST_P11_KIND");
    INFO("run through tests/support/tokens/with-tpm2-token or with-opencryptoki");
    REQUIRE(module);
    REQUIRE(kind);
    const bool ec = std::string(kind) == "tpm2";
    // opencryptoki's soft token is made with SO PIN 87654321 and has no EC; tpm2-pkcs11 makes both.
    EnrollDesk desk(nullptr, module, "87654321");
    desk.addPracticeCa();
    std::string profile = "signing";
    if (!ec) {
        auto added = desk.cli({"profile", "add", desk.writeTemp("rsa-profile.json", kRsaSigningProfile)});
        INFO(added.err);
        REQUIRE(added.exitCode == 0);
        profile = "signing-rsa";

        // The built-in EC profile is refused before the token is initialized.
        auto refused = desk.cli({"enroll", "--applicant", desk.officerId(), "--token", "123", "--profile", "signing",
                                 "--ca", "practice", "--pin-file", desk.pinFile(), "--init", "--label", "Never",
                                 "--so-pin-file", desk.soPinFile()});
        CHECK(refused.exitCode != 0);
        CHECK_THAT(refused.err, Catch::Contains("cannot generate ec-p256"));
        auto tokens = desk.cli({"tokens"});
        CHECK_THAT(tokens.out, !Catch::Contains("Never"));
    }

    // The blank token, by the serial its module gives it.
    const std::string blankSerial = ec ? "0000000000000000" : "123";
    auto enrolled = desk.cli({"enroll", "--applicant", desk.officerId(), "--token", blankSerial, "--profile", profile,
                              "--ca", "practice", "--pin-file", desk.pinFile(), "--init", "--label", "Officer token",
                              "--so-pin-file", desk.soPinFile()});
    INFO(enrolled.out << enrolled.err);
    REQUIRE(enrolled.exitCode == 0);
    CHECK_THAT(enrolled.out, Catch::Contains("state       verified"));
    const std::string keyId = desk.field(enrolled.out, "key ID");
    REQUIRE(keyId.size() == 40);
    desk.checkTokenHoldsOneKeyAndCertificate("Officer token", keyId);
    desk.checkChainVerifies("Officer token", keyId);

    // The PIN changed through the CLI: logged in first, and the key still signs afterwards (opencryptoki lost every
    // key when the PIN was changed without a login).
    const std::string newPinFile = desk.writeTemp("new.pin", "654321\n");
    const std::string serial = desk.tokenSerial("Officer token");
    auto changed = desk.cli(
        {"token", "change-pin", "--serial", serial, "--pin-file", desk.pinFile(), "--new-pin-file", newPinFile});
    INFO(changed.err);
    CHECK(changed.exitCode == 0);
    auto objects = desk.cli({"token", "objects", "--serial", serial, "--pin-file", newPinFile});
    INFO(objects.err);
    CHECK(objects.exitCode == 0);
    CHECK_THAT(objects.out, Catch::Contains(keyId));
    CHECK(desk.cli({"audit", "verify"}).exitCode == 0);
}
