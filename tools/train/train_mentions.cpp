#include <fstream>
#include <iomanip>
#include <iterator>
#include <sstream>
#include <stdexcept>
#include <string_view>
#include <unordered_map>

#include "tools/train/mentions.hpp"
#include "tools/train/perceptron.hpp"
#include "tools/train/trainer.hpp"

namespace newsgraph::train_mentions {

std::vector<IobSentence> read_iob2(const std::string& path) {
    std::ifstream in(path);
    if (!in) throw std::runtime_error(path + ": cannot open");
    std::vector<IobSentence> out;
    IobSentence current;
    std::string line;
    std::size_t number = 0;
    auto flush = [&] {
        if (!current.forms.empty()) out.push_back(std::move(current));
        current = IobSentence{};
    };
    while (std::getline(in, line)) {
        ++number;
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line.empty()) {
            flush();
            continue;
        }
        if (line[0] == '#') {
            constexpr std::string_view kId = "# sent_id = ";
            if (line.starts_with(kId)) current.sent_id = line.substr(kId.size());
            continue;
        }
        std::vector<std::string> fields;
        std::istringstream cells(line);
        for (std::string cell; std::getline(cells, cell, '\t');) fields.push_back(cell);
        if (fields.size() < 3)
            throw std::runtime_error(path + ":" + std::to_string(number) +
                                     ": expected INDEX TAB WORD TAB TAG");
        current.forms.push_back(fields[1]);
        current.tags.push_back(fields[2]);
    }
    flush();
    return out;
}

std::vector<int> gold_classes(const std::vector<std::string>& iob) {
    std::vector<int> types(iob.size(), -1);  // SpanType, or -1 outside
    std::vector<bool> begins(iob.size(), false);
    for (std::size_t i = 0; i < iob.size(); ++i) {
        const std::string& t = iob[i];
        if (t.size() < 3 || t[1] != '-') continue;
        const std::string type = t.substr(2);
        types[i] = type == "PER" ? 0 : type == "ORG" ? 1 : type == "LOC" ? 2 : -1;
        begins[i] = t[0] == 'B' || i == 0 || types[i - 1] != types[i];
    }
    std::vector<int> out(iob.size(), MentionTagger::kOutside);
    for (std::size_t i = 0; i < iob.size(); ++i) {
        if (types[i] < 0) continue;
        const bool ends = i + 1 == iob.size() || types[i + 1] != types[i] || begins[i + 1];
        const int position = begins[i] ? (ends ? 3 : 0) : (ends ? 2 : 1);
        out[i] = MentionTagger::tag_class(static_cast<SpanType>(types[i]), position);
    }
    return out;
}

Corpus read_corpus(const std::string& iob2_path, const std::string& conllu_path,
                   const nlp::Analyzer& analyzer, bool tag) {
    const auto iob = read_iob2(iob2_path);
    auto treebank = nlp::train::read_treebank(conllu_path);
    std::unordered_map<std::string, std::size_t> by_id;
    std::vector<std::size_t> document_of(treebank.size());
    std::size_t documents = 0;
    for (std::size_t i = 0; i < treebank.size(); ++i) {
        by_id.emplace(treebank[i].sent_id, i);
        bool starts = i == 0;
        for (const auto& c : treebank[i].comments) starts = starts || c.starts_with("newdoc");
        if (starts && i > 0) ++documents;
        document_of[i] = documents;
    }
    Corpus corpus;
    corpus.documents.resize(documents + 1);
    for (const auto& s : treebank) {
        std::vector<std::string_view> forms;
        for (const auto& w : s.words) forms.push_back(w.form);
        corpus.documents[document_of[&s - treebank.data()]].add_sentence(forms);
    }
    for (const auto& s : iob) {
        auto it = by_id.find(s.sent_id);
        bool same = it != by_id.end() && treebank[it->second].words.size() == s.forms.size();
        for (std::size_t w = 0; same && w < s.forms.size(); ++w)
            same = treebank[it->second].words[w].form == s.forms[w];
        if (!same) {
            ++corpus.skipped;
            continue;
        }
        Example e;
        e.sentence.sent_id = s.sent_id;
        for (const auto& form : s.forms) {
            nlp::Word w;
            w.form = form;
            e.sentence.words.push_back(std::move(w));
        }
        if (tag) analyzer.tag(e.sentence);
        e.gold = gold_classes(s.tags);
        e.document = document_of[it->second];
        corpus.examples.push_back(std::move(e));
    }
    return corpus;
}

namespace {

std::vector<std::vector<MentionWord>> describe_all(const Corpus& corpus,
                                                   const nlp::WordClusters& clusters,
                                                   const Lexicon& lexicon) {
    std::vector<std::vector<MentionWord>> out(corpus.examples.size());
    for (std::size_t i = 0; i < corpus.examples.size(); ++i) {
        const Example& e = corpus.examples[i];
        MentionTagger::describe(e.sentence, lexicon, clusters, &corpus.documents[e.document],
                                out[i]);
    }
    return out;
}

}  // namespace

