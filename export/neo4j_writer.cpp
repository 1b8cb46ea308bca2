// Neo4j: CSV files in the header format of `neo4j-admin database import full` (nodes.csv,
// relationships.csv), and load.cypher, which MERGEs the same data into a running database
// through cypher-shell. Both carry the same properties, from one description of each entity
// and relation below.
//
// Every entity node has the label Entity (on which ids are unique) and its type (Person, ...);
// relationship types are the relations in UPPER_SNAKE (LEADER_OF). Evidence is a graph
// pattern too: each article is an Article node, each entity is MENTIONED_IN the articles
// that name it, and each relation is also a Statement node (its SUBJECT and OBJECT
// entities, its properties) SUPPORTED_BY the articles whose sentences state it:
//
//   (:Entity)-[:MENTIONED_IN]->(:Article)<-[:SUPPORTED_BY {sentence, text}]-(:Statement)
//
// Articles and statements have their own ID spaces in the import files (id:ID(Article)),
// so that no article id can collide with an entity id.
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
enum class Kind { string, string_array, integer, floating, boolean, date };

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
        case Kind::date:
            return ":date";
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
        {"first_date", Kind::date, calendar_date(edge.first_date), {}},
        {"last_date", Kind::date, calendar_date(edge.last_date), {}},
        {"provenance", Kind::string, provenance_of(edge), {}},
    };
}

// A Statement node: the relation's properties but its evidence, which are SUPPORTED_BY links.
std::vector<Property> statement_properties(const RelationEdge& edge) {
    std::vector<Property> properties = relationship_properties(edge);
    properties.erase(properties.begin() + 5);  // evidence
    return properties;
}

// A statement's id, the same in every load of the same fact: "SOURCE|relation|TARGET".
std::string statement_id(const Graph& g, Edge e) {
    return g[boost::source(e, g)].id + "|" + std::string(to_string(g[e].relation)) + "|" +
           g[boost::target(e, g)].id;
}

std::vector<Property> article_properties(const DocumentInfo& document) {
    return {
        {"title", Kind::string, document.title, {}},
        {"url", Kind::string, document.url, {}},
        {"date", Kind::date, calendar_date(document.date), {}},
        {"source", Kind::string, document.source, {}},
    };
}

// The articles of the graph by id: every document read, and any other that evidence or
// an entity names (an Article node for each, so that no link of the import is dangling).
std::map<std::string, DocumentInfo> articles_of(const KnowledgeGraph& graph) {
    std::map<std::string, DocumentInfo> articles;
    const auto known_only_by_id = [](const std::string& id) {
        DocumentInfo info;
        info.id = id;
        return info;
    };
    for (const DocumentInfo& document : graph.documents()) articles.emplace(document.id, document);
    const Graph& g = graph.graph();
    for (Vertex v : boost::make_iterator_range(boost::vertices(g)))
        for (const std::string& id : g[v].documents) articles.try_emplace(id, known_only_by_id(id));
    for (Edge e : boost::make_iterator_range(boost::edges(g)))
        for (const Evidence& evidence : g[e].evidence)
            articles.try_emplace(evidence.document, known_only_by_id(evidence.document));
    return articles;
}

