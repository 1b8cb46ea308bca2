// Command-line options of every command, parsed without side effects so they can be tested.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "graph/filters.hpp"

namespace newsgraph {

struct BuildOptions {
    std::vector<std::string> inputs;
    // build, merge, export: a folder (merge: or a .ngs file); annotate, parse: a file ("" =
    // stdout); extract: the .ngs file.
    std::string output_dir = "out";
    bool output_given = false;  // -o was given
    // build --update DIR: add the inputs to the graph DIR/graph.ngs holds, rewrite DIR's files.
    std::string update_dir;
    std::string name;                  // explain: the entity to explain
    std::vector<std::string> formats;  // empty: every format
    std::string data_dir;              // empty: found next to the executable
    std::string models_dir;            // tagger and parser; empty: <data dir>/models
    bool show_parse = false;           // explain: the tree of each evidence sentence
    std::size_t max_file_bytes = 64u << 20;
    std::size_t evidence_cap = 5;
    bool evidence_cap_given = false;  // --evidence-cap was given
    std::string layout = "auto";
    bool draw_co_mentions = false;
    bool draw_credits = false;     // --draw-credits
    bool gexf_mixed = false;       // --gexf-mixed
    bool neo4j_replace = false;    // --replace
    std::size_t draw_limit = 500;  // entities drawn (dot, svg, png, pdf); 0: all
    // --draw-unrelated: also draw entities without a drawn relation.
    bool draw_unrelated = false;
    // --max-png-px: graph.png at most this many pixels on its longest side; 0: no limit.
    std::size_t max_png_px = 4000;
    bool quiet = false;
    // build, annotate, explain: articles read, parsed and extracted at once (--jobs); 0:
    // every core (std::thread::hardware_concurrency()). The output is the same for any value.
    std::size_t jobs = 0;
    // build: when another run holds the output folder's lock, wait for it instead of failing.
    bool wait_for_output = false;
    // Progress on stderr; main() sets it when stderr is a terminal and not --quiet.
    bool progress = false;
    GraphFilter filter;  // --focus, --depth, --types, --relations, --min-weight,
                         // --min-confidence, --top
};

enum class CommandKind { Build, Extract, Merge, Export, Annotate, Explain, Parse, Help, Version };

struct Command {
    CommandKind kind = CommandKind::Help;
    BuildOptions build;
};

// Throws std::invalid_argument with a message fit to show the user.
Command parse_command_line(const std::vector<std::string>& args);

// --jobs, or every core when it is not given.
std::size_t job_count(const BuildOptions& options);

extern const char* const kUsage;

}  // namespace newsgraph
