// Affiliations stated around a person's name, in the story and in its furniture (bylines,
// credits): "CNN's Nectar Gan", "Chris Buckley from The New York Times", "At The Diplomat,
// Shannon Tiezzi", "Philipp Ivanov wrote in Foreign Policy". These are phrase patterns, not
// clauses: furniture is not parsed, and the phrases are too short for the parse to add much.
#pragma once

#include <cstddef>
#include <vector>

#include "src/extract/frames.hpp"
#include "src/extract/lexicon.hpp"
#include "src/extract/mention_fact.hpp"
#include "src/extract/mentions.hpp"
#include "src/ingest/document.hpp"

namespace newsgraph {

// The affiliated_with facts of every sentence. `kept_by_sentence[s]` lists the mentions of
// sentence s that name an entity, in mention order. Their confidence is rule
// "affiliation-pattern"'s measured precision.
std::vector<MentionFact> find_affiliations(
    const std::vector<Sentence>& sentences, const std::vector<Mention>& mentions,
    const std::vector<std::vector<std::size_t>>& kept_by_sentence, const Lexicon& lexicon,
    const Frames& frames);

}  // namespace newsgraph