std::vector<Property> support_properties(const Evidence& evidence) {
    return {
        {"sentence", Kind::integer, std::to_string(evidence.sentence), {}},
        {"start", Kind::integer, std::to_string(evidence.start), {}},
        {"end", Kind::integer, std::to_string(evidence.end), {}},
        {"text", Kind::string, evidence.text, {}},
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
//
// LOAD CSV reads a backslash before a quote as an escaped quote (Neo4j's default,
// dbms.import.csv.legacy_quote_escaping), neo4j-admin as a backslash: so that both read the
// same value, no backslash is written before a quote. A backslash that a value has right
// before a quote or at its end (where the closing quote follows) becomes U+FF3C, the
// fullwidth reverse solidus; JSON values have their \" and \\ escapes as \u0022 and \u005c
// (csv_safe_json).
std::string csv_quoted_clean(std::string_view cleaned) {
    std::string out = starts_like_formula(cleaned) ? "\"'" : "\"";
    for (std::size_t i = 0; i < cleaned.size(); ++i) {
        const char c = cleaned[i];
        if (c == '"')
            out += "\"\"";
        else if (c == '\n' || c == '\r')
            out += ' ';
        else if (c == '\\' && (i + 1 == cleaned.size() || cleaned[i + 1] == '"'))
            out += "\xEF\xBC\xBC";
        else
            out += c;
    }
    return out + "\"";
}

// JSON text with no backslash before a quote: the escapes \" and \\ as \u0022 and \u005c,
// which every JSON reader decodes alike.
std::string csv_safe_json(std::string_view json) {
    std::string out;
    out.reserve(json.size());
    for (std::size_t i = 0; i < json.size(); ++i) {
        if (json[i] == '\\' && i + 1 < json.size()) {
            const char next = json[++i];
            out += next == '"' ? "\\u0022" : next == '\\' ? "\\u005c" : std::string{'\\', next};
        } else {
            out += json[i];
        }
    }
    return out;
}

std::string csv_quoted(std::string_view text) {
    return csv_quoted_clean(clean_text(text));
}

std::string csv_field(const Property& property) {
    if (!is_set(property)) return "";  // an empty unquoted field sets nothing
    if (property.kind == Kind::string)
        return property.name == "evidence" ? csv_quoted(csv_safe_json(property.value))
                                           : csv_quoted(property.value);
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

class ArticlesCsvWriter : public Exporter {
  public:
    std::string_view format() const override { return "neo4j"; }
    std::string_view file_name() const override { return "neo4j/articles.csv"; }

    void write(const KnowledgeGraph& graph, const ExportOptions&,
               std::ostream& out) const override {
        write_csv_header(out, {"id:ID(Article)", ":LABEL"}, article_properties(DocumentInfo{}));
        for (const auto& [id, document] : articles_of(graph))
            write_csv_row(out, {csv_quoted(id), "Article"}, article_properties(document));
    }
};

class MentionedInCsvWriter : public Exporter {
  public:
    std::string_view format() const override { return "neo4j"; }
    std::string_view file_name() const override { return "neo4j/mentioned_in.csv"; }

    void write(const KnowledgeGraph& graph, const ExportOptions&,
               std::ostream& out) const override {
        const Graph& g = graph.graph();
        write_csv_header(out, {":START_ID", ":END_ID(Article)", ":TYPE"}, {});
        for (Vertex v : boost::make_iterator_range(boost::vertices(g)))
            for (const std::string& document : g[v].documents)
                write_csv_row(out, {csv_quoted(g[v].id), csv_quoted(document), "MENTIONED_IN"}, {});
    }
};

class StatementsCsvWriter : public Exporter {
  public:
    std::string_view format() const override { return "neo4j"; }
    std::string_view file_name() const override { return "neo4j/statements.csv"; }

    void write(const KnowledgeGraph& graph, const ExportOptions&,
               std::ostream& out) const override {
        const Graph& g = graph.graph();
        write_csv_header(out, {"id:ID(Statement)", ":LABEL"}, statement_properties(RelationEdge{}));
        for (Edge e : boost::make_iterator_range(boost::edges(g)))
            write_csv_row(out, {csv_quoted(statement_id(g, e)), "Statement"},
                          statement_properties(g[e]));
    }
};

// SUBJECT and OBJECT: a statement's two entities.
class StatementEntitiesCsvWriter : public Exporter {
  public:
    std::string_view format() const override { return "neo4j"; }
    std::string_view file_name() const override { return "neo4j/statement_entities.csv"; }

    void write(const KnowledgeGraph& graph, const ExportOptions&,
               std::ostream& out) const override {
        const Graph& g = graph.graph();
        write_csv_header(out, {":START_ID(Statement)", ":END_ID", ":TYPE"}, {});
        for (Edge e : boost::make_iterator_range(boost::edges(g))) {
            const std::string id = csv_quoted(statement_id(g, e));
            write_csv_row(out, {id, csv_quoted(g[boost::source(e, g)].id), "SUBJECT"}, {});
            write_csv_row(out, {id, csv_quoted(g[boost::target(e, g)].id), "OBJECT"}, {});
        }
    }
};

class SupportedByCsvWriter : public Exporter {
  public:
    std::string_view format() const override { return "neo4j"; }
    std::string_view file_name() const override { return "neo4j/supported_by.csv"; }

    void write(const KnowledgeGraph& graph, const ExportOptions&,
               std::ostream& out) const override {
        const Graph& g = graph.graph();
        write_csv_header(out, {":START_ID(Statement)", ":END_ID(Article)", ":TYPE"},
                         support_properties(Evidence{}));
        for (Edge e : boost::make_iterator_range(boost::edges(g)))
            for (const Evidence& evidence : g[e].evidence)
                write_csv_row(
                    out,
                    {csv_quoted(statement_id(g, e)), csv_quoted(evidence.document), "SUPPORTED_BY"},
                    support_properties(evidence));
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
        case Kind::date:
            return "date(" + cypher_string(property.value) + ")";
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

    void write(const KnowledgeGraph& graph, const ExportOptions& options,
               std::ostream& out) const override {
        const Graph& g = graph.graph();
        const std::set<std::string> attributes = attribute_names(g);
        const std::map<std::string, DocumentInfo> articles = articles_of(graph);
        out << "// newsgraph: " << boost::num_vertices(g) << " entities, " << boost::num_edges(g)
            << " relationships, " << articles.size()
            << " articles. Load with: cypher-shell -f load.cypher\n";
        if (options.neo4j_replace) {
            out << "// Replaces the previous load: its Entity, Article and Statement nodes go "
                   "first.\n\n"
                   "MATCH (n) WHERE n:Entity OR n:Article OR n:Statement DETACH DELETE n;\n\n";
        } else {
            out << "// Idempotent: MERGE on the unique ids, then SET of the same values. What an "
                   "earlier\n// load of another corpus wrote stays (newsgraph build --replace "
                   "writes a script\n// that deletes it first).\n\n";
        }
        out << "CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS "
               "UNIQUE;\n"
               "CREATE CONSTRAINT article_id IF NOT EXISTS FOR (n:Article) REQUIRE n.id IS "
               "UNIQUE;\n"
               "CREATE CONSTRAINT statement_id IF NOT EXISTS FOR (n:Statement) REQUIRE n.id IS "
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

        std::vector<std::string> rows;
        for (const auto& [id, document] : articles)
            rows.push_back("{id: " + cypher_string(id) +
                           ", properties: " + cypher_map(article_properties(document)) + "}");
        write_batches(out, rows, "MERGE (a:Article {id: row.id})\nSET a += row.properties");
        rows.clear();
        for (Vertex v : boost::make_iterator_range(boost::vertices(g)))
            for (const std::string& document : g[v].documents)
                rows.push_back("{entity: " + cypher_string(g[v].id) +
                               ", article: " + cypher_string(document) + "}");
        write_batches(out, rows,
                      "MATCH (e:Entity {id: row.entity})\nMATCH (a:Article {id: row.article})\n"
                      "MERGE (e)-[:MENTIONED_IN]->(a)");
        rows.clear();
        std::vector<std::string> supports;
        for (Edge e : boost::make_iterator_range(boost::edges(g))) {
            const std::string id = cypher_string(statement_id(g, e));
            rows.push_back("{id: " + id + ", source: " + cypher_string(g[boost::source(e, g)].id) +
                           ", target: " + cypher_string(g[boost::target(e, g)].id) +
                           ", properties: " + cypher_map(statement_properties(g[e])) + "}");
            for (const Evidence& evidence : g[e].evidence)
                supports.push_back(
                    "{statement: " + id + ", article: " + cypher_string(evidence.document) +
                    ", sentence: " + std::to_string(evidence.sentence) +
                    ", properties: " + cypher_map(support_properties(evidence)) + "}");
        }
        write_batches(out, rows,
                      "MATCH (subject:Entity {id: row.source})\n"
                      "MATCH (object:Entity {id: row.target})\n"
                      "MERGE (s:Statement {id: row.id})\nSET s += row.properties\n"
                      "MERGE (s)-[:SUBJECT]->(subject)\nMERGE (s)-[:OBJECT]->(object)");
        write_batches(out, supports,
                      "MATCH (s:Statement {id: row.statement})\n"
                      "MATCH (a:Article {id: row.article})\n"
                      "MERGE (s)-[r:SUPPORTED_BY {sentence: row.sentence}]->(a)\n"
                      "SET r += row.properties");
    }
};

}  // namespace

std::vector<std::unique_ptr<Exporter>> make_neo4j_writers() {
    std::vector<std::unique_ptr<Exporter>> writers;
    writers.push_back(std::make_unique<NodesCsvWriter>());
    writers.push_back(std::make_unique<RelationshipsCsvWriter>());
    writers.push_back(std::make_unique<ArticlesCsvWriter>());
    writers.push_back(std::make_unique<MentionedInCsvWriter>());
    writers.push_back(std::make_unique<StatementsCsvWriter>());
    writers.push_back(std::make_unique<StatementEntitiesCsvWriter>());
    writers.push_back(std::make_unique<SupportedByCsvWriter>());
    writers.push_back(std::make_unique<CypherWriter>());
    return writers;
}

}  // namespace newsgraph
