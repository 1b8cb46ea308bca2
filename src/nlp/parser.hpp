// Dependency parser: greedy arc-eager transitions scored by averaged-perceptron weights over
// rich non-local features (Zhang and Nivre 2011: valencies, heads and grandheads, second
// children), then a second classifier that labels each arc of the finished tree with
// features of both ends, their function-word children and siblings.
#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "src/nlp/sentence.hpp"
#include "src/nlp/transition.hpp"
#include "src/nlp/weights.hpp"
#include "src/nlp/word_clusters.hpp"

namespace newsgraph::nlp {

// What the features read of one word (index 0 is the root), hashed once per sentence.
struct ParserWord {
    std::uint64_t form = 0;  // lower-case form
    std::uint64_t tag = 0;   // XPOS
    std::uint64_t upos = 0;
    std::uint64_t cluster = 0, cluster6 = 0;  // word-cluster path, whole and its first 6 bits
    bool punct = false, comma = false;
};

struct ParserModel {
    std::vector<std::string> labels;  // deprels; "root" among them
    WordClusters clusters;
    WeightTable moves;  // kMoves classes
    WeightTable arcs;   // labels.size() classes: the labels written out
    // Labels guessed as each arc is made, from what the state knows then: not written out,
    // but read by the move features (the labels of a word's dependents say much of it).
    WeightTable arc_time_labels;
};

class Parser {
  public:
    explicit Parser(ParserModel model);
    static Parser load(const std::string& path);  // throws ModelError naming the file
    void save(const std::string& path) const;

    // Sets head and deprel of every word from forms and tags (upos, xpos).
    void parse(ParsedSentence& sentence) const;
    // The same with the words described already (`words[i]` of sentence.words[i - 1], and
    // root_word() first), as describe() would; the Analyzer makes them from what the tagger
    // looked up, so that a word's cluster is looked up once.
    void parse(ParsedSentence& sentence, const std::vector<ParserWord>& words) const;

    const ParserModel& model() const { return model_; }

    // Shared with the trainer.
    static std::vector<ParserWord> describe(const ParsedSentence& sentence,
                                            const WordClusters& clusters);
    static ParserWord root_word();
    // One word, tagged, from the hash of its lower-case form (as hash_bytes gives it) and its
    // cluster path.
    static ParserWord describe_word(const Word& word, std::uint64_t lower_form,
                                    const ClusterPath& path);
    static void move_features(const std::vector<ParserWord>& words, const ArcEagerState& state,
                              std::vector<std::uint64_t>& out);
    // Features of the arc head(d) -> d in a finished tree (heads[i] for word i, 1-based).
    // labels[i] is the label id of word i's arc where already known (-1 where not): arcs are
    // labelled top-down, so the head's own label and its earlier dependents' are known.
    static void arc_features(const std::vector<ParserWord>& words, const std::vector<int>& heads,
                             const std::vector<std::vector<int>>& children,
                             const std::vector<int>& labels, int d,
                             std::vector<std::uint64_t>& out);
    // Words in the order they are labelled: breadth first from the root, left to right.
    static std::vector<int> top_down(const std::vector<int>& heads,
                                     const std::vector<std::vector<int>>& children);
    static void top_down(const std::vector<int>& heads,
                         const std::vector<std::vector<int>>& children, std::vector<int>& order);
    // Features for labelling the arc h -> d the moment it is made.
    static void arc_time_features(const std::vector<ParserWord>& words, const ArcEagerState& state,
                                  int h, int d, std::vector<std::uint64_t>& out);
    static std::vector<std::vector<int>> children_of(const std::vector<int>& heads);
    // Into `children`, which keeps its lists' memory from the sentence before (it may have
    // more lists than heads: the ones past heads.size() are left empty).
    static void children_of(const std::vector<int>& heads, std::vector<std::vector<int>>& children);

  private:
    ParserModel model_;
    int root_label_ = 0;
};

}  // namespace newsgraph::nlp
