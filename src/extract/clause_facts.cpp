#include "src/extract/clause_facts.hpp"

#include <algorithm>
#include <cctype>
#include <string>
#include <string_view>

#include "src/extract/name_parties.hpp"
#include "src/nlp/dateline.hpp"

namespace newsgraph {
namespace {

constexpr std::size_t kNone = static_cast<std::size_t>(-1);
// Deeper chains of control and coordination than this are parse errors more often than prose.
constexpr int kMaxClimb = 4;
constexpr std::size_t kMaxConjuncts = 12;
// Words from a title to the name it precedes: "Secretary of State Antony Blinken".
constexpr int kTitleSpan = 5;

using Slot = FrameSlot;
using K = FrameSlot::Kind;

// One end of a fact as found: the mentions and the construction that found them.
struct Found {
    std::vector<std::size_t> mentions;
    std::string rule;
};

class ClauseReader {
  public:
    ClauseReader(const nlp::ParsedSentence& tree, std::size_t index,
                 const std::vector<Mention>& mentions, const std::vector<std::size_t>& in_sentence,
                 const std::map<int, std::vector<std::size_t>>& antecedents, const Frames& frames,
                 std::vector<MentionFact>& out)
        : w_(tree.words),
          index_(index),
          mentions_(mentions),
          antecedents_(antecedents),
          frames_(frames),
          out_(out),
          children_(tree.words.size()),
          mention_at_(tree.words.size(), kNone) {
        for (std::size_t i = 0; i < w_.size(); ++i)
            if (int h = head(static_cast<int>(i)); h >= 0 && h < static_cast<int>(w_.size()))
                children_[h].push_back(static_cast<int>(i));
        // A word belongs to the mention whose bytes it lies in ("Saudi", "Arabia"); a
        // dateline's ("ABUJA, Nigeria -") to none: it says where the story was filed.
        for (std::size_t m : in_sentence)
            for (std::size_t i = nlp::dateline_length(w_); i < w_.size(); ++i)
                if (w_[i].begin != nlp::kNoOffset && w_[i].begin >= mentions[m].begin &&
                    w_[i].end <= mentions[m].end && mention_at_[i] == kNone)
                    mention_at_[i] = m;
    }

    void read() {
        if (w_.empty() || question()) return;
        for (std::size_t i = 0; i < w_.size(); ++i) {
            const int t = static_cast<int>(i);
            // "Security Council", "Paris Agreement" name no event; an agreement named by its
            // head ("their strategic partnership") still states one, between its parties.
            if (mention_at_[i] != kNone && mentions_[mention_at_[i]].type != EntityType::Agreement)
                continue;
            const bool noun = w_[i].upos == "NOUN";
            if (noun) titled_apposition(t);
            if (!noun && w_[i].upos != "VERB") continue;
            const auto& frames = frames_.of(lower(t), noun);
            if (frames.empty()) continue;
            const bool event_hedged = hedged(t, noun, false);
            if (event_hedged && hedged(t, noun, true)) continue;
            for (const Frame& frame : frames) {
                if (event_hedged && !is_stance(frame.relation)) continue;
                if (has_particle(t, frame) && apply(t, frame)) break;  // the first that fits
            }
        }
    }

  private:
    // "the country's elected president, Mohamed Bazoum": a head of state's title whose
    // country the mention finder could not name (a description, a pronoun) leads the country
    // its possessor stands for.
    void titled_apposition(int x) {
        // The name after the title and its comma (the mention finder read the title as
        // the name's: Mention::title), however the parser attached it.
        int c = x + 1;
        if (c < static_cast<int>(w_.size()) && w_[c].form == ",") ++c;
        if (c < static_cast<int>(w_.size()) && mention_at_[c] != kNone) {
            const std::size_t p = mention_at_[c];
            const Mention& person = mentions_[p];
            if (person.type != EntityType::Person || person.role != Role::HeadOfState ||
                !person.role_of.empty() || w_[c].begin != person.begin ||
                person.title.find(w_[x].form) == std::string::npos)
                return;
            through_pronoun_ = false;
            antecedent_sentence_ = MentionFact::kNoAntecedent;
            for (int d : children_[x])
                if (rel(d) == "nmod:poss")
                    for (std::size_t country : resolve(d))
                        if (mentions_[country].type == EntityType::Country)
                            emit(p, country, Relation::leader_of, "",
                                 through_pronoun_ ? "coreference" : "apposition");
        }
    }

