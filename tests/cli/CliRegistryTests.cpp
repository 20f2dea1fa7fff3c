// tamga-cli's registry commands as a clerk and a supervisor use them: sign-in, roles, import, audit.
#include "TestSupport.h"

#include <catch2/catch.hpp>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <fstream>

using tamga::test::ProcessResult;
using tamga::test::TempDir;

namespace {

class Desk {
public:
    Desk()
    {
        tamga::test::writeFile(m_dir.file("boss.pw"), "Boss-password-1\n");
        tamga::test::writeFile(m_dir.file("clerk.pw"), "Clerk-password-2\n");
        tamga::test::writeFile(m_dir.file("wrong.pw"), "not-the-password\n");
    }

    // tamga-cli --db <private db> ARGS, with the clerk signed in through the environment unless told otherwise.
    ProcessResult operator()(std::vector<std::string> arguments,
                             std::map<std::string, std::string> environment = {}) const
    {
        arguments.insert(arguments.begin(), {TAMGA_CLI, "--db", db()});
        return tamga::test::run(arguments, environment);
    }
    ProcessResult asClerk(std::vector<std::string> arguments) const
    {
        return (*this)(std::move(arguments), {{"TAMGA_OPERATOR", "clerk1"}, {"TAMGA_PASSWORD_FILE", file("clerk.pw")}});
    }

    void setUpOperators() const
    {
        REQUIRE(
            (*this)({"operator", "add", "--name", "boss", "--role", "supervisor", "--password-file", file("boss.pw")})
                .exitCode == 0);
        auto clerk = (*this)({"operator", "add", "--name", "clerk1", "--role", "clerk", "--password-file",
                              file("clerk.pw"), "--operator", "boss", "--operator-password-file", file("boss.pw")});
        INFO(clerk.err);
        REQUIRE(clerk.exitCode == 0);
    }

    // The desk's file, or its PostgreSQL URL when the suite runs on PostgreSQL (TestDatabase).
    std::string db() const { return m_database.location(); }
    const tamga::test::TestDatabase& database() const { return m_database; }
    std::string file(const std::string& name) const { return m_dir.file(name); }
    const TempDir& dir() const { return m_dir; }

private:
    TempDir m_dir;
    tamga::test::TestDatabase m_database{m_dir, "desk.db"};
};

std::string trimmed(const std::string& text)
{
    return text.substr(0, text.find_last_not_of("\r\n") + 1);
}

} // namespace

TEST_CASE("a fresh desk: the first operator needs no sign-in and must be a supervisor")
{
    Desk desk;
    auto clerkFirst =
        desk({"operator", "add", "--name", "clerk1", "--role", "clerk", "--password-file", desk.file("clerk.pw")});
    CHECK(clerkFirst.exitCode == 2);
    CHECK_THAT(clerkFirst.err, Catch::Contains("first operator"));
    desk.setUpOperators();

    // After that: no sign-in, a wrong password, or a clerk adding operators are all refused.
    auto anonymous =
        desk({"operator", "add", "--name", "x", "--role", "clerk", "--password-file", desk.file("clerk.pw")});
    CHECK(anonymous.exitCode == 1);
    auto wrongPassword =
        desk({"org", "add", "--name", "Org", "--operator", "clerk1", "--password-file", desk.file("wrong.pw")});
    CHECK(wrongPassword.exitCode == 2);
    CHECK_THAT(wrongPassword.err, Catch::Contains("sign-in refused"));
    auto clerkAddsOperator =
        desk({"operator", "add", "--name", "x", "--role", "clerk", "--password-file", desk.file("clerk.pw"),
              "--operator", "clerk1", "--operator-password-file", desk.file("clerk.pw")});
    CHECK(clerkAddsOperator.exitCode == 2);
    CHECK_THAT(clerkAddsOperator.err, Catch::Contains("needs a supervisor"));

    // Both refusals are audited under the operator's name.
    auto audit = desk({"--json", "audit", "list"});
    REQUIRE(audit.exitCode == 0);
    const auto events = QJsonDocument::fromJson(QByteArray::fromStdString(audit.out)).array();
    int refusals = 0;
    for (const auto& value : events) {
        const QJsonObject event = value.toObject();
        CHECK_FALSE(event.value(QStringLiteral("operator")).toString().isEmpty());
        if (event.value(QStringLiteral("outcome")).toString() == QStringLiteral("refused")) {
            CHECK(event.value(QStringLiteral("operator")).toString() == QStringLiteral("clerk1"));
            ++refusals;
        }
    }
    CHECK(refusals == 2);
}

