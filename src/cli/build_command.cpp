#include "src/cli/build_command.hpp"

#include <filesystem>
#include <map>
#include <optional>
#include <ostream>

#include "export/exporter.hpp"
#include "graph/analysis.hpp"
#include "graph/filters.hpp"
#include "src/cli/corpus.hpp"

namespace newsgraph {
namespace {

void print_summary(const Corpus& corpus, const KnowledgeGraph* filtered,
                   const std::vector<std::string>& written, std::ostream& out) {
    const Graph& g = corpus.graph.graph();
    std::map<EntityType, int> by_type;
    for (Vertex v : boost::make_iterator_range(boost::vertices(g))) ++by_type[g[v].type];
    std::map<Relation, int> by_relation;
    for (Edge e : boost::make_iterator_range(boost::edges(g))) ++by_relation[g[e].relation];

    out << "read       " << corpus.articles << (corpus.articles == 1 ? " article" : " articles");
    if (corpus.problems)
        out << " (" << corpus.problems << " input problem" << (corpus.problems == 1 ? "" : "s")
            << " reported on stderr)";
    if (corpus.warnings)
        out << " (" << corpus.warnings << " warning" << (corpus.warnings == 1 ? "" : "s")
            << " on stderr)";
    out << "\nentities   " << boost::num_vertices(g);
    const char* sep = ": ";
    for (auto [type, n] : by_type) out << sep << n << ' ' << to_string(type), sep = ", ";
    out << "\nrelations  " << boost::num_edges(g);
    sep = ": ";
    for (auto [rel, n] : by_relation) out << sep << n << ' ' << to_string(rel), sep = ", ";
    if (filtered)
        out << "\nfiltered   " << boost::num_vertices(filtered->graph()) << " entities, "
            << boost::num_edges(filtered->graph()) << " relations written";
    out << "\nwrote      ";
    sep = "";
    for (const auto& path : written) out << sep << path, sep = ", ";
    out << (written.empty() ? "nothing\n" : "\n");
}

}  // namespace

int run_build(const BuildOptions& options, std::istream& in, std::ostream& out, std::ostream& err) {
    Progress progress(err, options.progress);
    std::optional<Corpus> corpus = build_corpus(options, in, err, progress);
    if (!corpus) {
        err << "newsgraph: nothing written\n";
        return 2;
    }

    // Measured on the whole graph, so that a filtered export keeps each entity's place in
    // the whole story (and --top has something to rank by).
    progress.step("measuring centrality");
    const Centrality centrality = analyse(corpus->graph);
    add_centrality_attributes(corpus->graph, centrality);
    std::optional<KnowledgeGraph> filtered;
    if (options.filter.active()) {
        try {
            filtered = filter_graph(corpus->graph, options.filter, centrality.pagerank);
        } catch (const std::invalid_argument& e) {
            progress.clear();
            err << "newsgraph: " << e.what() << "\nnewsgraph: nothing written\n";
            return 2;
        }
    }
    const KnowledgeGraph& exported = filtered ? *filtered : corpus->graph;

    std::error_code ec;
    std::filesystem::create_directories(options.output_dir, ec);
    if (ec) {
        progress.clear();
        err << "newsgraph: cannot create output folder " << options.output_dir << ": "
            << ec.message() << '\n';
        return 2;
    }
    ExportOptions export_options;
    export_options.layout = options.layout;
    export_options.draw_co_mentions = options.draw_co_mentions;
    export_options.draw_limit = options.draw_limit;
    export_options.draw_credits = options.draw_credits;
    export_options.gexf_mixed = options.gexf_mixed;
    export_options.neo4j_replace = options.neo4j_replace;
    std::vector<std::string> written;
    bool export_failed = false;
    for (const auto& format : options.formats) {
        for (const auto& exporter : make_exporters(format)) {
            const std::filesystem::path path =
                std::filesystem::path(options.output_dir) / std::string(exporter->file_name());
            progress.step("writing " + path.string());
            try {
                // Formats of several files keep them in a subfolder (neo4j/).
                std::filesystem::create_directories(path.parent_path());
                write_export_file(path.string(), *exporter, exported, export_options);
                written.push_back(path.string());
            } catch (const std::exception& e) {
                progress.clear();
                err << "newsgraph: " << e.what() << '\n';
                export_failed = true;
            }
        }
    }
    progress.clear();
    if (!options.quiet) print_summary(*corpus, filtered ? &*filtered : nullptr, written, out);
    if (written.empty()) return 2;
    return corpus->problems == 0 && !export_failed ? 0 : 1;
}

}  // namespace newsgraph
