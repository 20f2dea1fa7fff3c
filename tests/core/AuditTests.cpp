// The audit log's chain: intact after Tamga's own changes, and every kind of tampering with plain SQL is named.
#include "CoreFixture.h"
#include "tamga/core/Registry.h"

#include <catch2/catch.hpp>

#include <sys/stat.h>

#include <QCryptographicHash>
#include <QFile>
#include <QMessageAuthenticationCode>

using namespace tamga::core;
using tamga::test::CoreFixture;

namespace {

// A registry with some history: two operators, three organizations, three officers = 8 events.
void makeHistory(const CoreFixture& fixture)
{
    Registry registry(fixture.db());
    for (int i = 1; i <= 3; ++i) {
        auto org = registry.addOrganization(fixture.clerk(), QStringLiteral("Org %1").arg(i), QString(), std::nullopt);
        REQUIRE(org);
        REQUIRE(registry.addOfficer(fixture.clerk(), {*org, QStringLiteral("Овог"), QStringLiteral("Нэр %1").arg(i),
                                                      QStringLiteral("УБ9001%1%1").arg(i, 2, 10, QLatin1Char('0')),
                                                      QStringLiteral("Дарга")}));
    }
    REQUIRE(fixture.auditCount() == 8);
}

void tamper(const CoreFixture& fixture, const QStringList& statements)
{
    for (const QString& sql : statements) {
        auto done = fixture.db().exec(sql);
        INFO(sql.toStdString());
        REQUIRE(done);
    }
}

AuditVerification verify(const CoreFixture& fixture)
{
    auto result = AuditLog(fixture.db()).verify();
    REQUIRE(result);
    return *result;
}

} // namespace

TEST_CASE("the chain is intact after Tamga's own changes and names the head")
{
    CoreFixture fixture;
    makeHistory(fixture);
    const auto report = verify(fixture);
    CHECK(report.intact);
    CHECK(report.eventsChecked == 8);
    CHECK(report.headHash.size() == 64);
    auto events = AuditLog(fixture.db()).list(1);
    REQUIRE(events);
    CHECK(events->front().hash == report.headHash);
    CHECK(events->front().operatorName == QStringLiteral("clerk"));
    CHECK(events->front().action == QStringLiteral("officer.add"));
}

TEST_CASE("tampering with plain SQL is found and the event is named")
{
    CoreFixture fixture;
    makeHistory(fixture);

    SECTION("an edited event")
    {
        tamper(fixture, {QStringLiteral("UPDATE audit_log SET operator = 'supervisor' WHERE id = 5")});
        const auto report = verify(fixture);
        CHECK_FALSE(report.intact);
        CHECK(report.firstBadEvent == 5);
        CHECK(report.problem.contains(QStringLiteral("event #5 was edited")));
    }
    SECTION("an edited outcome in the details")
    {
        tamper(fixture, {QStringLiteral("UPDATE audit_log SET details = '{}' WHERE id = 3")});
        CHECK(verify(fixture).firstBadEvent == 3);
    }
    SECTION("a deleted event in the middle")
    {
        tamper(fixture, {QStringLiteral("DELETE FROM audit_log WHERE id = 4")});
        const auto report = verify(fixture);
        CHECK(report.firstBadEvent == 4);
        CHECK(report.problem.contains(QStringLiteral("event #4 was deleted")));
    }
    SECTION("several deleted events")
    {
        tamper(fixture, {QStringLiteral("DELETE FROM audit_log WHERE id IN (3, 4, 5)")});
        const auto report = verify(fixture);
        CHECK(report.firstBadEvent == 3);
        CHECK(report.problem.contains(QStringLiteral("events #3 to #5 were deleted")));
    }
    SECTION("the last event deleted")
    {
        tamper(fixture, {QStringLiteral("DELETE FROM audit_log WHERE id = 8")});
        const auto report = verify(fixture);
        CHECK(report.firstBadEvent == 8);
        CHECK(report.problem.contains(QStringLiteral("event #8 was deleted")));
    }
    SECTION("an inserted event")
    {
        tamper(fixture, {QStringLiteral("INSERT INTO audit_log (id, at, operator, action, object_type, object_id, "
                                        "outcome, details, prev_hash, hash) SELECT 9, at, 'supervisor', "
                                        "'officer.add', 'officer', '99', 'ok', '{}', hash, hash FROM audit_log "
                                        "WHERE id = 8")});
        const auto report = verify(fixture);
        CHECK(report.firstBadEvent == 9);
        CHECK(report.problem.contains(QStringLiteral("event #9 was inserted")));
    }
    SECTION("an event inserted with a correct-looking hash in place of a deleted one")
    {
        // Copy event 6 over 4's slot: well-formed but linked to the wrong neighbour.
        tamper(fixture, {QStringLiteral("DELETE FROM audit_log WHERE id = 4"),
                         QStringLiteral("INSERT INTO audit_log SELECT 4, at, operator, action, object_type, object_id, "
                                        "outcome, details, prev_hash, hash FROM audit_log WHERE id = 6")});
        const auto report = verify(fixture);
        CHECK_FALSE(report.intact);
        CHECK(report.firstBadEvent == 4);
    }
    SECTION("two events swapped")
    {
        tamper(fixture, {QStringLiteral("UPDATE audit_log SET id = -6 WHERE id = 6"),
                         QStringLiteral("UPDATE audit_log SET id = 6 WHERE id = 7"),
                         QStringLiteral("UPDATE audit_log SET id = 7 WHERE id = -6")});
        const auto report = verify(fixture);
        CHECK(report.firstBadEvent == 6);
        CHECK(report.problem.contains(QStringLiteral("event #6 is out of order")));
    }
}

