#include "src/nlp/analyzer.hpp"

#include <algorithm>
#include <vector>

#include "src/nlp/dateline.hpp"
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
    // A leading dateline is parsed on its own, its root a `parataxis` of the sentence's:
    // read with the sentence, "ABUJA" became the subject of its first verb.
    const std::size_t dateline = dateline_length(sentence.words);
    const std::size_t limit = limits_.max_parse_words;
    if (dateline == 0 && sentence.words.size() <= limit) {
        parser_->parse(sentence, described);
        return false;
    }
    // Otherwise (or too long for one parse: a list, a table read as prose) in pieces: the
    // dateline, then the rest in pieces of at most `limit` words; the first piece after the
    // dateline holds the root and every other piece's root is attached to it.
    std::vector<std::pair<std::size_t, std::size_t>> pieces;
    if (dateline > 0) pieces.emplace_back(0, dateline);
    for (std::size_t begin = dateline; begin < sentence.words.size(); begin += limit)
        pieces.emplace_back(begin, std::min(sentence.words.size(), begin + limit));
    int main_root = 0;
    std::vector<int> other_roots;
    for (std::size_t p = 0; p < pieces.size(); ++p) {
        const auto [begin, end] = pieces[p];
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
            if (w.head != 0) continue;
            const int id = static_cast<int>(begin + i) + 1;
            if (main_root == 0 && (dateline == 0 || p == 1))
                main_root = id;
            else
                other_roots.push_back(id);
        }
    }
    for (int id : other_roots) {
        sentence.words[static_cast<std::size_t>(id - 1)].head = main_root;
        sentence.words[static_cast<std::size_t>(id - 1)].deprel = "parataxis";
    }
    return sentence.words.size() - dateline > limit;
}

}  // namespace newsgraph::nlp
