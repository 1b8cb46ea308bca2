// The arc-eager transition system (Nivre 2003) over one sentence: a stack, a buffer, and
// the arcs made so far. The root is the last word of the buffer (index n + 1), not the
// bottom of the stack: a word is attached to the root only once everything after it has
// been read, which stops the parser from making the subject of a sentence its root before
// it has seen the verb (Ballesteros and Nivre 2013).
#pragma once

#include <cstddef>
#include <vector>

namespace newsgraph::nlp {

enum Move : int { kShift = 0, kReduce = 1, kLeft = 2, kRight = 3 };
inline constexpr int kMoves = 4;

struct ArcEagerState {
    explicit ArcEagerState(int n_words) { reset(n_words); }

    void reset(int n_words) {
        n = n_words;
        root = n + 1;
        stack.clear();
        buffer = 1;
        const auto size = static_cast<std::size_t>(n + 2);
        head.assign(size, -1);
        left1.assign(size, -1);
        left2.assign(size, -1);
        right1.assign(size, -1);
        right2.assign(size, -1);
        n_left.assign(size, 0);
        n_right.assign(size, 0);
        on_stack.assign(size, 0);
        label.assign(size, -1);
        left_labels.assign(size, 0);
        right_labels.assign(size, 0);
    }

    // The label given to the arc that made w a dependent (the parser's guess, for features).
    void set_label(int w, int l) {
        const auto wi = static_cast<std::size_t>(w);
        label[wi] = l;
        const auto h = static_cast<std::size_t>(head[wi]);
        (w < head[wi] ? left_labels[h] : right_labels[h]) |= 1ULL
                                                             << (static_cast<unsigned>(l) & 63);
    }

    bool terminal() const { return buffer == root && stack.empty(); }
    int s0() const { return stack.empty() ? -1 : stack.back(); }
    int s1() const { return stack.size() >= 2 ? stack[stack.size() - 2] : -1; }
    // The k-th word of the buffer (the root counts as its last word), or -1.
    int b(int k) const { return buffer + k <= root ? buffer + k : -1; }
    bool headed(int w) const { return head[static_cast<std::size_t>(w)] >= 0; }

    bool legal(int move) const {
        switch (move) {
            case kShift:
                return buffer < root;
            case kReduce:
                return !stack.empty() && headed(s0());
            case kLeft:
                return !stack.empty() && !headed(s0());
            case kRight:
                return !stack.empty() && buffer < root;
        }
        return false;
    }

    void apply(int move) {
        switch (move) {
            case kShift:
                push(buffer++);
                break;
            case kReduce:
                pop();
                break;
            case kLeft:
                attach(buffer, s0());
                pop();
                break;
            case kRight:
                attach(s0(), buffer);
                push(buffer++);
                break;
        }
    }

    // Heads in CoNLL-U numbering: heads[i] for word i (1..n), 0 for the root; heads[0] unused.
    std::vector<int> heads() const {
        std::vector<int> out;
        heads(out);
        return out;
    }
    void heads(std::vector<int>& out) const {
        out.assign(static_cast<std::size_t>(n + 1), -1);
        for (int i = 1; i <= n; ++i) {
            const int h = head[static_cast<std::size_t>(i)];
            out[static_cast<std::size_t>(i)] = h == root || h < 0 ? 0 : h;
        }
    }

    int n = 0, root = 1;
    std::vector<int> stack;
    int buffer = 1;  // first word of the buffer; the buffer is buffer..root
    std::vector<int> head, left1, left2, right1, right2, n_left, n_right;
    std::vector<char> on_stack;
    std::vector<int> label;                                     // -1 until labelled
    std::vector<unsigned long long> left_labels, right_labels;  // label sets of the children

  private:
    void push(int w) {
        stack.push_back(w);
        on_stack[static_cast<std::size_t>(w)] = 1;
    }
    void pop() {
        on_stack[static_cast<std::size_t>(stack.back())] = 0;
        stack.pop_back();
    }
    void attach(int h, int d) {
        const auto hh = static_cast<std::size_t>(h);
        head[static_cast<std::size_t>(d)] = h;
        if (d < h) {  // left children arrive nearest first: the newest is the leftmost
            left2[hh] = left1[hh];
            left1[hh] = d;
            ++n_left[hh];
        } else {  // right children arrive left to right: the newest is the rightmost
            right2[hh] = right1[hh];
            right1[hh] = d;
            ++n_right[hh];
        }
    }
};

}  // namespace newsgraph::nlp
