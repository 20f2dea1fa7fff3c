#include "SqliteDialect.h"

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
    return {
        QStringLiteral("CREATE VIRTUAL TABLE officer_search USING fts5("
                       "search_text, content='officers', content_rowid='id', tokenize='trigram case_sensitive 0')"),
        QStringLiteral("CREATE TRIGGER officers_search_insert AFTER INSERT ON officers BEGIN "
                       "INSERT INTO officer_search(rowid, search_text) VALUES (new.id, new.search_text); END"),
        QStringLiteral("CREATE TRIGGER officers_search_delete AFTER DELETE ON officers BEGIN "
                       "INSERT INTO officer_search(officer_search, rowid, search_text) "
                       "VALUES ('delete', old.id, old.search_text); END"),
        QStringLiteral("CREATE TRIGGER officers_search_update AFTER UPDATE OF search_text ON officers BEGIN "
                       "INSERT INTO officer_search(officer_search, rowid, search_text) "
                       "VALUES ('delete', old.id, old.search_text); "
                       "INSERT INTO officer_search(rowid, search_text) VALUES (new.id, new.search_text); END"),
    };
}

SearchClause officerSearch(const QString& needle)
{
    if (needle.size() >= 3) {
        QString quoted = needle;
        quoted.replace(QLatin1Char('"'), QStringLiteral("\"\""));
        return {QStringLiteral("JOIN officer_search s ON s.rowid = o.id WHERE officer_search MATCH ?"),
                QLatin1Char('"') + quoted + QLatin1Char('"')};
    }
    QString pattern = needle;
    pattern.replace(QLatin1Char('\\'), QStringLiteral("\\\\"))
        .replace(QLatin1Char('%'), QStringLiteral("\\%"))
        .replace(QLatin1Char('_'), QStringLiteral("\\_"));
    return {QStringLiteral("WHERE o.search_text LIKE ? ESCAPE '\\'"), QLatin1Char('%') + pattern + QLatin1Char('%')};
}

}  // namespace tamga::core::sqlite
