#include "src/extract/pronouns.hpp"

#include <algorithm>
#include <iterator>
#include <map>
#include <set>
#include <string>

namespace newsgraph {
namespace {

enum class Wanted { Male, Female, Thing, Many };

std::optional<Wanted> wanted_by(std::string_view p) {
    if (p == "he" || p == "him" || p == "his" || p == "himself") return Wanted::Male;
    if (p == "she" || p == "her" || p == "hers" || p == "herself") return Wanted::Female;
    if (p == "it" || p == "its" || p == "itself") return Wanted::Thing;
    if (p == "they" || p == "them" || p == "their" || p == "themselves") return Wanted::Many;
    return std::nullopt;
}

// Up to this many sentences back: further, news names again rather than refers back.
constexpr std::size_t kSentencesBack = 2;
constexpr std::size_t kAgreementSentencesBack = 5;

class PronounResolver {
  public:
    PronounResolver(const ParsedDocument& parsed, const std::vector<Mention>& mentions,
                    const ResolvedMentions& resolved, const Lexicon& lexicon)
        : parsed_(parsed),
          lexicon_(lexicon),
          mentions_(mentions),
          resolved_(resolved),
          by_sentence_(parsed.sentences.size()),
          sex_(resolved.entities.size(), 0),
          begins_(resolved.entities.size()),
          links_(resolved.entities.size(), 0) {
        for (std::size_t m = 0; m < mentions.size(); ++m)
            if (resolved.entity_of[m]) begins_[*resolved.entity_of[m]].push_back(mentions[m].begin);
        for (auto& b : begins_) std::sort(b.begin(), b.end());
        // Bylines and credits name reporters, not antecedents.
        for (std::size_t m = 0; m < mentions.size(); ++m)
            if (resolved.entity_of[m] && mentions[m].sentence < by_sentence_.size() &&
                !parsed.sentences[mentions[m].sentence].furniture)
                by_sentence_[mentions[m].sentence].push_back(m);
        // A person's sex, from any of their mentions: a given name of one list, or a title.
        for (std::size_t m = 0; m < mentions.size(); ++m) {
            if (!resolved.entity_of[m] || mentions[m].type != EntityType::Person) continue;
            char& sex = sex_[*resolved.entity_of[m]];
            const std::string& name = mentions[m].surface;
            const char by_name = lexicon.sex_of_given_name(name.substr(0, name.find(' ')));
            const char by_title = sex_of_title(lower_ascii(mentions[m].title));
            for (char s : {by_name, by_title})
                if (s) sex = (sex == 0 || sex == s) ? s : '?';  // '?': the clues disagree
        }
    }

