// Everything particular to SQLite, in one place: opening the file with the right permissions and pragmas, and
// the full-text index that makes officer search fast. A PostgreSQL registry would replace this file.
#pragma once

#include "tamga/core/CoreError.h"

#include <QSqlDatabase>
#include <QString>
#include <QStringList>

namespace tamga::core::sqlite {

// Creates the file with mode 0600 when it does not exist yet (and tightens an existing one), then opens it
// with WAL journaling, synchronous=FULL and foreign keys on.
CoreStatus open(QSqlDatabase& db, const QString& path);

// Statements that build the officer search index: an FTS5 trigram index over officers.search_text, kept in
// step with the table by triggers.
QStringList officerSearchIndexStatements();

// The WHERE clause and value that find officers whose search text contains `needle` (already folded).
// Uses the index for three characters or more, a plain scan for shorter needles.
struct SearchClause {
    QString joinAndWhere;  // e.g. "JOIN officer_search s ON s.rowid = o.id WHERE officer_search MATCH ?"
    QString value;
};
SearchClause officerSearch(const QString& needle);

}  // namespace tamga::core::sqlite
