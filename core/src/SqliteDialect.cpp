#include "SqliteDialect.h"

#include "tamga/core/Database.h"

#include <QFile>
#include <QFileInfo>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>

#include <sqlite3.h>

#include <time.h>

#include <cerrno>
#include <chrono>
#include <cstring>

#include <sys/stat.h>
#include <unistd.h>

namespace tamga::core {

namespace {

// How long a connection waits for another process's writer (a parallel run's workers, a desk and tamga-cli on one
// database) before it gives up with "database is locked".
constexpr std::chrono::milliseconds kBusyTimeout{5000};
constexpr long kBusyPollNanoseconds = 250'000;

// SQLite's own busy handler sleeps 1, 2, 5, 10, 15, 20, 25 ms and so on between tries: a writer that waits for a
// commit holding the lock for 3 ms sleeps 18 ms, and workers writing side by side lost a tenth of their time that
// way (docs/PERFORMANCE.md). This one looks again every quarter of a millisecond until the timeout, measured on the
// clock (a busy machine stretches each sleep). A connection is used by one thread at a time and SQLite calls the
// handler on that thread, so the wait's start is the thread's.
int waitBriefly(void*, int tries)
{
    thread_local std::chrono::steady_clock::time_point waitingSince;
    const auto now = std::chrono::steady_clock::now();
    if (tries == 0)
        waitingSince = now;
    else if (now - waitingSince >= kBusyTimeout)
        return 0;
    const timespec pause{0, kBusyPollNanoseconds};
    ::nanosleep(&pause, nullptr);
    return 1;
}

} // namespace

CoreStatus SqliteDialect::open(QSqlDatabase& db, const QString& path) const
{
    // The file must never be readable by others, not even for a moment, and SQLite gives its -wal and -shm files
    // the permissions of the database file. The mode is set without opening a descriptor of our own: on Linux,
    // closing any descriptor of a file drops every POSIX lock the process holds on it, SQLite's included, and
    // another process may then take itself for the last user and delete the WAL under a live connection. So
    // SQLite creates the file under a umask that leaves others nothing, and a path-based chmod corrects the mode
    // of a file created elsewhere. (The umask is process-wide: for this moment other threads create their files
    // no more open than 0700, which is only stricter.)
    const QByteArray nativePath = QFile::encodeName(path);
    db.setDatabaseName(path);
    const mode_t previousUmask = ::umask(0077);
    const bool opened = db.open();
    ::umask(previousUmask);
    if (!opened) {
        return coreError(CoreErrorKind::Database,
                         QStringLiteral("cannot open the database %1: %2").arg(path, db.lastError().text()));
    }
    struct stat status {};
    if (::stat(nativePath.constData(), &status) != 0 ||
        ((status.st_mode & 0077) != 0 && ::chmod(nativePath.constData(), 0600) != 0)) {
        return coreError(CoreErrorKind::Database,
                         QStringLiteral("cannot make the database file %1 private to its owner: %2")
                             .arg(path, QString::fromLocal8Bit(std::strerror(errno))));
    }
    // Before the first statement, which may already wait for another process's writer. Debian's Qt SQLite driver
    // uses the system's libsqlite3, the library linked here, so the handle is one this library understands.
    if (const QVariant handle = db.driver()->handle();
        handle.isValid() && qstrcmp(handle.typeName(), "sqlite3*") == 0) {
        if (sqlite3* connection = *static_cast<sqlite3* const*>(handle.constData()))
            ::sqlite3_busy_handler(connection, &waitBriefly, nullptr);
    }
    QSqlQuery query(db);
    const QStringList pragmas{
        QStringLiteral("PRAGMA journal_mode=WAL"),
        QStringLiteral("PRAGMA synchronous=FULL"),
        QStringLiteral("PRAGMA foreign_keys=ON"),
    };
    for (const QString& pragma : pragmas) {
        if (!query.exec(pragma)) {
            return coreError(CoreErrorKind::Database,
                             QStringLiteral("%1 failed on %2: %3").arg(pragma, path, query.lastError().text()));
        }
    }
    // A database file that is not SQLite at all shows itself here.
    if (!query.exec(QStringLiteral("SELECT count(*) FROM sqlite_master"))) {
        return coreError(CoreErrorKind::Database,
                         QStringLiteral("%1 is not a Tamga database: %2").arg(path, query.lastError().text()));
    }
    // A damaged file (a disk error, a copy cut short, bytes overwritten) is refused before anything reads partial
    // rows from it or writes into it: SQLite's quick_check reads every page and index once.
    if (!query.exec(QStringLiteral("PRAGMA quick_check(3)"))) {
        return coreError(CoreErrorKind::Database,
                         QStringLiteral("the database file %1 is damaged: %2. Nothing was read or "
                                        "written; restore it from the last backup.")
                             .arg(path, query.lastError().text()));
    }
    QStringList problems;
    while (query.next())
        problems << query.value(0).toString();
    if (problems != QStringList{QStringLiteral("ok")}) {
        return coreError(CoreErrorKind::Database,
                         QStringLiteral("the database file %1 is damaged (%2). Nothing was read or "
                                        "written; restore it from the last backup.")
                             .arg(path, problems.join(QStringLiteral("; "))));
    }
    return {};
}

QStringList SqliteDialect::officerSearchIndexStatements() const
{
    // Two external-content FTS5 indexes over officers.search_text: trigrams find any part of three characters
    // or more; words with one- and two-character prefix indexes serve the first keystrokes. They are kept in
    // step by the data layer (indexOfficers, reindexOfficer), not by triggers: FTS5 flushes its pending index at
    // every statement savepoint, so a trigger per inserted row makes a 10,000-row import several times slower.
    return {
        QStringLiteral("CREATE VIRTUAL TABLE officer_search USING fts5("
                       "search_text, content='officers', content_rowid='id', tokenize='trigram case_sensitive 0')"),
        QStringLiteral("CREATE VIRTUAL TABLE officer_words USING fts5("
                       "search_text, content='officers', content_rowid='id', "
                       "tokenize='unicode61 remove_diacritics 0', prefix='1 2')"),
    };
}

CoreStatus SqliteDialect::indexOfficers(const Database& database, qint64 firstId, qint64 lastId) const
{
    for (const QString& table : {QStringLiteral("officer_search"), QStringLiteral("officer_words")}) {
        auto done = database.exec(QStringLiteral("INSERT INTO %1(rowid, search_text) SELECT id, search_text FROM "
                                                 "officers WHERE id BETWEEN ? AND ?")
                                      .arg(table),
                                  {firstId, lastId});
        if (!done)
            return std::unexpected(done.error());
    }
    return {};
}

CoreStatus SqliteDialect::rebuildOfficerSearchIndexes(const Database& database) const
{
    for (const QString& table : {QStringLiteral("officer_search"), QStringLiteral("officer_words")}) {
        if (auto rebuilt = database.exec(QStringLiteral("INSERT INTO %1(%1) VALUES ('rebuild')").arg(table)); !rebuilt)
            return std::unexpected(rebuilt.error());
    }
    return {};
}

CoreStatus SqliteDialect::reindexOfficer(const Database& database, qint64 id, const QString& oldSearchText) const
{
    for (const QString& table : {QStringLiteral("officer_search"), QStringLiteral("officer_words")}) {
        auto removed =
            database.exec(QStringLiteral("INSERT INTO %1(%1, rowid, search_text) VALUES ('delete', ?, ?)").arg(table),
                          {id, oldSearchText});
        if (!removed)
            return std::unexpected(removed.error());
    }
    return indexOfficers(database, id, id);
}

SearchClause SqliteDialect::officerSearch(const QStringList& words) const
{
    // FTS5 takes space-separated phrases as "all of them". Words of three characters or more are looked for
    // anywhere through the trigram index. One or two characters (a name being typed) are word starts in the word
    // index when they are all there is; beside a longer word they only filter what the trigram index found (a
    // second index joined in would make SQLite walk both: seconds instead of milliseconds on 100,000 officers).
    QStringList anywhere;
    QStringList shortWords;
    auto quoted = [](QString word) {
        word.replace(QLatin1Char('"'), QStringLiteral("\"\""));
        return QLatin1Char('"') + word + QLatin1Char('"');
    };
    for (const QString& word : words)
        (word.size() >= 3 ? anywhere : shortWords) << word;
    SearchClause clause;
    if (anywhere.isEmpty()) {
        QStringList starts;
        for (const QString& word : shortWords)
            starts << quoted(word) + QLatin1Char('*');
        clause.joinAndWhere = QStringLiteral("JOIN officer_words w ON w.rowid = o.id WHERE officer_words MATCH ?");
        clause.values << starts.join(QLatin1Char(' '));
        return clause;
    }
    QStringList phrases;
    for (const QString& word : anywhere)
        phrases << quoted(word);
    clause.joinAndWhere = QStringLiteral("JOIN officer_search s ON s.rowid = o.id WHERE officer_search MATCH ?");
    clause.values << phrases.join(QLatin1Char(' '));
    for (const QString& word : shortWords) {
        clause.joinAndWhere += QStringLiteral(" AND instr(o.search_text, ?) > 0");
        clause.values << word;
    }
    return clause;
}

CoreStatus SqliteDialect::begin(QSqlDatabase& db, const QString& path) const
{
    // BEGIN IMMEDIATE takes the write lock at the start, waiting for another process's writer as long as the busy
    // timeout allows; a deferred BEGIN would read first and then fail at once (SQLITE_BUSY, no waiting) when
    // another process had written in between.
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("BEGIN IMMEDIATE"))) {
        const QString reason = query.lastError().text();
        return coreError(CoreErrorKind::Database,
                         reason.contains(QStringLiteral("locked"))
                             ? QStringLiteral("another desk or tamga-cli has been writing to %1 for more than 5 s; try "
                                              "again when it is done (%2)")
                                   .arg(path, reason)
                             : QStringLiteral("cannot start a transaction: %1").arg(reason));
    }
    return {};
}

CoreStatus SqliteDialect::setForeignKeys(const Database& database, bool on) const
{
    auto set = database.exec(on ? QStringLiteral("PRAGMA foreign_keys=ON") : QStringLiteral("PRAGMA foreign_keys=OFF"));
    if (!set)
        return std::unexpected(set.error());
    return {};
}

CoreResult<std::optional<QString>> SqliteDialect::foreignKeyProblem(const Database& database) const
{
    auto check = database.exec(QStringLiteral("PRAGMA foreign_key_check"));
    if (!check)
        return std::unexpected(check.error());
    if (!check->next())
        return std::optional<QString>();
    const QString problem =
        QStringLiteral("row %1 of %2 refers to a missing row of %3")
            .arg(check->value(1).toString(), check->value(0).toString(), check->value(2).toString());
    check->finish();
    return std::optional(problem);
}

} // namespace tamga::core