    void emit(std::size_t s, std::size_t o, Relation r, const std::string& cameo,
              const std::string& rule) {
        MentionFact f{s, o, r, index_, cameo, frames_.confidence(rule), rule};
        f.antecedent_sentence = antecedent_sentence_;
        out_.push_back(std::move(f));
    }

    int head(int i) const { return w_[i].head - 1; }  // -1: the root
    std::string_view rel(int i) const { return w_[i].deprel; }
    std::string lower(int i) const { return lower_ascii(w_[i].lemma); }
    bool is_verb_form(int i, std::string_view xpos) const { return w_[i].xpos == xpos; }

    bool question() const {
        for (std::size_t i = w_.size(); i-- > 0;)
            if (w_[i].upos != "PUNCT" || w_[i].form == "?") return w_[i].form == "?";
        return false;
    }

    // "such as" -> "such_as": a dependent's preposition, with its fixed parts.
    std::string preposition(int i) const {
        for (int c : children_[i])
            if (rel(c) == "case") {
                std::string p = lower(c);
                for (int f : children_[c])
                    if (rel(f) == "fixed") p += "_" + lower(f);
                return p;
            }
        return "";
    }

    bool has_particle(int t, const Frame& frame) const {
        if (frame.particle.empty()) return true;
        return std::any_of(children_[t].begin(), children_[t].end(), [&](int c) {
            return (rel(c) == "compound:prt" || rel(c) == "advmod") && lower(c) == frame.particle;
        });
    }

    bool is_relative_pronoun(int i) const {
        const std::string l = lower(i);
        return (w_[i].xpos == "WDT" || w_[i].xpos == "WP") &&
               (l == "which" || l == "who" || l == "whom" || l == "that");
    }

    // A passive's actor: "by the United States".
    int agent_of(int v) const {
        for (int c : children_[v])
            if (rel(c) == "obl:agent" || (rel(c) == "obl" && preposition(c) == "by")) return c;
        return -1;
    }

    bool passive(int v) const {
        if (rel(v) == "acl" && is_verb_form(v, "VBN")) return true;  // "the plan put forward by"
        // "welcomed the accord proposed by Latvia", read as a predicate of the object.
        if (rel(v) == "xcomp" && is_verb_form(v, "VBN") && agent_of(v) >= 0) return true;
        return std::any_of(children_[v].begin(), children_[v].end(),
                           [&](int c) { return rel(c) == "nsubj:pass" || rel(c) == "aux:pass"; });
    }

    // The word and its coordinated words: "Brazil, Russia, India, China and South Africa".
    std::vector<int> conjuncts(int a) const {
        std::vector<int> out = {a};
        for (std::size_t k = 0; k < out.size() && out.size() < kMaxConjuncts; ++k)
            for (int c : children_[out[k]])
                if (rel(c) == "conj" && out.size() < kMaxConjuncts) out.push_back(c);
        return out;
    }

    // The mention a word stands for: its own; or, for a title the parser made the head of
    // a person's name ("US Secretary of State Antony Blinken", "US ally Fumio Kishida") or
    // left beside it ("met Chinese leader Xi Jinping"), the person.
    std::size_t entity_word(int x) const {
        if (mention_at_[x] != kNone) return titled_by(mention_at_[x], x);
        if (w_[x].upos != "NOUN" && w_[x].upos != "PROPN") return kNone;
        for (int k = x + 1; k < static_cast<int>(w_.size()) && k <= x + kTitleSpan; ++k) {
            const std::size_t m = mention_at_[k];
            if (m == kNone) continue;
            const Mention& person = mentions_[m];
            if (person.type != EntityType::Person || w_[k].begin != person.begin) return kNone;
            const bool titled = person.title.find(w_[x].form) != std::string::npos;
            if ((titled && descends(k, x)) || (rel(k) == "appos" && head(k) == x) ||
                (titled && k == x + 1))
                return m;
            return kNone;
        }
        return kNone;
    }

