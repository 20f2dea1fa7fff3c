// tamga-cli's enrollment commands: ca, trust, profile, enroll, enrollment, batch.
#pragma once

#include "CommandLine.h"

namespace tamga::cli {

bool isEnrollCommand(const std::string& word);
int runEnrollCommand(const CommandLine& line, const GlobalOptions& options);

} // namespace tamga::cli
