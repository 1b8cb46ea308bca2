// Comparing names: their words, their initials, and spelling variants of one name
// ("Zelensky" / "Zelenskyy", "Vlodomyr" / "Volodymyr").
#pragma once

#include <cstddef>
#include <cstdint>
#include <deque>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace newsgraph {

// The words of a name, split on white space.
std::vector<std::string> words_of(const std::string& name);

// Initials of the capitalised words: "University of New South Wales" -> "UNSW".
std::string capital_initials(const std::string& name);

// "12-point", "nine-point", "five-year": a modifier that counts the parts of a document.
bool numbered_modifier(const std::string& word);

// Whether an agreement's description `shorter` names the agreement `longer` describes: its
// words other than numbered modifiers end the longer's other words, and its numbered
// modifiers are the longer's too. Modifiers stack outward, so dropping outer ones names the
// same thing ("peace plan", "12-point plan" of a "12-point peace plan") and dropping an inner
// one another ("comprehensive partnership" of a "comprehensive strategic partnership").
bool shortens_description(const std::vector<std::string>& shorter,
                          const std::vector<std::string>& longer);

// Levenshtein distance with adjacent transpositions, on bytes; stops counting past `limit`
// (returns limit + 1).
std::size_t edit_distance(std::string_view a, std::string_view b, std::size_t limit);

// Whether two words of a name are one word spelled two ways: same initial, at least six
// letters, at most one edit apart (two for words of eight letters or more).
bool spelling_variants(std::string_view a, std::string_view b);

// Keys under which a word is indexed for spelling variants: two words that
// `spelling_variants` accepts share at least one key. `lookup`: the keys to search with rather
// than to store under (they differ only for very long words).
std::set<std::string> variant_keys(const std::string& word, bool lookup);

// Words indexed by their variant keys, to find a word's spelling variants among many without
// comparing it with each. Not for use from two threads at once (the first lookup after an
// add sorts the index).
class VariantIndex {
  public:
    void add(const std::string& word);
    // The indexed words that are spelling variants of `word`, in order.
    std::set<std::string> variants_of(const std::string& word) const;

  private:
    // (32-bit hash of a variant key, index into words_), sorted on the first lookup after an
    // add: 8 bytes a key, where a map from key strings to word strings took over 250 MB for
    // the 100,000 names of 50 MB of news (a long word has dozens of keys). A hash collision
    // only adds a candidate: every candidate is compared in full.
    mutable std::vector<std::pair<std::uint32_t, std::uint32_t>> keys_;
    mutable bool sorted_ = true;
    std::deque<std::string> words_;  // a deque: the views in seen_ stay valid as it grows
    std::unordered_set<std::string_view> seen_;
};

}  // namespace newsgraph
