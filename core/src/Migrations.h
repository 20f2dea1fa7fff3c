// The schema, as numbered steps. Each step runs once, in order, inside the one transaction that migrates a
// database; the version reached is stored in schema_version. Never edit a released step: add a new one.
#pragma once

#include "tamga/core/CoreError.h"

#include <QStringList>

#include <functional>
#include <optional>
#include <vector>

namespace tamga::core {

class Database;

struct Migration {
    int version;
    const char* description;
    QStringList statements;
    // Where PostgreSQL needs other statements than the column-type translation of `statements` gives (a
    // constraint SQLite can change only by making the table anew, PostgreSQL changes in place).
    std::optional<QStringList> postgresStatements = std::nullopt;
    // What SQL alone cannot do (values computed in C++), run after the statements in the same transaction.
    std::function<CoreStatus(const Database&)> code = {};
};

const std::vector<Migration>& migrations();

} // namespace tamga::core
