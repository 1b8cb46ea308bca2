// The trained mention finder: person, organisation and location spans over the UD words of a
// sentence, tagged left to right with BILOU tags (Ratinov and Roth 2009) by averaged-
// perceptron weights (data/models/mentions.model, trained by `newsgraph-train mentions` on
// Universal NER English EWT). It reads what src/nlp annotated (forms, tags, lemmas) and what
// the lexicon knows (gazetteers, given names, titles, common words); it never types an
// entity finer than PER/ORG/LOC: find_mentions() combines its spans with the rules', which
// give the types (README, "How mentions are found").
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "src/extract/lexicon.hpp"
#include "src/nlp/sentence.hpp"
#include "src/nlp/weights.hpp"
#include "src/nlp/word_clusters.hpp"

namespace newsgraph {

enum class SpanType : std::uint8_t { Person = 0, Organisation = 1, Location = 2 };

// Words [first, last) of a sentence name one entity of `type`.
struct TaggedSpan {
    std::size_t first = 0, last = 0;
    SpanType type = SpanType::Person;
    // How sure the tagger is: the smallest margin, over the span's words, between the score
    // of the tag it chose and the next best (in weight units). Not compared by ==.
    float margin = 0;
    // The type the tagger would have given the span's first word after `type`.
    SpanType second = SpanType::Person;
    bool operator==(const TaggedSpan& o) const {
        return first == o.first && last == o.last && type == o.type;
    }
};

// How an article writes its words, read once for all its sentences: a sentence's first word
// is a name if the article also writes it capitalised inside sentences, a common word if it
// also writes it in lower case.
struct DocumentCase {
    std::unordered_set<std::string> capitalised_inside, lower_case;
    // One call a sentence, in any order: its words' forms.
    void add_sentence(const std::vector<std::string_view>& forms);
};

// The per-word atoms the features combine: hashed once a sentence.
struct MentionWord {
    std::uint64_t form = 0, lower = 0, shape = 0, prefix[3] = {}, suffix[4] = {};
    std::uint64_t cluster[3] = {}, capitals = 0;
    std::uint64_t upos = 0, xpos = 0, lemma = 0;
    std::uint64_t gazetteer = 0;  // 0, or the entry's type, kind and BILOU position
    std::uint64_t place = 0;      // 0, or the BILOU position in a place name (places.txt)
    std::uint64_t lexical = 0;    // bits: given name, common word, honorific, org head, ...
    std::uint64_t document = 0;   // DocumentCase: 0 not capitalised, else 1 + two bits
    std::uint64_t initial = 0;    // 1 for the sentence's first word
};

class MentionTagger {
  public:
    // O, then B, I, L, U of each SpanType.
    static constexpr std::size_t kClasses = 13;
    static constexpr int kOutside = 0;
    static int tag_class(SpanType type, int position) {  // position: 0 B, 1 I, 2 L, 3 U
        return 1 + static_cast<int>(type) * 4 + position;
    }
    // Whether `cls` may follow `prev` (-1: the sentence's start): I and L only inside a span
    // of their type; B, U and O anywhere (after B or I they close the span before them).
    static bool allowed(int prev, int cls);
    // The spans of a class sequence (an unfinished span ends where the sentence does).
    // `margins`, when given, holds each word's margin (TaggedSpan::margin).
    // `seconds`, each word's SpanType::second.
    static std::vector<TaggedSpan> spans(const std::vector<int>& classes,
                                         const std::vector<float>* margins = nullptr,
                                         const std::vector<int>* seconds = nullptr);

    MentionTagger() = default;
    // `uses_tags`: the features read the words' UPOS, XPOS and lemma (trained on tagged
    // words); without, the words' forms alone, and no caller need tag them.
    MentionTagger(nlp::WordClusters clusters, nlp::WeightTable weights, bool uses_tags)
        : clusters_(std::move(clusters)), weights_(std::move(weights)), uses_tags_(uses_tags) {}
    // Throws nlp::ModelError naming the file and what is wrong with it.
    static MentionTagger load(const std::string& path);
    void save(const std::string& path) const;

    // What the features read of each word. `sentence` is tagged and lemmatised; `document`
    // may be null (no article around the sentence).
    static void describe(const nlp::ParsedSentence& sentence, const Lexicon& lexicon,
                         const nlp::WordClusters& clusters, const DocumentCase* document,
                         std::vector<MentionWord>& out);
    static void features(const std::vector<MentionWord>& words, std::size_t i, int prev1, int prev2,
                         std::vector<std::uint64_t>& out);

    // The spans of a sentence (tagged, if uses_tags()). With `capitalised_only`, a word
    // outside a span that starts with no capital letter or digit is outside one without being
    // scored: news writes its names capitalised, and most words are not (the runtime's way;
    // the evaluation scores every word too, for Universal NER's lower-case names).
    std::vector<TaggedSpan> tag(const nlp::ParsedSentence& sentence, const Lexicon& lexicon,
                                const DocumentCase* document, bool capitalised_only = true) const;

    const nlp::WordClusters& clusters() const { return clusters_; }
    bool uses_tags() const { return uses_tags_; }

  private:
    nlp::WordClusters clusters_;
    nlp::WeightTable weights_;
    bool uses_tags_ = true;
};

}  // namespace newsgraph
