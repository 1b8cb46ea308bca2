// Where an agreement noun names its parties: "Microsoft's takeover of Activision", "the
// US-China trade deal", "Iran's deal with the EU", "Microsoft's £52bn Activision deal".
#pragma once

#include <vector>

#include "src/extract/mentions.hpp"
#include "src/nlp/sentence.hpp"

namespace newsgraph {

// The words of sentence `words` (children: each word's dependents) that may name the
// parties of the agreement noun at `noun`: its possessor, compounds and nmod:of/with, and
// the names in the words before it up to a possessor. The words before are read in order
// as well as by the tree because the parser often heads the phrase with an amount ("£" in
// "Microsoft's £52bn Activision deal"). A ranking's possessor is not one ("Spain's biggest
// bank merger"). Sorted, each once; which of them name an entity, and whether it is a
// party (a demonym is not: "a South Korean deal"), is the caller's question.
std::vector<int> name_party_words(const std::vector<nlp::Word>& words,
                                  const std::vector<std::vector<int>>& children, int noun);

// Whether a mention among those words may be a party: a gazetteer's name, not a demonym or a
// capital ("a South Korean deal" is made in South Korea, perhaps not with it; "the Minsk
// agreement" was signed in Minsk).
bool may_be_party(const Mention& m);

}  // namespace newsgraph
