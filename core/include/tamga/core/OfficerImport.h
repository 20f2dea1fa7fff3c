// Importing an organization's officer list from CSV: all or nothing. Every bad row is reported with its line,
// column and reason, and then nothing at all is written.
#pragma once

#include "tamga/core/CoreError.h"
#include "tamga/core/Operators.h"

#include <QString>

#include <vector>

namespace tamga::core {

class Database;

struct ImportProblem {
    int line = 0;
    QString column; // empty when the problem is the whole line or file
    QString reason;
};

struct ImportReport {
    int rows = 0;
    int added = 0;
    int updated = 0;
    int unchanged = 0;
    int organizationsAdded = 0;
    std::vector<ImportProblem> problems; // non-empty: nothing was imported

    bool changedNothing() const { return problems.empty() && added == 0 && updated == 0 && organizationsAdded == 0; }
};

// The columns of the officer CSV; the header names them in any order and any letter case.
const QStringList& officerCsvColumns();

// Reads and imports `path`. Returns a report (with problems when the file was refused), or an error when the
// file cannot be read or the database fails.
// With `dryRun` the report says what would happen and nothing is written (the desk's preview).
[[nodiscard]] CoreResult<ImportReport> importOfficers(const Database& database, const Operator& by, const QString& path,
                                                      bool dryRun = false);
[[nodiscard]] CoreResult<ImportReport> importOfficers(const Database& database, const Operator& by,
                                                      const QByteArray& content, const QString& sourceName,
                                                      bool dryRun = false);

} // namespace tamga::core
