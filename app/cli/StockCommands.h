// tamga-cli's token stock: stock import, list, set, day.
#pragma once

#include "CommandLine.h"

namespace tamga::cli {

int runStockCommand(const CommandLine& line, const GlobalOptions& options);

} // namespace tamga::cli