    PronounAntecedents resolve() const {
        PronounAntecedents out(parsed_.sentences.size());
        for (std::size_t s = 0; s < parsed_.sentences.size(); ++s) {
            if (!parsed_.has_syntax(s)) continue;
            const auto& words = parsed_.syntax[s].words;
            bool quoted = false;  // inside quotation marks
            for (std::size_t w = 0; w < words.size(); ++w) {
                if (words[w].begin == nlp::kNoOffset) continue;  // a word read from CoNLL-U
                if (words[w].form == "\"" || words[w].form == "\u201C" || words[w].form == "\u201D")
                    quoted = !quoted;
                std::vector<std::size_t> found;
                // In a quotation "he" is someone the speaker speaks of, rarely the last person
                // the story named ("When I was first elected, he was ..."); a reflexive stands
                // for its own clause's subject ("help Taiwan defend itself"), not a name above.
                const std::string form = lower_ascii(words[w].form);
                const bool reflexive =
                    form.size() > 4 && form.compare(form.size() - 4, 4, "self") == 0;
                const bool reflexive_plural = form == "themselves";
                if ((words[w].xpos == "PRP" || words[w].xpos == "PRP$") &&
                    (quoted || reflexive || reflexive_plural))
                    continue;
                // "it has been revealed", "it is understood": an impersonal report.
                if (form == "it" && words[w].deprel == "nsubj:pass" && words[w].head > 0 &&
                    lexicon_.is_reporting_verb(
                        lower_ascii(words[static_cast<std::size_t>(words[w].head - 1)].lemma)))
                    continue;
                if (words[w].xpos == "PRP" || words[w].xpos == "PRP$") {
                    // A possessive ("his visit", "their meeting") is read only in its own
                    // sentence: across sentences it was wrong more often than right on news
                    // (data/rule_checks/bbc.tsv, rule coreference).
                    // "blamed her defeat": "her" before a noun is a possessive however tagged.
                    const bool possessive = words[w].xpos == "PRP$" || possessive_her(s, w);
                    const auto wanted = wanted_by(lower_ascii(words[w].form));
                    // "it has been revealed", "made it difficult": an expletive stands for none.
                    if (wanted == Wanted::Thing && words[w].deprel == "expl") continue;
                    if (wanted == Wanted::Thing)
                        found = last_subject(s, static_cast<int>(w), out,
                                             possessive ? 0 : kSentencesBack);
                    else if (wanted)
                        found = antecedent(s, static_cast<int>(w), *wanted,
                                           possessive ? 0 : kSentencesBack);
                } else if (pronoun_both(words, w)) {
                    found = antecedent(s, static_cast<int>(w), Wanted::Many, kSentencesBack);
                } else if (words[w].upos == "NOUN") {
                    found = described(s, static_cast<int>(w));
                }
                // What a pronoun was read as counts toward its entity's salience.
                for (std::size_t m : found) ++links_[*resolved_.entity_of[m]];
                if (!found.empty()) out[s][static_cast<int>(w)] = std::move(found);
            }
        }
        return out;
    }

  private:
    // "both" standing for a list named before ("China and Russia ... where both hold a
    // veto"): an argument of its own, or what the parser made the first word of a
    // coordination that has no second conjunct ("both" on a verb with no subject).
    static bool pronoun_both(const std::vector<nlp::Word>& words, std::size_t w) {
        if (lower_ascii(words[w].form) != "both" || words[w].head <= 0) return false;
        const std::string& r = words[w].deprel;
        if (r == "nsubj" || r == "nsubj:pass" || r == "obj") return true;
        if (r != "cc:preconj") return false;
        const auto head = static_cast<std::size_t>(words[w].head - 1);
        if (words[head].upos != "VERB") return false;
        for (const nlp::Word& x : words)
            if (x.head == static_cast<int>(head) + 1 &&
                (x.deprel.rfind("nsubj", 0) == 0 || x.deprel == "conj"))
                return false;
        return true;
    }

    static char sex_of_title(const std::string& title) {
        static const std::set<std::string> kMale = {"mr",  "mr.",  "king",    "prince",
                                                    "sir", "lord", "emperor", "sultan"};
        static const std::set<std::string> kFemale = {
            "mrs", "mrs.", "ms", "ms.", "miss", "queen", "princess", "dame", "lady", "empress"};
        const std::string first = title.substr(0, title.find(' '));
        if (kMale.count(first)) return 'm';
        if (kFemale.count(first)) return 'f';
        return 0;
    }

    bool fits(std::size_t m, Wanted wanted) const {
        const EntityType type = mentions_[m].type;
        switch (wanted) {
            case Wanted::Male:
            case Wanted::Female: {
                if (type != EntityType::Person) return false;
                const char sex = sex_[*resolved_.entity_of[m]];
                return sex == 0 || sex == (wanted == Wanted::Male ? 'm' : 'f');
            }
            case Wanted::Thing:
                return type == EntityType::Country || type == EntityType::Organisation;
            case Wanted::Many:
                // a body may be "they" in British English, but so is every description of
                // people ("the two leaders"): only lists are taken
                return false;
        }
        return false;
    }