TEST_CASE("the audit export holds every event as CSV")
{
    CoreFixture fixture;
    makeHistory(fixture);
    const QString path = QString::fromStdString(fixture.dir().file("audit.csv"));
    REQUIRE(AuditLog(fixture.db()).exportCsv(path));
    QFile file(path);
    REQUIRE(file.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(file.readAll());
    CHECK(text.startsWith(
        QStringLiteral("id,at,operator,action,object_type,object_id,outcome,details,prev_hash,hash\r\n")));
    CHECK(text.count(QStringLiteral("\r\n")) == 9);
    CHECK(text.contains(QStringLiteral("\"{\"\"civil_id\"\":\"\"УБ900101"))); // JSON quoted the RFC 4180 way
    // It names people: only its owner may read it, whatever the umask, and also when it replaces a readable file.
    CHECK((QFile::permissions(path) & (QFileDevice::ReadGroup | QFileDevice::ReadOther | QFileDevice::WriteGroup |
                                       QFileDevice::WriteOther)) == QFileDevice::Permissions());
    REQUIRE(QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadOther));
    const mode_t previous = ::umask(0);
    REQUIRE(AuditLog(fixture.db()).exportCsv(path));
    ::umask(previous);
    CHECK((QFile::permissions(path) & (QFileDevice::ReadGroup | QFileDevice::ReadOther)) == QFileDevice::Permissions());
}

namespace {

// Rewrites the whole chain from event #1 as someone with write access to the database would: every hash
// recomputed and linked, the head copied. With `key` (the attacker also has the key file) the head's MAC too.
void rewriteChain(const CoreFixture& fixture, const QByteArray& key = {})
{
    auto all =
        fixture.db().exec(QStringLiteral("SELECT id, at, operator, action, object_type, object_id, outcome, details "
                                         "FROM audit_log ORDER BY id"));
    REQUIRE(all);
    std::vector<AuditEvent> events;
    while (all->next()) {
        AuditEvent e;
        e.id = all->value(0).toLongLong();
        e.at = all->value(1).toString();
        e.operatorName = all->value(2).toString();
        e.action = all->value(3).toString();
        e.objectType = all->value(4).toString();
        e.objectId = all->value(5).toString();
        e.outcome = all->value(6).toString();
        e.details = all->value(7).toString();
        events.push_back(e);
    }
    all->finish();
    QString previous(64, QLatin1Char('0'));
    for (AuditEvent& e : events) {
        if (e.id == 2)
            e.operatorName = QStringLiteral("somebody else"); // the change the rewrite was made for
        e.prevHash = previous;
        e.hash = AuditLog::hashOf(e);
        REQUIRE(
            fixture.db().exec(QStringLiteral("UPDATE audit_log SET operator = ?, prev_hash = ?, hash = ? WHERE id = ?"),
                              {e.operatorName, e.prevHash, e.hash, e.id}));
        previous = e.hash;
    }
    const QString head = QString::number(events.back().id) + QLatin1Char(':') + previous;
    REQUIRE(fixture.db().exec(QStringLiteral("UPDATE settings SET value = ? WHERE key = 'audit.head'"), {head}));
    if (!key.isEmpty()) {
        const QString mac = QString::fromLatin1(
            QMessageAuthenticationCode::hash(head.toUtf8(), key, QCryptographicHash::Sha256).toHex());
        REQUIRE(fixture.db().exec(QStringLiteral("UPDATE settings SET value = ? WHERE key = 'audit.head_mac'"), {mac}));
    }
}

} // namespace

