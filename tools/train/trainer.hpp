// newsgraph-train: the trainers of the tagger and the parser, and the evaluation that
// reports their accuracy. CoNLL-U in, model files out; the same data and seed give the
// same bytes.
#pragma once

#include <cstdint>
#include <iosfwd>
#include <string>
#include <vector>

#include "src/nlp/parser.hpp"
#include "src/nlp/sentence.hpp"
#include "src/nlp/tagger.hpp"
#include "src/nlp/word_clusters.hpp"

namespace newsgraph::nlp::train {

struct TrainOptions {
    std::uint64_t seed = 1;
    int tagger_epochs = 8;
    int parser_epochs = 16;
    int labeller_epochs = 8;
    int parser_ensemble = 2;        // parsers trained apart whose weights are added up
    int folds = 10;                 // jackknifing: the parser trains on predicted tags
    double explore = 0.9;           // follow the parser's own move this often (after epoch 1)
    double min_weight = 0.2;        // averaged weights smaller than this are pruned
    float second_pass_margin = 10;  // see TaggerModel::second_pass_margin
    WordClusters clusters;          // carried into both models, read by their features
};

struct ClusterOptions {
    std::uint64_t min_count = 3;         // rarer words get no cluster
    std::uint32_t context_words = 1000;  // the most frequent words serve as contexts
    std::uint8_t depth = 12;             // 4,096 leaves at most
    int iterations = 8;                  // 2-means iterations per split
};
// `sentences` are word forms in UD tokenisation.
WordClusters train_clusters(const std::vector<std::vector<std::string>>& sentences,
                            const ClusterOptions& options, std::ostream& log);

TaggerModel train_tagger(const std::vector<ParsedSentence>& train, const TrainOptions& options,
                         std::ostream& log);
// The second pass reads the first pass's tags of the next words: `first_pass` holds
// train's sentences as a first pass that never saw them tagged them (jackknifed).
void train_second_pass(TaggerModel& model, const std::vector<ParsedSentence>& train,
                       const std::vector<ParsedSentence>& first_pass, const TrainOptions& options,
                       std::ostream& log);
ParserModel train_parser(const std::vector<ParsedSentence>& train, const TrainOptions& options,
                         std::ostream& log);

struct Accuracy {
    std::size_t words = 0, upos = 0, xpos = 0, lemma = 0, uas = 0, las = 0;
    std::string table() const;
};
// Scores `system` against `gold` (same words), as ../shared/eval/ud_eval.py does: every word,
// punctuation too, LAS on the universal part of the relation.
Accuracy score(const std::vector<ParsedSentence>& gold, const std::vector<ParsedSentence>& system);

std::vector<ParsedSentence> read_treebank(const std::string& path);

}  // namespace newsgraph::nlp::train
