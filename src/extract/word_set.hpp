// A read-only set of words, for the word lists the rules and the mention tagger ask about
// several times a word (given names, common words, organisation heads). A
// std::unordered_set<std::string> wants a std::string to look one up and walks a node per
// probe; this one takes any view and probes one flat array (nlp::StringTable), which made
// the mention tagger's word description a third cheaper.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "src/nlp/string_table.hpp"

namespace newsgraph {

class WordSet {
  public:
    WordSet() = default;
    // Duplicates are kept once.
    explicit WordSet(const std::vector<std::string>& words) {
        std::vector<std::pair<std::string, char>> entries;
        entries.reserve(words.size());
        for (const auto& w : words) entries.emplace_back(w, 0);
        table_ = nlp::StringTable<char>(std::move(entries));
    }

    bool contains(std::string_view word) const {
        return table_.find(nlp::ExactKey{word}) != nullptr;
    }
    std::size_t size() const { return table_.size(); }
    // The words in the order they were given (the first of duplicates).
    std::vector<std::string> words() const {
        std::vector<std::string> out;
        out.reserve(table_.size());
        for (const auto& entry : table_.entries()) out.push_back(entry.first);
        return out;
    }

  private:
    nlp::StringTable<char> table_;
};

}  // namespace newsgraph
