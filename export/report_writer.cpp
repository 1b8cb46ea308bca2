// The research report: report.md and a self-contained report.html (inline CSS, the diagram as
// inline SVG, nothing fetched) telling what was read, who the entities are, which relations
// are best supported and, for the most central entities, a short profile. Every statement
// cites the article and sentence it was read from, so that a reader can check it.
//
// The report is built once as a list of blocks and rendered twice, so the two files always
// say the same thing.
#include <algorithm>
#include <cstdio>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <variant>
#include <vector>

#include "export/aliases.hpp"
#include "export/palette.hpp"
#include "export/text.hpp"
#include "export/writers.hpp"
#include "graph/analysis.hpp"
#include "graph/filters.hpp"

namespace newsgraph {
namespace {

// How much the report shows; the data formats hold everything.
constexpr std::size_t kEntitiesPerType = 25;
constexpr std::size_t kRelationsPerType = 5;
constexpr std::size_t kQuotesPerRelation = 2;
constexpr std::size_t kProfiles = 10;
constexpr std::size_t kDiagramEntities = 40;

// --- the report as blocks ------------------------------------------------------------------

struct Heading {
    int level;
    std::string text, id;  // id: an anchor, and what tests find sections by
};
struct Paragraph {
    std::string text;
};
struct Table {
    std::string id;
    std::vector<std::string> headers;
    std::vector<std::vector<std::string>> rows;
    std::vector<std::string> row_keys;  // the entity id or document id of each row
    std::vector<bool> numeric;          // per column: right-aligned
    std::vector<EntityType> row_types;  // colour chip of the first cell, when set
};
struct Quote {
    std::string text, citation;
};
struct List {
    std::vector<std::string> items;
};
struct Diagram {
    std::string svg;  // empty: could not be rendered, `note` says why
    std::string note;
};
using Block = std::variant<Heading, Paragraph, Table, Quote, List, Diagram>;

// --- reading the graph ---------------------------------------------------------------------

std::string decimal(double value, const char* format = "%.3f") {
    char text[32];
    std::snprintf(text, sizeof text, format, value);
    return text;
}

std::string plural(std::size_t n, const std::string& one, const std::string& many) {
    return std::to_string(n) + " " + (n == 1 ? one : many);
}

std::string relation_words(Relation relation) {
    std::string words(to_string(relation));
    std::replace(words.begin(), words.end(), '_', ' ');
    return words;
}

// "[doc-3, s. 5]": sentences counted from 1 here, from 0 in the data formats' evidence.
std::string citation(const Evidence& evidence) {
    return "[" + evidence.document + ", s. " + std::to_string(evidence.sentence + 1) + "]";
}

std::vector<Vertex> by_pagerank(const Graph& g, const Centrality& m) {
    std::vector<Vertex> order(boost::num_vertices(g));
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](Vertex a, Vertex b) {
        return m.pagerank[a] != m.pagerank[b] ? m.pagerank[a] > m.pagerank[b]
                                              : g[a].mentions > g[b].mentions;
    });
    return order;
}

// --- the sections --------------------------------------------------------------------------

void add_summary(std::vector<Block>& blocks, const KnowledgeGraph& graph) {
    const Graph& g = graph.graph();
    std::size_t claims = 0;
    for (Edge e : boost::make_iterator_range(boost::edges(g)))
        claims += g[e].relation != Relation::co_mentioned;
    std::set<std::string> dates, sources;
    for (const DocumentInfo& document : graph.documents()) {
        if (!document.date.empty()) dates.insert(document.date);
        if (!document.source.empty()) sources.insert(document.source);
    }
    std::string text = "Read " + plural(graph.documents().size(), "article", "articles");
    if (!dates.empty())
        text += " dated " +
                (dates.size() == 1 ? *dates.begin() : *dates.begin() + " to " + *dates.rbegin());
    if (!sources.empty()) text += " from " + plural(sources.size(), "source", "sources");
    text += "; found " + plural(boost::num_vertices(g), "entity", "entities") + " and " +
            plural(claims, "typed relation", "typed relations") + " (" +
            plural(boost::num_edges(g) - claims, "co-mention link", "co-mention links") +
            " besides). Each statement below cites the article and sentence it was read from, as "
            "[article id, s. N], sentences counted from 1.";
    blocks.push_back(Paragraph{text});
}

