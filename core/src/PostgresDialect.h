// Everything particular to PostgreSQL, the registry an office's desks share: the connection (TLS that verifies
// the server, the password from a file and never from the URL), one writer at a time through an advisory lock,
// and the officer search over trigram indexes (pg_trgm).
#pragma once

#include "SqlDialect.h"

namespace tamga::core {

class PostgresDialect final : public SqlDialect {
public:
    Kind kind() const override { return Kind::Postgres; }
    QString qtDriver() const override { return QStringLiteral("QPSQL"); }
    QString qtDriverPackage() const override { return QStringLiteral("libqt6sql6-psql"); }

    // `url`: postgresql://user@host[:port]/database[?sslrootcert=...&passfile=...]. A password in it is refused
    // (it would be on a command line, in the shell's history, in the settings); sslmode is verify-full unless the
    // URL asks for verify-ca, and nothing weaker is accepted.
    CoreStatus open(QSqlDatabase& db, const QString& url) const override;
    CoreStatus begin(QSqlDatabase& db, const QString& url) const override;

    // INTEGER becomes BIGINT (ids are qint64 everywhere), and a table's own `id INTEGER PRIMARY KEY` an identity
    // column, as SQLite's rowid alias numbers new rows.
    QString migrationStatement(const QString& statement) const override;
    // PostgreSQL checks every reference at once and changes constraints in place: nothing to turn off.
    CoreStatus setForeignKeys(const Database&, bool) const override { return {}; }
    CoreResult<std::optional<QString>> foreignKeyProblem(const Database&) const override
    {
        return std::optional<QString>();
    }

    // GIN trigram indexes over officers.search_text serve LIKE '%word%' and the word-start regular expression;
    // PostgreSQL keeps them up to date itself.
    QStringList officerSearchIndexStatements() const override;
    CoreStatus indexOfficers(const Database&, qint64, qint64) const override { return {}; }
    CoreStatus rebuildOfficerSearchIndexes(const Database&) const override { return {}; }
    CoreStatus reindexOfficer(const Database&, qint64, const QString&) const override { return {}; }
    SearchClause officerSearch(const QStringList& words) const override;
};

} // namespace tamga::core
