// `newsgraph parse`: the words of each sentence with their tags, lemmas and dependency tree,
// as CoNLL-U. Articles are read and split as `build` reads them; a CoNLL-U file keeps its
// words as given and gets the rest predicted anew, so that the output can be scored against
// it (../shared/eval/ud_eval.py GOLD SYSTEM).
#pragma once

#include <iosfwd>

#include "src/cli/options.hpp"

namespace newsgraph {

int run_parse(const BuildOptions& options, std::istream& in, std::ostream& out, std::ostream& err);

}  // namespace newsgraph
