// The weights of a trained linear classifier, as the runtime reads them: hashed feature ->
// a short row of (class, weight). Rows are sparse because most features only ever fire with
// a few classes; lookup is one probe sequence in an open-addressed table.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "src/nlp/model_file.hpp"

namespace newsgraph::nlp {

class WeightTable {
  public:
    struct Entry {
        float weight = 0;
        std::uint16_t cls = 0;
    };

    // Building (the trainer): rows in any order, each key once; then finish().
    void add_row(std::uint64_t key, const std::vector<Entry>& row);
    void finish();

    // scores[c] += weight(f, c) for every feature f in keys.
    void score(const std::uint64_t* keys, std::size_t n, float* scores) const {
        for (std::size_t i = 0; i < n; ++i) {
            const Slot* slot = find(keys[i]);
            if (slot == nullptr) continue;
            const Entry* e = entries_.data() + slot->begin;
            for (std::uint32_t j = 0; j < slot->count; ++j) scores[e[j].cls] += e[j].weight;
        }
    }

    std::size_t rows() const { return rows_; }
    std::size_t entries() const { return entries_.size(); }

    // Rows in key order, so the same weights always write the same bytes.
    void save(ModelWriter& out) const;
    static WeightTable load(ModelReader& in, std::size_t n_classes);

  private:
    struct Slot {
        std::uint64_t key = 0;  // 0: empty (a feature hashed to 0 is stored as 1)
        std::uint32_t begin = 0, count = 0;
    };
    static std::uint64_t nonzero(std::uint64_t key) { return key == 0 ? 1 : key; }
    const Slot* find(std::uint64_t key) const {
        key = nonzero(key);
        std::size_t i = static_cast<std::size_t>(key) & mask_;
        while (true) {
            const Slot& s = slots_[i];
            if (s.key == key) return &s;
            if (s.key == 0) return nullptr;
            i = (i + 1) & mask_;
        }
    }
    void rebuild_index();

    std::vector<std::pair<std::uint64_t, std::pair<std::uint32_t, std::uint32_t>>> staged_;
    std::vector<Slot> slots_{1};
    std::size_t mask_ = 0;
    std::size_t rows_ = 0;
    std::vector<Entry> entries_;
};

// Feature hashing shared by the runtime and the trainer: a template number and up to three
// atoms (hashed strings, tag ids, small numbers) mixed into 64 bits.
inline std::uint64_t mix64(std::uint64_t x) {
    x ^= x >> 30;
    x *= 0xbf58476d1ce4e5b9ULL;
    x ^= x >> 27;
    x *= 0x94d049bb133111ebULL;
    x ^= x >> 31;
    return x;
}
inline std::uint64_t feature(std::uint64_t tmpl, std::uint64_t a, std::uint64_t b = 0, std::uint64_t c = 0) {
    return mix64(mix64(mix64(tmpl * 0x9e3779b97f4a7c15ULL + a) + b) + c);
}
inline std::uint64_t hash_bytes(const char* p, std::size_t n) {
    std::uint64_t h = 1469598103934665603ULL;
    for (std::size_t i = 0; i < n; ++i) h = (h ^ static_cast<unsigned char>(p[i])) * 1099511628211ULL;
    return mix64(h);
}

}  // namespace newsgraph::nlp
