#include "src/extract/interactions.hpp"

#include <algorithm>
#include <unordered_set>

namespace newsgraph {
namespace {

// Words that, shortly before a trigger, make it not a positive statement of fact.
bool negates_or_hedges(const std::string& w) {
    static const std::unordered_set<std::string> kWords = {
        "not",    "n't",     "never",    "no",     "may",      "might",   "could",   "would",
        "should", "refused", "declined", "failed", "unlikely", "whether", "if",      "cannot",
        "desire", "hope",    "hopes",    "want",   "wants",    "seeks",   "neither", "nor"};
    return kWords.count(w) > 0;
}

bool clause_break(const std::string& w) {
    return w == ";" || w == ":" || w == "-" || w == "\"" || w == "(" || w == ")" || w == "which" ||
           w == "who" || w == "whom" || w == "that" || w == "but" || w == "while" ||
           w == "although" || w == "as";
}

bool is_pronoun(const std::string& w) {
    return w == "they" || w == "he" || w == "she" || w == "it" || w == "we";
}

bool is_preposition(const std::string& w) {
    static const std::unordered_set<std::string> kWords = {
        "in",   "at",      "to",    "from", "of",     "on",      "with",   "for",     "into", "by",
        "over", "against", "about", "near", "across", "between", "toward", "towards", "under"};
    return kWords.count(w) > 0;
}

bool is_determiner(const std::string& w) {
    static const std::unordered_set<std::string> kWords = {
        "a",     "an",  "the", "his",   "her",     "their",   "its",  "this", "that", "these",
        "those", "our", "new", "fresh", "further", "several", "more", "two",  "both"};
    return kWords.count(w) > 0;
}

bool passive_auxiliary(const std::string& w) {
    return w == "was" || w == "were" || w == "been" || w == "being" || w == "is" || w == "are" ||
           w == "be";
}

class SentenceFacts {
  public:
    // `in_sentence`: the kept mentions of this sentence, in mention order.
    SentenceFacts(const Sentence& s, std::size_t index, const std::vector<Mention>& mentions,
                  const std::vector<std::size_t>& in_sentence, const Lexicon& lexicon,
                  std::vector<MentionFact>& out)
        : t_(s.tokens),
          index_(index),
          mentions_(mentions),
          lx_(lexicon),
          out_(out),
          at_(s.tokens.size(), kNone) {
        for (std::size_t m : in_sentence)
            for (std::size_t k = mentions[m].first; k < mentions[m].last && k < at_.size(); ++k)
                if (at_[k] == kNone) at_[k] = m;  // "US State Department" over "US"
    }

    // Triggers in the story; affiliations in furniture too ("CNN's X contributed coverage").
    void find(bool furniture) {
        for (std::size_t i = 0; i < t_.size() && !furniture; ++i) {
            if (at_[i] != kNone) continue;
            auto match = lx_.trigger_at(t_, i);
            if (!match) continue;
            triggered(i, i + match->length, *match->trigger);
            i += match->length - 1;
        }
        if (!furniture) cooperation();
        affiliations();
    }

  private:
    static constexpr std::size_t kNone = static_cast<std::size_t>(-1);
    static constexpr std::size_t kWindow = 10;  // tokens between a trigger and its arguments

    std::string lower(std::size_t i) const { return lower_ascii(t_[i].norm); }
    const Mention& mention(std::size_t m) const { return mentions_[m]; }

    // Confidence by construction, as ranks rather than calibrated probabilities: patterns
    // around a name (affiliations) are surest, clauses next, nominalisations least.
    static constexpr double kAffiliation = 0.85, kClause = 0.75, kNominal = 0.65;

    void emit(std::size_t s, std::size_t o, Relation r, double confidence = kAffiliation) {
        if (s == o) return;
        out_.push_back({s, o, r, index_, cameo_, confidence});
    }
    void emit_all(const std::vector<std::size_t>& subjects, const std::vector<std::size_t>& objects,
                  Relation r, double confidence = kAffiliation) {
        for (std::size_t s : subjects)
            for (std::size_t o : objects) emit(s, o, r, confidence);
    }

