// One sentence as the NLP stage sees it: UD syntactic words with their tags, lemmas and
// dependency tree. Every stage of src/nlp reads and annotates this in place (after spaCy's
// Doc), and CoNLL-U is its text form. Nothing here knows what an entity is.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace newsgraph::nlp {

inline constexpr std::size_t kNoOffset = static_cast<std::size_t>(-1);

struct Word {
    std::string form;   // as UD writes it ("do", "n't", "Russia", "'s")
    std::string lemma;  // "_" until lemmatised
    std::string upos;   // universal POS ("NOUN"), "_" until tagged
    std::string xpos;   // Penn Treebank tag ("NNS"), "_" until tagged
    std::string feats = "_";
    int head = -1;           // 0 = root, i+1 = words[i]; -1 until parsed
    std::string deprel;      // "nsubj", "obl:agent", ...; empty until parsed
    std::string deps = "_";  // enhanced dependencies, kept as read so CoNLL-U round-trips
    std::string misc = "_";  // CoNLL-U MISC column as read (SpaceAfter=No, ...)
    // Byte offsets into the article text; kNoOffset for words read from CoNLL-U.
    std::size_t begin = kNoOffset, end = kNoOffset;
    bool space_after = true;
};

// A CoNLL-U multiword token ("don't" = words 1-2): kept so reading and writing round-trip.
struct MultiwordToken {
    int first = 0, last = 0;  // 1-based word ids, inclusive
    std::string form;
    std::string misc = "_";
};

struct ParsedSentence {
    std::string sent_id;                // "# sent_id = ..."
    std::string text;                   // "# text = ..."
    std::vector<std::string> comments;  // every other comment line, without "# "
    std::vector<Word> words;
    std::vector<MultiwordToken> multiwords;
    // Empty nodes (ids "N.M") are enhanced-dependency only: kept verbatim for round trips.
    std::vector<std::pair<int, std::string>> empty_nodes;  // (word id they follow, raw line)
};

}  // namespace newsgraph::nlp
