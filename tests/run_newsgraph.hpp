// Running the newsgraph binary as a user would, for the end-to-end tests: arguments in,
// exit status or signal and both output streams back.
#pragma once

#include <fcntl.h>
#include <grp.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cerrno>
#include <csignal>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "tests/temp_dir.hpp"

namespace newsgraph::testing {

struct RunOptions {
    rlim_t file_size_limit = RLIM_INFINITY;  // RLIMIT_FSIZE of the child: a disk that fills
    bool as_nobody = false;                  // when root: drop to uid/gid 65534 first
    // Called with the child's pid while it runs (to signal it); the run is then awaited.
    std::function<void(pid_t)> while_running;
};

struct RunResult {
    int exit_status = -1;  // when it exited
    int signal = 0;        // when a signal ended it
    std::string out, err;
};

// Runs the newsgraph binary with `args`, stdin from /dev/null, stdout and stderr captured
// through files in `scratch` (which must exist and is not an input).
inline RunResult run_newsgraph(const std::vector<std::string>& args,
                               const std::filesystem::path& scratch,
                               const RunOptions& options = {}) {
    const std::string out_path = (scratch / "stdout.log").string();
    const std::string err_path = (scratch / "stderr.log").string();
    const int out = ::open(out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
    const int err = ::open(err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
    const int in = ::open("/dev/null", O_RDONLY | O_CLOEXEC);
    REQUIRE((out >= 0 && err >= 0 && in >= 0));
    std::vector<std::string> argv_strings{NEWSGRAPH_BINARY};
    argv_strings.insert(argv_strings.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (std::string& a : argv_strings) argv.push_back(a.data());
    argv.push_back(nullptr);

    const pid_t pid = ::fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {  // the child: only async-signal-safe calls until exec
        // Signals as a terminal would deliver them, even if whoever runs the tests ignores
        // or blocks some (a background job ignores SIGINT).
        for (const int signal_number : {SIGINT, SIGTERM, SIGHUP}) ::signal(signal_number, SIG_DFL);
        sigset_t none;
        sigemptyset(&none);
        ::sigprocmask(SIG_SETMASK, &none, nullptr);
        ::dup2(in, 0);
        ::dup2(out, 1);
        ::dup2(err, 2);
        if (options.file_size_limit != RLIM_INFINITY) {
            rlimit limit{};
            ::getrlimit(RLIMIT_FSIZE, &limit);
            limit.rlim_cur = options.file_size_limit;
            ::setrlimit(RLIMIT_FSIZE, &limit);
        }
        if (options.as_nobody && ::geteuid() == 0 &&
            (::setgroups(0, nullptr) != 0 || ::setgid(65534) != 0 || ::setuid(65534) != 0))
            ::_exit(126);
        ::execv(argv[0], argv.data());
        ::_exit(127);
    }
    ::close(out);
    ::close(err);
    ::close(in);
    if (options.while_running) options.while_running(pid);
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    RunResult result;
    if (WIFEXITED(status)) result.exit_status = WEXITSTATUS(status);
    if (WIFSIGNALED(status)) result.signal = WTERMSIG(status);
    result.out = read_file(out_path);
    result.err = read_file(err_path);
    return result;
}

}  // namespace newsgraph::testing
