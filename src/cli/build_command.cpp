#include "src/cli/build_command.hpp"

#include <filesystem>
#include <optional>
#include <ostream>

#include "export/output_lock.hpp"
#include "graph/snapshot.hpp"
#include "src/cli/corpus.hpp"
#include "src/cli/graph_folder.hpp"
#include "src/cli/mpi_build.hpp"

namespace newsgraph {

int run_build(const BuildOptions& options, std::istream& in, std::ostream& out, std::ostream& err) {
    if (start_mpi_if_launched() > 1) return run_mpi_build(options, in, out, err);
    Progress progress(err, options.progress);
    // Into a folder that exists, the run holds it from the start: a second run is told at
    // once, not after hours of work. A folder that does not exist yet is created, and
    // locked, only when there is something to write into it.
    std::optional<OutputLock> lock;
    if (std::filesystem::is_directory(options.output_dir) &&
        !lock_output_folder(options, lock, progress, err))
        return 2;

    // --update: the graph so far, to which the new articles are added.
    std::optional<Snapshot> before;
    if (!options.update_dir.empty()) {
        const std::string path =
            (std::filesystem::path(options.update_dir) / kSnapshotFileName).string();
        try {
            if (!lock)
                throw SnapshotError(options.update_dir +
                                    ": no such folder (--update adds to a folder a build wrote)");
            before = read_snapshot(path);
        } catch (const SnapshotError& e) {
            err << "newsgraph: " << e.what() << "\nnewsgraph: nothing written\n";
            return 2;
        }
        if (options.evidence_cap_given && options.evidence_cap != before->graph.evidence_cap()) {
            err << "newsgraph: --evidence-cap " << options.evidence_cap << ": the graph in "
                << options.update_dir << " keeps " << before->graph.evidence_cap()
                << " sentences per relation; an update keeps its cap\nnewsgraph: nothing written\n";
            return 2;
        }
    }
    BuildOptions read_options = options;
    if (before) read_options.evidence_cap = before->graph.evidence_cap();
    ArticleSelection selection;
    if (before) selection.existing = &before->graph;
    std::optional<Corpus> corpus = read_corpus(read_options, in, err, progress, selection);
    if (!corpus) {
        err << "newsgraph: nothing written\n";
        return 2;
    }

    Snapshot snapshot{std::move(corpus->graph), options.inputs.size()};
    if (before) {
        // The graph so far first, then the new articles: merged in the order a build of all
        // of them reads them. An update that adds nothing adds no inputs either, so that
        // re-adding articles changes no byte.
        Snapshot added = std::move(snapshot);
        snapshot = std::move(*before);
        if (corpus->articles > 0) merge_snapshot(snapshot, added, "the new articles");
    }
    snapshot.graph.normalize();
    RunReport report;
    report.articles = corpus->articles;
    report.already_present = corpus->already_present;
    report.problems = corpus->problems;
    report.warnings = corpus->warnings;
    return write_graph_folder(options, std::move(snapshot), report, lock, progress, out, err);
}

}  // namespace newsgraph
