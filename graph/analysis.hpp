// Network measures of the knowledge graph, computed with Boost.Graph: degree, weighted
// degree, betweenness (Brandes), PageRank and connected components.
//
// They are measured on the graph of *claims*: typed relations only. co_mentioned edges are a
// statistic (two names in one sentence), and counting them would make every much-quoted
// entity central whatever the articles say about it. Two entities joined by several
// relations (leader_of and met_with) are one link, weighted by the sum of the relations'
// weights, and direction is ignored: "A criticizes B" makes both of them part of the story.
// Credit lines are left out too (RelationEdge::credit): "CNN's Nectar Gan contributed
// reporting" says who wrote the article, and seven such names made CNN the most central
// entity of stories about China and Russia.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "graph/knowledge_graph.hpp"

namespace newsgraph {

// Indexed by vertex of the graph they were computed on.
struct Centrality {
    std::vector<int> degree;              // entities linked by a typed relation
    std::vector<double> weighted_degree;  // sum of the weights of those relations
    std::vector<double> betweenness;      // Brandes, normalised to 0..1 (2/((n-1)(n-2)))
    std::vector<double> pagerank;         // damping 0.85, summing to 1 over the graph
    std::vector<int> component;           // 0 the largest connected component, then by size
};

Centrality analyse(const KnowledgeGraph& graph);

// How the measures are stored as node attributes, so that every export carries them.
struct AnalysisAttribute {
    std::string_view name;  // "pagerank"
    std::string_view type;  // "int" or "double"
};
inline constexpr AnalysisAttribute kAnalysisAttributes[] = {
    {"degree", "int"},      {"weighted_degree", "double"}, {"betweenness", "double"},
    {"pagerank", "double"}, {"component", "int"},
};
// The type of attribute `name` when it is one of the measures; empty otherwise.
std::string_view analysis_attribute_type(std::string_view name);

// `graph` with the measures added to each entity's attributes (as decimal strings).
void add_centrality_attributes(KnowledgeGraph& graph, const Centrality& centrality);

// The measures add_centrality_attributes() stored on every entity (`newsgraph build` stores
// those of the whole graph, before any filter), else analyse(graph).
Centrality stored_centrality(const KnowledgeGraph& graph);

}  // namespace newsgraph
