#include "src/extract/agreement_events.hpp"

#include <algorithm>
#include <cctype>
#include <optional>
#include <set>
#include <sstream>
#include <string>

#include "src/extract/name_parties.hpp"

namespace newsgraph {
namespace {

// A topic longer than this many words is a clause, not a name's part.
constexpr std::size_t kMaxTopicWords = 6;
// More parties than this are named "A–B–C and others".
constexpr std::size_t kMaxNamedParties = 3;

// Whether a verb's frames make its subject a party to its object ("signed", "struck").
bool makes_parties(const Frames& frames, const std::string& lemma) {
    for (const Frame& f : frames.of(lemma, false)) {
        if (f.relation != Relation::party_to || !f.particle.empty()) continue;
        for (const FrameSlot& slot : f.target)
            if (slot.kind == FrameSlot::Kind::Object) return true;
    }
    return false;
}

// Whether a noun's frames make the parties its modifiers name parties to the agreement it
// names itself ("Microsoft's takeover of Activision"): name-parties to self.
bool names_its_parties(const Frames& frames, const std::string& lemma) {
    for (const Frame& f : frames.of(lemma, true)) {
        if (f.relation != Relation::party_to) continue;
        for (const FrameSlot& slot : f.source)
            if (slot.kind == FrameSlot::Kind::NameParties) return true;
    }
    return false;
}

class EventFinder {
  public:
    EventFinder(const Document& doc, const ParsedDocument& parsed, const Lexicon& lexicon,
                const Frames& frames)
        : doc_(doc), parsed_(parsed), lexicon_(lexicon), frames_(frames) {}

    void find(std::vector<Mention>& mentions, ResolvedMentions& resolved,
              std::vector<AgreementEvent>& out) const {
        std::vector<std::pair<std::size_t, Found>> found;  // by sentence, in text order
        for (std::size_t s = 0; s < parsed_.sentences.size(); ++s) {
            if (!parsed_.has_syntax(s) || parsed_.sentences[s].furniture) continue;
            const auto& w = parsed_.syntax[s].words;
            std::vector<std::vector<int>> children(w.size());
            for (std::size_t i = 0; i < w.size(); ++i)
                if (w[i].head > 0)
                    children[static_cast<std::size_t>(w[i].head - 1)].push_back(
                        static_cast<int>(i));
            for (std::size_t i = 0; i < w.size(); ++i)
                if (auto event = at(s, static_cast<int>(i), children, mentions))
                    found.emplace_back(s, std::move(*event));
        }
        // An event named by a lone organisation only where another names that organisation
        // otherwise ("the Microsoft deal" of "Microsoft's Activision deal").
        auto entity = [&](std::size_t m) { return resolved.entity_of[m]; };
        for (const auto& [s, f] : found) {
            const std::size_t named = f.party_mentions.empty() ? 0 : f.party_mentions[0];
            if (!f.only_with_more) {
                add(s, f, mentions, resolved, out);
                continue;
            }
            const bool seconded = std::any_of(found.begin(), found.end(), [&](const auto& other) {
                const Found& g = other.second;
                if (g.only_with_more) return false;
                return std::any_of(
                    g.party_mentions.begin(), g.party_mentions.end(),
                    [&](std::size_t m) { return entity(m) && entity(m) == entity(named); });
            });
            if (seconded) add(s, f, mentions, resolved, out);
        }
    }

  private:
    struct Found {
        std::size_t first_word = 0, noun = 0;  // the phrase "[modifiers] noun", in words
        std::string kind, topic;
        std::string phrase;           // the whole noun phrase, when it names parties too
        bool only_with_more = false;  // AgreementEvent::only_with_more
        std::vector<std::size_t> party_mentions;  // the countries and organisations it names
    };

    std::optional<Found> at(std::size_t s, int n, const std::vector<std::vector<int>>& children,
                            const std::vector<Mention>& mentions) const {
        if (auto made = made_by_verb(s, n, children, mentions)) return made;
        return named_by_parties(s, n, children, mentions);
    }

    // A word's mention, by the bytes it lies in.
    static const Mention* mention_of(const nlp::Word& word, std::size_t s,
                                     const std::vector<Mention>& mentions) {
        if (word.begin == nlp::kNoOffset) return nullptr;
        for (const Mention& m : mentions)
            if (m.sentence == s && m.begin <= word.begin && word.end <= m.end) return &m;
        return nullptr;
    }

