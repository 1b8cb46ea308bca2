#include "export/drawing.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <iterator>
#include <map>
#include <memory>
#include <optional>
#include <ostream>
#include <set>
#include <stdexcept>
#include <string>
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
    return number(std::min(20.0, 12.0 + 1.5 * std::log2(std::max(1, mentions))));
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

// Entities of more than this many in one connected group are laid out by a force-directed
// engine (sfdp) when --layout is auto: dot's layered drawing of hundreds of entities is a
// band many metres wide, and takes minutes.
constexpr std::size_t kForceAbove = 150;

// The engine that lays out one connected group of `entities`.
std::string engine_for(const std::string& layout, std::size_t entities) {
    if (layout != "auto") return layout;
    return entities > kForceAbove ? "sfdp" : "dot";
}

void style_graph(Agraph_t* g, const std::string& engine, std::size_t entities) {
    declare(g, AGRAPH, "labelloc", "t");
    declare(g, AGRAPH, "fontname", kFont);
    declare(g, AGRAPH, "fontsize", "16");
    declare(g, AGRAPH, "layout", engine.c_str());
    declare(g, AGRAPH, "rankdir", "LR");
    declare(g, AGRAPH, "nodesep", "0.35");
    declare(g, AGRAPH, "ranksep", "0.7");
    declare(g, AGRAPH, "overlap", "false");  // for the force-directed engines
    // Routing curves around hundreds of nodes takes the force-directed engines minutes.
    declare(g, AGRAPH, "splines", engine != "dot" && entities > kForceAbove ? "line" : "true");
    declare(g, AGRAPH, "outputorder", "edgesfirst");  // nodes drawn over the lines
    declare(g, AGRAPH, "pad", "0.3");
    declare(g, AGRAPH, "bgcolor", "white");

    declare(g, AGNODE, "fontname", kFont);
    declare(g, AGNODE, "fontsize", "12");
    declare(g, AGNODE, "color", kOutline);
    declare(g, AGNODE, "penwidth", "1.2");
    declare(g, AGNODE, "margin", "0.12,0.05");

    declare(g, AGEDGE, "fontname", kFont);
    declare(g, AGEDGE, "fontsize", "10");
    declare(g, AGEDGE, "arrowsize", "0.7");
}

// What is drawn: the entities, in connected groups (largest first), and the relations.
struct Selection {
    std::vector<std::vector<Vertex>> components;
    std::vector<Edge> edges;
    std::size_t entities = 0;      // drawn
    std::size_t related = 0;       // entities of the whole graph with a drawn relation
    bool limited = false;          // --draw-limit left some of those out
    bool unrelated_drawn = false;  // entities without relations drawn too
};

bool drawable(const RelationEdge& edge, const ExportOptions& options) {
    if (edge.relation == Relation::co_mentioned && !options.draw_co_mentions) return false;
    return !edge.credit || options.draw_credits;  // bylines: provenance
}

// The connected groups of the `member` entities joined by `edges`: largest first, then the
// one with the most central entity; each group's entities in the graph's (id) order.
std::vector<std::vector<Vertex>> components_of(const Graph& g, const std::vector<bool>& member,
                                               const std::vector<Edge>& edges,
                                               const std::vector<double>& pagerank) {
    std::vector<Vertex> parent(member.size());
    for (std::size_t v = 0; v < parent.size(); ++v) parent[v] = v;
    const auto root = [&](Vertex v) {
        while (parent[v] != v) v = parent[v] = parent[parent[v]];
        return v;
    };
    for (Edge e : edges) {
        const Vertex s = boost::source(e, g), t = boost::target(e, g);
        if (member[s] && member[t]) parent[root(s)] = root(t);
    }
    std::map<Vertex, std::vector<Vertex>> groups;
    for (Vertex v = 0; v < member.size(); ++v)
        if (member[v]) groups[root(v)].push_back(v);
    std::vector<std::vector<Vertex>> components;
    for (auto& group : groups) components.push_back(std::move(group.second));
    const auto central = [&](const std::vector<Vertex>& c) {
        double best = 0;
        for (Vertex v : c) best = std::max(best, v < pagerank.size() ? pagerank[v] : 0.0);
        return best;
    };
    std::stable_sort(components.begin(), components.end(), [&](const auto& a, const auto& b) {
        if (a.size() != b.size()) return a.size() > b.size();
        const double ca = central(a), cb = central(b);
        return ca != cb ? ca > cb : a.front() < b.front();
    });
    return components;
}

