// Cross-article resolution: after every article is merged, fold the nodes that name one
// entity in different ways ("Putin" in one article, "Vladimir Putin" in another).
#pragma once

#include <string>
#include <vector>

#include "graph/knowledge_graph.hpp"

namespace newsgraph {

// One node folded into another, and why: what `newsgraph explain` reports.
struct Fold {
    std::string from, into;  // entity ids
    std::string reason;
};

// Folds, within each entity type (the short forms of organisations across types too):
//  - a one-word person into the only multi-word person whose first or last word it is
//    (allowing a spelling variant when nothing matches exactly);
//  - an all-capitals organisation into the only organisation whose initials it spells,
//    unless it stands bare in more than three times as many articles;
//  - a short form, organisation or person, into the only organisation one of whose names it
//    abbreviates word by word ("Man Utd", "Lib Dems");
//  - nodes whose labels differ only by case;
//  - people whose names differ by a spelling variant in every word;
//  - an agreement description into the only fuller one that adds a numbered modifier
//    ("peace plan" into "12-point peace plan").
// Deterministic: the result does not depend on the order the articles were merged in.
std::vector<Fold> resolve_across_documents(KnowledgeGraph& graph);

}  // namespace newsgraph
