// DOT, written by cgraph itself so that quoting follows Graphviz's own rules.
#include <stdexcept>

#include "export/drawing.hpp"
#include "export/writers.hpp"

namespace newsgraph {
namespace {

class DotWriter : public Exporter {
  public:
    std::string_view format() const override { return "dot"; }
    std::string_view file_name() const override { return "graph.dot"; }
    bool uses_graphviz() const override { return true; }

    void write(const KnowledgeGraph& graph, const ExportOptions& options,
               std::ostream& out) const override {
        const Drawing drawing(graph, options);
        // A failing stream is left for the caller to see in its state; anything else is
        // Graphviz's to explain.
        if (agwrite(drawing.graph(), &out) != 0 && out)
            throw std::runtime_error("writing DOT failed: " + drawing.graphviz_messages());
    }
};

}  // namespace

std::unique_ptr<Exporter> make_dot_writer() {
    return std::make_unique<DotWriter>();
}

}  // namespace newsgraph
