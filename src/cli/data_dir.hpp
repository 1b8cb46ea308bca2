// Where the gazetteers and word lists are at run time.
#pragma once

#include <string>

namespace newsgraph {

// The first of: `flag` (--data), $NEWSGRAPH_DATA, <executable dir>/data,
// <executable dir>/../share/newsgraph/data that holds countries.tsv. Throws
// std::runtime_error listing the places looked in.
std::string find_data_dir(const std::string& flag);

}  // namespace newsgraph
