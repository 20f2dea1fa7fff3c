// tamga-cli's revocation applications: revoke (take one), revocation list, show, approve, refuse, withdraw, submit.
#pragma once

#include "CommandLine.h"

namespace tamga::cli {

bool isRevocationCommand(const std::string& word);
int runRevocationCommand(const CommandLine& line, const GlobalOptions& options);

} // namespace tamga::cli
