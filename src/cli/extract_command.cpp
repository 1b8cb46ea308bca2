#include "src/cli/extract_command.hpp"

#include <exception>
#include <optional>
#include <ostream>

#include "export/atomic_file.hpp"
#include "graph/snapshot.hpp"
#include "src/cli/corpus.hpp"

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
    try {
        progress.step("writing " + options.output_dir);
        const std::string bytes = snapshot_bytes(part);
        AtomicFile file(options.output_dir);
        file.stream().write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
        file.commit();
    } catch (const std::exception& e) {
        progress.clear();
        err << "newsgraph: " << e.what() << "\nnewsgraph: nothing written\n";
        return 2;
    }
    progress.clear();
    if (!options.quiet)
        out << "read       " << corpus->articles
            << (corpus->articles == 1 ? " article" : " articles") << "\nwrote      "
            << options.output_dir << '\n';
    return corpus->problems == 0 ? 0 : 1;
}

}  // namespace newsgraph
