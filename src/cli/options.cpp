#include "src/cli/options.hpp"

#include <algorithm>
#include <climits>
#include <cstdlib>
#include <limits>
#include <set>
#include <stdexcept>
#include <thread>

#include "export/exporter.hpp"

namespace newsgraph {

const char* const kUsage =
    R"(newsgraph: a knowledge graph of the people, countries, organisations and
agreements in news articles, linked by typed relations with their evidence.

Usage:
  newsgraph build INPUT... [-o DIR] [options]     build the graph, write its exports
                                                  and graph.ngs (the graph as a file)
  newsgraph build INPUT... --update DIR [options] add the articles to DIR/graph.ngs,
                                                  rewrite DIR's files
  newsgraph extract INPUT... -o PART.ngs          a partial graph of some articles (map)
  newsgraph merge PART.ngs... [-o DIR|FILE.ngs]   merge partial graphs (reduce): into a
                                                  folder of exports, or into one .ngs
  newsgraph export GRAPH.ngs [-o DIR] [options]   write the exports of a graph.ngs again
  newsgraph annotate INPUT... [-o FILE]           every mention as JSON Lines
  newsgraph explain NAME INPUT... [--parse]       an entity: its names, why they were
                                                  merged, its relations with evidence
  newsgraph parse INPUT... [-o FILE]              words, tags, lemmas and dependency
                                                  trees as CoNLL-U
  newsgraph --help | --version

mpirun -n N newsgraph build ... splits the articles across N processes (built with
MPI; the output is the same as one process's).

INPUT is a text file (.txt, .md: one article), a JSON Lines file (.jsonl: one
article per line, {"text": ..., "id", "title", "url", "date", "source"}), a
directory (read recursively for those files), or - for standard input.
parse also reads CoNLL-U files (.conllu) named as INPUT: their words are kept as
given, tags, lemmas and trees predicted anew (to score against a treebank).

Options:
  -o, --output DIR        build, merge, export: where to write the graph files
                          (default: out); merge: a name ending in .ngs writes the
                          merged graph.ngs alone; extract: the .ngs file (needed)
                          annotate, parse: the file to write (default, or -:
                          standard output)
      --update DIR        build: add the INPUTs' articles to the graph in DIR (its
                          graph.ngs) and write DIR's files again; an article already
                          in it (same id, or same text) is skipped and named
      --wait              build, merge, export: if another run uses the same -o
                          folder, wait for it to end (default: fail at once, naming
                          its pid)
  -f, --format LIST       comma-separated formats, or all (default: all):
                            graphml  graph.graphml (Gephi, networkx, Neo4j APOC)
                            jsonld   graph.jsonld (schema.org RDF)
                            gexf     graph.gexf (GEXF 1.2draft for Gephi and networkx,
                                     with a timeline)
                            neo4j    neo4j/*.csv (neo4j-admin import: entities,
                                     articles, statements and their links) and
                                     neo4j/load.cypher (cypher-shell)
                            dot      graph.dot (the diagram, for Graphviz)
                            svg      graph.svg (the diagram, rendered; also png, pdf)
                            report   report.md and report.html (self-contained)
                            html     explorer.html (the graph to search, filter and
                                     click through in a browser, offline)
      --layout ENGINE     Graphviz layout of each connected group in the drawings and
                          the report's diagram: auto (dot, sfdp past 150 entities),
                          dot, neato, fdp, sfdp, circo, twopi (default: auto)
      --draw-limit N      draw at most N entities in dot/svg/png/pdf: whole connected
                          groups, largest first, as the diagram's title then says
                          (default: 500; 0: all)
      --draw-unrelated    also draw entities without a drawn relation (left out by
                          default, unless no entity has one)
      --max-png-px N      scale graph.png down to at most N pixels on its longest side
                          (default: 4000; 0: no limit)
      --draw-co-mentions  also draw co_mentioned edges in dot/svg/png/pdf (left out by
                          default; always present in the data formats)
      --draw-credits      also draw affiliations read only in credit lines and bylines
                          (provenance: credit; left out of drawings and measures)
      --gexf-mixed        graph.gexf as a mixed graph, symmetric relations undirected
                          (Gephi reads it; networkx reads no mixed graph)
      --replace           neo4j/load.cypher first deletes what an earlier load wrote,
                          instead of merging into it
  -j, --jobs N            build, extract, annotate, explain: extract N articles
                          at once; build, merge, export: write N files at once
                          (default: every core); the output is the same for any N
      --evidence-cap N    evidence sentences kept per relation, all counted in its
                          weight (default: 5)
      --max-file-size N   skip input files larger than N bytes; K, M, G suffixes
                          (default: 64M)
      --data DIR          gazetteers and word lists (default: data/ next to the
                          executable, or $NEWSGRAPH_DATA)
      --models DIR        the tagger, parser and mention tagger models,
                          tagger.model, parser.model and mentions.model
                          (default: models/ in the data folder)
      --parse             explain: under each evidence sentence, its words as a
                          dependency tree (id, form, tag, head, relation)
  -q, --quiet             no summary on stdout
  -h, --help              this text
  -V, --version           the version

Filters, applied to every format (network measures are of the whole graph):
      --focus NAME        only NAME (an entity id, name or alias) and the entities
                          within --depth relations of it
      --depth N           with --focus: how many relations away (default: 1)
      --types LIST        only these entity types (Person, Country, Organisation,
                          Agreement, Location)
      --relations LIST    only these relations (leader_of, met_with, ...); entities
                          left without any are dropped
      --min-weight N      only relations stated in at least N sentences; entities
                          left without any are dropped
      --min-confidence X  only relations whose rule is right at least this often
                          (0 to 1: the precision measured by hand on news, in
                          data/rule_precision.tsv); co_mentioned is kept
      --top N             only the N entities of highest PageRank

build, merge and export also write graph.ngs, the graph before cross-article
resolution (docs/snapshot.md): merge, export and build --update read it.

build writes every file beside its place first and renames them into place together,
manifest.json last (it lists each file with its size and SHA-256): a failed or
interrupted run leaves the older files as they were. One run at a time uses a folder
(a lock on DIR/.newsgraph.lock); see --wait.

Exit status: 0 all inputs read and all files written; 1 some inputs skipped (the files
written), or some files could not be written (each named on stderr; then none is put
in place, the older ones stay); 2 usage error, data or models that cannot be loaded,
an output folder in use or not writable, or nothing could be built, parsed or written.
)";

namespace {

std::size_t parse_size(const std::string& flag, const std::string& value) {
    std::size_t pos = 0;
    unsigned long long n = 0;
    try {
        n = std::stoull(value, &pos);
    } catch (const std::exception&) {
        throw std::invalid_argument(flag + " takes a number, got '" + value + "'");
    }
    std::string suffix = value.substr(pos);
    unsigned long long scale = suffix.empty()                   ? 1
                               : suffix == "K" || suffix == "k" ? 1ull << 10
                               : suffix == "M" || suffix == "m" ? 1ull << 20
                               : suffix == "G" || suffix == "g" ? 1ull << 30
                                                                : 0;
    if (scale == 0 || value[0] == '-')
        throw std::invalid_argument(flag + " takes a number (K, M or G suffix allowed), got '" +
                                    value + "'");
    // 17179869184G is 2^64 bytes: multiplied, it wraps to 0 and would skip every file.
    if (n > std::numeric_limits<std::size_t>::max() / scale)
        throw std::invalid_argument(flag + " is too large, got '" + value + "'");
    return static_cast<std::size_t>(n * scale);
}

std::vector<std::string> parse_formats(const std::string& list) {
    std::vector<std::string> formats;
    const auto known = export_formats();
    std::size_t start = 0;
    while (start <= list.size()) {
        std::size_t comma = list.find(',', start);
        std::string f = list.substr(start, comma == std::string::npos ? comma : comma - start);
        start = comma == std::string::npos ? list.size() + 1 : comma + 1;
        if (f.empty()) continue;
        if (f == "all") {
            formats.assign(known.begin(), known.end());
            continue;
        }
        if (std::find(known.begin(), known.end(), f) == known.end()) {
            std::string names;
            for (auto k : known) names += std::string(names.empty() ? "" : ", ") + std::string(k);
            throw std::invalid_argument("unknown format '" + f + "' (known: " + names + ", all)");
        }
        if (std::find(formats.begin(), formats.end(), f) == formats.end()) formats.push_back(f);
    }
    if (formats.empty()) throw std::invalid_argument("--format needs at least one format");
    return formats;
}

std::vector<std::string> split_list(const std::string& list) {
    std::vector<std::string> items;
    std::size_t start = 0;
    while (start <= list.size()) {
        const std::size_t comma = list.find(',', start);
        const std::size_t end = comma == std::string::npos ? list.size() : comma;
        if (end > start) items.push_back(list.substr(start, end - start));
        start = end + 1;
    }
    return items;
}

std::set<EntityType> parse_types(const std::string& flag, const std::string& list) {
    std::set<EntityType> types;
    for (const std::string& name : split_list(list)) {
        const auto type = parse_entity_type(name);
        if (!type)
            throw std::invalid_argument(flag + ": unknown entity type '" + name +
                                        "' (known: Person, Country, Organisation, Agreement, "
                                        "Location)");
        types.insert(*type);
    }
    if (types.empty()) throw std::invalid_argument(flag + " needs at least one type");
    return types;
}

std::set<Relation> parse_relations(const std::string& flag, const std::string& list) {
    std::set<Relation> relations;
    for (const std::string& name : split_list(list)) {
        const auto relation = parse_relation(name);
        if (!relation) {
            std::string known;
            for (int r = 0; r < kRelationCount; ++r)
                known += (known.empty() ? "" : ", ") + std::string(to_string(Relation(r)));
            throw std::invalid_argument(flag + ": unknown relation '" + name +
                                        "' (known: " + known + ")");
        }
        relations.insert(*relation);
    }
    if (relations.empty()) throw std::invalid_argument(flag + " needs at least one relation");
    return relations;
}

}  // namespace

Command parse_command_line(const std::vector<std::string>& args) {
    Command cmd;
    if (args.empty()) throw std::invalid_argument("missing command (try 'newsgraph --help')");
    if (args[0] == "-h" || args[0] == "--help" || args[0] == "help") return cmd;
    if (args[0] == "-V" || args[0] == "--version") {
        cmd.kind = CommandKind::Version;
        return cmd;
    }
    if (args[0] == "build") {
        cmd.kind = CommandKind::Build;
    } else if (args[0] == "extract") {
        cmd.kind = CommandKind::Extract;
        cmd.build.output_dir.clear();
    } else if (args[0] == "merge") {
        cmd.kind = CommandKind::Merge;
    } else if (args[0] == "export") {
        cmd.kind = CommandKind::Export;
    } else if (args[0] == "annotate") {
        cmd.kind = CommandKind::Annotate;
        cmd.build.output_dir.clear();
    } else if (args[0] == "explain") {
        cmd.kind = CommandKind::Explain;
    } else if (args[0] == "parse") {
        cmd.kind = CommandKind::Parse;
        cmd.build.output_dir.clear();
    } else {
        throw std::invalid_argument("unknown command '" + args[0] + "' (try 'newsgraph --help')");
    }
    BuildOptions& o = cmd.build;
    bool only_inputs = false;
    for (std::size_t i = 1; i < args.size(); ++i) {
        const std::string& a = args[i];
        auto value = [&](const std::string& flag) -> std::string {
            if (i + 1 >= args.size()) throw std::invalid_argument(flag + " needs a value");
            return args[++i];
        };
        // --flag=value is accepted too.
        std::string flag = a, inline_value;
        if (!only_inputs && a.rfind("--", 0) == 0 && a.find('=') != std::string::npos) {
            flag = a.substr(0, a.find('='));
            inline_value = a.substr(a.find('=') + 1);
        }
        auto arg = [&](const std::string& f) { return flag == a ? value(f) : inline_value; };
        if (only_inputs || a == "-" || a.empty() || a[0] != '-') {
            o.inputs.push_back(a);
        } else if (a == "--") {
            only_inputs = true;
        } else if (flag == "-o" || flag == "--output") {
            o.output_dir = arg(flag);
            o.output_given = true;
        } else if (flag == "--update") {
            if (cmd.kind != CommandKind::Build)
                throw std::invalid_argument(
                    "--update is an option of build (the folder to add to)");
            o.update_dir = arg(flag);
            if (o.update_dir.empty()) throw std::invalid_argument("--update needs a folder");
        } else if (flag == "-f" || flag == "--format") {
            o.formats = parse_formats(arg(flag));
        } else if (flag == "--layout") {
            o.layout = arg(flag);
        } else if (flag == "--draw-limit") {
            o.draw_limit = parse_size(flag, arg(flag));
        } else if (flag == "--draw-unrelated") {
            o.draw_unrelated = true;
        } else if (flag == "--max-png-px") {
            o.max_png_px = parse_size(flag, arg(flag));
        } else if (flag == "--draw-co-mentions") {
            o.draw_co_mentions = true;
        } else if (flag == "--draw-credits") {
            o.draw_credits = true;
        } else if (flag == "--gexf-mixed") {
            o.gexf_mixed = true;
        } else if (flag == "--replace") {
            o.neo4j_replace = true;
        } else if (flag == "--evidence-cap") {
            o.evidence_cap = parse_size(flag, arg(flag));
            if (o.evidence_cap == 0)
                throw std::invalid_argument("--evidence-cap must be at least 1");
            o.evidence_cap_given = true;
        } else if (flag == "-j" || flag == "--jobs") {
            o.jobs = parse_size(flag, arg(flag));
            if (o.jobs == 0 || o.jobs > 1024)
                throw std::invalid_argument("--jobs must be from 1 to 1024");
        } else if (flag == "--max-file-size") {
            o.max_file_bytes = parse_size(flag, arg(flag));
        } else if (flag == "--focus") {
            o.filter.focus = arg(flag);
            if (o.filter.focus.empty()) throw std::invalid_argument("--focus needs a name");
        } else if (flag == "--depth") {
            o.filter.depth = parse_size(flag, arg(flag));
        } else if (flag == "--types") {
            o.filter.types = parse_types(flag, arg(flag));
        } else if (flag == "--relations") {
            o.filter.relations = parse_relations(flag, arg(flag));
        } else if (flag == "--min-weight") {
            o.filter.min_weight =
                static_cast<int>(std::min<std::size_t>(parse_size(flag, arg(flag)), INT_MAX));
        } else if (flag == "--min-confidence") {
            const std::string value = arg(flag);
            char* end = nullptr;
            const double x = std::strtod(value.c_str(), &end);
            if (value.empty() || *end != '\0' || !(x >= 0.0 && x <= 1.0))
                throw std::invalid_argument("--min-confidence wants a number from 0 to 1, not '" +
                                            value + "'");
            o.filter.min_confidence = x;
        } else if (flag == "--top") {
            o.filter.top = parse_size(flag, arg(flag));
            if (o.filter.top == 0) throw std::invalid_argument("--top must be at least 1");
        } else if (flag == "--data") {
            o.data_dir = arg(flag);
        } else if (flag == "--models") {
            o.models_dir = arg(flag);
            if (o.models_dir.empty()) throw std::invalid_argument("--models needs a folder");
        } else if (flag == "--parse") {
            if (cmd.kind != CommandKind::Explain)
                throw std::invalid_argument(
                    "--parse is an option of explain (every sentence's "
                    "tree: 'newsgraph parse INPUT...')");
            o.show_parse = true;
        } else if (flag == "--wait") {
            if (cmd.kind != CommandKind::Build && cmd.kind != CommandKind::Merge &&
                cmd.kind != CommandKind::Export)
                throw std::invalid_argument(
                    "--wait is an option of build, merge and export (their -o folder)");
            o.wait_for_output = true;
        } else if (flag == "-q" || flag == "--quiet") {
            o.quiet = true;
        } else if (flag == "-h" || flag == "--help") {
            cmd.kind = CommandKind::Help;
            return cmd;
        } else {
            throw std::invalid_argument("unknown option '" + a + "' (try 'newsgraph --help')");
        }
    }
    if (cmd.kind == CommandKind::Explain) {
        if (o.inputs.empty()) throw std::invalid_argument("explain needs a NAME and an INPUT");
        o.name = o.inputs.front();
        o.inputs.erase(o.inputs.begin());
    }
    if (o.inputs.empty() && (cmd.kind == CommandKind::Merge || cmd.kind == CommandKind::Export))
        throw std::invalid_argument(args[0] +
                                    " needs a .ngs file (a graph.ngs, or a part "
                                    "newsgraph extract wrote)");
    if (o.inputs.empty())
        throw std::invalid_argument(args[0] +
                                    " needs at least one INPUT (a file, a directory or -)");
    if (cmd.kind == CommandKind::Export && o.inputs.size() > 1)
        throw std::invalid_argument("export reads one .ngs file (merge reads several)");
    // "-o -" for the commands that write one stream is standard output, as the default is,
    // not a file named "-".
    if ((cmd.kind == CommandKind::Annotate || cmd.kind == CommandKind::Parse) &&
        o.output_dir == "-")
        o.output_dir.clear();
    if (cmd.kind == CommandKind::Extract && o.output_dir.empty())
        throw std::invalid_argument("extract needs -o PART.ngs, the file to write");
    if (!o.update_dir.empty()) {
        if (o.output_given && o.output_dir != o.update_dir)
            throw std::invalid_argument("--update DIR writes into DIR: -o " + o.output_dir +
                                        " would be another folder");
        o.output_dir = o.update_dir;
    }
    if (o.formats.empty()) {
        const auto known = export_formats();
        o.formats.assign(known.begin(), known.end());
    }
    const std::vector<std::string> layouts = {"auto", "dot",   "neato", "fdp",
                                              "sfdp", "circo", "twopi"};
    if (std::find(layouts.begin(), layouts.end(), o.layout) == layouts.end())
        throw std::invalid_argument("unknown layout '" + o.layout +
                                    "' (known: auto, dot, neato, fdp, sfdp, circo, twopi)");
    return cmd;
}

std::size_t job_count(const BuildOptions& options) {
    if (options.jobs != 0) return options.jobs;
    return std::max(1u, std::thread::hardware_concurrency());
}

}  // namespace newsgraph
