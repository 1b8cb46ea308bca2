#include "graph/knowledge_graph.hpp"

#include <algorithm>
#include <iterator>
#include <memory>
#include <stdexcept>
#include <utility>

namespace newsgraph {
namespace {

// Keeps the `cap` smallest pieces of evidence of the union of two sorted, duplicate-free
// lists: taking the smallest is what makes merging associative and order-independent.
std::vector<Evidence> merge_evidence(const std::vector<Evidence>& a, const std::vector<Evidence>& b,
                                     std::size_t cap) {
    std::vector<Evidence> out;
    out.reserve(std::min(cap, a.size() + b.size()));
    std::set_union(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(out));
    if (out.size() > cap) out.resize(cap);
    return out;
}

void widen_dates(RelationEdge& edge, const std::string& first, const std::string& last) {
    if (!first.empty() && (edge.first_date.empty() || first < edge.first_date))
        edge.first_date = first;
    if (!last.empty() && (edge.last_date.empty() || last > edge.last_date)) edge.last_date = last;
}

void cap_aliases(std::map<std::string, int>& aliases) {
    while (aliases.size() > kMaxAliases) aliases.erase(std::prev(aliases.end()));
}

// Of the entity's labels, the one most mentioned as an alias; on a tie the smallest. A
// function of the merged labels and aliases alone, so merges in any order agree.
std::string best_label(const EntityVertex& entity) {
    const std::string* best = nullptr;
    int best_count = -1;
    for (const std::string& label : entity.labels) {
        const auto it = entity.aliases.find(label);
        const int count = it == entity.aliases.end() ? 0 : it->second;
        if (count > best_count) best = &label, best_count = count;
    }
    return best ? *best : entity.label;
}

void merge_entity_into(EntityVertex& into, const EntityVertex& from) {
    for (const auto& [alias, count] : from.aliases) into.aliases[alias] += count;
    cap_aliases(into.aliases);
    // An entity given by id alone (no label: a tool adding to a vertex it names) adds none.
    if (!from.label.empty()) into.labels.insert(from.label);
    into.labels.insert(from.labels.begin(), from.labels.end());
    into.labels.erase("");
    if (!into.labels.empty()) into.label = best_label(into);
    into.mentions += from.mentions;
    into.documents.insert(from.documents.begin(), from.documents.end());
    for (const auto& [key, value] : from.attributes) {
        std::string& mine = into.attributes[key];
        // Attributes merge as sets of '|'-separated values ("President|Chairman").
        if (mine.empty()) {
            mine = value;
        } else if (mine != value) {
            std::set<std::string> values;
            auto split = [&](const std::string& s) {
                std::size_t start = 0;
                for (std::size_t bar; (bar = s.find('|', start)) != std::string::npos;
                     start = bar + 1)
                    values.insert(s.substr(start, bar - start));
                values.insert(s.substr(start));
            };
            split(mine);
            split(value);
            mine.clear();
            for (const auto& v : values) mine += (mine.empty() ? "" : "|") + v;
        }
    }
}

}  // namespace

KnowledgeGraph::KnowledgeGraph(std::size_t evidence_cap)
    : evidence_cap_(evidence_cap), graph_(std::make_unique<Graph>()) {}

KnowledgeGraph::KnowledgeGraph(const KnowledgeGraph& other)
    : evidence_cap_(other.evidence_cap_),
      graph_(std::make_unique<Graph>(*other.graph_)),
      documents_(other.documents_),
      by_id_(other.by_id_),
      facts_indexed_(false) {}  // made when a fact is first added to the copy

// The graph is taken whole, its descriptors still valid; the graph moved from is left empty.
KnowledgeGraph::KnowledgeGraph(KnowledgeGraph&& other)
    : evidence_cap_(other.evidence_cap_),
      graph_(std::exchange(other.graph_, std::make_unique<Graph>())),
      documents_(std::exchange(other.documents_, {})),
      by_id_(std::exchange(other.by_id_, {})),
      by_fact_(std::exchange(other.by_fact_, {})),
      facts_indexed_(std::exchange(other.facts_indexed_, true)) {}

KnowledgeGraph& KnowledgeGraph::operator=(const KnowledgeGraph& other) {
    if (this != &other) *this = KnowledgeGraph(other);
    return *this;
}

KnowledgeGraph& KnowledgeGraph::operator=(KnowledgeGraph&& other) {
    if (this == &other) return *this;
    evidence_cap_ = other.evidence_cap_;
    graph_ = std::exchange(other.graph_, std::make_unique<Graph>());
    documents_ = std::exchange(other.documents_, {});
    by_id_ = std::exchange(other.by_id_, {});
    by_fact_ = std::exchange(other.by_fact_, {});
    facts_indexed_ = std::exchange(other.facts_indexed_, true);
    return *this;
}

void KnowledgeGraph::index_facts() {
    by_fact_.clear();
    facts_indexed_ = true;
    for (Edge e : boost::make_iterator_range(boost::edges(*graph_)))
        by_fact_.emplace(
            std::make_tuple(boost::source(e, *graph_), static_cast<int>((*graph_)[e].relation),
                            boost::target(e, *graph_)),
            e);
}

std::optional<Vertex> KnowledgeGraph::find(const std::string& id) const {
    auto it = by_id_.find(id);
    if (it == by_id_.end()) return std::nullopt;
    return it->second;
}

Vertex KnowledgeGraph::add_entity(EntityVertex entity) {
    auto it = by_id_.find(entity.id);
    if (it != by_id_.end()) {
        merge_entity_into((*graph_)[it->second], entity);
        return it->second;
    }
    Vertex v = boost::add_vertex(*graph_);  // bare, as boost::add_vertex copies a bundle
    (*graph_)[v] = std::move(entity);
    cap_aliases((*graph_)[v].aliases);
    if (!(*graph_)[v].label.empty()) (*graph_)[v].labels.insert((*graph_)[v].label);
    by_id_.emplace((*graph_)[v].id, v);
    return v;
}

void KnowledgeGraph::add_edge_evidence(Vertex s, Vertex t, Relation r, RelationEdge incoming) {
    if (s == t) return;
    if (is_symmetric(r) && (*graph_)[t].id < (*graph_)[s].id) std::swap(s, t);
    if (!facts_indexed_) index_facts();
    auto key = std::make_tuple(s, static_cast<int>(r), t);
    auto it = by_fact_.find(key);
    if (it == by_fact_.end()) {
        by_fact_.emplace(key, add_new_edge(s, t, r, std::move(incoming)));
        return;
    }
    merge_into(it->second, incoming);
}

Edge KnowledgeGraph::add_new_edge(Vertex s, Vertex t, Relation r, RelationEdge edge) {
    edge.relation = r;
    if (edge.evidence.size() > evidence_cap_) edge.evidence.resize(evidence_cap_);
    // boost::add_edge copies the bundle it is given (evidence and all): the edge is added
    // bare and the bundle moved into it.
    Edge e = boost::add_edge(s, t, *graph_).first;
    (*graph_)[e] = std::move(edge);
    return e;
}

void KnowledgeGraph::merge_into(Edge e, const RelationEdge& incoming) {
    RelationEdge& edge = (*graph_)[e];
    edge.weight += incoming.weight;
    edge.evidence = merge_evidence(edge.evidence, incoming.evidence, evidence_cap_);
    widen_dates(edge, incoming.first_date, incoming.last_date);
    // The surest rule, the same whichever order partial graphs are merged in.
    if (incoming.confidence > edge.confidence ||
        (incoming.confidence == edge.confidence && !incoming.rule.empty() &&
         (edge.rule.empty() || incoming.rule < edge.rule))) {
        edge.confidence = incoming.confidence;
        edge.rule = incoming.rule;
    }
    edge.credit = edge.credit && incoming.credit;  // one story sentence makes it a story fact
    if (!incoming.cameo.empty() && (edge.cameo.empty() || incoming.cameo < edge.cameo))
        edge.cameo = incoming.cameo;
}

void KnowledgeGraph::add_relation(Vertex source, Vertex target, Relation relation,
                                  const Evidence& evidence, const std::string& cameo,
                                  double confidence, const std::string& rule, bool credit) {
    RelationEdge edge;
    edge.rule = rule;
    edge.credit = credit;
    edge.relation = relation;
    edge.cameo = cameo;
    edge.confidence = confidence;
    edge.weight = 1;
    edge.evidence = {evidence};
    edge.first_date = edge.last_date = evidence.date;
    add_edge_evidence(source, target, relation, edge);
}

void KnowledgeGraph::merge(const PartialGraph& partial) {
    documents_.push_back(partial.document);
    std::vector<Vertex> vertex_of(partial.entities.size());
    for (std::size_t i = 0; i < partial.entities.size(); ++i) {
        const EntityRecord& record = partial.entities[i];
        EntityVertex entity;
        entity.id = entity_id(record.type, record.label);
        entity.label = record.label;
        entity.type = record.type;
        entity.aliases = record.aliases;
        entity.mentions = record.mentions;
        entity.documents.insert(partial.document.id);
        entity.attributes = record.attributes;
        vertex_of[i] = add_entity(entity);
    }
    // A fact stated twice in one sentence is one piece of evidence.
    std::set<std::tuple<Vertex, int, Vertex, int>> seen;
    for (const RelationRecord& rel : partial.relations) {
        Vertex s = vertex_of.at(rel.source), t = vertex_of.at(rel.target);
        if (is_symmetric(rel.relation) && (*graph_)[t].id < (*graph_)[s].id) std::swap(s, t);
        if (!seen.emplace(s, static_cast<int>(rel.relation), t, rel.evidence.sentence).second)
            continue;
        add_relation(s, t, rel.relation, rel.evidence, rel.cameo, rel.confidence, rel.rule,
                     rel.credit);
    }
}

void KnowledgeGraph::merge(const KnowledgeGraph& other) {
    documents_.insert(documents_.end(), other.documents_.begin(), other.documents_.end());
    std::vector<Vertex> vertex_of(boost::num_vertices(*other.graph_));
    for (Vertex v : boost::make_iterator_range(boost::vertices(*other.graph_)))
        vertex_of[v] = add_entity((*other.graph_)[v]);
    for (Edge e : boost::make_iterator_range(boost::edges(*other.graph_))) {
        const RelationEdge& edge = (*other.graph_)[e];
        add_edge_evidence(vertex_of[boost::source(e, *other.graph_)],
                          vertex_of[boost::target(e, *other.graph_)], edge.relation, edge);
    }
}

KnowledgeGraph::Parts KnowledgeGraph::take_parts() {
    Graph& g = *graph_;
    Parts parts;
    parts.vertices.reserve(boost::num_vertices(g));
    for (Vertex v : boost::make_iterator_range(boost::vertices(g)))
        parts.vertices.push_back(std::move(g[v]));
    parts.edges.reserve(boost::num_edges(g));
    for (Edge e : boost::make_iterator_range(boost::edges(g)))
        parts.edges.emplace_back(boost::source(e, g), boost::target(e, g), std::move(g[e]));
    graph_ = std::make_unique<Graph>();
    by_id_ = {};
    by_fact_ = {};
    facts_indexed_ = true;
    return parts;
}

void KnowledgeGraph::add_new_entities(std::vector<EntityVertex>& entities,
                                      const std::vector<Vertex>& order) {
    graph_ = std::make_unique<Graph>(order.size());
    for (Vertex v = 0; v < order.size(); ++v) {
        EntityVertex& entity = (*graph_)[v] = std::move(entities[order[v]]);
        cap_aliases(entity.aliases);
        if (!entity.label.empty()) entity.labels.insert(entity.label);
        by_id_.emplace(entity.id, v);
    }
}

void KnowledgeGraph::add_edges_in_order(std::vector<Parts::EdgeWithEnds>& edges) {
    const Graph& g = *graph_;
    // Sorted by key, then by place: edges that become one fact merge in the order they had.
    std::vector<std::tuple<Vertex, int, Vertex, std::size_t>> order;
    order.reserve(edges.size());
    for (std::size_t i = 0; i < edges.size(); ++i) {
        auto& [s, t, edge] = edges[i];
        if (is_symmetric(edge.relation) && g[t].id < g[s].id) std::swap(s, t);
        order.emplace_back(s, static_cast<int>(edge.relation), t, i);
    }
    std::sort(order.begin(), order.end());
    // Edges that become one fact are neighbours in this order: each merges into the edge
    // added last, and the fact index (50 MB for 100 MB of news, which no export needs) is
    // made again only if a fact is added after the rebuild.
    by_fact_ = {};
    facts_indexed_ = false;
    std::optional<std::tuple<Vertex, int, Vertex>> last_key;
    Edge last;
    for (const auto& [s, r, t, i] : order) {
        if (s == t) continue;
        RelationEdge& edge = std::get<2>(edges[i]);
        if (last_key == std::make_tuple(s, r, t)) {
            merge_into(last, edge);
        } else {
            last = add_new_edge(s, t, static_cast<Relation>(r), std::move(edge));
            last_key = std::make_tuple(s, r, t);
        }
    }
}

void KnowledgeGraph::contract(const std::vector<Vertex>& representative) {
    // vecS invalidates descriptors on removal, so rebuild rather than patch in place.
    const std::size_t n = boost::num_vertices(*graph_);
    if (representative.size() < n) throw std::out_of_range("contract: too few representatives");
    Parts parts = take_parts();
    // The representatives first, in their order, then the vertices folded into them.
    std::vector<Vertex> vertex_of(n), kept;
    for (Vertex v = 0; v < n; ++v)
        if (representative[v] == v) vertex_of[v] = kept.size(), kept.push_back(v);
    add_new_entities(parts.vertices, kept);
    for (Vertex v = 0; v < n; ++v) {
        if (representative[v] == v) continue;
        vertex_of[v] = vertex_of[representative[v]];
        EntityVertex folded = std::move(parts.vertices[v]);
        // Folded under the representative's names: "Putin" is no label of Vladimir Putin.
        const EntityVertex& into = (*graph_)[vertex_of[v]];
        folded.id = into.id;
        folded.label = into.label;
        folded.labels = into.labels;
        add_entity(std::move(folded));
    }
    parts.vertices = {};
    // In the order normalize() puts them in: contracting a graph in order keeps it in order.
    for (auto& [s, t, edge] : parts.edges) s = vertex_of[s], t = vertex_of[t];
    add_edges_in_order(parts.edges);
}

bool KnowledgeGraph::in_canonical_order() const {
    const Graph& g = *graph_;
    for (Vertex v = 1; v < boost::num_vertices(g); ++v)
        if (!(g[v - 1].id < g[v].id)) return false;
    std::optional<std::tuple<Vertex, int, Vertex>> previous;
    for (Edge e : boost::make_iterator_range(boost::edges(g))) {
        const auto key = std::make_tuple(boost::source(e, g), static_cast<int>(g[e].relation),
                                         boost::target(e, g));
        if (previous && !(*previous < key)) return false;
        previous = key;
    }
    return true;
}

void KnowledgeGraph::normalize() {
    std::sort(documents_.begin(), documents_.end(),
              [](const DocumentInfo& a, const DocumentInfo& b) { return a.id < b.id; });
    // A graph normalized already (resolution normalizes the graph a build just normalized)
    // would be rebuilt into itself, holding its structure twice on the way.
    if (in_canonical_order()) return;
    Parts parts = take_parts();
    std::vector<Vertex> order(parts.vertices.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::sort(order.begin(), order.end(),
              [&](Vertex a, Vertex b) { return parts.vertices[a].id < parts.vertices[b].id; });
    std::vector<Vertex> vertex_of(order.size());
    for (std::size_t i = 0; i < order.size(); ++i) vertex_of[order[i]] = i;
    add_new_entities(parts.vertices, order);
    parts.vertices = {};
    for (auto& [s, t, edge] : parts.edges) s = vertex_of[s], t = vertex_of[t];
    add_edges_in_order(parts.edges);
}

}  // namespace newsgraph
