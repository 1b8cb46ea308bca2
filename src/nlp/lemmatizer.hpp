// Lemmas as UD English EWT writes them, from a word's form and tags: WordNet's morphy (its
// exception lists and detachment rules, checked against its index) for inflected nouns,
// verbs, adjectives and adverbs, a short table for the closed classes ("n't" -> "not",
// "me" -> "I", "an" -> "a", "'s" -> "be"), and the form itself, lower-cased except for proper
// nouns, for the rest.
#pragma once

#include <memory>
#include <string>
#include <string_view>

namespace newsgraph::nlp {

class Lemmatizer {
  public:
    // Reads index.{noun,verb,adj,adv} (their lemma column only) and {noun,verb,adj,adv}.exc
    // from wordnet_dir, the layout of Debian's wordnet-base: under 3 MB in memory. Throws
    // std::runtime_error naming the file when one cannot be read.
    explicit Lemmatizer(const std::string& wordnet_dir);
    ~Lemmatizer();
    Lemmatizer(Lemmatizer&&) noexcept;
    Lemmatizer& operator=(Lemmatizer&&) noexcept;

    // The lemma of a word with its universal (upos) and Penn Treebank (xpos) tags: "bigger"
    // ADJ JJR -> "big", "went" VERB VBD -> "go", "Americans" PROPN NNPS -> "American".
    std::string lemma(std::string_view form, std::string_view upos, std::string_view xpos) const;

  private:
    struct WordNet;
    std::unique_ptr<const WordNet> wordnet_;
};

}  // namespace newsgraph::nlp
