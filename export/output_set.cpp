#include "export/output_set.hpp"

#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <stdexcept>
#include <thread>

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

std::unique_ptr<AtomicFile> OutputSet::write_file(const Exporter& exporter,
                                                  const KnowledgeGraph& graph,
                                                  const ExportOptions& options) const {
    const std::filesystem::path path = std::filesystem::path(folder_) / exporter.file_name();
    std::error_code error;
    std::filesystem::create_directories(path.parent_path(), error);  // neo4j/
    auto file = std::make_unique<AtomicFile>(path.string());
    write_export(*file, exporter, graph, options);
    return file;
}

void OutputSet::add(std::string relative, std::unique_ptr<AtomicFile> file) {
    files_.push_back(std::move(file));
    relative_paths_.push_back(std::move(relative));
}

void OutputSet::stage(const Exporter& exporter, const KnowledgeGraph& graph,
                      const ExportOptions& options) {
    add(std::string(exporter.file_name()), write_file(exporter, graph, options));
}

std::vector<std::string> OutputSet::stage_all(const std::vector<const Exporter*>& exporters,
                                              const KnowledgeGraph& graph,
                                              const ExportOptions& options, std::size_t jobs) {
    const std::size_t n = exporters.size();
    std::vector<std::unique_ptr<AtomicFile>> written(n);
    std::vector<std::string> errors(n);
    auto write_one = [&](std::size_t i) {
        try {
            written[i] = write_file(*exporters[i], graph, options);
        } catch (const std::exception& e) {
            errors[i] = e.what();
        }
    };
    // Two queues: the Graphviz writers, taken by the first thread before anything else (they
    // are the slowest, and cannot run beside one another), and the rest, taken by all.
    std::vector<std::size_t> drawn, rest;
    for (std::size_t i = 0; i < n; ++i) (exporters[i]->uses_graphviz() ? drawn : rest).push_back(i);
    std::atomic<std::size_t> next_rest{0};
    auto work = [&](bool draws) {
        if (draws)
            for (std::size_t i : drawn) write_one(i);
        for (std::size_t k = next_rest++; k < rest.size(); k = next_rest++) write_one(rest[k]);
    };
    const std::size_t threads =
        std::min(std::max<std::size_t>(jobs, 1), std::max<std::size_t>(n, 1));
    {
        std::vector<std::jthread> helpers;
        for (std::size_t t = 1; t < threads; ++t) helpers.emplace_back(work, false);
        work(true);
    }  // joined
    for (std::size_t i = 0; i < n; ++i)
        if (written[i]) add(std::string(exporters[i]->file_name()), std::move(written[i]));
    return errors;
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