    // "Microsoft's £52bn Activision deal", "Microsoft's takeover of Activision", "the US-China
    // trade deal": an agreement noun whose possessor, compounds or nmod:of/with name a
    // country or an organisation states an agreement between them (data/frames.tsv:
    // name-parties to self). The mention is the noun and the plain words before it; the
    // whole phrase is kept as a name of the agreement.
    std::optional<Found> named_by_parties(std::size_t s, int n,
                                          const std::vector<std::vector<int>>& children,
                                          const std::vector<Mention>& mentions) const {
        const auto& w = parsed_.syntax[s].words;
        const nlp::Word& noun = w[static_cast<std::size_t>(n)];
        // A capitalised "Deal" is a name; "takeover battles" are not a takeover. The article's
        // mentions are searched last: every noun of every parsed sentence comes here.
        if (noun.upos != "NOUN" || noun.xpos != "NN" || noun.begin == nlp::kNoOffset ||
            !std::islower(static_cast<unsigned char>(noun.form[0])) || noun.deprel == "compound")
            return std::nullopt;
        const std::string lemma = lower_ascii(noun.lemma);
        if (!names_its_parties(frames_, lemma) || mention_of(noun, s, mentions))
            return std::nullopt;
        // A lone organisation written before the noun may name the agreement itself ("the
        // AUKUS security pact") as well as a party ("the Microsoft deal"): such an event
        // stands only as another of the article with more parties.
        Found f;
        std::set<const Mention*> named, before_only;
        int lo = n, hi = n;
        for (int x : name_party_words(w, children, n)) {
            const nlp::Word& word = w[static_cast<std::size_t>(x)];
            const Mention* m = mention_of(word, s, mentions);
            const bool possessor = word.deprel == "nmod:poss" || x > n ||
                                   (static_cast<std::size_t>(x) + 1 < w.size() &&
                                    w[static_cast<std::size_t>(x) + 1].upos == "PART");
            if (m && (m->type == EntityType::Country || m->type == EntityType::Organisation) &&
                may_be_party(*m)) {
                if (named.insert(m).second)
                    f.party_mentions.push_back(static_cast<std::size_t>(m - mentions.data()));
                if (!possessor && m->type == EntityType::Organisation) before_only.insert(m);
            }
            const auto [first, last] = span_of(x, children);
            lo = std::min(lo, x < n ? std::min(x, first) : lo);
            hi = std::max(hi, x > n ? last : hi);
        }
        if (named.empty()) return std::nullopt;
        f.first_word = f.noun = static_cast<std::size_t>(n);
        f.only_with_more = named.size() == 1 && before_only.size() == 1;
        std::string modifiers;
        // The plain words right before the noun: "trade deal", not "Activision deal".
        for (int k = n - 1; k >= 0; --k) {
            const nlp::Word& d = w[static_cast<std::size_t>(k)];
            if (d.head != n + 1 || (d.deprel != "amod" && d.deprel != "compound") ||
                d.begin == nlp::kNoOffset || mention_of(d, s, mentions))
                break;
            f.first_word = static_cast<std::size_t>(k);
            if (lexicon_.is_agreement_modifier(lower_ascii(d.lemma)))
                modifiers.insert(0, lower_ascii(d.lemma) + " ");
        }
        f.kind = modifiers + lemma;
        const nlp::Word& first = w[static_cast<std::size_t>(lo)];
        const nlp::Word& last = w[static_cast<std::size_t>(hi)];
        if (first.begin != nlp::kNoOffset && last.end != nlp::kNoOffset)
            f.phrase = doc_.text.substr(first.begin, last.end - first.begin);
        return f;
    }

    // The first and last word of a word's subtree.
    static std::pair<int, int> span_of(int c, const std::vector<std::vector<int>>& children) {
        int lo = c, hi = c;
        std::vector<int> todo = {c};
        while (!todo.empty()) {
            const int k = todo.back();
            todo.pop_back();
            lo = std::min(lo, k), hi = std::max(hi, k);
            for (int g : children[static_cast<std::size_t>(k)]) todo.push_back(g);
        }
        return {lo, hi};
    }

