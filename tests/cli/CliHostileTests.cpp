// Hostile use of tamga-cli: a mistyped database path, two officers on one token, text in the database that would
// drive a terminal.
#include "EnrollFixture.h"

#include <catch2/catch.hpp>

#include <filesystem>

using namespace tamga::test;

TEST_CASE("a mistyped --db is refused - it does not become a new empty desk")
{
    EnrollDesk desk;
    const std::string typo = desk.dir().file("dsek.db");
    for (const std::vector<std::string>& command :
         {std::vector<std::string>{"audit", "verify"}, {"applicant", "list"}, {"enrollment", "list"}, {"ca", "list"}}) {
        std::vector<std::string> arguments{TAMGA_CLI, "--db", typo};
        arguments.insert(arguments.end(), command.begin(), command.end());
        auto result = run(arguments);
        INFO(command.front());
        CHECK(result.exitCode == 2);
        CHECK_THAT(result.err, Catch::Contains("no desk database at") && Catch::Contains("dsek.db"));
    }
    CHECK_FALSE(std::filesystem::exists(typo));
    // Only the first supervisor creates one, and says so.
    auto created = run({TAMGA_CLI, "--db", typo, "operator", "add", "--name", "first", "--role", "supervisor",
                        "--password-file", desk.hsm().secretFile("first.pw", "First-password-1")});
    CHECK(created.exitCode == 0);
    CHECK_THAT(created.err, Catch::Contains("created a new desk database at"));
}

TEST_CASE("a token belongs to one officer: another officer's enrollment on it is refused unless it is erased")
{
    EnrollDesk desk;
    desk.addPracticeCa();
    const std::string serial = desk.initToken("Shared token");
    auto second = desk.cli({"applicant", "add", "--org", "1", "--surname", "Ганбаатар", "--given-name", "Түмэнжаргал",
                            "--civil-id", "ЧЖ92110709", "--position", "Мэргэжилтэн"});
    REQUIRE(second.exitCode == 0);
    const std::string secondId = second.out.substr(0, second.out.find('\n'));

    REQUIRE(desk.cli({"enroll", "--applicant", desk.officerId(), "--token", serial, "--profile", "signing", "--ca",
                      "practice", "--pin-file", desk.pinFile()})
                .exitCode == 0);
    auto taken = desk.cli({"enroll", "--applicant", secondId, "--token", serial, "--profile", "signing", "--ca",
                           "practice", "--pin-file", desk.pinFile()});
    CHECK(taken.exitCode == 2);
    CHECK_THAT(taken.err, Catch::Contains("holds the key of Дорж Батбаяр"));
    desk.checkTokenHoldsOneKeyAndCertificate("Shared token",
                                             desk.field(desk.cli({"enrollment", "show", "1"}).out, "key ID"));

    // Erased first (--init, a supervisor): the token becomes the second officer's.
    auto erased =
        desk.cli({"enroll", "--applicant", secondId, "--token", serial, "--profile", "signing", "--ca", "practice",
                  "--pin-file", desk.pinFile(), "--init", "--label", "Second", "--so-pin-file", desk.soPinFile()});
    INFO(erased.err);
    CHECK(erased.exitCode == 0);
}

TEST_CASE("text in the database that would drive a terminal is printed escaped")
{
    EnrollDesk desk;
    // Written behind Tamga's back (an older Tamga, or the file edited): ESC, a bidirectional override, a newline.
    auto edited = desk.database().runSql(
        "UPDATE officers SET position = 'Дарга' || char(27) || '[2J' || char(8238) || 'x' || char(10) || 'fake' "
        "WHERE id = 1",
        "UPDATE officers SET position = 'Дарга' || chr(27) || '[2J' || chr(8238) || 'x' || chr(10) || 'fake' "
        "WHERE id = 1");
    REQUIRE(edited.exitCode == 0);
    auto shown = desk.cli({"applicant", "show", desk.officerId()});
    REQUIRE(shown.exitCode == 0);
    CHECK(shown.out.find('\x1b') == std::string::npos);
    CHECK_THAT(shown.out, Catch::Contains("Дарга\\x1b[2J\\u202ex\\x0afake"));
    auto listed = desk.cli({"applicant", "list"});
    CHECK(listed.out.find('\x1b') == std::string::npos);
}

TEST_CASE("audit verify --witness finds a head kept on paper - a missing audit key file is an alarm", "[sqlite]")
{
    EnrollDesk desk;
    auto first = desk.cli({"audit", "verify"});
    REQUIRE(first.exitCode == 0);
    const std::string head = first.out.substr(first.out.rfind(' ') + 1, 64);
    REQUIRE(head.size() == 64);
    REQUIRE(desk.cli({"org", "add", "--name", "Later organization"}).exitCode == 0);

    auto witnessed = desk.cli({"audit", "verify", "--witness", head});
    INFO(witnessed.err);
    CHECK(witnessed.exitCode == 0);
    CHECK_THAT(witnessed.out, Catch::Contains("still in the chain"));
    auto unknown = desk.cli({"audit", "verify", "--witness", std::string(64, 'a')});
    CHECK(unknown.exitCode == 3);
    CHECK_THAT(unknown.err, Catch::Contains("not in the chain"));

    std::filesystem::remove(desk.db() + ".audit-key");
    auto keyless = desk.cli({"audit", "verify"});
    CHECK(keyless.exitCode == 3);
    CHECK_THAT(keyless.err, Catch::Contains("audit key") && Catch::Contains("missing"));
    // The desk goes on working, and the alarm stays: a later change does not make itself a new key.
    REQUIRE(desk.cli({"org", "add", "--name", "After the key went"}).exitCode == 0);
    CHECK_FALSE(std::filesystem::exists(desk.db() + ".audit-key"));
    CHECK(desk.cli({"audit", "verify"}).exitCode == 3);
}
