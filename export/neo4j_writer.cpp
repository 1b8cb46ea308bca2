// Neo4j: CSV files in the header format of `neo4j-admin database import full` (nodes.csv,
// relationships.csv), and load.cypher, which MERGEs the same data into a running database
// through cypher-shell. Both carry the same properties, from one description of each entity
// and relation below.
//
// Every node has the label Entity (on which ids are unique) and its type (Person, ...);
// relationship types are the relations in UPPER_SNAKE (LEADER_OF).
#include <cstdio>
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

// --- what Neo4j stores ---------------------------------------------------------------------

// A property's type in neo4j-admin's header ("mentions:int"); `string` is the default.
enum class Kind { string, string_array, integer, floating, boolean };

struct Property {
    std::string name;
    Kind kind = Kind::string;
    std::string value;                // empty: not set (Neo4j stores no nulls)
    std::vector<std::string> values;  // for string_array
};

std::string header_type(Kind kind) {
    switch (kind) {
        case Kind::string_array:
            return ":string[]";
        case Kind::integer:
            return ":int";
        case Kind::floating:
            return ":double";
        case Kind::boolean:
            return ":boolean";
        default:
            return "";
    }
}

// A property name both formats accept unquoted: letters, digits and '_'.
std::string property_name(const std::string& name) {
    std::string out;
    for (const char c : name) {
        const bool keep =
            (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
        out += keep ? c : '_';
    }
    if (out.empty() || (out[0] >= '0' && out[0] <= '9')) out = "_" + out;
    return out;
}

std::string decimal(double value) {
    char text[32];
    std::snprintf(text, sizeof text, "%.6g", value);
    return text;
}

// The attribute names of the graph's entities, each once, in byte order.
std::set<std::string> attribute_names(const Graph& g) {
    std::set<std::string> names;
    for (Vertex v : boost::make_iterator_range(boost::vertices(g)))
        for (const auto& [name, value] : g[v].attributes) names.insert(name);
    return names;
}

// The same properties, in the same order, for every entity: the CSV has one header.
std::vector<Property> node_properties(const EntityVertex& entity,
                                      const std::set<std::string>& attributes) {
    std::vector<Property> properties = {
        {"name", Kind::string, entity.label, {}},
        {"type", Kind::string, std::string(to_string(entity.type)), {}},
        {"mentions", Kind::integer, std::to_string(entity.mentions), {}},
        {"aliases", Kind::string_array, "", aliases_by_mentions(entity)},
        {"documents", Kind::string_array, "", {entity.documents.begin(), entity.documents.end()}},
    };
    for (const std::string& name : attributes) {
        const std::string_view measure = analysis_attribute_type(name);
        const Kind kind = measure == "int"      ? Kind::integer
                          : measure == "double" ? Kind::floating
                                                : Kind::string;
        const auto found = entity.attributes.find(name);
        properties.push_back(
            {property_name(name), kind, found == entity.attributes.end() ? "" : found->second, {}});
    }
    return properties;
}

std::vector<Property> relationship_properties(const RelationEdge& edge) {
    const bool claim = edge.relation != Relation::co_mentioned;
    return {
        {"relation", Kind::string, std::string(to_string(edge.relation)), {}},
        {"weight", Kind::integer, std::to_string(edge.weight), {}},
        {"symmetric", Kind::boolean, is_symmetric(edge.relation) ? "true" : "false", {}},
        {"confidence", Kind::floating, claim ? decimal(edge.confidence) : "", {}},
        {"cameo", Kind::string, edge.cameo, {}},
        {"evidence", Kind::string, json_evidence(edge.evidence), {}},
        {"first_date", Kind::string, edge.first_date, {}},
        {"last_date", Kind::string, edge.last_date, {}},
    };
}

bool is_set(const Property& property) {
    return property.kind == Kind::string_array ? !property.values.empty() : !property.value.empty();
}

// --- CSV -----------------------------------------------------------------------------------

// Whether a spreadsheet would run the cell as a formula (OWASP, "CSV Injection").
bool starts_like_formula(std::string_view text) {
    return !text.empty() &&
           std::string_view("=+-@\t\r").find(text.front()) != std::string_view::npos;
}

// neo4j-admin's array delimiter has no escape, so it must be a character no value can
// hold: U+001F (the unit separator), which clean_text() replaces in every value like any
// C0 control. The default ';' turned a ';' inside a document id or alias into ','. The
// import is run with --array-delimiter=U+001F (README).
constexpr char kArrayDelimiter = '\x1F';

// RFC 4180 quoting of already cleaned text, which neo4j-admin reads by default. Line breaks
// become spaces so that the import needs no --multiline-fields. A value a spreadsheet would
// run as a formula gets a leading ' (OWASP's advice): neo4j-admin stores it with the quote,
// and since ids are written by this function everywhere, :START_ID and :END_ID still match
// their node's id:ID.
std::string csv_quoted_clean(std::string_view cleaned) {
    std::string out = starts_like_formula(cleaned) ? "\"'" : "\"";
    for (const char c : cleaned) {
        if (c == '"')
            out += "\"\"";
        else if (c == '\n' || c == '\r')
            out += ' ';
        else
            out += c;
    }
    return out + "\"";
}

std::string csv_quoted(std::string_view text) {
    return csv_quoted_clean(clean_text(text));
}

std::string csv_field(const Property& property) {
    if (!is_set(property)) return "";  // an empty unquoted field sets nothing
    if (property.kind == Kind::string) return csv_quoted(property.value);
    if (property.kind != Kind::string_array) return property.value;
    std::string joined;
    for (const std::string& value : property.values) {
        if (!joined.empty()) joined += kArrayDelimiter;
        joined += clean_text(value);
    }
    return csv_quoted_clean(joined);
}

void write_csv_row(std::ostream& out, const std::vector<std::string>& leading,
                   const std::vector<Property>& properties) {
    std::string separator;
    for (const std::string& field : leading) out << separator << field, separator = ",";
    for (const Property& property : properties) out << separator << csv_field(property);
    out << '\n';
}

void write_csv_header(std::ostream& out, const std::vector<std::string>& leading,
                      const std::vector<Property>& properties) {
    std::string separator;
    for (const std::string& field : leading) out << separator << field, separator = ",";
    for (const Property& property : properties)
        out << separator << property.name << header_type(property.kind);
    out << '\n';
}

std::string node_labels(const EntityVertex& entity) {
    return "Entity" + std::string(1, kArrayDelimiter) + std::string(to_string(entity.type));
}

class NodesCsvWriter : public Exporter {
  public:
    std::string_view format() const override { return "neo4j"; }
    std::string_view file_name() const override { return "neo4j/nodes.csv"; }

    void write(const KnowledgeGraph& graph, const ExportOptions&,
               std::ostream& out) const override {
        const Graph& g = graph.graph();
        const std::set<std::string> attributes = attribute_names(g);
        write_csv_header(out, {"id:ID", ":LABEL"}, node_properties(EntityVertex{}, attributes));
        for (Vertex v : boost::make_iterator_range(boost::vertices(g)))
            write_csv_row(out, {csv_quoted(g[v].id), node_labels(g[v])},
                          node_properties(g[v], attributes));
    }
};

class RelationshipsCsvWriter : public Exporter {
  public:
    std::string_view format() const override { return "neo4j"; }
    std::string_view file_name() const override { return "neo4j/relationships.csv"; }

    void write(const KnowledgeGraph& graph, const ExportOptions&,
               std::ostream& out) const override {
        const Graph& g = graph.graph();
        write_csv_header(out, {":START_ID", ":END_ID", ":TYPE"},
                         relationship_properties(RelationEdge{}));
        for (Edge e : boost::make_iterator_range(boost::edges(g)))
            write_csv_row(out,
                          {csv_quoted(g[boost::source(e, g)].id),
                           csv_quoted(g[boost::target(e, g)].id), neo4j_type(g[e].relation)},
                          relationship_properties(g[e]));
    }
};

// --- Cypher --------------------------------------------------------------------------------

std::string cypher_string(std::string_view text) {
    std::string out = "'";
    for (const char c : clean_text(text)) {
        switch (c) {
            case '\\':
                out += "\\\\";
                break;
            case '\'':
                out += "\\'";
                break;
            case '\n':
                out += "\\n";
                break;
            case '\r':
                out += "\\r";
                break;
            case '\t':
                out += "\\t";
                break;
            default:
                out += c;
        }
    }
    return out + "'";
}

std::string cypher_value(const Property& property) {
    switch (property.kind) {
        case Kind::string:
            return cypher_string(property.value);
        case Kind::string_array: {
            std::string list = "[";
            for (const std::string& value : property.values)
                list += (list.size() > 1 ? ", " : "") + cypher_string(value);
            return list + "]";
        }
        default:
            return property.value;  // numbers and booleans, written as Cypher reads them
    }
}

std::string cypher_map(const std::vector<Property>& properties) {
    std::string map = "{";
    for (const Property& property : properties) {
        if (!is_set(property)) continue;
        map += (map.size() > 1 ? ", " : "") + property.name + ": " + cypher_value(property);
    }
    return map + "}";
}

// Rows per statement: large enough to load quickly, small enough for the default heap.
constexpr std::size_t kBatch = 200;

// Writes `rows` (Cypher map literals) as UNWIND statements of at most kBatch rows.
void write_batches(std::ostream& out, const std::vector<std::string>& rows,
                   const std::string& statement) {
    for (std::size_t start = 0; start < rows.size(); start += kBatch) {
        out << "UNWIND [\n";
        for (std::size_t i = start; i < std::min(rows.size(), start + kBatch); ++i)
            out << "  " << rows[i]
                << (i + 1 < std::min(rows.size(), start + kBatch) ? ",\n" : "\n");
        out << "] AS row\n" << statement << ";\n\n";
    }
}

class CypherWriter : public Exporter {
  public:
    std::string_view format() const override { return "neo4j"; }
    std::string_view file_name() const override { return "neo4j/load.cypher"; }

    void write(const KnowledgeGraph& graph, const ExportOptions&,
               std::ostream& out) const override {
        const Graph& g = graph.graph();
        const std::set<std::string> attributes = attribute_names(g);
        out << "// newsgraph: " << boost::num_vertices(g) << " entities, " << boost::num_edges(g)
            << " relationships. Load with: cypher-shell -f load.cypher\n"
               "// Idempotent: MERGE on the unique Entity.id, then SET of the same values.\n\n"
               "CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS "
               "UNIQUE;\n\n";
        // One statement per label and relationship type: Cypher cannot take either from data.
        std::map<EntityType, std::vector<std::string>> nodes;
        for (Vertex v : boost::make_iterator_range(boost::vertices(g)))
            nodes[g[v].type].push_back("{id: " + cypher_string(g[v].id) + ", properties: " +
                                       cypher_map(node_properties(g[v], attributes)) + "}");
        for (const auto& [type, rows] : nodes)
            write_batches(out, rows,
                          "MERGE (n:Entity {id: row.id})\nSET n:" + std::string(to_string(type)) +
                              ", n += row.properties");
        std::map<Relation, std::vector<std::string>> relationships;
        for (Edge e : boost::make_iterator_range(boost::edges(g)))
            relationships[g[e].relation].push_back(
                "{source: " + cypher_string(g[boost::source(e, g)].id) +
                ", target: " + cypher_string(g[boost::target(e, g)].id) +
                ", properties: " + cypher_map(relationship_properties(g[e])) + "}");
        for (const auto& [relation, rows] : relationships)
            write_batches(out, rows,
                          // Two MATCH clauses: one comma-joined pattern reads as a
                          // cartesian product, which Neo4j's linter warns of.
                          "MATCH (source:Entity {id: row.source})\n"
                          "MATCH (target:Entity {id: row.target})\nMERGE (source)-[r:" +
                              neo4j_type(relation) + "]->(target)\nSET r += row.properties");
    }
};

}  // namespace

std::vector<std::unique_ptr<Exporter>> make_neo4j_writers() {
    std::vector<std::unique_ptr<Exporter>> writers;
    writers.push_back(std::make_unique<NodesCsvWriter>());
    writers.push_back(std::make_unique<RelationshipsCsvWriter>());
    writers.push_back(std::make_unique<CypherWriter>());
    return writers;
}

}  // namespace newsgraph
