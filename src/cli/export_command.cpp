#include "src/cli/export_command.hpp"

#include <filesystem>
#include <optional>
#include <ostream>

#include "graph/snapshot.hpp"
#include "src/cli/graph_folder.hpp"

namespace newsgraph {

int run_export(const BuildOptions& options, std::ostream& out, std::ostream& err) {
    Progress progress(err, options.progress);
    std::optional<OutputLock> lock;
    if (std::filesystem::is_directory(options.output_dir) &&
        !lock_output_folder(options, lock, progress, err))
        return 2;
    std::optional<Snapshot> snapshot;
    try {
        progress.step("reading " + options.inputs.front());
        snapshot = read_snapshot(options.inputs.front());
    } catch (const SnapshotError& e) {
        progress.clear();
        err << "newsgraph: " << e.what() << "\nnewsgraph: nothing written\n";
        return 2;
    }
    RunReport report;
    report.read_articles = false;
    return write_graph_folder(options, std::move(*snapshot), report, lock, progress, out, err);
}

}  // namespace newsgraph
