// GEXF 1.2draft for Gephi and networkx: typed node and edge attributes, labels, weights, a
// colour per entity type (export/palette.hpp), and on edges the first and last date of their
// evidence as start/end, so that Gephi's timeline can replay the story.
//
// 1.2draft rather than 1.3: Gephi reads both, but networkx before 3.0 (Debian's 2.8) reads no
// 1.3, and 1.3 adds nothing this file uses. Every edge has `kind` (its relation), so that
// Gephi keeps two relations of one pair as two edges instead of merging them.
//
// Symmetric relations: networkx refuses a graph that mixes directed and undirected edges,
// and Gephi drops an undirected edge from a graph declared directed. So by default every
// edge is directed (symmetric ones marked by the `symmetric` attribute); with
// ExportOptions::gexf_mixed the graph declares no default edge type and each edge says
// its own, symmetric relations undirected, as Gephi's own exporter writes a mixed graph.
#include <cmath>
#include <cstdio>
#include <set>
#include <string>
#include <vector>

#include "export/aliases.hpp"
#include "export/json_values.hpp"
#include "export/palette.hpp"
#include "export/text.hpp"
#include "export/writers.hpp"
#include "graph/analysis.hpp"

namespace newsgraph {
namespace {

struct Attribute {
    std::string id, type;  // GEXF types: string, integer, double, boolean
};

const std::vector<Attribute> kNodeAttributes = {
    {"type", "string"}, {"mentions", "integer"}, {"aliases", "string"}, {"documents", "string"}};
const std::vector<Attribute> kEdgeAttributes = {{"relation", "string"},   {"symmetric", "boolean"},
                                                {"confidence", "double"}, {"cameo", "string"},
                                                {"evidence", "string"},   {"first_date", "string"},
                                                {"last_date", "string"},  {"provenance", "string"}};

// The entities' own attributes (iso codes, titles, network measures) after the fixed ones.
std::vector<Attribute> entity_attributes(const Graph& g) {
    std::set<std::string> names;
    for (Vertex v : boost::make_iterator_range(boost::vertices(g)))
        for (const auto& [name, value] : g[v].attributes) names.insert(name);
    std::vector<Attribute> attributes;
    for (const std::string& name : names) {
        const std::string_view measure = analysis_attribute_type(name);
        attributes.push_back({name, measure == "int"  ? "integer"
                                    : measure.empty() ? "string"
                                                      : "double"});
    }
    return attributes;
}

void write_attribute_declarations(std::ostream& out, const char* domain,
                                  const std::vector<Attribute>& fixed,
                                  const std::vector<Attribute>& more) {
    out << "    <attributes class=\"" << domain << "\">\n";
    for (const auto* list : {&fixed, &more})
        for (const Attribute& attribute : *list)
            out << "      <attribute id=\"" << xml_escape(attribute.id) << "\" title=\""
                << xml_escape(attribute.id) << "\" type=\"" << attribute.type << "\"/>\n";
    out << "    </attributes>\n";
}

void write_value(std::ostream& out, const std::string& id, const std::string& value) {
    if (value.empty()) return;  // absent rather than an empty string or an invalid number
    out << "          <attvalue for=\"" << xml_escape(id) << "\" value=\"" << xml_escape(value)
        << "\"/>\n";
}

std::string decimal(double value) {
    char text[32];
    std::snprintf(text, sizeof text, "%.3g", value);
    return text;
}

void write_node(std::ostream& out, const EntityVertex& entity,
                const std::vector<Attribute>& attributes) {
    out << "      <node id=\"" << xml_escape(entity.id) << "\" label=\"" << xml_escape(entity.label)
        << "\">\n        <attvalues>\n";
    write_value(out, "type", std::string(to_string(entity.type)));
    write_value(out, "mentions", std::to_string(entity.mentions));
    write_value(out, "aliases", json_array(aliases_by_mentions(entity)));
    write_value(out, "documents", json_array(entity.documents));
    for (const Attribute& attribute : attributes) {
        const auto found = entity.attributes.find(attribute.id);
        if (found != entity.attributes.end()) write_value(out, attribute.id, found->second);
    }
    const Colour& colour = colour_of(entity.type);
    out << "        </attvalues>\n        <viz:color r=\"" << int(colour.red) << "\" g=\""
        << int(colour.green) << "\" b=\"" << int(colour.blue) << "\"/>\n"
        << "        <viz:size value=\""
        << decimal(10.0 + 4.0 * std::log2(std::max(1, entity.mentions))) << "\"/>\n"
        << "      </node>\n";
}

void write_edge(std::ostream& out, std::size_t index, const EntityVertex& source,
                const RelationEdge& edge, const EntityVertex& target, bool mixed) {
    const std::string start = calendar_date(edge.first_date), end = calendar_date(edge.last_date);
    const std::string relation(to_string(edge.relation));
    out << "      <edge id=\"e" << index << "\" source=\"" << xml_escape(source.id)
        << "\" target=\"" << xml_escape(target.id) << "\"";
    if (mixed)
        out << " type=\"" << (is_symmetric(edge.relation) ? "undirected" : "directed") << "\"";
    out << " kind=\"" << relation << "\" label=\"" << relation << "\" weight=\"" << edge.weight
        << "\"";
    if (!start.empty()) out << " start=\"" << start << "\"";
    if (!end.empty()) out << " end=\"" << end << "\"";
    out << ">\n        <attvalues>\n";
    write_value(out, "relation", std::string(to_string(edge.relation)));
    write_value(out, "symmetric", is_symmetric(edge.relation) ? "true" : "false");
    if (edge.relation != Relation::co_mentioned)
        write_value(out, "confidence", std::to_string(edge.confidence));
    write_value(out, "cameo", edge.cameo);
    write_value(out, "evidence", json_evidence(edge.evidence));
    write_value(out, "first_date", edge.first_date);
    write_value(out, "last_date", edge.last_date);
    write_value(out, "provenance", provenance_of(edge));
    out << "        </attvalues>\n      </edge>\n";
}

class GexfWriter : public Exporter {
  public:
    std::string_view format() const override { return "gexf"; }
    std::string_view file_name() const override { return "graph.gexf"; }

