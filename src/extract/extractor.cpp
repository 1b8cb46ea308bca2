#include "src/extract/extractor.hpp"

#include <algorithm>

#include "src/extract/entity_resolver.hpp"
#include "src/extract/mentions.hpp"
#include "src/extract/relations.hpp"

namespace newsgraph {

Extractor::Extractor(const std::string& data_dir)
    : rules_(load_ingest_rules(data_dir)), lexicon_(Lexicon::load(data_dir)) {}

ExtractedDocument Extractor::extract_with_mentions(const Document& doc,
                                                   const nlp::Analyzer* analyzer) const {
    ExtractedDocument out;
    out.parsed = unparsed_document(doc, rules_);
    const auto mentions = find_mentions(doc, out.parsed.sentences, lexicon_);
    ResolvedMentions resolved = EntityResolver().resolve(mentions);
    // Every sentence of the story is parsed once, here, for every stage after this one:
    // page furniture (bylines, credits) states no facts, so it is the one thing skipped.
    if (analyzer)
        for (std::size_t s = 0; s < out.parsed.sentences.size(); ++s)
            if (!out.parsed.sentences[s].furniture)
                analyze_sentence(doc, rules_, *analyzer, s, out.parsed);
    const CodePointIndex offsets(doc.text);
    out.graph.document = doc.info;
    out.graph.relations = find_relations(doc, offsets, out.parsed, mentions, resolved, lexicon_);
    for (std::size_t i = 0; i < mentions.size(); ++i) {
        if (!resolved.entity_of[i]) continue;
        const Mention& m = mentions[i];
        out.mentions.push_back(
            {offsets(m.begin), offsets(m.end), m.surface, m.type, *resolved.entity_of[i]});
    }
    std::sort(out.mentions.begin(), out.mentions.end(),
              [](const MentionRecord& a, const MentionRecord& b) {
                  return a.start != b.start ? a.start < b.start : a.end < b.end;
              });
    out.graph.entities = std::move(resolved.entities);
    return out;
}

}  // namespace newsgraph
