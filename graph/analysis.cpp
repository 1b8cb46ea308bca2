#include "graph/analysis.hpp"

#include <algorithm>
#include <boost/graph/betweenness_centrality.hpp>
#include <boost/graph/connected_components.hpp>
#include <boost/graph/page_rank.hpp>
#include <cstdio>
#include <map>
#include <numeric>
#include <utility>

namespace newsgraph {
namespace {

// The graph of claims: one undirected link per pair of entities joined by typed relations.
using LinkGraph =
    boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS, boost::no_property,
                          boost::property<boost::edge_weight_t, double>>;

LinkGraph link_graph(const Graph& graph) {
    std::map<std::pair<Vertex, Vertex>, double> weights;
    for (Edge e : boost::make_iterator_range(boost::edges(graph))) {
        if (graph[e].relation == Relation::co_mentioned || graph[e].credit) continue;
        Vertex a = boost::source(e, graph), b = boost::target(e, graph);
        if (a == b) continue;
        if (b < a) std::swap(a, b);
        weights[{a, b}] += graph[e].weight;
    }
    LinkGraph links(boost::num_vertices(graph));
    for (const auto& [pair, weight] : weights)
        boost::add_edge(pair.first, pair.second, weight, links);
    return links;
}

std::vector<double> betweenness_of(const LinkGraph& links) {
    const std::size_t n = boost::num_vertices(links);
    std::vector<double> centrality(n, 0.0);
    if (n < 3) return centrality;
    auto map = boost::make_iterator_property_map(centrality.begin(),
                                                 boost::get(boost::vertex_index, links));
    // Unweighted: a link stated in many sentences is not a shorter path.
    boost::brandes_betweenness_centrality(links, boost::centrality_map(map));
    boost::relative_betweenness_centrality(links, map);
    return centrality;
}

// Boost's page_rank needs a directed graph: each link becomes two arcs. It computes the
// unnormalised form, rank(v) = (1-d) + d * sum(rank(u)/out(u)), where entities without links
// keep 1-d; dividing by the sum gives the usual distribution over the graph.
std::vector<double> pagerank_of(const LinkGraph& links) {
    using Arcs = boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS>;
    const std::size_t n = boost::num_vertices(links);
    Arcs arcs(n);
    for (auto e : boost::make_iterator_range(boost::edges(links))) {
        boost::add_edge(boost::source(e, links), boost::target(e, links), arcs);
        boost::add_edge(boost::target(e, links), boost::source(e, links), arcs);
    }
    std::vector<double> rank(n, 1.0);
    if (n == 0) return rank;
    auto map =
        boost::make_iterator_property_map(rank.begin(), boost::get(boost::vertex_index, arcs));
    boost::graph::page_rank(arcs, map, boost::graph::n_iterations(100), 0.85);
    const double total = std::accumulate(rank.begin(), rank.end(), 0.0);
    for (double& r : rank) r /= total;
    return rank;
}

// Components numbered by size, largest first (ties: the one holding the smaller vertex), so
// that "component 0" means the main story whatever the vertex order.
std::vector<int> components_of(const LinkGraph& links) {
    const std::size_t n = boost::num_vertices(links);
    std::vector<int> raw(n);
    const int count = n ? boost::connected_components(links, raw.data()) : 0;
    std::vector<int> size(count, 0), first(count, static_cast<int>(n));
    for (std::size_t v = 0; v < n; ++v) {
        ++size[raw[v]];
        first[raw[v]] = std::min(first[raw[v]], static_cast<int>(v));
    }
    std::vector<int> order(count);
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(), [&](int a, int b) {
        return size[a] != size[b] ? size[a] > size[b] : first[a] < first[b];
    });
    std::vector<int> rank_of(count);
    for (int i = 0; i < count; ++i) rank_of[order[i]] = i;
    std::vector<int> component(n);
    for (std::size_t v = 0; v < n; ++v) component[v] = rank_of[raw[v]];
    return component;
}

std::string decimal(double value) {
    char text[32];
    std::snprintf(text, sizeof text, "%.6g", value);
    return text;
}

}  // namespace

Centrality analyse(const KnowledgeGraph& graph) {
    const LinkGraph links = link_graph(graph.graph());
    const std::size_t n = boost::num_vertices(links);
    Centrality c;
    c.degree.resize(n);
    c.weighted_degree.assign(n, 0.0);
    for (std::size_t v = 0; v < n; ++v) {
        c.degree[v] = static_cast<int>(boost::degree(v, links));
        for (auto e : boost::make_iterator_range(boost::out_edges(v, links)))
            c.weighted_degree[v] += boost::get(boost::edge_weight, links, e);
    }
    c.betweenness = betweenness_of(links);
    c.pagerank = pagerank_of(links);
    c.component = components_of(links);
    return c;
}

std::string_view analysis_attribute_type(std::string_view name) {
    for (const AnalysisAttribute& attribute : kAnalysisAttributes)
        if (attribute.name == name) return attribute.type;
    return {};
}

void add_centrality_attributes(KnowledgeGraph& graph, const Centrality& centrality) {
    // add_entity() merges into the entity with the same id: only the attributes are new.
    const Graph& g = graph.graph();
    for (Vertex v : boost::make_iterator_range(boost::vertices(g))) {
        EntityVertex scores;
        scores.id = g[v].id;
        scores.attributes = {
            {"degree", std::to_string(centrality.degree.at(v))},
            {"weighted_degree", decimal(centrality.weighted_degree.at(v))},
            {"betweenness", decimal(centrality.betweenness.at(v))},
            {"pagerank", decimal(centrality.pagerank.at(v))},
            {"component", std::to_string(centrality.component.at(v))},
        };
        graph.add_entity(scores);
    }
}

Centrality stored_centrality(const KnowledgeGraph& graph) {
    const Graph& g = graph.graph();
    const std::size_t n = boost::num_vertices(g);
    Centrality stored{std::vector<int>(n), std::vector<double>(n), std::vector<double>(n),
                      std::vector<double>(n), std::vector<int>(n)};
    for (Vertex v : boost::make_iterator_range(boost::vertices(g))) {
        const auto& attributes = g[v].attributes;
        const auto degree = attributes.find("degree"),
                   weighted = attributes.find("weighted_degree"),
                   betweenness = attributes.find("betweenness"),
                   pagerank = attributes.find("pagerank"), component = attributes.find("component");
        if (degree == attributes.end() || weighted == attributes.end() ||
            betweenness == attributes.end() || pagerank == attributes.end() ||
            component == attributes.end())
            return analyse(graph);
        stored.degree[v] = std::stoi(degree->second);
        stored.weighted_degree[v] = std::stod(weighted->second);
        stored.betweenness[v] = std::stod(betweenness->second);
        stored.pagerank[v] = std::stod(pagerank->second);
        stored.component[v] = std::stoi(component->second);
    }
    return stored;
}

}  // namespace newsgraph