void add_documents(std::vector<Block>& blocks, const KnowledgeGraph& graph) {
    blocks.push_back(Heading{2, "What was read", "documents"});
    Table table{"documents", {"Article", "Date", "Source", "Title", "URL"}, {}, {}, {}, {}};
    for (const DocumentInfo& document : graph.documents()) {
        table.rows.push_back(
            {document.id, document.date, document.source, document.title, document.url});
        table.row_keys.push_back(document.id);
    }
    blocks.push_back(std::move(table));
}

void add_diagram(std::vector<Block>& blocks, const KnowledgeGraph& graph,
                 const ExportOptions& options, const Centrality& m, bool render) {
    blocks.push_back(Heading{2, "Diagram", "diagram"});
    if (!render) {
        blocks.push_back(Diagram{"",
                                 "The diagram is in report.html, and in graph.svg with "
                                 "--format svg."});
        return;
    }
    const std::size_t n = boost::num_vertices(graph.graph());
    GraphFilter top;
    top.top = kDiagramEntities;
    std::string note = n > kDiagramEntities ? "The " + std::to_string(kDiagramEntities) +
                                                  " entities of highest PageRank and the "
                                                  "relations between them."
                                            : "Every entity and typed relation.";
    try {
        const KnowledgeGraph drawn =
            n > kDiagramEntities ? filter_graph(graph, top, m.pagerank) : graph;
        std::ostringstream svg;
        make_exporter("svg")->write(drawn, options, svg);
        std::string text = svg.str();
        // Inline SVG is an element, not a document: no XML declaration or DOCTYPE.
        const std::size_t start = text.find("<svg");
        blocks.push_back(Diagram{start == std::string::npos ? "" : text.substr(start), note});
    } catch (const std::exception& error) {
        blocks.push_back(
            Diagram{"", std::string("The diagram could not be drawn: ") + error.what()});
    }
}

void add_entities(std::vector<Block>& blocks, const KnowledgeGraph& graph, const Centrality& m) {
    const Graph& g = graph.graph();
    blocks.push_back(Heading{2, "Entities", "entities"});
    blocks.push_back(Paragraph{
        "By type, most central first. PageRank and betweenness are measured on the typed "
        "relations (co-mentions left out); degree counts the entities an entity is related to."});
    const std::vector<Vertex> order = by_pagerank(g, m);
    for (EntityType type : kEntityTypes) {
        std::vector<Vertex> of_type;
        for (Vertex v : order)
            if (g[v].type == type) of_type.push_back(v);
        if (of_type.empty()) continue;
        const std::string name(to_string(type));
        std::string title = name + " (" + std::to_string(of_type.size()) + ")";
        blocks.push_back(Heading{3, title, "entities-" + name});
        if (of_type.size() > kEntitiesPerType)
            blocks.push_back(Paragraph{"The " + std::to_string(kEntitiesPerType) + " of " +
                                       std::to_string(of_type.size()) +
                                       " with the highest PageRank; the data files list all."});
        Table table{"entities-" + name,
                    {"Name", "Mentions", "Articles", "Degree", "PageRank", "Betweenness"},
                    {},
                    {},
                    {false, true, true, true, true, true},
                    {}};
        for (std::size_t i = 0; i < of_type.size() && i < kEntitiesPerType; ++i) {
            const Vertex v = of_type[i];
            table.rows.push_back({g[v].label, std::to_string(g[v].mentions),
                                  std::to_string(g[v].documents.size()),
                                  std::to_string(m.degree[v]), decimal(m.pagerank[v], "%.4f"),
                                  decimal(m.betweenness[v], "%.4f")});
            table.row_keys.push_back(g[v].id);
            table.row_types.push_back(type);
        }
        blocks.push_back(std::move(table));
    }
}

