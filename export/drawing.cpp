#include "export/drawing.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <iterator>
#include <optional>
#include <ostream>
#include <stdexcept>
#include <vector>

#include "export/aliases.hpp"
#include "export/palette.hpp"
#include "export/text.hpp"
#include "graph/analysis.hpp"
#include "graph/filters.hpp"

namespace newsgraph {
namespace {

// --- style --------------------------------------------------------------------------------

constexpr const char* kFont = "Helvetica,Arial,sans-serif";
constexpr const char* kOutline = "#4D4D4D";

struct TypeStyle {
    const char* shape;
    const char* style;
    const char* shape_words;  // the shape named in the legend
};
// Indexed by EntityType; the fill is export/palette.hpp's. Shape and colour both tell the type, so
// colour is never the only cue.
constexpr std::array<TypeStyle, 5> kTypeStyles = {{
    {"ellipse", "filled", "oval"},             // Person
    {"box", "filled,rounded", "rounded box"},  // Country
    {"hexagon", "filled", "hexagon"},          // Organisation
    {"note", "filled", "note"},                // Agreement
    {"house", "filled", "house"},              // Location
}};
const TypeStyle& style_of(EntityType type) {
    return kTypeStyles[static_cast<size_t>(type)];
}

// Relations grouped like the quad classes of CAMEO (see the schema), one colour each.
enum class Tone { structure, cooperation, conflict, co_mention };
struct ToneStyle {
    const char* name;
    const char* colour;
};
constexpr std::array<ToneStyle, 4> kToneStyles = {{
    {"office, membership, agreement", "#4D4D4D"},
    {"meeting, cooperation, support", "#0072B2"},
    {"criticism, sanction, attack, legal action", "#D55E00"},
    {"co-mentioned", "#999999"},
}};

Tone tone_of(Relation relation) {
    switch (relation) {
        case Relation::met_with:
        case Relation::visited:
        case Relation::cooperates_with:
        case Relation::supports:
            return Tone::cooperation;
        case Relation::criticizes:
        case Relation::sanctions:
        case Relation::attacks:
        case Relation::legal_action:
            return Tone::conflict;
        case Relation::co_mentioned:
            return Tone::co_mention;
        default:
            return Tone::structure;
    }
}
const ToneStyle& style_of(Tone tone) {
    return kToneStyles[static_cast<size_t>(tone)];
}

std::string number(double value) {
    char text[32];
    std::snprintf(text, sizeof text, "%.2g", value);
    return text;
}

// Names of much-mentioned entities and lines of well-supported facts stand out, within limits
// that keep a large graph readable.
std::string font_size_for(int mentions) {
    return number(std::min(18.0, 10.0 + 1.5 * std::log2(std::max(1, mentions))));
}
std::string pen_width_for(int weight) {
    return number(std::min(5.0, 1.0 + 0.75 * std::log2(std::max(1, weight))));
}

// --- text ---------------------------------------------------------------------------------

// `text` as a Graphviz escString that displays exactly `text`: backslashes doubled,
// line breaks as \n, and '&' escaped where Graphviz would read an HTML entity ("&amp;").
// Quotes are agwrite's job.
std::string display_string(std::string_view text) {
    const std::string clean = clean_text(text);
    std::string out;
    for (std::size_t i = 0; i < clean.size(); ++i) {
        const char c = clean[i];
        if (c == '\\') {
            out += "\\\\";
        } else if (c == '\r' || c == '\n') {
            if (c == '\r' && i + 1 < clean.size() && clean[i + 1] == '\n') ++i;
            out += "\\n";
        } else if (c == '&') {
            std::size_t end = i + 1;
            while (end < clean.size() &&
                   (std::isalnum(static_cast<unsigned char>(clean[end])) || clean[end] == '#'))
                ++end;
            out += end > i + 1 && end < clean.size() && clean[end] == ';' ? "&amp;" : "&";
        } else {
            out += c;
        }
    }
    return out;
}

// At most `limit` bytes of `text`, cut at a character boundary, with an ellipsis if cut.
std::string shortened(const std::string& text, std::size_t limit) {
    if (text.size() <= limit) return text;
    std::size_t end = limit;
    while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
    return text.substr(0, end) + "\u2026";
}

// Node names are entity ids, which are slugs in practice. Two characters would not survive
// Graphviz: a backslash before the closing quote of a DOT ID or a line break, and '&' that
// looks like an entity to its SVG output. Those, and '%' to keep the spelling reversible,
// are percent-encoded.
std::string node_name(const std::string& id) {
    std::string name;
    for (const char c : clean_text(id)) {
        switch (c) {
            case '%':
                name += "%25";
                break;
            case '&':
                name += "%26";
                break;
            case '\\':
                name += "%5C";
                break;
            default:
                name += c;
        }
    }
    return name;
}

std::string relation_words(Relation relation) {
    std::string words(to_string(relation));
    std::replace(words.begin(), words.end(), '_', ' ');
    return words;
}

std::string node_tooltip(const EntityVertex& entity) {
    std::string tip = entity.label + " (" + std::string(to_string(entity.type)) + "), " +
                      std::to_string(entity.mentions) + " mentions in " +
                      std::to_string(entity.documents.size()) + " documents";
    std::string also;
    for (const std::string& alias : aliases_by_mentions(entity))
        if (alias != entity.label) also += (also.empty() ? "" : ", ") + alias;
    if (!also.empty()) tip += "\nalso: " + shortened(also, 300);
    return display_string(tip);
}

std::string edge_tooltip(const EntityVertex& source, const RelationEdge& edge,
                         const EntityVertex& target) {
    std::string tip = source.label + " " + relation_words(edge.relation) + " " + target.label +
                      ": " + std::to_string(edge.weight) +
                      (edge.weight == 1 ? " sentence" : " sentences");
    if (!edge.evidence.empty())
        tip += "\n\u201C" + shortened(edge.evidence.front().text, 300) + "\u201D";
    return display_string(tip);
}

// --- cgraph -------------------------------------------------------------------------------

// cgraph predates const: it copies the strings it is given but declares char*.
char* c_string(const char* text) {
    return const_cast<char*>(text);
}
char* c_string(const std::string& text) {
    return const_cast<char*>(text.c_str());
}

template <typename Value>
void set(void* object, const char* name, const Value& value) {
    agsafeset(object, c_string(name), c_string(value), c_string(""));
}

void declare(Agraph_t* graph, int kind, const char* name, const char* value) {
    agattr(graph, kind, c_string(name), c_string(value));
}

int put_string(void* stream, const char* text) {
    auto& out = *static_cast<std::ostream*>(stream);
    out << text;
    return out ? 0 : EOF;
}
int flush_stream(void* stream) {
    auto& out = *static_cast<std::ostream*>(stream);
    out.flush();
    return out ? 0 : EOF;
}
// afread is left out: drawings are built, never parsed.
Agiodisc_t ostream_io = {nullptr, put_string, flush_stream};
Agdisc_t ostream_discipline = {&AgMemDisc, &AgIdDisc, &ostream_io};

std::string* current_messages = nullptr;
int collect_message(char* message) {
    if (current_messages) *current_messages += message;
    return 0;
}

std::mutex graphviz_mutex;

// One context for the process, never freed: the pango text layout of Graphviz 2.43 keeps a
// pointer to the last font name it measured, which the context owns, so laying out with a
// second context after freeing the first reads freed memory.
GVC_t* shared_context() {
    static GVC_t* const context = gvContext();
    return context;
}

// The layout engines the installed Graphviz offers ("dot", "neato", ...).
std::vector<std::string> layout_engines(GVC_t* context) {
    int count = 0;
    char** names = gvPluginList(context, "layout", &count, nullptr);
    std::vector<std::string> engines;
    for (int i = 0; i < count; ++i) {
        engines.emplace_back(names[i]);
        std::free(names[i]);
    }
    std::free(names);
    return engines;
}

void style_graph(Agraph_t* g, const ExportOptions& options) {
    declare(g, AGRAPH, "labelloc", "t");
    declare(g, AGRAPH, "fontname", kFont);
    declare(g, AGRAPH, "fontsize", "16");
    declare(g, AGRAPH, "layout", options.layout.c_str());
    declare(g, AGRAPH, "rankdir", "LR");
    declare(g, AGRAPH, "nodesep", "0.35");
    declare(g, AGRAPH, "ranksep", "0.7");
    declare(g, AGRAPH, "overlap", "false");  // for the force-directed engines
    declare(g, AGRAPH, "splines", "true");
    declare(g, AGRAPH, "outputorder", "edgesfirst");  // nodes drawn over the lines
    declare(g, AGRAPH, "pad", "0.3");
    declare(g, AGRAPH, "bgcolor", "white");

    declare(g, AGNODE, "fontname", kFont);
    declare(g, AGNODE, "fontsize", "11");
    declare(g, AGNODE, "color", kOutline);
    declare(g, AGNODE, "penwidth", "1.2");
    declare(g, AGNODE, "margin", "0.12,0.05");

    declare(g, AGEDGE, "fontname", kFont);
    declare(g, AGEDGE, "fontsize", "9");
    declare(g, AGEDGE, "arrowsize", "0.7");
}

// The title, and a legend of the entity types and relation colours in use, as an HTML-like
// graph label: every layout engine places that outside the drawing, where a legend made of
// nodes would be scattered by the force-directed ones.
void add_title_and_legend(Agraph_t* g, const KnowledgeGraph& graph, std::size_t all_entities,
                          const std::vector<bool>& types_used,
                          const std::vector<bool>& tones_used) {
    int relations = 0;
    for (Edge e : boost::make_iterator_range(boost::edges(graph.graph())))
        relations +=
            graph.graph()[e].relation != Relation::co_mentioned && !graph.graph()[e].credit;
    const std::size_t drawn = boost::num_vertices(graph.graph());
    const std::string entities = drawn == all_entities
                                     ? std::to_string(drawn) + " entities"
                                     : "the " + std::to_string(drawn) + " of highest PageRank of " +
                                           std::to_string(all_entities) + " entities";
    std::string html = "<table border=\"0\" cellspacing=\"2\"><tr><td>newsgraph: " + entities +
                       ", " + std::to_string(relations) + " relations, " +
                       std::to_string(graph.documents().size()) + " documents</td></tr>";
    std::string types, tones;
    for (EntityType type : kEntityTypes) {
        if (!types_used[static_cast<size_t>(type)]) continue;
        const TypeStyle& style = style_of(type);
        types += "<td bgcolor=\"" + std::string(colour_of(type).hex) + "\" border=\"1\" color=\"" +
                 kOutline + "\">" + std::string(to_string(type)) + " (" + style.shape_words +
                 ")</td>";
    }
    for (std::size_t tone = 0; tone < kToneStyles.size(); ++tone) {
        if (!tones_used[tone]) continue;
        tones += "<td><font color=\"" + std::string(kToneStyles[tone].colour) + "\">\u2014\u2014 " +
                 kToneStyles[tone].name + "</font></td>";
    }
    for (const std::string* row : {&types, &tones})
        if (!row->empty())
            html += "<tr><td><font point-size=\"10\"><table border=\"0\" cellspacing=\"6\"><tr>" +
                    *row + "</tr></table></font></td></tr>";
    html += "</table>";
    // agattr keeps a string marked as HTML by agstrdup_html, which agwrite then writes as
    // <...> rather than "...".
    char* label = agstrdup_html(g, c_string(html));
    agattr(g, AGRAPH, c_string("label"), label);
    agstrfree(g, label);
}

void add_entities(Agraph_t* g, const KnowledgeGraph& graph, std::vector<Agnode_t*>& node_of,
                  std::vector<bool>& types_used) {
    const Graph& kg = graph.graph();
    for (Vertex v : boost::make_iterator_range(boost::vertices(kg))) {
        const EntityVertex& entity = kg[v];
        Agnode_t* node = agnode(g, c_string(node_name(entity.id)), 1);
        const TypeStyle& style = style_of(entity.type);
        std::string type_name(to_string(entity.type));
        set(node, "label", display_string(entity.label));
        set(node, "tooltip", node_tooltip(entity));
        set(node, "shape", style.shape);
        set(node, "style", style.style);
        set(node, "fillcolor", std::string(colour_of(entity.type).hex));
        set(node, "fontsize", font_size_for(entity.mentions));
        std::transform(type_name.begin(), type_name.end(), type_name.begin(),
                       [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
        set(node, "class", "entity " + type_name);  // for styling the SVG with CSS
        node_of[v] = node;
        types_used[static_cast<size_t>(entity.type)] = true;
    }
}

// Adds the relations to draw; returns the nodes left without any.
std::vector<Agnode_t*> add_relations(Agraph_t* g, const KnowledgeGraph& graph,
                                     const ExportOptions& options,
                                     const std::vector<Agnode_t*>& node_of,
                                     std::vector<bool>& tones_used) {
    std::vector<bool> related(node_of.size());
    const Graph& kg = graph.graph();
    for (Edge e : boost::make_iterator_range(boost::edges(kg))) {
        const RelationEdge& relation = kg[e];
        if (relation.relation == Relation::co_mentioned && !options.draw_co_mentions) continue;
        if (relation.credit && !options.draw_credits) continue;  // bylines: provenance
        const Vertex source = boost::source(e, kg), target = boost::target(e, kg);
        // Anonymous edges: several relations may join the same two entities.
        Agedge_t* edge = agedge(g, node_of[source], node_of[target], nullptr, 1);
        const Tone tone = tone_of(relation.relation);
        const ToneStyle& style = style_of(tone);
        set(edge, "color", style.colour);
        set(edge, "penwidth", pen_width_for(relation.weight));
        set(edge, "tooltip", edge_tooltip(kg[source], relation, kg[target]));
        set(edge, "class", "relation " + std::string(to_string(relation.relation)));
        if (is_symmetric(relation.relation)) set(edge, "dir", "none");
        if (tone == Tone::co_mention) {
            set(edge, "style", "dashed");  // a statistic, not a claim: drawn unlabelled
        } else {
            set(edge, "label", relation_words(relation.relation));
            set(edge, "fontcolor", style.colour);
        }
        tones_used[static_cast<size_t>(tone)] = true;
        related[source] = related[target] = true;
    }
    std::vector<Agnode_t*> unrelated;
    for (std::size_t v = 0; v < node_of.size(); ++v)
        if (!related[v]) unrelated.push_back(node_of[v]);
    return unrelated;
}

// dot puts every node without edges in its first rank: with co-mentions hidden, a news graph
// has dozens, drawn as one column many times taller than the rest. Chaining them in rows
// of invisible edges makes a square block instead. (dot's `pack` would do it without extra
// edges, but Graphviz 2.43 then drops every edge label.)
void arrange_unrelated(Agraph_t* g, const std::vector<Agnode_t*>& unrelated) {
    const auto row = static_cast<std::size_t>(std::ceil(std::sqrt(unrelated.size())));
    for (std::size_t i = 1; i < unrelated.size(); ++i) {
        if (i % row == 0) continue;
        Agedge_t* edge = agedge(g, unrelated[i - 1], unrelated[i], nullptr, 1);
        set(edge, "style", "invis");
        set(edge, "class", "layout");
    }
}

}  // namespace

GVC_t* Drawing::context() const {
    return shared_context();
}

Drawing::MessageCollector::MessageCollector() {
    current_messages = &text;
    previous = agseterrf(collect_message);
}

Drawing::MessageCollector::~MessageCollector() {
    agseterrf(previous);
    current_messages = nullptr;
}

namespace {

// The graph to draw: all of it, or its `limit` entities of highest PageRank.
std::optional<KnowledgeGraph> limited(const KnowledgeGraph& graph, std::size_t limit) {
    if (limit == 0 || boost::num_vertices(graph.graph()) <= limit) return std::nullopt;
    GraphFilter top;
    top.top = limit;
    return filter_graph(graph, top, stored_centrality(graph).pagerank);
}

}  // namespace

Drawing::Drawing(const KnowledgeGraph& whole_graph, const ExportOptions& options)
    : lock_(graphviz_mutex) {
    const std::vector<std::string> engines = layout_engines(context());
    if (std::find(engines.begin(), engines.end(), options.layout) == engines.end()) {
        std::string valid;
        for (const std::string& engine : engines) valid += (valid.empty() ? "" : ", ") + engine;
        throw std::runtime_error("unknown Graphviz layout \"" + options.layout +
                                 "\"; valid layouts: " + valid);
    }

    const std::optional<KnowledgeGraph> top = limited(whole_graph, options.draw_limit);
    const KnowledgeGraph& knowledge_graph = top ? *top : whole_graph;
    graph_.reset(agopen(c_string("newsgraph"), Agdirected, &ostream_discipline));
    style_graph(graph(), options);
    std::vector<Agnode_t*> node_of(boost::num_vertices(knowledge_graph.graph()));
    std::vector<bool> types_used(std::size(kEntityTypes)), tones_used(kToneStyles.size());
    add_entities(graph(), knowledge_graph, node_of, types_used);
    const std::vector<Agnode_t*> unrelated =
        add_relations(graph(), knowledge_graph, options, node_of, tones_used);
    if (options.layout == "dot") arrange_unrelated(graph(), unrelated);
    add_title_and_legend(graph(), knowledge_graph, boost::num_vertices(whole_graph.graph()),
                         types_used, tones_used);
}

}  // namespace newsgraph
