#include "export/output_set.hpp"

#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <stdexcept>

#include "graph/snapshot.hpp"

namespace newsgraph {
namespace {

// Holds the terminating signals for its lifetime: the renames that publish a set are over in
// microseconds, and a signal among them would leave two runs' files and no manifest.
class TerminatingSignalsHeld {
  public:
    TerminatingSignalsHeld() {
        sigset_t held;
        sigemptyset(&held);
        for (const int signal_number : {SIGINT, SIGTERM, SIGHUP}) sigaddset(&held, signal_number);
        ::sigprocmask(SIG_BLOCK, &held, &previous_);
    }
    ~TerminatingSignalsHeld() { ::sigprocmask(SIG_SETMASK, &previous_, nullptr); }
    TerminatingSignalsHeld(const TerminatingSignalsHeld&) = delete;
    TerminatingSignalsHeld& operator=(const TerminatingSignalsHeld&) = delete;

  private:
    sigset_t previous_;
};

// rename(2) cannot replace a folder with a file: found before any file is renamed, so that
// the set is published whole or not at all.
void require_file_place(const std::string& path) {
    struct stat info {};
    if (::lstat(path.c_str(), &info) == 0 && S_ISDIR(info.st_mode))
        throw std::runtime_error(
            path + ": cannot rename the temporary file into place: " + std::strerror(EISDIR));
}

}  // namespace

OutputSet::OutputSet(std::string folder) : folder_(std::move(folder)) {
    std::vector<std::string> names = export_file_names();
    names.emplace_back(kManifestFileName);
    names.emplace_back(kSnapshotFileName);
    for (const std::string& name : names)
        remove_stale_temp_files((std::filesystem::path(folder_) / name).string());
}

void OutputSet::stage(const Exporter& exporter, const KnowledgeGraph& graph,
                      const ExportOptions& options) {
    const std::string relative(exporter.file_name());
    const std::filesystem::path path = std::filesystem::path(folder_) / relative;
    std::error_code error;
    std::filesystem::create_directories(path.parent_path(), error);  // neo4j/
    auto file = std::make_unique<AtomicFile>(path.string());
    write_export(*file, exporter, graph, options);
    files_.push_back(std::move(file));
    relative_paths_.push_back(relative);
}

void OutputSet::stage_written(const std::string& relative,
                              const std::function<void(std::ostream&)>& write) {
    const std::filesystem::path path = std::filesystem::path(folder_) / relative;
    auto file = std::make_unique<AtomicFile>(path.string());
    write(file->stream());
    file->finish();
    files_.push_back(std::move(file));
    relative_paths_.push_back(relative);
}

std::vector<std::string> OutputSet::staged_paths() const {
    std::vector<std::string> paths;
    for (const auto& file : files_) paths.push_back(file->path());
    return paths;
}

std::string OutputSet::publish(const RunSummary& run) {
    std::vector<ManifestEntry> entries;
    for (std::size_t i = 0; i < files_.size(); ++i)
        entries.push_back({relative_paths_[i], files_[i]->size(), files_[i]->sha256()});
    const std::string manifest_path = (std::filesystem::path(folder_) / kManifestFileName).string();
    AtomicFile manifest(manifest_path);
    write_manifest(manifest.stream(), entries, run);
    manifest.finish();
    for (const auto& file : files_) require_file_place(file->path());
    require_file_place(manifest_path);

    const TerminatingSignalsHeld held;
    if (::unlink(manifest_path.c_str()) != 0 && errno != ENOENT)
        throw std::runtime_error(manifest_path +
                                 ": cannot remove the older manifest: " + std::strerror(errno));
    std::vector<AtomicFile*> in_order;  // the manifest last
    for (const auto& file : files_) in_order.push_back(file.get());
    in_order.push_back(&manifest);
    for (AtomicFile* file : in_order) {
        try {
            file->commit();
        } catch (const std::runtime_error& error) {
            if (renamed_ == 0) throw;
            throw std::runtime_error(std::string(error.what()) + " (after " +
                                     std::to_string(renamed_) +
                                     " files of this run were put in place: the folder has no "
                                     "manifest.json until a run completes)");
        }
        ++renamed_;
    }
    return manifest_path;
}

}  // namespace newsgraph
