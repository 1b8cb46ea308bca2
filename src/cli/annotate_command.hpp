// `newsgraph annotate`: every mention as JSON Lines, for auditing the extraction,
// highlighting articles and scoring against mention-level benchmarks.
#pragma once

#include <iosfwd>

#include "src/cli/options.hpp"

namespace newsgraph {

int run_annotate(const BuildOptions& options, std::istream& in, std::ostream& out,
                 std::ostream& err);

}  // namespace newsgraph
