// Relations stated by clauses and phrases: "Xi and Putin signed a joint statement",
// "Blinken has criticised Xi's visit", "Russia's invasion of Ukraine", "was praised by",
// and affiliations stated around names ("CNN's Nectar Gan", "Chris Buckley from The New
// York Times", "At The Diplomat, Shannon Tiezzi").
#pragma once

#include <cstddef>
#include <optional>
#include <vector>

#include "graph/facts.hpp"
#include "src/extract/lexicon.hpp"
#include "src/extract/mentions.hpp"
#include "src/ingest/document.hpp"

namespace newsgraph {

// A fact between two mentions (indices into the mention list) read in one sentence.
struct MentionFact {
    std::size_t subject = 0, object = 0;
    Relation relation = Relation::co_mentioned;
    std::size_t sentence = 0;
    std::string cameo;        // the trigger's CAMEO root code
    double confidence = 0.0;  // how reliable the construction that found it is
};

// Facts of the story's sentences (furniture states only affiliations, as in bylines). `kept[i]`
// says whether mention i names an entity (it resolved). Negated and hedged statements ("has not
// met", "may visit") give no fact.
std::vector<MentionFact> find_interactions(const std::vector<Sentence>& sentences,
                                           const std::vector<Mention>& mentions,
                                           const std::vector<bool>& kept, const Lexicon& lexicon);

}  // namespace newsgraph
