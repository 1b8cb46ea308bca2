#include "export/aliases.hpp"

#include <algorithm>
#include <utility>

namespace newsgraph {

std::vector<std::string> aliases_by_mentions(const EntityVertex& entity) {
    std::vector<std::pair<std::string, int>> counted(entity.aliases.begin(), entity.aliases.end());
    // stable_sort keeps the map's byte order among equal counts.
    std::stable_sort(counted.begin(), counted.end(),
                     [](const auto& a, const auto& b) { return a.second > b.second; });
    std::vector<std::string> aliases;
    aliases.reserve(counted.size());
    for (auto& [alias, count] : counted) aliases.push_back(std::move(alias));
    return aliases;
}

}  // namespace newsgraph
