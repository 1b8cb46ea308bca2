#include "src/nlp/analyzer.hpp"

#include <algorithm>
#include <vector>

#include "src/nlp/lemmatizer.hpp"
#include "src/nlp/model_file.hpp"
#include "src/nlp/parser.hpp"
#include "src/nlp/tagger.hpp"

namespace newsgraph::nlp {

Analyzer::Analyzer(const std::string& models_dir, const std::string& wordnet_dir,
                   AnalyzerLimits limits)
    : tagger_(std::make_unique<Tagger>(Tagger::load(models_dir + "/tagger.model"))),
      parser_(std::make_unique<Parser>(Parser::load(models_dir + "/parser.model"))),
      lemmatizer_(std::make_unique<Lemmatizer>(wordnet_dir)),
      limits_(limits),
      shared_clusters_(tagger_->model().clusters == parser_->model().clusters) {
    if (limits_.max_parse_words == 0) limits_.max_parse_words = 1;
}

Analyzer::~Analyzer() = default;
Analyzer::Analyzer(Analyzer&&) noexcept = default;
Analyzer& Analyzer::operator=(Analyzer&&) noexcept = default;

void Analyzer::lemmatize(ParsedSentence& sentence) const {
    for (Word& w : sentence.words) {
        const std::string_view known = tagger_->known_lemma(w.form, w.xpos);
        if (!known.empty())
            w.lemma = known;
        else if (w.upos == "PROPN")
            w.lemma = w.form;
        else
            w.lemma = lemmatizer_->lemma(w.form, w.upos, w.xpos);
    }
}

void Analyzer::tag(ParsedSentence& sentence) const {
    thread_local std::vector<TaggerWord> tagged;
    thread_local std::vector<int> tags;
    tagger_->tag(sentence, tagged, tags);
    lemmatize(sentence);
}

bool Analyzer::annotate(ParsedSentence& sentence) const {
    // Per sentence, kept from one to the next (one set a thread: the Analyzer is shared).
    thread_local std::vector<TaggerWord> tagged;
    thread_local std::vector<int> tags;
    tagger_->tag(sentence, tagged, tags);
    lemmatize(sentence);
    return parse(sentence, tagged);
}

bool Analyzer::parse_tagged(ParsedSentence& sentence) const {
    thread_local std::vector<TaggerWord> tagged;
    tagged.clear();
    for (const Word& w : sentence.words)
        tagged.push_back(Tagger::describe(w.form, tagger_->model().clusters));
    return parse(sentence, tagged);
}

bool Analyzer::parse(ParsedSentence& sentence, const std::vector<TaggerWord>& tagged) const {
    thread_local std::vector<ParserWord> described;
    // The parser reads what the tagger looked up of each word: the hash of its lower-case
    // form, and its cluster when both models carry the same clusters (as trained together).
    described.clear();
    described.push_back(Parser::root_word());
    for (std::size_t i = 0; i < sentence.words.size(); ++i) {
        const Word& w = sentence.words[i];
        described.push_back(Parser::describe_word(
            w, tagged[i].lower,
            shared_clusters_ ? tagged[i].path : parser_->model().clusters.of(w.form)));
    }
    const std::size_t limit = limits_.max_parse_words;
    if (sentence.words.size() <= limit) {
        parser_->parse(sentence, described);
        return false;
    }
    // Too long for one parse (a list, a table read as prose): parse it in pieces.
    int first_root = 0;
    for (std::size_t begin = 0; begin < sentence.words.size(); begin += limit) {
        const std::size_t end = std::min(sentence.words.size(), begin + limit);
        ParsedSentence piece;
        piece.words.assign(sentence.words.begin() + static_cast<std::ptrdiff_t>(begin),
                           sentence.words.begin() + static_cast<std::ptrdiff_t>(end));
        std::vector<ParserWord> piece_words{described[0]};
        piece_words.insert(piece_words.end(),
                           described.begin() + 1 + static_cast<std::ptrdiff_t>(begin),
                           described.begin() + 1 + static_cast<std::ptrdiff_t>(end));
        parser_->parse(piece, piece_words);
        const int offset = static_cast<int>(begin);
        for (std::size_t i = 0; i < piece.words.size(); ++i) {
            Word& w = sentence.words[begin + i];
            w.head = piece.words[i].head == 0 ? 0 : piece.words[i].head + offset;
            w.deprel = piece.words[i].deprel;
            if (w.head == 0) {
                if (first_root == 0) {
                    first_root = static_cast<int>(begin + i) + 1;
                } else {
                    w.head = first_root;
                    w.deprel = "parataxis";
                }
            }
        }
    }
    return true;
}

}  // namespace newsgraph::nlp
