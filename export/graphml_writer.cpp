// GraphML for Gephi, yEd, Cytoscape, networkx, igraph and Neo4j (apoc.import.graphml):
// keys named after what they hold, lists as JSON in strings, streamed.
#include <map>
#include <set>
#include <string>
#include <vector>

#include "export/aliases.hpp"
#include "export/json_values.hpp"
#include "export/text.hpp"
#include "export/writers.hpp"
#include "graph/analysis.hpp"

namespace newsgraph {
namespace {

struct Key {
    std::string id, domain, name, type;  // domain: "node" or "edge"
};

// Fixed node keys; EntityVertex::attributes add one string key each.
const std::vector<Key> kNodeKeys = {
    {"label", "node", "label", "string"},     {"type", "node", "type", "string"},
    {"labels", "node", "labels", "string"},  // ":Person", what APOC's readLabels expects
    {"aliases", "node", "aliases", "string"}, {"alias_counts", "node", "alias_counts", "string"},
    {"mentions", "node", "mentions", "int"},  {"documents", "node", "documents", "string"},
};
// Key ids share one namespace across nodes and edges, hence edge_label.
const std::vector<Key> kEdgeKeys = {
    {"relation", "edge", "relation", "string"},
    {"edge_label", "edge", "label", "string"},  // Neo4j relationship type, "LEADER_OF"
    {"weight", "edge", "weight", "double"},     // double, so that Gephi sizes edges by it
    {"symmetric", "edge", "symmetric", "boolean"},
    {"evidence", "edge", "evidence", "string"},
    {"first_date", "edge", "first_date", "string"},
    {"last_date", "edge", "last_date", "string"},
    {"cameo", "edge", "cameo", "string"},            // CAMEO root code of the trigger
    {"confidence", "edge", "confidence", "double"},  // of the extraction rule, 0..1
    {"rule", "edge", "rule", "string"},              // that rule: data/rule_precision.tsv
    {"provenance", "edge", "provenance", "string"},  // "story", or "credit" (bylines)
};

// A key id and attr.name must be XML name tokens; attributes come from extraction rules
// and could be named anything.
std::string name_token(const std::string& name) {
    std::string token;
    for (const char c : name) {
        const bool keep = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                          (c >= '0' && c <= '9') || c == '_' || c == '-' || c == '.';
        token += keep ? c : '_';
    }
    return token.empty() ? "_" : token;
}

// One key per attribute name in the graph, by name, renamed where it would clash with a
// fixed key.
std::map<std::string, Key> attribute_keys(const Graph& graph) {
    std::set<std::string> taken;
    for (const auto& keys : {kNodeKeys, kEdgeKeys})
        for (const Key& key : keys) taken.insert(key.id);
    std::map<std::string, Key> keys;
    for (Vertex v : boost::make_iterator_range(boost::vertices(graph)))
        for (const auto& [name, value] : graph[v].attributes) keys.emplace(name, Key{});
    for (auto& [name, key] : keys) {
        std::string id = name_token(name);
        while (taken.count(id)) id = "attribute_" + id;
        taken.insert(id);
        // The network measures are numbers, so that Gephi can size and rank by them.
        const std::string_view measure = analysis_attribute_type(name);
        key = {id, "node", id, measure.empty() ? "string" : std::string(measure)};
    }
    return keys;
}

void write_key(std::ostream& out, const Key& key) {
    out << "  <key id=\"" << key.id << "\" for=\"" << key.domain << "\" attr.name=\"" << key.name
        << "\" attr.type=\"" << key.type << "\"/>\n";
}

void write_data(std::ostream& out, const std::string& key, const std::string& value) {
    out << "      <data key=\"" << key << "\">" << xml_escape(value) << "</data>\n";
}

void write_node(std::ostream& out, const EntityVertex& entity,
                const std::map<std::string, Key>& attribute_keys) {
    const std::string type(to_string(entity.type));
    out << "    <node id=\"" << xml_escape(entity.id) << "\">\n";
    write_data(out, "label", entity.label);
    write_data(out, "type", type);
    write_data(out, "labels", ":" + type);
    write_data(out, "aliases", json_array(aliases_by_mentions(entity)));
    write_data(out, "alias_counts", json_counts(entity.aliases));
    write_data(out, "mentions", std::to_string(entity.mentions));
    write_data(out, "documents", json_array(entity.documents));
    for (const auto& [name, value] : entity.attributes)
        write_data(out, attribute_keys.at(name).id, value);
    out << "    </node>\n";
}

void write_edge(std::ostream& out, std::size_t index, const EntityVertex& source,
                const RelationEdge& edge, const EntityVertex& target) {
    out << "    <edge id=\"e" << index << "\" source=\"" << xml_escape(source.id) << "\" target=\""
        << xml_escape(target.id) << "\">\n";
    write_data(out, "relation", std::string(to_string(edge.relation)));
    write_data(out, "edge_label", neo4j_type(edge.relation));
    write_data(out, "weight", std::to_string(edge.weight));
    write_data(out, "symmetric", is_symmetric(edge.relation) ? "true" : "false");
    write_data(out, "evidence", json_evidence(edge.evidence));
    if (!edge.first_date.empty()) write_data(out, "first_date", edge.first_date);
    if (!edge.last_date.empty()) write_data(out, "last_date", edge.last_date);
    if (!edge.cameo.empty()) write_data(out, "cameo", edge.cameo);
    if (edge.relation != Relation::co_mentioned)
        write_data(out, "confidence", std::to_string(edge.confidence));
    if (!edge.rule.empty()) write_data(out, "rule", edge.rule);
    write_data(out, "provenance", provenance_of(edge));
    out << "    </edge>\n";
}

class GraphmlWriter : public Exporter {
  public:
    std::string_view format() const override { return "graphml"; }
    std::string_view file_name() const override { return "graph.graphml"; }

    void write(const KnowledgeGraph& graph, const ExportOptions&,
               std::ostream& out) const override {
        const Graph& g = graph.graph();
        const std::map<std::string, Key> attributes = attribute_keys(g);
        out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
               "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\"\n"
               "         xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
               "         xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
               "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n";
        for (const Key& key : kNodeKeys) write_key(out, key);
        for (const auto& [name, key] : attributes) write_key(out, key);
        for (const Key& key : kEdgeKeys) write_key(out, key);
        out << "  <graph id=\"newsgraph\" edgedefault=\"directed\">\n";
        for (Vertex v : boost::make_iterator_range(boost::vertices(g)))
            write_node(out, g[v], attributes);
        std::size_t index = 0;
        for (Edge e : boost::make_iterator_range(boost::edges(g)))
            write_edge(out, index++, g[boost::source(e, g)], g[e], g[boost::target(e, g)]);
        out << "  </graph>\n</graphml>\n";
    }
};

}  // namespace

std::unique_ptr<Exporter> make_graphml_writer() {
    return std::make_unique<GraphmlWriter>();
}

}  // namespace newsgraph
