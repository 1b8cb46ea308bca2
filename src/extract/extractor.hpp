// Extraction of one article: sentences -> mentions -> entities -> syntax -> relations, as the
// PartialGraph the knowledge graph merges. Depends only on the article and read-only data
// (the lists, the NLP models), so articles can be extracted in any order, on any thread.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "graph/facts.hpp"
#include "src/extract/frames.hpp"
#include "src/extract/lexicon.hpp"
#include "src/extract/mention_tagger.hpp"
#include "src/extract/parsed_document.hpp"
#include "src/ingest/document.hpp"
#include "src/ingest/segmenter.hpp"

namespace newsgraph {

// How a mention refers: by name ("Vladimir Putin"), by a pronoun ("he", "they") or by a
// description ("the Russian leader", "the two countries", "the deal").
enum class MentionKind { Name, Pronoun, Description };

// A mention as `newsgraph annotate` reports it: where the article names or refers to an
// entity.
struct MentionRecord {
    std::size_t start = 0, end = 0;  // code points into Document::text
    std::string text;                // as written (a description: its noun)
    EntityType type = EntityType::Person;
    std::size_t entity = 0;  // index into PartialGraph::entities
    MentionKind kind = MentionKind::Name;
    std::vector<std::size_t> others;  // "they": the other entities of the list
};

struct ExtractedDocument {
    PartialGraph graph;
    std::vector<MentionRecord> mentions;  // in text order
    ParsedDocument parsed;                // what extraction read: sentences and their syntax
};

class Extractor {
  public:
    // Loads every list from `data_dir`; throws std::runtime_error naming a bad file.
    explicit Extractor(const std::string& data_dir);

    // With `analyzer`, relation extraction reads the syntax of the sentences it can find a
    // relation in: those of the story naming two entities or more (or one and a pronoun),
    // and of these only the ones whose trees a stage reads (a frame's trigger, a pronoun: see
    // trees_read in extractor.cpp); the others are tagged, not parsed. No other sentence is
    // analysed, nor is page furniture, whose affiliations (bylines) are read by patterns: the
    // parser costs more than the rest of extraction (55% of the BBC corpus's words are
    // parsed; 64% are in sentences that may relate entities). Without an analyzer (unit
    // tests, fuzzing), no sentence is.
    PartialGraph extract(const Document& doc, const nlp::Analyzer* analyzer = nullptr) const {
        return extract_with_mentions(doc, analyzer).graph;
    }
    ExtractedDocument extract_with_mentions(const Document& doc,
                                            const nlp::Analyzer* analyzer = nullptr) const;

    // Loads the mention tagger (models/mentions.model). With it and an analyzer, the
    // sentences that may name something no rule finds are tagged (words, then spans), and
    // the tagger's spans are combined with the rules' mentions (find_mentions()). Throws
    // nlp::ModelError naming the file and what is wrong with it.
    void load_mention_tagger(const std::string& path);
    // The same with a tagger loaded elsewhere (on another thread, beside the other models).
    void use_mention_tagger(MentionTagger tagger);
    const MentionTagger* mention_tagger() const { return mention_tagger_.get(); }
    // Parse every sentence that may relate entities, not only the ones whose trees
    // extraction reads: the facts are the same, and `explain --parse` can show the tree of
    // every sentence a fact was read in (a title's too).
    void parse_every_relating_sentence(bool on) { parse_every_relating_sentence_ = on; }

    const Lexicon& lexicon() const { return lexicon_; }
    const Frames& frames() const { return frames_; }
    const IngestRules& ingest_rules() const { return rules_; }

  private:
    IngestRules rules_;
    Lexicon lexicon_;
    Frames frames_;
    std::shared_ptr<const MentionTagger> mention_tagger_;
    bool parse_every_relating_sentence_ = false;
};

}  // namespace newsgraph
