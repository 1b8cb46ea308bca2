// The research report: report.md and a self-contained report.html (inline CSS, the diagram as
// inline SVG, nothing fetched) telling what was read, who the entities are, which relations
// are best supported and, for the most central entities, a short profile. Every statement
// cites the article and sentence it was read from, so that a reader can check it.
//
// The report is built once as a list of blocks and rendered twice, so the two files always
// say the same thing.
#include <algorithm>
#include <cctype>
#include <cstddef>
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
constexpr std::size_t kDiagramRelations = 40;
constexpr std::size_t kTimelineEntries = 100;

// --- the report as blocks ------------------------------------------------------------------

// A piece of inline text: plain, a link (href), or the target of links (id).
struct Span {
    std::string text, href, id;
    // In HTML, a citation is a <cite> element: its first span opens it, its last closes it.
    bool cite_starts = false, cite_ends = false;
};
using Inline = std::vector<Span>;

Inline plain(std::string text) {
    return {Span{std::move(text), "", ""}};
}
void append(Inline& to, const Inline& more) {
    to.insert(to.end(), more.begin(), more.end());
}

struct Heading {
    int level;
    std::string text, id;  // id: an anchor, and what tests find sections by
};
struct Paragraph {
    Inline text;
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
    std::string text;
    Inline citation;
};
struct List {
    std::string id;
    std::vector<Inline> items;
    std::vector<std::string> keys;               // per item, when set: its data-key
    std::vector<std::vector<Inline>> sub_items;  // per item, when set: a list under it
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

// An id fit for an HTML anchor and a Markdown link alike: letters, digits, '-' and '_' kept,
// any other byte as '.' and its two hex digits (so that different ids stay different).
std::string anchor_part(std::string_view text) {
    std::string out;
    for (const char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        if (std::isalnum(byte) || c == '-' || c == '_') {
            out += c;
        } else {
            char hex[4];
            std::snprintf(hex, sizeof hex, ".%02X", byte);
            out += hex;
        }
    }
    return out;
}
std::string article_anchor(const std::string& document) {
    return "article-" + anchor_part(document);
}
std::string sentence_anchor(const std::string& document, int sentence) {
    return "quote-" + anchor_part(document) + "-" + std::to_string(sentence + 1);
}

// A headline cut after about 80 bytes at a space, with an ellipsis: citations stay short.
std::string short_title(const std::string& title) {
    constexpr std::size_t kLimit = 80;
    if (title.size() <= kLimit) return title;
    std::size_t cut = title.rfind(' ', kLimit);
    if (cut == std::string::npos || cut < kLimit / 2) {
        cut = kLimit;
        while (cut > 0 && (static_cast<unsigned char>(title[cut]) & 0xC0) == 0x80) --cut;
    }
    return title.substr(0, cut) + "\u2026";
}

// What the report knows of the articles, and the sentences it quotes (listed at its end).
class Sources {
  public:
    explicit Sources(const KnowledgeGraph& graph) {
        for (const DocumentInfo& document : graph.documents()) by_id_[document.id] = &document;
    }
    // The article's headline, else its id.
    std::string title(const std::string& document) const {
        const auto found = by_id_.find(document);
        return found == by_id_.end() || found->second->title.empty() ? document
                                                                     : found->second->title;
    }
    // Its address: the article's url, else its entry in the reading list.
    std::string link(const std::string& document) const {
        const auto found = by_id_.find(document);
        if (found != by_id_.end() && !found->second->url.empty()) return found->second->url;
        return "#" + article_anchor(document);
    }
    // "[Headline, s. 5]", the headline a link to the article, "s. 5" to the quoted sentence
    // in the reading list; sentences counted from 1 here, from 0 in the data formats.
    Inline cite(const Evidence& evidence) {
        quoted_[evidence.document][evidence.sentence] = evidence.text;
        return {Span{"[", "", "", true, false},
                Span{short_title(title(evidence.document)), link(evidence.document), ""},
                Span{", ", "", ""},
                Span{"s. " + std::to_string(evidence.sentence + 1),
                     "#" + sentence_anchor(evidence.document, evidence.sentence), ""},
                Span{"]", "", "", false, true}};
    }
    const std::map<std::string, std::map<int, std::string>>& quoted() const { return quoted_; }

