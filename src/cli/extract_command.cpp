#include "src/cli/extract_command.hpp"

#include <optional>
#include <ostream>

#include "graph/snapshot.hpp"
#include "src/cli/corpus.hpp"
#include "src/cli/graph_folder.hpp"

namespace newsgraph {

int run_extract(const BuildOptions& options, std::istream& in, std::ostream& out,
                std::ostream& err) {
    Progress progress(err, options.progress);
    std::optional<Corpus> corpus = read_corpus(options, in, err, progress, {});
    if (!corpus) {
        err << "newsgraph: nothing written\n";
        return 2;
    }
    Snapshot part{std::move(corpus->graph), options.inputs.size()};
    if (!write_snapshot_file(part, options.output_dir, progress, err)) return 2;
    if (!options.quiet)
        out << "read       " << corpus->articles
            << (corpus->articles == 1 ? " article" : " articles") << "\nwrote      "
            << options.output_dir << '\n';
    return corpus->problems == 0 ? 0 : 1;
}

}  // namespace newsgraph