TEST_CASE("a log cut at its end with the head copied - emptied - or rewritten whole is found - a witnessed head proves "
          "the rest")
{
    CoreFixture fixture;
    makeHistory(fixture);
    const QString witnessed = verify(fixture).headHash; // printed on a receipt, say
    REQUIRE(AuditLog(fixture.db()).findWitness(witnessed)->has_value());
    // The key lives beside the database (or in the desk's folder for a shared registry), never in it.
    const QString keyFile = fixture.db().localStem() + QStringLiteral(".audit-key");
    REQUIRE(QFile::exists(keyFile));
    CHECK((QFile::permissions(keyFile) & (QFileDevice::ReadGroup | QFileDevice::ReadOther)) ==
          QFileDevice::Permissions());

    SECTION("the last events deleted and the new last hash copied into the head")
    {
        auto last = fixture.db().exec(QStringLiteral("SELECT hash FROM audit_log WHERE id = 6"));
        REQUIRE(last);
        REQUIRE(last->next());
        const QString hash = last->value(0).toString();
        last->finish();
        tamper(fixture, {QStringLiteral("DELETE FROM audit_log WHERE id > 6"),
                         QStringLiteral("UPDATE settings SET value = '6:%1' WHERE key = 'audit.head'").arg(hash)});
        const auto report = verify(fixture);
        CHECK_FALSE(report.intact);
        CHECK(report.problem.contains(QStringLiteral("audit key")));
    }
    SECTION("every event and the head deleted")
    {
        tamper(fixture, {QStringLiteral("DELETE FROM audit_log"),
                         QStringLiteral("DELETE FROM settings WHERE key LIKE 'audit.%'")});
        const auto report = verify(fixture);
        CHECK_FALSE(report.intact);
        CHECK(report.problem.contains(QStringLiteral("the log is empty")));
    }
    SECTION("the whole chain recomputed without the key")
    {
        rewriteChain(fixture);
        const auto report = verify(fixture);
        CHECK_FALSE(report.intact);
        CHECK(report.problem.contains(QStringLiteral("does not carry the desk's audit key")));
    }
    SECTION("the whole chain recomputed with the key file at hand: only the witness catches it")
    {
        QFile file(keyFile);
        REQUIRE(file.open(QIODevice::ReadOnly));
        rewriteChain(fixture, file.readAll());
        CHECK(verify(fixture).intact);
        auto found = AuditLog(fixture.db()).findWitness(witnessed);
        REQUIRE(found);
        CHECK_FALSE(found->has_value());
    }
}

TEST_CASE("a change is written only with its event: the event may use the change's result, and a change that "
          "records no event is rolled back")
{
    CoreFixture fixture;
    const int before = fixture.auditCount();
    AuditLog log(fixture.db());
    auto insertSetting = [&](const QString& key) -> CoreResult<qint64> {
        auto inserted = fixture.db().exec(QStringLiteral("INSERT INTO settings (key, value) VALUES (?, 'x')"), {key});
        if (!inserted)
            return std::unexpected(inserted.error());
        return inserted->lastInsertId().toLongLong();
    };
    auto settingCount = [&](const QString& key) {
        auto query = fixture.db().exec(QStringLiteral("SELECT count(*) FROM settings WHERE key = ?"), {key});
        REQUIRE(query);
        REQUIRE(query->next());
        return query->value(0).toInt();
    };

    auto forgotten = log.change<qint64>([&](AuditTrail&) { return insertSetting(QStringLiteral("test.forgotten")); });
    REQUIRE_FALSE(forgotten);
    CHECK(forgotten.error().message.contains(QStringLiteral("without its audit event")));
    CHECK(settingCount(QStringLiteral("test.forgotten")) == 0);
    CHECK(fixture.auditCount() == before);

    auto recorded = log.change<qint64>([&](AuditTrail& trail) -> CoreResult<qint64> {
        auto row = insertSetting(QStringLiteral("test.recorded"));
        if (!row)
            return row;
        if (auto logged = trail.add({QStringLiteral("tester"), QStringLiteral("test.add"), QStringLiteral("setting"),
                                     QString::number(*row)});
            !logged)
            return std::unexpected(logged.error());
        return row;
    });
    REQUIRE(recorded);
    CHECK(settingCount(QStringLiteral("test.recorded")) == 1);
    auto events = log.list(1);
    REQUIRE(events);
    CHECK(events->front().objectId == QString::number(*recorded));
    CHECK(events->front().outcome == audit::Ok);
    CHECK(verify(fixture).intact);
}
