#include "export/exporter.hpp"

#include <exception>
#include <stdexcept>

#include "export/atomic_file.hpp"
#include "export/writers.hpp"

namespace newsgraph {

std::vector<std::string_view> export_formats() {
    // Data formats first: SVG needs a layout, the slowest step on large graphs.
    return {"graphml", "jsonld", "dot", "svg"};
}

std::unique_ptr<Exporter> make_exporter(std::string_view format) {
    if (format == "graphml") return make_graphml_writer();
    if (format == "jsonld") return make_jsonld_writer();
    if (format == "dot") return make_dot_writer();
    if (format == "svg") return make_svg_writer();
    return nullptr;
}

void write_export_file(const std::string& path, const Exporter& exporter,
                       const KnowledgeGraph& graph, const ExportOptions& options) {
    AtomicFile file(path);
    try {
        exporter.write(graph, options, file.stream());
    } catch (const std::exception& error) {
        throw std::runtime_error(path + ": " + error.what());
    }
    file.commit();
}

}  // namespace newsgraph
