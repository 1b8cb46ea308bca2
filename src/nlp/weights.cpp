#include "src/nlp/weights.hpp"

#include <algorithm>
#include <cmath>

namespace newsgraph::nlp {

void WeightTable::add_row(std::uint64_t key, const std::vector<Entry>& row) {
    if (row.empty()) return;
    staged_.push_back({nonzero(key), {static_cast<std::uint32_t>(entries_.size()), static_cast<std::uint32_t>(row.size())}});
    entries_.insert(entries_.end(), row.begin(), row.end());
}

void WeightTable::finish() {
    // Key order makes save() deterministic whatever order rows were added in.
    std::sort(staged_.begin(), staged_.end());
    std::vector<Entry> ordered;
    ordered.reserve(entries_.size());
    for (auto& [key, span] : staged_) {
        const auto begin = static_cast<std::uint32_t>(ordered.size());
        ordered.insert(ordered.end(), entries_.begin() + span.first, entries_.begin() + span.first + span.second);
        span.first = begin;
    }
    entries_ = std::move(ordered);
    rebuild_index();
}

void WeightTable::rebuild_index() {
    std::size_t size = 2;
    while (size < staged_.size() * 2) size *= 2;
    slots_.assign(size, Slot{});
    mask_ = size - 1;
    for (const auto& [key, span] : staged_) {
        std::size_t i = static_cast<std::size_t>(key) & mask_;
        while (slots_[i].key != 0 && slots_[i].key != key) i = (i + 1) & mask_;
        if (slots_[i].key == key) {  // the same key twice: a hash collision, weights add up
            continue;
        }
        slots_[i] = Slot{key, span.first, span.second};
    }
    rows_ = staged_.size();
}

// On disk: keys as varint gaps from the previous key, classes as varint gaps, weights as
// 16-bit integers times a scale for the whole table. Quantising moves no decision that
// matters (a weight changes by at most 1/32,768 of the largest one) and halves the file.
void WeightTable::save(ModelWriter& out) const {
    float largest = 0;
    for (const Entry& e : entries_) largest = std::max(largest, std::fabs(e.weight));
    // A power of two, so that loading and saving again gives the same bytes.
    int exponent = 0;
    if (largest > 0) std::frexp(largest / 32767.0f, &exponent);
    const float scale = largest > 0 ? std::ldexp(1.0f, exponent) : 1.0f;
    out.u64(staged_.size());
    out.f32(scale);
    std::uint64_t previous = 0;
    for (const auto& [key, span] : staged_) {
        out.varint(key - previous);
        previous = key;
        out.varint(span.second);
        std::uint32_t previous_class = 0;
        for (std::uint32_t j = 0; j < span.second; ++j) {
            const Entry& e = entries_[span.first + j];
            out.varint(e.cls - previous_class);
            previous_class = e.cls;
            const auto q = static_cast<std::int16_t>(std::lround(e.weight / scale));
            out.u8(static_cast<std::uint8_t>(static_cast<std::uint16_t>(q) & 0xff));
            out.u8(static_cast<std::uint8_t>(static_cast<std::uint16_t>(q) >> 8));
        }
    }
}

WeightTable WeightTable::load(ModelReader& in, std::size_t n_classes) {
    WeightTable t;
    const std::uint64_t rows = in.u64();
    if (rows > (1ULL << 28)) in.fail("corrupt weight table (" + std::to_string(rows) + " rows)");
    const float scale = in.f32();
    if (!(scale > 0) || !std::isfinite(scale)) in.fail("corrupt weight table (scale)");
    t.staged_.reserve(rows);
    std::uint64_t key = 0;
    for (std::uint64_t r = 0; r < rows; ++r) {
        const std::uint64_t gap = in.varint();
        if (gap == 0 && r > 0) in.fail("corrupt weight table (keys out of order)");
        key += gap;
        if (key == 0) in.fail("corrupt weight table (key 0)");
        const std::uint64_t count = in.varint();
        if (count == 0 || count > n_classes) in.fail("corrupt weight row of " + std::to_string(count) + " classes");
        t.staged_.push_back({key, {static_cast<std::uint32_t>(t.entries_.size()), static_cast<std::uint32_t>(count)}});
        std::uint64_t cls = 0;
        for (std::uint64_t j = 0; j < count; ++j) {
            const std::uint64_t class_gap = in.varint();
            if (j > 0 && class_gap == 0) in.fail("corrupt weight row (classes out of order)");
            cls += class_gap;
            if (cls >= n_classes) in.fail("corrupt weight table (class " + std::to_string(cls) + ")");
            const std::uint16_t low = in.u8();
            const std::uint16_t high = in.u8();
            const auto q = static_cast<std::int16_t>(static_cast<std::uint16_t>(low | (high << 8)));
            t.entries_.push_back(Entry{static_cast<float>(q) * scale, static_cast<std::uint16_t>(cls)});
        }
    }
    t.rebuild_index();
    return t;
}

}  // namespace newsgraph::nlp
