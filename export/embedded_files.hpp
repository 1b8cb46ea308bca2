// Files the program carries, embedded at build time by tools/embed_files.py (see
// CMakeLists.txt): the graph library and the script, style and page of explorer.html.
#pragma once

#include <string>
#include <string_view>

namespace newsgraph {

// The bytes of the embedded file `name` ("cytoscape.min.js", "explorer.js", ...); throws
// std::out_of_range when there is none.
std::string embedded_file(std::string_view name);

}  // namespace newsgraph
