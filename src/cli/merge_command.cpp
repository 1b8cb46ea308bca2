#include "src/cli/merge_command.hpp"

#include <exception>
#include <filesystem>
#include <optional>
#include <ostream>

#include "graph/snapshot.hpp"
#include "src/cli/graph_folder.hpp"

namespace newsgraph {
namespace {

bool names_a_snapshot_file(const std::string& path) {
    return std::filesystem::path(path).extension() == ".ngs";
}

}  // namespace

int run_merge(const BuildOptions& options, std::ostream& out, std::ostream& err) {
    Progress progress(err, options.progress);
    const bool to_file = names_a_snapshot_file(options.output_dir);
    std::optional<OutputLock> lock;
    if (!to_file && std::filesystem::is_directory(options.output_dir) &&
        !lock_output_folder(options, lock, progress, err))
        return 2;

    // One part in memory at a time beside the sum, added in the order given.
    std::optional<Snapshot> merged;
    try {
        SnapshotSum sum;
        for (const std::string& part : options.inputs) {
            progress.step("reading " + part);
            sum.add(read_snapshot(part), part);
        }
        merged = sum.take();
    } catch (const SnapshotError& e) {
        progress.clear();
        err << "newsgraph: " << e.what() << "\nnewsgraph: nothing written\n";
        return 2;
    }

    if (!to_file) {
        RunReport report;
        report.read_articles = false;
        return write_graph_folder(options, std::move(*merged), report, lock, progress, out, err);
    }
    if (!write_snapshot_file(*merged, options.output_dir, progress, err)) return 2;
    if (!options.quiet)
        out << "loaded     " << merged->graph.documents().size() << " articles from "
            << options.inputs.size() << (options.inputs.size() == 1 ? " graph" : " graphs")
            << "\nwrote      " << options.output_dir << '\n';
    return 0;
}

}  // namespace newsgraph
