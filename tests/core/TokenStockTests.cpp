// The token stock: deliveries imported all or nothing, only sensible transitions, roles, every change in the
// token's history and the audit log, the end of a day reconciled, and the enrollment engine keeping it up to date.
#include "EngineFixture.h"
#include "tamga/core/Receipt.h"
#include "tamga/core/TokenStock.h"

#include <catch2/catch.hpp>

#include <QFile>

using namespace tamga::core;
using tamga::Pin;
using tamga::test::CoreFixture;
using tamga::test::EngineFixture;

namespace {

QString writeFile(const CoreFixture& fixture, const char* name, const QByteArray& content)
{
    const QString path = QString::fromStdString(fixture.dir().file(name));
    QFile file(path);
    REQUIRE(file.open(QIODevice::WriteOnly));
    REQUIRE(file.write(content) == content.size());
    return path;
}

StockState stateOf(const CoreFixture& fixture, const char* serial)
{
    auto token = TokenStock(fixture.db()).find(QString::fromLatin1(serial));
    REQUIRE(token);
    return token->state;
}

qint64 historyOf(const CoreFixture& fixture, const QString& serial)
{
    auto query = fixture.db().exec(QStringLiteral("SELECT count(*) FROM token_events e JOIN tokens t ON t.id = "
                                                  "e.token_id WHERE t.serial = ?"),
                                   {serial});
    REQUIRE(query);
    REQUIRE(query->next());
    return query->value(0).toLongLong();
}

} // namespace

TEST_CASE("the stock's transitions: a returned token is wiped before it is prepared again - retired is the end")
{
    using S = StockState;
    CHECK(stockTransitionAllowed(S::InStock, S::Prepared));
    CHECK(stockTransitionAllowed(S::Prepared, S::Issued));
    CHECK(stockTransitionAllowed(S::Issued, S::Returned));
    CHECK(stockTransitionAllowed(S::Returned, S::Wiped));
    CHECK(stockTransitionAllowed(S::Wiped, S::Prepared));
    CHECK(stockTransitionAllowed(S::Lost, S::Returned));
    CHECK(stockTransitionAllowed(S::Blocked, S::Issued));
    CHECK_FALSE(stockTransitionAllowed(S::Returned, S::Prepared));
    CHECK_FALSE(stockTransitionAllowed(S::Returned, S::Issued));
    CHECK_FALSE(stockTransitionAllowed(S::Issued, S::Wiped));
    CHECK_FALSE(stockTransitionAllowed(S::Issued, S::InStock));
    for (S state : allStockStates()) {
        CHECK_FALSE(stockTransitionAllowed(S::Retired, state));
        CHECK_FALSE(stockTransitionAllowed(state, state));
        CHECK(parseStockState(stockStateName(state)) == state);
    }
}

TEST_CASE("a supplier's delivery is imported all or nothing - a second import adds only what is new")
{
    CoreFixture fixture;
    TokenStock stock(fixture.db());
    const QString bad = writeFile(fixture, "bad.csv",
                                  "serial,manufacturer,model\nA001,SafeNet,eToken 5110\n,SafeNet,eToken 5110\n"
                                  "A001,SafeNet,eToken 5110\nA\x01\x32,x,y\n");
    auto refused = stock.importDelivery(fixture.supervisor(), bad);
    REQUIRE(refused);
    REQUIRE(refused->problems.size() == 3);
    CHECK(refused->problems[0].line == 3);
    CHECK(refused->problems[1].line == 4);
    CHECK(refused->problems[1].reason.contains(QStringLiteral("line 2")));
    CHECK(refused->problems[2].line == 5);
    CHECK(fixture.count(QStringLiteral("tokens")) == 0);

    const QString good =
        writeFile(fixture, "good.csv", "model,serial\neToken 5110,A001\neToken 5110,A002\neToken 5110,A003\n");
    const qint64 eventsBefore = fixture.auditCount();
    auto imported = stock.importDelivery(fixture.supervisor(), good);
    REQUIRE(imported);
    CHECK(imported->problems.empty());
    CHECK(imported->added == 3);
    CHECK(fixture.auditCount() == eventsBefore + 1);
    auto listed = stock.list(StockState::InStock);
    REQUIRE(listed);
    REQUIRE(listed->size() == 3);
    CHECK(listed->front().serial == QStringLiteral("A001"));
    CHECK(listed->front().model == QStringLiteral("eToken 5110"));
    CHECK(historyOf(fixture, QStringLiteral("A001")) == 1);

    const QString more = writeFile(fixture, "more.csv", "serial\nA003\nA004\n");
    auto again = stock.importDelivery(fixture.supervisor(), more);
    REQUIRE(again);
    CHECK(again->added == 1);
    CHECK(again->known == 1);

    // A clerk does not take deliveries.
    auto byClerk = stock.importDelivery(fixture.clerk(), more);
    REQUIRE_FALSE(byClerk);
    CHECK(byClerk.error().kind == CoreErrorKind::NotPermitted);
}

