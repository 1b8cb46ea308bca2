#include <algorithm>
#include <map>
#include <ostream>

#include "src/ingest/text_repair.hpp"
#include "tools/train/perceptron.hpp"
#include "tools/train/trainer.hpp"

namespace newsgraph::nlp::train {

namespace {

std::string class_of(const Word& w) {
    return w.upos + "|" + w.xpos;
}

// Frequent forms that the treebank tags one way: tagged by lookup, never scored.
std::unordered_map<std::string, std::uint16_t> fixed_tags(
    const std::vector<ParsedSentence>& train, const std::map<std::string, std::uint16_t>& ids) {
    std::map<std::string, std::map<std::uint16_t, int>> counts;
    for (const auto& s : train)
        for (const auto& w : s.words) ++counts[w.form][ids.at(class_of(w))];
    std::unordered_map<std::string, std::uint16_t> fixed;
    for (const auto& [form, by_class] : counts) {
        int total = 0, best = 0;
        std::uint16_t best_class = 0;
        for (const auto& [cls, n] : by_class) {
            total += n;
            if (n > best) best = n, best_class = cls;
        }
        if (total >= 20 && best >= 0.995 * total) fixed.emplace(form, best_class);
    }
    return fixed;
}

std::unordered_map<std::string, std::string> treebank_lemmas(
    const std::vector<ParsedSentence>& train) {
    std::map<std::string, std::map<std::string, int>> counts;
    for (const auto& s : train)
        for (const auto& w : s.words)
            if (w.lemma != "_") ++counts[lower_ascii(w.form) + "\t" + w.xpos][w.lemma];
    std::unordered_map<std::string, std::string> lemmas;
    for (const auto& [key, by_lemma] : counts) {
        const auto best =
            std::max_element(by_lemma.begin(), by_lemma.end(),
                             [](const auto& a, const auto& b) { return a.second < b.second; });
        lemmas.emplace(key, best->first);
    }
    return lemmas;
}

// One pass of the tagger: the first (first_pass null) or the second, which also reads the
// first pass's tags of the next two words.
WeightTable train_pass(const TaggerModel& model, const std::vector<ParsedSentence>& train,
                       const std::map<std::string, int>& ids,
                       const std::vector<ParsedSentence>* first_pass, std::uint64_t seed,
                       const TrainOptions& options, std::ostream& log) {
    AveragedPerceptron perceptron(model.classes.size());
    Random random(seed);
    std::vector<std::size_t> order(train.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::vector<std::uint64_t> feats;
    std::vector<double> scores;
    std::vector<TaggerWord> words;
    std::vector<int> next;
    for (int epoch = 0; epoch < options.tagger_epochs; ++epoch) {
        random.shuffle(order);
        std::size_t seen = 0, right = 0;
        for (const std::size_t si : order) {
            const ParsedSentence& s = train[si];
            words.clear();
            for (const auto& w : s.words) words.push_back(Tagger::describe(w.form, model.clusters));
            if (first_pass != nullptr) {
                next.assign(s.words.size() + 2, Tagger::kNoTag);
                for (std::size_t i = 0; i < s.words.size(); ++i) {
                    const auto it = ids.find(class_of((*first_pass)[si].words[i]));
                    next[i] = it == ids.end() ? Tagger::kNoTag : it->second;
                }
            }
            int p1 = Tagger::kNoTag, p2 = Tagger::kNoTag;
            for (std::size_t i = 0; i < words.size(); ++i) {
                const int truth = ids.at(class_of(s.words[i]));
                int guess;
                if (auto it = model.fixed.find(s.words[i].form); it != model.fixed.end()) {
                    guess = it->second;
                } else {
                    Tagger::features(words, i, p1, p2, first_pass ? &next[i + 1] : nullptr, feats);
                    perceptron.score(feats, scores);
                    guess = static_cast<int>(std::max_element(scores.begin(), scores.end()) -
                                             scores.begin());
                    perceptron.tick();
                    perceptron.update(feats, truth, guess);
                }
                ++seen;
                right += guess == truth;
                p2 = p1;
                p1 = guess;
            }
        }
        log << "  tagger " << (first_pass ? "second" : "first") << " pass epoch " << epoch + 1
            << ": training accuracy " << static_cast<double>(right) / static_cast<double>(seen)
            << ", " << perceptron.features() << " features\n";
    }
    return perceptron.averaged(options.min_weight);
}

}  // namespace

TaggerModel train_tagger(const std::vector<ParsedSentence>& train, const TrainOptions& options,
                         std::ostream& log) {
    std::map<std::string, std::uint16_t> ids;
    for (const auto& s : train)
        for (const auto& w : s.words) ids.emplace(class_of(w), 0);
    TaggerModel model;
    for (auto& [name, id] : ids) {
        id = static_cast<std::uint16_t>(model.classes.size());
        model.classes.push_back(name);
    }
    model.fixed = fixed_tags(train, ids);
    model.lemmas = treebank_lemmas(train);
    model.clusters = options.clusters;

    std::map<std::string, int> int_ids(ids.begin(), ids.end());
    model.weights = train_pass(model, train, int_ids, nullptr, options.seed, options, log);
    log << "  tagger: " << model.classes.size() << " classes, " << model.fixed.size()
        << " fixed forms, " << model.weights.rows() << " feature rows, " << model.weights.entries()
        << " weights\n";
    return model;
}

void train_second_pass(TaggerModel& model, const std::vector<ParsedSentence>& train,
                       const std::vector<ParsedSentence>& first_pass, const TrainOptions& options,
                       std::ostream& log) {
    std::map<std::string, int> ids;
    for (std::size_t i = 0; i < model.classes.size(); ++i)
        ids.emplace(model.classes[i], static_cast<int>(i));
    model.second_pass = train_pass(model, train, ids, &first_pass, options.seed + 5, options, log);
    model.second_pass_margin = options.second_pass_margin;
}

}  // namespace newsgraph::nlp::train
