// What a well-formed dependency tree is, checked: the tests, the fuzz targets and anything
// that reads a parser's output can ask for the first thing wrong with a sentence's tree.
#pragma once

#include <string>
#include <vector>

#include "src/nlp/sentence.hpp"

namespace newsgraph::nlp {

// The heads of a sentence's words as a vector: heads[i] of word i (1..n), heads[0] unused (-1).
inline std::vector<int> heads_of(const ParsedSentence& sentence) {
    std::vector<int> heads(sentence.words.size() + 1, -1);
    for (std::size_t i = 0; i < sentence.words.size(); ++i) heads[i + 1] = sentence.words[i].head;
    return heads;
}

// "" when heads (heads[i] the head of word i, 1..n; 0 the root; heads[0] unused) is one tree:
// every head in 0..n and not the word itself, exactly one word on the root, no cycle.
// Otherwise the first problem found, in words ("word 3: head 7 is not in 0..5").
inline std::string tree_problem(const std::vector<int>& heads) {
    const int n = static_cast<int>(heads.size()) - 1;
    const auto head = [&](int i) { return heads[static_cast<std::size_t>(i)]; };
    int roots = 0;
    for (int i = 1; i <= n; ++i) {
        const std::string word = "word " + std::to_string(i) + ": ";
        if (head(i) < 0 || head(i) > n)
            return word + "head " + std::to_string(head(i)) + " is not in 0.." + std::to_string(n);
        if (head(i) == i) return word + "is its own head";
        roots += head(i) == 0;
    }
    if (n > 0 && roots != 1) return std::to_string(roots) + " words on the root, not 1";
    for (int i = 1; i <= n; ++i) {
        int k = i;
        for (int steps = 0; k != 0; ++steps, k = head(k))
            if (steps > n) return "word " + std::to_string(i) + " is on a cycle";
    }
    return "";
}

// The same for a parsed sentence, and every word has a relation, "root" exactly on the
// root's word.
inline std::string tree_problem(const ParsedSentence& sentence) {
    for (std::size_t i = 0; i < sentence.words.size(); ++i) {
        const Word& w = sentence.words[i];
        const std::string word = "word " + std::to_string(i + 1) + " (" + w.form + "): ";
        if (w.deprel.empty()) return word + "no relation";
        if ((w.head == 0) != (w.deprel == "root"))
            return word + "relation '" + w.deprel + "' with head " + std::to_string(w.head);
    }
    return tree_problem(heads_of(sentence));
}

}  // namespace newsgraph::nlp
