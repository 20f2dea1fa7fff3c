// The words of one tamga-cli call: the command path ("token keygen"), options with values, and flags.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace tamga::cli {

// Exit statuses, fixed by the interface.
enum ExitStatus { ExitOk = 0, ExitUsage = 1, ExitFailed = 2, ExitIntegrity = 3 };

// Options every command understands.
struct GlobalOptions {
    std::vector<std::string> modulePaths; // resolved: --module, else TAMGA_PKCS11_MODULE, else OpenSC's
    bool json = false;
    std::string databasePath; // resolved: --db, else TAMGA_DB, else the application-data folder
};

class CommandLine {
public:
    // `flags` take no value; `repeatable` options may be given several times. Anything else starting with
    // "--" takes exactly one value. Returns nullopt and sets `error` on a malformed line.
    static std::optional<CommandLine> parse(const std::vector<std::string>& arguments,
                                            const std::set<std::string>& flags, const std::set<std::string>& repeatable,
                                            std::string& error);

    const std::vector<std::string>& words() const { return m_words; }
    bool flag(const std::string& name) const { return m_flags.contains(name); }
    std::optional<std::string> value(const std::string& name) const;
    std::vector<std::string> values(const std::string& name) const;

    // Options given but not in `known`: for "unknown option --x" messages.
    std::vector<std::string> unknownOptions(const std::set<std::string>& known) const;

private:
    std::vector<std::string> m_words;
    std::set<std::string> m_flags;
    std::multimap<std::string, std::string> m_options;
};

} // namespace tamga::cli
