// newsgraph's command line: parses arguments and hands over to the command.
#include <iostream>
#include <stdexcept>
#include <string>
#include <vector>

#include "src/cli/annotate_command.hpp"
#include "src/cli/build_command.hpp"
#include "src/cli/explain_command.hpp"
#include "src/cli/options.hpp"

int main(int argc, char** argv) {
    using namespace newsgraph;
    std::vector<std::string> args(argv + 1, argv + argc);
    Command cmd;
    try {
        cmd = parse_command_line(args);
    } catch (const std::invalid_argument& e) {
        std::cerr << "newsgraph: " << e.what() << '\n';
        return 2;
    }
    switch (cmd.kind) {
        case CommandKind::Help:
            std::cout << kUsage;
            return 0;
        case CommandKind::Version:
            std::cout << "newsgraph " << NEWSGRAPH_VERSION << '\n';
            return 0;
        case CommandKind::Build:
            return run_build(cmd.build, std::cin, std::cout, std::cerr);
        case CommandKind::Annotate:
            return run_annotate(cmd.build, std::cin, std::cout, std::cerr);
        case CommandKind::Explain:
            return run_explain(cmd.build, std::cin, std::cout, std::cerr);
    }
    return 2;
}
