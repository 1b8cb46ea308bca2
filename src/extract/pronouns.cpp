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
          sex_(resolved.entities.size(), 0) {
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
            for (std::size_t w = 0; w < words.size(); ++w) {
                if (words[w].begin == nlp::kNoOffset) continue;  // a word read from CoNLL-U
                std::vector<std::size_t> found;
                if (words[w].xpos == "PRP" || words[w].xpos == "PRP$") {
                    // A possessive ("his visit", "their meeting") is read only in its own
                    // sentence: across sentences it was wrong more often than right on news
                    // (data/rule_checks/bbc.tsv, rule coreference).
                    const bool possessive = words[w].xpos == "PRP$";
                    if (const auto wanted = wanted_by(lower_ascii(words[w].form)))
                        found =
                            antecedent(s, words[w].begin, *wanted, possessive ? 0 : kSentencesBack);
                } else if (words[w].upos == "NOUN") {
                    found = described(s, static_cast<int>(w));
                }
                if (!found.empty()) out[s][static_cast<int>(w)] = std::move(found);
            }
        }
        return out;
    }

  private:
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

    std::vector<std::size_t> antecedent(std::size_t s, std::size_t begin, Wanted wanted,
                                        std::size_t sentences_back) const {
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
        // In the pronoun's own sentence, the nearest before it: "Putin said he would".
        // "It" is a body or country that acts, not a word qualifying another noun: in "US oil
        // giant Exxon said it", "it" is not the US.
        const bool thing = wanted == Wanted::Thing;
        const auto& here = by_sentence_[s];
        for (std::size_t i = here.size(); i-- > 0;)
            if (mentions_[here[i]].end <= begin && fits(here[i], wanted) &&
                !(thing && role_of_head(here[i]) == Syntax::Modifier))
                return {here[i]};
        // In the sentences before, the first named: the subject, as a rule (for "it", only
        // a subject where the sentence was parsed: the first body named is often a place or
        // an owner).
        for (std::size_t back = 1; back <= sentences_back && back <= s; ++back)
            for (std::size_t m : by_sentence_[s - back])
                if (fits(m, wanted) && !(thing && role_of_head(m) != Syntax::Subject &&
                                         role_of_head(m) != Syntax::Unknown))
                    return {m};
        return {};
    }

    enum class Syntax { Subject, Modifier, Other, Unknown };

    // The syntactic role of a mention's head word (the word whose head lies outside it).
    Syntax role_of_head(std::size_t m) const {
        const std::size_t s = mentions_[m].sentence;
        if (!parsed_.has_syntax(s)) return Syntax::Unknown;
        const auto& words = parsed_.syntax[s].words;
        auto inside = [&](std::size_t i) {
            return words[i].begin != nlp::kNoOffset && words[i].begin >= mentions_[m].begin &&
                   words[i].end <= mentions_[m].end;
        };
        for (std::size_t i = 0; i < words.size(); ++i) {
            if (!inside(i)) continue;
            const int h = words[i].head - 1;
            if (h >= 0 && inside(static_cast<std::size_t>(h))) continue;
            const std::string& rel = words[i].deprel;
            if (rel == "nsubj" || rel == "nsubj:pass") return Syntax::Subject;
            if (rel == "compound" || rel == "amod" || rel == "nmod:poss" || rel == "nmod:desc")
                return Syntax::Modifier;
            return Syntax::Other;
        }
        return Syntax::Unknown;
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
};

}  // namespace

bool is_third_person_pronoun(std::string_view lower) {
    return wanted_by(lower).has_value();
}

PronounAntecedents resolve_pronouns(const ParsedDocument& parsed,
                                    const std::vector<Mention>& mentions,
                                    const ResolvedMentions& resolved, const Lexicon& lexicon) {
    return PronounResolver(parsed, mentions, resolved, lexicon).resolve();
}

}  // namespace newsgraph