Selection select(const KnowledgeGraph& graph, const ExportOptions& options) {
    const Graph& g = graph.graph();
    const std::size_t n = boost::num_vertices(g);
    const std::vector<double> pagerank = stored_centrality(graph).pagerank;
    Selection selection;
    std::vector<Edge> drawn;
    std::vector<bool> related(n);
    for (Edge e : boost::make_iterator_range(boost::edges(g))) {
        if (!drawable(g[e], options)) continue;
        drawn.push_back(e);
        related[boost::source(e, g)] = related[boost::target(e, g)] = true;
    }
    selection.related = static_cast<std::size_t>(std::count(related.begin(), related.end(), true));
    // Names without any relation tell no story; drawn only when asked, or when nothing else is.
    selection.unrelated_drawn = options.draw_unrelated || selection.related == 0;
    std::vector<bool> member = selection.unrelated_drawn ? std::vector<bool>(n, true) : related;
    std::vector<std::vector<Vertex>> components = components_of(g, member, drawn, pagerank);
    const std::size_t members =
        static_cast<std::size_t>(std::count(member.begin(), member.end(), true));
    if (options.draw_limit != 0 && members > options.draw_limit) {
        // Whole groups, largest first, as many as fit; if even the largest does not, its
        // entities of highest PageRank.
        selection.limited = true;
        std::vector<bool> chosen(n);
        std::size_t total = 0;
        for (const std::vector<Vertex>& component : components) {
            if (total + component.size() > options.draw_limit) continue;
            for (Vertex v : component) chosen[v] = true;
            total += component.size();
        }
        if (total == 0) {
            std::vector<Vertex> largest = components.front();
            std::stable_sort(largest.begin(), largest.end(),
                             [&](Vertex a, Vertex b) { return pagerank[a] > pagerank[b]; });
            largest.resize(options.draw_limit);
            for (Vertex v : largest) chosen[v] = true;
            if (!selection.unrelated_drawn) {  // those left without a relation among them
                std::vector<bool> linked(n);
                for (Edge e : drawn)
                    if (chosen[boost::source(e, g)] && chosen[boost::target(e, g)])
                        linked[boost::source(e, g)] = linked[boost::target(e, g)] = true;
                chosen = linked;
            }
        }
        member = chosen;
        components = components_of(g, member, drawn, pagerank);
    }
    for (Edge e : drawn)
        if (member[boost::source(e, g)] && member[boost::target(e, g)])
            selection.edges.push_back(e);
    for (const auto& component : components) selection.entities += component.size();
    selection.components = std::move(components);
    return selection;
}

// The title, and a legend of the entity types and relation colours in use, as an HTML-like
// graph label: every layout engine places that outside the drawing, where a legend made of
// nodes would be scattered by the force-directed ones.
void add_title_and_legend(Agraph_t* g, const KnowledgeGraph& graph, const Selection& selection,
                          const ExportOptions& options, const std::vector<bool>& types_used,
                          const std::vector<bool>& tones_used) {
    const Graph& kg = graph.graph();
    std::size_t relations = 0;
    for (Edge e : selection.edges) relations += kg[e].relation != Relation::co_mentioned;
    const std::size_t all = boost::num_vertices(kg);
    std::string entities =
        std::to_string(selection.entities) + " of " + std::to_string(all) + " entities";
    if (selection.entities == all)
        entities = std::to_string(all) + " entities";
    else if (selection.limited)
        entities +=
            " (the largest connected groups, at most " + std::to_string(options.draw_limit) + ")";
    else if (!selection.unrelated_drawn)
        entities += " (those with typed relations)";
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
            html += "<tr><td><font point-size=\"12\"><table border=\"0\" cellspacing=\"6\"><tr>" +
                    *row + "</tr></table></font></td></tr>";
    html += "</table>";
    // agattr keeps a string marked as HTML by agstrdup_html, which agwrite then writes as
    // <...> rather than "...".
    char* label = agstrdup_html(g, c_string(html));
    agattr(g, AGRAPH, c_string("label"), label);
    agstrfree(g, label);
}

