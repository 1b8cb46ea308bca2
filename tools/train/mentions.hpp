// newsgraph-train mentions: the trainer and the evaluation of the mention tagger
// (src/extract/mention_tagger) on Universal NER (IOB2) aligned with the UD treebank of the
// same sentences. The same data and seed give the same bytes.
#pragma once

#include <cstdint>
#include <iosfwd>
#include <string>
#include <vector>

#include "src/extract/lexicon.hpp"
#include "src/extract/mention_tagger.hpp"
#include "src/nlp/analyzer.hpp"
#include "src/nlp/sentence.hpp"
#include "src/nlp/word_clusters.hpp"

namespace newsgraph::train_mentions {

// One sentence of an IOB2 file: its id, forms and tags (B-PER, I-ORG, O, ...).
struct IobSentence {
    std::string sent_id;
    std::vector<std::string> forms, tags;
};
// Throws std::runtime_error naming the file and line of a malformed one.
std::vector<IobSentence> read_iob2(const std::string& path);

// The gold class of each word: PER, ORG and LOC as BILOU classes; anything else (OTH, the
// annotation tool's B-O and I-O) is O.
std::vector<int> gold_classes(const std::vector<std::string>& iob);

// A sentence tagged by our own tagger (the tags the runtime will see), its gold classes, and
// what the article around it writes.
struct Example {
    nlp::ParsedSentence sentence;
    std::vector<int> gold;
    std::size_t document = 0;  // into Corpus::documents
};
struct Corpus {
    std::vector<Example> examples;
    std::vector<DocumentCase> documents;
    std::size_t skipped = 0;  // IOB sentences without a treebank sentence of the same words
};
// The IOB2 sentences joined to the treebank's by sent_id (documents from "newdoc id"),
// tagged and lemmatised by `analyzer`.
// Without `tag`, the words keep no tags ("_"), for a tagger whose features read none.
Corpus read_corpus(const std::string& iob2_path, const std::string& conllu_path,
                   const nlp::Analyzer& analyzer, bool tag = true);

struct Options {
    std::uint64_t seed = 1;
    int epochs = 12;
    double min_weight = 0.05;
    bool uses_tags = true;  // MentionTagger::uses_tags
};
MentionTagger train(const Corpus& corpus, const nlp::WordClusters& clusters, const Lexicon& lexicon,
                    const Options& options, const Corpus* dev, std::ostream& log);

// Exact-span precision, recall and F1, per type and overall.
struct SpanCounts {
    std::size_t correct = 0, predicted = 0, gold = 0;
    double precision() const;
    double recall() const;
    double f1() const;
};
struct SpanScores {
    SpanCounts type[3], all;
    // The spans of margin >= kMargins[k] alone (TaggedSpan::margin): what a caller that keeps
    // only sure spans gets.
    static constexpr float kMargins[] = {0, 1, 2, 4, 8, 16};
    SpanCounts by_margin[6];
    std::string table() const;
};
// With `system`, writes every sentence as IOB2 with a fourth column: the tagger's tag.
// `capitalised_only`: as the runtime tags (MentionTagger::tag).
SpanScores evaluate(const MentionTagger& tagger, const Corpus& corpus, const Lexicon& lexicon,
                    std::ostream* system = nullptr, bool capitalised_only = false);

}  // namespace newsgraph::train_mentions
