#include "export/atomic_file.hpp"

#include <fcntl.h>
#include <signal.h>
#include <unistd.h>

#include <array>
#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <stdexcept>
#include <streambuf>

#include "export/sha256.hpp"

namespace newsgraph {

// An output buffer over a file descriptor that remembers the errno of the first failed
// write, which std::ofstream would lose, and hashes what it writes (for manifest.json,
// without reading the file back).
class AtomicFile::FileBuffer : public std::streambuf {
  public:
    explicit FileBuffer(int fd) : fd_(fd) { setp(buffer_.data(), buffer_.data() + buffer_.size()); }
    ~FileBuffer() override {
        if (fd_ >= 0) ::close(fd_);
    }
    FileBuffer(const FileBuffer&) = delete;
    FileBuffer& operator=(const FileBuffer&) = delete;

    std::uint64_t size() const { return size_; }
    std::string hex_digest() { return hash_.hex_digest(); }

    // Writes what is buffered, syncs it to disk and closes the descriptor; returns 0 or the
    // errno of the first failure.
    int finish() {
        if (sync() != 0) return error_;
        if (::fsync(fd_) != 0) error_ = errno;
        const int fd = fd_;
        fd_ = -1;  // close() releases the descriptor even when it fails: never retry it
        if (::close(fd) != 0 && error_ == 0) error_ = errno;
        return error_;
    }

  protected:
    int_type overflow(int_type c) override {
        if (sync() != 0) return traits_type::eof();
        if (traits_type::eq_int_type(c, traits_type::eof())) return traits_type::not_eof(c);
        *pptr() = traits_type::to_char_type(c);
        pbump(1);
        return c;
    }

    int sync() override {
        if (error_ != 0) return -1;
        const char* data = pbase();
        hash_.update(data, static_cast<std::size_t>(pptr() - data));
        size_ += static_cast<std::uint64_t>(pptr() - data);
        while (data < pptr()) {
            const ssize_t written = ::write(fd_, data, static_cast<std::size_t>(pptr() - data));
            if (written < 0) {
                if (errno == EINTR) continue;
                error_ = errno;
                return -1;
            }
            data += written;
        }
        setp(buffer_.data(), buffer_.data() + buffer_.size());
        return 0;
    }

