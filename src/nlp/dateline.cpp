#include "src/nlp/dateline.hpp"

#include <cctype>

namespace newsgraph::nlp {
namespace {

// Words a dateline may take before its dash: "LE BOURGET, France, Dec. 12 -".
constexpr std::size_t kMaxDatelineWords = 9;

// Capital letters in a word with no lower-case letter; -1 when it has one.
int capitals_only(const std::string& form) {
    int capitals = 0;
    for (char c : form) {
        if (std::islower(static_cast<unsigned char>(c))) return -1;
        capitals += std::isupper(static_cast<unsigned char>(c)) ? 1 : 0;
    }
    return capitals;
}

}  // namespace

std::size_t dateline_length(const std::vector<Word>& words) {
    // The place in capitals, one word or several ("ABUJA", "LE BOURGET", "NEW YORK").
    std::size_t i = 0;
    int capitals = 0;
    for (; i < words.size(); ++i) {
        const int n = capitals_only(words[i].form);
        if (n <= 0) break;
        capitals += n;
    }
    if (i == 0 || capitals < 3) return 0;
    for (; i < words.size() && i < kMaxDatelineWords; ++i) {
        const std::string& f = words[i].form;
        if (f == "-" || f == "--" || f == "\u2014" || f == "\u2013")
            return i + 1 < words.size() ? i + 1 : 0;
        if (words[i].upos != "PUNCT" && words[i].upos != "PROPN" && words[i].upos != "NUM")
            return 0;
    }
    return 0;
}

}  // namespace newsgraph::nlp