    // "Iran and Saudi Arabia", "Xi and Putin": mentions of one kind joined by "and" (or
    // commas and a final "and") in one sentence, starting at mention index `i` of `ms`.
    std::vector<std::size_t> list_from(const std::vector<std::size_t>& ms, std::size_t i) const {
        std::vector<std::size_t> list = {ms[i]};
        const Sentence& sentence = parsed_.sentences[mentions_[ms[i]].sentence];
        for (std::size_t j = i + 1; j < ms.size(); ++j) {
            const Mention& prev = mentions_[list.back()];
            const Mention& next = mentions_[ms[j]];
            if (next.type != mentions_[ms[i]].type || next.first < prev.last) break;
            bool joined = true, and_seen = false;
            for (std::size_t k = prev.last; k < next.first && joined; ++k) {
                const std::string t = lower_ascii(sentence.tokens[k].norm);
                and_seen = and_seen || t == "and";
                joined = t == "and" || t == "," || t == "the";
            }
            if (!joined) break;
            list.push_back(ms[j]);
            if (and_seen) break;
        }
        std::set<std::size_t> entities;
        for (std::size_t m : list) entities.insert(*resolved_.entity_of[m]);
        return entities.size() >= 2 ? list : std::vector<std::size_t>{};
    }

    std::vector<std::size_t> antecedent(std::size_t s, int w, Wanted wanted,
                                        std::size_t sentences_back) const {
        const std::size_t begin = parsed_.syntax[s].words[static_cast<std::size_t>(w)].begin;
        // "they" is a list of parties above all ("Xi and Putin ... They"): any list in the
        // window is preferred to a single body.
        if (wanted == Wanted::Many)
            for (std::size_t back = 0; back <= sentences_back && back <= s; ++back) {
                const auto& ms = by_sentence_[s - back];
                for (std::size_t i = 0; i < ms.size(); ++i) {
                    auto list = list_from(ms, i);
                    if (!list.empty() && (back > 0 || mentions_[list.back()].end <= begin))
                        return list;
                }
            }
        // "he", "she": of the people who fit in the window, the one the article has named
        // most so far (the story's subject: "Prime Minister Tony Blair called him a giant.
        // He held each of the major offices" is about Callaghan); on a tie, the nearest in
        // the pronoun's own sentence ("Putin said he would"), else the first named in the
        // sentences before (the subject, as a rule).
        std::vector<std::size_t> fitting;
        const auto& here = by_sentence_[s];
        for (std::size_t i = here.size(); i-- > 0;)
            if (mentions_[here[i]].end <= begin && fits(here[i], wanted))
                fitting.push_back(here[i]);
        for (std::size_t back = 1; back <= sentences_back && back <= s; ++back)
            for (std::size_t m : by_sentence_[s - back])
                if (fits(m, wanted)) fitting.push_back(m);
        // "Williams blamed her defeat on injuries": a possessive in an argument of a verb
        // is, first of all, that verb's subject's.
        if (const auto own = possessor_subject(s, w); own && fits(*own, wanted)) return {*own};
        // "Israel's president, Isaac Herzog, said he looked forward": the subject of a
        // reported clause is, first of all, the speaker.
        if (const auto speaker = reporting_subject(s, w); speaker && fits(*speaker, wanted))
            return {*speaker};
        std::optional<std::size_t> best;
        int best_count = -1;
        std::set<std::size_t> seen;
        for (std::size_t m : fitting) {
            const std::size_t e = *resolved_.entity_of[m];
            if (!seen.insert(e).second || subject_of_own_clause(s, w, m)) continue;
            const int count = mentions_before(e, begin) + links_[e];
            if (count > best_count) {
                best = m;
                best_count = count;
            }
        }
        if (best) return {*best};
        return {};
    }

