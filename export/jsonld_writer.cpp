// JSON-LD: entities as schema.org things linked by our relation terms, every edge also as
// an rdf:Statement carrying weight and evidence, and the articles as schema:NewsArticle.
#include <rapidjson/ostreamwrapper.h>
#include <rapidjson/prettywriter.h>

#include <algorithm>
#include <cstdio>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "export/aliases.hpp"
#include "export/text.hpp"
#include "export/vocabulary.hpp"
#include "export/writers.hpp"
#include "graph/analysis.hpp"

namespace newsgraph {
namespace {

using JsonWriter = rapidjson::PrettyWriter<rapidjson::OStreamWrapper>;

void put(JsonWriter& json, std::string_view text) {
    const std::string clean = clean_text(text);
    json.String(clean.data(), static_cast<rapidjson::SizeType>(clean.size()));
}

void put(JsonWriter& json, const char* key, std::string_view text) {
    json.Key(key);
    put(json, text);
}

void put_reference(JsonWriter& json, const char* key, std::string_view iri) {
    json.Key(key);
    json.StartObject();
    put(json, "@id", iri);
    json.EndObject();
}

// `text` with every byte outside RFC 3986's unreserved set percent-encoded, so that any id
// makes a valid IRI; '/' is kept where it separates the parts of entity ids.
std::string iri_segment(std::string_view text, bool keep_slash) {
    std::string out;
    for (const char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        const bool unreserved = (byte >= 'a' && byte <= 'z') || (byte >= 'A' && byte <= 'Z') ||
                                (byte >= '0' && byte <= '9') || c == '-' || c == '.' || c == '_' ||
                                c == '~' || (keep_slash && c == '/');
        if (unreserved) {
            out += c;
        } else {
            char escaped[4];
            std::snprintf(escaped, sizeof escaped, "%%%02X", byte);
            out += escaped;
        }
    }
    return out;
}

std::string entity_iri(const EntityVertex& entity) {
    return "ng:entity/" + iri_segment(entity.id, true);
}
std::string document_iri(const std::string& id) {
    return "ng:document/" + iri_segment(id, false);
}
std::string relation_iri(Relation relation) {
    return "ng:" + std::string(to_string(relation));
}

// "iso_alpha2" -> "isoAlpha2": attribute names as RDF property names.
std::string property_name(const std::string& attribute) {
    std::string name;
    bool upper = false;
    for (const char c : attribute) {
        const bool alnum =
            (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
        if (!alnum) {
            upper = !name.empty();
            continue;
        }
        name += upper && c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
        upper = false;
    }
    return name.empty() ? "attribute" : name;
}

// Attributes merge as '|'-separated sets ("President|Chairman"); RDF says that with
// several values.
std::vector<std::string> attribute_values(const std::string& value) {
    std::vector<std::string> values;
    std::size_t start = 0;
    for (std::size_t bar; (bar = value.find('|', start)) != std::string::npos; start = bar + 1)
        values.push_back(value.substr(start, bar - start));
    values.push_back(value.substr(start));
    return values;
}

// Which relations appear, as direct properties (every one but co_mentioned) and at all.
struct RelationsUsed {
    std::set<Relation> direct, any;
};
RelationsUsed relations_used(const Graph& graph) {
    RelationsUsed used;
    for (Edge e : boost::make_iterator_range(boost::edges(graph))) {
        const Relation relation = graph[e].relation;
        used.any.insert(relation);
        if (relation != Relation::co_mentioned) used.direct.insert(relation);
    }
    return used;
}

void write_context(JsonWriter& json, const RelationsUsed& used) {
    json.Key("@context");
    json.StartObject();
    put(json, "schema", kSchemaPrefix);
    put(json, "ng", kNewsgraphPrefix);
    put(json, "rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#");
    put(json, "rdfs", "http://www.w3.org/2000/01/rdf-schema#");
    put(json, "xsd", "http://www.w3.org/2001/XMLSchema#");
    put(json, "owl", "http://www.w3.org/2002/07/owl#");
    for (EntityType type : kEntityTypes)
        put(json, std::string(to_string(type)).c_str(), rdf_class(type));
    put(json, "name", "schema:name");
    put(json, "alternateName", "schema:alternateName");
    put(json, "identifier", "schema:identifier");
    json.Key("mentions");
    json.StartObject();
    put(json, "@id", "ng:mentions");
    put(json, "@type", "xsd:integer");
    json.EndObject();
    json.Key("mentionedIn");
    json.StartObject();
    put(json, "@id", "ng:mentionedIn");
    put(json, "@type", "@id");
    json.EndObject();
    for (Relation relation : used.direct) {
        json.Key(std::string(to_string(relation)).c_str());
        json.StartObject();
        put(json, "@id", relation_iri(relation));
        put(json, "@type", "@id");
        json.EndObject();
    }
    json.EndObject();
}

void write_class(JsonWriter& json, std::string_view iri, std::string_view label,
                 std::string_view comment, std::string_view parent) {
    json.StartObject();
    put(json, "@id", iri);
    put(json, "@type", "rdfs:Class");
    put(json, "rdfs:label", label);
    put(json, "rdfs:comment", comment);
    if (!parent.empty()) put_reference(json, "rdfs:subClassOf", parent);
    json.EndObject();
}

void write_definitions(JsonWriter& json, const RelationsUsed& used) {
    write_class(json, "ng:Agreement", "Agreement", kAgreementComment, "schema:CreativeWork");
    write_class(json, "ng:Evidence", "Evidence", kEvidenceComment, "");
    for (Relation relation : used.any) {
        std::string label(to_string(relation));
        std::replace(label.begin(), label.end(), '_', ' ');
        json.StartObject();
        put(json, "@id", relation_iri(relation));
        json.Key("@type");
        json.StartArray();
        put(json, "rdf:Property");
        if (is_symmetric(relation)) put(json, "owl:SymmetricProperty");
        json.EndArray();
        put(json, "rdfs:label", label);
        put(json, "rdfs:comment", relation_meaning(relation));
        json.EndObject();
    }
}

// The entities a vertex is directly related to, by relation. A symmetric fact is stored
// once in the graph but holds both ways, so it is stated from both ends.
std::map<Relation, std::set<std::string>> related(const Graph& graph, Vertex v) {
    std::map<Relation, std::set<std::string>> objects;
    for (Edge e : boost::make_iterator_range(boost::out_edges(v, graph)))
        if (graph[e].relation != Relation::co_mentioned)
            objects[graph[e].relation].insert(entity_iri(graph[boost::target(e, graph)]));
    for (Edge e : boost::make_iterator_range(boost::in_edges(v, graph)))
        if (graph[e].relation != Relation::co_mentioned && is_symmetric(graph[e].relation))
            objects[graph[e].relation].insert(entity_iri(graph[boost::source(e, graph)]));
    return objects;
}

void write_entity(JsonWriter& json, const Graph& graph, Vertex v) {
    const EntityVertex& entity = graph[v];
    json.StartObject();
    put(json, "@id", entity_iri(entity));
    put(json, "@type", to_string(entity.type));
    put(json, "name", entity.label);
    put(json, "identifier", entity.id);
    std::vector<std::string> others;
    for (const std::string& alias : aliases_by_mentions(entity))
        if (alias != entity.label) others.push_back(alias);
    if (!others.empty()) {
        json.Key("alternateName");
        json.StartArray();
        for (const std::string& alias : others) put(json, alias);
        json.EndArray();
    }
    json.Key("mentions");
    json.Int(entity.mentions);
    for (const auto& [attribute, value] : entity.attributes) {
        json.Key(("ng:" + property_name(attribute)).c_str());
        // The network measures as typed literals, so that SPARQL orders them as numbers
        // (as strings, "8.17e-05" sorted above "0.0481").
        if (const std::string_view measure = analysis_attribute_type(attribute); !measure.empty()) {
            // A native number with its type: a double without a fractional part (0.0)
            // would otherwise become an xsd:integer, and pyld takes no string @value for
            // xsd:double.
            json.StartObject();
            json.Key("@value");
            if (measure == "int")
                json.Int64(std::stoll(value));
            else
                json.Double(std::stod(value));
            put(json, "@type", measure == "int" ? "xsd:integer" : "xsd:double");
            json.EndObject();
            continue;
        }
        json.StartArray();
        for (const std::string& item : attribute_values(value)) put(json, item);
        json.EndArray();
    }
    if (!entity.documents.empty()) {
        json.Key("mentionedIn");
        json.StartArray();
        for (const std::string& document : entity.documents) put(json, document_iri(document));
        json.EndArray();
    }
    for (const auto& [relation, objects] : related(graph, v)) {
        json.Key(std::string(to_string(relation)).c_str());
        json.StartArray();
        for (const std::string& object : objects) put(json, object);
        json.EndArray();
    }
    json.EndObject();
}

void write_evidence(JsonWriter& json, const Evidence& evidence) {
    json.StartObject();
    put(json, "@type", "ng:Evidence");
    put_reference(json, "ng:document", document_iri(evidence.document));
    json.Key("ng:sentence");
    json.Int(evidence.sentence);
    json.Key("ng:start");
    json.Uint64(evidence.start);
    json.Key("ng:end");
    json.Uint64(evidence.end);
    put(json, "schema:text", evidence.text);
    if (!evidence.date.empty()) put(json, "schema:datePublished", evidence.date);
    json.EndObject();
}

void write_statement(JsonWriter& json, std::size_t index, const EntityVertex& source,
                     const RelationEdge& edge, const EntityVertex& target) {
    json.StartObject();
    put(json, "@id", "ng:statement/" + std::to_string(index));
    put(json, "@type", "rdf:Statement");
    put_reference(json, "rdf:subject", entity_iri(source));
    put_reference(json, "rdf:predicate", relation_iri(edge.relation));
    put_reference(json, "rdf:object", entity_iri(target));
    json.Key("ng:weight");
    json.Int(edge.weight);
    put(json, "ng:provenance", provenance_of(edge));
    if (!edge.first_date.empty()) put(json, "ng:firstDate", edge.first_date);
    if (!edge.last_date.empty()) put(json, "ng:lastDate", edge.last_date);
    if (!edge.cameo.empty()) put(json, "ng:cameoCode", edge.cameo);
    if (edge.relation != Relation::co_mentioned) {
        json.Key("ng:confidence");
        json.Double(edge.confidence);
    }
    json.Key("ng:evidence");
    json.StartArray();
    for (const Evidence& evidence : edge.evidence) write_evidence(json, evidence);
    json.EndArray();
    json.EndObject();
}

void write_article(JsonWriter& json, const DocumentInfo& document) {
    json.StartObject();
    put(json, "@id", document_iri(document.id));
    put(json, "@type", "schema:NewsArticle");
    put(json, "identifier", document.id);
    if (!document.title.empty()) put(json, "schema:headline", document.title);
    if (!document.url.empty()) put(json, "schema:url", document.url);
    if (!document.date.empty()) put(json, "schema:datePublished", document.date);
    if (!document.source.empty()) {
        json.Key("schema:publisher");
        json.StartObject();
        put(json, "schema:name", document.source);
        json.EndObject();
    }
    json.EndObject();
}

class JsonldWriter : public Exporter {
  public:
    std::string_view format() const override { return "jsonld"; }
    std::string_view file_name() const override { return "graph.jsonld"; }

    void write(const KnowledgeGraph& graph, const ExportOptions&,
               std::ostream& out) const override {
        const Graph& g = graph.graph();
        const RelationsUsed used = relations_used(g);
        rapidjson::OStreamWrapper stream(out);
        JsonWriter json(stream);
        json.SetIndent(' ', 2);
        json.StartObject();
        write_context(json, used);
        json.Key("@graph");
        json.StartArray();
        write_definitions(json, used);
        for (Vertex v : boost::make_iterator_range(boost::vertices(g))) write_entity(json, g, v);
        std::size_t index = 0;
        for (Edge e : boost::make_iterator_range(boost::edges(g)))
            write_statement(json, index++, g[boost::source(e, g)], g[e], g[boost::target(e, g)]);
        for (const DocumentInfo& document : graph.documents()) write_article(json, document);
        json.EndArray();
        json.EndObject();
        out << '\n';
    }
};

}  // namespace

std::unique_ptr<Exporter> make_jsonld_writer() {
    return std::make_unique<JsonldWriter>();
}

}  // namespace newsgraph