    // The person whose title mention `m` (at word `x`) is the holder of, when the title and
    // name follow it: "thanked IMF Managing Director Kristalina Georgieva" thanks her, however
    // the parser hung the words; otherwise `m`.
    std::size_t titled_by(std::size_t m, int x) const {
        if (mentions_[m].type == EntityType::Person) return m;
        for (int k = x + 1; k < static_cast<int>(w_.size()) && k <= x + kTitleSpan; ++k) {
            const std::size_t p = mention_at_[k];
            if (p == m) continue;
            if (p == kNone) {
                if (w_[k].upos == "PUNCT") return m;
                continue;
            }
            const Mention& person = mentions_[p];
            const bool holds =
                std::find(person.role_of.begin(), person.role_of.end(), m) != person.role_of.end();
            return person.type == EntityType::Person && holds && w_[k].begin == person.begin ? p
                                                                                             : m;
        }
        return m;
    }

    bool descends(int k, int ancestor) const {
        for (int steps = 0; k >= 0 && steps < kTitleSpan; ++steps, k = head(k))
            if (k == ancestor) return true;
        return false;
    }

    // The mentions a dependent stands for, across coordination; with `or_possessor`, the
    // possessor of a dependent that names none ("criticised China's stance").
    std::vector<std::size_t> resolve(int a, bool or_possessor = false) const {
        std::vector<std::size_t> out;
        auto add = [&](std::size_t m) {
            if (m != kNone && std::find(out.begin(), out.end(), m) == out.end()) out.push_back(m);
        };
        for (int x : conjuncts(a)) {
            const std::size_t m = entity_word(x);
            if (auto it = antecedents_.find(x); m == kNone && it != antecedents_.end()) {
                for (std::size_t antecedent : it->second) {
                    add(antecedent);
                    if (mentions_[antecedent].sentence != index_ &&
                        antecedent_sentence_ == MentionFact::kNoAntecedent)
                        antecedent_sentence_ = mentions_[antecedent].sentence;
                }
                through_pronoun_ = true;
            } else if (m != kNone) {
                add(m);
            } else if (w_[x].upos == "NOUN" && w_[x].xpos == "NNS" &&
                       std::any_of(children_[x].begin(), children_[x].end(),
                                   [&](int c) { return rel(c) == "appos"; })) {
                // "the friendly countries, particularly Saudi Arabia, China and the UAE"
                for (int c : children_[x])
                    if (rel(c) == "appos")
                        for (int y : conjuncts(c)) add(entity_word(y));
            } else if (or_possessor) {
                // "Sweden's NATO bid" is Sweden's; "the Chinese proposal" China's.
                bool possessed = false;
                for (int c : children_[x])
                    if (rel(c) == "nmod:poss" && entity_word(c) != kNone) {
                        add(entity_word(c));
                        possessed = true;
                    }
                for (int c : children_[x])
                    if (!possessed && (rel(c) == "amod" || rel(c) == "compound"))
                        add(entity_word(c));
            }
        }
        return out;
    }

    std::vector<std::size_t> dependents(int v, std::string_view deprel, bool or_possessor = false,
                                        std::string_view prep = {}) const {
        std::vector<std::size_t> out;
        for (int c : children_[v]) {
            const bool match =
                rel(c) == deprel || (deprel == "obl" && rel(c).rfind("obl", 0) == 0 &&
                                     rel(c) != "obl:tmod" && rel(c) != "obl:agent");
            if (!match || (!prep.empty() && preposition(c) != prep)) continue;
            for (std::size_t m : resolve(c, or_possessor))
                if (std::find(out.begin(), out.end(), m) == out.end()) out.push_back(m);
        }
        return out;
    }

