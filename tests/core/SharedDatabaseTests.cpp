// One database file, several processes: the desk (a long-lived connection, and its worker opening and closing
// another one per job) beside other Tamga processes reading and writing. Every committed row must survive any of
// them and a kill of the desk. SQLite's WAL mode relies on POSIX locks, which a process loses on a file as soon
// as it closes *any* descriptor of that file: a desk that did so let another process delete the WAL under it.
// The same tests run on a shared PostgreSQL registry (TestDatabase): there the processes are desks.
#include "CoreFixture.h"
#include "EngineFixture.h"
#include "TestSupport.h"
#include "tamga/core/AuditLog.h"
#include "tamga/core/CaConnector.h"
#include "tamga/core/Database.h"
#include "tamga/core/Enrollment.h"
#include "tamga/core/OfficerImport.h"
#include "tamga/core/Operators.h"
#include "tamga/core/Registry.h"
#include "tamga/core/Revocations.h"
#include "tamga/core/Tokens.h"

#include <catch2/catch.hpp>

#include <QDate>
#include <QSqlQuery>

#include <csignal>
#include <cstdio>
#include <vector>

#include <sys/wait.h>
#include <unistd.h>

using namespace tamga::core;
using tamga::test::TempDir;

namespace {

// Runs `body` in a child process and returns its pid; the child never returns into Catch.
template <typename Body> pid_t runInChild(Body body)
{
    std::fflush(nullptr);
    const pid_t pid = ::fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
        int status = 1;
        {
            status = body();
        }
        ::_exit(status);
    }
    return pid;
}

int waitFor(pid_t pid)
{
    int status = 0;
    ::waitpid(pid, &status, 0);
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

// One audit event in its own transaction, as every Tamga writer appends them.
CoreResult<qint64> appendEvent(const Database& database, const QString& who, const QString& action)
{
    return AuditLog(database).record({who, action, QStringLiteral("test"), QStringLiteral("shared-db"), audit::Ok});
}

// Another Tamga process: opens the database, reads (or appends one event), closes, exits.
int otherProcess(const QString& path, bool writes)
{
    auto db = Database::open(path);
    if (!db)
        return 2;
    if (writes)
        return appendEvent(**db, QStringLiteral("cli"), QStringLiteral("test.other_process")) ? 0 : 3;
    auto query = (*db)->exec(QStringLiteral("SELECT count(*) FROM audit_log"));
    return query && query->next() ? 0 : 4;
}

} // namespace

