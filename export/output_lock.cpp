#include "export/output_lock.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

namespace newsgraph {
namespace {

// POSIX record locks (fcntl), not flock(2): F_GETLK names the holder's pid, which the
// message needs. Their catch, that closing any descriptor of the file drops the process's
// lock, does not bite: only OutputLock opens the file, once per process.
struct flock whole_file_lock(short type) {
    struct flock lock {};
    lock.l_type = type;
    lock.l_whence = SEEK_SET;
    lock.l_start = 0;
    lock.l_len = 0;  // to the end of the file, however long
    return lock;
}

// 0 when nobody holds a lock on `fd`'s file, else the holder's pid.
pid_t holder_of(int fd) {
    struct flock probe = whole_file_lock(F_WRLCK);
    if (::fcntl(fd, F_GETLK, &probe) != 0 || probe.l_type == F_UNLCK) return 0;
    return probe.l_pid;
}

std::string lock_path(const std::string& folder) {
    return (std::filesystem::path(folder) / kOutputLockFileName).string();
}

}  // namespace

OutputFolderBusy::OutputFolderBusy(const std::string& folder, pid_t holder)
    : std::runtime_error("output folder " + folder + " is in use by another newsgraph run (pid " +
                         std::to_string(holder) + "); wait for it to end, or pass --wait"),
      holder_(holder) {}

OutputLock::OutputLock(const std::string& folder, bool wait,
                       const std::function<void(pid_t)>& on_wait) {
    const std::string path = lock_path(folder);
    // O_NOFOLLOW and a regular file only: a planted link or FIFO must not be opened.
    fd_ = ::open(path.c_str(), O_RDWR | O_CREAT | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC, 0666);
    struct stat info {};
    if (fd_ < 0 || ::fstat(fd_, &info) != 0 || !S_ISREG(info.st_mode)) {
        const int error = fd_ < 0 ? errno : EINVAL;
        if (fd_ >= 0) ::close(fd_);
        throw std::runtime_error("cannot lock output folder " + folder + ": " + path + ": " +
                                 (error == EINVAL ? "not a regular file" : std::strerror(error)));
    }
    for (bool announced = false;;) {
        struct flock lock = whole_file_lock(F_WRLCK);
        if (::fcntl(fd_, F_SETLK, &lock) == 0) return;
        if (errno != EACCES && errno != EAGAIN && errno != EINTR) break;
        const pid_t holder = holder_of(fd_);
        if (holder == 0) continue;  // released in between: try again
        if (!wait) {
            ::close(fd_);
            throw OutputFolderBusy(folder, holder);
        }
        if (!announced && on_wait) on_wait(holder);
        announced = true;
        lock = whole_file_lock(F_WRLCK);
        if (::fcntl(fd_, F_SETLKW, &lock) == 0) return;
        if (errno != EINTR) break;
    }
    const int error = errno;
    ::close(fd_);
    throw std::runtime_error("cannot lock output folder " + folder + ": " + path + ": " +
                             std::strerror(error));
}

OutputLock::~OutputLock() {
    ::close(fd_);
}

}  // namespace newsgraph