TEST_CASE("organizations and applicants through the CLI - with JSON lists and search")
{
    Desk desk;
    desk.setUpOperators();
    auto org =
        desk.asClerk({"org", "add", "--name", "Нийслэлийн Засаг даргын Тамгын газар", "--register-no", "2345678"});
    INFO(org.err);
    REQUIRE(org.exitCode == 0);
    const std::string orgId = trimmed(org.out);
    auto child = desk.asClerk({"org", "add", "--name", "Мэдээллийн технологийн газар", "--parent", orgId});
    REQUIRE(child.exitCode == 0);

    auto officer = desk.asClerk({"applicant", "add", "--org", orgId, "--surname", "Дорж", "--given-name", "Батбаяр",
                                 "--civil-id", "УБ90010112", "--position", "Дарга", "--email", "batbayar@ub.gov.mn"});
    INFO(officer.err);
    REQUIRE(officer.exitCode == 0);
    const std::string officerId = trimmed(officer.out);

    auto badCivilId = desk.asClerk({"applicant", "add", "--org", orgId, "--surname", "A", "--given-name", "B",
                                    "--civil-id", "УБ90130112", "--position", "P"});
    CHECK(badCivilId.exitCode == 2);
    CHECK_THAT(badCivilId.err, Catch::Contains("not a month"));
    auto missing = desk.asClerk({"applicant", "add", "--org", orgId, "--surname", "A"});
    CHECK(missing.exitCode == 1);

    auto list = desk({"--json", "applicant", "list", "--search", "batbayar"});
    REQUIRE(list.exitCode == 0);
    const auto found = QJsonDocument::fromJson(QByteArray::fromStdString(list.out)).array();
    REQUIRE(found.size() == 1);
    CHECK(found[0].toObject().value(QStringLiteral("civil_id")).toString() == QStringLiteral("УБ90010112"));

    auto show = desk({"applicant", "show", officerId});
    REQUIRE(show.exitCode == 0);
    CHECK_THAT(show.out, Catch::Contains("Батбаяр") && Catch::Contains("batbayar@ub.gov.mn"));
    auto orgs = desk({"--json", "org", "list"});
    const auto organizations = QJsonDocument::fromJson(QByteArray::fromStdString(orgs.out)).array();
    REQUIRE(organizations.size() == 2);
    CHECK(desk({"applicant", "show", "999"}).exitCode == 2);
}

TEST_CASE("applicant import through the CLI: bad rows exit 2 with their lines - a good file imports once")
{
    Desk desk;
    desk.setUpOperators();
    const std::string header =
        "organization,org_register_no,surname,given_name,civil_id,position,department,email,phone\n";
    tamga::test::writeFile(desk.file("bad.csv"), header + "Org,1234567,Дорж,Батбаяр,УБ90010112,Дарга,,,\n"
                                                          "Org,1234567,Бат,Болд,УБ91020213,Дарга,,bad-mail,\n");
    auto bad = desk.asClerk({"applicant", "import", desk.file("bad.csv")});
    CHECK(bad.exitCode == 2);
    CHECK_THAT(bad.err, Catch::Contains("bad.csv:3: email:") && Catch::Contains("nothing was imported"));
    CHECK(trimmed(desk({"applicant", "list"}).out).find("Батбаяр") == std::string::npos);

    tamga::test::writeFile(desk.file("good.csv"), header + "Org,1234567,Дорж,Батбаяр,УБ90010112,Дарга,,,\n");
    auto good = desk.asClerk({"applicant", "import", desk.file("good.csv")});
    INFO(good.err);
    CHECK(good.exitCode == 0);
    CHECK_THAT(good.out, Catch::Contains("1 added"));
    auto again = desk.asClerk({"applicant", "import", desk.file("good.csv")});
    CHECK(again.exitCode == 0);
    CHECK_THAT(again.out, Catch::Contains("Nothing changed"));
}

TEST_CASE("audit verify exits 3 naming the tampered event - and export writes CSV")
{
    Desk desk;
    desk.setUpOperators();
    REQUIRE(desk.asClerk({"org", "add", "--name", "A"}).exitCode == 0);
    REQUIRE(desk.asClerk({"org", "add", "--name", "B"}).exitCode == 0);
    auto intact = desk({"audit", "verify"});
    CHECK(intact.exitCode == 0);
    CHECK_THAT(intact.out, Catch::Contains("intact: 4 events"));
    REQUIRE(desk({"audit", "export", "--out", desk.file("audit.csv")}).exitCode == 0);
    CHECK_THAT(tamga::test::readFile(desk.file("audit.csv")), Catch::Contains("organization.add"));

    // Edit one event behind Tamga's back with the sqlite3 shell or psql, as anyone holding the file could.
    auto edited = desk.database().runSql("UPDATE audit_log SET outcome = 'refused' WHERE id = 3");
    REQUIRE(edited.exitCode == 0);
    auto tampered = desk({"audit", "verify"});
    CHECK(tampered.exitCode == 3);
    CHECK_THAT(tampered.err, Catch::Contains("event #3 was edited"));
}

