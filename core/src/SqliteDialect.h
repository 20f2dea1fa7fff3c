// Everything particular to SQLite, in one place: opening the file with the right permissions and pragmas, and
// the full-text index that makes officer search fast. A PostgreSQL registry would replace this file.
#pragma once

#include "tamga/core/CoreError.h"

#include <QSqlDatabase>
#include <QString>
#include <QStringList>
#include <QVariantList>

#include <optional>

namespace tamga::core {
class Database;
}

namespace tamga::core::sqlite {

// Creates the file with mode 0600 when it does not exist yet (and tightens an existing one), then opens it
// with WAL journaling, synchronous=FULL and foreign keys on.
CoreStatus open(QSqlDatabase& db, const QString& path);

// Migrations that make a table anew (to change a constraint) run with foreign keys off, as SQLite's own procedure
// for that asks; they are turned off before the migration's transaction and on again after it, and
// `foreignKeyProblem` says, inside the transaction, whether a reference was left dangling.
CoreStatus setForeignKeys(const Database& database, bool on);
CoreResult<std::optional<QString>> foreignKeyProblem(const Database& database);

// Statements that build the officer search indexes over officers.search_text.
QStringList officerSearchIndexStatements();

// Adds officers firstId..lastId (already inserted) to the search indexes; one statement per index, however
// many officers.
CoreStatus indexOfficers(const Database& database, qint64 firstId, qint64 lastId);
// Rebuilds both search indexes from officers.search_text (after it was recomputed for every officer).
CoreStatus rebuildOfficerSearchIndexes(const Database& database);
// Replaces an officer's entry after its search text changed from `oldSearchText`.
CoreStatus reindexOfficer(const Database& database, qint64 id, const QString& oldSearchText);

// The join and WHERE clause, and the values to bind, that find officers whose search text contains every one of
// `words` (already folded): anywhere for words of three characters or more, at the start of a word for one or two.
struct SearchClause {
    QString joinAndWhere; // e.g. "JOIN officer_search s ON s.rowid = o.id WHERE officer_search MATCH ?"
    QVariantList values;
};
SearchClause officerSearch(const QStringList& words);

} // namespace tamga::core::sqlite