void add_relations(std::vector<Block>& blocks, const KnowledgeGraph& graph) {
    const Graph& g = graph.graph();
    std::map<Relation, std::vector<Edge>> by_relation;
    for (Edge e : boost::make_iterator_range(boost::edges(g)))
        if (g[e].relation != Relation::co_mentioned) by_relation[g[e].relation].push_back(e);
    blocks.push_back(Heading{2, "Strongest relations", "relations"});
    blocks.push_back(Paragraph{
        "For each type of relation, those stated in the most sentences, with the sentences "
        "themselves. Weight counts the supporting sentences; confidence ranks the extraction "
        "rule (0.9 titles and appositions down to 0.65 nominalisations)."});
    if (by_relation.empty()) blocks.push_back(Paragraph{"No typed relation was found."});
    for (auto& [relation, edges] : by_relation) {
        std::stable_sort(edges.begin(), edges.end(), [&](Edge a, Edge b) {
            return g[a].weight != g[b].weight ? g[a].weight > g[b].weight
                                              : g[a].confidence > g[b].confidence;
        });
        const std::string name(to_string(relation));
        blocks.push_back(
            Heading{3, relation_words(relation) + " (" + std::to_string(edges.size()) + ")",
                    "relations-" + name});
        for (std::size_t i = 0; i < edges.size() && i < kRelationsPerType; ++i) {
            const RelationEdge& edge = g[edges[i]];
            std::string text = g[boost::source(edges[i], g)].label + " " +
                               relation_words(relation) + " " +
                               g[boost::target(edges[i], g)].label + ": " +
                               plural(edge.weight, "sentence", "sentences") + ", confidence " +
                               decimal(edge.confidence, "%.2f");
            if (edge.credit) text += ", from credit lines only";
            if (!edge.first_date.empty())
                text += ", " + (edge.first_date == edge.last_date
                                    ? edge.first_date
                                    : edge.first_date + " to " + edge.last_date);
            blocks.push_back(Paragraph{text});
            for (std::size_t q = 0; q < edge.evidence.size() && q < kQuotesPerRelation; ++q)
                blocks.push_back(Quote{edge.evidence[q].text, citation(edge.evidence[q])});
        }
    }
}

// "China [a-1, s. 2]; Russia [a-2, s. 7]": the other end of each matching edge of `v`.
std::string related(const Graph& g, Vertex v, const std::set<Relation>& relations, bool outgoing,
                    bool incoming) {
    std::vector<std::string> items;
    const auto add = [&](Edge e, Vertex other) {
        // Credit lines say who reported the article, not what its story is about.
        if (!relations.count(g[e].relation) || g[e].evidence.empty() || g[e].credit) return;
        // Where several relations share a line ("Roles"), say which one each item is.
        const std::string how = relations.size() > 1 ? relation_words(g[e].relation) + " " : "";
        items.push_back(how + g[other].label + " " + citation(g[e].evidence.front()));
    };
    if (outgoing)
        for (Edge e : boost::make_iterator_range(boost::out_edges(v, g)))
            add(e, boost::target(e, g));
    if (incoming)
        for (Edge e : boost::make_iterator_range(boost::in_edges(v, g)))
            add(e, boost::source(e, g));
    std::string text;
    for (const std::string& item : items) text += (text.empty() ? "" : "; ") + item;
    return text;
}

void add_profiles(std::vector<Block>& blocks, const KnowledgeGraph& graph, const Centrality& m) {
    const Graph& g = graph.graph();
    blocks.push_back(Heading{2, "Profiles", "profiles"});
    blocks.push_back(Paragraph{"The " + std::to_string(kProfiles) +
                               " entities of highest PageRank that take part in typed relations."});
    std::size_t shown = 0;
    for (Vertex v : by_pagerank(g, m)) {
        if (shown == kProfiles) break;
        if (m.degree[v] == 0) continue;
        ++shown;
        const EntityVertex& entity = g[v];
        blocks.push_back(Heading{3, entity.label, "profile-" + entity.id});
        std::string also;
        for (const std::string& alias : aliases_by_mentions(entity))
            if (alias != entity.label) also += (also.empty() ? "" : ", ") + alias;
        blocks.push_back(Paragraph{std::string(to_string(entity.type)) + ", " +
                                   plural(entity.mentions, "mention", "mentions") + " in " +
                                   plural(entity.documents.size(), "article", "articles") +
                                   (also.empty() ? "" : "; also named " + also) + ". PageRank " +
                                   decimal(m.pagerank[v], "%.4f") + "."});
        const std::vector<std::pair<std::string, std::string>> facts = {
            {"Roles", related(g, v, {Relation::leader_of, Relation::official_of}, true, false)},
            {"Led or staffed by",
             related(g, v, {Relation::leader_of, Relation::official_of}, false, true)},
            {"Affiliations",
             related(g, v, {Relation::affiliated_with, Relation::member_of}, true, false)},
            {"Met", related(g, v, {Relation::met_with}, true, true)},
            {"Visited", related(g, v, {Relation::visited}, true, false)},
            {"Cooperates with", related(g, v, {Relation::cooperates_with}, true, true)},
            {"Supported", related(g, v, {Relation::supports}, true, false)},
            {"Criticised", related(g, v, {Relation::criticizes}, true, false)},
            {"Criticised by", related(g, v, {Relation::criticizes}, false, true)},
            {"Agreements", related(g, v, {Relation::party_to, Relation::proposed}, true, false)},
        };
        List list;
        for (const auto& [what, text] : facts)
            if (!text.empty()) list.items.push_back(what + ": " + text);
        if (!list.items.empty()) blocks.push_back(std::move(list));
    }
}

