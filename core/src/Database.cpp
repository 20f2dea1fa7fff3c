#include "tamga/core/Database.h"

#include "Migrations.h"
#include "SqliteDialect.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QSqlError>
#include <QStandardPaths>

#include <atomic>

namespace tamga::core {

namespace {

QString newConnectionName()
{
    static std::atomic<int> counter{0};
    return QStringLiteral("tamga-db-%1").arg(++counter);
}

} // namespace

QString storedNow()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
}

int Database::currentSchemaVersion()
{
    return migrations().back().version;
}

QString Database::defaultPath()
{
    const QString fromEnvironment = qEnvironmentVariable("TAMGA_DB");
    if (!fromEnvironment.isEmpty())
        return fromEnvironment;
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) + QStringLiteral("/tamga/tamga.db");
}

Database::Database(QString path, QString connectionName)
    : m_path(std::move(path)), m_connectionName(std::move(connectionName))
{
}

Database::~Database()
{
    m_statements.clear();
    {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        if (db.isOpen())
            db.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
}

QSqlDatabase Database::connection() const
{
    return QSqlDatabase::database(m_connectionName, false);
}

CoreResult<std::unique_ptr<Database>> Database::open(const QString& path)
{
    return openUpTo(path, currentSchemaVersion());
}

CoreResult<std::unique_ptr<Database>> Database::openExisting(const QString& path)
{
    if (!QFileInfo(path).isFile()) {
        return coreError(
            CoreErrorKind::NotFound,
            QStringLiteral("there is no desk database at %1 (a typo in --db or TAMGA_DB?); a new one is made "
                           "only by the first supervisor's \"tamga-cli operator add\" or the desk's first start")
                .arg(path));
    }
    return open(path);
}

CoreResult<std::unique_ptr<Database>> Database::openAtVersion(const QString& path, int version)
{
    return openUpTo(path, version);
}

CoreResult<std::unique_ptr<Database>> Database::openUpTo(const QString& path, int targetVersion)
{
    const QString folder = QFileInfo(path).absolutePath();
    if (!QDir().mkpath(folder))
        return coreError(CoreErrorKind::Database, QStringLiteral("cannot create the folder %1").arg(folder));

    const QString name = newConnectionName();
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        if (!db.isValid()) {
            QSqlDatabase::removeDatabase(name);
            return coreError(CoreErrorKind::Database,
                             QStringLiteral("Qt's SQLite driver is not installed (libqt6sql6-sqlite)"));
        }
    }
    std::unique_ptr<Database> database(new Database(path, name));
    QSqlDatabase db = database->connection();
    if (auto opened = sqlite::open(db, path); !opened)
        return std::unexpected(opened.error());
    if (auto migrated = database->migrateTo(targetVersion); !migrated)
        return std::unexpected(migrated.error());
    return database;
}

int Database::schemaVersion() const
{
    if (!connection().tables().contains(QStringLiteral("schema_version")))
        return 0;
    auto query = exec(QStringLiteral("SELECT version FROM schema_version"));
    return query && query->next() ? query->value(0).toInt() : 0;
}

CoreStatus Database::migrateTo(int targetVersion)
{
    const int found = schemaVersion();
    if (found > currentSchemaVersion()) {
        return coreError(CoreErrorKind::SchemaTooNew,
                         QStringLiteral("%1 was written by a newer Tamga (schema version %2; this Tamga knows up to "
                                        "%3). Open it with that newer Tamga; nothing was changed.")
                             .arg(m_path)
                             .arg(found)
                             .arg(currentSchemaVersion()));
    }
    if (found >= targetVersion)
        return {};
    // Off outside the transaction (SQLite ignores the pragma inside one), checked before the commit, on again after.
    if (auto off = sqlite::setForeignKeys(*this, false); !off)
        return off;
    auto migrated = transaction<bool>([&]() -> CoreResult<bool> {
        for (const Migration& step : migrations()) {
            if (step.version <= found || step.version > targetVersion)
                continue;
            auto failed = [&](const CoreError& error) {
                return coreError(CoreErrorKind::Database,
                                 QStringLiteral("migrating %1 to schema version %2 (%3) failed: %4")
                                     .arg(m_path)
                                     .arg(step.version)
                                     .arg(QString::fromUtf8(step.description), error.message));
            };
            for (const QString& statement : step.statements) {
                if (auto done = exec(statement); !done)
                    return failed(done.error());
            }
            if (step.code) {
                if (auto done = step.code(*this); !done)
                    return failed(done.error());
            }
            if (auto stored = exec(QStringLiteral("UPDATE schema_version SET version = ?"), {step.version}); !stored)
                return std::unexpected(stored.error());
        }
        auto dangling = sqlite::foreignKeyProblem(*this);
        if (!dangling)
            return std::unexpected(dangling.error());
        if (*dangling)
            return coreError(CoreErrorKind::Database,
                             QStringLiteral("migrating %1 left a broken reference: %2").arg(m_path, **dangling));
        return true;
    });
    if (auto on = sqlite::setForeignKeys(*this, true); !on)
        return on;
    if (!migrated)
        return std::unexpected(migrated.error());
    return {};
}

