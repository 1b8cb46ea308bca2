// explorer.html: the graph to pan, zoom, search, filter and click through, in one offline
// file. The page is export/explorer/explorer.html with its style, its script and Cytoscape.js
// (all embedded at build time, see CMakeLists.txt) inlined, and the graph as JSON.
//
// The layout is computed here, not in the browser: Graphviz's sfdp places the entities that
// have typed relations (a few seconds for the BBC corpus's 800, where Cytoscape's own force
// layouts take minutes on its 7,700 entities), and the page shows them with a preset layout.
// Entities named only in co-mentions have no claim to place them by; they wait, hidden by
// default, in rows below the drawing, most mentioned first.
#include <gvc.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "export/aliases.hpp"
#include "export/drawing.hpp"
#include "export/embedded_files.hpp"
#include "export/text.hpp"
#include "export/vocabulary.hpp"
#include "export/writers.hpp"
#include "graph/analysis.hpp"

namespace newsgraph {
namespace {

using JsonWriter = rapidjson::Writer<rapidjson::StringBuffer>;

struct Point {
    double x = 0, y = 0;
};

// The diameter of an entity's dot, in pixels at zoom 1: from 10 to 46 by PageRank.
std::vector<double> node_sizes(const Centrality& m) {
    double top = 0;
    for (double rank : m.pagerank) top = std::max(top, rank);
    std::vector<double> sizes(m.pagerank.size(), 10.0);
    if (top > 0)
        for (std::size_t v = 0; v < sizes.size(); ++v)
            sizes[v] = 10.0 + 36.0 * std::sqrt(m.pagerank[v] / top);
    return sizes;
}

bool has_typed_relation(const Graph& g, Vertex v) {
    for (Edge e : boost::make_iterator_range(boost::out_edges(v, g)))
        if (g[e].relation != Relation::co_mentioned) return true;
    for (Edge e : boost::make_iterator_range(boost::in_edges(v, g)))
        if (g[e].relation != Relation::co_mentioned) return true;
    return false;
}

char* c_string(const char* text) {
    return const_cast<char*>(text);  // cgraph copies the strings it is given
}
void set(void* object, const char* name, const std::string& value) {
    agsafeset(object, c_string(name), c_string(value.c_str()), c_string(""));
}

// Positions of the entities with typed relations, laid out by sfdp on those relations
// (Graphviz y grows upwards, the page's downwards: y is negated). nullopt for the others, or
// for all when Graphviz fails.
std::vector<std::optional<Point>> force_layout(const KnowledgeGraph& graph,
                                               const ExportOptions& options,
                                               const std::vector<double>& sizes) {
    const Graph& g = graph.graph();
    std::vector<std::optional<Point>> positions(boost::num_vertices(g));
    std::vector<bool> placed(positions.size());
    bool any = false;
    for (Vertex v : boost::make_iterator_range(boost::vertices(g)))
        any |= placed[v] = has_typed_relation(g, v);
    if (!any) return positions;

    // The Drawing of the typed relations (the drawings' own graph, so that Graphviz is used
    // as they use it: one context, one drawing at a time), stripped of what only a picture
    // needs: labels, which Graphviz would measure, and spline routing.
    ExportOptions layout = options;
    layout.layout = "sfdp";
    layout.draw_limit = 0;
    layout.draw_co_mentions = false;
    Drawing drawing(graph, layout, Drawing::Unlaid{});
    Agraph_t* ag = drawing.graph();
    std::vector<Agnode_t*> node_of;  // Drawing adds one node per vertex, in vertex order
    for (Agnode_t* n = agfstnode(ag); n; n = agnxtnode(ag, n)) node_of.push_back(n);
    if (node_of.size() != positions.size()) return positions;
    for (Vertex v = 0; v < node_of.size(); ++v) {
        if (!placed[v]) {
            agdelnode(ag, node_of[v]);
            node_of[v] = nullptr;
            continue;
        }
        char width[32];
        std::snprintf(width, sizeof width, "%.3f", sizes[v] / 72.0);
        set(node_of[v], "label", "");
        set(node_of[v], "shape", "circle");
        set(node_of[v], "fixedsize", "true");
        set(node_of[v], "width", width);
        for (Agedge_t* e = agfstout(ag, node_of[v]); e; e = agnxtout(ag, e)) set(e, "label", "");
    }
    agattr(ag, AGRAPH, c_string("label"), c_string(""));
    agattr(ag, AGRAPH, c_string("splines"), c_string("false"));
    agattr(ag, AGRAPH, c_string("overlap"), c_string("prism"));
    agattr(ag, AGRAPH, c_string("sep"), c_string("+8"));
    if (gvLayout(drawing.context(), ag, "sfdp") != 0) return positions;
    for (Vertex v = 0; v < node_of.size(); ++v)
        if (node_of[v])
            positions[v] = Point{ND_coord(node_of[v]).x * 2, -ND_coord(node_of[v]).y * 2};
    gvFreeLayout(drawing.context(), ag);
    return positions;
}

// Every entity's position: the force layout's, and rows below it for the rest (most
// mentioned first), as wide as the drawing.
std::vector<Point> positions(const KnowledgeGraph& graph, const ExportOptions& options,
                             const std::vector<double>& sizes) {
    const Graph& g = graph.graph();
    std::vector<std::optional<Point>> placed;
    try {
        placed = force_layout(graph, options, sizes);
    } catch (const std::exception&) {  // no sfdp: everything in rows
        placed.assign(boost::num_vertices(g), std::nullopt);
    }
    double left = 0, right = 0, bottom = 0;
    bool first = true;
    std::vector<Vertex> rest;
    for (Vertex v = 0; v < placed.size(); ++v) {
        if (!placed[v]) {
            rest.push_back(v);
            continue;
        }
        left = first ? placed[v]->x : std::min(left, placed[v]->x);
        right = first ? placed[v]->x : std::max(right, placed[v]->x);
        bottom = first ? placed[v]->y : std::max(bottom, placed[v]->y);
        first = false;
    }
    std::stable_sort(rest.begin(), rest.end(),
                     [&](Vertex a, Vertex b) { return g[a].mentions > g[b].mentions; });
    constexpr double kSpacing = 40;
    const auto columns = static_cast<std::size_t>(std::max(
        {std::ceil(std::sqrt(static_cast<double>(rest.size()))), (right - left) / kSpacing, 1.0}));
    std::vector<Point> result(placed.size());
    for (std::size_t i = 0; i < rest.size(); ++i)
        result[rest[i]] = Point{
            left + static_cast<double>(i % columns) * kSpacing,
            (first ? 0 : bottom + 3 * kSpacing) + static_cast<double>(i / columns) * kSpacing};
    for (Vertex v = 0; v < placed.size(); ++v)
        if (placed[v]) result[v] = *placed[v];
    return result;
}

void put(JsonWriter& json, std::string_view text) {
    const std::string clean = clean_text(text);
    json.String(clean.data(), static_cast<rapidjson::SizeType>(clean.size()));
}

void put_number(JsonWriter& json, double value, int digits) {
    const double scale = std::pow(10.0, digits);
    const double rounded = std::round(value * scale) / scale;
    if (rounded == std::floor(rounded) && std::abs(rounded) < 1e15)
        json.Int64(static_cast<std::int64_t>(rounded));
    else
        json.Double(rounded);
}

// The graph as the page reads it (explorer.js says what each field is). Sentences are
// stored once and cited by index: a sentence naming five entities supports ten co-mentions.
std::string graph_json(const KnowledgeGraph& graph, const ExportOptions& options) {
    const Graph& g = graph.graph();
    const Centrality m = stored_centrality(graph);
    const std::vector<double> sizes = node_sizes(m);
    const std::vector<Point> where = positions(graph, options, sizes);

    rapidjson::StringBuffer buffer;
    JsonWriter json(buffer);
    json.SetMaxDecimalPlaces(6);
    json.StartObject();

    json.Key("types");
    json.StartArray();
    for (EntityType type : kEntityTypes) put(json, to_string(type));
    json.EndArray();

    json.Key("relations");
    json.StartArray();
    for (int r = 0; r < kRelationCount; ++r) {
        const auto relation = static_cast<Relation>(r);
        json.StartArray();
        put(json, to_string(relation));
        json.Bool(is_symmetric(relation));
        put(json, relation_meaning(relation));
        json.EndArray();
    }
    json.EndArray();

    std::map<std::string, std::size_t> document_index;
    json.Key("documents");  // [id, title, url, date, source]
    json.StartArray();
    for (const DocumentInfo& document : graph.documents()) {
        document_index.emplace(document.id, document_index.size());
        json.StartArray();
        for (const std::string* field :
             {&document.id, &document.title, &document.url, &document.date, &document.source})
            put(json, *field);
        json.EndArray();
    }
    json.EndArray();

    json.Key("nodes");
    json.StartArray();
    for (Vertex v : boost::make_iterator_range(boost::vertices(g))) {
        const EntityVertex& entity = g[v];
        json.StartObject();
        json.Key("id");
        put(json, entity.id);
        json.Key("label");
        put(json, entity.label);
        json.Key("type");
        json.Int(static_cast<int>(entity.type));
        json.Key("mentions");
        json.Int(entity.mentions);
        json.Key("documents");
        json.Uint64(entity.documents.size());
        json.Key("aliases");  // [[form, mentions], ...], most mentioned first
        json.StartArray();
        for (const std::string& alias : aliases_by_mentions(entity)) {
            json.StartArray();
            put(json, alias);
            json.Int(entity.aliases.at(alias));
            json.EndArray();
        }
        json.EndArray();
        json.Key("attributes");
        json.StartObject();
        for (const auto& [name, value] : entity.attributes) {
            if (!analysis_attribute_type(name).empty()) continue;  // in "measures"
            put(json, name);
            put(json, value);
        }
        json.EndObject();
        json.Key("measures");  // degree, weighted degree, betweenness, PageRank, component
        json.StartArray();
        json.Int(m.degree[v]);
        put_number(json, m.weighted_degree[v], 3);
        json.Double(m.betweenness[v]);
        json.Double(m.pagerank[v]);
        json.Int(m.component[v]);
        json.EndArray();
        json.Key("size");
        put_number(json, sizes[v], 1);
        json.Key("x");
        put_number(json, where[v].x, 1);
        json.Key("y");
        put_number(json, where[v].y, 1);
        json.EndObject();
    }
    json.EndArray();

    // Sentences once each: [document index, sentence number (from 0), text].
    std::map<std::pair<std::string, int>, std::size_t> sentence_index;
    std::vector<const Evidence*> sentences;
    json.Key("edges");  // [source, target, relation, weight, [sentences], confidence, cameo]
    json.StartArray();
    for (Edge e : boost::make_iterator_range(boost::edges(g))) {
        const RelationEdge& edge = g[e];
        json.StartArray();
        json.Uint64(boost::source(e, g));
        json.Uint64(boost::target(e, g));
        json.Int(static_cast<int>(edge.relation));
        json.Int(edge.weight);
        json.StartArray();
        for (const Evidence& evidence : edge.evidence) {
            const auto [at, added] = sentence_index.emplace(
                std::make_pair(evidence.document, evidence.sentence), sentences.size());
            if (added) sentences.push_back(&evidence);
            json.Uint64(at->second);
        }
        json.EndArray();
        put_number(json, edge.confidence, 3);
        put(json, edge.cameo);
        json.EndArray();
    }
    json.EndArray();

    json.Key("sentences");
    json.StartArray();
    for (const Evidence* evidence : sentences) {
        json.StartArray();
        const auto document = document_index.find(evidence->document);
        if (document != document_index.end())
            json.Uint64(document->second);
        else
            put(json, evidence->document);  // a document the graph has no record of
        json.Int(evidence->sentence);
        put(json, evidence->text);
        put(json, evidence->date);
        json.EndArray();
    }
    json.EndArray();

    json.EndObject();
    return buffer.GetString();
}

// JSON inside <script>: '<', '>' and '&' as \u escapes, so that no "</script>" or "<!--" in a
// name or sentence can end the element or change how it is parsed; U+2028 and U+2029 too, for
// engines that read JSON as JavaScript. '<', '>' and '&' appear only inside JSON strings.
std::string script_safe_json(const std::string& json) {
    std::string out;
    out.reserve(json.size() + json.size() / 64);
    for (std::size_t i = 0; i < json.size(); ++i) {
        const char c = json[i];
        if (c == '<') {
            out += "\\u003c";
        } else if (c == '>') {
            out += "\\u003e";
        } else if (c == '&') {
            out += "\\u0026";
        } else if (c == '\xE2' && i + 2 < json.size() && json[i + 1] == '\x80' &&
                   (json[i + 2] == '\xA8' || json[i + 2] == '\xA9')) {
            out += json[i + 2] == '\xA8' ? "\\u2028" : "\\u2029";
            i += 2;
        } else {
            out += c;
        }
    }
    return out;
}

// Script or style text inlined into the page: a "</script" or "</style" in it (in a string
// or a comment) would end the element early; written "<\/" it means the same to JavaScript.
std::string inline_safe(std::string text) {
    auto closes_element = [&](std::size_t at) {
        for (std::string_view tag : {"script", "style"}) {
            if (text.size() < at + 2 + tag.size()) continue;
            bool same = true;
            for (std::size_t i = 0; i < tag.size(); ++i)
                same &= std::tolower(static_cast<unsigned char>(text[at + 2 + i])) == tag[i];
            if (same) return true;
        }
        return false;
    };
    for (std::size_t at = text.find("</"); at != std::string::npos; at = text.find("</", at + 2))
        if (closes_element(at)) text.replace(at, 2, "<\\/");
    return text;
}

// The page, its placeholders replaced: {{style}}, {{library}}, {{script}}, {{data}},
// {{title}}.
std::string page(const KnowledgeGraph& graph, const ExportOptions& options) {
    const std::vector<std::pair<std::string, std::string>> fills = {
        {"{{title}}",
         xml_escape("newsgraph explorer: " + std::to_string(boost::num_vertices(graph.graph())) +
                    " entities, " + std::to_string(graph.documents().size()) + " articles")},
        {"{{style}}", inline_safe(embedded_file("explorer.css"))},
        {"{{library}}", inline_safe(embedded_file("cytoscape.min.js"))},
        {"{{script}}", inline_safe(embedded_file("explorer.js"))},
        {"{{data}}", script_safe_json(graph_json(graph, options))},
    };
    const std::string html = embedded_file("explorer.html");
    std::string out;
    std::size_t from = 0;
    for (std::size_t at = html.find("{{"); at != std::string::npos; at = html.find("{{", from)) {
        out.append(html, from, at - from);
        const auto fill = std::find_if(fills.begin(), fills.end(), [&](const auto& f) {
            return html.compare(at, f.first.size(), f.first) == 0;
        });
        if (fill == fills.end()) {
            out += "{{";
            from = at + 2;
        } else {
            out += fill->second;
            from = at + fill->first.size();
        }
    }
    out.append(html, from, std::string::npos);
    return out;
}

class ExplorerWriter : public Exporter {
  public:
    std::string_view format() const override { return "html"; }
    std::string_view file_name() const override { return "explorer.html"; }
    bool uses_graphviz() const override { return true; }
    void write(const KnowledgeGraph& graph, const ExportOptions& options,
               std::ostream& out) const override {
        out << page(graph, options);
    }
};

}  // namespace

std::unique_ptr<Exporter> make_explorer_writer() {
    return std::make_unique<ExplorerWriter>();
}

}  // namespace newsgraph
