// The surface forms of an entity in the order every export lists them.
#pragma once

#include <string>
#include <vector>

#include "graph/knowledge_graph.hpp"

namespace newsgraph {

// Most-mentioned first, ties in byte order, so that the form readers meet most often
// leads and the order is deterministic.
std::vector<std::string> aliases_by_mentions(const EntityVertex& entity);

}  // namespace newsgraph
