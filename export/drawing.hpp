// The knowledge graph as a Graphviz graph styled for reading: shapes and colours by entity
// type, edges by relation. Built once here and shared by the DOT and SVG writers, so that
// graph.dot and graph.svg are the same drawing.
#pragma once

#include <cgraph.h>
#include <gvc.h>

#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "export/exporter.hpp"
#include "graph/knowledge_graph.hpp"

namespace newsgraph {

class Drawing {
  public:
    // Throws std::runtime_error, listing the valid engines, when options.layout is not a
    // Graphviz layout engine.
    Drawing(const KnowledgeGraph& graph, const ExportOptions& options);
    Drawing(const Drawing&) = delete;
    Drawing& operator=(const Drawing&) = delete;

    // The graph's I/O discipline writes to a std::ostream: agwrite(graph(), &stream).
    Agraph_t* graph() const { return graph_.get(); }
    GVC_t* context() const { return context_.get(); }
    // What Graphviz reported while the drawing existed, for error messages.
    const std::string& graphviz_messages() const { return messages_.text; }

  private:
    // Graphviz reports through a global handler; this one collects into `text` instead of
    // printing to stderr.
    struct MessageCollector {
        MessageCollector();
        ~MessageCollector();
        MessageCollector(const MessageCollector&) = delete;
        MessageCollector& operator=(const MessageCollector&) = delete;
        std::string text;
        agusererrf previous;
    };
    struct ContextFree {
        void operator()(GVC_t* context) const { gvFreeContext(context); }
    };
    struct GraphClose {
        void operator()(Agraph_t* graph) const { agclose(graph); }
    };

    // Graphviz keeps global state (the message handler, cgraph's scanner and string
    // dictionaries), so one drawing at a time per process.
    std::unique_lock<std::mutex> lock_;
    MessageCollector messages_;
    std::unique_ptr<GVC_t, ContextFree> context_;
    std::unique_ptr<Agraph_t, GraphClose> graph_;  // closed before its context is freed
};

// The layout engines the installed Graphviz offers ("dot", "neato", ...).
std::vector<std::string> layout_engines(GVC_t* context);

}  // namespace newsgraph
