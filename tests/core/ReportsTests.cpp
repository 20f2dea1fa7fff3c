// Reports from what the desk recorded: progress per organization, a day's work per operator, the stock; their CSV
// read back as a spreadsheet would.
#include "EngineFixture.h"
#include "tamga/core/Csv.h"
#include "tamga/core/Reports.h"

#include <catch2/catch.hpp>

using namespace tamga::core;
using tamga::Pin;
using tamga::test::EngineFixture;

namespace {

const ReportTable& table(const Report& report, const char* title)
{
    for (const auto& t : report.tables) {
        if (t.title == QLatin1String(title))
            return t;
    }
    FAIL("no table " << title);
    return report.tables.front();
}

} // namespace

TEST_CASE("the reports count what the desk did: an officer handed over - the day's work per operator - the stock")
{
    EngineFixture desk;
    // A second organization whose name a spreadsheet would take for a formula, with an officer not yet started.
    auto other = Registry(desk.db()).addOrganization(desk.clerk(), QStringLiteral("=Сүхбаатар дүүрэг"),
                                                     QStringLiteral("9000004"), std::nullopt);
    REQUIRE(other);
    REQUIRE(Registry(desk.db()).addOfficer(desk.clerk(), {*other, QStringLiteral("Болд"), QStringLiteral("Тэмүүлэн"),
                                                          QStringLiteral("ЧБ92111519"), QStringLiteral("Дарга")}));
    auto id = desk.engine().create(desk.clerk(), desk.officerId(), desk.serial(), QStringLiteral("signing"),
                                   QStringLiteral("practice"));
    REQUIRE(id);
    REQUIRE(desk.engine().run(desk.clerk(), *id, Pin(EngineFixture::kUserPin), nullptr));
    REQUIRE(desk.engine().handOver(desk.clerk(), *id));

    const Reports reports(desk.db());
    auto progress = reports.progress();
    REQUIRE(progress);
    const ReportTable& perOrganization = table(*progress, "Progress per organization");
    REQUIRE(perOrganization.rows.size() == 3); // two organizations and the total
    const QStringList total = perOrganization.rows.back();
    CHECK(total == QStringList{QStringLiteral("All organizations"), QStringLiteral("2"), QStringLiteral("1"),
                               QStringLiteral("1"), QStringLiteral("1"), QStringLiteral("50%")});
    const ReportTable& perDay = table(*progress, "Certificates per day");
    REQUIRE(perDay.rows.size() == 1);
    CHECK(perDay.rows[0][1] == QStringLiteral("1"));
    CHECK(perDay.rows[0][2] == QStringLiteral("1"));
    REQUIRE(progress->charts.size() == 1);
    CHECK(progress->charts[0].groups.size() == 2);

    // The CSV reads back cell for cell, and the formula-like name is defused.
    const CsvDocument csv = parseCsv(Reports::csv(*progress));
    REQUIRE_FALSE(csv.problem);
    bool defused = false;
    for (const auto& record : csv.records)
        defused = defused || (!record.fields.isEmpty() && record.fields[0] == QStringLiteral("'=Сүхбаатар дүүрэг"));
    CHECK(defused);

    auto daily = reports.daily(QDateTime::currentDateTimeUtc().date());
    REQUIRE(daily);
    const ReportTable& perOperator = table(*daily, "Work per operator");
    REQUIRE(perOperator.rows.size() == 1);
    CHECK(perOperator.rows[0] == QStringList{QStringLiteral("clerk"), QStringLiteral("1"), QStringLiteral("1"),
                                             QStringLiteral("1"), QStringLiteral("0")});
    CHECK(table(*daily, "Token stock").rows[0][1] == QStringLiteral("1")); // issued today

    auto stock = reports.stock();
    REQUIRE(stock);
    bool oneIssued = false;
    for (const auto& row : table(*stock, "Tokens by state").rows)
        oneIssued = oneIssued || (row[0] == QStringLiteral("issued") && row[1] == QStringLiteral("1"));
    CHECK(oneIssued);
}