    // "it", "its": the subject of the nearest clause before it, when that subject is a body
    // or country, named or described ("the Russian government ... the tax bill it says");
    // none when it is anything else ("The firm has refused ... it has a deal"), since an
    // entity further back is then rarely meant. Pronoun subjects ("it", "they") are
    // stepped over: they continue the chain. A sentence that was not parsed is read as
    // before: its first body or country.
    std::vector<std::size_t> last_subject(std::size_t s, int w, const PronounAntecedents& found,
                                          std::size_t sentences_back) const {
        for (std::size_t back = 0; back <= sentences_back && back <= s; ++back) {
            const std::size_t here = s - back;
            if (!parsed_.has_syntax(here)) {
                for (std::size_t m : by_sentence_[here])
                    if (fits(m, Wanted::Thing)) return {m};
                continue;
            }
            const auto& words = parsed_.syntax[here].words;
            const int end = back == 0 ? w : static_cast<int>(words.size());
            for (int i = end; i-- > 0;) {
                const std::string& rel = words[static_cast<std::size_t>(i)].deprel;
                if (rel != "nsubj" && rel != "nsubj:pass") continue;
                const std::string form = lower_ascii(words[static_cast<std::size_t>(i)].form);
                if (form == "it" || form == "they" || form == "which" || form == "that") continue;
                if (const auto m = mention_at(here, i)) {
                    if (fits(*m, Wanted::Thing)) return {*m};
                    return {};
                }
                if (auto d = found[here].find(i); d != found[here].end() && d->second.size() == 1 &&
                                                  fits(d->second[0], Wanted::Thing))
                    return d->second;
                return {};
            }
        }
        return {};
    }

    // The mention that is the subject of the verb whose argument a possessive pronoun
    // qualifies ("Williams" for "her" in "Williams blamed her defeat").
    std::optional<std::size_t> possessor_subject(std::size_t s, int w) const {
        const auto& words = parsed_.syntax[s].words;
        const auto& pronoun = words[static_cast<std::size_t>(w)];
        int verb = -1;
        if (pronoun.deprel == "nmod:poss") {
            const int noun = pronoun.head - 1;
            if (noun < 0) return std::nullopt;
            const std::string& rel = words[static_cast<std::size_t>(noun)].deprel;
            if (rel != "obj" && rel.rfind("obl", 0) != 0) return std::nullopt;
            verb = words[static_cast<std::size_t>(noun)].head - 1;
        } else if ((pronoun.deprel == "obj" || pronoun.deprel == "iobj") &&
                   possessive_her(s, static_cast<std::size_t>(w))) {
            verb = pronoun.head - 1;  // "blamed her defeat" read as two objects
        }
        if (verb < 0) return std::nullopt;
        for (std::size_t i = 0; i < words.size(); ++i)
            if (words[i].head - 1 == verb && words[i].deprel == "nsubj")
                return mention_at(s, static_cast<int>(i));
        return std::nullopt;
    }

    // The speaker of the clause whose subject pronoun `w` is: "X said he ...", with X named
    // as the subject or in apposition to it ("Israel's president, Isaac Herzog, said").
    std::optional<std::size_t> reporting_subject(std::size_t s, int w) const {
        const auto& words = parsed_.syntax[s].words;
        const auto& pronoun = words[static_cast<std::size_t>(w)];
        if (pronoun.deprel != "nsubj" || pronoun.head <= 0) return std::nullopt;
        const auto& clause = words[static_cast<std::size_t>(pronoun.head - 1)];
        if (clause.deprel != "ccomp" || clause.head <= 0) return std::nullopt;
        const int verb = clause.head - 1;
        if (!lexicon_.is_reporting_verb(lower_ascii(words[static_cast<std::size_t>(verb)].lemma)))
            return std::nullopt;
        for (std::size_t i = 0; i < words.size(); ++i) {
            if (words[i].head - 1 != verb || words[i].deprel != "nsubj") continue;
            if (auto m = mention_at(s, static_cast<int>(i))) return m;
            for (std::size_t c = 0; c < words.size(); ++c)
                if (words[c].head - 1 == static_cast<int>(i) && words[c].deprel == "appos")
                    if (auto m = mention_at(s, static_cast<int>(c))) return m;
        }
        return std::nullopt;
    }

    // "her" followed by a noun or adjective ("her defeat", "her first title").
    bool possessive_her(std::size_t s, std::size_t w) const {
        const auto& words = parsed_.syntax[s].words;
        return lower_ascii(words[w].form) == "her" && w + 1 < words.size() &&
               (words[w + 1].upos == "NOUN" || words[w + 1].upos == "ADJ");
    }

