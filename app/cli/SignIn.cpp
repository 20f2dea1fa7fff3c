#include "SignIn.h"

#include "Output.h"
#include "SecretInput.h"
#include "tamga/core/Database.h"

#include <cstdlib>
#include <iostream>

namespace tamga::cli {

// The operator who signs in for a change: --operator NAME (or TAMGA_OPERATOR) with the password from
// --password-file F (or TAMGA_PASSWORD_FILE, or a prompt). `passwordOption` is the option that holds the
// sign-in password: "password-file" normally, "operator-password-file" for `operator add`, whose
// --password-file is the new operator's.
std::optional<core::Operator> signIn(const CommandLine& line, const core::Database& database,
                                     const std::string& passwordOption, int& status, core::Password* keepPassword)
{
    std::string name = line.value("operator").value_or("");
    if (name.empty()) {
        if (const char* fromEnvironment = std::getenv("TAMGA_OPERATOR"))
            name = fromEnvironment;
    }
    if (name.empty()) {
        std::cerr << "error: this command changes the desk's records: sign in with --operator NAME and --"
                  << passwordOption << " F (or TAMGA_OPERATOR and TAMGA_PASSWORD_FILE)\n";
        status = ExitUsage;
        return std::nullopt;
    }
    std::optional<std::string> file = line.value(passwordOption);
    if (!file) {
        if (const char* fromEnvironment = std::getenv("TAMGA_PASSWORD_FILE"); fromEnvironment && *fromEnvironment)
            file = fromEnvironment;
    }
    std::string error;
    auto password = secretFromFileOrPrompt(file, "Password for " + name, error);
    if (!password) {
        std::cerr << "error: " << error << '\n';
        status = ExitUsage;
        return std::nullopt;
    }
    auto signedIn = core::Operators(database).signIn(q(name), *password);
    if (!signedIn) {
        status = fail(signedIn.error().message);
        return std::nullopt;
    }
    if (keepPassword)
        *keepPassword = std::move(*password);
    return *signedIn;
}

std::optional<qint64> idValue(const CommandLine& line, const std::string& option, int& status)
{
    const auto text = line.value(option);
    if (!text)
        return std::nullopt;
    bool ok = false;
    const qint64 id = q(*text).toLongLong(&ok);
    if (!ok || id <= 0) {
        std::cerr << "error: --" << option << " must be a number, not \"" << *text << "\"\n";
        status = ExitUsage;
        return std::nullopt;
    }
    return id;
}

} // namespace tamga::cli