std::vector<Block> build_report(const KnowledgeGraph& graph, const ExportOptions& options,
                                bool render_diagram) {
    const Centrality m = stored_centrality(graph);
    std::vector<Block> blocks;
    blocks.push_back(Heading{1, "newsgraph report", "top"});
    add_summary(blocks, graph);
    add_documents(blocks, graph);
    add_diagram(blocks, graph, options, m, render_diagram);
    add_entities(blocks, graph, m);
    add_relations(blocks, graph);
    add_profiles(blocks, graph, m);
    return blocks;
}

// --- Markdown ------------------------------------------------------------------------------

// Text that Markdown shows as written, on one line: the characters that mark up inline text
// or tables backslash-escaped, and those that would start a heading or list at its start.
std::string md_escape(std::string_view text) {
    std::string out;
    for (const char c : clean_text(text)) {
        if (c == '\n' || c == '\r' || c == '\t') {
            out += ' ';
            continue;
        }
        const bool starts_block =
            out.empty() && std::string_view("#-+>").find(c) != std::string_view::npos;
        if (starts_block || std::string_view("\\`*_[]<>|~").find(c) != std::string_view::npos)
            out += '\\';
        out += c;
    }
    return out;
}

struct MarkdownRenderer {
    std::ostream& out;
    void operator()(const Heading& h) const {
        out << std::string(h.level, '#') << ' ' << md_escape(h.text) << "\n\n";
    }
    void operator()(const Paragraph& p) const { out << md_escape(p.text) << "\n\n"; }
    void operator()(const Table& t) const {
        for (const auto& header : t.headers) out << "| " << md_escape(header) << ' ';
        out << "|\n";
        for (std::size_t i = 0; i < t.headers.size(); ++i)
            out << (i < t.numeric.size() && t.numeric[i] ? "| ---: " : "| --- ");
        out << "|\n";
        for (const auto& row : t.rows) {
            for (const auto& cell : row) out << "| " << md_escape(cell) << ' ';
            out << "|\n";
        }
        out << '\n';
    }
    void operator()(const Quote& q) const {
        out << "> \u201C" << md_escape(q.text) << "\u201D " << md_escape(q.citation) << "\n\n";
    }
    void operator()(const List& l) const {
        for (const auto& item : l.items) out << "- " << md_escape(item) << '\n';
        out << '\n';
    }
    void operator()(const Diagram& d) const { out << md_escape(d.note) << "\n\n"; }
};

// --- HTML ----------------------------------------------------------------------------------

