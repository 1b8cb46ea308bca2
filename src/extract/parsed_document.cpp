#include "src/extract/parsed_document.hpp"

#include <string>

#include "src/nlp/words.hpp"

namespace newsgraph {

ParsedDocument unparsed_document(const Document& doc, const IngestRules& rules) {
    ParsedDocument parsed;
    parsed.sentences = segment(doc, rules);
    parsed.syntax.resize(parsed.sentences.size());
    return parsed;
}

void analyze_sentence(const Document& doc, const IngestRules& rules, const nlp::Analyzer& analyzer,
                      std::size_t i, ParsedDocument& parsed) {
    nlp::ParsedSentence& sentence = parsed.syntax[i];
    sentence = nlp::to_words(doc, parsed.sentences[i], &rules);
    sentence.sent_id = doc.info.id + "-" + std::to_string(i + 1);
    if (!sentence.words.empty() && analyzer.annotate(sentence)) ++parsed.sentences_cut;
}

void analyze_tagged_sentence(const Document& doc, const nlp::Analyzer& analyzer, std::size_t i,
                             nlp::ParsedSentence&& tagged, ParsedDocument& parsed) {
    nlp::ParsedSentence& sentence = parsed.syntax[i];
    sentence = std::move(tagged);
    sentence.sent_id = doc.info.id + "-" + std::to_string(i + 1);
    if (!sentence.words.empty() && analyzer.parse_tagged(sentence)) ++parsed.sentences_cut;
}

ParsedDocument parse_document(const Document& doc, const IngestRules& rules,
                              const nlp::Analyzer& analyzer) {
    ParsedDocument parsed = unparsed_document(doc, rules);
    for (std::size_t i = 0; i < parsed.sentences.size(); ++i)
        analyze_sentence(doc, rules, analyzer, i, parsed);
    return parsed;
}

}  // namespace newsgraph
