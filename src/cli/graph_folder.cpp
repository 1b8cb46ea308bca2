#include "src/cli/graph_folder.hpp"

#include <filesystem>
#include <functional>
#include <map>
#include <ostream>
#include <stdexcept>
#include <string>
#include <vector>

#include "export/atomic_file.hpp"
#include "export/exporter.hpp"
#include "export/output_set.hpp"
#include "graph/analysis.hpp"
#include "graph/cross_document.hpp"
#include "graph/filters.hpp"

namespace newsgraph {
namespace {

void print_summary(const RunReport& report, const KnowledgeGraph& graph,
                   const KnowledgeGraph* filtered, const std::vector<std::string>& written,
                   std::ostream& out) {
    const Graph& g = graph.graph();
    std::map<EntityType, int> by_type;
    for (Vertex v : boost::make_iterator_range(boost::vertices(g))) ++by_type[g[v].type];
    std::map<Relation, int> by_relation;
    for (Edge e : boost::make_iterator_range(boost::edges(g))) ++by_relation[g[e].relation];

    const std::size_t total = graph.documents().size();
    const std::size_t shown = report.read_articles ? report.articles : total;
    out << (report.read_articles ? "read       " : "loaded     ") << shown
        << (shown == 1 ? " article" : " articles");
    if (report.processes > 1) out << " in " << report.processes << " processes";
    if (report.already_present)
        out << " (" << report.already_present << " already in the graph, skipped)";
    if (report.read_articles && total != report.articles) out << "; the graph holds " << total;
    if (report.problems)
        out << " (" << report.problems << " input problem" << (report.problems == 1 ? "" : "s")
            << " reported on stderr)";
    if (report.warnings)
        out << " (" << report.warnings << " warning" << (report.warnings == 1 ? "" : "s")
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

bool lock_output_folder(const BuildOptions& options, std::optional<OutputLock>& lock,
                        Progress& progress, std::ostream& err) {
    try {
        lock.emplace(options.output_dir, options.wait_for_output, [&](pid_t holder) {
            progress.clear();
            err << "newsgraph: output folder " << options.output_dir
                << " is in use by another newsgraph run (pid " << holder << "): waiting for it\n";
        });
        return true;
    } catch (const std::runtime_error& e) {
        progress.clear();
        err << "newsgraph: " << e.what() << "\nnewsgraph: nothing written\n";
        return false;
    }
}

bool write_snapshot_file(const Snapshot& snapshot, const std::string& path, Progress& progress,
                         std::ostream& err) {
    try {
        progress.step("writing " + path);
        AtomicFile file(path);
        write_snapshot(snapshot, file.stream());
        file.commit();
    } catch (const std::exception& e) {
        progress.clear();
        err << "newsgraph: " << e.what() << "\nnewsgraph: nothing written\n";
        return false;
    }
    progress.clear();
    return true;
}

int write_graph_folder(const BuildOptions& options, Snapshot snapshot, const RunReport& report,
                       std::optional<OutputLock>& lock, Progress& progress, std::ostream& out,
                       std::ostream& err) {
    std::optional<OutputSet> outputs;
    auto open_output_folder = [&] {
        std::error_code ec;
        std::filesystem::create_directories(options.output_dir, ec);
        if (ec) {
            progress.clear();
            err << "newsgraph: cannot create output folder " << options.output_dir << ": "
                << ec.message() << '\n';
            return false;
        }
        if (!lock && !lock_output_folder(options, lock, progress, err)) return false;
        outputs.emplace(options.output_dir);
        return true;
    };
    bool export_failed = false;
    auto stage_snapshot = [&](const std::function<void(std::ostream&)>& write) {
        try {
            outputs->stage_written(kSnapshotFileName, write);
        } catch (const std::exception& e) {
            progress.clear();
            err << "newsgraph: " << e.what() << '\n';
            export_failed = true;
        }
    };

    // The snapshot is the graph before resolution: written first, so that the graph itself
    // can be resolved in place rather than copied. Without a filter nothing can stop the run
    // before its files are written, so the folder is made now and the snapshot written
    // straight to its file, not held in memory through resolution and the exports (95 MB
    // for 100 MB of news); a filter may name no entity of the graph, and then nothing is
    // written, no folder made: its bytes are held until the filter has run.
    progress.step("writing the graph snapshot");
    std::string snapshot_file;
    if (!options.filter.active()) {
        if (!open_output_folder()) return 2;
        stage_snapshot([&](std::ostream& file) { write_snapshot(snapshot, file); });
    } else {
        snapshot_file = snapshot_bytes(snapshot);
    }
    const std::uint64_t inputs = snapshot.inputs;
    KnowledgeGraph graph = std::move(snapshot.graph);
    progress.step("resolving names across articles");
    resolve_across_documents(graph);

    // Measured on the whole graph, so that a filtered export keeps each entity's place in
    // the whole story (and --top has something to rank by).
    progress.step("measuring centrality");
    const Centrality centrality = analyse(graph);
    add_centrality_attributes(graph, centrality);
    std::optional<KnowledgeGraph> filtered;
    if (options.filter.active()) {
        try {
            filtered = filter_graph(graph, options.filter, centrality.pagerank);
        } catch (const std::invalid_argument& e) {
            progress.clear();
            err << "newsgraph: " << e.what() << "\nnewsgraph: nothing written\n";
            return 2;
        }
    }
    const KnowledgeGraph& exported = filtered ? *filtered : graph;

    if (!outputs) {
        if (!open_output_folder()) return 2;
        stage_snapshot([&](std::ostream& file) {
            file.write(snapshot_file.data(), static_cast<std::streamsize>(snapshot_file.size()));
        });
        snapshot_file = std::string();
    }

    ExportOptions export_options;
    export_options.layout = options.layout;
    export_options.draw_co_mentions = options.draw_co_mentions;
    export_options.draw_limit = options.draw_limit;
    export_options.draw_unrelated = options.draw_unrelated;
    export_options.max_png_px = options.max_png_px;
    export_options.draw_credits = options.draw_credits;
    export_options.gexf_mixed = options.gexf_mixed;
    export_options.neo4j_replace = options.neo4j_replace;
    std::vector<std::unique_ptr<Exporter>> exporters;
    for (const auto& format : options.formats)
        for (auto& exporter : make_exporters(format)) exporters.push_back(std::move(exporter));
    std::vector<const Exporter*> writers;
    for (const auto& exporter : exporters) writers.push_back(exporter.get());
    // The files, named while a few (written at once, so none is "the one under way").
    std::string writing = "writing ";
    if (writers.size() <= 4) {
        for (std::size_t i = 0; i < writers.size(); ++i)
            writing += (i > 0 ? ", " : "") + std::string(writers[i]->file_name());
    } else {
        writing += std::to_string(writers.size()) + " files";
    }
    progress.step(writing + " in " + options.output_dir);
    const std::vector<std::string> errors =
        outputs->stage_all(writers, exported, export_options, job_count(options));
    std::size_t exports_staged = 0;  // graph.ngs aside: none means nothing was built
    for (const std::string& error : errors) {
        if (error.empty()) {
            ++exports_staged;
            continue;
        }
        progress.clear();
        err << "newsgraph: " << error << '\n';
        export_failed = true;
    }
    const std::vector<std::string> staged = outputs->staged_paths();
    std::vector<std::string> written;
    if (!export_failed && !staged.empty()) {
        try {
            const std::string manifest = outputs->publish(
                {NEWSGRAPH_VERSION, static_cast<std::size_t>(inputs), graph.documents().size()});
            written = staged;
            written.push_back(manifest);
        } catch (const std::exception& e) {
            progress.clear();
            err << "newsgraph: " << e.what() << '\n';
            export_failed = true;
        }
    }
    progress.clear();
    // One set or none: the files that were written are not put beside older ones.
    if (written.empty() && !staged.empty() && outputs->renamed() == 0)
        err << "newsgraph: no file put in place; the older files in " << options.output_dir
            << " are as they were\n";
    if (!options.quiet) print_summary(report, graph, filtered ? &*filtered : nullptr, written, out);
    if (exports_staged == 0) return 2;
    return report.problems == 0 && !export_failed ? 0 : 1;
}

}  // namespace newsgraph