// Well-formed XML as well as HTML, so that strict tools can check it.
constexpr const char* kStyle = R"(
body { font-family: Georgia, "Times New Roman", serif; color: #222; margin: 0 auto;
       max-width: 1100px; padding: 2em 2.5em; line-height: 1.5; background: #fff; }
h1 { font-size: 2em; border-bottom: 2px solid #333; padding-bottom: .2em; }
h2 { margin-top: 2em; border-bottom: 1px solid #bbb; padding-bottom: .15em; }
h3 { margin-top: 1.4em; }
h1, h2, h3 { font-family: Helvetica, Arial, sans-serif; }
table { border-collapse: collapse; margin: .6em 0 1.2em; font-size: .92em; width: 100%; }
th, td { padding: .3em .6em; border-bottom: 1px solid #ddd; text-align: left; vertical-align: top; }
th { font-family: Helvetica, Arial, sans-serif; background: #f2f2f2; border-bottom: 2px solid #999; }
tr:nth-child(even) td { background: #fafafa; }
#table-documents td:nth-child(1), #table-documents td:nth-child(2) { white-space: nowrap; }
td.number, th.number { text-align: right; font-variant-numeric: tabular-nums; }
.chip { display: inline-block; width: .8em; height: .8em; border: 1px solid #4d4d4d;
        border-radius: 2px; margin-right: .4em; vertical-align: baseline; }
blockquote { margin: .3em 0 .8em 1.5em; padding: .2em .8em; border-left: 3px solid #0072b2;
             background: #f5f9fc; font-style: italic; }
cite { font-style: normal; font-size: .85em; color: #555; white-space: nowrap; }
figure { margin: 1em 0; overflow-x: auto; border: 1px solid #ddd; padding: .5em; }
figure svg { max-width: 100%; height: auto; }
figcaption { font-size: .9em; color: #555; }
ul { padding-left: 1.3em; }
)";

struct HtmlRenderer {
    std::ostream& out;
    void operator()(const Heading& h) const {
        out << "<h" << h.level << " id=\"" << xml_escape(h.id) << "\">" << xml_escape(h.text)
            << "</h" << h.level << ">\n";
    }
    void operator()(const Paragraph& p) const { out << "<p>" << xml_escape(p.text) << "</p>\n"; }
    void operator()(const Table& t) const {
        const auto cls = [&](std::size_t column) {
            return column < t.numeric.size() && t.numeric[column] ? " class=\"number\"" : "";
        };
        out << "<table id=\"table-" << xml_escape(t.id) << "\">\n<thead><tr>";
        for (std::size_t i = 0; i < t.headers.size(); ++i)
            out << "<th" << cls(i) << ">" << xml_escape(t.headers[i]) << "</th>";
        out << "</tr></thead>\n<tbody>\n";
        for (std::size_t r = 0; r < t.rows.size(); ++r) {
            out << "<tr data-key=\"" << xml_escape(t.row_keys.at(r)) << "\">";
            for (std::size_t i = 0; i < t.rows[r].size(); ++i) {
                out << "<td" << cls(i) << ">";
                if (i == 0 && r < t.row_types.size())
                    out << "<span class=\"chip\" style=\"background:"
                        << colour_of(t.row_types[r]).hex << "\"></span>";
                out << xml_escape(t.rows[r][i]) << "</td>";
            }
            out << "</tr>\n";
        }
        out << "</tbody>\n</table>\n";
    }
    void operator()(const Quote& q) const {
        out << "<blockquote>\u201C" << xml_escape(q.text) << "\u201D <cite>"
            << xml_escape(q.citation) << "</cite></blockquote>\n";
    }
    void operator()(const List& l) const {
        out << "<ul>\n";
        for (const auto& item : l.items) out << "<li>" << xml_escape(item) << "</li>\n";
        out << "</ul>\n";
    }
    void operator()(const Diagram& d) const {
        out << "<figure>\n"
            << d.svg << "\n<figcaption>" << xml_escape(d.note) << "</figcaption>\n</figure>\n";
    }
};

class MarkdownReportWriter : public Exporter {
  public:
    std::string_view format() const override { return "report"; }
    std::string_view file_name() const override { return "report.md"; }
    void write(const KnowledgeGraph& graph, const ExportOptions& options,
               std::ostream& out) const override {
        // Markdown cannot hold the drawing: it points to the files that do.
        for (const Block& block : build_report(graph, options, false))
            std::visit(MarkdownRenderer{out}, block);
    }
};

class HtmlReportWriter : public Exporter {
  public:
    std::string_view format() const override { return "report"; }
    std::string_view file_name() const override { return "report.html"; }
    void write(const KnowledgeGraph& graph, const ExportOptions& options,
               std::ostream& out) const override {
        out << "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n"
               "<meta name=\"generator\" content=\"newsgraph\"/>\n"
               "<title>newsgraph report</title>\n<style>"
            << kStyle << "</style>\n</head>\n<body>\n";
        for (const Block& block : build_report(graph, options, true))
            std::visit(HtmlRenderer{out}, block);
        out << "</body>\n</html>\n";
    }
};

}  // namespace

std::vector<std::unique_ptr<Exporter>> make_report_writers() {
    std::vector<std::unique_ptr<Exporter>> writers;
    writers.push_back(std::make_unique<MarkdownReportWriter>());
    writers.push_back(std::make_unique<HtmlReportWriter>());
    return writers;
}

}  // namespace newsgraph
