#include "graph/filters.hpp"

#include <algorithm>
#include <cctype>
#include <deque>
#include <numeric>
#include <stdexcept>

namespace newsgraph {
namespace {

std::string folded(const std::string& text) {
    std::string out = text;
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

// The most mentioned of the vertices `matches` accepts, ties to the smaller id.
template <typename Match>
std::optional<Vertex> best_match(const Graph& g, Match matches) {
    std::optional<Vertex> best;
    for (Vertex v : boost::make_iterator_range(boost::vertices(g)))
        if (matches(g[v]) && (!best || g[v].mentions > g[*best].mentions)) best = v;
    return best;
}

}  // namespace

std::optional<Vertex> find_entity(const KnowledgeGraph& graph, const std::string& name) {
    if (auto by_id = graph.find(name)) return by_id;
    const std::string wanted = folded(name);
    const Graph& g = graph.graph();
    if (auto by_label =
            best_match(g, [&](const EntityVertex& e) { return folded(e.label) == wanted; }))
        return by_label;
    return best_match(g, [&](const EntityVertex& e) {
        return std::any_of(e.aliases.begin(), e.aliases.end(),
                           [&](const auto& alias) { return folded(alias.first) == wanted; });
    });
}

KnowledgeGraph filter_graph(const KnowledgeGraph& graph, const GraphFilter& filter,
                            const std::vector<double>& pagerank) {
    const Graph& g = graph.graph();
    const std::size_t n = boost::num_vertices(g);
    std::vector<bool> keep_vertex(n, true);

    const auto edge_passes = [&](Edge e) {
        return (filter.relations.empty() || filter.relations.count(g[e].relation)) &&
               g[e].weight >= filter.min_weight &&
               (g[e].relation == Relation::co_mentioned ||
                g[e].confidence >= filter.min_confidence);
    };
    if (!filter.relations.empty() || filter.min_weight > 0 || filter.min_confidence > 0.0) {
        std::vector<bool> related(n, false);
        for (Edge e : boost::make_iterator_range(boost::edges(g)))
            if (edge_passes(e)) related[boost::source(e, g)] = related[boost::target(e, g)] = true;
        keep_vertex = related;
    }
    if (!filter.types.empty())
        for (Vertex v = 0; v < n; ++v)
            keep_vertex[v] = keep_vertex[v] && filter.types.count(g[v].type);

    if (!filter.focus.empty()) {
        const std::optional<Vertex> focus = find_entity(graph, filter.focus);
        if (!focus) throw std::invalid_argument("--focus: no entity named '" + filter.focus + "'");
        // Breadth-first over the edges kept so far, in both directions.
        std::vector<std::size_t> distance(n, SIZE_MAX);
        std::deque<Vertex> queue;
        if (keep_vertex[*focus]) {
            distance[*focus] = 0;
            queue.push_back(*focus);
        }
        const auto reach = [&](Vertex from, Vertex to, Edge e) {
            if (keep_vertex[to] && edge_passes(e) && distance[to] == SIZE_MAX) {
                distance[to] = distance[from] + 1;
                queue.push_back(to);
            }
        };
        while (!queue.empty()) {
            const Vertex v = queue.front();
            queue.pop_front();
            if (distance[v] >= filter.depth) continue;
            for (Edge e : boost::make_iterator_range(boost::out_edges(v, g)))
                reach(v, boost::target(e, g), e);
            for (Edge e : boost::make_iterator_range(boost::in_edges(v, g)))
                reach(v, boost::source(e, g), e);
        }
        for (Vertex v = 0; v < n; ++v) keep_vertex[v] = distance[v] != SIZE_MAX;
    }

    if (filter.top > 0) {
        std::vector<Vertex> kept;
        for (Vertex v = 0; v < n; ++v)
            if (keep_vertex[v]) kept.push_back(v);
        if (kept.size() > filter.top) {
            std::stable_sort(kept.begin(), kept.end(),
                             [&](Vertex a, Vertex b) { return pagerank.at(a) > pagerank.at(b); });
            for (std::size_t i = filter.top; i < kept.size(); ++i) keep_vertex[kept[i]] = false;
        }
    }

    KnowledgeGraph filtered(graph.evidence_cap());
    for (const DocumentInfo& document : graph.documents())
        filtered.merge(PartialGraph{document, {}, {}});
    std::vector<Vertex> vertex_of(n);
    for (Vertex v = 0; v < n; ++v)
        if (keep_vertex[v]) vertex_of[v] = filtered.add_entity(g[v]);
    for (Edge e : boost::make_iterator_range(boost::edges(g))) {
        const Vertex s = boost::source(e, g), t = boost::target(e, g);
        if (keep_vertex[s] && keep_vertex[t] && edge_passes(e))
            filtered.add_relation(vertex_of[s], vertex_of[t], g[e]);
    }
    return filtered;
}

}  // namespace newsgraph