    // The mention ending closest before token `end`, within the clause. A reporting verb
    // ends the search: in "Putin said Western allies continued to arm Ukraine" the speaker is
    // not the actor.
    std::optional<std::size_t> before(std::size_t end) const {
        for (std::size_t k = end, steps = 0; k-- > 0 && steps < kWindow; ++steps) {
            if (at_[k] != kNone) {
                std::size_t f = mention(at_[k]).first;
                // "neither China nor Russia has ratified": a denied subject.
                if (f > 0 && negates_or_hedges(lower(f - 1))) return std::nullopt;
                // "landed in Ukraine ... to meet with": the object of a preposition is not
                // the subject; look further back.
                if (f > 0 && is_preposition(lower(f - 1))) {
                    k = f;
                    continue;
                }
                return at_[k];
            }
            // "China and Russia say they oppose NATO": the pronoun is the speaker.
            if (is_pronoun(lower(k))) {
                std::size_t v = k;
                while (v > 0 && (lower(v - 1) == "that" || lower(v - 1) == "also")) --v;
                if (v > 0 && lx_.is_reporting_verb(lower(v - 1))) return speaker_before(v - 1);
                return std::nullopt;
            }
            if (clause_break(lower(k)) || lx_.is_reporting_verb(lower(k))) return std::nullopt;
        }
        return std::nullopt;
    }
    // The subject of a reporting verb at token `verb`: "China and Russia say".
    std::optional<std::size_t> speaker_before(std::size_t verb) const {
        if (verb > 0 && at_[verb - 1] != kNone) return at_[verb - 1];
        return std::nullopt;
    }

