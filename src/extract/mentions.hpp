// Mention detection: where a sentence names a person, country, organisation, agreement or
// place, typed from gazetteers and context (titles, honorifics, head nouns, reporting verbs).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "src/extract/lexicon.hpp"
#include "src/extract/mention_tagger.hpp"
#include "src/ingest/document.hpp"

namespace newsgraph {

struct Mention {
    std::size_t sentence = 0;
    std::size_t first = 0, last = 0;  // tokens [first, last) of the name in its sentence
    std::size_t begin = 0, end = 0;   // bytes of the name in Document::text
    std::string surface;              // the name as written, titles and honorifics stripped
    EntityType type = EntityType::Person;
    const GazetteerEntry* entry = nullptr;  // set when a gazetteer named it
    // A lone capitalised word with no type evidence: kept only if it resolves to a person
    // named in full elsewhere in the article ("Webster" after "Joseph Webster").
    bool weak = false;

    // A role the text gives this person ("Chinese President", "a professor at Cornell"):
    // `role_of` lists the mentions (countries, organisations) the role is held in.
    std::optional<Role> role;
    std::string title;
    const std::vector<std::string>* head_only_in = nullptr;  // LexiconMatch::head_in
    std::vector<std::size_t> role_of;
    std::vector<std::size_t> affiliations;  // bodies the role's holder belongs to
    // An organisation whose name starts with its country ("US State Department").
    std::optional<std::size_t> country;
    // "the Chinese-led Shanghai Cooperation Organisation": the country leading the body.
    std::optional<std::size_t> led_by;
    // "(ICC)" after "International Criminal Court": the mention this acronym stands for.
    std::optional<std::size_t> acronym_of;
    // Found by the mention tagger, not by a rule (see combine_tagged_spans()).
    bool tagged = false;
};

// "PSP", "X800", "6230", "U.S.": a word with a digit or of capitals only, the shape of a
// model's or an organisation's code and never of a person's name.
bool is_code_word(std::string_view word);

// Every mention the rules find in the document, in text order. `sentences` come from
// segment().
std::vector<Mention> find_mentions(const Document& doc, const std::vector<Sentence>& sentences,
                                   const Lexicon& lexicon);

// The sentences in which the mention tagger may change something: story sentences with a
// capitalised word that no mention of the rules covers, or that only a weak cue typed (not
// a title, an honorific, a weekday, nor a first word that is a common word). The others are
// not worth the tagger's time.
std::vector<bool> sentences_for_tagger(const std::vector<Sentence>& sentences,
                                       const std::vector<Mention>& rules, const Lexicon& lexicon);

// The rules' mentions combined with the spans the mention tagger found (`tagged[s]`: in
// sentence s, as tokens [first, last) of it), by the policy of README "How mentions are
// found": gazetteer names and the rules' cues win; the tagger finds the names no rule found,
// and retypes or splits a name that only a weak cue typed; its spans take their type from
// the gazetteers, the article's people and organisation heads before the tagger's own.
std::vector<Mention> combine_tagged_spans(const Document& doc,
                                          const std::vector<Sentence>& sentences,
                                          const Lexicon& lexicon,
                                          const std::vector<std::vector<TaggedSpan>>& tagged,
                                          std::vector<Mention> rules);

}  // namespace newsgraph
