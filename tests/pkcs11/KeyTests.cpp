// Key pairs made on the token, certificates stored beside them, signing through OpenSSL, deletion; every result
// cross-checked with pkcs11-tool (OpenSC), p11tool (GnuTLS) and openssl verify.
#include "TestCertificates.h"
#include "TestSupport.h"
#include "ToolListings.h"
#include "tamga/pkcs11/Module.h"
#include "tamga/pkcs11/Token.h"

#include <catch2/catch.hpp>

#include <openssl/evp.h>
#include <openssl/x509.h>

#include <memory>

using namespace tamga::pkcs11;
using tamga::test::ListedObject;
using tamga::test::SoftHsmSandbox;

namespace {

const Pin kPin("1234");

Token initializedToken(const SoftHsmSandbox& hsm, const std::string& label)
{
    auto module = Module::load(hsm.modulePath());
    REQUIRE(module);
    auto blank = (*module)->findUninitializedToken();
    REQUIRE(blank);
    auto info = Token::initialize(*module, *blank, Pin("12345678"), label, Pin("1234"));
    REQUIRE(info);
    return Token(*module, info->serial);
}

std::vector<ListedObject> withId(const std::vector<ListedObject>& objects, const std::string& id)
{
    std::vector<ListedObject> matching;
    for (const auto& o : objects) {
        if (o.id == id)
            matching.push_back(o);
    }
    return matching;
}

} // namespace

TEST_CASE("key pairs of every supported type are made on the token - sensitive and never extractable")
{
    const auto [type, typeName, p11toolType] = GENERATE(table<KeyType, std::string, std::string>({
        {KeyType::EcP256, "ec-p256", "EC/ECDSA-SECP256R1"},
        {KeyType::EcP384, "ec-p384", "EC/ECDSA-SECP384R1"},
        {KeyType::Rsa2048, "rsa2048", "RSA-2048"},
        {KeyType::Rsa3072, "rsa3072", "RSA-3072"},
        {KeyType::Rsa4096, "rsa4096", "RSA-4096"},
    }));
    DYNAMIC_SECTION(typeName)
    {
        SoftHsmSandbox hsm;
        const std::string tokenLabel = "keys-" + typeName;
        Token token = initializedToken(hsm, tokenLabel);
        auto key = token.generateKeyPair(kPin, type, "Батбаяр signing");
        INFO((key ? std::string() : key.error().describe()));
        REQUIRE(key);
        REQUIRE(key->id.size() == 20); // SHA-1
        const std::string id = toHex(key->id);

        // What Tamga itself reads back.
        auto objects = token.objects(&kPin);
        REQUIRE(objects);
        REQUIRE(objects->size() == 2);
        for (const ObjectInfo& o : *objects) {
            CHECK(o.id == key->id);
            CHECK(o.label == "Батбаяр signing");
            if (o.objectClass == ObjectClass::PrivateKey) {
                CHECK(o.sensitive);
                CHECK_FALSE(o.extractable);
                CHECK(o.canSign);
                CHECK(o.isPrivate);
            }
        }

        // What GnuTLS sees: one private and one public key under the same ID, private key sensitive and never
        // extractable, of the requested type.
        auto listed = withId(tamga::test::p11toolObjects(hsm.modulePath(), token.serial(), "1234"), id);
        REQUIRE(listed.size() == 2);
        auto privateKey = std::find_if(listed.begin(), listed.end(), [](auto& o) { return o.kind == "private"; });
        REQUIRE(privateKey != listed.end());
        CHECK_THAT(privateKey->access, Catch::Contains("CKA_SENSITIVE") && Catch::Contains("CKA_NEVER_EXTRACTABLE"));
        CHECK(privateKey->label == "Батбаяр signing");
        auto typeLine = tamga::test::run({tamga::test::requireTool("p11tool"), "--provider", hsm.modulePath(),
                                          "--list-all", "pkcs11:serial=" + token.serial()});
        CHECK_THAT(typeLine.out, Catch::Contains(p11toolType));

        // The key signs through OpenSSL (libp11), and the signature verifies with the public key.
        auto signer = token.signingKey(kPin, key->id);
        REQUIRE(signer);
        CHECK(tamga::test::signatureVerifies(signer->get(), key->publicKeyDer));
    }
}

