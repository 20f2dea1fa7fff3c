// Every command of tamga-cli with its options, in one place (CLI11): the checks on the command line (unknown
// commands and options, missing ones, values from a fixed list), `tamga-cli COMMAND --help` and `--version`.
#pragma once

#include "CommandLine.h"

#include <variant>

namespace tamga::cli {

// The parsed call, or the exit status when there is nothing to run: help or the version printed (0), or a usage
// error said on stderr (1).
std::variant<CommandLine, int> parseCommandLine(int argc, char** argv);

} // namespace tamga::cli
