#include "CommandLine.h"

namespace tamga::cli {

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

} // namespace tamga::cli
