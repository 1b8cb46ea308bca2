// `newsgraph build`: read inputs, extract each article, merge, resolve across articles,
// write every requested format. Returns the process exit status.
#pragma once

#include <iosfwd>

#include "src/cli/options.hpp"

namespace newsgraph {

int run_build(const BuildOptions& options, std::istream& in, std::ostream& out, std::ostream& err);

}  // namespace newsgraph
