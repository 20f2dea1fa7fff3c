// tamga-cli's token commands, run as a clerk or a script would run them: exit statuses, output, PIN files.
#include "TestSupport.h"
#include "ToolListings.h"

#include <catch2/catch.hpp>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <map>

using tamga::test::ProcessResult;
using tamga::test::SoftHsmSandbox;

namespace {

// tamga-cli on the sandbox's token with a desk database of its own, signed in as a supervisor ("boss") unless
// another operator is named.
class Cli {
public:
    explicit Cli(const SoftHsmSandbox& hsm) : m_hsm(hsm)
    {
        m_db = m_database.location();
        m_bossPassword = hsm.secretFile("boss.pw", "Boss-password-1");
        m_clerkPassword = hsm.secretFile("clerk.pw", "Clerk-password-1");
        REQUIRE(
            run({"operator", "add", "--name", "boss", "--role", "supervisor", "--password-file", m_bossPassword}, {})
                .exitCode == 0);
        REQUIRE(run({"operator", "add", "--name", "clerk", "--role", "clerk", "--password-file", m_clerkPassword},
                    {{"TAMGA_OPERATOR", "boss"}, {"TAMGA_PASSWORD_FILE", m_bossPassword}})
                    .exitCode == 0);
    }

    ProcessResult operator()(std::vector<std::string> arguments) const
    {
        return run(std::move(arguments), {{"TAMGA_OPERATOR", "boss"}, {"TAMGA_PASSWORD_FILE", m_bossPassword}});
    }
    ProcessResult asClerk(std::vector<std::string> arguments) const
    {
        return run(std::move(arguments), {{"TAMGA_OPERATOR", "clerk"}, {"TAMGA_PASSWORD_FILE", m_clerkPassword}});
    }
    ProcessResult signedOut(std::vector<std::string> arguments) const { return run(std::move(arguments), {}); }
    std::string db() const { return m_db; }
    const tamga::test::TestDatabase& database() const { return m_database; }

private:
    ProcessResult run(std::vector<std::string> arguments, std::map<std::string, std::string> environment) const
    {
        arguments.insert(arguments.begin(), {TAMGA_CLI, "--db", m_db, "--module", m_hsm.modulePath()});
        return tamga::test::run(arguments, environment);
    }

    const SoftHsmSandbox& m_hsm;
    tamga::test::TestDatabase m_database{m_hsm.dir(), "desk.db"};
    std::string m_db;
    std::string m_bossPassword;
    std::string m_clerkPassword;
};

std::string firstLine(const std::string& text)
{
    return text.substr(0, text.find('\n'));
}

std::string initToken(const Cli& cli, const SoftHsmSandbox& hsm, const std::string& label)
{
    auto result = cli({"token", "init", "--uninitialized", "--label", label, "--so-pin-file",
                       hsm.secretFile("so.pin", "12345678"), "--pin-file", hsm.secretFile("user.pin", "1234")});
    INFO(result.err);
    REQUIRE(result.exitCode == 0);
    return firstLine(result.out);
}

} // namespace

TEST_CASE("tamga-cli initializes a token - makes a key and lists it - tools nobody here wrote agree")
{
    SoftHsmSandbox hsm;
    Cli cli(hsm);
    const std::string serial = initToken(cli, hsm, "Desk 1");
    REQUIRE(serial.size() == 16);

    auto tokens = cli({"tokens"});
    REQUIRE(tokens.exitCode == 0);
    CHECK_THAT(tokens.out, Catch::Contains(serial) && Catch::Contains("Desk 1") && Catch::Contains("ready"));

    const std::string pinFile = hsm.secretFile("user.pin", "1234");
    auto keygen = cli(
        {"token", "keygen", "--serial", serial, "--pin-file", pinFile, "--type", "ec-p256", "--label", "Officer key"});
    INFO(keygen.err);
    REQUIRE(keygen.exitCode == 0);
    const std::string id = firstLine(keygen.out);
    CHECK(id.size() == 40);
    CHECK(id.find_first_not_of("0123456789abcdef") == std::string::npos);

    auto listed = tamga::test::pkcs11toolObjects(hsm.modulePath(), "Desk 1", "1234");
    REQUIRE(listed.size() == 2);
    for (const auto& o : listed) {
        CHECK(o.id == id);
        CHECK(o.label == "Officer key");
    }

    auto objects = cli({"token", "objects", "--serial", serial, "--pin-file", pinFile});
    REQUIRE(objects.exitCode == 0);
    CHECK_THAT(objects.out,
               Catch::Contains("private-key") && Catch::Contains(id) && Catch::Contains("not extractable"));
    auto publicOnly = cli({"token", "objects", "--serial", serial});
    REQUIRE(publicOnly.exitCode == 0);
    CHECK_THAT(publicOnly.out, !Catch::Contains("private-key") && Catch::Contains("public-key"));

    auto removed = cli({"token", "delete", "--serial", serial, "--pin-file", pinFile, "--id", id});
    CHECK(removed.exitCode == 0);
    auto twice = cli({"token", "delete", "--serial", serial, "--pin-file", pinFile, "--id", id});
    CHECK(twice.exitCode == 2);
    CHECK_THAT(twice.err, Catch::StartsWith("error: ") && Catch::Contains("nothing with ID"));
}

