// Loading modules, listing slots and tokens, the quirks table, and the error values.
#include "TestSupport.h"
#include "tamga/pkcs11/Module.h"
#include "tamga/pkcs11/Quirks.h"

#include <catch2/catch.hpp>

using namespace tamga::pkcs11;
using tamga::test::SoftHsmSandbox;
using tamga::test::TempDir;

TEST_CASE("a module path that does not exist is reported with the path")
{
    auto module = Module::load("/nonexistent/libnothing.so");
    REQUIRE_FALSE(module);
    CHECK(module.error().kind == ErrorKind::ModuleMissing);
    CHECK(module.error().module == "/nonexistent/libnothing.so");
    CHECK_THAT(module.error().describe(),
               Catch::Contains("/nonexistent/libnothing.so") && Catch::Contains("does not exist"));
}

TEST_CASE("a library that is not a PKCS#11 module is refused with the loader's reason")
{
    TempDir dir;
    tamga::test::writeFile(dir.file("fake.so"), "this is not an ELF file");
    auto notElf = Module::load(dir.file("fake.so"));
    REQUIRE_FALSE(notElf);
    CHECK(notElf.error().kind == ErrorKind::ModuleMissing);
    CHECK_THAT(notElf.error().message, Catch::Contains("cannot be loaded"));

    // A real shared library without C_GetFunctionList.
    auto notPkcs11 = Module::load(TAMGA_PLAIN_SHARED_LIBRARY);
    REQUIRE_FALSE(notPkcs11);
    CHECK(notPkcs11.error().kind == ErrorKind::ModuleFailed);
    CHECK_THAT(notPkcs11.error().message, Catch::Contains("C_GetFunctionList"));
}

TEST_CASE("SoftHSM loads - describes itself and shows one empty token")
{
    SoftHsmSandbox hsm;
    auto module = Module::load(hsm.modulePath());
    REQUIRE(module);
    CHECK((*module)->info().manufacturer == "SoftHSM");
    CHECK((*module)->info().path == hsm.modulePath());

    auto slots = (*module)->slots();
    REQUIRE(slots);
    REQUIRE(slots->size() == 1);
    REQUIRE(slots->front().token);
    const TokenInfo& token = *slots->front().token;
    CHECK_FALSE(token.flags.tokenInitialized);
    CHECK(token.manufacturer == "SoftHSM project"); // trimmed: no padding left
    CHECK(token.model == "SoftHSM v2");
    CHECK(token.minPinLength == 4);
    CHECK(token.maxPinLength == 255);

    // Loading the same path again gives the same module: Cryptoki is initialized once per process.
    auto again = Module::load(hsm.modulePath());
    REQUIRE(again);
    CHECK(again->get() == module->get());
}

TEST_CASE("tokens are found by serial - whatever slot they are in")
{
    SoftHsmSandbox hsm;
    const std::string first = hsm.initTokenWithSoftHsmUtil("first", "12345678", "1234");
    const std::string second = hsm.initTokenWithSoftHsmUtil("second", "12345678", "1234");
    auto module = Module::load(hsm.modulePath());
    REQUIRE(module);
    auto found = (*module)->findToken(second);
    REQUIRE(found);
    CHECK(found->label == "second");
    CHECK(found->flags.tokenInitialized);
    CHECK(found->flags.userPinInitialized);
    CHECK((*module)->findToken(first)->label == "first");

    auto missing = (*module)->findToken("no-such-serial");
    REQUIRE_FALSE(missing);
    CHECK(missing.error().kind == ErrorKind::TokenNotFound);
    CHECK_THAT(missing.error().describe(), Catch::Contains("no-such-serial"));

    auto empty = (*module)->findUninitializedToken();
    REQUIRE(empty);
    CHECK_FALSE(empty->flags.tokenInitialized);
}

TEST_CASE("p11-kit's registered modules are listed with their files")
{
    const auto modules = registeredModules();
    // scripts/test installs SoftHSM2 and OpenSC, both of which register with p11-kit.
    auto softhsm = std::find_if(modules.begin(), modules.end(), [](const auto& m) { return m.name == "softhsm2"; });
    REQUIRE(softhsm != modules.end());
    CHECK_THAT(softhsm->path, Catch::EndsWith("libsofthsm2.so"));
    CHECK(std::any_of(modules.begin(), modules.end(), [](const auto& m) { return m.name == "opensc-pkcs11"; }));
}

TEST_CASE("the quirks table knows SoftHSM and nothing about unknown vendors")
{
    CHECK(quirksForModule("SoftHSM").slotEventsUnreliable);
    CHECK(quirksForModule("SoftHSM").tokensFixedAtInitialize); // shown for real in WorkerTests
    CHECK_FALSE(quirksForModule("SoftHSM").certificateCategoryRefused);
    CHECK_FALSE(quirksForModule("Some Vendor").tokensFixedAtInitialize);
    CHECK_FALSE(quirksForModule("Some Vendor").slotEventsUnreliable);
    CHECK_FALSE(quirksForModule("Some Vendor").keyUsageDerivedByToken);

    // The table matches what SoftHSM really does: a wrong PIN never locks it.
    SoftHsmSandbox hsm;
    hsm.initTokenWithSoftHsmUtil("quirk", "12345678", "1234");
    auto module = Module::load(hsm.modulePath());
    REQUIRE(module);
    CHECK_FALSE((*module)->reportsSlotEvents());
}

TEST_CASE("return codes keep their names and map to plain words")
{
    CHECK(returnCodeName(0xA0) == "CKR_PIN_INCORRECT");
    CHECK(returnCodeName(0x32) == "CKR_DEVICE_REMOVED");
    CHECK(returnCodeName(0x8000ABCD) == "CKR_0x8000ABCD");
    TokenError full = makeError(0x31 /* CKR_DEVICE_MEMORY */, "store certificate", "/m.so");
    CHECK(full.kind == ErrorKind::MemoryFull);
    CHECK(full.returnCode == 0x31);
    CHECK_THAT(full.describe(), Catch::Contains("store certificate") && Catch::Contains("/m.so") &&
                                    Catch::Contains("full") && Catch::Contains("CKR_DEVICE_MEMORY"));
    CHECK(makeError(0xA4, "login", "").kind == ErrorKind::PinLocked);
    CHECK(makeError(0xE0, "login", "").kind == ErrorKind::TokenRemoved);         // CKR_TOKEN_NOT_PRESENT
    CHECK(makeError(0x62, "keygen", "").kind == ErrorKind::KeySizeNotSupported); // CKR_KEY_SIZE_RANGE
}
