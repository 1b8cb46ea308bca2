// The writers behind make_exporters(), one per file.
#pragma once

#include <memory>
#include <string_view>
#include <vector>

#include "export/exporter.hpp"

namespace newsgraph {

std::unique_ptr<Exporter> make_graphml_writer();
std::unique_ptr<Exporter> make_jsonld_writer();
std::unique_ptr<Exporter> make_dot_writer();
// svg, png or pdf, rendered by Graphviz.
std::unique_ptr<Exporter> make_rendered_writer(std::string_view format);
std::unique_ptr<Exporter> make_gexf_writer();
// explorer.html: the interactive explorer, one offline file.
std::unique_ptr<Exporter> make_explorer_writer();
// Formats of several files: one writer per file.
std::vector<std::unique_ptr<Exporter>> make_neo4j_writers();   // nodes, relationships, Cypher
std::vector<std::unique_ptr<Exporter>> make_report_writers();  // report.md, report.html

}  // namespace newsgraph
