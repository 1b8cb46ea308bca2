// The dynamic oracle of the arc-eager system (Goldberg and Nivre 2012): how many gold arcs a
// move makes unreachable from the current state. A move of cost 0 keeps the best tree still
// reachable, so training can follow the parser's own (wrong) moves and learn to recover.
#pragma once

#include <vector>

#include "src/nlp/transition.hpp"

namespace newsgraph::nlp::train {

// gold[i] is the gold head of word i (1..n) in a projective tree, with the root as n + 1
// (see gold_for_state); gold[0] is unused.
inline int move_cost(const ArcEagerState& st, const std::vector<int>& gold, int move) {
    if (!st.legal(move)) return 1 << 20;
    const int s = st.s0(), b = st.buffer;
    auto g = [&](int i) { return gold[static_cast<std::size_t>(i)]; };
    auto stacked = [&](int i) { return i >= 0 && st.on_stack[static_cast<std::size_t>(i)] != 0; };
    auto unheaded = [&](int i) { return st.head[static_cast<std::size_t>(i)] < 0; };
    int cost = 0;
    switch (move) {
        case kLeft:  // s gets head b and leaves: its other head in the buffer, its children there
            if (g(s) != b && g(s) > b) ++cost;
            for (int k = b; k <= st.n; ++k) cost += g(k) == s;
            break;
        case kRight:  // b gets head s: its other head (stack or buffer), its children on the stack
            if (g(b) != s && (stacked(g(b)) || g(b) > b)) ++cost;
            for (const int k : st.stack) cost += g(k) == b && unheaded(k);
            break;
        case kReduce:  // s leaves: its children in the buffer
            for (int k = b; k <= st.n; ++k) cost += g(k) == s;
            break;
        case kShift:  // b goes on the stack: arcs between it and the stack
            if (stacked(g(b))) ++cost;
            for (const int k : st.stack) cost += g(k) == b && unheaded(k);
            break;
    }
    return cost;
}

// CoNLL-U heads (0 = root) -> the state's numbering (root = n + 1).
inline std::vector<int> gold_for_state(std::vector<int> heads) {
    const int root = static_cast<int>(heads.size());
    for (std::size_t i = 1; i < heads.size(); ++i)
        if (heads[i] == 0) heads[i] = root;
    heads.push_back(-1);
    return heads;
}

// Lifts non-projective arcs (the dependent moves up to its head's head, shortest arcs first)
// until the tree is projective, so the arc-eager oracle can reach it. heads[0] unused.
// Returns the number of lifts.
inline int projectivize(std::vector<int>& heads) {
    const int n = static_cast<int>(heads.size()) - 1;
    auto dominates = [&](int h, int k) {  // is h an ancestor of k (or k itself)?
        for (int steps = 0; k > 0 && steps <= n; ++steps) {
            if (k == h) return true;
            k = heads[static_cast<std::size_t>(k)];
        }
        return k == h;
    };
    auto non_projective = [&](int d) {
        const int h = heads[static_cast<std::size_t>(d)];
        for (int k = std::min(h, d) + 1; k < std::max(h, d); ++k)
            if (!dominates(h, k)) return true;
        return false;
    };
    int lifts = 0;
    while (true) {
        int worst = -1, shortest = n + 2;
        for (int d = 1; d <= n; ++d) {
            const int h = heads[static_cast<std::size_t>(d)];
            const int len = h > d ? h - d : d - h;
            if (h > 0 && len < shortest && non_projective(d)) {
                shortest = len;
                worst = d;
            }
        }
        if (worst < 0 || lifts > 4 * n) return lifts;
        heads[static_cast<std::size_t>(worst)] =
            heads[static_cast<std::size_t>(heads[static_cast<std::size_t>(worst)])];
        ++lifts;
    }
}

}  // namespace newsgraph::nlp::train
