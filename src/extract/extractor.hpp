// Extraction of one article: sentences -> mentions -> entities -> relations, as the
// PartialGraph the knowledge graph merges. Depends only on the article and read-only data,
// so articles can be extracted in any order, on any thread.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "graph/facts.hpp"
#include "src/extract/lexicon.hpp"
#include "src/ingest/document.hpp"
#include "src/ingest/segmenter.hpp"

namespace newsgraph {

// A mention as `newsgraph annotate` reports it: where the article names an entity.
struct MentionRecord {
    std::size_t start = 0, end = 0;  // code points into Document::text
    std::string text;                // the name as written
    EntityType type = EntityType::Person;
    std::size_t entity = 0;  // index into PartialGraph::entities
};

struct ExtractedDocument {
    PartialGraph graph;
    std::vector<MentionRecord> mentions;  // in text order
};

class Extractor {
  public:
    // Loads every list from `data_dir`; throws std::runtime_error naming a bad file.
    explicit Extractor(const std::string& data_dir);

    PartialGraph extract(const Document& doc) const { return extract_with_mentions(doc).graph; }
    ExtractedDocument extract_with_mentions(const Document& doc) const;

    const Lexicon& lexicon() const { return lexicon_; }
    const IngestRules& ingest_rules() const { return rules_; }

  private:
    IngestRules rules_;
    Lexicon lexicon_;
};

}  // namespace newsgraph