namespace {

std::unexpected<CoreError> driverError(const QSqlQuery& query)
{
    return coreError(CoreErrorKind::Database, QStringLiteral("database error: %1").arg(query.lastError().text()));
}

CoreResult<QSqlQuery> prepared(const QSqlDatabase& connection, const QString& sql)
{
    QSqlQuery query(connection);
    query.setForwardOnly(true);
    if (!query.prepare(sql))
        return driverError(query);
    return query;
}

CoreResult<QSqlQuery> run(QSqlQuery& query, const QVariantList& values)
{
    for (int i = 0; i < values.size(); ++i)
        query.bindValue(i, values[i]);
    if (!query.exec())
        return driverError(query);
    return query;
}

} // namespace

CoreResult<QSqlQuery> Database::exec(const QString& sql, const QVariantList& values) const
{
    // Reads are prepared afresh: a kept SELECT that was not read to its end would hold its read transaction open,
    // and this connection would go on seeing an old snapshot of the file while another thread (the desk's
    // worker) writes to it. Writes finish when they run and are kept.
    if (sql.startsWith(QStringLiteral("SELECT"), Qt::CaseInsensitive) ||
        sql.startsWith(QStringLiteral("PRAGMA"), Qt::CaseInsensitive)) {
        auto query = prepared(connection(), sql);
        if (!query)
            return query;
        return run(*query, values);
    }
    auto cached = m_statements.find(sql);
    if (cached == m_statements.end()) {
        auto query = prepared(connection(), sql);
        if (!query)
            return query;
        cached = m_statements.insert(sql, *query);
    }
    cached->finish();
    return run(*cached, values);
}

CoreStatus Database::readToEnd(const QSqlQuery& query)
{
    if (query.lastError().isValid())
        return coreError(CoreErrorKind::Database,
                         QStringLiteral("reading the database stopped part way: %1").arg(query.lastError().text()));
    return {};
}

CoreStatus Database::begin() const
{
    // Every transaction here writes. BEGIN IMMEDIATE takes the write lock at the start, waiting for another
    // process's writer as long as the busy timeout allows; a deferred BEGIN would read first and then fail at
    // once (SQLITE_BUSY, no waiting) when another process had written in between.
    QSqlQuery query(connection());
    if (!query.exec(QStringLiteral("BEGIN IMMEDIATE"))) {
        const QString reason = query.lastError().text();
        return coreError(CoreErrorKind::Database,
                         reason.contains(QStringLiteral("locked"))
                             ? QStringLiteral("another desk or tamga-cli has been writing to %1 for more than 5 s; try "
                                              "again when it is done (%2)")
                                   .arg(m_path, reason)
                             : QStringLiteral("cannot start a transaction: %1").arg(reason));
    }
    return {};
}

CoreStatus Database::commit() const
{
    // A statement that was not read to its end would keep the transaction busy.
    for (QSqlQuery& statement : m_statements)
        statement.finish();
    QSqlQuery query(connection());
    if (!query.exec(QStringLiteral("COMMIT"))) {
        const QString reason = query.lastError().text();
        rollback();
        return coreError(CoreErrorKind::Database, QStringLiteral("cannot commit: %1").arg(reason));
    }
    return {};
}

void Database::rollback() const
{
    for (QSqlQuery& statement : m_statements)
        statement.finish();
    QSqlQuery(connection()).exec(QStringLiteral("ROLLBACK"));
}

} // namespace tamga::core