    // Who does what verb `v` states: its subject, or a passive's agent; else the subject it
    // shares with the clause above (control, coordination, participle), or the noun a
    // relative clause modifies.
    Found subject_of(int v, int depth = 0) const {
        if (depth > kMaxClimb) return {};
        if (passive(v)) {
            const int agent = agent_of(v);
            return agent >= 0 ? Found{resolve(agent), "passive"} : Found{};
        }
        for (int c : children_[v]) {
            if (rel(c) != "nsubj") continue;
            if (is_relative_pronoun(c) && rel(v) == "acl:relcl" && head(v) >= 0)
                return {resolve(head(v)), "relative"};
            // "he"/"she" are read by coreference alone (it knows who is a man or a woman);
            // "they" and "it" after a reporting verb are its speaker when nothing else is.
            if (w_[c].xpos == "PRP" && !antecedents_.count(c)) {
                Found who = speaker(v, c, depth);
                if (!who.mentions.empty()) return who;
            }
            return {resolve(c), "clause"};
        }
        // "where both hold a veto": a pronoun "both" the parser took for a conjunction's
        // first word is the subject coreference read it as (pronouns.cpp).
        for (int c : children_[v])
            if (rel(c) == "cc:preconj" && lower(c) == "both" && antecedents_.count(c))
                return {resolve(c), "coreference"};
        const int h = head(v);
        if (h < 0) return {};
        const std::string_view r = rel(v);
        if (r == "xcomp" || (r == "acl" && w_[h].upos == "NOUN")) {
            // "urged Iran to sign" (object control, a verb that takes it), "agreed to restore"
            // and "left Newcastle to join" (subject control), "Sweden's bid to join"
            if (r == "acl" || frames_.is_object_control_verb(lower(h)))
                for (int c : children_[h])
                    if (rel(c) == "obj" || rel(c) == "nmod:poss")
                        return {resolve(c), "object-control"};
            // "made a point of thanking": the noun of a support verb shares its subject.
            if (r == "acl" && (rel(h) == "obj" || rel(h) == "xcomp") && head(h) >= 0 &&
                frames_.is_support_verb(lower(head(h)))) {
                Found f = subject_of(head(h), depth + 1);
                if (!f.mentions.empty()) f.rule = "control";
                return f;
            }
            // "The CMA was the first regulator to object": an infinitive on a ranked noun
            // that a copula predicates of a subject is that subject's.
            if (r == "acl" && ranked_predicate(h))
                for (int c : children_[h])
                    if (rel(c) == "nsubj") return {resolve(c), "control"};
            if (r == "acl") return {};
            Found f = subject_of(h, depth + 1);
            if (!f.mentions.empty()) f.rule = "control";
            return f;
        }
        // "thanked Sunak for helping Ukraine", "criticised Russia for invading": the reason
        // given for an act on someone is their deed.
        if (r == "advcl" && is_verb_form(v, "VBG") &&
            std::any_of(children_[v].begin(), children_[v].end(),
                        [&](int c) { return rel(c) == "mark" && lower(c) == "for"; }))
            for (int c : children_[h])
                if (rel(c) == "obj") return {resolve(c), "object-control"};
        // "landed in Kyiv to meet", "joining Brazil": a non-finite adverbial clause's subject
        // is the main clause's; "after he met" has its own.
        const bool non_finite_adverbial =
            r == "advcl" &&
            std::all_of(children_[v].begin(), children_[v].end(),
                        [&](int c) { return rel(c) != "mark" || lower(c) == "to"; }) &&
            (is_verb_form(v, "VBG") || is_verb_form(v, "VBN") || is_verb_form(v, "VB"));
        if (r == "conj" || non_finite_adverbial) {
            Found f = subject_of(h, depth + 1);
            if (f.rule == "clause") f.rule = "shared-subject";
            return f;
        }
        if (r == "acl" && is_verb_form(v, "VBG")) return {resolve(h), "relative"};
        // "Ukraine's president, Volodymyr Zelenskiy, congratulated Starmer": a finite verb the
        // parser hung on its subject as an apposition after the commas.
        const bool has_object = std::any_of(children_[v].begin(), children_[v].end(),
                                            [&](int c) { return rel(c) == "obj"; });
        if (r == "appos" &&
            (is_verb_form(v, "VBD") || is_verb_form(v, "VBZ") ||
             (is_verb_form(v, "VBN") && has_object)) &&
            (w_[h].upos == "NOUN" || w_[h].upos == "PROPN"))
            return {resolve(h), "clause"};
        return {};
    }

    // "China and Russia say they oppose NATO": a pronoun subject of a reported clause is its
    // speaker when they agree in number and kind ("they" a list, a body or a country; "it"
    // one body or country). "he", "she" and the rest are left to coreference.
    Found speaker(int v, int pronoun, int depth) const {
        const int h = head(v);
        if (rel(v) != "ccomp" || h < 0) return {};
        // A probe: what it resolves is dropped unless the pronoun agrees.
        const bool through_pronoun = through_pronoun_;
        Found who = subject_of(h, depth + 1);
        through_pronoun_ = through_pronoun;
        if (who.rule != "clause" || who.mentions.empty()) return {};
        const std::string p = lower(pronoun);
        const EntityType first = mentions_[who.mentions[0]].type;
        const bool body = first == EntityType::Country || first == EntityType::Organisation;
        const bool plural = who.mentions.size() > 1 || body;
        const bool one_body = who.mentions.size() == 1 && body;
        if ((p == "they" && plural) || (p == "it" && one_body))
            return {who.mentions, "reported-speaker"};
        return {};
    }

