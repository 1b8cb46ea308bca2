// A fact between two mentions of one sentence, before the mentions are resolved to entities.
#pragma once

#include <cstddef>
#include <string>

#include "graph/schema.hpp"

namespace newsgraph {

struct MentionFact {
    std::size_t subject = 0, object = 0;  // indices into the mention list
    Relation relation = Relation::co_mentioned;
    std::size_t sentence = 0;
    std::string cameo;        // the trigger's CAMEO root code
    double confidence = 0.0;  // the measured precision of `rule` (data/rule_precision.tsv)
    std::string rule;         // the construction that found it: "clause", "passive", ...
    // Found through coreference: the sentence that names the entity a pronoun or a
    // description stands for, when it is not this one (kNoAntecedent otherwise).
    std::size_t antecedent_sentence = kNoAntecedent;
    static constexpr std::size_t kNoAntecedent = static_cast<std::size_t>(-1);
};

}  // namespace newsgraph