TEST_CASE("the key ID is SHA-1 of the public key - and the same key read back gives the same ID")
{
    SoftHsmSandbox hsm;
    Token token = initializedToken(hsm, "ids");
    auto key = token.generateKeyPair(kPin, KeyType::EcP256, "id check");
    REQUIRE(key);
    auto publicKey = token.publicKey(kPin, key->id);
    REQUIRE(publicKey);
    CHECK(*publicKey == key->publicKeyDer);

    // The same digest computed by OpenSSL over the certificate-style public key (RFC 5280 key identifier).
    const unsigned char* in = publicKey->data();
    X509_PUBKEY* parsed = d2i_X509_PUBKEY(nullptr, &in, static_cast<long>(publicKey->size()));
    REQUIRE(parsed);
    const unsigned char* bits = nullptr;
    int bitsLength = 0;
    REQUIRE(X509_PUBKEY_get0_param(nullptr, &bits, &bitsLength, nullptr, parsed) == 1);
    unsigned char digest[20];
    unsigned int digestLength = 0;
    EVP_Digest(bits, static_cast<std::size_t>(bitsLength), digest, &digestLength, EVP_sha1(), nullptr);
    X509_PUBKEY_free(parsed);
    CHECK(std::vector<std::uint8_t>(digest, digest + digestLength) == key->id);
}

TEST_CASE("a certificate is stored under its key's ID and label - with the CA certificate beside it")
{
    SoftHsmSandbox hsm;
    const std::string tokenLabel = "certs";
    Token token = initializedToken(hsm, tokenLabel);
    auto key = token.generateKeyPair(kPin, KeyType::EcP256, "officer");
    REQUIRE(key);
    const auto ca = tamga::test::makeTestCa("Tamga Test CA");
    const auto certificate = tamga::test::issueCertificate(ca, key->publicKeyDer, "Батбаяр Дорж");

    REQUIRE(token.storeCertificate(kPin, certificate, key->id, "officer"));
    REQUIRE(token.storeCaCertificate(kPin, ca.certificateDer, "Tamga Test CA"));
    // Storing again changes nothing (an interrupted enrollment may write twice).
    REQUIRE(token.storeCertificate(kPin, certificate, key->id, "officer"));
    REQUIRE(token.storeCaCertificate(kPin, ca.certificateDer, "Tamga Test CA"));

    auto objects = token.objects(&kPin);
    REQUIRE(objects);
    CHECK(objects->size() == 4); // private key, public key, certificate, CA certificate
    auto certificates = std::count_if(objects->begin(), objects->end(),
                                      [](auto& o) { return o.objectClass == ObjectClass::Certificate; });
    CHECK(certificates == 2);

    // OpenSC's view: key pair and certificate share one ID and label.
    const std::string id = toHex(key->id);
    auto listed = withId(tamga::test::pkcs11toolObjects(hsm.modulePath(), tokenLabel, "1234"), id);
    REQUIRE(listed.size() == 3);
    for (const auto& o : listed)
        CHECK(o.label == "officer");
    CHECK(std::count_if(listed.begin(), listed.end(), [](auto& o) { return o.kind == "Certificate"; }) == 1);
    auto privateKey = std::find_if(listed.begin(), listed.end(), [](auto& o) { return o.kind == "Private Key"; });
    REQUIRE(privateKey != listed.end());
    CHECK_THAT(privateKey->access, Catch::Contains("never extractable") && Catch::Contains("sensitive"));

    // The certificate read back by pkcs11-tool chains to the CA by openssl verify.
    tamga::test::TempDir dir;
    const std::string der =
        tamga::test::pkcs11toolReadCertificate(hsm.modulePath(), tokenLabel, id, dir.file("cert.der"));
    CHECK(std::vector<std::uint8_t>(der.begin(), der.end()) == certificate);
    tamga::test::writeFile(dir.file("ca.pem"), tamga::test::toPem(ca.certificateDer));
    tamga::test::writeFile(dir.file("cert.pem"), tamga::test::toPem(certificate));
    auto verify = tamga::test::run(
        {tamga::test::requireTool("openssl"), "verify", "-CAfile", dir.file("ca.pem"), dir.file("cert.pem")});
    INFO(verify.err);
    CHECK(verify.exitCode == 0);
}