TEST_CASE("tamga-cli --json gives machine-readable tokens and objects")
{
    SoftHsmSandbox hsm;
    Cli cli(hsm);
    const std::string serial = initToken(cli, hsm, "json");
    auto tokens = cli({"--json", "tokens"});
    REQUIRE(tokens.exitCode == 0);
    auto document = QJsonDocument::fromJson(QByteArray::fromStdString(tokens.out));
    REQUIRE(document.isArray());
    bool found = false;
    for (const auto& value : document.array()) {
        const QJsonObject token = value.toObject();
        if (token.value(QStringLiteral("serial")).toString().toStdString() == serial) {
            found = true;
            CHECK(token.value(QStringLiteral("label")).toString() == QStringLiteral("json"));
            CHECK(token.value(QStringLiteral("flags")).toObject().value(QStringLiteral("tokenInitialized")).toBool());
            CHECK(token.value(QStringLiteral("minPinLength")).toInt() == 4);
        }
    }
    CHECK(found);

    const std::string pinFile = hsm.secretFile("user.pin", "1234");
    REQUIRE(cli({"token", "keygen", "--serial", serial, "--pin-file", pinFile, "--type", "rsa2048", "--label", "r"})
                .exitCode == 0);
    auto objects = cli({"--json", "token", "objects", "--serial", serial, "--pin-file", pinFile});
    REQUIRE(objects.exitCode == 0);
    auto array = QJsonDocument::fromJson(QByteArray::fromStdString(objects.out)).array();
    REQUIRE(array.size() == 2);
    for (const auto& value : array) {
        const QJsonObject object = value.toObject();
        CHECK(object.value(QStringLiteral("algorithm")).toString() == QStringLiteral("RSA-2048"));
        if (object.value(QStringLiteral("class")).toString() == QStringLiteral("private-key")) {
            CHECK(object.value(QStringLiteral("sensitive")).toBool());
            CHECK_FALSE(object.value(QStringLiteral("extractable")).toBool());
        }
    }
}

TEST_CASE("tamga-cli PIN handling: change - wrong PIN with tries left - lock - unblock")
{
    SoftHsmSandbox hsm(tamga::test::TestModuleOptions{.pinTries = 3});
    Cli cli(hsm);
    const std::string serial = initToken(cli, hsm, "pins");
    const std::string oldPin = hsm.secretFile("old.pin", "1234");
    const std::string newPin = hsm.secretFile("new.pin", "4862");
    const std::string wrongPin = hsm.secretFile("wrong.pin", "0000");
    const std::string soPin = hsm.secretFile("so.pin", "12345678");

    REQUIRE(cli({"token", "change-pin", "--serial", serial, "--pin-file", oldPin, "--new-pin-file", newPin}).exitCode ==
            0);
    auto stale = cli({"token", "objects", "--serial", serial, "--pin-file", oldPin});
    CHECK(stale.exitCode == 2);
    CHECK_THAT(stale.err, Catch::Contains("PIN is wrong"));

    auto finalTry = cli({"token", "objects", "--serial", serial, "--pin-file", wrongPin});
    CHECK(finalTry.exitCode == 2);
    CHECK_THAT(finalTry.err, Catch::Contains("one more wrong PIN blocks it"));
    // Exactly one line on stderr.
    CHECK(std::count(finalTry.err.begin(), finalTry.err.end(), '\n') == 1);

    auto blocked = cli({"token", "objects", "--serial", serial, "--pin-file", wrongPin});
    CHECK(blocked.exitCode == 2);
    CHECK_THAT(blocked.err, Catch::Contains("blocked"));
    auto listing = cli({"tokens"});
    CHECK_THAT(listing.out, Catch::Contains("PIN locked"));

    // Without --so-pin-file the desk's sealed SO PIN is used: this token was initialized here by hand, so the
    // desk says it does not know it.
    auto unsealed = cli({"token", "unblock", "--serial", serial, "--new-pin-file", oldPin});
    CHECK(unsealed.exitCode == 2);
    CHECK_THAT(unsealed.err, Catch::Contains("the desk keeps no SO PIN for token " + serial));

    auto unblock = cli({"token", "unblock", "--serial", serial, "--so-pin-file", soPin, "--new-pin-file", oldPin});
    INFO(unblock.err);
    CHECK(unblock.exitCode == 0);
    CHECK(cli({"token", "objects", "--serial", serial, "--pin-file", oldPin}).exitCode == 0);
}