    // What verb `v` acts on: its object, or a passive's subject (or the noun a passive
    // participle modifies).
    std::vector<std::size_t> object_of(int v, bool or_possessor) const {
        if (!passive(v)) {
            std::vector<std::size_t> out = dependents(v, "obj", or_possessor);
            // "oppose NATO as well as AUKUS": the parser often hangs the second object on
            // the verb as an oblique.
            for (int c : children_[v])
                if (!out.empty() && rel(c).rfind("obl", 0) == 0 && as_well_as(c))
                    for (std::size_t m : resolve(c, or_possessor))
                        if (std::find(out.begin(), out.end(), m) == out.end()) out.push_back(m);
            return out;
        }
        for (int c : children_[v])
            if (rel(c) == "nsubj:pass") {
                if (is_relative_pronoun(c) && rel(v) == "acl:relcl" && head(v) >= 0)
                    return resolve(head(v), or_possessor);
                return resolve(c, or_possessor);
            }
        if (rel(v) == "acl" && head(v) >= 0) return resolve(head(v), or_possessor);
        if (rel(v) == "xcomp" && head(v) >= 0) return dependents(head(v), "obj", or_possessor);
        return {};
    }

    bool as_well_as(int x) const {
        for (int c : children_[x])
            if (rel(c) == "cc" && lower(c) == "as")
                for (int f : children_[c])
                    if (rel(f) == "fixed" && lower(f) == "well") return true;
        return false;
    }

    // The parties of a nominal event: "talks between X and Y", "a summit involving A and B".
    std::vector<std::size_t> parties(int n) const {
        std::vector<std::size_t> out = dependents(n, "nmod", false, "between");
        // "between" takes two: when the parser hung "and Y" elsewhere ("The talks between X
        // and Y resumed" read with two subjects), Y is the word after "and".
        if (out.size() == 1) {
            std::size_t last = 0;
            for (std::size_t i = 0; i < w_.size(); ++i)
                if (mention_at_[i] == out[0]) last = i;
            if (last + 2 < w_.size() && lower(static_cast<int>(last) + 1) == "and") {
                const std::size_t other = entity_word(static_cast<int>(last) + 2);
                if (other != kNone && other != out[0]) out.push_back(other);
            }
        }
        for (std::size_t m : dependents(n, "nmod", false, "among")) out.push_back(m);
        for (int c : children_[n])
            if (rel(c) == "acl" && is_verb_form(c, "VBG"))
                for (std::size_t m : dependents(c, "obj")) out.push_back(m);
        return out;
    }

    // "the first regulator", "the only country" predicated by a copula: a rank among those
    // who did something, the subject being the one that did.
    bool ranked_predicate(int n) const {
        bool copula = false, ranked = false;
        for (int c : children_[n]) {
            copula = copula || rel(c) == "cop";
            const std::string l = lower(c);
            ranked = ranked || (rel(c) == "amod" && (l == "first" || l == "last" || l == "only" ||
                                                     l == "second" || l == "third" || l == "next"));
        }
        return copula && ranked;
    }

    // "Putin is in China this week for a state visit": an event noun of purpose on the place
    // a copula puts its subject in, whose subject is the event's and the place its end.
    bool purpose_of_stay(int t) const {
        if (rel(t) != "obl" || head(t) < 0 || preposition(t) != "for") return false;
        bool copula = false, in = false;
        for (int c : children_[head(t)]) {
            copula = copula || rel(c) == "cop";
            in = in || (rel(c) == "case" && (lower(c) == "in" || lower(c) == "at"));
        }
        return copula && in;
    }

    // "described Putin as an old friend", "called Japan a close ally", "referred to Putin
    // as his friend": a noun a verb says its object is.
    bool predicated_of_object(int t) const {
        if (head(t) < 0 || w_[head(t)].upos != "VERB") return false;
        return (rel(t) == "obl" && preposition(t) == "as") || rel(t) == "xcomp";
    }

    // The parties an agreement noun's modifiers name, all together: "Microsoft's takeover of
    // Activision", "the US-China trade deal", "Iran's deal with the EU".
    std::vector<std::size_t> name_parties(int n) const {
        std::vector<std::size_t> out;
        for (int x : name_party_words(w_, children_, n))
            for (std::size_t m : resolve(x)) {
                if (!may_be_party(mentions_[m])) continue;
                if (std::find(out.begin(), out.end(), m) == out.end()) out.push_back(m);
            }
        return out;
    }

