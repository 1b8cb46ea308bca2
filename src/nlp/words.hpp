// From ingest's tokens to the syntactic words of UD English (EWT), which the tagger and
// parser were trained on: "don't" is "do" + "n't", "Russia's" is "Russia" + "'s" (both kept as
// a multiword token, as EWT writes them), "so-called" is "so", "-", "called", while "e-mail",
// "U.S.", "Mr.", "3:30", "1,000.5", "...", URLs and e-mail addresses stay one word each.
#pragma once

#include "src/ingest/document.hpp"
#include "src/nlp/sentence.hpp"

namespace newsgraph {
struct IngestRules;
}

namespace newsgraph::nlp {

// The words of one sentence of doc. Every word has the byte offsets (begin, end) of exactly
// its characters in doc.text, the ASCII-normalised surface (Token::norm) as its form, and
// space_after false when a non-space character follows directly; `text` is the sentence's
// text. Tags, lemmas and tree are left unset. An abbreviation keeps its dot ("Mr.") when
// `rules` lists it (IngestRules::abbreviations); without rules only single capitals ("W.")
// and dotted initialisms ("U.S.") do. At the end of the sentence the dot is its own word
// ("in the U.S" + "."), as EWT writes it.
ParsedSentence to_words(const Document& doc, const Sentence& sentence,
                        const IngestRules* rules = nullptr);

}  // namespace newsgraph::nlp
