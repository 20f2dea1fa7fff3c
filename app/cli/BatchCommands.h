// tamga-cli's batch sessions: batch create, run, list, show (the offline exchange's batch export and import are
// in EnrollCommands.cpp).
#pragma once

#include "CommandLine.h"

namespace tamga::cli {

bool isBatchSessionCommand(const CommandLine& line);
int runBatchSessionCommand(const CommandLine& line, const GlobalOptions& options);

} // namespace tamga::cli
