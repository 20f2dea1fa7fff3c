// One database file, several processes: the desk (a long-lived connection, and its worker opening and closing
// another one per job) beside other Tamga processes reading and writing. Every committed row must survive any of
// them and a kill of the desk. SQLite's WAL mode relies on POSIX locks, which a process loses on a file as soon
// as it closes *any* descriptor of that file: a desk that did so let another process delete the WAL under it.
#include "CoreFixture.h"
#include "TestSupport.h"
#include "tamga/core/AuditLog.h"
#include "tamga/core/Database.h"

#include <catch2/catch.hpp>

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
template <typename Body>
pid_t runInChild(Body body)
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
    return database.transaction<qint64>(
        [&] { return AuditLog(database).append(who, action, QStringLiteral("test"), QStringLiteral("shared-db"), audit::Ok); });
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

}  // namespace

TEST_CASE("rows the desk committed survive other processes on the same database and a kill of the desk")
{
    TempDir dir;
    const QString path = QString::fromStdString(dir.file("desk.db"));
    REQUIRE(Database::open(path));  // created and migrated, then closed: the children start from a file

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
                auto job = Database::open(path);  // a worker job, as DeskWorker opens one
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
    auto query = (*db)->exec(QStringLiteral("SELECT count(*) FROM audit_log WHERE id = ? AND action = 'test.desk_write'"),
                             {lastCommitted});
    REQUIRE(query);
    REQUIRE(query->next());
    CHECK(query->value(0).toInt() == 1);  // the desk's last committed event is there
    auto others = (*db)->exec(QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'test.other_process'"));
    REQUIRE(others);
    REQUIRE(others->next());
    CHECK(others->value(0).toInt() == 6);
    auto report = AuditLog(**db).verify();
    REQUIRE(report);
    CHECK(report->intact);
}
