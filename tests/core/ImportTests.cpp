// CSV import of officer lists: every rule, all or nothing.
#include "CoreFixture.h"
#include "tamga/core/Csv.h"
#include "tamga/core/OfficerImport.h"
#include "tamga/core/Registry.h"

#include <catch2/catch.hpp>

using namespace tamga::core;
using tamga::test::CoreFixture;

namespace {

const QByteArray kHeader = "organization,org_register_no,surname,given_name,civil_id,position,department,email,phone\n";

ImportReport importText(const CoreFixture& fixture, const QByteArray& content)
{
    auto report = importOfficers(fixture.db(), fixture.clerk(), content, QStringLiteral("officers.csv"));
    REQUIRE(report);
    return *report;
}

// "line 4, civil_id: ..." for failure messages.
std::string describe(const ImportReport& report)
{
    std::string text;
    for (const auto& p : report.problems)
        text += "line " + std::to_string(p.line) + ", " + p.column.toStdString() + ": " + p.reason.toStdString() + "\n";
    return text;
}

bool hasProblem(const ImportReport& report, int line, const QString& column, const QString& reasonPart)
{
    return std::any_of(report.problems.begin(), report.problems.end(), [&](const ImportProblem& p) {
        return p.line == line && p.column == column && p.reason.contains(reasonPart);
    });
}

} // namespace

TEST_CASE("a real-world file imports: BOM - CRLF - quoted commas and line breaks - Cyrillic and Latin")
{
    CoreFixture fixture;
    QByteArray file = "\xEF\xBB\xBF"; // UTF-8 byte-order mark
    file += "Civil_ID,Surname,Given_Name,Organization,Position,Department,Email,Phone,Org_Register_No\r\n"
            "УБ90010112,Дорж,Батбаяр,\"Нийслэлийн Засаг даргын Тамгын газар\",Дарга,,batbayar@ub.gov.mn,+976 "
            "9911-2233,2345678\r\n"
            "ХУ85121503,Өлзийбат,Сарангэрэл,\"Нийслэлийн Засаг даргын Тамгын газар\",\"Ахлах мэргэжилтэн, "
            "хууль\",\"Хуулийн\r\nхэлтэс\",,,2345678\r\n"
            "ЧЖ05250134,Smith,\"John \"\"Jack\"\"\",Хан-Уул дүүрэг,Зөвлөх,,,,\r\n";
    const ImportReport report = importText(fixture, file);
    INFO(describe(report));
    REQUIRE(report.problems.empty());
    CHECK(report.rows == 3);
    CHECK(report.added == 3);
    CHECK(report.organizationsAdded == 2);

    Registry registry(fixture.db());
    auto officers = registry.officers(std::nullopt, QString());
    REQUIRE(officers);
    REQUIRE(officers->size() == 3);
    auto byCivilId = [&](const QString& id) {
        return *std::find_if(officers->begin(), officers->end(), [&](auto& o) { return o.fields.civilId == id; });
    };
    CHECK(byCivilId(QStringLiteral("ХУ85121503")).fields.position == QStringLiteral("Ахлах мэргэжилтэн, хууль"));
    CHECK(byCivilId(QStringLiteral("ХУ85121503")).fields.department == QStringLiteral("Хуулийн хэлтэс")); // normalized
    CHECK(byCivilId(QStringLiteral("ЧЖ05250134")).fields.givenName == QStringLiteral("John \"Jack\""));
    CHECK(byCivilId(QStringLiteral("УБ90010112")).fields.phone == QStringLiteral("+976 9911-2233"));
    CHECK(byCivilId(QStringLiteral("УБ90010112")).organizationName ==
          QStringLiteral("Нийслэлийн Засаг даргын Тамгын газар"));
}