    Found fill(int t, const Frame& frame, const Slot& slot) const {
        const bool poss = slot.or_possessor;
        switch (slot.kind) {
            case K::Subject:
                if (frame.noun) return {dependents(t, "nsubj"), "nominal"};
                return subject_of(t);
            case K::Object:
                return {object_of(t, poss), ""};
            case K::IndirectObject:
                return {dependents(t, "iobj", poss), ""};
            case K::Oblique: {
                Found f{dependents(t, "obl", poss, slot.preposition), ""};
                // "approved a loan for Pakistan": the object may take the verb's oblique;
                // "Later in the statement, X says": an adverb may take it too.
                for (int c : children_[t])
                    if (f.mentions.empty() && (rel(c) == "obj" || rel(c) == "xcomp"))
                        f.mentions = dependents(c, "nmod", poss, slot.preposition);
                for (int c : children_[t])
                    if (f.mentions.empty() && rel(c) == "advmod")
                        f.mentions = dependents(c, "obl", poss, slot.preposition);
                return f;
            }
            case K::Modifier: {
                Found f{dependents(t, "nmod", poss, slot.preposition), ""};
                // "paid a visit to Moscow": the verb may take the noun's modifier.
                if (f.mentions.empty() && rel(t) == "obj" && head(t) >= 0)
                    f.mentions = dependents(head(t), "obl", poss, slot.preposition);
                // "sanctions by the US targeting X": an active participle has no agent, so a
                // "by" the parser gave it is its noun's.
                if (f.mentions.empty() && slot.preposition == "by")
                    for (int c : children_[t])
                        if (rel(c) == "acl" && is_verb_form(c, "VBG"))
                            f.mentions = dependents(c, "obl:agent", poss);
                // "is in China for a state visit": the place the visit is to.
                if (f.mentions.empty() && purpose_of_stay(t)) f.mentions = resolve(head(t));
                return f;
            }
            case K::Possessor:
                return {dependents(t, "nmod:poss"), "nominal"};
            case K::Compound:
                return {dependents(t, "compound"), "nominal"};
            case K::Adjective:
                return {dependents(t, "amod"), "nominal"};
            case K::Apposition: {
                // "the AUKUS security pact - a deal involving A, B and C": with /poss, a
                // description in apposition stands for the name before its noun.
                Found f{dependents(t, "appos", poss), "apposition"};
                if (f.mentions.empty() && rel(t) == "appos" && head(t) >= 0)
                    f.mentions = resolve(head(t), poss);
                return f;
            }
            case K::ParticipleObject: {
                // "sanctions targeting Chinese firms", "a resolution condemning Russia"
                Found f;
                for (int c : children_[t])
                    if (rel(c) == "acl" && is_verb_form(c, "VBG"))
                        for (std::size_t m : dependents(c, "obj", poss)) f.mentions.push_back(m);
                return f;
            }
            case K::VerbSubject: {
                if (purpose_of_stay(t)) return {subject_of(head(t)).mentions, "nominal"};
                // "Xi's vow of solidarity": a support noun's possessor.
                if (rel(t) == "nmod" && preposition(t) == "of" && head(t) >= 0 &&
                    w_[head(t)].upos == "NOUN" && frames_.is_support_noun(lower(head(t))))
                    return {dependents(head(t), "nmod:poss"), "light-verb"};
                const std::string_view r = rel(t);
                if (head(t) < 0) return {};
                const bool object = (r == "obj" || r == "xcomp" || r == "nsubj:pass") &&
                                    frames_.is_support_verb(lower(head(t)));
                // "recommits to ties with Moscow": a support verb with its preposition
                const bool oblique = r == "obl" && w_[head(t)].upos == "VERB" &&
                                     frames_.is_support_verb(lower(head(t)) + " " + preposition(t));
                if (!object && !oblique) return {};
                Found f = subject_of(head(t));
                if (!f.mentions.empty()) f.rule = "light-verb";
                return f;
            }
            case K::PredicateSubject:
                if (!predicated_of_object(t)) return {};
                return subject_of(head(t));
            case K::PredicateObject: {
                if (!predicated_of_object(t)) return {};
                Found f{object_of(head(t), poss), ""};
                if (f.mentions.empty()) f.mentions = dependents(head(t), "obl", poss, "to");
                return f;
            }
            case K::AsHolder: {
                // "Japan's responsibility as chair of the G7", "Japan, as chair of the G7,
                // said": the office's holder
                if (head(t) < 0 || preposition(t) != "as") return {};
                if (rel(t) == "nmod") return {dependents(head(t), "nmod:poss"), "nominal"};
                if (rel(t) == "appos") return {resolve(head(t)), "apposition"};
                if (rel(t) == "obl" && !predicated_of_object(t)) return subject_of(head(t));
                return {};
            }
            case K::Parties:
                return {parties(t), "nominal"};
            case K::NameParties:  // "a deal", not the "Deal" of a name
                if (!std::islower(static_cast<unsigned char>(w_[t].form[0]))) return {};
                return {name_parties(t), "nominal"};
            case K::Itself:
                if (mention_at_[t] == kNone) return {};
                return {{mention_at_[t]}, ""};
            case K::EachOther:
                return {};
        }
        return {};
    }

