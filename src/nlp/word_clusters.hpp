// Word clusters learned from unlabelled text: each known word has a path in a binary tree of
// clusters, and words used alike share long prefixes ("Monday" and "Tuesday", "said" and
// "added"). A tagger or parser that has seen one word of a cluster in training knows
// something of the others (Koo, Carreras and Collins 2008).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

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
    ClusterPath of(std::string_view form) const;
    static std::string fold(std::string_view form);
    std::size_t size() const { return paths_.size(); }

  private:
    std::unordered_map<std::string, ClusterPath> paths_;
};

}  // namespace newsgraph::nlp
