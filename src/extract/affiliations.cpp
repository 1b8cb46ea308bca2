#include "src/extract/affiliations.hpp"

#include <algorithm>
#include <optional>

namespace newsgraph {
namespace {

// Names in one credit list ("CNN's A, B, C, D, E, F and G contributed reporting"): longer
// lists are rosters or tables more often than credits.
constexpr std::size_t kMaxCredited = 10;

class NameAffiliations {
  public:
    // `in_sentence`: the kept mentions of this sentence, in mention order.
    NameAffiliations(const Sentence& s, std::size_t index, const std::vector<Mention>& mentions,
                     const std::vector<std::size_t>& in_sentence, const Lexicon& lexicon,
                     double confidence, std::vector<MentionFact>& out)
        : t_(s.tokens),
          index_(index),
          mentions_(mentions),
          lx_(lexicon),
          confidence_(confidence),
          out_(out),
          at_(s.tokens.size(), kNone) {
        for (std::size_t m : in_sentence)
            for (std::size_t k = mentions[m].first; k < mentions[m].last && k < at_.size(); ++k)
                if (at_[k] == kNone) at_[k] = m;  // "US State Department" over "US"
    }

    // Affiliations stated around a person's name.
    void find() {
        for (std::size_t k = 0; k < t_.size(); ++k) {
            if (at_[k] == kNone || (k > 0 && at_[k - 1] == at_[k])) continue;
            const std::size_t m = at_[k];
            if (mention(m).type != EntityType::Person) continue;
            const std::size_t last = mention(m).last;
            // "CNN's Nectar Gan, Wayne Chang and Anna Chernova": names of which one reads as
            // a person's; what else follows an owner's "'s" is mostly its product or part
            // ("ATI's Radeon X800", "Panasonic's Hollywood Laboratories").
            if (k >= 2 && lower(k - 1) == "'s" && at_[k - 2] != kNone &&
                mention(at_[k - 2]).type == EntityType::Organisation) {
                const auto credited = coordinated(m, false);
                if (std::any_of(credited.begin(), credited.end(),
                                [&](std::size_t c) { return reads_as_name(c); }))
                    emit_all(credited, at_[k - 2]);
            }
            // "Chris Buckley from The New York Times", "Evan Feigenbaum of the Carnegie ...".
            // "at" only after a reporting verb ("said Ken Mayland at Clearview Economics"):
            // otherwise it is mostly a place ("Almunia at Highbury", "Hamlet by William
            // Shakespeare at The Old Vic").
            const bool speaker = k > 0 && lx_.is_reporting_verb(lower(k - 1));
            if (last + 1 < t_.size() && !mention(m).role &&
                (lower(last) == "from" || lower(last) == "of" ||
                 (lower(last) == "at" && speaker))) {
                std::size_t o = last + 1;
                if (o < t_.size() && lower(o) == "the") ++o;
                if (o < t_.size() && at_[o] != kNone &&
                    mention(at_[o]).type == EntityType::Organisation)
                    emit(m, at_[o]);
            }
            // "At The Diplomat, Shannon Tiezzi described": only an "At" opening the sentence;
            // "In a lecture at the London School of Economics, Irene Khan said" is a place.
            if (k >= 2 && t_[k - 1].norm == "," && at_[k - 2] != kNone &&
                mention(at_[k - 2]).type == EntityType::Organisation) {
                std::size_t f = mention(at_[k - 2]).first;
                if (f >= 1 && lower(f - 1) == "the") --f;
                if (f >= 1 && lower(f - 1) == "at" && opens_sentence(f - 1)) emit(m, at_[k - 2]);
            }
            // "Philipp Ivanov wrote in Foreign Policy", "Max Seddon and Joe Leahy reported in
            // The Financial Times", "wrote Li Yuan in The New York Times". Only a verb of
            // writing: "White said in the LA Times" is a quote the paper printed.
            std::size_t v = last;
            if (v < t_.size() && lx_.is_authorship_verb(lower(v))) ++v;
            if (v + 1 < t_.size() && (lower(v) == "in" || lower(v) == "for") &&
                (v > last || (k > 0 && lx_.is_authorship_verb(lower(k - 1))))) {
                std::size_t o = v + 1;
                if (o < t_.size() && lower(o) == "the") ++o;
                if (o < t_.size() && at_[o] != kNone &&
                    mention(at_[o]).type == EntityType::Organisation)
                    emit_all(coordinated(m, true), at_[o]);
            }
        }
    }

