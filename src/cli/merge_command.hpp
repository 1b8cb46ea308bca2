// newsgraph merge PART.ngs... -o DIR|FILE.ngs: the reduce step. Adds the partial graphs
// together (associative and commutative, so any tree of merges gives the same graph), then
// writes a folder of exports as build does, or, to a name ending in .ngs, the merged graph
// alone, to be merged again.
#pragma once

#include <iosfwd>

#include "src/cli/options.hpp"

namespace newsgraph {

// Returns the exit status: 0, 1 when some files could not be written, 2 when a part cannot
// be read or merged (nothing is written then).
int run_merge(const BuildOptions& options, std::ostream& out, std::ostream& err);

}  // namespace newsgraph
