// Network measures (graph/analysis) and the filters every export shares (graph/filters), on
// graphs small enough to work out by hand.
#include <catch2/catch.hpp>
#include <numeric>
#include <stdexcept>
#include <string>

#include "graph/analysis.hpp"
#include "graph/filters.hpp"

using namespace newsgraph;

namespace {

Vertex add(KnowledgeGraph& graph, EntityType type, const std::string& label, int mentions = 1) {
    EntityVertex entity;
    entity.id = entity_id(type, label);
    entity.label = label;
    entity.type = type;
    entity.aliases = {{label, mentions}};
    entity.mentions = mentions;
    return graph.add_entity(entity);
}

void relate(KnowledgeGraph& graph, Vertex source, Relation relation, Vertex target,
            int sentences = 1) {
    static int sentence = 0;
    for (int i = 0; i < sentences; ++i)
        graph.add_relation(source, target, relation,
                           Evidence{"doc", ++sentence, 0, 1, "A sentence.", "2023-03-21", ""});
}

// A path Putin - Russia - Xi - China (typed), Peskov co-mentioned with Putin only, and an
// unrelated pair Biden - United States.
struct PathGraph {
    KnowledgeGraph graph;
    Vertex putin, russia, xi, china, peskov, biden, us;
    PathGraph() {
        putin = add(graph, EntityType::Person, "Vladimir Putin", 9);
        russia = add(graph, EntityType::Country, "Russia");
        xi = add(graph, EntityType::Person, "Xi Jinping", 5);
        china = add(graph, EntityType::Country, "China");
        peskov = add(graph, EntityType::Person, "Dmitry Peskov");
        biden = add(graph, EntityType::Person, "Joe Biden");
        us = add(graph, EntityType::Country, "United States");
        relate(graph, putin, Relation::leader_of, russia, 3);
        relate(graph, xi, Relation::visited, russia);
        relate(graph, xi, Relation::met_with, russia);  // a second relation, the same link
        relate(graph, xi, Relation::leader_of, china);
        relate(graph, putin, Relation::co_mentioned, peskov, 5);
        relate(graph, biden, Relation::leader_of, us);
    }
};

}  // namespace

TEST_CASE("degree counts related entities once, and weighted degree sums weights", "[analysis]") {
    PathGraph p;
    const Centrality c = analyse(p.graph);
    CHECK(c.degree[p.russia] == 2);  // Putin and Xi; visited and met_with are one link
    CHECK(c.weighted_degree[p.russia] == Approx(5.0));  // 3 + 1 + 1
    CHECK(c.degree[p.xi] == 2);
    CHECK(c.degree[p.peskov] == 0);  // co-mentions are not claims
    CHECK(c.weighted_degree[p.putin] == Approx(3.0));
}

TEST_CASE("betweenness is Brandes', normalised over pairs of other entities", "[analysis]") {
    PathGraph p;
    const Centrality c = analyse(p.graph);
    // n = 7: Russia lies on the paths Putin-Xi and Putin-China, Xi on Putin-China and
    // Russia-China: 2 pairs each out of (n-1)(n-2)/2 = 15.
    CHECK(c.betweenness[p.russia] == Approx(2.0 / 15.0));
    CHECK(c.betweenness[p.xi] == Approx(2.0 / 15.0));
    CHECK(c.betweenness[p.putin] == Approx(0.0));
    CHECK(c.betweenness[p.biden] == Approx(0.0));
}

TEST_CASE("PageRank sums to one and ranks the middle of a path above its ends", "[analysis]") {
    PathGraph p;
    const Centrality c = analyse(p.graph);
    CHECK(std::accumulate(c.pagerank.begin(), c.pagerank.end(), 0.0) == Approx(1.0));
    CHECK(c.pagerank[p.russia] > c.pagerank[p.putin]);
    CHECK(c.pagerank[p.xi] > c.pagerank[p.china]);
    CHECK(c.pagerank[p.peskov] < c.pagerank[p.putin]);  // isolated in the typed graph
    CHECK(c.pagerank[p.peskov] > 0.0);
}

TEST_CASE("components are numbered by size, the largest 0", "[analysis]") {
    PathGraph p;
    const Centrality c = analyse(p.graph);
    for (Vertex v : {p.putin, p.russia, p.xi, p.china}) CHECK(c.component[v] == 0);
    CHECK(c.component[p.biden] == 1);
    CHECK(c.component[p.us] == 1);
    CHECK(c.component[p.peskov] == 2);  // alone, after the pair
}

TEST_CASE("the measures become typed node attributes", "[analysis]") {
    PathGraph p;
    add_centrality_attributes(p.graph, analyse(p.graph));
    const auto& attributes = p.graph.graph()[p.russia].attributes;
    CHECK(attributes.at("degree") == "2");
    CHECK(attributes.at("weighted_degree") == "5");
    CHECK(attributes.at("component") == "0");
    CHECK(std::stod(attributes.at("pagerank")) > 0.0);
    CHECK(p.graph.graph()[p.russia].mentions == 1);  // nothing else changed
    CHECK(analysis_attribute_type("pagerank") == "double");
    CHECK(analysis_attribute_type("degree") == "int");
    CHECK(analysis_attribute_type("titles").empty());
}

