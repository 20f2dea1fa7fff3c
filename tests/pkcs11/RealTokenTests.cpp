// The token layer on PKCS#11 implementations other than SoftHSM, each started by its wrapper in
// tests/support/tokens/ (opencryptoki's soft token in private namespaces, tpm2-pkcs11 over its own software TPM),
// which names the module in TAMGA_TEST_P11_MODULE and the implementation in TAMGA_TEST_P11_KIND. Hidden from the
// ordinary run ("[.real]"): ctest runs them through the wrappers. What Tamga wrote is read back with pkcs11-tool
// and the certificate checked with openssl verify.
#include "TestCertificates.h"
#include "TestSupport.h"
#include "ToolListings.h"
#include "tamga/pkcs11/Module.h"
#include "tamga/pkcs11/Quirks.h"
#include "tamga/pkcs11/Token.h"

#include <catch2/catch.hpp>

#include <openssl/evp.h>
#include <openssl/x509.h>

#include <cstdlib>

using namespace tamga::pkcs11;

namespace {

struct Implementation {
    std::string module;
    std::string kind; // "tpm2" or "opencryptoki"
};

Implementation implementation()
{
    const char* module = std::getenv("TAMGA_TEST_P11_MODULE");
    const char* kind = std::getenv("TAMGA_TEST_P11_KIND");
    INFO("run through tests/support/tokens/with-tpm2-token or with-opencryptoki");
    REQUIRE(module);
    REQUIRE(kind);
    return {module, kind};
}

} // namespace

TEST_CASE(
    "a real token that is not SoftHSM: initialized - a key made on it - certificate and chain written - PIN changed",
    "[.real]")
{
    const Implementation real = implementation();
    // opencryptoki's soft token comes with SO PIN 87654321 and takes PINs of 4 to 8 characters; it has no EC.
    // tpm2-pkcs11 sets the SO PIN at C_InitToken and makes EC and RSA keys (one key a process without a TPM
    // resource manager).
    const bool ec = real.kind == "tpm2";
    const KeyType keyType = ec ? KeyType::EcP256 : KeyType::Rsa2048;
    const Pin soPin("87654321");
    const std::string label = "Tamga " + real.kind;

    auto module = Module::load(real.module);
    INFO((module ? std::string() : module.error().describe()));
    REQUIRE(module);
    // The quirk table's entries are keyed by what these modules really report.
    const Quirks quirks = quirksForModule((*module)->info().manufacturer);
    CHECK(quirks.certificateCategoryRefused == (real.kind == "opencryptoki"));
    CHECK(quirks.keyUsageDerivedByToken == (real.kind == "tpm2"));
    CHECK_FALSE(quirks.tokensFixedAtInitialize);

    auto blank = (*module)->findUninitializedToken();
    REQUIRE(blank);
    if (!ec) {
        // Refused before the token is touched.
        auto refused = Token::checkCanGenerate(*module, *blank, KeyType::EcP256);
        REQUIRE_FALSE(refused);
        CHECK(refused.error().kind == ErrorKind::MechanismNotSupported);
    }
    REQUIRE(Token::checkCanGenerate(*module, *blank, keyType));

    auto info = Token::initialize(*module, *blank, soPin, label, Pin("1234"));
    INFO((info ? std::string() : info.error().describe()));
    REQUIRE(info);
    CHECK(info->label == label);
    CHECK(info->flags.tokenInitialized);
    CHECK(info->flags.userPinInitialized);
    Token token(*module, info->serial);

    auto key = token.generateKeyPair(Pin("1234"), keyType, "officer");
    INFO((key ? std::string() : key.error().describe()));
    REQUIRE(key);
    auto objects = token.objects(std::make_unique<Pin>("1234").get());
    REQUIRE(objects);
    for (const ObjectInfo& object : *objects) {
        if (object.objectClass == ObjectClass::PrivateKey) {
            CHECK(object.sensitive);
            CHECK_FALSE(object.extractable);
            CHECK(object.canSign);
        }
    }

    const auto ca = tamga::test::makeTestCa("Real Token CA");
    const auto certificate = tamga::test::issueCertificate(ca, key->publicKeyDer, "Батбаяр Дорж");
    auto stored = token.storeCertificate(Pin("1234"), certificate, key->id, "officer");
    INFO((stored ? std::string() : stored.error().describe()));
    REQUIRE(stored);
    auto chain = token.storeCaCertificate(Pin("1234"), ca.certificateDer, "Real Token CA");
    INFO((chain ? std::string() : chain.error().describe()));
    REQUIRE(chain);
    {
        auto signer = token.signingKey(Pin("1234"), key->id);
        INFO((signer ? std::string() : signer.error().describe()));
        REQUIRE(signer);
        CHECK(tamga::test::signatureVerifies(signer->get(), key->publicKeyDer));
    }

    // The PIN changed (logged in first), and the key proven to sign under the new PIN.
    auto changed = token.changeUserPin(Pin("1234"), Pin("4862"));
    INFO((changed ? std::string() : changed.error().describe()));
    REQUIRE(changed);
    {
        auto signer = token.signingKey(Pin("4862"), key->id);
        INFO((signer ? std::string() : signer.error().describe()));
        REQUIRE(signer);
        CHECK(tamga::test::signatureVerifies(signer->get(), key->publicKeyDer));
    }

    // OpenSC's view with the new PIN: the key pair and the certificate under one ID, the CA certificate beside.
    const std::string id = toHex(key->id);
    const auto listed = tamga::test::pkcs11toolObjects(real.module, label, "4862");
    CHECK(std::count_if(listed.begin(), listed.end(), [&](auto& o) { return o.id == id; }) == 3);
    CHECK(std::count_if(listed.begin(), listed.end(), [](auto& o) { return o.kind == "Certificate"; }) == 2);
    tamga::test::TempDir dir;
    const std::string der = tamga::test::pkcs11toolReadCertificate(real.module, label, id, dir.file("cert.der"));
    CHECK(std::vector<std::uint8_t>(der.begin(), der.end()) == certificate);
    tamga::test::writeFile(dir.file("ca.pem"), tamga::test::toPem(ca.certificateDer));
    tamga::test::writeFile(dir.file("cert.pem"), tamga::test::toPem(certificate));
    auto verify = tamga::test::run(
        {tamga::test::requireTool("openssl"), "verify", "-CAfile", dir.file("ca.pem"), dir.file("cert.pem")});
    INFO(verify.err);
    CHECK(verify.exitCode == 0);
}
