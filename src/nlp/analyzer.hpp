// The NLP stage in one object: part-of-speech tags, lemmas and a dependency tree for each
// sentence, from the trained models in data/models. Loaded once, then read-only: one
// Analyzer serves every thread.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "src/nlp/sentence.hpp"

namespace newsgraph::nlp {

class Tagger;
class Parser;
class Lemmatizer;
struct TaggerWord;

struct AnalyzerLimits {
    // Longer sentences are parsed in pieces of this many words, each piece's root attached
    // to the first piece's root as `parataxis`: a tree for every word, no crash, counted.
    std::size_t max_parse_words = 200;
};

class Analyzer {
  public:
    // Loads models_dir/tagger.model and models_dir/parser.model, and WordNet's exception
    // lists from wordnet_dir. Throws ModelError (model_file.hpp) naming the file and what is
    // wrong with it.
    Analyzer(const std::string& models_dir, const std::string& wordnet_dir,
             AnalyzerLimits limits = {});
    ~Analyzer();
    Analyzer(Analyzer&&) noexcept;
    Analyzer& operator=(Analyzer&&) noexcept;

    // Predicts upos, xpos, lemma, head and deprel of every word (forms as given).
    // Returns true when the sentence was longer than the parser's limit and was cut.
    bool annotate(ParsedSentence& sentence) const;
    // Predicts upos, xpos and lemma of every word, without a tree (what a reader of words
    // needs, such as the mention tagger of src/extract).
    void tag(ParsedSentence& sentence) const;
    // The tree of a sentence tag() has tagged: annotate() without tagging it again.
    bool parse_tagged(ParsedSentence& sentence) const;

    const AnalyzerLimits& limits() const { return limits_; }

  private:
    void lemmatize(ParsedSentence& sentence) const;
    bool parse(ParsedSentence& sentence, const std::vector<TaggerWord>& tagged) const;
    std::unique_ptr<Tagger> tagger_;
    std::unique_ptr<Parser> parser_;
    std::unique_ptr<Lemmatizer> lemmatizer_;
    AnalyzerLimits limits_;
    bool shared_clusters_;  // the tagger's and the parser's word clusters are the same
};

// Where WordNet's files are on Debian (package wordnet-base).
inline constexpr const char* kDefaultWordNetDir = "/usr/share/wordnet";

}  // namespace newsgraph::nlp
