// What PKCS#11 modules other than SoftHSM do, reproduced by the test module in front of SoftHSM so that it stays
// covered wherever a package changes: session handles handed out again (opencryptoki), a certificate attribute
// refused (opencryptoki), one serial for every token (tpm2-pkcs11), C_SetPIN refused without a login, a token
// without EC, and a token that vanishes at every step of opening a signing key. The real implementations are
// tried in RealTokenTests.cpp.
#include "TestCertificates.h"
#include "TestSupport.h"
#include "ToolListings.h"
#include "tamga/pkcs11/Module.h"
#include "tamga/pkcs11/Token.h"

#include <catch2/catch.hpp>

#include <openssl/evp.h>

using namespace tamga::pkcs11;
using tamga::test::SoftHsmSandbox;
using tamga::test::TestModuleOptions;

namespace {

const Pin kPin("1234");
const Pin kSoPin("12345678");

Token initializedToken(const std::shared_ptr<Module>& module, const std::string& label)
{
    auto blank = module->findUninitializedToken();
    REQUIRE(blank);
    auto info = Token::initialize(module, *blank, kSoPin, label, kPin);
    INFO((info ? std::string() : info.error().describe()));
    REQUIRE(info);
    return Token(module, info->serial);
}

std::shared_ptr<Module> load(const SoftHsmSandbox& hsm)
{
    auto module = Module::load(hsm.modulePath());
    REQUIRE(module);
    return *module;
}

} // namespace

TEST_CASE("a token vanishing at any step before libp11 opens its session gives an error - never a hang")
{
    // Before: a libp11 failure after the slots were listed destroyed libp11's slot list while holding the mutex
    // its destructor takes, and the desk's token thread hung for good. The token is pulled after 0, 1, 2, ...
    // calls, up to the step where libp11 lists the slots and finds it gone. (One step later, inside libp11's
    // own C_OpenSession, libp11 0.4.12 itself waits for ever: fixed upstream after 0.4.12, see ARCHITECTURE.md.)
    SoftHsmSandbox hsm(TestModuleOptions{});
    auto module = load(hsm);
    Token token = initializedToken(module, "vanish");
    auto key = token.generateKeyPair(kPin, KeyType::EcP256, "officer");
    REQUIRE(key);
    int failures = 0;
    for (int calls = 0;; ++calls) {
        REQUIRE(calls < 200); // the opening reaches libp11's slot list in far fewer calls than this
        hsm.plugTokenBackIn();
        hsm.pullTokenAfterCalls(calls);
        auto signer = token.signingKey(kPin, key->id);
        REQUIRE_FALSE(signer);
        ++failures;
        INFO(signer.error().describe());
        CHECK((signer.error().kind == ErrorKind::TokenRemoved || signer.error().kind == ErrorKind::TokenNotFound));
        if (signer.error().message == "the token is no longer plugged in")
            break; // libp11 listed the slots without it: the step that used to hang
    }
    CHECK(failures > 5); // the token went at several different steps
    hsm.plugTokenBackIn();
    // The scheduled removal was consumed; nothing is left pending.
    auto signer = token.signingKey(kPin, key->id);
    INFO((signer ? std::string() : signer.error().describe()));
    REQUIRE(signer);
    CHECK(tamga::test::signatureVerifies(signer->get(), key->publicKeyDer));
}

TEST_CASE("session handles handed out again: Tamga never closes or logs out a session it did not open")
{
    // opencryptoki gives a closed session's handle to the next session opened; libp11 closes every session of
    // the slot when it opens or releases one. Before: the held session, closed by libp11, was replaced by a new
    // session with the same handle, and the old one's destructor then closed the new one.
    SoftHsmSandbox hsm(TestModuleOptions{.reuseSessionHandles = true});
    auto module = load(hsm);
    Token token = initializedToken(module, "reuse");
    REQUIRE(token.holdSession(kPin));
    auto key = token.generateKeyPair(kPin, KeyType::EcP256, "officer");
    REQUIRE(key);
    const auto ca = tamga::test::makeTestCa("Reuse CA");
    const auto certificate = tamga::test::issueCertificate(ca, key->publicKeyDer, "Батбаяр Дорж");
    for (int round = 0; round < 3; ++round) {
        {
            auto signer = token.signingKey(kPin, key->id);
            INFO((signer ? std::string() : signer.error().describe()));
            REQUIRE(signer);
            CHECK(tamga::test::signatureVerifies(signer->get(), key->publicKeyDer));
            auto objects = token.objects(&kPin); // while libp11 holds the key and its session
            INFO((objects ? std::string() : objects.error().describe()));
            REQUIRE(objects);
            CHECK(tamga::test::signatureVerifies(
                signer->get(), key->publicKeyDer)); // libp11's session was not closed by Tamga meanwhile
        }
        auto stored = token.storeCertificate(kPin, certificate, key->id, "officer"); // after libp11 let go
        INFO((stored ? std::string() : stored.error().describe()));
        REQUIRE(stored);
        auto objects = token.objects(&kPin);
        INFO((objects ? std::string() : objects.error().describe()));
        REQUIRE(objects);
        CHECK(objects->size() == 3);
    }
    token.releaseSession();
    CHECK(token.objects(&kPin));
}

