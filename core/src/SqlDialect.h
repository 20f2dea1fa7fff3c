// What differs between the two databases the core runs on, behind one interface: SQLite, one file per desk (the
// embedded default), and PostgreSQL, one registry shared by an office's desks. Everything above Database speaks
// the SQL both understand; the few things they do differently (opening, the write lock, the officer search index,
// a migration's column types) are here.
#pragma once

#include "tamga/core/CoreError.h"

#include <QSqlDatabase>
#include <QString>
#include <QStringList>
#include <QVariantList>

#include <memory>
#include <optional>

namespace tamga::core {

class Database;

// The join and WHERE clause, and the values to bind, that find officers whose search text contains every one of
// the words (already folded): anywhere for words of three characters or more, at the start of a word for one or two.
struct SearchClause {
    QString joinAndWhere;
    QVariantList values;
};

class SqlDialect {
public:
    enum class Kind { Sqlite, Postgres };

    virtual ~SqlDialect() = default;
    virtual Kind kind() const = 0;
    // Qt's driver name (QSQLITE, QPSQL) and the Debian package that brings it.
    virtual QString qtDriver() const = 0;
    virtual QString qtDriverPackage() const = 0;

    // Connects `db` (already made with qtDriver()) to `location`: a file path, or a postgresql:// URL.
    virtual CoreStatus open(QSqlDatabase& db, const QString& location) const = 0;
    // Starts a transaction that holds the database's one write lock until it ends: every transaction of the core
    // writes, and two writers one after the other is what keeps the audit chain unbroken and a token issued once.
    virtual CoreStatus begin(QSqlDatabase& db, const QString& location) const = 0;

    // A migration's statement in this dialect (column types). Statements are written for SQLite.
    virtual QString migrationStatement(const QString& statement) const = 0;
    // Foreign keys off while the migrations run (SQLite remakes tables to change a constraint), checked before
    // the commit, on again after.
    virtual CoreStatus setForeignKeys(const Database& database, bool on) const = 0;
    virtual CoreResult<std::optional<QString>> foreignKeyProblem(const Database& database) const = 0;

    // The officer search: statements that build its indexes, the upkeep the data layer calls after writing
    // officers (SQLite's full-text indexes are kept by hand; PostgreSQL's keep themselves), and the query.
    virtual QStringList officerSearchIndexStatements() const = 0;
    virtual CoreStatus indexOfficers(const Database& database, qint64 firstId, qint64 lastId) const = 0;
    virtual CoreStatus rebuildOfficerSearchIndexes(const Database& database) const = 0;
    virtual CoreStatus reindexOfficer(const Database& database, qint64 id, const QString& oldSearchText) const = 0;
    virtual SearchClause officerSearch(const QStringList& words) const = 0;
};

// The dialect of a location: PostgreSQL for a postgresql:// (or postgres://) URL, SQLite for anything else.
std::unique_ptr<SqlDialect> dialectFor(const QString& location);
bool isPostgresLocation(const QString& location);

} // namespace tamga::core
