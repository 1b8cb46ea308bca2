#include "src/extract/relations.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "src/extract/interactions.hpp"

namespace newsgraph {
namespace {

// Beyond this many entities in one sentence (a list, a table row), co-mention pairs say
// nothing and grow quadratically.
constexpr std::size_t kMaxCoMentionedPerSentence = 12;

Relation relation_for(Role role) {
    switch (role) {
        case Role::Leader:
            return Relation::leader_of;
        case Role::Official:
            return Relation::official_of;
        case Role::Affiliate:
            return Relation::affiliated_with;
    }
    return Relation::affiliated_with;
}

}  // namespace

Evidence sentence_evidence(const Document& doc, const CodePointIndex& offsets,
                           const std::vector<Sentence>& sentences, std::size_t index) {
    const Sentence& s = sentences.at(index);
    Evidence ev;
    ev.document = doc.info.id;
    ev.sentence = static_cast<int>(index);
    ev.start = offsets(s.begin);
    ev.end = offsets(s.end);
    ev.text = doc.text.substr(s.begin, s.end - s.begin);
    ev.date = doc.info.date;
    return ev;
}

std::vector<RelationRecord> find_relations(const Document& doc, const CodePointIndex& offsets,
                                           const ParsedDocument& parsed,
                                           const std::vector<Mention>& mentions,
                                           const ResolvedMentions& resolved,
                                           const Lexicon& lexicon) {
    const std::vector<Sentence>& sentences = parsed.sentences;
    std::vector<RelationRecord> out;
    const auto& entities = resolved.entities;
    auto emit = [&](std::size_t s, std::size_t t, Relation r, std::size_t sentence,
                    const std::string& cameo = "", double confidence = 0.0) {
        if (s == t || !fits_schema(r, entities[s].type, entities[t].type)) return;
        out.push_back({s, t, r, sentence_evidence(doc, offsets, sentences, sentence), cameo,
                       confidence, sentences[sentence].furniture});
    };
    // Roles read from titles and appositions ("Chinese President Xi Jinping").
    constexpr double kRole = 0.9;

    for (std::size_t i = 0; i < mentions.size(); ++i) {
        const Mention& m = mentions[i];
        if (!m.role || !resolved.entity_of[i]) continue;
        // "US Federal Reserve chairman": heading a national body is an office of the country.
        const bool via_body = std::any_of(m.role_of.begin(), m.role_of.end(), [&](std::size_t h) {
            return mentions[h].type == EntityType::Organisation;
        });
        for (std::size_t holder : m.role_of) {
            if (!resolved.entity_of[holder]) continue;
            Relation r = relation_for(*m.role);
            if (via_body && mentions[holder].type == EntityType::Country &&
                r == Relation::leader_of)
                r = Relation::official_of;
            emit(*resolved.entity_of[i], *resolved.entity_of[holder], r, m.sentence, "", kRole);
        }
        for (std::size_t body : m.affiliations)
            if (resolved.entity_of[body])
                emit(*resolved.entity_of[i], *resolved.entity_of[body], Relation::affiliated_with,
                     m.sentence, "", kRole);
    }

    for (std::size_t i = 0; i < mentions.size(); ++i)
        if (mentions[i].led_by && resolved.entity_of[i] && resolved.entity_of[*mentions[i].led_by])
            emit(*resolved.entity_of[*mentions[i].led_by], *resolved.entity_of[i],
                 Relation::member_of, mentions[i].sentence, "", kRole);

    std::vector<bool> kept(mentions.size());
    for (std::size_t i = 0; i < mentions.size(); ++i) kept[i] = resolved.entity_of[i].has_value();
    for (const MentionFact& f : find_interactions(sentences, mentions, kept, lexicon))
        emit(*resolved.entity_of[f.subject], *resolved.entity_of[f.object], f.relation, f.sentence,
             f.cameo, f.confidence);

    std::map<std::size_t, std::set<std::size_t>> by_sentence;
    // Furniture (bylines, credits) names people and outlets side by side without relating them.
    for (std::size_t i = 0; i < mentions.size(); ++i)
        if (resolved.entity_of[i] && !sentences[mentions[i].sentence].furniture)
            by_sentence[mentions[i].sentence].insert(*resolved.entity_of[i]);
    for (const auto& [sentence, ids] : by_sentence) {
        if (ids.size() < 2 || ids.size() > kMaxCoMentionedPerSentence) continue;
        for (auto a = ids.begin(); a != ids.end(); ++a)
            for (auto b = std::next(a); b != ids.end(); ++b)
                emit(*a, *b, Relation::co_mentioned, sentence);
    }
    return out;
}

}  // namespace newsgraph