    Found first_filled(int t, const Frame& frame, const std::vector<Slot>& slots) const {
        for (const Slot& slot : slots) {
            Found f = fill(t, frame, slot);
            if (!f.mentions.empty()) return f;
        }
        return {};
    }

    // Emits the frame's facts at trigger `t`; false when it states none between entities of
    // the types its relation joins.
    bool apply(int t, const Frame& frame) {
        through_pronoun_ = false;
        antecedent_sentence_ = MentionFact::kNoAntecedent;
        const Found source = first_filled(t, frame, frame.source);
        if (source.mentions.empty()) return false;
        Found target = first_filled(t, frame, frame.target);
        // "met X and Y to talk" names no talks between X and Y: parties found by object
        // control are not each other's.
        const bool each_other = target.mentions.empty() && source.rule != "object-control" &&
                                std::any_of(frame.target.begin(), frame.target.end(),
                                            [](const Slot& s) { return s.kind == K::EachOther; });
        std::string rule = source.rule.empty() ? (frame.noun ? "nominal" : "clause") : source.rule;
        if (each_other) {
            target.mentions = source.mentions;
            rule = "each-other";
        }
        if (through_pronoun_) rule = "coreference";
        bool any = false;
        // "Chile and Peru deepened their strategic partnership": parties to the agreement
        // the trigger names.
        const std::size_t named = mention_at_[t];
        const bool to_itself = std::any_of(frame.target.begin(), frame.target.end(),
                                           [](const Slot& s) { return s.kind == K::Itself; });
        if (named != kNone && !to_itself)
            for (std::size_t s : source.mentions)
                if (s != named &&
                    fits_schema(Relation::party_to, mentions_[s].type, EntityType::Agreement)) {
                    emit(s, named, Relation::party_to, "057", rule);
                    any = true;
                }
        for (std::size_t a = 0; a < source.mentions.size(); ++a)
            for (std::size_t b = each_other ? a + 1 : 0; b < target.mentions.size(); ++b) {
                const std::size_t s = source.mentions[a], o = target.mentions[b];
                if (s == o || !fits_schema(frame.relation, mentions_[s].type, mentions_[o].type))
                    continue;
                emit(s, o, frame.relation, frame.cameo, rule);
                any = true;
            }
        return any;
    }

    // Relations that state a stance rather than an event: a plan or a wish to act on one
    // already shows it ("intends to support Togo" supports it; "intends to visit" is no
    // visit).
    static bool is_stance(Relation r) {
        return r == Relation::supports || r == Relation::cooperates_with ||
               r == Relation::criticizes;
    }

