// newsgraph export GRAPH.ngs -o DIR: the files of a build made again from its graph.ngs,
// byte for byte those the build wrote with the same options (other formats and filters too).
#pragma once

#include <iosfwd>

#include "src/cli/options.hpp"

namespace newsgraph {

// Returns the exit status: 0, 1 when some files could not be written, 2 when the snapshot
// cannot be read (nothing is written then).
int run_export(const BuildOptions& options, std::ostream& out, std::ostream& err);

}  // namespace newsgraph