Agnode_t* add_entity(Agraph_t* g, const EntityVertex& entity) {
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
    return node;
}

Agedge_t* add_relation(Agraph_t* g, const Graph& kg, Edge e, Agnode_t* tail, Agnode_t* head) {
    const RelationEdge& relation = kg[e];
    // Anonymous edges: several relations may join the same two entities.
    Agedge_t* edge = agedge(g, tail, head, nullptr, 1);
    const Tone tone = tone_of(relation.relation);
    const ToneStyle& style = style_of(tone);
    set(edge, "color", style.colour);
    set(edge, "penwidth", pen_width_for(relation.weight));
    set(edge, "tooltip",
        edge_tooltip(kg[boost::source(e, kg)], relation, kg[boost::target(e, kg)]));
    set(edge, "class", "relation " + std::string(to_string(relation.relation)));
    if (is_symmetric(relation.relation)) set(edge, "dir", "none");
    if (tone == Tone::co_mention) {
        set(edge, "style", "dashed");  // a statistic, not a claim: drawn unlabelled
    } else {
        set(edge, "label", relation_words(relation.relation));
        set(edge, "fontcolor", style.colour);
    }
    return edge;
}

// --- packing ------------------------------------------------------------------------------

std::string coordinates(double x, double y) {
    char text[64];
    std::snprintf(text, sizeof text, "%.2f,%.2f", x, y);
    return text;
}

// "x,y" moved by (dx, dy); Graphviz's spline lists ("e,x,y x,y x,y;s,x,y ...") point by point.
std::string shifted(const std::string& points, double dx, double dy) {
    std::string out;
    std::size_t at = 0;
    while (at < points.size()) {
        const std::size_t end = points.find_first_of(" ;", at);
        std::string token = points.substr(at, end == std::string::npos ? end : end - at);
        std::string prefix;
        if (token.size() > 2 && (token[0] == 'e' || token[0] == 's') && token[1] == ',') {
            prefix = token.substr(0, 2);
            token = token.substr(2);
        }
        double x = 0, y = 0;
        if (std::sscanf(token.c_str(), "%lf,%lf", &x, &y) == 2)
            out += prefix + coordinates(x + dx, y + dy);
        else
            out += prefix + token;
        if (end == std::string::npos) break;
        out += points[end];
        at = end + 1;
    }
    return out;
}

std::string attribute(void* object, const char* name) {
    const char* value = agget(object, c_string(name));
    return value ? value : "";
}

// One connected group laid out on its own, its positions waiting to be moved into place.
struct LaidOut {
    double llx = 0, lly = 0, width = 0, height = 0;
    struct Node {
        Agnode_t* node;  // in the drawing
        double x, y;
        std::string width, height;
    };
    struct Line {
        Agedge_t* edge;  // in the drawing
        std::string pos, lp;
    };
    std::vector<Node> nodes;
    std::vector<Line> lines;
};

struct Row {
    std::size_t first, last;
    double width, height;
};
constexpr double kGap = 36;  // points: half an inch between groups

// The groups in order, in rows of at most `limit` points (or one group, if wider).
std::vector<Row> rows_of(const std::vector<LaidOut>& groups, double limit) {
    std::vector<Row> rows;
    for (std::size_t i = 0; i < groups.size(); ++i) {
        if (rows.empty() || rows.back().width + kGap + groups[i].width > limit) {
            rows.push_back({i, i + 1, groups[i].width, groups[i].height});
            continue;
        }
        Row& row = rows.back();
        row.last = i + 1;
        row.width += kGap + groups[i].width;
        row.height = std::max(row.height, groups[i].height);
    }
    return rows;
}