  private:
    std::map<std::string, const DocumentInfo*> by_id_;
    std::map<std::string, std::map<int, std::string>> quoted_;
};

std::vector<Vertex> by_pagerank(const Graph& g, const Centrality& m) {
    std::vector<Vertex> order(boost::num_vertices(g));
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](Vertex a, Vertex b) {
        return m.pagerank[a] != m.pagerank[b] ? m.pagerank[a] > m.pagerank[b]
                                              : g[a].mentions > g[b].mentions;
    });
    return order;
}

// Typed relations of the story (not co-mentions, not credit lines), strongest first: most
// sentences, then the most trusted rule.
std::vector<Edge> strongest_relations(const Graph& g) {
    std::vector<Edge> edges;
    for (Edge e : boost::make_iterator_range(boost::edges(g)))
        if (g[e].relation != Relation::co_mentioned && !g[e].credit) edges.push_back(e);
    std::stable_sort(edges.begin(), edges.end(), [&](Edge a, Edge b) {
        return g[a].weight != g[b].weight ? g[a].weight > g[b].weight
                                          : g[a].confidence > g[b].confidence;
    });
    return edges;
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
            "[headline, s. N], sentences counted from 1: the headline links to the article, "
            "s. N to the sentence in the reading list at the end.";
    blocks.push_back(Paragraph{plain(text)});
}

// The contents: every section after it, a link each.
void add_contents(std::vector<Block>& blocks, std::size_t at) {
    List contents{"contents", {}, {}, {}};
    for (const Block& block : blocks)
        if (const auto* heading = std::get_if<Heading>(&block); heading && heading->level == 2)
            contents.items.push_back({Span{heading->text, "#" + heading->id, ""}});
    const auto where = blocks.begin() + static_cast<std::ptrdiff_t>(at);
    blocks.insert(blocks.insert(where, Heading{2, "Contents", "contents"}) + 1,
                  std::move(contents));
}

