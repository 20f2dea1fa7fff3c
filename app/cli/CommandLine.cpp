#include "CommandLine.h"

namespace tamga::cli {

std::optional<CommandLine> CommandLine::parse(const std::vector<std::string>& arguments,
                                              const std::set<std::string>& flags,
                                              const std::set<std::string>& repeatable, std::string& error)
{
    CommandLine line;
    for (std::size_t i = 0; i < arguments.size(); ++i) {
        const std::string& argument = arguments[i];
        if (argument.rfind("--", 0) != 0 || argument == "--") {
            line.m_words.push_back(argument);
            continue;
        }
        std::string name = argument.substr(2);
        std::optional<std::string> inlineValue;
        if (auto equals = name.find('='); equals != std::string::npos) {
            inlineValue = name.substr(equals + 1);
            name.resize(equals);
        }
        if (flags.contains(name)) {
            if (inlineValue) {
                error = "option --" + name + " takes no value";
                return std::nullopt;
            }
            line.m_flags.insert(name);
            continue;
        }
        std::string value;
        if (inlineValue) {
            value = *inlineValue;
        } else if (i + 1 < arguments.size()) {
            value = arguments[++i];
        } else {
            error = "option --" + name + " needs a value";
            return std::nullopt;
        }
        if (line.m_options.contains(name) && !repeatable.contains(name)) {
            error = "option --" + name + " is given twice";
            return std::nullopt;
        }
        line.m_options.emplace(name, value);
    }
    return line;
}

std::optional<std::string> CommandLine::value(const std::string& name) const
{
    auto it = m_options.find(name);
    if (it == m_options.end())
        return std::nullopt;
    return it->second;
}

std::vector<std::string> CommandLine::values(const std::string& name) const
{
    std::vector<std::string> result;
    auto [begin, end] = m_options.equal_range(name);
    for (auto it = begin; it != end; ++it)
        result.push_back(it->second);
    return result;
}

std::vector<std::string> CommandLine::unknownOptions(const std::set<std::string>& known) const
{
    std::vector<std::string> unknown;
    for (const auto& [name, value] : m_options) {
        if (!known.contains(name))
            unknown.push_back(name);
    }
    for (const std::string& name : m_flags) {
        if (!known.contains(name))
            unknown.push_back(name);
    }
    return unknown;
}

} // namespace tamga::cli
