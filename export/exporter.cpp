#include "export/exporter.hpp"

#include <exception>
#include <stdexcept>

#include "export/atomic_file.hpp"
#include "export/writers.hpp"

namespace newsgraph {

std::vector<std::string_view> export_formats() {
    // Data formats first: the drawings, the report and the explorer need a layout, the
    // slowest step on large graphs.
    return {"graphml", "jsonld", "gexf", "neo4j", "dot", "svg", "png", "pdf", "report", "html"};
}

std::vector<std::unique_ptr<Exporter>> make_exporters(std::string_view format) {
    if (format == "neo4j") return make_neo4j_writers();
    if (format == "report") return make_report_writers();
    std::vector<std::unique_ptr<Exporter>> writers;
    if (format == "graphml") writers.push_back(make_graphml_writer());
    if (format == "jsonld") writers.push_back(make_jsonld_writer());
    if (format == "gexf") writers.push_back(make_gexf_writer());
    if (format == "html") writers.push_back(make_explorer_writer());
    if (format == "dot") writers.push_back(make_dot_writer());
    if (format == "svg" || format == "png" || format == "pdf")
        writers.push_back(make_rendered_writer(format));
    return writers;
}

std::unique_ptr<Exporter> make_exporter(std::string_view format) {
    std::vector<std::unique_ptr<Exporter>> writers = make_exporters(format);
    return writers.size() == 1 ? std::move(writers.front()) : nullptr;
}

std::vector<std::string> export_file_names() {
    std::vector<std::string> names;
    for (const std::string_view format : export_formats())
        for (const auto& exporter : make_exporters(format))
            names.emplace_back(exporter->file_name());
    return names;
}

void write_export(AtomicFile& file, const Exporter& exporter, const KnowledgeGraph& graph,
                  const ExportOptions& options) {
    try {
        exporter.write(graph, options, file.stream());
    } catch (const std::exception& error) {
        throw std::runtime_error(file.path() + ": " + error.what());
    }
    file.finish();
}

void write_export_file(const std::string& path, const Exporter& exporter,
                       const KnowledgeGraph& graph, const ExportOptions& options) {
    AtomicFile file(path);
    write_export(file, exporter, graph, options);
    file.commit();
}

}  // namespace newsgraph