TEST_CASE("tamga-cli exit statuses: 1 for usage - 2 for a failed operation - with one line on stderr")
{
    SoftHsmSandbox hsm;
    Cli cli(hsm);
    const std::string pinFile = hsm.secretFile("user.pin", "1234");

    SECTION("usage errors")
    {
        CHECK(cli({"token", "frobnicate", "--serial", "x"}).exitCode == 1);
        CHECK(cli({"token", "keygen", "--serial", "x", "--pin-file", pinFile, "--type", "rsa1024", "--label", "l"})
                  .exitCode == 1);
        CHECK(cli({"token", "init", "--serial", "x", "--uninitialized", "--label", "l"}).exitCode == 1);
        CHECK(cli({"tokens", "--colour"}).exitCode == 1);
        // No PIN file and no terminal to ask on: a usage error, never a hang.
        auto noPin = cli({"token", "init", "--uninitialized", "--label", "l", "--so-pin-file", pinFile});
        CHECK(noPin.exitCode == 1);
        CHECK_THAT(noPin.err, Catch::Contains("no terminal"));
        auto missingFile = cli({"token", "init", "--uninitialized", "--label", "l", "--so-pin-file",
                                hsm.dir().file("absent.pin"), "--pin-file", pinFile});
        CHECK(missingFile.exitCode == 1);
        CHECK_THAT(missingFile.err, Catch::Contains("absent.pin"));
    }
    SECTION("operations that fail")
    {
        auto unknownSerial = cli({"token", "objects", "--serial", "0000000000000000"});
        CHECK(unknownSerial.exitCode == 2);
        CHECK_THAT(unknownSerial.err, Catch::StartsWith("error: ") && Catch::Contains("0000000000000000"));
        CHECK(std::count(unknownSerial.err.begin(), unknownSerial.err.end(), '\n') == 1);

        auto missingModule = tamga::test::run({TAMGA_CLI, "--module", "/nonexistent/module.so", "tokens"});
        CHECK(missingModule.exitCode == 2);
        CHECK_THAT(missingModule.err, Catch::Contains("/nonexistent/module.so"));

        // The module comes from TAMGA_PKCS11_MODULE when --module is not given.
        auto fromEnvironment =
            tamga::test::run({TAMGA_CLI, "tokens"}, {{"TAMGA_PKCS11_MODULE", "/nonexistent/env.so"}});
        CHECK(fromEnvironment.exitCode == 2);
        CHECK_THAT(fromEnvironment.err, Catch::Contains("/nonexistent/env.so"));
    }
}

TEST_CASE("tamga-cli --version - COMMAND --help describes one command - usage errors name the option")
{
    auto version = tamga::test::run({TAMGA_CLI, "--version"});
    CHECK(version.exitCode == 0);
    CHECK_THAT(version.out, Catch::StartsWith("tamga-cli ") && Catch::Contains("."));

    auto keygenHelp = tamga::test::run({TAMGA_CLI, "token", "keygen", "--help"});
    CHECK(keygenHelp.exitCode == 0);
    CHECK_THAT(keygenHelp.out, Catch::Contains("token keygen") && Catch::Contains("--type") &&
                                   Catch::Contains("ec-p256") && Catch::Contains("--serial"));
    CHECK_THAT(keygenHelp.out, !Catch::Contains("--civil-id")); // another command's option

    auto enrollHelp = tamga::test::run({TAMGA_CLI, "enroll", "--help"});
    CHECK(enrollHelp.exitCode == 0);
    CHECK_THAT(enrollHelp.out, Catch::Contains("--applicant") && Catch::Contains("--so-pin-file"));

    auto missing = tamga::test::run({TAMGA_CLI, "--db", "/nonexistent/desk.db", "token", "keygen", "--serial", "x"});
    CHECK(missing.exitCode == 1);
    CHECK_THAT(missing.err, Catch::StartsWith("error: ") && Catch::Contains("--type"));

    auto wrongPlace = tamga::test::run({TAMGA_CLI, "org", "list", "--civil-id", "УБ90010112"});
    CHECK(wrongPlace.exitCode == 1);
    CHECK_THAT(wrongPlace.err, Catch::Contains("--civil-id"));

    auto nothing = tamga::test::run({TAMGA_CLI});
    CHECK(nothing.exitCode == 1);
    CHECK_FALSE(nothing.err.empty());
}

