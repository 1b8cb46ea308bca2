// Relations read from a sentence's dependency tree: a trigger word with a frame
// (data/frames.tsv), its two ends found among its dependents and resolved to the mentions
// they are part of, across coordination, control, relative clauses and passives.
#pragma once

#include <cstddef>
#include <map>
#include <vector>

#include "src/extract/frames.hpp"
#include "src/extract/mention_fact.hpp"
#include "src/extract/mentions.hpp"
#include "src/nlp/sentence.hpp"

namespace newsgraph {

// The facts the tree of sentence `index` states between its mentions. `in_sentence` lists
// the mentions of that sentence that name an entity (indices into `mentions`). Statements
// negated, hedged, conditional or asked as questions give no fact (data/hedges.tsv). Each
// fact's `rule` names the construction that found it, and its confidence is that
// construction's measured precision.
// `antecedents` maps the sentence's pronouns (word indices) to the mentions they stand for
// (resolve_pronouns); a fact with an end found through one has rule "coreference".
std::vector<MentionFact> find_clause_facts(
    const nlp::ParsedSentence& tree, std::size_t index, const std::vector<Mention>& mentions,
    const std::vector<std::size_t>& in_sentence,
    const std::map<int, std::vector<std::size_t>>& antecedents, const Frames& frames);

}  // namespace newsgraph
