// Everything particular to SQLite, in one place: opening the file with the right permissions and pragmas, the one
// writer at a time, and the full-text indexes that make officer search fast.
#pragma once

#include "SqlDialect.h"

namespace tamga::core {

class SqliteDialect final : public SqlDialect {
public:
    Kind kind() const override { return Kind::Sqlite; }
    QString qtDriver() const override { return QStringLiteral("QSQLITE"); }
    QString qtDriverPackage() const override { return QStringLiteral("libqt6sql6-sqlite"); }

    // Creates the file with mode 0600 when it does not exist yet (and tightens an existing one), then opens it
    // with WAL journaling, synchronous=FULL and foreign keys on.
    CoreStatus open(QSqlDatabase& db, const QString& path) const override;
    CoreStatus begin(QSqlDatabase& db, const QString& path) const override;

    QString migrationStatement(const QString& statement) const override { return statement; }
    // Migrations that make a table anew (to change a constraint) run with foreign keys off, as SQLite's own
    // procedure for that asks; they are turned off before the migration's transaction and on again after it.
    CoreStatus setForeignKeys(const Database& database, bool on) const override;
    CoreResult<std::optional<QString>> foreignKeyProblem(const Database& database) const override;

    // Two external-content FTS5 indexes over officers.search_text.
    QStringList officerSearchIndexStatements() const override;
    // Adds officers firstId..lastId (already inserted) to the search indexes; one statement per index.
    CoreStatus indexOfficers(const Database& database, qint64 firstId, qint64 lastId) const override;
    CoreStatus rebuildOfficerSearchIndexes(const Database& database) const override;
    CoreStatus reindexOfficer(const Database& database, qint64 id, const QString& oldSearchText) const override;
    SearchClause officerSearch(const QStringList& words) const override;
};

} // namespace tamga::core