TEST_CASE("no password or PIN used at the desk is found in the database - its journal or the audit export")
{
    Desk desk;
    desk.setUpOperators();
    REQUIRE(desk.asClerk({"org", "add", "--name", "Org"}).exitCode == 0);
    REQUIRE(desk({"org", "add", "--name", "Refused", "--operator", "clerk1", "--password-file", desk.file("wrong.pw")})
                .exitCode == 2);

    // A token prepared at the same desk, with PINs from files.
    tamga::test::SoftHsmSandbox hsm;
    const std::string pin = "735194";
    const std::string soPin = "86420975";
    auto init =
        desk.asClerk({"--module", hsm.modulePath(), "token", "init", "--uninitialized", "--label", "secrets",
                      "--so-pin-file", hsm.secretFile("so.pin", soPin), "--pin-file", hsm.secretFile("user.pin", pin)});
    INFO(init.err);
    REQUIRE(init.exitCode == 0);
    REQUIRE(desk({"audit", "export", "--out", desk.file("audit.csv")}).exitCode == 0);

    std::string everything = desk.database().contents() + tamga::test::readFile(desk.file("audit.csv"));
    REQUIRE(everything.size() > 10000); // the database really was read
    for (const std::string& secret : {std::string("Boss-password-1"), std::string("Clerk-password-2"),
                                      std::string("not-the-password"), pin, soPin}) {
        INFO(secret);
        CHECK(everything.find(secret) == std::string::npos);
    }
}

TEST_CASE("the PKCS#11 module comes from the desk's stored setting when neither --module nor the environment names one")
{
    Desk desk;
    desk.setUpOperators();
    tamga::test::SoftHsmSandbox hsm;
    ::unsetenv("TAMGA_PKCS11_MODULE");
    auto before = desk({"tokens"});
    CHECK_THAT(before.out + before.err, !Catch::Contains("SoftHSM")); // OpenSC's module: no reader, no token

    // The module is a library every later Tamga process runs: a clerk may not choose it, a supervisor may.
    auto refused = desk.asClerk({"config", "set", "pkcs11.modules", hsm.modulePath()});
    CHECK(refused.exitCode == 2);
    CHECK_THAT(refused.err, Catch::Contains("needs a supervisor"));
    CHECK(trimmed(desk({"config", "get", "pkcs11.modules"}).out).empty());
    REQUIRE(desk({"config", "set", "pkcs11.modules", hsm.modulePath(), "--operator", "boss", "--password-file",
                  desk.file("boss.pw")})
                .exitCode == 0);
    auto stored = desk({"config", "get", "pkcs11.modules"});
    CHECK(trimmed(stored.out) == hsm.modulePath());
    auto tokens = desk({"tokens"});
    INFO(tokens.err);
    CHECK(tokens.exitCode == 0);
    CHECK_THAT(tokens.out, Catch::Contains("SoftHSM"));
    // The environment still wins over the stored setting.
    auto overridden = desk({"tokens"}, {{"TAMGA_PKCS11_MODULE", "/nonexistent/env.so"}});
    CHECK_THAT(overridden.err, Catch::Contains("/nonexistent/env.so"));
}

TEST_CASE("the token stock through the CLI: a delivery - a clerk's lost token - a refused change exits 2 - the day")
{
    Desk desk;
    desk.setUpOperators();
    tamga::test::writeFile(desk.file("delivery.csv"),
                           "serial,manufacturer,model\nS-1,SafeNet,eToken\nS-2,SafeNet,eToken\n");
    const std::map<std::string, std::string> boss{{"TAMGA_OPERATOR", "boss"},
                                                  {"TAMGA_PASSWORD_FILE", desk.file("boss.pw")}};
    auto imported = desk({"stock", "import", desk.file("delivery.csv")}, boss);
    INFO(imported.err);
    REQUIRE(imported.exitCode == 0);
    CHECK_THAT(imported.out, Catch::Contains("2 token(s) added"));

    CHECK(desk.asClerk({"stock", "set", "S-1", "lost", "--reason", "left in a taxi"}).exitCode == 0);
    auto senseless = desk.asClerk({"stock", "set", "S-1", "blocked", "--reason", "PIN blocked"});
    CHECK(senseless.exitCode == 2);
    CHECK_THAT(senseless.err, Catch::Contains("lost"));
    CHECK(desk.asClerk({"stock", "set", "S-2", "lost"}).exitCode == 1);                      // no --reason
    CHECK(desk.asClerk({"stock", "set", "S-2", "vanished", "--reason", "x"}).exitCode == 1); // no such state

    auto listed = desk({"--json", "stock", "list", "--state", "lost"});
    REQUIRE(listed.exitCode == 0);
    const QJsonArray lost = QJsonDocument::fromJson(QByteArray::fromStdString(listed.out)).array();
    REQUIRE(lost.size() == 1);
    CHECK(lost[0].toObject()[QStringLiteral("serial")].toString() == QStringLiteral("S-1"));
    CHECK(lost[0].toObject()[QStringLiteral("reason")].toString() == QStringLiteral("left in a taxi"));

    auto day = desk({"--json", "stock", "day"});
    REQUIRE(day.exitCode == 0);
    const QJsonObject today = QJsonDocument::fromJson(QByteArray::fromStdString(day.out)).object();
    CHECK(today[QStringLiteral("received")].toInt() == 2);
    CHECK(today[QStringLiteral("spoiled")].toInt() == 1);
    CHECK(today[QStringLiteral("in_stock_at_end")].toInt() == 1);
}
