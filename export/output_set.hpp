// A run's files published as one set: each is written to a temporary file beside its place
// and synced, and only once all are written are they renamed into place, manifest.json
// last. A run that fails or is interrupted before then leaves the older set as it was; a
// reader who finds manifest.json finds the files it lists, all of one run.
#pragma once

#include <cstddef>
#include <functional>
#include <iosfwd>
#include <memory>
#include <string>
#include <vector>

#include "export/atomic_file.hpp"
#include "export/exporter.hpp"
#include "export/manifest.hpp"

namespace newsgraph {

class OutputSet {
  public:
    // Also removes the temporary files dead runs left for any file a run writes in `folder`
    // (of every format, not only those this run writes). The caller holds its OutputLock.
    explicit OutputSet(std::string folder);

    // Writes `exporter`'s file to a temporary file beside its place, creating its subfolder.
    // Throws std::runtime_error naming the final path.
    void stage(const Exporter& exporter, const KnowledgeGraph& graph, const ExportOptions& options);
    // Stages every exporter's file, writing up to `jobs` at once: the Graphviz writers (one
    // drawing at a time per process) one after another on one thread, the others on every
    // thread. The files join the set in the exporters' order, whichever finished first, so
    // the manifest does not depend on `jobs`. Returns, per exporter, the error that stopped
    // its file (naming its path), or an empty string; a failed file is not staged.
    std::vector<std::string> stage_all(const std::vector<const Exporter*>& exporters,
                                       const KnowledgeGraph& graph, const ExportOptions& options,
                                       std::size_t jobs);
    // Writes the file `relative` (graph.ngs, written by no Exporter) the same way, its bytes
    // written by `write` as it makes them (rather than held whole in memory first).
    // Throws std::runtime_error naming the final path.
    void stage_written(const std::string& relative,
                       const std::function<void(std::ostream&)>& write);
    // The final paths of the files staged so far, in order.
    std::vector<std::string> staged_paths() const;

    // Writes manifest.json for the staged files, then renames each file into place and the
    // manifest last. The older manifest is removed first, so that none claims the folder
    // while files of two runs sit in it. SIGINT, SIGTERM and SIGHUP wait until it is done.
    // Throws std::runtime_error naming the path, before any rename when a place is taken by
    // a folder. Returns the manifest's path.
    std::string publish(const RunSummary& run);
    // Files renamed into place so far: more than 0 after a failed publish() means the folder
    // holds files of two runs, and no manifest.json.
    std::size_t renamed() const { return renamed_; }

  private:
    // Writes the file, not yet staged: safe on several threads at once.
    std::unique_ptr<AtomicFile> write_file(const Exporter& exporter, const KnowledgeGraph& graph,
                                           const ExportOptions& options) const;
    void add(std::string relative, std::unique_ptr<AtomicFile> file);

    std::string folder_;
    std::vector<std::unique_ptr<AtomicFile>> files_;  // finished, not committed
    std::vector<std::string> relative_paths_;
    std::size_t renamed_ = 0;
};

}  // namespace newsgraph
