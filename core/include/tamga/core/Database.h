// The workstation's database: one SQLite file per desk. Everything above this class speaks plain SQL through
// Qt SQL; what is particular to SQLite (pragmas, file permissions, the full-text search index) lives in
// SqliteDialect so that a shared PostgreSQL registry can later take its place.
#pragma once

#include "tamga/core/CoreError.h"

#include <QHash>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QVariant>

#include <memory>

namespace tamga::core {

class Database {
public:
    // The newest schema this Tamga writes.
    static int currentSchemaVersion();

    // Opens (creating it 0600 if needed) and migrates to the current schema in one transaction. A database
    // written by a newer Tamga is refused (SchemaTooNew) and left untouched.
    [[nodiscard]] static CoreResult<std::unique_ptr<Database>> open(const QString& path);
    // The same for a database that must exist already: a path with a typo is refused (NotFound), it does not
    // become a new, empty desk. Only the bootstrap (the first supervisor, the desk's first start) creates one.
    [[nodiscard]] static CoreResult<std::unique_ptr<Database>> openExisting(const QString& path);
    // For tests of the migrations: creates or migrates only up to `version`.
    [[nodiscard]] static CoreResult<std::unique_ptr<Database>> openAtVersion(const QString& path, int version);

    // The default file: the user's application-data folder, or TAMGA_DB.
    static QString defaultPath();

    ~Database();
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    const QString& path() const { return m_path; }
    QSqlDatabase connection() const;
    int schemaVersion() const;

    // Runs `sql` with positional values bound; on failure returns the driver's message. Writes are prepared once
    // and kept (the returned query is valid until the same SQL runs again); reads are prepared each time, and the
    // read ends when the returned query goes.
    [[nodiscard]] CoreResult<QSqlQuery> exec(const QString& sql, const QVariantList& values = {}) const;
    // After a loop over query.next(): a row that could not be read (a damaged page, an I/O error) ends the loop
    // as the last row does; this tells the two apart, so that partial data is never taken for all of it.
    [[nodiscard]] static CoreStatus readToEnd(const QSqlQuery& query);

private:
    // A change is written only with its audit event: AuditLog::change opens the transaction, so no writer can
    // open one and forget the event.
    friend class AuditLog;
    // Runs `work` in one transaction: committed when it returns a value, rolled back on an error.
    template <typename T, typename Work> CoreResult<T> transaction(Work work) const
    {
        if (auto begun = begin(); !begun)
            return std::unexpected(begun.error());
        CoreResult<T> result = work();
        if (!result) {
            rollback();
            return result;
        }
        if (auto committed = commit(); !committed)
            return std::unexpected(committed.error());
        return result;
    }

    explicit Database(QString path, QString connectionName);
    [[nodiscard]] static CoreResult<std::unique_ptr<Database>> openUpTo(const QString& path, int targetVersion);
    [[nodiscard]] CoreStatus migrateTo(int targetVersion);
    [[nodiscard]] CoreStatus begin() const;
    [[nodiscard]] CoreStatus commit() const;
    void rollback() const;

    QString m_path;
    QString m_connectionName;
    // Prepared statements by SQL text: the registry's hot paths (imports, audit events) run the same few
    // statements thousands of times.
    mutable QHash<QString, QSqlQuery> m_statements;
};

// The current time as stored everywhere: UTC, ISO 8601 with milliseconds ("2026-11-25T03:04:05.123Z").
QString storedNow();

} // namespace tamga::core