MentionTagger train(const Corpus& corpus, const nlp::WordClusters& clusters, const Lexicon& lexicon,
                    const Options& options, const Corpus* dev, std::ostream& log) {
    const auto described = describe_all(corpus, clusters, lexicon);
    nlp::train::AveragedPerceptron perceptron(MentionTagger::kClasses);
    nlp::train::Random random(options.seed);
    std::vector<std::size_t> order(corpus.examples.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::vector<std::uint64_t> feats;
    std::vector<double> scores;
    for (int epoch = 1; epoch <= options.epochs; ++epoch) {
        random.shuffle(order);
        std::size_t words = 0, right = 0;
        for (const std::size_t s : order) {
            const auto& words_of = described[s];
            const auto& gold = corpus.examples[s].gold;
            int prev1 = -1, prev2 = -1;
            for (std::size_t i = 0; i < words_of.size(); ++i) {
                MentionTagger::features(words_of, i, prev1, prev2, feats);
                perceptron.score(feats, scores);
                int best = -1;
                for (int c = 0; c < static_cast<int>(MentionTagger::kClasses); ++c)
                    if (MentionTagger::allowed(prev1, c) &&
                        (best < 0 || scores[static_cast<std::size_t>(c)] >
                                         scores[static_cast<std::size_t>(best)]))
                        best = c;
                perceptron.tick();
                perceptron.update(feats, gold[i], best);
                ++words;
                right += best == gold[i];
                prev2 = prev1;
                prev1 = best;
            }
        }
        log << "mentions: epoch " << epoch << " training accuracy "
            << static_cast<double>(right) / static_cast<double>(words ? words : 1);
        if (dev != nullptr) {
            const MentionTagger now(clusters, perceptron.averaged(options.min_weight),
                                    options.uses_tags);
            log << ", dev span F1 " << evaluate(now, *dev, lexicon).all.f1();
        }
        log << '\n';
    }
    return MentionTagger(clusters, perceptron.averaged(options.min_weight), options.uses_tags);
}

double SpanCounts::precision() const {
    return predicted == 0 ? 0.0 : static_cast<double>(correct) / static_cast<double>(predicted);
}
double SpanCounts::recall() const {
    return gold == 0 ? 0.0 : static_cast<double>(correct) / static_cast<double>(gold);
}
double SpanCounts::f1() const {
    const double p = precision(), r = recall();
    return p + r == 0 ? 0.0 : 2 * p * r / (p + r);
}

std::string SpanScores::table() const {
    std::ostringstream out;
    out << std::fixed << std::setprecision(4);
    const char* names[] = {"PER", "ORG", "LOC"};
    auto row = [&](const char* name, const SpanCounts& c) {
        out << name << "  P " << c.precision() << "  R " << c.recall() << "  F1 " << c.f1()
            << "  (gold " << c.gold << ", found " << c.predicted << ", right " << c.correct
            << ")\n";
    };
    for (int t = 0; t < 3; ++t) row(names[t], type[t]);
    row("all", all);
    for (std::size_t k = 0; k < std::size(kMargins); ++k) {
        const std::string name = "margin>=" + std::to_string(static_cast<int>(kMargins[k]));
        row(name.c_str(), by_margin[k]);
    }
    return out.str();
}

namespace {
std::vector<std::string> iob_of(const std::vector<TaggedSpan>& spans, std::size_t n) {
    const char* names[] = {"PER", "ORG", "LOC"};
    std::vector<std::string> out(n, "O");
    for (const auto& s : spans)
        for (std::size_t i = s.first; i < s.last; ++i)
            out[i] = std::string(i == s.first ? "B-" : "I-") + names[static_cast<int>(s.type)];
    return out;
}
}  // namespace

SpanScores evaluate(const MentionTagger& tagger, const Corpus& corpus, const Lexicon& lexicon,
                    std::ostream* system, bool capitalised_only) {
    SpanScores scores;
    for (const Example& e : corpus.examples) {
        const auto found =
            tagger.tag(e.sentence, lexicon, &corpus.documents[e.document], capitalised_only);
        const auto gold = MentionTagger::spans(e.gold);
        if (system != nullptr) {
            const auto g = iob_of(gold, e.gold.size()), y = iob_of(found, e.gold.size());
            *system << "# sent_id = " << e.sentence.sent_id << '\n';
            for (std::size_t i = 0; i < g.size(); ++i)
                *system << i + 1 << '\t' << e.sentence.words[i].form << '\t' << g[i] << '\t' << y[i]
                        << '\t' << e.sentence.words[i].xpos << '\n';
            *system << '\n';
        }
        for (const auto& g : gold) {
            ++scores.type[static_cast<int>(g.type)].gold;
            ++scores.all.gold;
            for (auto& c : scores.by_margin) ++c.gold;
        }
        for (const auto& f : found) {
            const bool right = std::find(gold.begin(), gold.end(), f) != gold.end();
            for (std::size_t k = 0; k < std::size(SpanScores::kMargins); ++k)
                if (f.margin >= SpanScores::kMargins[k]) {
                    ++scores.by_margin[k].predicted;
                    scores.by_margin[k].correct += right;
                }
        }
        for (const auto& f : found) {
            ++scores.type[static_cast<int>(f.type)].predicted;
            ++scores.all.predicted;
            if (std::find(gold.begin(), gold.end(), f) != gold.end()) {
                ++scores.type[static_cast<int>(f.type)].correct;
                ++scores.all.correct;
            }
        }
    }
    return scores;
}

}  // namespace newsgraph::train_mentions
