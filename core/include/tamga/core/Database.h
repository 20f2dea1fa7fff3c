// The workstation's database: one SQLite file per desk (the embedded default), or a PostgreSQL registry that an
// office's desks share, chosen by the location: a file path or a postgresql:// URL. Everything above this class
// speaks plain SQL through Qt SQL; what differs between the two (opening, the write lock, the officer search
// index, column types) lives in the dialects (core/src/SqlDialect.h).
#pragma once

#include "tamga/core/CoreError.h"

#include <QHash>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QVariant>

#include <memory>

namespace tamga::core {

class SqlDialect;

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

    // The default: TAMGA_DB, else the database this desk's setup chose (deskConfigPath(), "database"; a shared
    // registry's URL), else tamga.db in the user's application-data folder.
    static QString defaultPath();
    // ~/.config/tamga/desk.conf: what this PC's desk remembers outside any database.
    static QString deskConfigPath();
    [[nodiscard]] static CoreStatus rememberAsDefault(const QString& location);
    // Whether `location` names a shared PostgreSQL registry (postgresql://...) rather than a desk's file.
    static bool isShared(const QString& location);
    // Where this desk keeps the files that belong with a shared registry but never go into it (the audit key,
    // receipts, forms): the user's application-data folder, one folder per server and database.
    static QString localFolderOf(const QString& location);

    ~Database();
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    // The file path, or the registry's URL (which never holds a password).
    const QString& path() const { return m_path; }
    bool shared() const;
    // The stem of the files kept beside the database on this desk: the database file itself for SQLite, a name in
    // localFolderOf() for a shared registry. The audit key is "<stem>.audit-key".
    QString localStem() const;
    QSqlDatabase connection() const;
    const SqlDialect& dialect() const { return *m_dialect; }
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

    explicit Database(QString path, QString connectionName, std::unique_ptr<SqlDialect> dialect);
    [[nodiscard]] static CoreResult<std::unique_ptr<Database>> openUpTo(const QString& path, int targetVersion,
                                                                        bool mustExist);
    [[nodiscard]] CoreStatus migrateTo(int targetVersion);
    [[nodiscard]] CoreStatus begin() const;
    [[nodiscard]] CoreStatus commit() const;
    void rollback() const;

    QString m_path;
    QString m_connectionName;
    std::unique_ptr<SqlDialect> m_dialect;
    // Prepared statements by SQL text: the registry's hot paths (imports, audit events) run the same few
    // statements thousands of times.
    mutable QHash<QString, QSqlQuery> m_statements;
};

// The current time as stored everywhere: UTC, ISO 8601 with milliseconds ("2026-11-25T03:04:05.123Z").
QString storedNow();

} // namespace tamga::core
