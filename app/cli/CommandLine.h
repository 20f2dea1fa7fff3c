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

// The words of one call (the command path and its arguments, e.g. "applicant show 5") and its options, as
// parseCommandLine (Commands.cpp) read them.
class CommandLine {
public:
    const std::vector<std::string>& words() const { return m_words; }
    bool flag(const std::string& name) const { return m_flags.contains(name); }
    std::optional<std::string> value(const std::string& name) const;
    std::vector<std::string> values(const std::string& name) const;

    void addWord(std::string word) { m_words.push_back(std::move(word)); }
    void setFlag(const std::string& name) { m_flags.insert(name); }
    void addValue(const std::string& name, std::string value) { m_options.emplace(name, std::move(value)); }

private:
    std::vector<std::string> m_words;
    std::set<std::string> m_flags;
    std::multimap<std::string, std::string> m_options;
};

} // namespace tamga::cli
