#include "src/nlp/dateline.hpp"

#include <cctype>

namespace newsgraph::nlp {

std::size_t dateline_length(const std::vector<Word>& words) {
    if (words.empty()) return 0;
    std::size_t capitals = 0;
    for (char c : words[0].form) {
        if (std::islower(static_cast<unsigned char>(c))) return 0;
        capitals += std::isupper(static_cast<unsigned char>(c)) ? 1 : 0;
    }
    if (capitals < 3) return 0;
    for (std::size_t i = 1; i < words.size() && i < 6; ++i) {
        const std::string& f = words[i].form;
        if (f == "-" || f == "--" || f == "\u2014" || f == "\u2013")
            return i + 1 < words.size() ? i + 1 : 0;
        if (words[i].upos != "PUNCT" && words[i].upos != "PROPN" && words[i].upos != "NUM")
            return 0;
    }
    return 0;
}

}  // namespace newsgraph::nlp
