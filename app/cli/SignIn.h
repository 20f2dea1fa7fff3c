// Who is at the desk: the operator's sign-in for commands that change anything, and small option readers.
#pragma once

#include "CommandLine.h"
#include "tamga/core/Operators.h"

#include <optional>
#include <string>

namespace tamga::core {
class Database;
}

namespace tamga::cli {

// The operator who signs in for a change: --operator NAME (or TAMGA_OPERATOR) with the password from the option
// `passwordOption` (normally "password-file"), TAMGA_PASSWORD_FILE, or a prompt. On failure sets `status`.
// With `keepPassword`, the password read is moved there (to unlock the desk key with it).
std::optional<core::Operator> signIn(const CommandLine& line, const core::Database& database,
                                     const std::string& passwordOption, int& status,
                                     core::Password* keepPassword = nullptr);

// A positive number from --option; nullopt when absent, or (with `status` set) when not a number.
std::optional<qint64> idValue(const CommandLine& line, const std::string& option, int& status);

} // namespace tamga::cli
