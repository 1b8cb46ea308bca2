// The knowledge graph as a Graphviz graph styled for reading: shapes and colours by entity
// type, edges by relation. Built once here and shared by the DOT and SVG writers, so that
// graph.dot and graph.svg are the same drawing.
//
// By default it draws the entities that take part in drawn relations, in connected groups:
// each group laid out on its own (dot, or sfdp past 150 entities), the largest first, the
// groups packed in rows beside and below it. The positions are in the graph, so rendering
// only draws them (layout "nop2", neato -n2).
#pragma once

#include <cgraph.h>
#include <gvc.h>

#include <memory>
#include <mutex>
#include <string>

#include "export/exporter.hpp"
#include "graph/knowledge_graph.hpp"

namespace newsgraph {

class Drawing {
  public:
    // Throws std::runtime_error, listing the valid engines, when options.layout is not a
    // Graphviz layout engine.
    Drawing(const KnowledgeGraph& graph, const ExportOptions& options);
    // Not laid out, for callers that lay the graph out their own way (the explorer): every
    // entity, in vertex order, and the relations options draw, styled but without positions.
    struct Unlaid {};
    Drawing(const KnowledgeGraph& graph, const ExportOptions& options, Unlaid);
    Drawing(const Drawing&) = delete;
    // The engine that renders the laid-out drawing: it keeps every position.
    static constexpr const char* kEngine = "nop2";
    Drawing& operator=(const Drawing&) = delete;

    // The graph's I/O discipline writes to a std::ostream: agwrite(graph(), &stream).
    Agraph_t* graph() const { return graph_.get(); }
    // The process's one Graphviz context (see drawing.cpp for why it is never freed).
    GVC_t* context() const;
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
    struct GraphClose {
        void operator()(Agraph_t* graph) const { agclose(graph); }
    };

    // Graphviz keeps global state (the message handler, the shared context, cgraph's
    // dictionaries), so one drawing at a time per process.
    std::unique_lock<std::mutex> lock_;
    MessageCollector messages_;
    std::unique_ptr<Agraph_t, GraphClose> graph_;
};

}  // namespace newsgraph
