// Lists and evidence as compact JSON text, for formats that carry them in one string value
// (GraphML data, Neo4j CSV and Cypher properties). Every string passes through clean_text().
#pragma once

#include <map>
#include <set>
#include <string>
#include <vector>

#include "graph/facts.hpp"

namespace newsgraph {

std::string json_array(const std::vector<std::string>& values);
std::string json_array(const std::set<std::string>& values);
std::string json_counts(const std::map<std::string, int>& counts);
// [{"document", "sentence", "start", "end", "text", "date" when known}, ...]
std::string json_evidence(const std::vector<Evidence>& evidence);

}  // namespace newsgraph
