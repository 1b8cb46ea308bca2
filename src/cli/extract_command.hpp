// newsgraph extract INPUT... -o PART.ngs: the map step. The graph of some articles, not
// resolved across articles, as a .ngs file that newsgraph merge adds to others.
#pragma once

#include <iosfwd>

#include "src/cli/options.hpp"

namespace newsgraph {

// Returns the exit status: 0, 1 when some inputs were skipped, 2 when nothing was written.
int run_extract(const BuildOptions& options, std::istream& in, std::ostream& out,
                std::ostream& err);

}  // namespace newsgraph
