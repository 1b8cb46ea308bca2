// Comparing names: their words, their initials, and spelling variants of one name
// ("Zelensky" / "Zelenskyy", "Vlodomyr" / "Volodymyr").
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace newsgraph {

// The words of a name, split on white space.
std::vector<std::string> words_of(const std::string& name);

// Initials of the capitalised words: "University of New South Wales" -> "UNSW".
std::string capital_initials(const std::string& name);

// Levenshtein distance with adjacent transpositions, on bytes; stops counting past `limit`
// (returns limit + 1).
std::size_t edit_distance(std::string_view a, std::string_view b, std::size_t limit);

// Whether two words of a name are one word spelled two ways: same initial, at least six
// letters, at most one edit apart (two for words of eight letters or more).
bool spelling_variants(std::string_view a, std::string_view b);

}  // namespace newsgraph