TEST_CASE("re-importing the same file changes nothing and says so - a changed row is an update")
{
    CoreFixture fixture;
    const QByteArray file = kHeader + "Org A,1111111,Дорж,Батбаяр,УБ90010112,Дарга,,,\n"
                                      "Org A,1111111,Бат,Болд,УБ91020213,Мэргэжилтэн,,,\n";
    REQUIRE(importText(fixture, file).added == 2);
    const auto events = fixture.auditCount();

    const ImportReport again = importText(fixture, file);
    CHECK(again.changedNothing());
    CHECK(again.unchanged == 2);
    CHECK(fixture.auditCount() == events); // not even an audit event: nothing changed

    const QByteArray promoted = kHeader + "Org A,1111111,Дорж,Батбаяр,УБ90010112,Дарга,,,\n"
                                          "Org A,1111111,Бат,Болд,УБ91020213,Ахлах мэргэжилтэн,,,\n";
    const ImportReport update = importText(fixture, promoted);
    CHECK(update.updated == 1);
    CHECK(update.unchanged == 1);
    CHECK(fixture.count(QStringLiteral("officers")) == 2);
    CHECK(fixture.count(QStringLiteral("organizations")) == 1);
}

TEST_CASE("every bad row is reported with its line and column - and nothing is imported")
{
    CoreFixture fixture;
    Registry registry(fixture.db());
    auto org =
        registry.addOrganization(fixture.clerk(), QStringLiteral("Existing"), QStringLiteral("5555555"), std::nullopt);
    REQUIRE(org);
    REQUIRE(registry.addOfficer(fixture.clerk(), {*org, QStringLiteral("Гантулга"), QStringLiteral("Энх"),
                                                  QStringLiteral("ДА80010101"), QStringLiteral("Дарга")}));
    const auto officersBefore = fixture.count(QStringLiteral("officers"));
    const auto eventsBefore = fixture.auditCount();

    const QByteArray file = kHeader + "Org B,,Дорж,Батбаяр,УБ90010112,Дарга,,,\n"   // line 2: fine
                                      "Org B,,Бат,Болд,UB91020213,Мэргэжилтэн,,,\n" // 3: Latin letters in civil ID
                                      "Org B,,,Сүх,УБ92030314,Мэргэжилтэн,,,\n"     // 4: surname missing
                                      "Org B,,Цэцэг,Саруул,УБ93040415,Мэргэжилтэн,,saruul@,\n" // 5: bad e-mail
                                      "Org B,,Дорж,Батбаяр,УБ90010112,Дарга,,,\n" // 6: civil ID repeated (line 2)
                                      "Org B,,Other,Person,ДА80010101,Дарга,,,\n" // 7: civil ID of Гантулга Энх
                                      "Org B,123,Нэр,Овог,УБ94050516,Дарга,,,\n"          // 8: bad registration number
                                      "Existing,5555555,Тест,Хүн,УБ95060617,Дарга,,,12\n" // 9: bad phone
                                      "Org B,,Сайн,Хүн,УБ96070718,Дарга,,\n";             // 10 (last): a field short
    const ImportReport report = importText(fixture, file);
    INFO(describe(report));
    CHECK(hasProblem(report, 3, QStringLiteral("civil_id"), QStringLiteral("Cyrillic")));
    CHECK(hasProblem(report, 4, QStringLiteral("surname"), QStringLiteral("missing")));
    CHECK(hasProblem(report, 5, QStringLiteral("email"), QStringLiteral("not an e-mail")));
    CHECK(hasProblem(report, 6, QStringLiteral("civil_id"), QStringLiteral("also on line 2")));
    CHECK(hasProblem(report, 7, QStringLiteral("civil_id"), QStringLiteral("already belongs to Гантулга Энх")));
    CHECK(hasProblem(report, 8, QStringLiteral("org_register_no"), QStringLiteral("seven digits")));
    CHECK(hasProblem(report, 9, QStringLiteral("phone"), QStringLiteral("not a phone")));
    CHECK(hasProblem(report, 10, QString(), QStringLiteral("8 fields but the header has 9")));
    CHECK(report.problems.size() == 8);
    CHECK(report.added == 0);
    CHECK(fixture.count(QStringLiteral("officers")) == officersBefore);
    CHECK(fixture.count(QStringLiteral("organizations")) == 1);
    CHECK(fixture.auditCount() == eventsBefore);
}