    // "Rui Costa praised him": an object pronoun is never its own clause's subject.
    bool subject_of_own_clause(std::size_t s, int w, std::size_t m) const {
        if (mentions_[m].sentence != s || possessive_her(s, static_cast<std::size_t>(w)))
            return false;
        const auto& words = parsed_.syntax[s].words;
        const int verb = words[static_cast<std::size_t>(w)].head - 1;
        const std::string& rel = words[static_cast<std::size_t>(w)].deprel;
        if (verb < 0 || (rel != "obj" && rel != "iobj" && rel.rfind("obl", 0) != 0)) return false;
        for (std::size_t i = 0; i < words.size(); ++i)
            if (words[i].head - 1 == verb && words[i].deprel.rfind("nsubj", 0) == 0 &&
                mention_at(s, static_cast<int>(i)) == m)
                return true;
        return false;
    }

    // How many mentions of entity `e` the article has before byte `begin`.
    int mentions_before(std::size_t e, std::size_t begin) const {
        const auto& at = begins_[e];
        return static_cast<int>(std::lower_bound(at.begin(), at.end(), begin) - at.begin());
    }

    // The mention word `w` of sentence `s` lies in, if any.
    std::optional<std::size_t> mention_at(std::size_t s, int w) const {
        const auto& word = parsed_.syntax[s].words[w];
        for (std::size_t m : by_sentence_[s])
            if (word.begin >= mentions_[m].begin && word.end <= mentions_[m].end) return m;
        return std::nullopt;
    }

    // "the two leaders", "both countries": the last list of that kind; "the Russian leader":
    // the one person the article names head of that country; "the country", "the bloc": the
    // one entity of that kind named in the window, if only one is.
    std::vector<std::size_t> described(std::size_t s, int w) const {
        const auto& words = parsed_.syntax[s].words;
        if (mention_at(s, w)) return {};
        const auto type = lexicon_.reference_noun(lower_ascii(words[w].lemma));
        if (!type) return {};
        bool two = false, the = false, other = false;
        std::optional<std::size_t> country;  // a demonym's: "the Russian leader"
        for (std::size_t c = 0; c < words.size(); ++c) {
            if (words[c].head != w + 1) continue;
            const std::string l = lower_ascii(words[c].lemma);
            const std::string& rel = words[c].deprel;
            if ((rel == "nummod" && l == "two") || (l == "both" && rel != "cc")) {
                two = true;
            } else if (rel == "det" && l == "the") {
                the = true;
            } else if (rel == "amod") {
                const auto m = mention_at(s, static_cast<int>(c));
                if (m && mentions_[*m].type == EntityType::Country)
                    country = m;
                else if (!m)
                    continue;  // "the outgoing president": still the one
                else
                    other = true;
            } else if (rel != "punct" && rel != "case") {
                other = true;  // "the leaders of Japan", "the country's": not a plain reference
            }
        }
        const std::size_t begin = words[w].begin;
        if (two && words[w].xpos == "NNS") {
            for (std::size_t back = 0; back <= kSentencesBack && back <= s; ++back) {
                const auto& ms = by_sentence_[s - back];
                std::vector<std::size_t> last;
                for (std::size_t i = 0; i < ms.size(); ++i) {
                    auto list = list_from(ms, i);
                    if (!list.empty() && mentions_[list[0]].type == *type &&
                        (back > 0 || mentions_[list.back()].end <= begin))
                        last = list;
                }
                if (!last.empty()) return last;
            }
            // No list: "Mr. Xi ... Mr. Putin's visit ... the two leaders" are the two people
            // of that kind the window names, when it names exactly two.
            std::map<std::size_t, std::size_t> two_named;  // entity -> its last mention
            for (std::size_t back = 0; back <= kSentencesBack && back <= s; ++back)
                for (std::size_t m : by_sentence_[s - back])
                    if (mentions_[m].type == *type && (back > 0 || mentions_[m].end <= begin))
                        two_named.emplace(*resolved_.entity_of[m], m);
            if (two_named.size() != 2) return {};
            return {two_named.begin()->second, std::next(two_named.begin())->second};
        }
        // "the new British government as the war continues": a demonym names the country
        // whatever else hangs on the noun.
        if (the && country && *type == EntityType::Country && words[w].xpos == "NN")
            return {*country};
        if (!the || other || words[w].xpos != "NN") return {};
        if (country) {
            // "the Russian leader": the head of state, for a head's title only ("the Russian
            // man" is not Putin); "the Chinese government", "the Chinese side": the country.
            if (*type == EntityType::Country) return {*country};
            const std::vector<Token> title = {Token{0, 0, lower_ascii(words[w].lemma)}};
            const auto match = lexicon_.title_at(title, 0);
            if (*type != EntityType::Person || !match || match->role != Role::HeadOfState)
                return {};
            return head_of(*resolved_.entity_of[*country]);
        }
        // The only entity of that kind before it in its sentence, else in the window:
        // "... leaders in Niger must reinstate the country's president". News names an
        // agreement once and calls it "the deal" paragraphs later: a wider window.
        std::set<std::size_t> entities;
        std::size_t last = 0;
        const std::size_t window =
            *type == EntityType::Agreement ? kAgreementSentencesBack : kSentencesBack;
        for (std::size_t back = 0; back <= window && back <= s; ++back) {
            for (std::size_t m : by_sentence_[s - back])
                if (mentions_[m].type == *type && (back > 0 || mentions_[m].end <= begin)) {
                    entities.insert(*resolved_.entity_of[m]);
                    last = m;
                }
            if (back == 0 && entities.size() == 1) return {last};
        }
        if (entities.size() == 1) return {last};
        return {};
    }

