// PINs live in a buffer that cannot be copied and is wiped when it goes.
#include "tamga/pkcs11/Types.h"
#include "tamga/secret/SecretBuffer.h"

#include <catch2/catch.hpp>

#include <type_traits>

using tamga::SecretBuffer;

static_assert(!std::is_copy_constructible_v<SecretBuffer>);
static_assert(!std::is_copy_assignable_v<SecretBuffer>);
static_assert(std::is_nothrow_move_constructible_v<SecretBuffer>);

TEST_CASE("a secret keeps its bytes - drops one line end - and moves without copying")
{
    SecretBuffer pin("1234\r\n");
    pin.chompLineEnd();
    CHECK(pin.view() == "1234");
    CHECK(pin.size() == 4);
    CHECK(std::string(pin.c_str()) == "1234");

    SecretBuffer typed;
    for (char c : std::string("98765"))
        typed.append(c);
    CHECK(typed.view() == "98765");

    SecretBuffer moved(std::move(typed));
    CHECK(moved.view() == "98765");
    CHECK(typed.empty()); // NOLINT(bugprone-use-after-move): the moved-from secret is empty

    SecretBuffer onlyNewlineInside("12\n34");
    onlyNewlineInside.chompLineEnd();
    CHECK(onlyNewlineInside.view() == "12\n34");
}

TEST_CASE("clearing a secret wipes the memory that held it")
{
    SecretBuffer pin("4862");
    // clear() keeps the allocation (std::vector::clear does not free it), so the bytes can be looked at after.
    const volatile char* storage = pin.c_str();
    REQUIRE(storage[0] == '4');
    pin.clear();
    CHECK(pin.empty());
    for (int i = 0; i < 4; ++i)
        CHECK(storage[i] == '\0');
}

TEST_CASE("hex round-trips and key types parse by their command-line names")
{
    using namespace tamga::pkcs11;
    CHECK(toHex({0x00, 0xAB, 0x10}) == "00ab10");
    CHECK(fromHex("00:AB:10") == std::vector<std::uint8_t>{0x00, 0xAB, 0x10});
    CHECK_FALSE(fromHex("abc"));
    CHECK_FALSE(fromHex("zz"));
    CHECK(parseKeyType("ec-p384") == KeyType::EcP384);
    CHECK(keyTypeName(KeyType::Rsa3072) == "rsa3072");
    CHECK_FALSE(parseKeyType("rsa1024"));
}