  private:
    static constexpr std::size_t kNone = static_cast<std::size_t>(-1);
    std::string lower(std::size_t i) const { return lower_ascii(t_[i].norm); }
    const Mention& mention(std::size_t m) const { return mentions_[m]; }

    // The first word of the sentence, or the first after an opening quote.
    bool opens_sentence(std::size_t k) const {
        return k == 0 || (k == 1 && (t_[0].norm == "\"" || t_[0].norm == "'"));
    }

    // Whether a mention reads as a person's name: it starts with a given name, or its words
    // are no English words (a last word may be a given name too: "Thierry Henry"), with no
    // digits or all-capital words ("Radeon X800", "Rayman DS", "Qrio Robot" do not).
    bool reads_as_name(std::size_t m) const {
        const std::size_t first = mention(m).first, last = mention(m).last;
        if (lx_.is_given_name(t_[first].norm)) return true;
        for (std::size_t k = first; k < last; ++k)
            if (is_code_word(t_[k].norm)) return false;
        return !lx_.is_common_word(lower(first)) &&
               (!lx_.is_common_word(lower(last - 1)) || lx_.is_given_name(t_[last - 1].norm));
    }

    // "The EU's Humanitarian Aid Commissioner, Louis Michel": a span ending in a title names
    // an office, not a person, whatever the mention finder made of it.
    bool names_office(std::size_t m) const {
        for (std::size_t k = mention(m).first; k < mention(m).last; ++k)
            if (auto title = lx_.title_at(t_, k); title && k + title->length == mention(m).last)
                return true;
        return false;
    }

    void emit(std::size_t s, std::size_t o) {
        if (s != o && !names_office(s))
            out_.push_back({s, o, Relation::affiliated_with, index_, "", confidence_,
                            "affiliation-pattern", MentionFact::kNoAntecedent});
    }
    void emit_all(const std::vector<std::size_t>& subjects, std::size_t object) {
        for (std::size_t s : subjects) emit(s, object);
    }

    // "Xi and Putin", "Australia, Britain and the US": the mentions coordinated with `m`.
    std::vector<std::size_t> coordinated(std::size_t m, bool backwards) const {
        std::vector<std::size_t> all = {m};
        std::size_t cur = m;
        while (all.size() < kMaxCredited) {
            std::optional<std::size_t> next;
            if (backwards) {
                // Step over the title and country before a name: "Xi Jinping and Russian
                // leader Vladimir Putin".
                std::size_t k = mention(cur).first;
                for (std::size_t holder : mention(cur).role_of)
                    if (mention(holder).last <= k && mention(holder).first + 4 >= k)
                        k = std::min(k, mention(holder).first);
                if (k >= 2 && (lower(k - 1) == "and" || t_[k - 1].norm == ",")) {
                    std::size_t j = k - 1;
                    if (j >= 1 && lower(j - 1) == "the") --j;
                    if (j >= 1 && at_[j - 1] != kNone) next = at_[j - 1];
                }
            } else {
                std::size_t k = mention(cur).last;
                if (k + 1 < t_.size() && (lower(k) == "and" || t_[k].norm == ",")) {
                    std::size_t j = k + 1;
                    if (j < t_.size() && lower(j) == "and") ++j;
                    if (j < t_.size() && lower(j) == "the") ++j;
                    if (j < t_.size() && at_[j] != kNone) next = at_[j];
                }
            }
            if (!next || std::find(all.begin(), all.end(), *next) != all.end()) break;
            // Lists are of one kind: "In the joint statement, Russia said" is no list.
            if (mention(*next).type != mention(m).type) break;
            all.push_back(*next);
            cur = *next;
        }
        return all;
    }

    const std::vector<Token>& t_;
    std::size_t index_;
    const std::vector<Mention>& mentions_;
    const Lexicon& lx_;
    double confidence_;
    std::vector<MentionFact>& out_;
    std::vector<std::size_t> at_;  // token -> mention covering it
};

}  // namespace

std::vector<MentionFact> find_affiliations(
    const std::vector<Sentence>& sentences, const std::vector<Mention>& mentions,
    const std::vector<std::vector<std::size_t>>& kept_by_sentence, const Lexicon& lexicon,
    const Frames& frames) {
    std::vector<MentionFact> facts;
    const double confidence = frames.confidence("affiliation-pattern");
    for (std::size_t i = 0; i < sentences.size(); ++i)
        NameAffiliations(sentences[i], i, mentions, kept_by_sentence[i], lexicon, confidence, facts)
            .find();
    return facts;
}

}  // namespace newsgraph
