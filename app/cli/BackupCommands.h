// tamga-cli backup --out FOLDER and restore --from FOLDER: the database with its audit key, receipts and forms.
#pragma once

#include "CommandLine.h"

namespace tamga::cli {

bool isBackupCommand(const std::string& word);
int runBackupCommand(const CommandLine& line, const GlobalOptions& options);

} // namespace tamga::cli