    // The one person the article titles head of state or government of `country`.
    std::vector<std::size_t> head_of(std::size_t country) const {
        std::set<std::size_t> people;
        std::size_t any = 0;
        for (std::size_t m = 0; m < mentions_.size(); ++m) {
            if (!resolved_.entity_of[m] || mentions_[m].role != Role::HeadOfState ||
                parsed_.sentences[mentions_[m].sentence].furniture)
                continue;
            for (std::size_t h : mentions_[m].role_of)
                if (resolved_.entity_of[h] && *resolved_.entity_of[h] == country) {
                    people.insert(*resolved_.entity_of[m]);
                    any = m;
                }
        }
        if (people.size() == 1) return {any};
        return {};
    }

    const ParsedDocument& parsed_;
    const Lexicon& lexicon_;
    const std::vector<Mention>& mentions_;
    const ResolvedMentions& resolved_;
    std::vector<std::vector<std::size_t>> by_sentence_;  // mentions naming an entity
    std::vector<char> sex_;                              // by entity: 'm', 'f', 0 unknown, '?'
    std::vector<std::vector<std::size_t>> begins_;       // by entity: its mentions' bytes
    mutable std::vector<int> links_;                     // by entity: pronouns read as it so far
};

}  // namespace

bool is_third_person_pronoun(std::string_view lower) {
    return wanted_by(lower).has_value();
}

TreesRead trees_read_by_pronouns(const nlp::ParsedSentence& tagged, const Lexicon& lexicon) {
    static_assert(kPronounTreesBack == kSentencesBack);
    TreesRead read;
    for (const nlp::Word& w : tagged.words) {
        const std::string form = lower_ascii(w.form);
        const auto wanted = w.xpos == "PRP" || w.xpos == "PRP$" ? wanted_by(form) : std::nullopt;
        if (wanted) {
            read.own = true;
            read.earlier = read.earlier || wanted == Wanted::Thing;
        } else if (form == "both" ||
                   (w.upos == "NOUN" && lexicon.reference_noun(lower_ascii(w.lemma)))) {
            read.own = true;
        }
    }
    return read;
}

PronounAntecedents resolve_pronouns(const ParsedDocument& parsed,
                                    const std::vector<Mention>& mentions,
                                    const ResolvedMentions& resolved, const Lexicon& lexicon) {
    return PronounResolver(parsed, mentions, resolved, lexicon).resolve();
}

}  // namespace newsgraph
