// How tamga-cli prints: plain tables for people, JSON for scripts, one "error: ..." line for failures.
#pragma once

#include "CommandLine.h"
#include "tamga/core/CoreError.h"
#include "tamga/core/Enrollment.h"
#include "tamga/core/Text.h"

#include <QJsonValue>
#include <QString>

#include <string>
#include <vector>

namespace tamga::cli {

void printJson(const QJsonValue& value);
// Every column as wide as its widest cell (counted in characters, not bytes).
void printTable(const std::vector<std::string>& header, const std::vector<std::vector<std::string>>& rows);

// A usage error the command line's own checks (Commands.cpp) cannot see, such as a PIN file that cannot be read:
// "error: MESSAGE" and where the help is, on stderr. Returns ExitUsage.
int usageError(const std::string& message);
// Prints "error: message" on stderr and returns ExitFailed.
int fail(const std::string& message);
int fail(const QString& message);
int fail(const char* message);
// A core error's message, the same way.
int fail(const core::CoreError& error);
// An enrollment's progress, as the engine reports it, indented on stderr (stdout keeps the results).
void progressToStderr(core::EnrollmentState state, const QString& message);

inline QString q(const std::string& text)
{
    return QString::fromStdString(text);
}

// Text for the terminal: control and bidirectional characters (which would move the cursor, recolour or reorder
// what follows, or forge a line) are written as \xNN / \uNNNN escapes.
inline std::string s(const QString& text)
{
    return core::escapedForTerminal(text).toStdString();
}

} // namespace tamga::cli
