// One writer per format behind one small interface. Writers read the graph; they never
// reach back into extraction.
#pragma once

#include <cstddef>
#include <memory>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "graph/knowledge_graph.hpp"

namespace newsgraph {

class AtomicFile;

struct ExportOptions {
    // Drawings (DOT/SVG) leave co_mentioned edges out unless asked: they swamp large graphs.
    bool draw_co_mentions = false;
    // Graphviz layout engine of each connected group drawn; "auto": dot, sfdp past 150
    // entities in one group.
    std::string layout = "auto";
    // Drawings of bigger graphs show this many entities, whole connected groups largest first
    // (of the largest alone, if it is bigger, its entities of highest PageRank): past a few
    // hundred nodes a drawing is unreadable, and laying it out takes minutes. 0: no limit.
    std::size_t draw_limit = 500;
    // Drawings leave out entities without a drawn relation unless asked (or unless no entity
    // has one): dozens of unconnected names hide the story.
    bool draw_unrelated = false;
    // graph.png is scaled down to at most this many pixels on its longest side. 0: no limit.
    std::size_t max_png_px = 4000;
    // Drawings leave credit-line affiliations (RelationEdge::credit) out unless asked.
    bool draw_credits = false;
    // GEXF: symmetric relations as type="undirected" edges in a mixed graph, as Gephi writes
    // one. networkx refuses mixed graphs, so by default every edge is directed.
    bool gexf_mixed = false;
    // load.cypher first deletes what an earlier load wrote (Entity, Article, Statement nodes).
    bool neo4j_replace = false;
};

class Exporter {
  public:
    virtual ~Exporter() = default;
    virtual std::string_view format() const = 0;  // "graphml"
    // Relative to the output folder, possibly in a subfolder: "graph.graphml", "neo4j/nodes.csv".
    virtual std::string_view file_name() const = 0;
    // Writes the whole export; throws std::runtime_error on failure. A failure of `out`
    // itself is left in its state for the caller to check, as write_export_file() does.
    virtual void write(const KnowledgeGraph& graph, const ExportOptions& options,
                       std::ostream& out) const = 0;
    // Whether write() draws with Graphviz, which allows one drawing at a time per process:
    // such writers are run one after another, the others beside them.
    virtual bool uses_graphviz() const { return false; }
};

// The formats `--format` accepts, in the order they are written.
std::vector<std::string_view> export_formats();
// The writers of `format`, one per file it writes (neo4j and report write several); empty
// when the format is unknown.
std::vector<std::unique_ptr<Exporter>> make_exporters(std::string_view format);
// The writer of a one-file format; nullptr when the format is unknown or writes several files.
std::unique_ptr<Exporter> make_exporter(std::string_view format);
// Every file any format writes, relative to the output folder ("neo4j/nodes.csv").
std::vector<std::string> export_file_names();

// Writes `exporter`'s output into `file` and finishes it: complete and synced, not yet in
// place. Throws std::runtime_error naming the file's path.
void write_export(AtomicFile& file, const Exporter& exporter, const KnowledgeGraph& graph,
                  const ExportOptions& options);

// Writes `exporter`'s output to a temporary file beside `path`, then renames it into place:
// a failure never leaves a half-written file, and an older file at `path` stays intact.
// Throws std::runtime_error naming the path and the OS error.
void write_export_file(const std::string& path, const Exporter& exporter,
                       const KnowledgeGraph& graph, const ExportOptions& options);

}  // namespace newsgraph
