// A leading dateline ("ABUJA, Nigeria -", "MADRID (Reuters) -", "ISTANBUL, July 17 -"): where
// and when the story was filed, written before its first sentence. It is no part of that
// sentence's grammar, and a treebank of web text has none, so the parser reads it apart.
#pragma once

#include <cstddef>
#include <vector>

#include "src/nlp/sentence.hpp"

namespace newsgraph::nlp {

// How many words of a tagged sentence a leading dateline takes, its dash included: a place in
// capitals (one word or more, three capitals in all, no lower-case letter), then proper
// nouns, numbers or punctuation words ("France, Dec. 12"), then a dash, within nine words;
// 0 when the sentence has none.
std::size_t dateline_length(const std::vector<Word>& words);

}  // namespace newsgraph::nlp