TEST_CASE("a token's state changes with a reason - a clerk records what happens at the desk - a senseless change "
          "is refused and audited")
{
    CoreFixture fixture;
    TokenStock stock(fixture.db());
    REQUIRE(stock.importDelivery(fixture.supervisor(), writeFile(fixture, "d.csv", "serial\nB001\nB002\n")));

    CHECK_FALSE(stock.setState(fixture.clerk(), QStringLiteral("B001"), StockState::Lost, QStringLiteral("  ")));
    REQUIRE(stock.setState(fixture.clerk(), QStringLiteral("B001"), StockState::Lost,
                           QStringLiteral("dropped in the corridor")));
    CHECK(stateOf(fixture, "B001") == StockState::Lost);
    CHECK(historyOf(fixture, QStringLiteral("B001")) == 2);

    auto clerkRetires =
        stock.setState(fixture.clerk(), QStringLiteral("B001"), StockState::Retired, QStringLiteral("written off"));
    REQUIRE_FALSE(clerkRetires);
    CHECK(clerkRetires.error().kind == CoreErrorKind::NotPermitted);
    REQUIRE(stock.setState(fixture.supervisor(), QStringLiteral("B001"), StockState::Retired,
                           QStringLiteral("written off")));

    const qint64 eventsBefore = fixture.auditCount();
    auto senseless =
        stock.setState(fixture.supervisor(), QStringLiteral("B001"), StockState::InStock, QStringLiteral("found it"));
    REQUIRE_FALSE(senseless);
    CHECK(senseless.error().kind == CoreErrorKind::Conflict);
    CHECK(senseless.error().message.contains(QStringLiteral("retired")));
    CHECK(stateOf(fixture, "B001") == StockState::Retired);
    CHECK(fixture.auditCount() == eventsBefore + 1); // the refusal
    auto events = AuditLog(fixture.db()).list(1);
    REQUIRE(events);
    CHECK(events->front().outcome == audit::Refused);

    CHECK_FALSE(stock.setState(fixture.supervisor(), QStringLiteral("NOPE"), StockState::Lost, QStringLiteral("x")));
}