TEST_CASE("an empty graph has no measures", "[analysis]") {
    const Centrality c = analyse(KnowledgeGraph{});
    CHECK(c.pagerank.empty());
    CHECK(c.component.empty());
}

namespace {

std::set<std::string> labels(const KnowledgeGraph& graph) {
    std::set<std::string> out;
    for (Vertex v : boost::make_iterator_range(boost::vertices(graph.graph())))
        out.insert(graph.graph()[v].label);
    return out;
}

}  // namespace

TEST_CASE("find_entity takes an id, a label or an alias, ignoring case", "[filters]") {
    PathGraph p;
    CHECK(find_entity(p.graph, "person/xi-jinping") == p.xi);
    CHECK(find_entity(p.graph, "vladimir PUTIN") == p.putin);
    CHECK_FALSE(find_entity(p.graph, "Nobody"));
}

TEST_CASE("focus keeps the entities within depth relations, co-mentions included", "[filters]") {
    PathGraph p;
    const std::vector<double> rank = analyse(p.graph).pagerank;
    GraphFilter filter;
    filter.focus = "Vladimir Putin";
    filter.depth = 1;
    CHECK(labels(filter_graph(p.graph, filter, rank)) ==
          std::set<std::string>{"Vladimir Putin", "Russia", "Dmitry Peskov"});
    filter.depth = 2;
    CHECK(labels(filter_graph(p.graph, filter, rank)) ==
          std::set<std::string>{"Vladimir Putin", "Russia", "Dmitry Peskov", "Xi Jinping"});
    filter.focus = "Nobody";
    CHECK_THROWS_AS(filter_graph(p.graph, filter, rank), std::invalid_argument);
}

TEST_CASE("types, relations and min-weight filters", "[filters]") {
    PathGraph p;
    const std::vector<double> rank = analyse(p.graph).pagerank;
    GraphFilter types;
    types.types = {EntityType::Country};
    const KnowledgeGraph countries = filter_graph(p.graph, types, rank);
    CHECK(labels(countries) == std::set<std::string>{"Russia", "China", "United States"});
    CHECK(boost::num_edges(countries.graph()) == 0);
    CHECK(countries.documents().size() == p.graph.documents().size());

    GraphFilter relations;
    relations.relations = {Relation::leader_of};
    const KnowledgeGraph leaders = filter_graph(p.graph, relations, rank);
    CHECK(boost::num_edges(leaders.graph()) == 3);
    CHECK_FALSE(labels(leaders).count("Dmitry Peskov"));  // left without relations

    GraphFilter weight;
    weight.min_weight = 3;
    const KnowledgeGraph strong = filter_graph(p.graph, weight, rank);
    CHECK(labels(strong) == std::set<std::string>{"Vladimir Putin", "Russia", "Dmitry Peskov"});
    for (Edge e : boost::make_iterator_range(boost::edges(strong.graph())))
        CHECK(strong.graph()[e].weight >= 3);
}

TEST_CASE("top keeps the entities of highest PageRank and the relations among them", "[filters]") {
    PathGraph p;
    const std::vector<double> rank = analyse(p.graph).pagerank;
    GraphFilter top;
    top.top = 2;
    const KnowledgeGraph best = filter_graph(p.graph, top, rank);
    CHECK(labels(best) == std::set<std::string>{"Russia", "Xi Jinping"});
    REQUIRE(boost::num_edges(best.graph()) == 2);  // visited and met_with, weights kept
    for (Edge e : boost::make_iterator_range(boost::edges(best.graph())))
        CHECK(best.graph()[e].weight == 1);
}

TEST_CASE("min-confidence drops typed relations of less precise rules, not co-mentions",
          "[filters]") {
    KnowledgeGraph graph;
    const Vertex a = add(graph, EntityType::Person, "Ana Lima");
    const Vertex b = add(graph, EntityType::Country, "Brazil");
    const Vertex c = add(graph, EntityType::Country, "Chile");
    const Vertex d = add(graph, EntityType::Person, "Dario Vega");
    const Evidence ev{"doc", 1, 0, 1, "A sentence.", "", ""};
    graph.add_relation(a, b, Relation::leader_of, ev, "", 0.96, "title:head");
    graph.add_relation(b, c, Relation::criticizes, ev, "111", 0.70, "clause");
    graph.add_relation(a, d, Relation::co_mentioned, ev);
    GraphFilter filter;
    filter.min_confidence = 0.9;
    REQUIRE(filter.active());
    const KnowledgeGraph kept = filter_graph(graph, filter, analyse(graph).pagerank);
    CHECK(labels(kept) == std::set<std::string>{"Ana Lima", "Brazil", "Dario Vega"});
    CHECK(boost::num_edges(kept.graph()) == 2);
}