TEST_CASE("token commands that change a token need a sign-in - a clerk may only prepare new tokens and change PINs - "
          "every attempt is audited")
{
    SoftHsmSandbox hsm;
    Cli cli(hsm);
    const std::string soPin = hsm.secretFile("so.pin", "12345678");
    const std::string pin = hsm.secretFile("user.pin", "1234");
    const std::string newPin = hsm.secretFile("new.pin", "4862");
    auto audited = [&](const std::string& action) {
        auto rows = cli.database().runSql("SELECT operator || ' ' || outcome || ' ' || object_id FROM audit_log "
                                          "WHERE action = '" +
                                          action + "' ORDER BY id");
        REQUIRE(rows.exitCode == 0);
        return rows.out;
    };

    // Nobody signed in: nothing happens to the token.
    auto anonymous =
        cli.signedOut({"token", "init", "--uninitialized", "--label", "x", "--so-pin-file", soPin, "--pin-file", pin});
    CHECK(anonymous.exitCode == 1);
    CHECK_THAT(anonymous.err, Catch::Contains("sign in"));
    CHECK_THAT(cli({"tokens"}).out, Catch::Contains("not initialized"));

    // A clerk prepares a new token and lets its officer change the PIN.
    auto prepared = cli.asClerk(
        {"token", "init", "--uninitialized", "--label", "Clerk's", "--so-pin-file", soPin, "--pin-file", pin});
    INFO(prepared.err);
    REQUIRE(prepared.exitCode == 0);
    const std::string serial = firstLine(prepared.out);
    CHECK(cli.asClerk({"token", "change-pin", "--serial", serial, "--pin-file", pin, "--new-pin-file", newPin})
              .exitCode == 0);
    CHECK_THAT(audited("token.initialize"), Catch::Contains("clerk ok " + serial));
    CHECK_THAT(audited("token.change_pin"), Catch::Contains("clerk ok " + serial));

    // What destroys or replaces what a token holds is refused to a clerk, audited, and leaves the token as it was.
    for (const auto& [words, action] : std::vector<std::pair<std::vector<std::string>, std::string>>{
             {{"token", "init", "--serial", serial, "--label", "Erased", "--so-pin-file", soPin, "--pin-file", pin},
              "token.erase"},
             {{"token", "unblock", "--serial", serial, "--so-pin-file", soPin, "--new-pin-file", pin},
              "token.unblock_pin"},
             {{"token", "keygen", "--serial", serial, "--pin-file", newPin, "--type", "ec-p256", "--label", "k"},
              "token.generate_key"},
             {{"token", "delete", "--serial", serial, "--pin-file", newPin, "--id", "0102"}, "token.delete_key"}}) {
        auto refused = cli.asClerk(words);
        INFO(action);
        CHECK(refused.exitCode == 2);
        CHECK_THAT(refused.err, Catch::Contains("needs a supervisor"));
        CHECK_THAT(audited(action), Catch::Contains("clerk refused " + serial));
    }
    auto still = cli({"--json", "tokens"});
    CHECK_THAT(still.out, Catch::Contains("Clerk's"));
    CHECK(cli({"token", "objects", "--serial", serial, "--pin-file", newPin}).out.find("private-key") ==
          std::string::npos);

    // A supervisor may, and a failure on the token is audited with its error.
    auto keygen =
        cli({"token", "keygen", "--serial", serial, "--pin-file", newPin, "--type", "ec-p256", "--label", "k"});
    INFO(keygen.err);
    CHECK(keygen.exitCode == 0);
    CHECK_THAT(audited("token.generate_key"), Catch::Contains("boss ok " + serial));
    CHECK(
        cli({"token", "keygen", "--serial", serial, "--pin-file", pin, "--type", "ec-p256", "--label", "k"}).exitCode ==
        2);
    CHECK_THAT(audited("token.generate_key"), Catch::Contains("boss failed " + serial));
    auto verify = cli({"audit", "verify"});
    CHECK(verify.exitCode == 0);
}

TEST_CASE("tamga-cli modules names the Debian package of each registered module")
{
    SoftHsmSandbox hsm;
    Cli cli(hsm);
    auto modules = cli({"--json", "modules"});
    REQUIRE(modules.exitCode == 0);
    bool softhsm = false;
    for (const auto& value : QJsonDocument::fromJson(QByteArray::fromStdString(modules.out)).array()) {
        const QJsonObject module = value.toObject();
        if (module.value(QStringLiteral("name")).toString() == QStringLiteral("softhsm2")) {
            softhsm = true;
            CHECK(module.value(QStringLiteral("package")).toString() == QStringLiteral("libsofthsm2"));
        }
    }
    CHECK(softhsm); // softhsm2 registers its module with p11-kit
}
