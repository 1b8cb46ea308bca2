// Views of the knowledge graph that every export shares: an ego graph around one entity, some
// entity types or relations only, well-supported relations only, the most central entities.
#pragma once

#include <cstddef>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "graph/knowledge_graph.hpp"

namespace newsgraph {

struct GraphFilter {
    std::string focus;             // an entity's id, label or alias; empty: no focus
    std::size_t depth = 1;         // with focus: relations away from it
    std::set<EntityType> types;    // empty: every type
    std::set<Relation> relations;  // empty: every relation
    int min_weight = 0;            // relations supported by fewer sentences are dropped
    // Typed relations whose rule's measured precision is lower are dropped (co_mentioned,
    // a count rather than a claim, is kept).
    double min_confidence = 0.0;
    std::size_t top = 0;  // keep the `top` entities by PageRank; 0: all
    bool active() const {
        return !focus.empty() || !types.empty() || !relations.empty() || min_weight > 0 ||
               min_confidence > 0.0 || top;
    }
};

// The entity `name` designates: its id, else its label, else one of its aliases (compared
// without case); among several, the most mentioned. nullopt when there is none.
std::optional<Vertex> find_entity(const KnowledgeGraph& graph, const std::string& name);

// A copy of `graph` holding what `filter` keeps, every document still listed. Applied in
// order: relations, min_weight and min_confidence drop edges (and the entities left with none),
// types drops entities, focus keeps those within `depth` relations of the focus, top keeps the best
// by `pagerank` (indexed by vertex of `graph`). Throws std::invalid_argument when the focus names
// no entity.
KnowledgeGraph filter_graph(const KnowledgeGraph& graph, const GraphFilter& filter,
                            const std::vector<double>& pagerank);

}  // namespace newsgraph