    // The first mention starting within `window` tokens of `begin`, within the clause: a
    // verb's or a noun's object is near it ("signed a joint statement", "visit to Moscow").
    std::optional<std::size_t> after(std::size_t begin, std::size_t window = 4) const {
        for (std::size_t k = begin, steps = 0; k < t_.size() && steps < window; ++k, ++steps) {
            if (at_[k] != kNone) return object_at(at_[k]);
            // Only determiners and honorifics stand between a trigger and its object:
            // "signed a joint statement", "praised Mr. Xi"; not "armed drones into Ukraine".
            const std::string w = lower(k);
            if (!is_determiner(w) && !lx_.is_honorific(t_[k].norm) && w != "." && w != "\"" &&
                w != "'")
                return std::nullopt;
        }
        return std::nullopt;
    }
    // What a mention found after a trigger stands for as its object: not a possessor
    // ("welcomed China's willingness"), and not a demonym before a person ("welcomed Russian
    // President Vladimir Putin" is Putin) or after a possessive ("his Chinese counterpart").
    std::optional<std::size_t> object_at(std::size_t m) const {
        const Mention& x = mention(m);
        // "will meet France's Arnaud Clement": the person, not the country.
        if (x.last + 1 < t_.size() && lower(x.last) == "'s" && at_[x.last + 1] != kNone &&
            mention(at_[x.last + 1]).type == EntityType::Person)
            return at_[x.last + 1];
        if (x.entry && x.entry->kind == FormKind::Demonym) {
            for (std::size_t k = x.last; k < t_.size() && k < x.last + 4; ++k)
                if (at_[k] != kNone && mention(at_[k]).type == EntityType::Person) return at_[k];
            if (x.first > 0) {
                const std::string prev = lower(x.first - 1);
                if (prev == "his" || prev == "her" || prev == "their" || prev == "its")
                    return std::nullopt;
            }
        }
        return m;
    }
    // "Xi and Putin", "Australia, Britain and the US": the mentions coordinated with `m`.
    std::vector<std::size_t> coordinated(std::size_t m, bool backwards) const {
        std::vector<std::size_t> all = {m};
        std::size_t cur = m;
        while (all.size() < 6) {
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

    bool hedged(std::size_t trigger) const {
        for (std::size_t k = trigger, steps = 0; k-- > 0 && steps < 3; ++steps) {
            if (at_[k] != kNone) break;
            if (negates_or_hedges(lower(k))) return true;
        }
        return false;
    }

    void triggered(std::size_t i, std::size_t j, const Trigger& trigger) {
        if (hedged(i)) return;
        cameo_ = trigger.cameo;
        struct ClearCameo {
            std::string& c;
            ~ClearCameo() { c.clear(); }
        } clear{cameo_};
        const Relation r = trigger.relation;
        // Passive: "was criticised by the United States".
        if (!trigger.noun && i > 0 && passive_auxiliary(lower(i - 1)) && j < t_.size() &&
            lower(j) == "by") {
            auto agent = after(j + 1, kWindow);
            std::size_t aux = i - 1;
            while (aux > 0 && passive_auxiliary(lower(aux - 1))) --aux;
            auto patient = before(aux);
            if (agent && patient)
                emit_all(coordinated(*agent, false), coordinated(*patient, true), r, kClause);
            return;
        }
        if (trigger.noun) {
            // "Xi's visit to Moscow", "U.S. sanctions against Russia", "the invasion of
            // Ukraine by Russia".
            std::optional<std::size_t> subject;
            if (i > 0 && at_[i - 1] != kNone)
                subject = at_[i - 1];
            else if (i > 1 && lower(i - 1) == "'s" && at_[i - 2] != kNone)
                subject = at_[i - 2];
            else if (i > 2 && lower(i - 2) == "'s" && at_[i - 3] != kNone && at_[i - 1] == kNone &&
                     !std::isupper(static_cast<unsigned char>(t_[i - 1].norm[0])))
                subject = at_[i - 3];  // "Russia's full-scale invasion of"
            auto object = after(j, 3);
            if (!subject && j < t_.size() && lower(j) == "by") {
                // "new sanctions by the United States targeting Chinese dealings"
                subject = after(j + 1, 2);
                if (subject) {
                    std::size_t k = mention(*subject).last;
                    object = k + 1 < t_.size() && (lower(k) == "targeting" ||
                                                   lower(k) == "against" || lower(k) == "on")
                                 ? after(k + 1, 2)
                                 : std::nullopt;
                }
            }
            if (!subject) {
                // "the invasion of Ukraine by Russia"
                if (object && mention(*object).last + 1 < t_.size() &&
                    lower(mention(*object).last) == "by")
                    subject = after(mention(*object).last + 1, 3);
            }
            if (subject && object)
                emit_all(coordinated(*subject, true), coordinated(*object, false), r, kNominal);
            return;
        }
        auto subject = before(i);
        auto object = after(j);
        if (!subject || !object) return;
        // "welcomed China's willingness": welcoming what a party does is support; meeting
        // something of theirs ("met Neville's cross") is no meeting at all.
        const Mention& o = mention(*object);
        Relation relation = r;
        if (r == Relation::met_with && o.last < t_.size() && lower(o.last) == "'s") {
            if (lower(i).rfind("welcom", 0) != 0) return;
            relation = Relation::supports;
        }
        emit_all(coordinated(*subject, true), coordinated(*object, false), relation, kClause);
    }

    // "the partnership between China and Russia"; "Xi and Putin vowed to deepen their
    // partnership" (and, when the object is a named agreement, both are party to it).
    void cooperation() {
        cameo_ = "06";
        for (std::size_t i = 0; i < t_.size(); ++i) {
            if (at_[i] != kNone) continue;
            const std::string w = lower(i);
            if (lx_.is_cooperation_noun(w) && i + 2 < t_.size() && lower(i + 1) == "between" &&
                !hedged(i)) {
                if (auto first = after(i + 2, 2)) {
                    auto parties = coordinated(*first, false);
                    for (std::size_t a = 0; a < parties.size(); ++a)
                        for (std::size_t b = a + 1; b < parties.size(); ++b)
                            emit(parties[a], parties[b], Relation::cooperates_with, kClause);
                }
            }
            if (!lx_.is_cooperation_verb(w) || hedged(i)) continue;
            // The object: "their" + up to four words + a cooperation noun or an agreement.
            std::size_t k = i + 1;
            if (k >= t_.size() || (lower(k) != "their" && lower(k) != "bilateral")) continue;
            std::optional<std::size_t> agreement;
            bool cooperation_object = false;
            for (std::size_t x = k + 1; x < t_.size() && x <= k + 6; ++x) {
                if (at_[x] != kNone) {
                    if (mention(at_[x]).type == EntityType::Agreement) agreement = at_[x];
                    break;
                }
                if (lx_.is_cooperation_noun(lower(x))) {
                    cooperation_object = true;
                    break;
                }
            }
            if (!agreement && !cooperation_object) continue;
            auto subject = before(i);
            if (!subject) continue;
            auto parties = coordinated(*subject, true);
            if (parties.size() < 2) continue;
            for (std::size_t a = 0; a < parties.size(); ++a) {
                for (std::size_t b = a + 1; b < parties.size(); ++b)
                    emit(parties[a], parties[b], Relation::cooperates_with, kClause);
                if (agreement) {
                    cameo_ = "057";
                    emit(parties[a], *agreement, Relation::party_to, kClause);
                    cameo_ = "06";
                }
            }
        }
        cameo_.clear();
    }

    // Affiliations stated around a person's name.
    void affiliations() {
        for (std::size_t k = 0; k < t_.size(); ++k) {
            if (at_[k] == kNone || (k > 0 && at_[k - 1] == at_[k])) continue;
            const std::size_t m = at_[k];
            if (mention(m).type != EntityType::Person) continue;
            const std::size_t last = mention(m).last;
            // "CNN's Nectar Gan, Wayne Chang and Anna Chernova"
            if (k >= 2 && lower(k - 1) == "'s" && at_[k - 2] != kNone &&
                mention(at_[k - 2]).type == EntityType::Organisation)
                emit_all(coordinated(m, false), {at_[k - 2]}, Relation::affiliated_with);
            // "Chris Buckley from The New York Times", "Evan Feigenbaum of the Carnegie ..."
            if (last + 1 < t_.size() && !mention(m).role &&
                (lower(last) == "from" || lower(last) == "of" || lower(last) == "at")) {
                std::size_t o = last + 1;
                if (o < t_.size() && lower(o) == "the") ++o;
                if (o < t_.size() && at_[o] != kNone &&
                    mention(at_[o]).type == EntityType::Organisation)
                    emit(m, at_[o], Relation::affiliated_with);
            }
            // "At The Diplomat, Shannon Tiezzi described"
            if (k >= 2 && t_[k - 1].norm == "," && at_[k - 2] != kNone &&
                mention(at_[k - 2]).type == EntityType::Organisation) {
                std::size_t f = mention(at_[k - 2]).first;
                if (f >= 1 && lower(f - 1) == "the") --f;
                if (f >= 1 && lower(f - 1) == "at") emit(m, at_[k - 2], Relation::affiliated_with);
            }
            // "Philipp Ivanov wrote in Foreign Policy", "Max Seddon and Joe Leahy reported in
            // The Financial Times", "wrote Li Yuan in The New York Times"
            std::size_t v = last;
            if (v < t_.size() && lx_.is_reporting_verb(lower(v))) ++v;
            if (v + 1 < t_.size() && (lower(v) == "in" || lower(v) == "for") &&
                (v > last || (k > 0 && lx_.is_reporting_verb(lower(k - 1))))) {
                std::size_t o = v + 1;
                if (o < t_.size() && lower(o) == "the") ++o;
                if (o < t_.size() && at_[o] != kNone &&
                    mention(at_[o]).type == EntityType::Organisation)
                    emit_all(coordinated(m, true), {at_[o]}, Relation::affiliated_with);
            }
        }
    }

    const std::vector<Token>& t_;
    std::size_t index_;
    const std::vector<Mention>& mentions_;
    const Lexicon& lx_;
    std::vector<MentionFact>& out_;
    std::vector<std::size_t> at_;  // token -> mention covering it
    std::string cameo_;            // of the trigger being handled
};

// Kept mentions grouped by sentence, once per article: scanning every mention for every
// sentence made a long article quadratic (100k sentences took minutes).
std::vector<std::vector<std::size_t>> kept_mentions_by_sentence(
    std::size_t sentences, const std::vector<Mention>& mentions, const std::vector<bool>& kept) {
    std::vector<std::vector<std::size_t>> out(sentences);
    for (std::size_t m = 0; m < mentions.size(); ++m)
        if (kept[m] && mentions[m].sentence < sentences) out[mentions[m].sentence].push_back(m);
    return out;
}

}  // namespace

std::vector<MentionFact> find_interactions(const std::vector<Sentence>& sentences,
                                           const std::vector<Mention>& mentions,
                                           const std::vector<bool>& kept, const Lexicon& lexicon) {
    std::vector<MentionFact> facts;
    const auto by_sentence = kept_mentions_by_sentence(sentences.size(), mentions, kept);
    for (std::size_t i = 0; i < sentences.size(); ++i)
        SentenceFacts(sentences[i], i, mentions, by_sentence[i], lexicon, facts)
            .find(sentences[i].furniture);
    return facts;
}

}  // namespace newsgraph