    // "Chile and Peru struck a deal": an indefinite agreement noun that is the object of a
    // verb whose frame makes its subject a party.
    std::optional<Found> made_by_verb(std::size_t s, int n,
                                      const std::vector<std::vector<int>>& children,
                                      const std::vector<Mention>& mentions) const {
        const auto& w = parsed_.syntax[s].words;
        const nlp::Word& noun = w[static_cast<std::size_t>(n)];
        if (noun.upos != "NOUN" || noun.xpos != "NN" || noun.begin == nlp::kNoOffset ||
            noun.deprel != "obj" || noun.head <= 0)
            return std::nullopt;
        const std::string lemma = lower_ascii(noun.lemma);
        if (!lexicon_.is_agreement_head(lemma)) return std::nullopt;
        const nlp::Word& verb = w[static_cast<std::size_t>(noun.head - 1)];
        if (verb.upos != "VERB" || !makes_parties(frames_, lower_ascii(verb.lemma)))
            return std::nullopt;
        // "a deal" states a new one; "the deal", "their deal" refer to one (coreference).
        bool indefinite = false;
        Found f;
        f.first_word = f.noun = static_cast<std::size_t>(n);
        std::string modifiers;
        for (int c : children[static_cast<std::size_t>(n)]) {
            const nlp::Word& d = w[static_cast<std::size_t>(c)];
            const std::string l = lower_ascii(d.lemma);
            if (d.deprel == "det") indefinite = indefinite || l == "a" || l == "an";
            if ((d.deprel == "amod" || d.deprel == "compound") && c < n) {
                f.first_word = std::min(f.first_word, static_cast<std::size_t>(c));
                if (lexicon_.is_agreement_modifier(l)) modifiers += l + " ";
            }
            // "a deal on lithium exports": the topic, when short and written in one piece.
            if (d.deprel == "nmod" && c > n && f.topic.empty()) topic(s, c, children, f);
        }
        if (!indefinite) return std::nullopt;
        // A phrase some mention already covers was named ("a Joint Declaration").
        for (const Mention& m : mentions)
            if (m.sentence == s && m.begin < noun.end && w[f.first_word].begin < m.end)
                return std::nullopt;
        f.kind = modifiers + lemma;
        return f;
    }

    void topic(std::size_t s, int c, const std::vector<std::vector<int>>& children,
               Found& f) const {
        const auto& w = parsed_.syntax[s].words;
        std::string preposition;
        for (int k : children[static_cast<std::size_t>(c)])
            if (w[static_cast<std::size_t>(k)].deprel == "case")
                preposition = lower_ascii(w[static_cast<std::size_t>(k)].form);
        // "on grain exports", not "on Sunday", "on 5 May".
        if ((preposition != "on" && preposition != "over" && preposition != "about") ||
            w[static_cast<std::size_t>(c)].upos != "NOUN")
            return;
        // The subtree's words, which must be contiguous and few.
        std::vector<int> sub = {c};
        for (std::size_t k = 0; k < sub.size() && sub.size() <= kMaxTopicWords + 1; ++k)
            for (int g : children[static_cast<std::size_t>(sub[k])]) sub.push_back(g);
        if (sub.size() > kMaxTopicWords + 1) return;
        const auto [lo, hi] = std::minmax_element(sub.begin(), sub.end());
        if (static_cast<std::size_t>(*hi - *lo) + 1 != sub.size()) return;
        const nlp::Word& first = w[static_cast<std::size_t>(*lo)];
        const nlp::Word& last = w[static_cast<std::size_t>(*hi)];
        if (first.begin == nlp::kNoOffset || last.end == nlp::kNoOffset) return;
        f.topic = doc_.text.substr(first.begin, last.end - first.begin);
    }

