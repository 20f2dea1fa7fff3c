// Private to the core: the desk's token inventory (table `tokens`), what each token used for an enrollment is.
#pragma once

#include "tamga/core/CoreError.h"
#include "tamga/core/Tokens.h"

#include <QString>

namespace tamga::core {

class Database;

// Enters the token with this serial (or brings its maker, model and label up to date), moves it to "prepared" in
// the stock where the stock allows, and returns its row id. Runs inside the caller's change, whose audit event
// (the enrollment's "token prepared") records it.
CoreResult<qint64> enterTokenInInventory(const Database& database, const QString& operatorName, const QString& serial,
                                         const TokenSnapshot& info, qint64 enrollmentId);

} // namespace tamga::core
