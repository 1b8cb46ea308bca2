#include <algorithm>
#include <map>
#include <ostream>

#include "src/nlp/tree_check.hpp"
#include "tools/train/oracle.hpp"
#include "tools/train/perceptron.hpp"
#include "tools/train/trainer.hpp"

namespace newsgraph::nlp::train {

namespace {

// Trains the move classifier, and beside it the labeller that guesses each arc's label the
// moment it is made (for the move features). `seed` differs between the members of an ensemble:
// each sees the sentences in its own order and explores its own mistakes. Their weights are added
// to `moves` and `labels`.
void train_moves(const std::vector<ParsedSentence>& train, const std::vector<std::string>& labels,
                 const TrainOptions& options, std::uint64_t seed, WeightTable& moves,
                 WeightTable& arc_labels, std::ostream& log) {
    std::map<std::string, int> label_ids;
    for (std::size_t i = 0; i < labels.size(); ++i)
        label_ids.emplace(labels[i], static_cast<int>(i));
    AveragedPerceptron labeller(labels.size());
    std::vector<std::uint64_t> label_feats;
    std::vector<double> label_scores;
    std::vector<std::vector<int>> gold;
    std::vector<std::vector<ParserWord>> words;
    int lifted = 0;
    for (const auto& s : train) {
        gold.push_back(heads_of(s));
        lifted += projectivize(gold.back()) > 0;
        gold.back() = gold_for_state(gold.back());
        words.push_back(Parser::describe(s, options.clusters));
    }
    log << "  parser: " << lifted << " of " << train.size() << " training trees made projective\n";
    AveragedPerceptron perceptron(kMoves);
    Random random(seed + 17);
    std::vector<std::size_t> order(train.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::vector<std::uint64_t> feats;
    std::vector<double> scores;
    for (int epoch = 0; epoch < options.parser_epochs; ++epoch) {
        random.shuffle(order);
        std::size_t moves = 0, right = 0;
        for (const std::size_t si : order) {
            const auto& g = gold[si];
            ArcEagerState st(static_cast<int>(g.size()) - 2);
            while (!st.terminal()) {
                Parser::move_features(words[si], st, feats);
                perceptron.score(feats, scores);
                int costs[kMoves];
                int guess = -1, best_zero = -1;
                for (int m = 0; m < kMoves; ++m) {
                    costs[m] = move_cost(st, g, m);
                    if (!st.legal(m)) continue;
                    if (guess < 0 || scores[static_cast<std::size_t>(m)] >
                                         scores[static_cast<std::size_t>(guess)])
                        guess = m;
                    if (costs[m] == 0 &&
                        (best_zero < 0 || scores[static_cast<std::size_t>(m)] >
                                              scores[static_cast<std::size_t>(best_zero)]))
                        best_zero = m;
                }
                if (best_zero < 0) best_zero = guess;  // nothing reachable is left to lose
                perceptron.tick();
                ++moves;
                if (costs[guess] > 0)
                    perceptron.update(feats, best_zero, guess);
                else
                    ++right;
                // After the first epoch, follow the parser's own mistakes most of the time, so it
                // learns the states that its mistakes lead to (the dynamic oracle's point).
                const bool explore = epoch > 0 && random.unit() < options.explore;
                const int move = explore ? guess : best_zero;
                const int dependent = move == kLeft ? st.s0() : move == kRight ? st.buffer : -1;
                st.apply(move);
                if (dependent >= 0) {
                    const int h = st.head[static_cast<std::size_t>(dependent)];
                    Parser::arc_time_features(words[si], st, h, dependent, label_feats);
                    labeller.score(label_feats, label_scores);
                    const int label_guess = static_cast<int>(
                        std::max_element(label_scores.begin(), label_scores.end()) -
                        label_scores.begin());
                    if (g[static_cast<std::size_t>(dependent)] ==
                        h) {  // a gold arc: its label is known
                        labeller.tick();
                        labeller.update(
                            label_feats,
                            label_ids.at(
                                train[si].words[static_cast<std::size_t>(dependent - 1)].deprel),
                            label_guess);
                    }
                    st.set_label(dependent, label_guess);
                }
            }
        }
        log << "  parser epoch " << epoch + 1 << ": "
            << static_cast<double>(right) / static_cast<double>(moves) << " of moves zero-cost, "
            << perceptron.features() << " features\n";
    }
    perceptron.add_averaged(moves, options.min_weight);
    labeller.add_averaged(arc_labels, options.min_weight);
}

WeightTable train_labels(const std::vector<ParsedSentence>& train,
                         const std::vector<std::string>& labels, const TrainOptions& options,
                         std::ostream& log) {
    std::map<std::string, int> ids;
    for (std::size_t i = 0; i < labels.size(); ++i) ids.emplace(labels[i], static_cast<int>(i));
    AveragedPerceptron perceptron(labels.size());
    Random random(options.seed + 29);
    std::vector<std::size_t> order(train.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::vector<std::uint64_t> feats;
    std::vector<double> scores;
    std::vector<std::vector<ParserWord>> words;
    std::vector<std::vector<int>> heads;
    for (const auto& s : train) {
        words.push_back(Parser::describe(s, options.clusters));
        heads.push_back(heads_of(s));
    }
    for (int epoch = 0; epoch < options.labeller_epochs; ++epoch) {
        random.shuffle(order);
        std::size_t arcs = 0, right = 0;
        for (const std::size_t si : order) {
            const auto children = Parser::children_of(heads[si]);
            // Labelled top-down as at run time.
            std::vector<int> known(heads[si].size(), -1);
            for (const int d : Parser::top_down(heads[si], children)) {
                const auto i = static_cast<std::size_t>(d - 1);
                known[i + 1] = ids.at(train[si].words[i].deprel);
                if (heads[si][i + 1] == 0) continue;  // the root's label is given
                known[i + 1] = -1;
                Parser::arc_features(words[si], heads[si], children, known, d, feats);
                perceptron.score(feats, scores);
                const int guess = static_cast<int>(std::max_element(scores.begin(), scores.end()) -
                                                   scores.begin());
                const int truth = ids.at(train[si].words[i].deprel);
                known[i + 1] = guess;  // as at run time: later arcs see the labeller's own labels
                perceptron.tick();
                perceptron.update(feats, truth, guess);
                ++arcs;
                right += guess == truth;
            }
        }
        log << "  labeller epoch " << epoch + 1 << ": training accuracy "
            << static_cast<double>(right) / static_cast<double>(arcs) << ", "
            << perceptron.features() << " features\n";
    }
    return perceptron.averaged(options.min_weight);
}

}  // namespace

ParserModel train_parser(const std::vector<ParsedSentence>& train, const TrainOptions& options,
                         std::ostream& log) {
    ParserModel model;
    model.clusters = options.clusters;
    std::map<std::string, int> labels;
    for (const auto& s : train)
        for (const auto& w : s.words) labels.emplace(w.deprel, 0);
    for (const auto& [label, unused] : labels) model.labels.push_back(label);
    for (int member = 0; member < std::max(options.parser_ensemble, 1); ++member)
        train_moves(train, model.labels, options,
                    options.seed + 1000 * static_cast<std::uint64_t>(member), model.moves,
                    model.arc_time_labels, log);
    model.moves.finish(kMoves);
    model.arc_time_labels.finish(model.labels.size());
    model.arcs = train_labels(train, model.labels, options, log);
    log << "  parser: " << model.moves.rows() << " move feature rows, " << model.arcs.rows()
        << " label feature rows, " << model.labels.size() << " labels\n";
    return model;
}

}  // namespace newsgraph::nlp::train
