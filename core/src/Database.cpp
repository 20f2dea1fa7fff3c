#include "tamga/core/Database.h"

#include "Migrations.h"
#include "SqlDialect.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSettings>
#include <QSqlError>
#include <QStandardPaths>
#include <QUrl>

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
    const QString remembered =
        QSettings(deskConfigPath(), QSettings::IniFormat).value(QStringLiteral("database")).toString();
    if (!remembered.isEmpty())
        return remembered;
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) + QStringLiteral("/tamga/tamga.db");
}

QString Database::deskConfigPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation) + QStringLiteral("/tamga/desk.conf");
}

CoreStatus Database::rememberAsDefault(const QString& location)
{
    if (location.contains(QLatin1Char('@')) && QUrl(location).password().size() > 0)
        return coreError(CoreErrorKind::InvalidInput, QStringLiteral("a registry address with a password is not kept"));
    QSettings config(deskConfigPath(), QSettings::IniFormat);
    config.setValue(QStringLiteral("database"), location);
    config.sync();
    if (config.status() != QSettings::NoError)
        return coreError(CoreErrorKind::Io, QStringLiteral("cannot write %1").arg(deskConfigPath()));
    return {};
}

bool Database::isShared(const QString& location)
{
    return isPostgresLocation(location);
}

QString Database::localFolderOf(const QString& location)
{
    const QString dataFolder =
        QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) + QStringLiteral("/tamga");
    if (!isShared(location))
        return QFileInfo(location).absolutePath();
    // One folder per server, port and database: a desk that works on two registries keeps them apart.
    const QUrl url(location);
    QString name = QStringLiteral("%1-%2-%3").arg(url.host()).arg(url.port(5432)).arg(url.path().mid(1));
    static const QRegularExpression unsafe(QStringLiteral("[^A-Za-z0-9._-]"));
    name.replace(unsafe, QStringLiteral("_"));
    return dataFolder + QStringLiteral("/registries/") + name;
}

Database::Database(QString path, QString connectionName, std::unique_ptr<SqlDialect> dialect)
    : m_path(std::move(path)), m_connectionName(std::move(connectionName)), m_dialect(std::move(dialect))
{
}

bool Database::shared() const
{
    return m_dialect->kind() == SqlDialect::Kind::Postgres;
}

QString Database::localStem() const
{
    return shared() ? localFolderOf(m_path) + QStringLiteral("/registry") : m_path;
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
    return openUpTo(path, currentSchemaVersion(), false);
}

CoreResult<std::unique_ptr<Database>> Database::openExisting(const QString& path)
{
    if (isShared(path))
        return openUpTo(path, currentSchemaVersion(), true);
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
    return openUpTo(path, version, false);
}

CoreResult<std::unique_ptr<Database>> Database::openUpTo(const QString& path, int targetVersion, bool mustExist)
{
    auto dialect = dialectFor(path);
    const QString folder = localFolderOf(path);
    if (!QDir().mkpath(folder))
        return coreError(CoreErrorKind::Database, QStringLiteral("cannot create the folder %1").arg(folder));

    const QString name = newConnectionName();
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(dialect->qtDriver(), name);
        if (!db.isValid()) {
            QSqlDatabase::removeDatabase(name);
            return coreError(CoreErrorKind::Database, QStringLiteral("Qt's %1 driver is not installed (%2)")
                                                          .arg(dialect->qtDriver(), dialect->qtDriverPackage()));
        }
    }
    std::unique_ptr<Database> database(new Database(path, name, std::move(dialect)));
    QSqlDatabase db = database->connection();
    if (auto opened = database->dialect().open(db, path); !opened)
        return std::unexpected(opened.error());
    if (mustExist && database->schemaVersion() == 0) {
        return coreError(CoreErrorKind::NotFound,
                         QStringLiteral("the registry %1 has no Tamga tables yet; a new registry is made only by the "
                                        "first supervisor's \"tamga-cli operator add\" or the desk's first start")
                             .arg(path));
    }
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
    if (auto off = m_dialect->setForeignKeys(*this, false); !off)
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
            const bool postgres = m_dialect->kind() == SqlDialect::Kind::Postgres;
            for (const QString& statement :
                 postgres&& step.postgresStatements ? *step.postgresStatements : step.statements) {
                if (auto done = exec(m_dialect->migrationStatement(statement)); !done)
                    return failed(done.error());
            }
            if (step.code) {
                if (auto done = step.code(*this); !done)
                    return failed(done.error());
            }
            if (auto stored = exec(QStringLiteral("UPDATE schema_version SET version = ?"), {step.version}); !stored)
                return std::unexpected(stored.error());
        }
        auto dangling = m_dialect->foreignKeyProblem(*this);
        if (!dangling)
            return std::unexpected(dangling.error());
        if (*dangling)
            return coreError(CoreErrorKind::Database,
                             QStringLiteral("migrating %1 left a broken reference: %2").arg(m_path, **dangling));
        return true;
    });
    if (auto on = m_dialect->setForeignKeys(*this, true); !on)
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
    // Schema statements (a migration's CREATE, ALTER, DROP) run as they are: PostgreSQL prepares only queries.
    static const QRegularExpression query(QStringLiteral("^\\s*(SELECT|INSERT|UPDATE|DELETE|WITH|PRAGMA)\\b"),
                                          QRegularExpression::CaseInsensitiveOption);
    if (values.isEmpty() && !query.match(sql).hasMatch()) {
        QSqlQuery direct(connection());
        if (!direct.exec(sql))
            return driverError(direct);
        return direct;
    }
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
    // Every transaction here writes, and takes the database's one write lock first (the dialect's begin).
    QSqlDatabase db = connection();
    return m_dialect->begin(db, m_path);
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
