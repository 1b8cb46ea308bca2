#include "src/extract/name_parties.hpp"

#include <algorithm>
#include <string>

#include "src/ingest/text_repair.hpp"  // lower_ascii

namespace newsgraph {
namespace {

std::string preposition_of(const std::vector<nlp::Word>& words,
                           const std::vector<std::vector<int>>& children, int w) {
    for (int c : children[static_cast<std::size_t>(w)])
        if (words[static_cast<std::size_t>(c)].deprel == "case")
            return lower_ascii(words[static_cast<std::size_t>(c)].form);
    return {};
}

// A word an amount is written with: "$", "69", "bn", "(", "£52bn", ")".
bool amount_word(const nlp::Word& w) {
    if (w.upos == "NUM" || w.upos == "SYM" || w.form == "(" || w.form == ")") return true;
    const std::string l = lower_ascii(w.lemma);
    return l == "bn" || l == "m" || l == "billion" || l == "million" || l == "trillion";
}

}  // namespace

bool may_be_party(const Mention& m) {
    return !m.entry || m.entry->kind == FormKind::Name;
}

std::vector<int> name_party_words(const std::vector<nlp::Word>& words,
                                  const std::vector<std::vector<int>>& children, int noun) {
    // "Spain's biggest bank merger", "Japan's largest-ever deal": the possessor of a ranking
    // is where the agreement ranks, not a party.
    bool ranked = false;
    for (int c : children[static_cast<std::size_t>(noun)]) {
        const nlp::Word& d = words[static_cast<std::size_t>(c)];
        ranked = ranked || (d.deprel == "amod" && d.xpos == "JJS") ||
                 (d.deprel == "advmod" && lower_ascii(d.form) == "ever");
    }
    std::vector<int> out;
    for (int c : children[static_cast<std::size_t>(noun)]) {
        const std::string& rel = words[static_cast<std::size_t>(c)].deprel;
        if ((rel == "nmod:poss" && !ranked) || rel == "compound") out.push_back(c);
        if (rel == "nmod") {
            const std::string p = preposition_of(words, children, c);
            if (p == "of" || p == "with") out.push_back(c);
        }
    }
    // The words before, back to the possessor: names, amounts, adjectives and plain nouns
    // ("Microsoft's £52bn Activision deal", "the US-China trade deal"); a verb ("the
    // EU-brokered deal"), a determiner or anything else ends the phrase.
    for (int k = noun - 1; k >= 0; --k) {
        const nlp::Word& w = words[static_cast<std::size_t>(k)];
        if (w.upos == "PART" && (w.form == "'s" || w.form == "\u2019s" || w.form == "'")) {
            if (k > 0 && !ranked) out.push_back(k - 1);
            break;
        }
        if (w.upos == "PROPN") {
            out.push_back(k);
            continue;
        }
        if (amount_word(w) || w.upos == "ADJ" || w.upos == "NOUN" || w.form == "-" ||
            w.form == "\u2013")
            continue;
        break;
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

}  // namespace newsgraph
