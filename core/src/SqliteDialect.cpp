#include "SqliteDialect.h"

#include "tamga/core/Database.h"

#include <QFile>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>

#include <cerrno>
#include <cstring>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace tamga::core::sqlite {

CoreStatus open(QSqlDatabase& db, const QString& path)
{
    // Create the file ourselves so it is never readable by others, not even for a moment. SQLite gives its
    // -wal and -shm files the same permissions as the database file.
    const QByteArray nativePath = QFile::encodeName(path);
    int fd = ::open(nativePath.constData(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    if (fd < 0) {
        return coreError(CoreErrorKind::Database,
                         QStringLiteral("cannot create or open the database file %1: %2")
                             .arg(path, QString::fromLocal8Bit(std::strerror(errno))));
    }
    ::fchmod(fd, 0600);
    ::close(fd);

    db.setDatabaseName(path);
    if (!db.open()) {
        return coreError(CoreErrorKind::Database,
                         QStringLiteral("cannot open the database %1: %2").arg(path, db.lastError().text()));
    }
    QSqlQuery query(db);
    const QStringList pragmas{
        QStringLiteral("PRAGMA journal_mode=WAL"),
        QStringLiteral("PRAGMA synchronous=FULL"),
        QStringLiteral("PRAGMA foreign_keys=ON"),
        QStringLiteral("PRAGMA busy_timeout=5000"),
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
    return {};
}

QStringList officerSearchIndexStatements()
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

CoreStatus indexOfficers(const Database& database, qint64 firstId, qint64 lastId)
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

CoreStatus reindexOfficer(const Database& database, qint64 id, const QString& oldSearchText)
{
    for (const QString& table : {QStringLiteral("officer_search"), QStringLiteral("officer_words")}) {
        auto removed = database.exec(
            QStringLiteral("INSERT INTO %1(%1, rowid, search_text) VALUES ('delete', ?, ?)").arg(table),
            {id, oldSearchText});
        if (!removed)
            return std::unexpected(removed.error());
    }
    return indexOfficers(database, id, id);
}

SearchClause officerSearch(const QString& needle)
{
    QString quoted = needle;
    quoted.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    quoted = QLatin1Char('"') + quoted + QLatin1Char('"');
    if (needle.size() >= 3) {
        return {QStringLiteral("JOIN officer_search s ON s.rowid = o.id WHERE officer_search MATCH ?"), quoted};
    }
    // One or two characters: the words that start with them (a name being typed).
    return {QStringLiteral("JOIN officer_words w ON w.rowid = o.id WHERE officer_words MATCH ?"),
            quoted + QLatin1Char('*')};
}
}  // namespace tamga::core::sqlite