void add_diagram(std::vector<Block>& blocks, const KnowledgeGraph& graph,
                 const ExportOptions& options, bool render) {
    blocks.push_back(Heading{2, "Diagram", "diagram"});
    if (!render) {
        blocks.push_back(Diagram{"",
                                 "The diagram of the strongest relations is in report.html; "
                                 "graph.svg draws every relation."});
        return;
    }
    // The strongest relations and the entities they join: a picture of what the articles
    // say most often, every entity drawn with its links.
    const Graph& g = graph.graph();
    std::vector<Edge> edges = strongest_relations(g);
    const std::size_t all = edges.size();
    if (edges.size() > kDiagramRelations) edges.resize(kDiagramRelations);
    KnowledgeGraph drawn(graph.evidence_cap());
    for (const DocumentInfo& document : graph.documents())
        drawn.merge(PartialGraph{document, {}, {}});
    std::map<Vertex, Vertex> vertex_of;
    const auto vertex = [&](Vertex v) {
        const auto found = vertex_of.find(v);
        return found != vertex_of.end() ? found->second : vertex_of[v] = drawn.add_entity(g[v]);
    };
    for (Edge e : edges) {
        const Vertex s = vertex(boost::source(e, g));
        drawn.add_relation(s, vertex(boost::target(e, g)), g[e]);
    }
    drawn.normalize();
    std::string note =
        all > kDiagramRelations
            ? "The " + std::to_string(kDiagramRelations) + " strongest of " + std::to_string(all) +
                  " typed relations of the stories (credit lines left out; most supporting "
                  "sentences, then highest confidence) and the " +
                  std::to_string(vertex_of.size()) + " entities they join."
            : "Every typed relation and the entities it joins.";
    if (edges.empty()) {
        blocks.push_back(Diagram{"", "No typed relation was found: nothing to draw."});
        return;
    }
    try {
        ExportOptions diagram = options;
        diagram.draw_limit = 0;
        std::ostringstream svg;
        make_exporter("svg")->write(drawn, diagram, svg);
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
    blocks.push_back(Paragraph{plain(
        "By type, most central first. PageRank and betweenness are measured on the typed "
        "relations (co-mentions left out); degree counts the entities an entity is related to.")});
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
            blocks.push_back(
                Paragraph{plain("The " + std::to_string(kEntitiesPerType) + " of " +
                                std::to_string(of_type.size()) +
                                " with the highest PageRank; the data files list all.")});
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

std::string dates_of(const RelationEdge& edge) {
    if (edge.first_date.empty()) return "";
    return edge.first_date == edge.last_date ? edge.first_date
                                             : edge.first_date + " to " + edge.last_date;
}

void add_relations(std::vector<Block>& blocks, const KnowledgeGraph& graph, Sources& sources) {
    const Graph& g = graph.graph();
    std::map<Relation, std::vector<Edge>> by_relation;
    for (Edge e : boost::make_iterator_range(boost::edges(g)))
        if (g[e].relation != Relation::co_mentioned) by_relation[g[e].relation].push_back(e);
    blocks.push_back(Heading{2, "Strongest relations", "relations"});
    blocks.push_back(Paragraph{
        plain("For each type of relation, those stated in the most sentences, with the sentences "
              "themselves. Weight counts the supporting sentences; confidence ranks the extraction "
              "rule (0.9 titles and appositions down to 0.65 nominalisations).")});
    if (by_relation.empty()) blocks.push_back(Paragraph{plain("No typed relation was found.")});
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
            if (!edge.first_date.empty()) text += ", " + dates_of(edge);
            blocks.push_back(Paragraph{plain(text)});
            for (std::size_t q = 0; q < edge.evidence.size() && q < kQuotesPerRelation; ++q)
                blocks.push_back(Quote{edge.evidence[q].text, sources.cite(edge.evidence[q])});
        }
    }
}

// "China [a-1, s. 2]; Russia [a-2, s. 7]": the other end of each matching edge of `v`.
Inline related(const Graph& g, Vertex v, const std::set<Relation>& relations, bool outgoing,
               bool incoming, Sources& sources) {
    Inline items;
    const auto add = [&](Edge e, Vertex other) {
        // Credit lines say who reported the article, not what its story is about.
        if (!relations.count(g[e].relation) || g[e].evidence.empty() || g[e].credit) return;
        // Where several relations share a line ("Roles"), say which one each item is.
        const std::string how = relations.size() > 1 ? relation_words(g[e].relation) + " " : "";
        if (!items.empty()) items.push_back(Span{"; ", "", ""});
        items.push_back(Span{how + g[other].label + " ", "", ""});
        append(items, sources.cite(g[e].evidence.front()));
    };
    if (outgoing)
        for (Edge e : boost::make_iterator_range(boost::out_edges(v, g)))
            add(e, boost::target(e, g));
    if (incoming)
        for (Edge e : boost::make_iterator_range(boost::in_edges(v, g)))
            add(e, boost::source(e, g));
    return items;
}

