// An article's sentences with the syntax of each (UD words, tags, lemmas, dependency tree),
// computed once by the NLP stage and then read by every stage after it: relation extraction,
// `newsgraph explain --parse`, `newsgraph parse`.
#pragma once

#include <cstddef>
#include <vector>

#include "src/ingest/document.hpp"
#include "src/ingest/segmenter.hpp"
#include "src/nlp/analyzer.hpp"
#include "src/nlp/sentence.hpp"

namespace newsgraph {

struct ParsedDocument {
    std::vector<Sentence> sentences;  // segment()
    // syntax[i] is sentences[i] analysed, or a sentence with no words where it was not
    // (extraction analyses only the sentences it reads: Extractor::extract_with_mentions).
    std::vector<nlp::ParsedSentence> syntax;
    std::size_t sentences_cut = 0;  // longer than the parser's limit: parsed in pieces

    bool has_syntax(std::size_t i) const { return !syntax[i].words.empty(); }
};

// The sentences of `doc`, none analysed yet.
ParsedDocument unparsed_document(const Document& doc, const IngestRules& rules);

// Analyses sentence `i` of `parsed`: its words (nlp::to_words), then their tags, lemmas and
// tree. Its sent_id is "DOCID-N", N = i + 1, as the report numbers sentences ("s. N").
void analyze_sentence(const Document& doc, const IngestRules& rules, const nlp::Analyzer& analyzer,
                      std::size_t i, ParsedDocument& parsed);

// The same for a sentence whose words nlp::to_words() made and Analyzer::tag() tagged
// already (for the mention tagger): only its tree is computed.
void analyze_tagged_sentence(const Document& doc, const nlp::Analyzer& analyzer, std::size_t i,
                             nlp::ParsedSentence&& tagged, ParsedDocument& parsed);

// Every sentence of `doc`, furniture too, analysed: what `newsgraph parse` writes.
ParsedDocument parse_document(const Document& doc, const IngestRules& rules,
                              const nlp::Analyzer& analyzer);

}  // namespace newsgraph
