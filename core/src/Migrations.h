// The schema, as numbered steps. Each step runs once, in order, inside the one transaction that migrates a
// database; the version reached is stored in schema_version. Never edit a released step: add a new one.
#pragma once

#include <QStringList>

#include <vector>

namespace tamga::core {

struct Migration {
    int version;
    const char* description;
    QStringList statements;
};

const std::vector<Migration>& migrations();

}  // namespace tamga::core