void add_profiles(std::vector<Block>& blocks, const KnowledgeGraph& graph, const Centrality& m,
                  Sources& sources) {
    const Graph& g = graph.graph();
    blocks.push_back(Heading{2, "Profiles", "profiles"});
    blocks.push_back(Paragraph{plain("The " + std::to_string(kProfiles) +
                                     " entities of highest PageRank of which the articles state "
                                     "something: their roles, meetings, visits and disputes.")});
    using R = Relation;
    struct Fact {
        const char* what;
        std::set<Relation> relations;
        bool outgoing, incoming;
    };
    const std::vector<Fact> kinds = {
        {"Roles", {R::leader_of, R::official_of}, true, false},
        {"Led or staffed by", {R::leader_of, R::official_of}, false, true},
        {"Affiliations", {R::affiliated_with, R::member_of}, true, false},
        {"Members", {R::affiliated_with, R::member_of}, false, true},
        {"Citizen of", {R::citizen_of}, true, false},
        {"Located in", {R::located_in}, true, false},
        {"Met", {R::met_with}, true, true},
        {"Visited", {R::visited}, true, false},
        {"Visited by", {R::visited}, false, true},
        {"Cooperates with", {R::cooperates_with}, true, true},
        {"Supported", {R::supports}, true, false},
        {"Supported by", {R::supports}, false, true},
        {"Criticised", {R::criticizes}, true, false},
        {"Criticised by", {R::criticizes}, false, true},
        {"Sanctioned", {R::sanctions}, true, false},
        {"Sanctioned by", {R::sanctions}, false, true},
        {"Attacked", {R::attacks}, true, false},
        {"Attacked by", {R::attacks}, false, true},
        {"Took legal action against", {R::legal_action}, true, false},
        {"Legal action by", {R::legal_action}, false, true},
        {"Agreements", {R::party_to, R::proposed}, true, false},
        {"Parties and proposers", {R::party_to, R::proposed}, false, true},
    };
    std::size_t shown = 0;
    for (Vertex v : by_pagerank(g, m)) {
        if (shown == kProfiles) break;
        // Citations are recorded for the reading list only for profiles that are written.
        Sources trial = sources;
        List list;
        for (const Fact& kind : kinds) {
            Inline text = related(g, v, kind.relations, kind.outgoing, kind.incoming, trial);
            if (text.empty()) continue;
            Inline item = plain(std::string(kind.what) + ": ");
            append(item, text);
            list.items.push_back(std::move(item));
        }
        if (list.items.empty()) continue;  // nothing known: no profile
        sources = std::move(trial);
        ++shown;
        const EntityVertex& entity = g[v];
        blocks.push_back(Heading{3, entity.label, "profile-" + anchor_part(entity.id)});
        std::string also;
        for (const std::string& alias : aliases_by_mentions(entity))
            if (alias != entity.label) also += (also.empty() ? "" : ", ") + alias;
        std::string titles;
        if (const auto found = entity.attributes.find("titles"); found != entity.attributes.end()) {
            titles = found->second;
            for (std::size_t at = titles.find('|'); at != std::string::npos;
                 at = titles.find('|', at))
                titles.replace(at, 1, ", ");
        }
        blocks.push_back(Paragraph{plain(std::string(to_string(entity.type)) +
                                         (titles.empty() ? "" : " (" + titles + ")") + ", " +
                                         plural(entity.mentions, "mention", "mentions") + " in " +
                                         plural(entity.documents.size(), "article", "articles") +
                                         (also.empty() ? "" : "; also named " + also) +
                                         ". PageRank " + decimal(m.pagerank[v], "%.4f") + ".")});
        blocks.push_back(std::move(list));
    }
    if (shown == 0) blocks.push_back(Paragraph{plain("No entity takes part in a typed relation.")});
}

