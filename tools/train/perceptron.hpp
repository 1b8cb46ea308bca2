// The trainer's side of the linear classifiers: an averaged perceptron (Collins 2002) with
// lazy averaging, over hashed features and sparse rows. Exports the averaged weights as the
// runtime's WeightTable.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <unordered_map>
#include <vector>

#include "src/nlp/weights.hpp"

namespace newsgraph::nlp::train {

class AveragedPerceptron {
  public:
    explicit AveragedPerceptron(std::size_t n_classes) : n_classes_(n_classes) {}

    std::size_t classes() const { return n_classes_; }

    // scores[c] = sum of current weights (not averaged) of every feature for class c.
    void score(const std::vector<std::uint64_t>& feats, std::vector<double>& scores) const {
        scores.assign(n_classes_, 0.0);
        for (const std::uint64_t f : feats) {
            auto it = index_.find(f);
            if (it == index_.end()) continue;
            for (const Param& p : rows_[it->second]) scores[p.cls] += p.weight;
        }
    }

    // One training instance seen: the clock of the averages.
    void tick() { ++now_; }

    void update(const std::vector<std::uint64_t>& feats, int truth, int guess) {
        if (truth == guess) return;
        for (const std::uint64_t f : feats) {
            auto [it, fresh] = index_.try_emplace(f, static_cast<std::uint32_t>(rows_.size()));
            if (fresh) rows_.emplace_back();
            auto& row = rows_[it->second];
            nudge(row, truth, 1.0);
            nudge(row, guess, -1.0);
        }
    }

    // Averaged weights; entries below `min_weight` in magnitude are left out (they change no
    // decision that matters and would only make the model bigger).
    WeightTable averaged(double min_weight) const {
        WeightTable table;
        add_averaged(table, min_weight);
        table.finish(n_classes_);
        return table;
    }

    // Adds the averaged weights to a table being built: tables of models trained apart add
    // up to their ensemble (the sum of their scores) at the cost of one model.
    void add_averaged(WeightTable& table, double min_weight) const {
        std::vector<std::pair<std::uint16_t, float>> row;
        const double now = static_cast<double>(now_ == 0 ? 1 : now_);
        for (const auto& [key, r] : index_) {
            row.clear();
            for (const Param& p : rows_[r]) {
                const double avg = (p.total + static_cast<double>(now_ - p.stamp) * p.weight) / now;
                if (std::fabs(avg) >= min_weight)
                    row.emplace_back(static_cast<std::uint16_t>(p.cls), static_cast<float>(avg));
            }
            std::sort(row.begin(), row.end());
            table.add_row(key, row);
        }
    }

    std::size_t features() const { return rows_.size(); }

  private:
    struct Param {
        std::uint32_t cls = 0;
        double weight = 0, total = 0;
        std::uint64_t stamp = 0;
    };
    void nudge(std::vector<Param>& row, int cls, double delta) {
        for (Param& p : row)
            if (p.cls == static_cast<std::uint32_t>(cls)) {
                p.total += static_cast<double>(now_ - p.stamp) * p.weight;
                p.stamp = now_;
                p.weight += delta;
                return;
            }
        row.push_back(Param{static_cast<std::uint32_t>(cls), delta, 0.0, now_});
    }

    std::size_t n_classes_;
    std::uint64_t now_ = 0;
    std::unordered_map<std::uint64_t, std::uint32_t> index_;
    std::vector<std::vector<Param>> rows_;
};

// A deterministic random source: the same seed gives the same training run on every machine
// (std::shuffle and the standard distributions are not specified bit for bit).
class Random {
  public:
    explicit Random(std::uint64_t seed) : state_(seed * 0x9e3779b97f4a7c15ULL + 1) {}
    std::uint64_t next() { return mix64(state_ += 0x9e3779b97f4a7c15ULL); }
    double unit() { return static_cast<double>(next() >> 11) / 9007199254740992.0; }
    template <typename T>
    void shuffle(std::vector<T>& v) {
        for (std::size_t i = v.size(); i > 1; --i) std::swap(v[i - 1], v[next() % i]);
    }

  private:
    std::uint64_t state_;
};

}  // namespace newsgraph::nlp::train
