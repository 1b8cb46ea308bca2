// The weights of a trained linear classifier, as the runtime reads them: hashed feature ->
// a short row of (class, weight). Rows are sparse because most features only ever fire with
// a few classes. Compact, because the tables are far bigger than the caches: features are
// kept as 32-bit hashes (a collision merges two rows, as in the hashing trick), a slot is 8
// bytes, an entry 4 (class and a 16-bit weight; one scale for the whole table, which an
// argmax never needs). Plain allocations: tables on transparent huge pages (madvise) were
// tried, and on a machine up for a while the kernel compacts memory to find them as the
// models load, 0.3 to 1.5 s of system time a run, more than the TLB misses they spare.
#pragma once

#include <cassert>
#include <cstddef>
#include <cstdint>
#include <vector>

#include "src/nlp/model_file.hpp"

namespace newsgraph::nlp {

class WeightTable {
  public:
    static constexpr std::size_t kMaxClasses = 127;

    struct Entry {
        std::int16_t weight = 0;  // times scale()
        std::uint16_t cls = 0;
    };

    // Building (the trainer): rows in any order, each with its classes in increasing order;
    // then finish(), which quantises the weights.
    void add_row(std::uint64_t key, const std::vector<std::pair<std::uint16_t, float>>& row);
    void finish(std::size_t n_classes);

    // scores[c] += weight(f, c) / scale() for every feature f in keys. Every lookup is a cache
    // miss, so the slots of all features are prefetched first, then their rows, so that the
    // misses overlap instead of queueing. The sums are of 16-bit integers, so they are exact
    // in any order (as the float sums of earlier versions were, below 2^24).
    void score(const std::uint64_t* keys, std::size_t n, std::int32_t* scores) const {
        if (!small_.empty()) return score_small(keys, n, scores);
        constexpr std::size_t kBatch = 128;
        // The dense rows' sums, over all dense_stride_ columns (the padding adds zeros).
        std::int32_t dense_sums[kMaxDenseStride] = {};
        bool any_dense = false;
        for (std::size_t start = 0; start < n; start += kBatch) {
            const std::size_t count = n - start < kBatch ? n - start : kBatch;
            const Slot* found[kBatch];
            for (std::size_t i = 0; i < count; ++i)
                __builtin_prefetch(&slots_[fold(keys[start + i]) & mask_]);
            for (std::size_t i = 0; i < count; ++i) {
                found[i] = find(fold(keys[start + i]));
                if (found[i] != nullptr) prefetch_row(*found[i]);
            }
            for (std::size_t i = 0; i < count; ++i) {
                if (found[i] == nullptr) continue;
                if (found[i]->dense()) {
                    const std::int16_t* w = dense_.data() + found[i]->begin() * dense_stride_;
                    for (std::size_t c = 0; c < dense_stride_; ++c) dense_sums[c] += w[c];
                    any_dense = true;
                    continue;
                }
                const Entry* e = entries_.data() + found[i]->begin();
                for (std::uint32_t j = 0, m = found[i]->count(); j < m; ++j)
                    scores[e[j].cls] += e[j].weight;
            }
        }
        if (any_dense)
            for (std::size_t c = 0; c < n_classes_; ++c) scores[c] += dense_sums[c];
    }

    float scale() const { return scale_; }
    std::size_t rows() const { return rows_.size(); }
    std::size_t entries() const { return entries_.size(); }

    // Rows in key order, so the same weights always write the same bytes.
    void save(ModelWriter& out) const;
    static WeightTable load(ModelReader& in, std::size_t n_classes);

  private:
    struct Slot {
        std::uint32_t key = 0;  // 0: empty (a feature hashed to 0 is stored as 1)
        // A sparse row: first entry << 7 | number of entries (1 to 127). A dense row: its
        // number in dense_ << 7 | 0.
        std::uint32_t packed = 0;
        std::uint32_t begin() const { return packed >> 7; }
        std::uint32_t count() const { return packed & 0x7f; }
        bool dense() const { return count() == 0; }
    };
    // Rows that give weights to a quarter of the classes or more (the bias, frequent words
    // and suffixes: most of the weights a tagger adds up) are also kept dense, one int16 a
    // class: summed a vector at a time instead of one scattered add per entry.
    static constexpr std::size_t kMaxDenseStride = 128;
    std::vector<std::int16_t> dense_;
    std::size_t dense_stride_ = 0;  // n_classes_ rounded up to whole 16-byte vectors
    struct Row {
        std::uint32_t key, begin, count;
    };
    static std::uint32_t fold(std::uint64_t key) {
        const auto k = static_cast<std::uint32_t>(key ^ (key >> 32));
        return k == 0 ? 1 : k;
    }
    // Every cache line of the row: a row of many classes (a word's suffix, with the tagger's
    // hundred tags) spans several, and a line not asked for early is a miss of its own later.
    void prefetch_row(const Slot& slot) const {
        constexpr std::uintptr_t kLine = 64;
        const auto first =
            slot.dense()
                ? reinterpret_cast<std::uintptr_t>(dense_.data() + slot.begin() * dense_stride_)
                : reinterpret_cast<std::uintptr_t>(entries_.data() + slot.begin());
        const auto last = first + (slot.dense() ? dense_stride_ * sizeof(std::int16_t)
                                                : slot.count() * sizeof(Entry));
        for (std::uintptr_t line = first & ~(kLine - 1); line < last; line += kLine)
            __builtin_prefetch(reinterpret_cast<const void*>(line));
    }
    const Slot* find(std::uint32_t key) const {
        std::size_t i = key & mask_;
        while (true) {
            const Slot& s = slots_[i];
            if (s.key == key) return &s;
            if (s.key == 0) return nullptr;
            i = (i + 1) & mask_;
        }
    }
    void rebuild_index();