    void add(std::size_t s, const Found& f, std::vector<Mention>& mentions,
             ResolvedMentions& resolved, std::vector<AgreementEvent>& out) const {
        const auto& w = parsed_.syntax[s].words;
        const Sentence& sentence = parsed_.sentences[s];
        Mention m;
        m.sentence = s;
        m.type = EntityType::Agreement;
        m.begin = w[f.first_word].begin;
        m.end = w[f.noun].end;
        m.surface = doc_.text.substr(m.begin, m.end - m.begin);
        // Tokens of ingest that the words lie in (lists of mentions compare tokens).
        m.first = sentence.tokens.size();
        for (std::size_t t = 0; t < sentence.tokens.size(); ++t) {
            if (sentence.tokens[t].end > m.begin && m.first == sentence.tokens.size()) m.first = t;
            if (sentence.tokens[t].begin < m.end) m.last = t + 1;
        }
        if (m.first >= m.last) return;
        EntityRecord entity;
        entity.type = EntityType::Agreement;
        entity.label = f.topic.empty() ? f.kind : f.kind + " " + f.topic;
        entity.aliases[f.phrase.empty() ? m.surface : f.phrase] = 1;
        entity.mentions = 1;
        const std::size_t index = resolved.entities.size();
        resolved.entities.push_back(std::move(entity));
        resolved.entity_of.push_back(index);
        mentions.push_back(std::move(m));
        out.push_back({index, s, f.kind, f.topic, {}, f.only_with_more});
    }

