// Part-of-speech tagger: greedy left to right, averaged-perceptron weights over features of
// the word, its affixes and shape, its neighbours and the two previous tags (Collins 2002).
// One class is a UPOS and XPOS pair ("PROPN|NNP"), so the two tag sets always agree.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "src/nlp/sentence.hpp"
#include "src/nlp/string_table.hpp"
#include "src/nlp/weights.hpp"
#include "src/nlp/word_clusters.hpp"

namespace newsgraph::nlp {

// What the features read of one word, hashed once per sentence.
struct TaggerWord {
    std::uint64_t form = 0, lower = 0, shape = 0;
    std::uint64_t prefix[3] = {}, suffix[4] = {};
    std::uint64_t flags = 0;
    std::uint64_t cluster[4] = {};  // path prefixes of 4, 6, 8 and all bits
    std::uint64_t capitals = 0;     // ClusterPath::capitals
    ClusterPath path;               // the word's cluster, whole (the parser reads it too)
};

struct TaggerModel {
    std::vector<std::string> classes;  // "UPOS|XPOS"
    // Frequent words seen with one class only: tagged without scoring.
    std::unordered_map<std::string, std::uint16_t> fixed;
    // (lower-case form, "\t", XPOS) -> lemma, as the treebank lemmatises it.
    std::unordered_map<std::string, std::string> lemmas;
    WordClusters clusters;  // learned from unlabelled text; the features read them
    WeightTable weights;
    // A second pass that also sees the first pass's tags of the next two words (empty: none).
    WeightTable second_pass;
    // Words the first pass tags with at least this margin between its two best classes keep
    // that tag: the second pass would not change it, and skipping it halves the cost.
    float second_pass_margin = 1e30f;
};

class Tagger {
  public:
    explicit Tagger(TaggerModel model);
    // Throws ModelError naming the file.
    static Tagger load(const std::string& path);
    void save(const std::string& path) const;

    // Sets upos and xpos of every word.
    void tag(ParsedSentence& sentence) const;
    // The same, leaving what it read of each word in `words` and its class id in `tags`, for
    // the lemmas and the parser to read again (reused buffers: no allocation once warm).
    void tag(ParsedSentence& sentence, std::vector<TaggerWord>& words,
             std::vector<int>& tags) const;
    // Class ids of every word; `first_pass_only` skips the second pass.
    std::vector<int> classify(const ParsedSentence& sentence, bool first_pass_only = false) const;
    void classify(const ParsedSentence& sentence, bool first_pass_only,
                  std::vector<TaggerWord>& words, std::vector<int>& tags) const;
    // The treebank's lemma for this form and XPOS, or empty when it never saw the pair.
    std::string_view known_lemma(std::string_view form, std::string_view xpos) const;

    const TaggerModel& model() const { return model_; }

    // Shared with the trainer, so training and tagging read the same features.
    static TaggerWord describe(std::string_view form, const WordClusters& clusters);
    // `next`: the first pass's classes of words i+1 and i+2 (second pass), or nullptr.
    static void features(const std::vector<TaggerWord>& words, std::size_t i, int prev1, int prev2,
                         const int* next, std::vector<std::uint64_t>& out);
    static constexpr int kNoTag = 0xffff;

  private:
    TaggerModel model_;
    std::vector<std::string> upos_, xpos_;  // split classes
    // model_.fixed and model_.lemmas again, as tables a lookup builds no string for.
    StringTable<std::uint16_t> fixed_;
    StringTable<std::string> lemmas_;
};

}  // namespace newsgraph::nlp