    // Tables of at most kSmallClasses classes (the parser's moves) keep their weights in the
    // slot itself: one cache miss a feature instead of two. (Buckets of one cache line, five
    // keys and their weights, were tried for this: 12% slower, though a lookup then never
    // reads two lines.)
    static constexpr std::size_t kSmallClasses = 4;
    struct SmallSlot {
        std::uint32_t key = 0;
        std::int16_t weight[kSmallClasses] = {};
    };
    void score_small(const std::uint64_t* keys, std::size_t n, std::int32_t* scores) const {
        for (std::size_t i = 0; i < n; ++i) __builtin_prefetch(&small_[fold(keys[i]) & mask_]);
        // A slot holds all kSmallClasses weights (zero past n_classes_), so the sums run over
        // a fixed count the compiler can unroll, into locals it can keep in registers.
        std::int32_t sums[kSmallClasses] = {};
        for (std::size_t i = 0; i < n; ++i) {
            const std::uint32_t key = fold(keys[i]);
            for (std::size_t k = key & mask_;; k = (k + 1) & mask_) {
                const SmallSlot& s = small_[k];
                if (s.key == key) {
                    for (std::size_t c = 0; c < kSmallClasses; ++c) sums[c] += s.weight[c];
                    break;
                }
                if (s.key == 0) break;
            }
        }
        for (std::size_t c = 0; c < n_classes_; ++c) scores[c] += sums[c];
    }
    std::vector<SmallSlot> small_;
    std::size_t n_classes_ = 0;

    std::vector<std::pair<std::uint64_t, std::vector<std::pair<std::uint16_t, float>>>> building_;
    std::vector<Row> rows_;  // in key order
    std::vector<Slot> slots_{1};
    std::size_t mask_ = 0;
    std::vector<Entry> entries_;
    float scale_ = 1.0f;
};

// Feature hashing shared by the runtime and the trainer: a template number and up to three
// atoms (hashed strings, tag ids, small numbers) mixed into 64 bits. Always inlined: the
// feature functions make a hundred of these in a row, and out of line each is a call.
#define NEWSGRAPH_ALWAYS_INLINE inline __attribute__((always_inline))
NEWSGRAPH_ALWAYS_INLINE std::uint64_t mix64(std::uint64_t x) {
    x ^= x >> 30;
    x *= 0xbf58476d1ce4e5b9ULL;
    x ^= x >> 27;
    x *= 0x94d049bb133111ebULL;
    x ^= x >> 31;
    return x;
}
NEWSGRAPH_ALWAYS_INLINE std::uint64_t feature(std::uint64_t tmpl, std::uint64_t a,
                                              std::uint64_t b = 0, std::uint64_t c = 0) {
    return mix64(mix64(mix64(tmpl * 0x9e3779b97f4a7c15ULL + a) + b) + c);
}
inline std::uint64_t hash_bytes(const char* p, std::size_t n) {
    std::uint64_t h = 1469598103934665603ULL;
    for (std::size_t i = 0; i < n; ++i)
        h = (h ^ static_cast<unsigned char>(p[i])) * 1099511628211ULL;
    return mix64(h);
}

// Appends feature keys to `out` without a capacity check each: it is sized for `most` keys
// first, and cut to the ones written when the writer goes. Sized the same call after call
// (each feature function writes to its own vector), it allocates and clears nothing.
class FeatureWriter {
  public:
    FeatureWriter(std::vector<std::uint64_t>& out, std::size_t most) : out_(out) {
        if (out.size() < most) out.resize(most);
        next_ = out.data();
        end_ = out.data() + most;
    }
    ~FeatureWriter() { out_.resize(static_cast<std::size_t>(next_ - out_.data())); }
    FeatureWriter(const FeatureWriter&) = delete;
    FeatureWriter& operator=(const FeatureWriter&) = delete;

    NEWSGRAPH_ALWAYS_INLINE void add(std::uint64_t key) {
        assert(next_ < end_);
        *next_++ = key;
    }

  private:
    std::vector<std::uint64_t>& out_;
    std::uint64_t* next_;
    std::uint64_t* end_;
};

}  // namespace newsgraph::nlp
