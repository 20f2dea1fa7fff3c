// tamga-cli's registry commands: org, applicant, operator, audit.
#pragma once

#include "CommandLine.h"

namespace tamga::cli {

bool isRegistryCommand(const std::string& word);
int runRegistryCommand(const CommandLine& line, const GlobalOptions& options);

} // namespace tamga::cli