// Rows of groups, largest first, each row centred under the one above, the rows' width chosen
// so that the whole is about 1.5 times as wide as high (a screen, a landscape page): the
// story's main group on top, the small ones beside and below it, not a column many times
// taller than wide.
void pack(std::vector<LaidOut>& groups) {
    if (groups.empty()) return;
    constexpr double kAspect = 1.5;
    double widest = 0, all = 0;
    for (const LaidOut& group : groups) {
        widest = std::max(widest, group.width);
        all += group.width + kGap;
    }
    const auto extent = [](const std::vector<Row>& rows) {
        double width = 0, height = -kGap;
        for (const Row& row : rows) {
            width = std::max(width, row.width);
            height += row.height + kGap;
        }
        return std::pair<double, double>{width, std::max(height, 1.0)};
    };
    std::vector<Row> rows = rows_of(groups, widest);
    double best = 1e300;
    constexpr int kTries = 64;
    for (int i = 0; i <= kTries; ++i) {
        const double limit = widest + (all - widest) * i / kTries;
        std::vector<Row> tried = rows_of(groups, limit);
        const auto [width, height] = extent(tried);
        const double miss = std::abs(std::log(width / height / kAspect));
        if (miss < best - 1e-9) {
            best = miss;
            rows = std::move(tried);
        }
    }
    const auto [total_width, total_height] = extent(rows);
    double top = 0;  // from the top of the drawing, downwards
    for (const Row& row : rows) {
        double x = (total_width - row.width) / 2;
        for (std::size_t i = row.first; i < row.last; ++i) {
            LaidOut& group = groups[i];
            const double low = total_height - top - (row.height + group.height) / 2;
            const double dx = x - group.llx, dy = low - group.lly;
            for (const LaidOut::Node& node : group.nodes)
                set(node.node, "pos", coordinates(node.x + dx, node.y + dy));
            for (const LaidOut::Line& line : group.lines) {
                if (!line.pos.empty()) set(line.edge, "pos", shifted(line.pos, dx, dy));
                if (!line.lp.empty()) set(line.edge, "lp", shifted(line.lp, dx, dy));
            }
            x += group.width + kGap;
        }
        top += row.height + kGap;
    }
}

