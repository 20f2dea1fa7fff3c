// Initializing tokens and PINs: init, change, wrong PIN with tries left, locking, unblocking.
#include "TestSupport.h"
#include "ToolListings.h"
#include "tamga/pkcs11/Module.h"
#include "tamga/pkcs11/Token.h"

#include <catch2/catch.hpp>

using namespace tamga::pkcs11;
using tamga::test::SoftHsmSandbox;

namespace {

struct InitializedToken {
    std::shared_ptr<Module> module;
    TokenInfo info;
};

InitializedToken initialize(const SoftHsmSandbox& hsm, const std::string& label, const std::string& userPin = "1234")
{
    auto module = Module::load(hsm.modulePath());
    REQUIRE(module);
    auto blank = (*module)->findUninitializedToken();
    REQUIRE(blank);
    auto info = Token::initialize(*module, *blank, Pin("12345678"), label, Pin(userPin));
    INFO((info ? std::string() : info.error().describe()));
    REQUIRE(info);
    return {*module, *info};
}

} // namespace

TEST_CASE("initializing a token sets its label exactly - the SO PIN and the user PIN")
{
    SoftHsmSandbox hsm;
    const std::string label = "Тамга ТЕСТ 01"; // Cyrillic: 22 bytes of UTF-8
    auto [module, info] = initialize(hsm, label);
    CHECK(info.label == label);
    CHECK(info.flags.tokenInitialized);
    CHECK(info.flags.userPinInitialized);
    CHECK_FALSE(info.serial.empty());

    // Cross-check with GnuTLS: the label is exactly what was asked, no trailing garbage.
    auto labels = tamga::test::p11toolTokenLabels(hsm.modulePath());
    CHECK(std::find(labels.begin(), labels.end(), label) != labels.end());

    // The user PIN works: pkcs11-tool can log in with it.
    auto objects = tamga::test::run({tamga::test::requireTool("pkcs11-tool"), "--module", hsm.modulePath(),
                                     "--token-label", label, "--login", "--pin", "1234", "--list-objects"});
    CHECK(objects.exitCode == 0);
}

TEST_CASE("a label of exactly 32 bytes is kept whole - a longer one is refused")
{
    SoftHsmSandbox hsm;
    const std::string full(32, 'L');
    auto [module, info] = initialize(hsm, full);
    CHECK(info.label == full);

    auto blank = module->findUninitializedToken();
    REQUIRE(blank);
    auto tooLong = Token::initialize(module, *blank, Pin("12345678"), std::string(33, 'L'), Pin("1234"));
    REQUIRE_FALSE(tooLong);
    CHECK(tooLong.error().kind == ErrorKind::InvalidInput);
    CHECK_THAT(tooLong.error().message, Catch::Contains("32 bytes"));
}

TEST_CASE("a PIN outside the token's length limits is refused before the token sees it")
{
    SoftHsmSandbox hsm;
    auto [module, info] = initialize(hsm, "limits");
    Token token(module, info.serial);
    auto result = token.changeUserPin(Pin("1234"), Pin("12"));
    REQUIRE_FALSE(result);
    CHECK(result.error().kind == ErrorKind::PinPolicy);
    CHECK_THAT(result.error().message, Catch::Contains("4 to 255"));
}

TEST_CASE("changing the PIN: the old PIN stops working and the new one works")
{
    SoftHsmSandbox hsm;
    auto [module, info] = initialize(hsm, "change");
    Token token(module, info.serial);
    REQUIRE(token.changeUserPin(Pin("1234"), Pin("4862")));
    auto withOld = token.objects(std::make_unique<Pin>("1234").get());
    REQUIRE_FALSE(withOld);
    CHECK(withOld.error().kind == ErrorKind::WrongPin);
    Pin newPin("4862");
    CHECK(token.objects(&newPin));

    auto wrongOld = token.changeUserPin(Pin("0000"), Pin("5555"));
    REQUIRE_FALSE(wrongOld);
    CHECK(wrongOld.error().kind == ErrorKind::WrongPin);
    CHECK(wrongOld.error().returnCode == 0xA0); // CKR_PIN_INCORRECT kept
}

TEST_CASE("a wrong PIN reports the tries left - then the token locks - and the SO PIN unblocks it")
{
    // The test module gives SoftHSM the retry counter a real e-token has (SoftHSM itself never locks).
    SoftHsmSandbox hsm(tamga::test::TestModuleOptions{.pinTries = 3});
    auto [module, info] = initialize(hsm, "locking");
    Token token(module, info.serial);
    Pin wrong("9999");

    auto first = token.objects(&wrong);
    REQUIRE_FALSE(first);
    CHECK(first.error().kind == ErrorKind::WrongPin);
    CHECK_FALSE(first.error().triesLeft.has_value()); // "count low": the token does not say how many
    CHECK_THAT(first.error().describe(), Catch::Contains("few tries are left"));

    auto second = token.objects(&wrong);
    REQUIRE_FALSE(second);
    CHECK(second.error().kind == ErrorKind::WrongPin);
    REQUIRE(second.error().triesLeft == 1);
    CHECK_THAT(second.error().describe(), Catch::Contains("one more wrong PIN blocks it"));
    CHECK(token.info()->flags.userPinFinalTry);

    auto third = token.objects(&wrong);
    REQUIRE_FALSE(third);
    CHECK(third.error().kind == ErrorKind::PinLocked);
    CHECK(third.error().triesLeft == 0);
    CHECK(token.info()->flags.userPinLocked);

    // Locked: even the right PIN is refused now.
    Pin right("1234");
    auto locked = token.objects(&right);
    REQUIRE_FALSE(locked);
    CHECK(locked.error().kind == ErrorKind::PinLocked);
    CHECK(locked.error().returnCode == 0xA4); // CKR_PIN_LOCKED

    // A wrong SO PIN does not unblock it.
    auto wrongSo = token.setUserPinWithSoPin(Pin("00000000"), Pin("2468"));
    REQUIRE_FALSE(wrongSo);
    CHECK(wrongSo.error().kind == ErrorKind::WrongPin);

    REQUIRE(token.setUserPinWithSoPin(Pin("12345678"), Pin("2468")));
    CHECK_FALSE(token.info()->flags.userPinLocked);
    Pin newPin("2468");
    CHECK(token.objects(&newPin));
}

TEST_CASE("a correct PIN is verified even while another session of the process is logged in")
{
    SoftHsmSandbox hsm;
    auto [module, info] = initialize(hsm, "relogin");
    Token token(module, info.serial);
    auto key = token.generateKeyPair(Pin("1234"), KeyType::EcP256, "k");
    REQUIRE(key);
    // libp11 keeps a logged-in session while the signing key lives.
    auto signer = token.signingKey(Pin("1234"), key->id);
    REQUIRE(signer);
    Pin wrong("9999");
    auto result = token.objects(&wrong);
    REQUIRE_FALSE(result);
    CHECK(result.error().kind == ErrorKind::WrongPin);
}
