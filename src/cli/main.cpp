// newsgraph's command line: parses arguments and hands over to the command.
#include <signal.h>

#include <iostream>
#include <stdexcept>
#include <string>
#include <vector>

#include "export/atomic_file.hpp"
#include "src/cli/annotate_command.hpp"
#include "src/cli/build_command.hpp"
#include "src/cli/explain_command.hpp"
#include "src/cli/export_command.hpp"
#include "src/cli/extract_command.hpp"
#include "src/cli/merge_command.hpp"
#include "src/cli/options.hpp"
#include "src/cli/parse_command.hpp"
#include "src/cli/progress.hpp"

namespace {

// Interrupted (Ctrl-C, kill, a closed terminal): the outputs being written are temporary
// files that would stay behind, since no destructor runs. Remove them, then die of the
// signal as if there were no handler, so the caller sees how the process ended.
extern "C" void on_terminating_signal(int signal_number) {
    newsgraph::remove_uncommitted_temp_files();
    struct sigaction default_action {};
    default_action.sa_handler = SIG_DFL;
    sigemptyset(&default_action.sa_mask);
    sigaction(signal_number, &default_action, nullptr);
    raise(signal_number);  // delivered when the handler returns
}

void install_signal_handlers() {
    for (const int signal_number : {SIGINT, SIGTERM, SIGHUP}) {
        struct sigaction action {
        }, previous{};
        action.sa_handler = on_terminating_signal;
        sigemptyset(&action.sa_mask);
        if (sigaction(signal_number, nullptr, &previous) == 0 && previous.sa_handler == SIG_IGN)
            continue;  // ignored by whoever started us (nohup, a background job): keep it so
        sigaction(signal_number, &action, nullptr);
    }
    // Over a file size limit (ulimit -f), a write fails with EFBIG and is reported like a
    // full disk, instead of SIGXFSZ killing the process half-way.
    struct sigaction ignore {};
    ignore.sa_handler = SIG_IGN;
    sigemptyset(&ignore.sa_mask);
    sigaction(SIGXFSZ, &ignore, nullptr);
}

}  // namespace

int main(int argc, char** argv) {
    using namespace newsgraph;
    install_signal_handlers();
    std::vector<std::string> args(argv + 1, argv + argc);
    Command cmd;
    try {
        cmd = parse_command_line(args);
    } catch (const std::invalid_argument& e) {
        std::cerr << "newsgraph: " << e.what() << '\n';
        return 2;
    }
    cmd.build.progress = !cmd.build.quiet && Progress::stderr_is_terminal();
    switch (cmd.kind) {
        case CommandKind::Help:
            std::cout << kUsage;
            return 0;
        case CommandKind::Version:
            std::cout << "newsgraph " << NEWSGRAPH_VERSION << '\n';
            return 0;
        case CommandKind::Build:
            return run_build(cmd.build, std::cin, std::cout, std::cerr);
        case CommandKind::Extract:
            return run_extract(cmd.build, std::cin, std::cout, std::cerr);
        case CommandKind::Merge:
            return run_merge(cmd.build, std::cout, std::cerr);
        case CommandKind::Export:
            return run_export(cmd.build, std::cout, std::cerr);
        case CommandKind::Annotate:
            return run_annotate(cmd.build, std::cin, std::cout, std::cerr);
        case CommandKind::Explain:
            return run_explain(cmd.build, std::cin, std::cout, std::cerr);
        case CommandKind::Parse:
            return run_parse(cmd.build, std::cin, std::cout, std::cerr);
    }
    return 2;
}
