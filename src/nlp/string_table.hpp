// A read-only hash table from strings to values, for the dictionaries the NLP stage looks up
// once or twice a word (word clusters, the tagger's fixed tags and lemmas). A std::unordered_map
// of std::string wants its key as a std::string, so every lookup used to build one (the form
// folded, or lower-cased and joined with its tag); here a key is any view that gives its
// characters one at a time, transformed on the fly, so a lookup builds nothing: one hash over
// the characters, one probe of a flat array, one comparison with the stored key.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace newsgraph::nlp {

// A key as the table reads it: its size() and its characters by index.
struct ExactKey {
    std::string_view text;
    std::size_t size() const { return text.size(); }
    char operator[](std::size_t i) const { return text[i]; }
};

template <typename Value>
class StringTable {
  public:
    StringTable() = default;
    // Keys are unique (a later duplicate is ignored, as std::unordered_map::emplace does).
    explicit StringTable(std::vector<std::pair<std::string, Value>> entries) {
        std::size_t size = 8;
        while (size < entries.size() * 2) size *= 2;
        mask_ = size - 1;
        slots_.assign(size, Slot{});
        entries_.reserve(entries.size());
        for (auto& [key, value] : entries) {
            if (find(ExactKey{key}) != nullptr) continue;
            const std::uint64_t h = hash(ExactKey{key});
            std::size_t i = h & mask_;
            while (slots_[i].entry != kEmpty) i = (i + 1) & mask_;
            slots_[i] = Slot{static_cast<std::uint32_t>(h >> 32),
                             static_cast<std::uint32_t>(entries_.size())};
            entries_.emplace_back(std::move(key), std::move(value));
        }
    }

    // The value of the key, or nullptr. `Key` is ExactKey or any type with the same two members.
    template <typename Key>
    const Value* find(const Key& key) const {
        if (entries_.empty()) return nullptr;
        const std::uint64_t h = hash(key);
        const auto tag = static_cast<std::uint32_t>(h >> 32);
        for (std::size_t i = h & mask_;; i = (i + 1) & mask_) {
            const Slot& s = slots_[i];
            if (s.entry == kEmpty) return nullptr;
            if (s.tag == tag && equal(key, entries_[s.entry].first))
                return &entries_[s.entry].second;
        }
    }

    std::size_t size() const { return entries_.size(); }
    // In the order they were given.
    const std::vector<std::pair<std::string, Value>>& entries() const { return entries_; }

  private:
    static constexpr std::uint32_t kEmpty = 0xffffffffu;
    struct Slot {
        std::uint32_t tag = 0;  // the upper half of the key's hash: most mismatches stop here
        std::uint32_t entry = kEmpty;
    };
    template <typename Key>
    static std::uint64_t hash(const Key& key) {
        std::uint64_t h = 1469598103934665603ULL;  // FNV-1a, then a final mix of the bits
        for (std::size_t i = 0, n = key.size(); i < n; ++i)
            h = (h ^ static_cast<unsigned char>(key[i])) * 1099511628211ULL;
        h ^= h >> 29;
        h *= 0xbf58476d1ce4e5b9ULL;
        return h ^ (h >> 32);
    }
    template <typename Key>
    static bool equal(const Key& key, const std::string& stored) {
        if (key.size() != stored.size()) return false;
        for (std::size_t i = 0; i < stored.size(); ++i)
            if (key[i] != stored[i]) return false;
        return true;
    }

    std::vector<Slot> slots_;
    std::size_t mask_ = 0;
    std::vector<std::pair<std::string, Value>> entries_;
};

}  // namespace newsgraph::nlp
