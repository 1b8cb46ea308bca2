// `newsgraph explain NAME`: what the graph knows of one entity and why: the names merged
// into it (with counts, and which cross-article merges were made and why), and each of its
// relations with the sentences that support it.
#pragma once

#include <iosfwd>

#include "src/cli/options.hpp"

namespace newsgraph {

int run_explain(const BuildOptions& options, std::istream& in, std::ostream& out,
                std::ostream& err);

}  // namespace newsgraph
