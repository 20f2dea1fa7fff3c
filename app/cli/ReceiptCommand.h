// tamga-cli receipt ENROLLMENT_ID --out FILE.pdf: the same handover receipt the desk prints.
#pragma once

#include "CommandLine.h"

namespace tamga::cli {

int runReceiptCommand(const CommandLine& line, const GlobalOptions& options);

} // namespace tamga::cli
