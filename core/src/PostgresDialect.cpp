#include "PostgresDialect.h"

#include "SqliteDialect.h"

#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>
#include <QUrl>
#include <QUrlQuery>

namespace tamga::core {

namespace {

// The key of the registry's one write lock (pg_advisory_xact_lock): "TAMGA" in ASCII. Every Tamga writer takes
// it at the start of its transaction, and the commit or rollback lets it go.
constexpr qint64 kWriteLockKey = 0x54414d4741;
// How long a writer waits for another desk's: a 10,000-row import holds the lock for a few seconds.
const QString kLockTimeout = QStringLiteral("30s");

// The connection parameters a URL may carry besides host, port, user and database: where the CA certificate and
// the password file are, and how long to wait for the server. Anything else is refused rather than passed on.
const QStringList kAllowedParameters{
    QStringLiteral("sslmode"),         QStringLiteral("sslrootcert"),      QStringLiteral("sslcrl"),
    QStringLiteral("sslcert"),         QStringLiteral("sslkey"),           QStringLiteral("passfile"),
    QStringLiteral("connect_timeout"), QStringLiteral("application_name"),
};

CoreError badUrl(const QString& url, const QString& why)
{
    return CoreError{CoreErrorKind::InvalidInput,
                     QStringLiteral("the registry address %1 cannot be used: %2").arg(url, why)};
}

// A value in libpq's key=value syntax: quoted, with \ and ' escaped.
QString connectionValue(QString value)
{
    value.replace(QLatin1Char('\\'), QStringLiteral("\\\\"));
    value.replace(QLatin1Char('\''), QStringLiteral("\\'"));
    return QLatin1Char('\'') + value + QLatin1Char('\'');
}

} // namespace

bool isPostgresLocation(const QString& location)
{
    return location.startsWith(QStringLiteral("postgresql://")) || location.startsWith(QStringLiteral("postgres://"));
}

std::unique_ptr<SqlDialect> dialectFor(const QString& location)
{
    if (isPostgresLocation(location))
        return std::make_unique<PostgresDialect>();
    return std::make_unique<SqliteDialect>();
}

CoreStatus PostgresDialect::open(QSqlDatabase& db, const QString& location) const
{
    const QUrl url(location, QUrl::StrictMode);
    // Not echoed when it does not parse: QUrl's reason quotes the text, which may hold a password.
    if (!url.isValid())
        return coreError(CoreErrorKind::InvalidInput,
                         QStringLiteral("the registry address is not a valid postgresql:// URL"));
    if (!url.password().isEmpty()) {
        return std::unexpected(
            badUrl(url.toString(QUrl::RemovePassword),
                   QStringLiteral("it holds a password, which would be seen on command lines and in settings; put the "
                                  "password in a password file (passfile=... in the URL, or ~/.pgpass) instead")));
    }
    const QString database = url.path().mid(1);
    if (url.host().isEmpty() || database.isEmpty() || database.contains(QLatin1Char('/')))
        return std::unexpected(badUrl(location, QStringLiteral("it needs a server and a database: "
                                                               "postgresql://user@server:5432/tamga")));
    QStringList options;
    QString sslMode = QStringLiteral("verify-full");
    for (const auto& [key, value] : QUrlQuery(url).queryItems(QUrl::FullyDecoded)) {
        if (!kAllowedParameters.contains(key))
            return std::unexpected(badUrl(location, QStringLiteral("Tamga does not take the parameter %1").arg(key)));
        if (key == QStringLiteral("sslmode")) {
            if (value != QStringLiteral("verify-full") && value != QStringLiteral("verify-ca")) {
                return std::unexpected(
                    badUrl(location, QStringLiteral("sslmode=%1 would not verify the server; the registry is "
                                                    "reached over TLS with sslmode=verify-full")
                                         .arg(value)));
            }
            sslMode = value;
            continue;
        }
        if (value.contains(QLatin1Char(';')))
            return std::unexpected(badUrl(location, QStringLiteral("the value of %1 has a semicolon").arg(key)));
        options << key + QLatin1Char('=') + connectionValue(value);
    }
    options.prepend(QStringLiteral("sslmode=") + sslMode);
    // A registry that stops answering (a cable pulled, a server gone) is noticed within seconds, not after the
    // system's TCP timeout of minutes: the desk's views read the registry, and a clerk must get an error, not a
    // window that hangs. The URL may say otherwise (connect_timeout).
    if (!QUrlQuery(url).hasQueryItem(QStringLiteral("connect_timeout")))
        options << QStringLiteral("connect_timeout=10");
    options << QStringLiteral("keepalives=1") << QStringLiteral("keepalives_idle=5")
            << QStringLiteral("keepalives_interval=2") << QStringLiteral("keepalives_count=3")
            << QStringLiteral("tcp_user_timeout=10000");
    db.setHostName(url.host());
    db.setPort(url.port(5432));
    db.setDatabaseName(database);
    db.setUserName(url.userName());
    // Qt passes the options on to libpq with each ';' made a space.
    db.setConnectOptions(options.join(QLatin1Char(';')));
    if (!db.open()) {
        return coreError(
            CoreErrorKind::Database,
            QStringLiteral("cannot reach the registry %1: %2").arg(location, db.lastError().text().trimmed()));
    }
    QSqlQuery query(db);
    const QStringList settings{
        QStringLiteral("SET lock_timeout = '%1'").arg(kLockTimeout),
        QStringLiteral("SET client_min_messages = warning"),
    };
    for (const QString& setting : settings) {
        if (!query.exec(setting))
            return coreError(CoreErrorKind::Database,
                             QStringLiteral("%1 failed on %2: %3").arg(setting, location, query.lastError().text()));
    }
    return {};
}

CoreStatus PostgresDialect::begin(QSqlDatabase& db, const QString& location) const
{
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("BEGIN")))
        return coreError(CoreErrorKind::Database,
                         QStringLiteral("cannot start a transaction: %1").arg(query.lastError().text()));
    if (!query.exec(QStringLiteral("SELECT pg_advisory_xact_lock(%1)").arg(kWriteLockKey))) {
        const QString reason = query.lastError().text();
        query.exec(QStringLiteral("ROLLBACK"));
        return coreError(CoreErrorKind::Database,
                         reason.contains(QStringLiteral("lock timeout"))
                             ? QStringLiteral("another desk has been writing to the registry %1 for more than %2; "
                                              "try again when it is done")
                                   .arg(location, kLockTimeout)
                             : QStringLiteral("cannot start a transaction: %1").arg(reason));
    }
    return {};
}