    const Document& doc_;
    const ParsedDocument& parsed_;
    const Lexicon& lexicon_;
    const Frames& frames_;
};

// "signed a statement ... In the joint statement, Russia said": a later definite description
// with the event's head noun is that agreement, and the most specific kind names it.
void refer_back(const ParsedDocument& parsed, std::vector<Mention>& mentions,
                ResolvedMentions& resolved, std::vector<AgreementEvent>& events,
                std::size_t first_event_mention) {
    for (std::size_t m = 0; m < first_event_mention; ++m) {
        Mention& later = mentions[m];
        if (later.type != EntityType::Agreement || !resolved.entity_of[m] || later.entry ||
            later.surface.empty() || !std::islower(static_cast<unsigned char>(later.surface[0])))
            continue;
        const auto& tokens = parsed.sentences[later.sentence].tokens;
        if (later.first == 0 || later.last == 0 ||
            lower_ascii(tokens[later.first - 1].norm) != "the")
            continue;
        const std::string head = lower_ascii(tokens[later.last - 1].norm);
        AgreementEvent* found = nullptr;
        for (std::size_t e = 0; e < events.size(); ++e) {
            const Mention& event = mentions[first_event_mention + e];
            const std::string& kind = events[e].kind;
            const bool same_head = kind.size() >= head.size() &&
                                   kind.compare(kind.size() - head.size(), head.size(), head) == 0;
            if (same_head && event.begin < later.begin) found = &events[e];
        }
        if (!found) continue;
        EntityRecord& old = resolved.entities[*resolved.entity_of[m]];
        old.mentions -= 1;
        if (auto it = old.aliases.find(later.surface); it != old.aliases.end() && --it->second <= 0)
            old.aliases.erase(it);
        EntityRecord& event = resolved.entities[found->entity];
        event.mentions += 1;
        event.aliases[later.surface] += 1;
        const std::string kind = lower_ascii(later.surface);
        if (kind.size() > found->kind.size()) found->kind = kind;
        found->taken.emplace_back(m, *resolved.entity_of[m]);
        resolved.entity_of[m] = found->entity;
    }
}

// Whether a later or smaller event is the same agreement as another of the article: its
// parties are some of the other's, and its kind is the same or says less ("the deal" of a
// "takeover"; "deal" and "agreement" are the words news uses for any kind). Topics differ:
// "a deal on lithium" is not "a deal on fishing".
bool same_agreement(const AgreementEvent& a, const std::set<std::string>& a_parties,
                    const AgreementEvent& b, const std::set<std::string>& b_parties) {
    if (!std::includes(b_parties.begin(), b_parties.end(), a_parties.begin(), a_parties.end()))
        return false;
    if (!a.topic.empty() && !b.topic.empty() && a.topic != b.topic) return false;
    auto head = [](const std::string& kind) { return kind.substr(kind.rfind(' ') + 1); };
    auto modifiers = [](const std::string& kind) {
        std::set<std::string> out;
        std::istringstream in(kind);
        for (std::string word; in >> word;) out.insert(word);
        return out;
    };
    const std::string ha = head(a.kind), hb = head(b.kind);
    const bool generic = ha == "deal" || ha == "agreement" || hb == "deal" || hb == "agreement";
    if (ha != hb && !generic) return false;
    std::set<std::string> ma = modifiers(a.kind), mb = modifiers(b.kind);
    ma.erase(ha), mb.erase(hb);
    return std::includes(ma.begin(), ma.end(), mb.begin(), mb.end()) ||
           std::includes(mb.begin(), mb.end(), ma.begin(), ma.end());
}

// Moves entity `from`'s mentions, names and facts to `into`.
void merge_entity(std::size_t from, std::size_t into, ResolvedMentions& resolved,
                  std::vector<RelationRecord>& relations) {
    for (auto& of : resolved.entity_of)
        if (of == from) of = into;
    EntityRecord& gone = resolved.entities[from];
    EntityRecord& kept = resolved.entities[into];
    for (const auto& [alias, count] : gone.aliases) kept.aliases[alias] += count;
    kept.mentions += gone.mentions;
    gone.aliases.clear();
    gone.mentions = 0;
    for (RelationRecord& r : relations) {
        if (r.source == from) r.source = into;
        if (r.target == from) r.target = into;
    }
}

}  // namespace

std::vector<AgreementEvent> add_agreement_events(const Document& doc, const ParsedDocument& parsed,
                                                 std::vector<Mention>& mentions,
                                                 ResolvedMentions& resolved, const Lexicon& lexicon,
                                                 const Frames& frames) {
    std::vector<AgreementEvent> out;
    const std::size_t first_event_mention = mentions.size();
    EventFinder(doc, parsed, lexicon, frames).find(mentions, resolved, out);
    refer_back(parsed, mentions, resolved, out, first_event_mention);
    return out;
}

std::vector<std::size_t> name_agreement_events(const std::vector<AgreementEvent>& events,
                                               const std::vector<Mention>& mentions,
                                               ResolvedMentions& resolved,
                                               std::vector<RelationRecord>& relations) {
    std::vector<EntityRecord>& entities = resolved.entities;
    std::vector<std::size_t> dropped;
    std::vector<std::set<std::string>> parties(events.size());
    for (std::size_t e = 0; e < events.size(); ++e)
        for (const RelationRecord& r : relations)
            if (r.target == events[e].entity && r.relation == Relation::party_to &&
                r.evidence.sentence == static_cast<int>(events[e].sentence))
                parties[e].insert(entities[r.source].label);
    for (std::size_t e = 0; e < events.size(); ++e) {
        if (!parties[e].empty()) continue;
        dropped.push_back(events[e].entity);
        for (const auto& [m, before] : events[e].taken) {
            resolved.entity_of[m] = before;
            entities[before].mentions += 1;
            entities[before].aliases[mentions[m].surface] += 1;
        }
    }
    // "Microsoft's Activision deal ... the Microsoft deal ... the Activision takeover": one
    // agreement of the article, the one with the most parties (the first of equals).
    std::vector<std::size_t> order;
    for (std::size_t e = 0; e < events.size(); ++e)
        if (!parties[e].empty()) order.push_back(e);
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        if (parties[a].size() != parties[b].size()) return parties[a].size() > parties[b].size();
        return !events[a].only_with_more && events[b].only_with_more;
    });
    std::vector<std::size_t> kept;
    for (std::size_t e : order) {
        const auto into = std::find_if(kept.begin(), kept.end(), [&](std::size_t k) {
            return same_agreement(events[e], parties[e], events[k], parties[k]);
        });
        if (into == kept.end() && events[e].only_with_more) {
            dropped.push_back(events[e].entity);
            continue;
        }
        if (into == kept.end()) {
            kept.push_back(e);
            continue;
        }
        merge_entity(events[e].entity, events[*into].entity, resolved, relations);
        dropped.push_back(events[e].entity);
    }
    for (std::size_t e : kept) {
        std::string label;
        std::size_t named = 0;
        for (const std::string& p : parties[e]) {
            if (named == kMaxNamedParties) {
                label += " and others";
                break;
            }
            label += (named++ ? "\u2013" : "") + p;
        }
        label += " " + events[e].kind;
        if (!events[e].topic.empty()) label += " " + events[e].topic;
        entities[events[e].entity].label = label;
    }
    return dropped;
}

}  // namespace newsgraph
