// What every screen of the desk shares: the database (the GUI thread's own connection), the signed-in operator,
// the worker that owns token and CA calls, and whether this is a training desk.
#pragma once

#include "tamga/core/Database.h"
#include "tamga/core/DeskWorker.h"
#include "tamga/core/Operators.h"

#include <QString>

namespace tamga::ui {

struct DeskContext {
    const core::Database* database = nullptr;
    core::DeskWorker* worker = nullptr;
    core::Operator signedIn;
    QString dataDir; // the database's folder (practice CA, ...)
    bool training = false;
};

} // namespace tamga::ui
