// tamga-cli's renewals: renew (start and run one), renewal due (per organization), list, complete.
#pragma once

#include "CommandLine.h"

namespace tamga::cli {

bool isRenewalCommand(const std::string& word);
int runRenewalCommand(const CommandLine& line, const GlobalOptions& options);

} // namespace tamga::cli
