// `tamga-cli report progress|daily|stock [--format csv|pdf] --out FILE`.
#pragma once

#include "CommandLine.h"

namespace tamga::cli {

int runReportCommand(const CommandLine& line, const GlobalOptions& options);

} // namespace tamga::cli
