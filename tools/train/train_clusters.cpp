// Word clusters by bisecting k-means over distributional contexts: each word is a vector of
// positive pointwise mutual information with the frequent words just left and right of it;
// the words are split in two by spherical 2-means, and each half again, down to a fixed
// depth. The splits give every word a bit path, as Brown clustering does, at a fraction of
// its cost.
#include <algorithm>
#include <cmath>
#include <map>
#include <ostream>
#include <unordered_map>

#include "tools/train/trainer.hpp"

namespace newsgraph::nlp::train {

namespace {

struct SparseVector {
    std::vector<std::pair<std::uint32_t, float>> items;  // (dimension, value), sorted
};

float dot(const SparseVector& v, const std::vector<float>& dense) {
    float s = 0;
    for (const auto& [d, x] : v.items) s += x * dense[d];
    return s;
}

void normalise(std::vector<float>& dense) {
    double n = 0;
    for (const float x : dense) n += static_cast<double>(x) * x;
    if (n <= 0) return;
    const auto inv = static_cast<float>(1.0 / std::sqrt(n));
    for (float& x : dense) x *= inv;
}

}  // namespace

WordClusters train_clusters(const std::vector<std::vector<std::string>>& sentences,
                            const ClusterOptions& options, std::ostream& log) {
    // Vocabulary: folded forms seen often enough, most frequent first (ties by spelling).
    std::unordered_map<std::string, std::uint64_t> counts;
    std::unordered_map<std::string, std::pair<std::uint32_t, std::uint32_t>>
        inner_case;  // (lower, capital)
    std::uint64_t tokens = 0;
    for (const auto& s : sentences)
        for (std::size_t i = 0; i < s.size(); ++i) {
            const std::string& w = s[i];
            const std::string folded = WordClusters::fold(w);
            ++counts[folded];
            ++tokens;
            if (i == 0 || w.empty()) continue;
            if (w[0] >= 'a' && w[0] <= 'z') ++inner_case[folded].first;
            if (w[0] >= 'A' && w[0] <= 'Z') ++inner_case[folded].second;
        }
    std::vector<std::pair<std::string, std::uint64_t>> vocab;
    for (const auto& [w, c] : counts)
        if (c >= options.min_count) vocab.emplace_back(w, c);
    std::sort(vocab.begin(), vocab.end(), [](const auto& a, const auto& b) {
        return a.second != b.second ? a.second > b.second : a.first < b.first;
    });
    std::unordered_map<std::string, std::uint32_t> id;
    for (std::uint32_t i = 0; i < vocab.size(); ++i) id.emplace(vocab[i].first, i);
    const std::uint32_t n_context =
        std::min<std::uint32_t>(options.context_words, static_cast<std::uint32_t>(vocab.size()));
    log << "clusters: " << tokens << " tokens, " << vocab.size() << " words seen "
        << options.min_count << "+ times, " << n_context << " context words\n";

    // Co-occurrence with the context words one to the left (dims 0..K-1) and right (K..2K-1).
    const std::uint32_t boundary = n_context;  // sentence edge as one more context "word"
    const std::uint32_t dims = 2 * (n_context + 1);
    std::vector<std::map<std::uint32_t, float>> cooc(vocab.size());
    std::vector<double> context_total(dims, 0.0);
    for (const auto& s : sentences) {
        std::vector<std::int64_t> ids(s.size());
        for (std::size_t i = 0; i < s.size(); ++i) {
            auto it = id.find(WordClusters::fold(s[i]));
            ids[i] = it == id.end() ? std::int64_t{-1} : static_cast<std::int64_t>(it->second);
        }
        for (std::size_t i = 0; i < s.size(); ++i) {
            if (ids[i] < 0) continue;
            auto context = [&](std::ptrdiff_t j) -> std::int64_t {
                if (j < 0 || j >= static_cast<std::ptrdiff_t>(s.size())) return boundary;
                const auto c = ids[static_cast<std::size_t>(j)];
                return c >= 0 && c < n_context ? c : -1;
            };
            const auto i_signed = static_cast<std::ptrdiff_t>(i);
            if (const auto l = context(i_signed - 1); l >= 0) {
                cooc[static_cast<std::size_t>(ids[i])][static_cast<std::uint32_t>(l)] += 1;
                context_total[static_cast<std::size_t>(l)] += 1;
            }
            if (const auto r = context(i_signed + 1); r >= 0) {
                const auto d = static_cast<std::uint32_t>(r) + n_context + 1;
                cooc[static_cast<std::size_t>(ids[i])][d] += 1;
                context_total[d] += 1;
            }
        }
    }
    double all = 0;
    for (const double c : context_total) all += c;
    std::vector<SparseVector> vectors(vocab.size());
    for (std::size_t w = 0; w < vocab.size(); ++w) {
        double row = 0;
        for (const auto& [d, c] : cooc[w]) row += c;
        double norm = 0;
        for (const auto& [d, c] : cooc[w]) {
            const double pmi = std::log(static_cast<double>(c) * all / (row * context_total[d]));
            if (pmi > 0) {
                vectors[w].items.emplace_back(d, static_cast<float>(pmi));
                norm += pmi * pmi;
            }
        }
        if (norm > 0)
            for (auto& item : vectors[w].items)
                item.second = static_cast<float>(item.second / std::sqrt(norm));
        cooc[w].clear();
    }

    // Bisecting spherical 2-means, breadth first, every node split the same way every run.
    std::vector<std::uint32_t> bits(vocab.size(), 0);
    std::vector<std::vector<std::uint32_t>> level{std::vector<std::uint32_t>()};
    for (std::uint32_t w = 0; w < vocab.size(); ++w) level[0].push_back(w);
    std::uint8_t depth = 0;
    for (; depth < options.depth; ++depth) {
        std::vector<std::vector<std::uint32_t>> next;
        for (const auto& node : level) {
            if (node.size() < 2) {
                next.push_back(node);
                next.emplace_back();
                continue;
            }
            // Seeds: the node's most frequent word, and the frequent word least like it (rare
            // words have noisy contexts and would seed clusters of one).
            std::vector<float> c0(dims, 0.0f), c1(dims, 0.0f);
            for (const auto& [d, x] : vectors[node[0]].items) c0[d] = x;
            std::uint32_t far = node[1];
            float lowest = 2;
            for (std::size_t k = 0; k < node.size() && k < 64; ++k) {
                const std::uint32_t w = node[k];
                const float sim = dot(vectors[w], c0);
                if (sim < lowest) lowest = sim, far = w;
            }
            for (const auto& [d, x] : vectors[far].items) c1[d] = x;
            std::vector<char> side(node.size(), 0);
            for (int iteration = 0; iteration < options.iterations; ++iteration) {
                for (std::size_t k = 0; k < node.size(); ++k)
                    side[k] = dot(vectors[node[k]], c1) > dot(vectors[node[k]], c0) ? 1 : 0;
                std::fill(c0.begin(), c0.end(), 0.0f);
                std::fill(c1.begin(), c1.end(), 0.0f);
                for (std::size_t k = 0; k < node.size(); ++k) {
                    auto& c = side[k] ? c1 : c0;
                    // Frequent words weigh more: their contexts are better measured.
                    const auto weight =
                        static_cast<float>(std::log1p(static_cast<double>(vocab[node[k]].second)));
                    for (const auto& [d, x] : vectors[node[k]].items) c[d] += weight * x;
                }
                normalise(c0);
                normalise(c1);
            }
            std::vector<std::uint32_t> left, right;
            for (std::size_t k = 0; k < node.size(); ++k) {
                (side[k] ? right : left).push_back(node[k]);
                bits[node[k]] = (bits[node[k]] << 1) | static_cast<std::uint32_t>(side[k]);
            }
            next.push_back(std::move(left));
            next.push_back(std::move(right));
        }
        // Words in a node too small to split still take a step, so every path has `depth` bits.
        for (std::size_t k = 0; k < level.size(); ++k)
            if (level[k].size() == 1) bits[level[k][0]] <<= 1;
        level = std::move(next);
    }
    std::vector<std::pair<std::string, ClusterPath>> paths;
    for (std::uint32_t w = 0; w < vocab.size(); ++w) {
        ClusterPath path{bits[w], depth, 0};
        const auto [lower, capital] = inner_case[vocab[w].first];
        if (lower + capital >= 2) {
            const double share = static_cast<double>(capital) / (lower + capital);
            path.capitals = share < 0.02 ? 1 : share < 0.5 ? 2 : share < 0.98 ? 3 : 4;
        }
        paths.emplace_back(vocab[w].first, path);
    }
    std::size_t used = 0;
    for (const auto& node : level) used += node.empty() ? 0 : 1;
    log << "clusters: " << used << " leaves at depth " << static_cast<int>(depth) << '\n';
    return WordClusters(std::move(paths));
}

}  // namespace newsgraph::nlp::train
