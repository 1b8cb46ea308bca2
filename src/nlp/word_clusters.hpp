// Word clusters learned from unlabelled text: each known word has a path in a binary tree of
// clusters, and words used alike share long prefixes ("Monday" and "Tuesday", "said" and
// "added"). A tagger or parser that has seen one word of a cluster in training knows
// something of the others (Koo, Carreras and Collins 2008).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "src/nlp/string_table.hpp"

namespace newsgraph::nlp {

class ModelWriter;
class ModelReader;

struct ClusterPath {
    std::uint32_t bits = 0;   // the path from the root, first step in the highest used bit
    std::uint8_t length = 0;  // 0: an unknown word
    // How the word is written inside a sentence (not first): 0 unknown, 1 always lower-case,
    // 2 mostly lower, 3 mostly capitalised, 4 always capitalised. "apple" vs "Apple".
    std::uint8_t capitals = 0;
    // The first `n` steps of the path as one feature atom (n > length: the whole path).
    std::uint64_t prefix(unsigned n) const {
        const unsigned k = n < length ? n : length;
        const std::uint32_t p = k == 0 ? 0 : bits >> (length - k);
        return (static_cast<std::uint64_t>(k) << 32) | p;
    }
    bool operator==(const ClusterPath&) const = default;
};

class WordClusters {
  public:
    WordClusters() = default;
    explicit WordClusters(std::vector<std::pair<std::string, ClusterPath>> paths);
    static WordClusters load(const std::string& path);  // throws ModelError naming the file
    void save(const std::string& path) const;
    // As a part of another model file (a tagger or parser carries the clusters it read).
    void save_to(ModelWriter& out) const;
    static WordClusters load_from(ModelReader& in);

    // The path of a form (case and digits folded as when the clusters were learned).
    ClusterPath of(std::string_view form) const {
        const ClusterPath* path = paths_.find(FoldedKey{form});
        return path == nullptr ? ClusterPath{} : *path;
    }
    static std::string fold(std::string_view form);
    std::size_t size() const { return paths_.size(); }

    // The same words with the same paths (a tagger and a parser trained together carry equal
    // copies, and then one lookup serves both).
    bool operator==(const WordClusters& other) const;

  private:
    // A form as fold() writes it, folded as it is read (no string built per lookup).
    struct FoldedKey {
        std::string_view form;
        std::size_t size() const { return form.size(); }
        char operator[](std::size_t i) const {
            const char c = form[i];
            return c >= 'A' && c <= 'Z'   ? static_cast<char>(c - 'A' + 'a')
                   : c >= '0' && c <= '9' ? '0'
                                          : c;
        }
    };
    std::vector<std::pair<std::string, ClusterPath>> sorted() const;

    StringTable<ClusterPath> paths_;
};

}  // namespace newsgraph::nlp