QString PostgresDialect::migrationStatement(const QString& statement) const
{
    static const QRegularExpression ownId(QStringLiteral("\\bid INTEGER PRIMARY KEY,"));
    static const QRegularExpression integer(QStringLiteral("\\bINTEGER\\b"));
    QString translated = statement;
    translated.replace(ownId, QStringLiteral("id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,"));
    translated.replace(integer, QStringLiteral("BIGINT"));
    return translated;
}

QStringList PostgresDialect::officerSearchIndexStatements() const
{
    // pg_trgm is a trusted extension: the database's owner may create it.
    return {
        QStringLiteral("CREATE EXTENSION IF NOT EXISTS pg_trgm"),
        QStringLiteral("CREATE INDEX officers_search_trigrams ON officers USING gin (search_text gin_trgm_ops)"),
    };
}

SearchClause PostgresDialect::officerSearch(const QStringList& words) const
{
    // Words of three characters or more anywhere (LIKE, served by the trigram index); one or two at the start of a
    // word (\m in PostgreSQL's regular expressions). The search text is folded already, as the words are.
    SearchClause clause;
    QStringList conditions;
    for (const QString& word : words) {
        if (word.size() >= 3) {
            QString pattern = word;
            pattern.replace(QLatin1Char('\\'), QStringLiteral("\\\\"));
            pattern.replace(QLatin1Char('%'), QStringLiteral("\\%"));
            pattern.replace(QLatin1Char('_'), QStringLiteral("\\_"));
            conditions << QStringLiteral("o.search_text LIKE ?");
            clause.values << QLatin1Char('%') + pattern + QLatin1Char('%');
        } else {
            conditions << QStringLiteral("o.search_text ~ ?");
            QString pattern;
            for (const QChar c : word) {
                if (QStringLiteral("\\^$.|?*+()[]{}").contains(c))
                    pattern += QLatin1Char('\\');
                pattern += c;
            }
            clause.values << QStringLiteral("\\m") + pattern;
        }
    }
    clause.joinAndWhere = QStringLiteral("WHERE ") + conditions.join(QStringLiteral(" AND "));
    return clause;
}

} // namespace tamga::core
