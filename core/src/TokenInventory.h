// Private to the core: the desk's token inventory (table `tokens`), what each token used for an enrollment is.
#pragma once

#include "tamga/core/CoreError.h"
#include "tamga/core/Tokens.h"

#include <QString>

namespace tamga::core {

class Database;

// Enters the token with this serial (or brings its maker, model and label up to date) and returns its row id.
// Runs inside the caller's transaction.
CoreResult<qint64> enterTokenInInventory(const Database& database, const QString& serial, const TokenSnapshot& info);

} // namespace tamga::core
