// The writers behind make_exporter(), one per file.
#pragma once

#include <memory>

#include "export/exporter.hpp"

namespace newsgraph {

std::unique_ptr<Exporter> make_graphml_writer();
std::unique_ptr<Exporter> make_jsonld_writer();
std::unique_ptr<Exporter> make_dot_writer();
std::unique_ptr<Exporter> make_svg_writer();

}  // namespace newsgraph
