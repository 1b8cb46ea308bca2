// One run at a time in an output folder: a lock on FOLDER/.newsgraph.lock, held while the
// run writes and publishes its files, so that two runs never mix their files in one folder.
// The kernel releases it when its process ends, however it ends (SIGKILL, a crash), so a dead
// run never leaves the folder locked.
#pragma once

#include <sys/types.h>

#include <functional>
#include <stdexcept>
#include <string>

namespace newsgraph {

inline constexpr const char* kOutputLockFileName = ".newsgraph.lock";

// Another process holds the lock, and the caller asked not to wait.
class OutputFolderBusy : public std::runtime_error {
  public:
    OutputFolderBusy(const std::string& folder, pid_t holder);
    pid_t holder() const { return holder_; }

  private:
    pid_t holder_;
};

class OutputLock {
  public:
    // Creates the lock file if needed and locks it. When another process holds it: throws
    // OutputFolderBusy, or with `wait` calls `on_wait` with the holder's pid and blocks until
    // it is released. Throws std::runtime_error when the lock file cannot be opened.
    OutputLock(const std::string& folder, bool wait,
               const std::function<void(pid_t holder)>& on_wait = {});
    ~OutputLock();  // releases the lock; the file stays (removing it would race a waiter)
    OutputLock(const OutputLock&) = delete;
    OutputLock& operator=(const OutputLock&) = delete;

  private:
    int fd_ = -1;
};

}  // namespace newsgraph
