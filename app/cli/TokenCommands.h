// `tamga-cli tokens` and `tamga-cli token ...`.
#pragma once

#include "CommandLine.h"

#include <string>
#include <vector>

namespace tamga::cli {

// Runs the command and returns the exit status. Output goes to stdout, the one-line error to stderr.
int runTokenCommand(const CommandLine& line, const GlobalOptions& options);

} // namespace tamga::cli