TEST_CASE("one bad row at the very end stops the whole file")
{
    CoreFixture fixture;
    // 28 good rows (born on each day of February 1990), then one born on 30 February.
    QByteArray file = kHeader;
    for (int day = 1; day <= 28; ++day) {
        file += QStringLiteral("Org,,Овог%1,Нэр,УБ9002%2%3,Дарга,,,\n")
                    .arg(day)
                    .arg(day, 2, 10, QLatin1Char('0'))
                    .arg(day % 10 * 11, 2, 10, QLatin1Char('0'))
                    .toUtf8();
    }
    file += "Org,,Сүүлийн,Мөр,УБ90023099,Дарга,,,\n"; // 30 February: line 30
    const ImportReport report = importText(fixture, file);
    INFO(describe(report));
    REQUIRE(report.problems.size() == 1);
    CHECK(report.problems.front().line == 30);
    CHECK(report.problems.front().column == QStringLiteral("civil_id"));
    CHECK(fixture.count(QStringLiteral("officers")) == 0);
    CHECK(fixture.count(QStringLiteral("organizations")) == 0);
}

TEST_CASE("the header decides the columns: any order and case - unknown and missing columns refused by name")
{
    CoreFixture fixture;
    SECTION("unknown column")
    {
        const ImportReport report =
            importText(fixture, "organization,surname,given_name,civil_id,position,salary\nA,B,C,УБ90010112,D,100\n");
        REQUIRE(report.problems.size() == 1);
        CHECK(report.problems.front().line == 1);
        CHECK(report.problems.front().reason.contains(QStringLiteral("unknown column \"salary\"")));
    }
    SECTION("missing required column")
    {
        const ImportReport report = importText(fixture, "organization,surname,given_name,position\nA,B,C,D\n");
        REQUIRE(report.problems.size() == 1);
        CHECK(report.problems.front().column == QStringLiteral("civil_id"));
        CHECK(report.problems.front().reason.contains(QStringLiteral("missing")));
    }
    SECTION("order and case are free - optional columns may be left out")
    {
        const ImportReport report = importText(
            fixture, "POSITION,Civil_Id,given_name,SURNAME,Organization\nДарга,УБ90010112,Батбаяр,Дорж,Орг\n");
        INFO(describe(report));
        CHECK(report.added == 1);
    }
}

TEST_CASE("a file that is not UTF-8 is refused naming the line of the first bad byte")
{
    CoreFixture fixture;
    QByteArray file = kHeader + "Org,,Doe,John,УБ90010112,Boss,,,\n";
    file += "Org,,M\xFCller,Hans,УБ91020213,Boss,,,\n"; // Latin-1 ü on line 3
    const ImportReport report = importText(fixture, file);
    REQUIRE(report.problems.size() == 1);
    CHECK(report.problems.front().line == 3);
    CHECK(report.problems.front().reason.contains(QStringLiteral("not UTF-8")));
    CHECK(report.problems.front().reason.contains(QStringLiteral("0xfc")));
    CHECK(fixture.count(QStringLiteral("officers")) == 0);
}

TEST_CASE("CSV syntax errors name their line")
{
    CHECK(parseCsv("a,b\n\"open,c\n").problem->line == 2);
    CHECK(parseCsv("a,b\nx,\"quoted\"junk\n").problem->reason.contains(QStringLiteral("closing quote")));
    CHECK(parseCsv("a,b\nx,y\"z\n").problem->line == 2);
    const CsvDocument ok = parseCsv("a,b\r\n\"multi\r\nline\",2\r\nlast,3");
    REQUIRE_FALSE(ok.problem);
    REQUIRE(ok.records.size() == 3);
    CHECK(ok.records[1].fields[0] == QStringLiteral("multi\nline"));
    CHECK(ok.records[2].line == 4);
    CHECK(firstInvalidUtf8("ok\n\xC0\x80")->line == 2); // overlong encoding of NUL
    CHECK_FALSE(firstInvalidUtf8("Монгол"));
}