// Lays out one group in a graph of its own with `engine`, as it is to appear in `drawing`.
LaidOut lay_out(GVC_t* context, const KnowledgeGraph& graph, const std::vector<Vertex>& component,
                const std::vector<Edge>& edges, const std::vector<Agnode_t*>& node_of,
                const std::vector<Agedge_t*>& edge_of, const std::string& engine,
                std::string& messages) {
    const Graph& kg = graph.graph();
    struct Close {
        void operator()(Agraph_t* g) const { agclose(g); }
    };
    const std::unique_ptr<Agraph_t, Close> g(agopen(c_string("group"), Agdirected, nullptr));
    style_graph(g.get(), engine, component.size());
    std::map<Vertex, Agnode_t*> nodes;
    for (Vertex v : component) nodes[v] = add_entity(g.get(), kg[v]);
    std::vector<std::pair<Agedge_t*, Agedge_t*>> lines;  // (here, in the drawing)
    for (std::size_t i = 0; i < edges.size(); ++i) {
        const auto tail = nodes.find(boost::source(edges[i], kg));
        if (tail == nodes.end()) continue;
        lines.emplace_back(add_relation(g.get(), kg, edges[i], tail->second,
                                        nodes.at(boost::target(edges[i], kg))),
                           edge_of[i]);
    }
    if (gvLayout(context, g.get(), engine.c_str()) != 0)
        throw std::runtime_error("Graphviz layout \"" + engine + "\" failed: " + messages);
    attach_attrs(g.get());  // pos, width, height, lp, bb as attributes
    LaidOut out;
    double urx = 0, ury = 0;
    std::sscanf(attribute(g.get(), "bb").c_str(), "%lf,%lf,%lf,%lf", &out.llx, &out.lly, &urx,
                &ury);
    out.width = urx - out.llx;
    out.height = ury - out.lly;
    for (Vertex v : component) {
        Agnode_t* node = nodes.at(v);
        LaidOut::Node placed{node_of[v], 0, 0, attribute(node, "width"), attribute(node, "height")};
        std::sscanf(attribute(node, "pos").c_str(), "%lf,%lf", &placed.x, &placed.y);
        out.nodes.push_back(std::move(placed));
    }
    for (const auto& [here, there] : lines)
        out.lines.push_back({there, attribute(here, "pos"), attribute(here, "lp")});
    gvFreeLayout(context, g.get());
    return out;
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

Drawing::Drawing(const KnowledgeGraph& knowledge_graph, const ExportOptions& options, Unlaid)
    : lock_(graphviz_mutex) {
    const Graph& kg = knowledge_graph.graph();
    graph_.reset(agopen(c_string("newsgraph"), Agdirected, &ostream_discipline));
    style_graph(graph(), options.layout, boost::num_vertices(kg));
    std::vector<Agnode_t*> node_of;
    for (Vertex v : boost::make_iterator_range(boost::vertices(kg)))
        node_of.push_back(add_entity(graph(), kg[v]));
    for (Edge e : boost::make_iterator_range(boost::edges(kg)))
        if (drawable(kg[e], options))
            add_relation(graph(), kg, e, node_of[boost::source(e, kg)],
                         node_of[boost::target(e, kg)]);
}

Drawing::Drawing(const KnowledgeGraph& knowledge_graph, const ExportOptions& options)
    : lock_(graphviz_mutex) {
    const std::vector<std::string> engines = layout_engines(context());
    if (options.layout != "auto" &&
        std::find(engines.begin(), engines.end(), options.layout) == engines.end()) {
        std::string valid = "auto";
        for (const std::string& engine : engines) valid += ", " + engine;
        throw std::runtime_error("unknown Graphviz layout \"" + options.layout +
                                 "\"; valid layouts: " + valid);
    }
    const Graph& kg = knowledge_graph.graph();
    const Selection selection = select(knowledge_graph, options);

    // The drawing holds every entity and relation; each connected group is laid out on its
    // own (dot, or sfdp when large), and the groups are then packed side by side. The
    // drawing keeps the positions, so rendering it only draws them (neato -n2: "nop2").
    graph_.reset(agopen(c_string("newsgraph"), Agdirected, &ostream_discipline));
    style_graph(graph(), "nop2", selection.entities);
    std::vector<Agnode_t*> node_of(boost::num_vertices(kg));
    std::vector<bool> types_used(std::size(kEntityTypes)), tones_used(kToneStyles.size());
    for (const std::vector<Vertex>& component : selection.components)
        for (Vertex v : component) {
            node_of[v] = add_entity(graph(), kg[v]);
            types_used[static_cast<size_t>(kg[v].type)] = true;
        }
    std::vector<Agedge_t*> edge_of;
    for (Edge e : selection.edges) {
        edge_of.push_back(add_relation(graph(), kg, e, node_of[boost::source(e, kg)],
                                       node_of[boost::target(e, kg)]));
        tones_used[static_cast<size_t>(tone_of(kg[e].relation))] = true;
    }
    add_title_and_legend(graph(), knowledge_graph, selection, options, types_used, tones_used);

    std::vector<LaidOut> groups;
    for (const std::vector<Vertex>& component : selection.components) {
        // Each group's relations: those whose source is in it.
        std::vector<Edge> edges;
        std::vector<Agedge_t*> drawn;
        const std::set<Vertex> members(component.begin(), component.end());
        for (std::size_t i = 0; i < selection.edges.size(); ++i)
            if (members.count(boost::source(selection.edges[i], kg))) {
                edges.push_back(selection.edges[i]);
                drawn.push_back(edge_of[i]);
            }
        groups.push_back(lay_out(context(), knowledge_graph, component, edges, node_of, drawn,
                                 engine_for(options.layout, component.size()), messages_.text));
        for (const LaidOut::Node& node : groups.back().nodes) {
            set(node.node, "width", node.width);
            set(node.node, "height", node.height);
        }
    }
    pack(groups);
}

}  // namespace newsgraph
