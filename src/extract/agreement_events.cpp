#include "src/extract/agreement_events.hpp"

#include <algorithm>
#include <cctype>
#include <optional>
#include <set>
#include <string>

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

class EventFinder {
  public:
    EventFinder(const Document& doc, const ParsedDocument& parsed, const Lexicon& lexicon,
                const Frames& frames)
        : doc_(doc), parsed_(parsed), lexicon_(lexicon), frames_(frames) {}

    void find(std::vector<Mention>& mentions, ResolvedMentions& resolved,
              std::vector<AgreementEvent>& out) const {
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
                    add(s, *event, mentions, resolved, out);
        }
    }

  private:
    struct Found {
        std::size_t first_word = 0, noun = 0;  // the phrase "[modifiers] noun", in words
        std::string kind, topic;
    };

    std::optional<Found> at(std::size_t s, int n, const std::vector<std::vector<int>>& children,
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
        if (static_cast<std::size_t>(*hi - *lo + 1) != sub.size()) return;
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
        entity.aliases[m.surface] = 1;
        entity.mentions = 1;
        const std::size_t index = resolved.entities.size();
        resolved.entities.push_back(std::move(entity));
        resolved.entity_of.push_back(index);
        mentions.push_back(std::move(m));
        out.push_back({index, s, f.kind, f.topic, {}});
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
                                               const std::vector<RelationRecord>& relations) {
    std::vector<EntityRecord>& entities = resolved.entities;
    std::vector<std::size_t> dropped;
    for (const AgreementEvent& event : events) {
        std::set<std::string> parties;
        for (const RelationRecord& r : relations)
            if (r.target == event.entity && r.relation == Relation::party_to &&
                r.evidence.sentence == static_cast<int>(event.sentence))
                parties.insert(entities[r.source].label);
        if (parties.empty()) {
            dropped.push_back(event.entity);
            for (const auto& [m, before] : event.taken) {
                resolved.entity_of[m] = before;
                entities[before].mentions += 1;
                entities[before].aliases[mentions[m].surface] += 1;
            }
            continue;
        }
        std::string label;
        std::size_t named = 0;
        for (const std::string& p : parties) {
            if (named == kMaxNamedParties) {
                label += " and others";
                break;
            }
            label += (named++ ? "\u2013" : "") + p;
        }
        label += " " + event.kind;
        if (!event.topic.empty()) label += " " + event.topic;
        entities[event.entity].label = label;
    }
    return dropped;
}

}  // namespace newsgraph