TEST_CASE("garbage is not stored as a certificate")
{
    SoftHsmSandbox hsm;
    Token token = initializedToken(hsm, "garbage");
    std::vector<std::uint8_t> notDer{0x30, 0x03, 0x02, 0x01};
    auto result = token.storeCaCertificate(kPin, notDer, "bad");
    REQUIRE_FALSE(result);
    CHECK(result.error().kind == ErrorKind::InvalidInput);
    auto objects = token.objects(&kPin);
    REQUIRE(objects);
    CHECK(objects->empty());
}

TEST_CASE("deleting a key pair removes its keys and certificate - deleting twice says nothing is there")
{
    SoftHsmSandbox hsm;
    Token token = initializedToken(hsm, "delete");
    auto keep = token.generateKeyPair(kPin, KeyType::EcP256, "keep");
    auto drop = token.generateKeyPair(kPin, KeyType::EcP256, "drop");
    REQUIRE(keep);
    REQUIRE(drop);
    const auto ca = tamga::test::makeTestCa("CA");
    REQUIRE(
        token.storeCertificate(kPin, tamga::test::issueCertificate(ca, drop->publicKeyDer, "drop"), drop->id, "drop"));

    REQUIRE(token.deleteKeyPair(kPin, drop->id));
    auto objects = token.objects(&kPin);
    REQUIRE(objects);
    REQUIRE(objects->size() == 2);
    for (const auto& o : *objects)
        CHECK(o.id == keep->id);
    CHECK(withId(tamga::test::p11toolObjects(hsm.modulePath(), token.serial(), "1234"), toHex(drop->id)).empty());

    auto again = token.deleteKeyPair(kPin, drop->id);
    REQUIRE_FALSE(again);
    CHECK(again.error().kind == ErrorKind::ObjectNotFound);

    // A signing key for a deleted ID is refused (libp11's cache would still list it).
    auto signer = token.signingKey(kPin, drop->id);
    REQUIRE_FALSE(signer);
    CHECK(signer.error().kind == ErrorKind::ObjectNotFound);
}

TEST_CASE("a key type the token cannot make is refused in plain words")
{
    SECTION("a token without EC key generation")
    {
        SoftHsmSandbox hsm(tamga::test::TestModuleOptions{.noEc = true});
        Token token = initializedToken(hsm, "no-ec");
        auto result = token.generateKeyPair(kPin, KeyType::EcP384, "k");
        REQUIRE_FALSE(result);
        CHECK(result.error().kind == ErrorKind::MechanismNotSupported);
        CHECK_THAT(result.error().message, Catch::Contains("cannot generate ec-p384"));
    }
    SECTION("a token whose RSA keys stop at 2048 bits")
    {
        SoftHsmSandbox hsm(tamga::test::TestModuleOptions{.rsaMaxBits = 2048});
        Token token = initializedToken(hsm, "rsa-2048-only");
        auto result = token.generateKeyPair(kPin, KeyType::Rsa4096, "k");
        REQUIRE_FALSE(result);
        CHECK(result.error().kind == ErrorKind::KeySizeNotSupported);
        CHECK(result.error().returnCode == 0x62); // CKR_KEY_SIZE_RANGE
        CHECK_THAT(result.error().message, Catch::Contains("not 4096"));
        auto objects = token.objects(&kPin);
        REQUIRE(objects);
        CHECK(objects->empty()); // nothing half-made is left behind
    }
}

TEST_CASE("a token pulled during work gives 'token removed' - not a crash")
{
    SoftHsmSandbox hsm(tamga::test::TestModuleOptions{});
    Token token = initializedToken(hsm, "pulled");
    auto key = token.generateKeyPair(kPin, KeyType::EcP256, "k");
    REQUIRE(key);

    hsm.pullToken();
    auto listing = token.objects(&kPin);
    REQUIRE_FALSE(listing);
    CHECK(listing.error().kind == ErrorKind::TokenNotFound); // not in any slot any more
    CHECK(token.module()->tokens()->empty());

    hsm.plugTokenBackIn();
    REQUIRE(token.objects(&kPin));

    // Pulled in the middle of key generation: after the session is open and logged in.
    hsm.pullTokenAfterCalls(6);
    auto generated = token.generateKeyPair(kPin, KeyType::EcP256, "k2");
    REQUIRE_FALSE(generated);
    CHECK(generated.error().kind == ErrorKind::TokenRemoved);
    CHECK_THAT(generated.error().describe(), Catch::Contains("removed"));
}