TEST_CASE("rows the desk committed survive other processes on the same database and a kill of the desk")
{
    TempDir dir;
    const tamga::test::TestDatabase database(dir, "desk.db");
    const QString path = QString::fromStdString(database.location());
    REQUIRE(Database::open(path)); // created and migrated, then closed: the children start from a file

    int pipeFds[2];
    REQUIRE(::pipe(pipeFds) == 0);
    // The desk: its long-lived connection, a worker job's connection opened and closed beside it, then events
    // appended one by one, each reported on the pipe once committed, until it is killed.
    const pid_t desk = runInChild([&] {
        ::close(pipeFds[0]);
        auto main = Database::open(path);
        if (!main)
            return 2;
        for (;;) {
            {
                auto job = Database::open(path); // a worker job, as DeskWorker opens one
                if (!job)
                    return 2;
            }
            auto id = appendEvent(**main, QStringLiteral("desk"), QStringLiteral("test.desk_write"));
            if (!id) {
                std::fprintf(stderr, "desk: %s\n", id.error().message.toUtf8().constData());
                return 3;
            }
            const qint64 committed = *id;
            if (::write(pipeFds[1], &committed, sizeof committed) != sizeof committed)
                return 4;
            ::usleep(2000);
        }
    });
    ::close(pipeFds[1]);

    auto nextCommitted = [&] {
        qint64 id = 0;
        if (::read(pipeFds[0], &id, sizeof id) != sizeof id) {
            INFO("the desk process stopped with status " << waitFor(desk));
            FAIL("the desk process stopped writing");
        }
        return id;
    };
    qint64 lastCommitted = nextCommitted();
    // Other processes come and go while the desk writes: readers (like `tamga-cli enrollment list`) and writers.
    for (int round = 0; round < 6; ++round) {
        CHECK(waitFor(runInChild([&] { return otherProcess(path, false); })) == 0);
        CHECK(waitFor(runInChild([&] { return otherProcess(path, true); })) == 0);
        for (int i = 0; i < 3; ++i)
            lastCommitted = nextCommitted();
    }
    ::kill(desk, SIGKILL);
    CHECK(waitFor(desk) == 128 + SIGKILL);
    ::close(pipeFds[0]);

    auto db = Database::open(path);
    REQUIRE(db);
    auto query = (*db)->exec(
        QStringLiteral("SELECT count(*) FROM audit_log WHERE id = ? AND action = 'test.desk_write'"), {lastCommitted});
    REQUIRE(query);
    REQUIRE(query->next());
    CHECK(query->value(0).toInt() == 1); // the desk's last committed event is there
    auto others = (*db)->exec(QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'test.other_process'"));
    REQUIRE(others);
    REQUIRE(others->next());
    CHECK(others->value(0).toInt() == 6);
    auto report = AuditLog(**db).verify();
    REQUIRE(report);
    CHECK(report->intact);
}

TEST_CASE("two processes importing files that name the same new organization create it once - and both officers")
{
    TempDir dir;
    const tamga::test::TestDatabase database(dir, "desk.db");
    const QString path = QString::fromStdString(database.location());
    Operator boss;
    {
        auto db = Database::open(path);
        REQUIRE(db);
        auto added =
            Operators(**db).add(std::nullopt, QStringLiteral("boss"), Role::Supervisor, Password("Boss-password-1"));
        REQUIRE(added);
        boss = *added;
    }
    const QByteArray header = "organization,org_register_no,surname,given_name,civil_id,position\n";
    const QByteArray first = header + "Шинэ газар,7654321,Дорж,Батбаяр,УБ90010112,Дарга\n";
    const QByteArray second = header + "Шинэ газар,7654321,Өлзийбат,Сарангэрэл,УБ85121503,Мэргэжилтэн\n";

    int startFds[2];
    REQUIRE(::pipe(startFds) == 0);
    auto importer = [&](const QByteArray& content) {
        return runInChild([&] {
            ::close(startFds[1]);
            char go = 0;
            if (::read(startFds[0], &go, 1) != 1) // both start together
                return 5;
            auto db = Database::open(path);
            if (!db)
                return 2;
            auto report = importOfficers(**db, boss, content, QStringLiteral("part.csv"), false);
            if (!report) {
                std::fprintf(stderr, "import: %s\n", report.error().message.toUtf8().constData());
                return 3;
            }
            return report->problems.empty() ? 0 : 4;
        });
    };
    const pid_t a = importer(first);
    const pid_t b = importer(second);
    ::close(startFds[0]);
    REQUIRE(::write(startFds[1], "gg", 2) == 2);
    ::close(startFds[1]);
    CHECK(waitFor(a) == 0);
    CHECK(waitFor(b) == 0);

    auto db = Database::open(path);
    REQUIRE(db);
    auto organizations =
        (*db)->exec(QStringLiteral("SELECT count(*) FROM organizations WHERE register_no = '7654321'"));
    REQUIRE(organizations);
    REQUIRE(organizations->next());
    CHECK(organizations->value(0).toInt() == 1);
    organizations->finish();
    auto officers = (*db)->exec(QStringLiteral("SELECT count(*) FROM officers"));
    REQUIRE(officers);
    REQUIRE(officers->next());
    CHECK(officers->value(0).toInt() == 2);
}

namespace {

// Another process holds the write lock for `holdMs` from the moment it writes a byte into `ready`.
pid_t holdWriteLock(const QString& path, int ready, int holdMs)
{
    return runInChild([&] {
        auto db = Database::open(path);
        if (!db)
            return 2;
        QSqlQuery query((*db)->connection());
        if (!query.exec(QStringLiteral("BEGIN IMMEDIATE")))
            return 3;
        const char byte = 1;
        if (::write(ready, &byte, 1) != 1)
            return 4;
        ::usleep(static_cast<useconds_t>(holdMs) * 1000);
        return query.exec(QStringLiteral("COMMIT")) ? 0 : 5;
    });
}

} // namespace

TEST_CASE("a writer waits while another process holds the write lock and goes on after it - a lock held past the "
          "busy timeout is refused as 'database is locked', nothing half-written",
          "[sqlite]")
{
    TempDir dir;
    const QString path = QString::fromStdString(dir.file("desk.db"));
    auto db = Database::open(path);
    REQUIRE(db);
    int ends[2];
    REQUIRE(::pipe(ends) == 0);
    char byte = 0;

    // A short transaction elsewhere (a worker's commit): this write waits for it and succeeds.
    const pid_t shortHolder = holdWriteLock(path, ends[1], 300);
    REQUIRE(::read(ends[0], &byte, 1) == 1);
    auto waited = appendEvent(**db, QStringLiteral("desk"), QStringLiteral("after.short.lock"));
    INFO((waited ? QString() : waited.error().message).toStdString());
    CHECK(waited.has_value());
    CHECK(waitFor(shortHolder) == 0);

    // A lock held longer than the five seconds a writer waits: refused, and the event is not there.
    const pid_t longHolder = holdWriteLock(path, ends[1], 7000);
    REQUIRE(::read(ends[0], &byte, 1) == 1);
    auto refused = appendEvent(**db, QStringLiteral("desk"), QStringLiteral("during.long.lock"));
    REQUIRE_FALSE(refused.has_value());
    CHECK_THAT(refused.error().message.toStdString(), Catch::Contains("locked"));
    CHECK(waitFor(longHolder) == 0);
    auto count = (*db)->exec(QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'during.long.lock'"));
    REQUIRE(count);
    REQUIRE(count->next());
    CHECK(count->value(0).toInt() == 0);
    ::close(ends[0]);
    ::close(ends[1]);
}

TEST_CASE("two desks enrolling and revoking at once on one registry: each token goes to one officer only - one "
          "revocation application per certificate - every write is kept - one unbroken audit chain")
{
    // Both desks offer the same new tokens, one after the other, to officers of their own queue: for each token
    // exactly one desk's enrollment is recorded and the other is refused as a conflict (never a database error).
    // Between tokens each desk also writes to the registry (an organization), as a desk taking applications does.
    // Both start by taking a revocation application for the same issued certificate: one is taken, the other
    // refused as one under way already.
    constexpr int kTokens = 15;
    tamga::test::EngineFixture desk;
    const qint64 issued = desk.verifiedEnrollment();
    const QString today = QDate::currentDate().toString(Qt::ISODate);
    std::vector<qint64> queues[2];
    for (int i = 0; i < kTokens; ++i) {
        for (int side = 0; side < 2; ++side) {
            // Real civil IDs: born on day 1..15 of January 1990 (side 0) or 1991 (side 1).
            const QString civilId =
                QStringLiteral("УБ%1%2%3")
                    .arg(90 + side)
                    .arg(QStringLiteral("01"))
                    .arg(QStringLiteral("%1%2").arg(i + 1, 2, 10, QLatin1Char('0')).arg(side == 0 ? 56 : 78));
            queues[side].push_back(desk.addOfficer(QStringLiteral("Officer"), civilId));
        }
    }
    const QString path = desk.path();
    const QString folder = QString::fromStdString(desk.dir().path().string());

    int startFds[2];
    REQUIRE(::pipe(startFds) == 0);
    auto deskProcess = [&](int side) {
        return runInChild([&, side] {
            ::close(startFds[1]);
            char go = 0;
            if (::read(startFds[0], &go, 1) != 1)
                return 5;
            auto db = Database::open(path);
            if (!db)
                return 2;
            CaConnectors connectors(**db, folder);
            EnrollmentEngine engine(**db, connectors, TokenModules());
            Registry registry(**db);
            const Operator clerk = side == 0 ? desk.clerk() : desk.supervisor();
            auto applied = Revocations(**db).apply(clerk, issued, QStringLiteral("keyCompromise"),
                                                   QStringLiteral("The token was lost (desk %1).").arg(side), today);
            if (!applied && applied.error().kind != CoreErrorKind::Conflict) {
                std::fprintf(stderr, "desk %d: %s\n", side, applied.error().message.toUtf8().constData());
                return 6;
            }
            for (int i = 0; i < kTokens; ++i) {
                auto created = engine.create(clerk, queues[side][i], QStringLiteral("RACE-%1").arg(i),
                                             QStringLiteral("signing"), QStringLiteral("practice"));
                if (!created && created.error().kind != CoreErrorKind::Conflict) {
                    std::fprintf(stderr, "desk %d: %s\n", side, created.error().message.toUtf8().constData());
                    return 3;
                }
                auto organization = registry.addOrganization(
                    clerk, QStringLiteral("Desk %1 organization %2").arg(side).arg(i), QString(), std::nullopt);
                if (!organization) {
                    std::fprintf(stderr, "desk %d: %s\n", side, organization.error().message.toUtf8().constData());
                    return 4;
                }
            }
            return 0;
        });
    };
    const pid_t first = deskProcess(0);
    const pid_t second = deskProcess(1);
    ::close(startFds[0]);
    REQUIRE(::write(startFds[1], "gg", 2) == 2);
    ::close(startFds[1]);
    CHECK(waitFor(first) == 0);
    CHECK(waitFor(second) == 0);

    for (int i = 0; i < kTokens; ++i) {
        auto holders = desk.db().exec(QStringLiteral("SELECT count(*) FROM enrollments e JOIN tokens t ON t.id = "
                                                     "e.token_id WHERE t.serial = ?"),
                                      {QStringLiteral("RACE-%1").arg(i)});
        REQUIRE(holders);
        REQUIRE(holders->next());
        INFO("token RACE-" << i);
        CHECK(holders->value(0).toInt() == 1);
    }
    CHECK(desk.count(QStringLiteral("enrollments")) == kTokens + 1);
    CHECK(desk.count(QStringLiteral("revocation_requests")) == 1);
    auto organizations = desk.db().exec(QStringLiteral("SELECT count(*) FROM organizations WHERE name LIKE 'Desk %'"));
    REQUIRE(organizations);
    REQUIRE(organizations->next());
    CHECK(organizations->value(0).toInt() == 2 * kTokens);
    organizations->finish();
    auto created = desk.db().exec(QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'enrollment.created'"));
    REQUIRE(created);
    REQUIRE(created->next());
    CHECK(created->value(0).toInt() == kTokens + 1); // and the issued certificate's
    created->finish();
    auto report = AuditLog(desk.db()).verify();
    REQUIRE(report);
    CHECK(report->intact);
}
