// The last half of build, shared by merge and export: from the merged graph (a snapshot)
// to a folder of exports. Names are resolved across articles, the graph measured and
// filtered, and graph.ngs, the exports and manifest.json are written as one set.
#pragma once

#include <cstddef>
#include <iosfwd>
#include <optional>

#include "export/output_lock.hpp"
#include "graph/snapshot.hpp"
#include "src/cli/options.hpp"
#include "src/cli/progress.hpp"

namespace newsgraph {

// What a run did before, for its summary on stdout and its exit status.
struct RunReport {
    bool read_articles = true;        // build: "read N articles"; merge, export: "loaded"
    std::size_t articles = 0;         // build: read and extracted by this run
    std::size_t already_present = 0;  // build --update: skipped
    std::size_t problems = 0;         // inputs skipped: exit status 1
    std::size_t warnings = 0;
    std::size_t processes = 1;  // under mpirun: the processes that read them
};

// Locks options.output_dir into `lock`; false when it cannot (reported on `err`).
bool lock_output_folder(const BuildOptions& options, std::optional<OutputLock>& lock,
                        Progress& progress, std::ostream& err);

// Writes `snapshot` alone to the file `path` (extract, merge -o x.ngs), whole or not at all;
// false when it cannot (reported on `err` with "nothing written").
bool write_snapshot_file(const Snapshot& snapshot, const std::string& path, Progress& progress,
                         std::ostream& err);

// Writes graph.ngs (`snapshot` as given), then the exports of `snapshot` resolved across
// articles, as options says, and manifest.json ("inputs": snapshot.inputs, "articles": the
// graph's). `lock` is taken when it is not held yet. Returns the exit status.
int write_graph_folder(const BuildOptions& options, Snapshot snapshot, const RunReport& report,
                       std::optional<OutputLock>& lock, Progress& progress, std::ostream& out,
                       std::ostream& err);

}  // namespace newsgraph