    void write(const KnowledgeGraph& graph, const ExportOptions& options,
               std::ostream& out) const override {
        const Graph& g = graph.graph();
        const std::vector<Attribute> attributes = entity_attributes(g);
        out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
               "<gexf xmlns=\"http://www.gexf.net/1.2draft\" "
               "xmlns:viz=\"http://www.gexf.net/1.2draft/viz\"\n"
               "      xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
               "      xsi:schemaLocation=\"http://www.gexf.net/1.2draft "
               "http://www.gexf.net/1.2draft/gexf.xsd\"\n"
               "      version=\"1.2\">\n"
               "  <meta>\n    <creator>newsgraph</creator>\n"
               "    <description>Entities of news articles linked by typed relations with "
               "their evidence</description>\n  </meta>\n"
               "  <graph"
            << (options.gexf_mixed ? "" : " defaultedgetype=\"directed\"")
            << " mode=\"dynamic\" timeformat=\"date\">\n";
        write_attribute_declarations(out, "node", kNodeAttributes, attributes);
        write_attribute_declarations(out, "edge", kEdgeAttributes, {});
        out << "    <nodes>\n";
        for (Vertex v : boost::make_iterator_range(boost::vertices(g)))
            write_node(out, g[v], attributes);
        out << "    </nodes>\n    <edges>\n";
        std::size_t index = 0;
        for (Edge e : boost::make_iterator_range(boost::edges(g)))
            write_edge(out, index++, g[boost::source(e, g)], g[e], g[boost::target(e, g)],
                       options.gexf_mixed);
        out << "    </edges>\n  </graph>\n</gexf>\n";
    }
};

}  // namespace

std::unique_ptr<Exporter> make_gexf_writer() {
    return std::make_unique<GexfWriter>();
}

}  // namespace newsgraph