TEST_CASE("the engine keeps the stock: a token enrolled is prepared then issued - a retired token is not enrolled - "
          "the day reconciles issues against receipts")
{
    EngineFixture desk;
    auto id = desk.engine().create(desk.clerk(), desk.officerId(), desk.serial(), QStringLiteral("signing"),
                                   QStringLiteral("practice"));
    REQUIRE(id);
    CHECK(stateOf(desk, desk.serial().toLatin1().constData()) == StockState::InStock);
    REQUIRE(desk.engine().run(desk.clerk(), *id, Pin(EngineFixture::kUserPin), nullptr));
    CHECK(stateOf(desk, desk.serial().toLatin1().constData()) == StockState::Prepared);
    REQUIRE(desk.engine().handOver(desk.clerk(), *id));
    CHECK(stateOf(desk, desk.serial().toLatin1().constData()) == StockState::Issued);

    TokenStock stock(desk.db());
    auto today = stock.reconcile(QDateTime::currentDateTimeUtc().date());
    REQUIRE(today);
    CHECK(today->received == 1);
    CHECK(today->issued == 1);
    CHECK(today->receiptsSigned == 0);
    CHECK(today->issuedWithoutReceipt() == 1);

    auto receipt = Receipts(desk.db()).data(*id);
    REQUIRE(receipt);
    REQUIRE(Receipts(desk.db()).recordPrinted(desk.clerk(), *receipt));
    today = stock.reconcile(QDateTime::currentDateTimeUtc().date());
    REQUIRE(today);
    CHECK(today->receiptsSigned == 1);
    CHECK(today->issuedWithoutReceipt() == 0);
    auto yesterday = stock.reconcile(QDateTime::currentDateTimeUtc().date().addDays(-1));
    REQUIRE(yesterday);
    CHECK(yesterday->issued == 0);
    CHECK(yesterday->received == 0);

    // A token written off is refused by the engine before anything is made on it.
    REQUIRE(stock.setState(desk.clerk(), desk.serial(), StockState::Lost, QStringLiteral("reported lost")));
    const qint64 other = desk.addOfficer(QStringLiteral("Сарангэрэл"), QStringLiteral("УБ85030522"));
    auto refused = desk.engine().create(desk.supervisor(), other, desk.serial(), QStringLiteral("signing"),
                                        QStringLiteral("practice"), true);
    REQUIRE_FALSE(refused);
    CHECK(refused.error().message.contains(QStringLiteral("lost")));
}

TEST_CASE("migrating to the stock keeps every token's id - its state - and the enrollments that point at it")
{
    tamga::test::TempDir dir;
    const tamga::test::TestDatabase database(dir, "v4.db");
    const QString path = QString::fromStdString(database.location());
    {
        auto old = Database::openAtVersion(path, 4);
        REQUIRE(old);
        REQUIRE(
            (*old)->exec(QStringLiteral("INSERT INTO organizations (id, name, created_at) VALUES (1, 'Org', 'x')")));
        REQUIRE((*old)->exec(QStringLiteral(
            "INSERT INTO officers (id, organization_id, surname, given_name, civil_id, position, search_text, "
            "created_at, updated_at) VALUES (1, 1, 'Дорж', 'Бат', 'УБ90010112', 'Дарга', '', 'x', 'x')")));
        REQUIRE((*old)->exec(QStringLiteral("INSERT INTO ca_connectors (id, name, type, settings, created_at) VALUES "
                                            "(1, 'p', 'practice', '{}', 'x')")));
        REQUIRE((*old)->exec(QStringLiteral("INSERT INTO tokens (id, serial, status, first_seen_at, updated_at) VALUES "
                                            "(7, 'OLD7', 'issued', '2026-01-02T03:04:05.000Z', 'x')")));
        REQUIRE((*old)->exec(QStringLiteral(
            "INSERT INTO enrollments (id, officer_id, token_id, profile_id, ca_id, state, created_at, updated_at) "
            "VALUES (1, 1, 7, (SELECT min(id) FROM certificate_profiles), 1, 'handed_over', 'x', 'x')")));
    }
    auto migrated = Database::open(path);
    REQUIRE(migrated);
    auto token = TokenStock(**migrated).find(QStringLiteral("OLD7"));
    REQUIRE(token);
    CHECK(token->id == 7);
    CHECK(token->state == StockState::Issued);
    auto linked = (*migrated)->exec(QStringLiteral("SELECT t.serial FROM enrollments e JOIN tokens t ON t.id = "
                                                   "e.token_id WHERE e.id = 1"));
    REQUIRE(linked);
    REQUIRE(linked->next());
    CHECK(linked->value(0).toString() == QStringLiteral("OLD7"));
    linked->finish();
    auto history =
        (*migrated)->exec(QStringLiteral("SELECT from_state, to_state FROM token_events WHERE token_id = 7"));
    REQUIRE(history);
    REQUIRE(history->next());
    CHECK(history->value(1).toString() == QStringLiteral("issued"));
    history->finish();
    // The new states are accepted by the table now.
    REQUIRE(TokenStock(**migrated)
                .setState({0, QStringLiteral("test"), Role::Supervisor}, QStringLiteral("OLD7"), StockState::Blocked,
                          QStringLiteral("PIN blocked")));
}
