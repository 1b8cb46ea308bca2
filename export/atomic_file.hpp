// A file that appears complete or not at all: written to a temporary file beside its final
// path, synced, then renamed over it. Readers see the old content or the new, never a mix,
// and a failed write leaves an older file at the path untouched.
#pragma once

#include <cstdint>
#include <memory>
#include <ostream>
#include <string>

namespace newsgraph {

class AtomicFile {
  public:
    // Creates the temporary file; throws std::runtime_error naming `path` on failure.
    explicit AtomicFile(std::string path);
    // Removes the temporary file unless commit() succeeded.
    ~AtomicFile();
    AtomicFile(const AtomicFile&) = delete;
    AtomicFile& operator=(const AtomicFile&) = delete;

    std::ostream& stream() { return stream_; }
    const std::string& path() const { return path_; }

    // Flushes, syncs and closes the temporary file, checking each step; the file stays
    // temporary, so that several can be finished first and committed together. Throws
    // std::runtime_error naming the path and the OS error. Does nothing a second time.
    void finish();
    // After finish(): the bytes written and their SHA-256 (hex).
    std::uint64_t size() const { return size_; }
    const std::string& sha256() const { return sha256_; }

    // finish(), then renames the temporary file to the final path. Throws
    // std::runtime_error naming the path and the OS error.
    void commit();

  private:
    class FileBuffer;

    [[noreturn]] void fail(const std::string& what) const;

    std::string path_;
    std::string temp_path_;
    int pending_slot_ = -1;  // in the registry remove_uncommitted_temp_files() reads
    std::unique_ptr<FileBuffer> buffer_;
    std::ostream stream_;
    bool finished_ = false;
    bool committed_ = false;
    std::uint64_t size_ = 0;
    std::string sha256_;
};

// Removes the temporary files of `path` (any AtomicFile's, ".NAME.tmp-PID-N" beside it) whose
// process is gone: one killed by SIGKILL or a power cut, where no handler ran. Those of a
// live process are another run's, still being written, and stay.
void remove_stale_temp_files(const std::string& path);

// Removes the temporary file of every AtomicFile of this process that is neither committed
// nor destroyed yet. Async-signal-safe (atomics and unlink(2) only): for a handler of
// SIGINT or SIGTERM, where destructors do not run, so that an interrupted run leaves the
// older outputs as they were and no temporary file behind.
void remove_uncommitted_temp_files() noexcept;

}  // namespace newsgraph
