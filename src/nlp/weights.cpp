#include "src/nlp/weights.hpp"

#include <algorithm>
#include <cmath>
#include <map>

namespace newsgraph::nlp {

void WeightTable::add_row(std::uint64_t key,
                          const std::vector<std::pair<std::uint16_t, float>>& row) {
    if (!row.empty()) building_.emplace_back(key, row);
}

void WeightTable::finish(std::size_t n_classes) {
    n_classes_ = n_classes;
    // Rows whose keys fold to the same 32 bits become one row: their weights add up.
    std::map<std::uint32_t, std::map<std::uint16_t, float>> merged;
    for (const auto& [key, row] : building_)
        for (const auto& [cls, weight] : row) merged[fold(key)][cls] += weight;
    building_.clear();
    float largest = 0;
    for (const auto& [key, row] : merged)
        for (const auto& [cls, weight] : row) largest = std::max(largest, std::fabs(weight));
    // A power of two, so that loading and saving again gives the same bytes.
    int exponent = 0;
    if (largest > 0) std::frexp(largest / 32767.0f, &exponent);
    scale_ = largest > 0 ? std::ldexp(1.0f, exponent) : 1.0f;
    rows_.clear();
    entries_.clear();
    for (const auto& [key, row] : merged) {
        const auto begin = static_cast<std::uint32_t>(entries_.size());
        for (const auto& [cls, weight] : row) {
            const auto q = static_cast<std::int16_t>(std::lround(weight / scale_));
            if (q != 0) entries_.push_back(Entry{q, cls});
        }
        const auto count = static_cast<std::uint32_t>(entries_.size()) - begin;
        if (count > kMaxClasses || entries_.size() >= (1u << 25))
            throw ModelError(
                "weight table too large for the model format (rows of at most 127 classes, 2^25 "
                "weights)");
        if (count > 0) rows_.push_back(Row{key, begin, count});
    }
    rebuild_index();
}

void WeightTable::rebuild_index() {
    std::size_t size = 2;
    while (size < rows_.size() * 2) size *= 2;
    mask_ = size - 1;
    small_.clear();
    slots_.assign(1, Slot{});
    if (n_classes_ > 0 && n_classes_ <= kSmallClasses) {
        small_.assign(size, SmallSlot{});
        for (const Row& row : rows_) {
            std::size_t i = row.key & mask_;
            while (small_[i].key != 0) i = (i + 1) & mask_;
            small_[i].key = row.key;
            for (std::uint32_t j = 0; j < row.count; ++j)
                small_[i].weight[entries_[row.begin + j].cls] = entries_[row.begin + j].weight;
        }
        return;
    }
    slots_.assign(size, Slot{});
    dense_stride_ = (n_classes_ + 7) / 8 * 8;
    const auto is_dense = [this](const Row& row) {
        return dense_stride_ > 0 && dense_stride_ <= kMaxDenseStride && row.count * 4 >= n_classes_;
    };
    dense_.clear();
    dense_.reserve(dense_stride_ *
                   static_cast<std::size_t>(std::count_if(rows_.begin(), rows_.end(), is_dense)));
    for (const Row& row : rows_) {
        std::size_t i = row.key & mask_;
        while (slots_[i].key != 0) i = (i + 1) & mask_;
        const std::size_t dense_row = dense_stride_ == 0 ? 0 : dense_.size() / dense_stride_;
        if (is_dense(row) && dense_row < (1u << 25)) {
            dense_.resize(dense_.size() + dense_stride_, 0);
            for (std::uint32_t j = 0; j < row.count; ++j) {
                const Entry& e = entries_[row.begin + j];
                dense_[dense_row * dense_stride_ + e.cls] = e.weight;
            }
            slots_[i] = Slot{row.key, static_cast<std::uint32_t>(dense_row) << 7};
        } else {
            slots_[i] = Slot{row.key, row.begin << 7 | row.count};
        }
    }
}

// On disk: keys as varint gaps from the previous key, classes as varint gaps, weights as
// the 16-bit integers they are in memory, and the scale.
void WeightTable::save(ModelWriter& out) const {
    out.u64(rows_.size());
    out.f32(scale_);
    std::uint32_t previous = 0;
    for (const Row& row : rows_) {
        out.varint(row.key - previous);
        previous = row.key;
        out.varint(row.count);
        std::uint32_t previous_class = 0;
        for (std::uint32_t j = 0; j < row.count; ++j) {
            const Entry& e = entries_[row.begin + j];
            out.varint(e.cls - previous_class);
            previous_class = e.cls;
            const auto q = static_cast<std::uint16_t>(e.weight);
            out.u8(static_cast<std::uint8_t>(q & 0xff));
            out.u8(static_cast<std::uint8_t>(q >> 8));
        }
    }
}

WeightTable WeightTable::load(ModelReader& in, std::size_t n_classes) {
    if (n_classes > kMaxClasses)
        in.fail("a weight table of " + std::to_string(n_classes) + " classes (at most 127)");
    WeightTable t;
    t.n_classes_ = n_classes;
    const std::uint64_t rows = in.u64();
    // A row takes 4 bytes at least (key gap, count, class gap, weight): a larger count is
    // corrupt, and must not make us reserve memory for it.
    if (rows > (1ULL << 25) || rows > in.remaining() / 4)
        in.fail("corrupt weight table (" + std::to_string(rows) + " rows)");
    t.scale_ = in.f32();
    if (!(t.scale_ > 0) || !std::isfinite(t.scale_)) in.fail("corrupt weight table (scale)");
    t.rows_.reserve(rows);
    std::uint64_t key = 0;
    for (std::uint64_t r = 0; r < rows; ++r) {
        const std::uint64_t gap = in.varint();
        if (gap == 0 && r > 0) in.fail("corrupt weight table (keys out of order)");
        key += gap;
        if (key == 0 || key > 0xffffffffULL) in.fail("corrupt weight table (key out of range)");
        const std::uint64_t count = in.varint();
        if (count == 0 || count > n_classes)
            in.fail("corrupt weight row of " + std::to_string(count) + " classes");
        const auto begin = static_cast<std::uint32_t>(t.entries_.size());
        if (begin >= (1u << 25)) in.fail("corrupt weight table (too many weights)");
        t.rows_.push_back(
            Row{static_cast<std::uint32_t>(key), begin, static_cast<std::uint32_t>(count)});
        std::uint64_t cls = 0;
        for (std::uint64_t j = 0; j < count; ++j) {
            const std::uint64_t class_gap = in.varint();
            if (j > 0 && class_gap == 0) in.fail("corrupt weight row (classes out of order)");
            cls += class_gap;
            if (cls >= n_classes)
                in.fail("corrupt weight table (class " + std::to_string(cls) + ")");
            const std::uint16_t low = in.u8();
            const std::uint16_t high = in.u8();
            const auto q = static_cast<std::int16_t>(static_cast<std::uint16_t>(low | (high << 8)));
            if (q == 0) in.fail("corrupt weight table (a zero weight stored)");
            t.entries_.push_back(Entry{q, static_cast<std::uint16_t>(cls)});
        }
    }
    t.rebuild_index();
    return t;
}

}  // namespace newsgraph::nlp