// Dated relations in order of their first date: what happened when.
void add_timeline(std::vector<Block>& blocks, const KnowledgeGraph& graph, Sources& sources) {
    const Graph& g = graph.graph();
    blocks.push_back(Heading{2, "Timeline", "timeline"});
    std::vector<Edge> dated;
    for (Edge e : strongest_relations(g))
        if (!g[e].first_date.empty()) dated.push_back(e);
    std::stable_sort(dated.begin(), dated.end(),
                     [&](Edge a, Edge b) { return g[a].first_date < g[b].first_date; });
    if (dated.empty()) {
        blocks.push_back(Paragraph{plain(
            "No relation was read in a dated article (JSON Lines articles give a \"date\").")});
        return;
    }
    std::string intro = "Typed relations by the date of the first article that states them";
    if (dated.size() > kTimelineEntries) {
        intro += "; the " + std::to_string(kTimelineEntries) + " strongest of " +
                 std::to_string(dated.size());
        std::vector<Edge> strongest(dated);
        std::stable_sort(strongest.begin(), strongest.end(), [&](Edge a, Edge b) {
            return g[a].weight != g[b].weight ? g[a].weight > g[b].weight
                                              : g[a].confidence > g[b].confidence;
        });
        strongest.resize(kTimelineEntries);
        const std::set<Edge> kept(strongest.begin(), strongest.end());
        std::erase_if(dated, [&](Edge e) { return !kept.count(e); });
    }
    blocks.push_back(Paragraph{plain(intro + ".")});
    List list{"timeline", {}, {}, {}};
    for (Edge e : dated) {
        const RelationEdge& edge = g[e];
        // The sentence of the first date, when the evidence kept has it.
        const Evidence* first = &edge.evidence.front();
        for (const Evidence& evidence : edge.evidence)
            if (evidence.date == edge.first_date) {
                first = &evidence;
                break;
            }
        Inline item =
            plain(dates_of(edge) + ": " + g[boost::source(e, g)].label + " " +
                  relation_words(edge.relation) + " " + g[boost::target(e, g)].label + " ");
        append(item, sources.cite(*first));
        list.items.push_back(std::move(item));
    }
    blocks.push_back(std::move(list));
}

// Every article read, headline first, with the sentences the report quotes from it.
void add_reading_list(std::vector<Block>& blocks, const KnowledgeGraph& graph,
                      const Sources& sources) {
    blocks.push_back(Heading{2, "Reading list", "documents"});
    blocks.push_back(Paragraph{
        plain("Every article read, with the sentences this report quotes from it (the targets of "
              "its s. N links).")});
    List list{"documents", {}, {}, {}};
    for (const DocumentInfo& document : graph.documents()) {
        Inline item = {Span{"", "", article_anchor(document.id)}};
        const std::string headline = document.title.empty() ? document.id : document.title;
        item.push_back(document.url.empty() ? Span{headline, "", ""}
                                            : Span{headline, document.url, ""});
        std::string details;
        for (const std::string* field : {&document.date, &document.source})
            if (!field->empty()) details += (details.empty() ? "" : ", ") + *field;
        if (document.title != document.id && !document.title.empty())
            details += (details.empty() ? "" : ", ") + document.id;
        if (!details.empty()) item.push_back(Span{" (" + details + ")", "", ""});
        std::vector<Inline> quotes;
        if (const auto found = sources.quoted().find(document.id); found != sources.quoted().end())
            for (const auto& [sentence, text] : found->second)
                quotes.push_back(
                    {Span{"", "", sentence_anchor(document.id, sentence)},
                     Span{"s. " + std::to_string(sentence + 1) + ": \u201C" + text + "\u201D", "",
                          ""}});
        list.items.push_back(std::move(item));
        list.keys.push_back(document.id);
        list.sub_items.push_back(std::move(quotes));
    }
    blocks.push_back(std::move(list));
}

std::vector<Block> build_report(const KnowledgeGraph& graph, const ExportOptions& options,
                                bool render_diagram) {
    const Centrality m = stored_centrality(graph);
    Sources sources(graph);
    std::vector<Block> blocks;
    blocks.push_back(Heading{1, "newsgraph report", "top"});
    add_summary(blocks, graph);
    const std::size_t contents_at = blocks.size();
    add_diagram(blocks, graph, options, render_diagram);
    add_profiles(blocks, graph, m, sources);
    add_relations(blocks, graph, sources);
    add_timeline(blocks, graph, sources);
    add_entities(blocks, graph, m);
    add_reading_list(blocks, graph, sources);
    add_contents(blocks, contents_at);
    return blocks;
}

// --- Markdown ------------------------------------------------------------------------------

// Text that Markdown shows as written, on one line: the characters that mark up inline text
// or tables backslash-escaped, and those that would start a heading or list at its start.
std::string md_escape(std::string_view text, bool line_start = true) {
    std::string out;
    for (const char c : clean_text(text)) {
        if (c == '\n' || c == '\r' || c == '\t') {
            out += ' ';
            continue;
        }
        const bool starts_block =
            line_start && out.empty() && std::string_view("#-+>").find(c) != std::string_view::npos;
        if (starts_block || std::string_view("\\`*_[]<>|~").find(c) != std::string_view::npos)
            out += '\\';
        out += c;
    }
    return out;
}