TEST_CASE("a certificate attribute the module refuses is left out - the certificate and chain are stored")
{
    SoftHsmSandbox hsm(TestModuleOptions{.refuseCertificateCategory = true});
    auto module = load(hsm);
    const std::string label = "category";
    Token token = initializedToken(module, label);
    auto key = token.generateKeyPair(kPin, KeyType::EcP256, "officer");
    REQUIRE(key);
    const auto ca = tamga::test::makeTestCa("Category CA");
    const auto certificate = tamga::test::issueCertificate(ca, key->publicKeyDer, "Батбаяр Дорж");
    auto stored = token.storeCertificate(kPin, certificate, key->id, "officer");
    INFO((stored ? std::string() : stored.error().describe()));
    REQUIRE(stored);
    REQUIRE(token.storeCaCertificate(kPin, ca.certificateDer, "Category CA"));
    auto certificates = token.certificates();
    REQUIRE(certificates);
    CHECK(certificates->size() == 2);
    auto listed = tamga::test::pkcs11toolObjects(hsm.modulePath(), label, "1234");
    CHECK(std::count_if(listed.begin(), listed.end(), [](auto& o) { return o.kind == "Certificate"; }) == 2);
}

TEST_CASE("tokens sharing one serial: the initialized one is chosen over empty slots - two are refused - none is "
          "erased into doubt")
{
    const std::string shared = "0000000000000000"; // what tpm2-pkcs11 reports for every token
    SECTION("one initialized token beside the empty slot is found by the shared serial")
    {
        SoftHsmSandbox hsm(TestModuleOptions{.serialForEveryToken = shared});
        auto module = load(hsm);
        Token token = initializedToken(module, "only");
        CHECK(token.serial() == shared);
        auto found = module->findToken(shared);
        REQUIRE(found);
        CHECK(found->flags.tokenInitialized);
        CHECK(found->label == "only");
        auto key = token.generateKeyPair(kPin, KeyType::EcP256, "officer");
        REQUIRE(key);
        auto signer = token.signingKey(kPin, key->id);
        REQUIRE(signer);
        CHECK(tamga::test::signatureVerifies(signer->get(), key->publicKeyDer));

        // A second token would share the serial: refused before its C_InitToken, and it stays blank.
        auto blank = module->findUninitializedToken();
        REQUIRE(blank);
        auto second = Token::initialize(module, *blank, kSoPin, "second", kPin);
        REQUIRE_FALSE(second);
        CHECK(second.error().kind == ErrorKind::AmbiguousToken);
        CHECK_THAT(second.error().describe(), Catch::Contains("same serial"));
        auto tokens = module->tokens();
        REQUIRE(tokens);
        CHECK(std::count_if(tokens->begin(), tokens->end(), [](auto& t) { return t.flags.tokenInitialized; }) == 1);
        CHECK(token.objects(&kPin)); // the first token is untouched
    }
    SECTION("two initialized tokens with one serial are refused for every use")
    {
        SoftHsmSandbox hsm(TestModuleOptions{.serialForEveryToken = shared});
        hsm.initTokenWithSoftHsmUtil("first", "12345678", "1234");
        hsm.initTokenWithSoftHsmUtil("second", "12345678", "1234");
        auto module = load(hsm);
        auto found = module->findToken(shared);
        REQUIRE_FALSE(found);
        CHECK(found.error().kind == ErrorKind::AmbiguousToken);
        CHECK_THAT(found.error().describe(), Catch::Contains("2 plugged-in tokens") && Catch::Contains(shared));
        Token token(module, shared);
        auto objects = token.objects(&kPin);
        REQUIRE_FALSE(objects);
        CHECK(objects.error().kind == ErrorKind::AmbiguousToken);
        auto unblock = token.setUserPinWithSoPin(kSoPin, Pin("5678"));
        REQUIRE_FALSE(unblock);
        CHECK(unblock.error().kind == ErrorKind::AmbiguousToken);
    }
}

TEST_CASE("changing the PIN logs in with the old PIN first - and proves the keys still sign under the new one")
{
    SoftHsmSandbox hsm(TestModuleOptions{.setPinNeedsLogin = true});
    auto module = load(hsm);
    Token token = initializedToken(module, "setpin");
    auto ec = token.generateKeyPair(kPin, KeyType::EcP256, "ec");
    auto rsa = token.generateKeyPair(kPin, KeyType::Rsa2048, "rsa");
    REQUIRE(ec);
    REQUIRE(rsa);
    auto changed = token.changeUserPin(kPin, Pin("4862"));
    INFO((changed ? std::string() : changed.error().describe()));
    REQUIRE(changed);
    auto signer = token.signingKey(Pin("4862"), rsa->id);
    REQUIRE(signer);
    CHECK(tamga::test::signatureVerifies(signer->get(), rsa->publicKeyDer));
    auto wrong = token.changeUserPin(Pin("0000"), Pin("5555"));
    REQUIRE_FALSE(wrong);
    CHECK(wrong.error().kind == ErrorKind::WrongPin);
}

TEST_CASE("whether a token can make a key is asked without touching it")
{
    SoftHsmSandbox hsm(TestModuleOptions{.noEc = true, .rsaMaxBits = 2048});
    auto module = load(hsm);
    auto blank = module->findUninitializedToken();
    REQUIRE(blank);
    auto ec = Token::checkCanGenerate(module, *blank, KeyType::EcP256);
    REQUIRE_FALSE(ec);
    CHECK(ec.error().kind == ErrorKind::MechanismNotSupported);
    auto big = Token::checkCanGenerate(module, *blank, KeyType::Rsa4096);
    REQUIRE_FALSE(big);
    CHECK(big.error().kind == ErrorKind::KeySizeNotSupported);
    CHECK(Token::checkCanGenerate(module, *blank, KeyType::Rsa2048));
    auto after = module->findUninitializedToken();
    REQUIRE(after);
    CHECK_FALSE(after->flags.tokenInitialized);
}
