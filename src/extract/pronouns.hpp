// Who the third-person pronouns of an article stand for ("he", "her", "they", "its"): the first
// step of coreference, after mentions are resolved to entities and before relations are read.
// It reads the parsed sentences' words (never the text) and the mentions around them.
#pragma once

#include <cstddef>
#include <map>
#include <vector>

#include "src/extract/entity_resolver.hpp"
#include "src/extract/lexicon.hpp"
#include "src/extract/mentions.hpp"
#include "src/extract/parsed_document.hpp"

namespace newsgraph {

// For each sentence, the words (0-based indices into its parse) that are pronouns standing for
// named entities, and the mentions they stand for: one, or the parties of a list for "they"
// ("Iran and Saudi Arabia ... They"). A pronoun no antecedent fits is left out: a wrong link
// is worse than none.
using PronounAntecedents = std::vector<std::map<int, std::vector<std::size_t>>>;

// Antecedents are looked for before the pronoun in its sentence (nearest first), then in the
// two sentences before (first named first: the subject is usually named first), among the
// mentions that name an entity, by number (a list for "they"), kind ("he", "she" a person;
// "it" a country or body; "they" a list) and sex where the given name, an
// honorific or a title tells it ("Mr", "Queen", "Anna").
PronounAntecedents resolve_pronouns(const ParsedDocument& parsed,
                                    const std::vector<Mention>& mentions,
                                    const ResolvedMentions& resolved, const Lexicon& lexicon);

// Whether a word is a third-person pronoun resolve_pronouns reads ("he", "their"), lower-case.
bool is_third_person_pronoun(std::string_view lower);

// Which trees resolve_pronouns reads for a tagged sentence, before it is parsed: its own when
// it has a word it may resolve (a personal or possessive pronoun, "both", a reference noun);
// the two sentences' before too when one of those is "it" or "its" (whose antecedent is the
// subject of a clause before it).
struct TreesRead {
    bool own = false, earlier = false;
};
TreesRead trees_read_by_pronouns(const nlp::ParsedSentence& tagged, const Lexicon& lexicon);
// How many sentences back TreesRead::earlier reaches.
inline constexpr std::size_t kPronounTreesBack = 2;

}  // namespace newsgraph