// A link target as Markdown reads it inside (...): spaces and parentheses percent-encoded.
std::string md_href(std::string_view href) {
    std::string out;
    for (const char c : clean_text(href)) {
        if (c == ' ' || c == '(' || c == ')' || c == '<' || c == '>' || c == '\n' || c == '\r' ||
            c == '\t') {
            char hex[4];
            std::snprintf(hex, sizeof hex, "%%%02X", static_cast<unsigned char>(c));
            out += hex;
        } else {
            out += c;
        }
    }
    return out;
}

std::string md_inline(const Inline& spans) {
    std::string out;
    for (const Span& span : spans) {
        if (!span.id.empty()) out += "<a id=\"" + xml_escape(span.id) + "\"></a>";
        if (span.text.empty()) continue;
        const std::string text = md_escape(span.text, out.empty());
        out += span.href.empty() ? text : "[" + text + "](" + md_href(span.href) + ")";
    }
    return out;
}

struct MarkdownRenderer {
    std::ostream& out;
    void operator()(const Heading& h) const {
        // The explicit anchor keeps the ids of report.html, which the links use.
        out << std::string(h.level, '#') << " <a id=\"" << xml_escape(h.id) << "\"></a>"
            << md_escape(h.text, false) << "\n\n";
    }
    void operator()(const Paragraph& p) const { out << md_inline(p.text) << "\n\n"; }
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
        out << "> \u201C" << md_escape(q.text, false) << "\u201D " << md_inline(q.citation)
            << "\n\n";
    }
    void operator()(const List& l) const {
        for (std::size_t i = 0; i < l.items.size(); ++i) {
            out << "- " << md_inline(l.items[i]) << '\n';
            if (i < l.sub_items.size())
                for (const Inline& sub : l.sub_items[i]) out << "  - " << md_inline(sub) << '\n';
        }
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

std::string html_inline(const Inline& spans) {
    std::string out;
    for (const Span& span : spans) {
        if (!span.id.empty()) out += "<a id=\"" + xml_escape(span.id) + "\"></a>";
        if (span.cite_starts) out += "<cite>";
        if (!span.text.empty())
            out += span.href.empty() ? xml_escape(span.text)
                                     : "<a href=\"" + xml_escape(span.href) + "\">" +
                                           xml_escape(span.text) + "</a>";
        if (span.cite_ends) out += "</cite>";
    }
    return out;
}

struct HtmlRenderer {
    std::ostream& out;
    void operator()(const Heading& h) const {
        out << "<h" << h.level << " id=\"" << xml_escape(h.id) << "\">" << xml_escape(h.text)
            << "</h" << h.level << ">\n";
    }
    void operator()(const Paragraph& p) const { out << "<p>" << html_inline(p.text) << "</p>\n"; }
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
        out << "<blockquote>\u201C" << xml_escape(q.text) << "\u201D " << html_inline(q.citation)
            << "</blockquote>\n";
    }
    void operator()(const List& l) const {
        out << (l.id.empty() ? "<ul>" : "<ul id=\"list-" + xml_escape(l.id) + "\">") << '\n';
        for (std::size_t i = 0; i < l.items.size(); ++i) {
            out << "<li";
            if (i < l.keys.size()) out << " data-key=\"" << xml_escape(l.keys[i]) << '"';
            out << '>' << html_inline(l.items[i]);
            if (i < l.sub_items.size() && !l.sub_items[i].empty()) {
                out << "\n<ul>\n";
                for (const Inline& sub : l.sub_items[i])
                    out << "<li>" << html_inline(sub) << "</li>\n";
                out << "</ul>\n";
            }
            out << "</li>\n";
        }
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
    bool uses_graphviz() const override { return true; }  // its diagram
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