  private:
    int fd_;
    int error_ = 0;
    std::uint64_t size_ = 0;
    Sha256 hash_;
    std::array<char, 1 << 16> buffer_;
};

namespace {

// The temporary files not yet committed or removed, for remove_uncommitted_temp_files().
// A slot is free (0), being filled (1), or holds a path (2); lock-free atomics make reading
// it from a signal handler safe. Files beyond the slots are simply not registered.
struct PendingTempFile {
    std::atomic<int> state{0};
    char path[4096];
};
static_assert(std::atomic<int>::is_always_lock_free);
constexpr int kPendingSlots = 64;
PendingTempFile pending_temp_files[kPendingSlots];

int register_pending(const std::string& path) {
    if (path.size() >= sizeof pending_temp_files[0].path) return -1;
    for (int slot = 0; slot < kPendingSlots; ++slot) {
        PendingTempFile& pending = pending_temp_files[slot];
        int expected = 0;
        if (!pending.state.compare_exchange_strong(expected, 1)) continue;
        std::memcpy(pending.path, path.c_str(), path.size() + 1);
        pending.state.store(2);
        return slot;
    }
    return -1;
}

void unregister_pending(int& slot) {
    if (slot >= 0) pending_temp_files[slot].state.store(0);
    slot = -1;
}

// Unique among the processes (pid) and the files this process writes at once (counter).
std::string temp_path_for(const std::filesystem::path& path) {
    static std::atomic<unsigned> counter{0};
    const std::string name = "." + path.filename().string() + ".tmp-" + std::to_string(::getpid()) +
                             "-" + std::to_string(counter++);
    return (path.parent_path() / name).string();
}

// The pid in the name temp_path_for() gave a temporary file of `path`, or 0 when `name` is
// not one: ".NAME.tmp-PID-N".
pid_t temp_file_pid(const std::string& name, const std::filesystem::path& path) {
    const std::string prefix = "." + path.filename().string() + ".tmp-";
    if (!name.starts_with(prefix)) return 0;
    const std::string rest = name.substr(prefix.size());
    const std::size_t dash = rest.find('-');
    if (dash == 0 || dash == std::string::npos || dash > 9 || dash + 1 == rest.size()) return 0;
    if (rest.find_first_not_of("0123456789-") != std::string::npos ||
        rest.find('-', dash + 1) != std::string::npos)
        return 0;
    return static_cast<pid_t>(std::stol(rest.substr(0, dash)));
}

std::string os_error(const char* what, int error) {
    return std::string(what) + ": " + std::strerror(error);
}

}  // namespace

void remove_stale_temp_files(const std::string& file) {
    const std::filesystem::path path(file);
    std::error_code error;
    const std::filesystem::path folder = path.parent_path().empty() ? "." : path.parent_path();
    for (std::filesystem::directory_iterator it(folder, error), end; !error && it != end;
         it.increment(error)) {
        const pid_t pid = temp_file_pid(it->path().filename().string(), path);
        if (pid <= 0 || pid == ::getpid()) continue;
        if (::kill(pid, 0) != 0 && errno == ESRCH) ::unlink(it->path().c_str());
    }
}

AtomicFile::AtomicFile(std::string path) : path_(std::move(path)), stream_(nullptr) {
    const std::filesystem::path final_path(path_);
    if (!final_path.has_filename()) fail("not a file name");
    remove_stale_temp_files(path_);
    int fd = -1;
    // A leftover of a crashed process with a recycled pid may hold a name: take the next.
    for (int attempt = 0; fd < 0 && attempt < 16; ++attempt) {
        temp_path_ = temp_path_for(final_path);
        // Registered before it exists, so that no signal finds it created but unknown.
        unregister_pending(pending_slot_);
        pending_slot_ = register_pending(temp_path_);
        fd = ::open(temp_path_.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
        if (fd < 0 && errno != EEXIST) break;
    }
    if (fd < 0) {
        const int error = errno;
        unregister_pending(pending_slot_);
        fail(os_error("cannot create a temporary file beside it", error));
    }
    buffer_ = std::make_unique<FileBuffer>(fd);
    stream_.rdbuf(buffer_.get());
}

AtomicFile::~AtomicFile() {
    if (committed_) return;
    buffer_.reset();  // closes the descriptor first
    std::remove(temp_path_.c_str());
    unregister_pending(pending_slot_);
}

void AtomicFile::finish() {
    if (finished_) return;
    stream_.flush();
    if (const int error = buffer_->finish(); error != 0) fail(os_error("cannot write", error));
    if (!stream_) fail("cannot write: the output stream failed");
    size_ = buffer_->size();
    sha256_ = buffer_->hex_digest();
    finished_ = true;
}

void AtomicFile::commit() {
    finish();
    if (std::rename(temp_path_.c_str(), path_.c_str()) != 0)
        fail(os_error("cannot rename the temporary file into place", errno));
    committed_ = true;
    unregister_pending(pending_slot_);  // after the rename: its name is gone by now anyway
    // Syncing the directory makes the rename itself survive a crash. The new file is already
    // in place and complete, so a failure here is not worth reporting.
    std::filesystem::path directory = std::filesystem::path(path_).parent_path();
    if (directory.empty()) directory = ".";
    if (const int dir = ::open(directory.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC); dir >= 0) {
        ::fsync(dir);
        ::close(dir);
    }
}

void remove_uncommitted_temp_files() noexcept {
    for (PendingTempFile& pending : pending_temp_files) {
        if (pending.state.load() == 2) ::unlink(pending.path);
    }
}

void AtomicFile::fail(const std::string& what) const {
    throw std::runtime_error(path_ + ": " + what);
}

}  // namespace newsgraph