    // Whether the text takes back what trigger `t` states: negated, modal, conditional, or
    // only wanted, planned or refused (data/hedges.tsv). For a `stance`, wanting or planning
    // does not.
    bool hedged(int t, bool noun, bool stance) const {
        auto takes_back = [&](int x, bool negated_too = true) {
            // "is to visit": a plan, not a fact.
            bool to = false, be = false;
            for (int c : children_[x]) {
                to = to || (rel(c) == "mark" && lower(c) == "to");
                be = be || ((rel(c) == "cop" || rel(c) == "aux") && lower(c) == "be");
            }
            if (to && be) return true;
            for (int c : children_[x]) {
                const std::string l = lower(c);
                if (negated_too &&
                    (rel(c) == "advmod" || rel(c) == "det" || rel(c) == "cc:preconj") &&
                    frames_.is_hedge(l, HedgeKind::Negation))
                    return true;
                if (rel(c).rfind("aux", 0) == 0 && frames_.is_hedge(l, HedgeKind::Modal))
                    return true;
                // "Neither China nor Russia has ratified": a denied subject.
                if (rel(c).rfind("nsubj", 0) == 0)
                    for (int s : conjuncts(c))
                        for (int d : children_[s])
                            if ((rel(d) == "cc:preconj" || rel(d) == "cc" || rel(d) == "det") &&
                                frames_.is_hedge(lower(d), HedgeKind::Negation))
                                return true;
            }
            return false;
        };
        int x = t;
        if (takes_back(x)) return true;
        // "the possible takeover", "a proposed merger": a noun's modifier may take it back.
        if (noun)
            for (int c : children_[t])
                if (rel(c) == "amod" && frames_.is_hedge(lower(c), HedgeKind::Modal)) return true;
        // "did not hold talks", "a takeover would be": a noun's statement is made by the verb
        // it is the object or the subject of.
        if (noun && head(x) >= 0 &&
            (rel(x) == "obj" || rel(x) == "xcomp" || rel(x) == "nsubj:pass" || rel(x) == "nsubj")) {
            x = head(x);
            if (takes_back(x)) return true;
        }
        // "hopes to visit", "did not agree to meet", "its ambition of joining": up the chain
        // of control, through the nouns that take a clause.
        // A non-finite adverbial shares its clause's subject and its modality: "must issue a
        // statement promising to sign" is not a signing.
        const auto non_finite = [&](int y) {
            return rel(y) == "advcl" && (is_verb_form(y, "VBG") || is_verb_form(y, "VB")) &&
                   std::none_of(children_[y].begin(), children_[y].end(), [&](int c) {
                       return rel(c).rfind("nsubj", 0) == 0 ||
                              (rel(c) == "mark" && lower(c) != "to");
                   });
        };
        const auto controlled = [&](int y) {
            return head(y) >= 0 &&
                   (rel(y) == "xcomp" || non_finite(y) ||
                    ((rel(y) == "acl" || rel(y) == "advcl") && w_[head(y)].upos == "NOUN"));
        };
        // A non-finite adverbial takes its clause's modality, not its negation: "never
        // coached Barcelona, assisting Robson" did assist.
        for (int steps = 0; controlled(x) && steps < kMaxClimb; ++steps) {
            const bool adverbial = non_finite(x);
            x = head(x);
            if ((!stance && frames_.is_hedge(lower(x), HedgeKind::Intent)) ||
                frames_.is_hedge(lower(x), HedgeKind::Refusal) || takes_back(x, !adverbial))
                return true;
        }
        // "must issue a statement promising to sign": the noun's own verb bears on it too.
        if (x != t && w_[x].upos == "NOUN" && head(x) >= 0 &&
            (rel(x) == "obj" || rel(x) == "nsubj:pass") && takes_back(head(x)))
            return true;
        // "if Russia invades": a condition on this clause or any clause above it.
        for (int y = t, steps = 0; y >= 0 && steps < 32; y = head(y), ++steps)
            for (int c : children_[y])
                if (rel(c) == "mark" && frames_.is_hedge(lower(c), HedgeKind::Condition))
                    return true;
        return false;
    }

    const std::vector<nlp::Word>& w_;
    std::size_t index_;
    const std::vector<Mention>& mentions_;
    const std::map<int, std::vector<std::size_t>>& antecedents_;
    mutable bool through_pronoun_ = false;  // an end of the fact being read is a pronoun's
    mutable std::size_t antecedent_sentence_ = MentionFact::kNoAntecedent;  // and named there
    const Frames& frames_;
    std::vector<MentionFact>& out_;
    std::vector<std::vector<int>> children_;
    std::vector<std::size_t> mention_at_;  // word -> the mention it is part of, or kNone
};

}  // namespace

std::vector<MentionFact> find_clause_facts(
    const nlp::ParsedSentence& tree, std::size_t index, const std::vector<Mention>& mentions,
    const std::vector<std::size_t>& in_sentence,
    const std::map<int, std::vector<std::size_t>>& antecedents, const Frames& frames) {
    std::vector<MentionFact> out;
    ClauseReader(tree, index, mentions, in_sentence, antecedents, frames, out).read();
    return out;
}

}  // namespace newsgraph
