#include "src/extract/relations.hpp"

#include <algorithm>
#include <map>
#include <optional>
#include <set>

#include "src/extract/affiliations.hpp"
#include "src/extract/clause_facts.hpp"
#include "src/extract/pronouns.hpp"

namespace newsgraph {
namespace {

// Beyond this many entities in one sentence (a list, a table row), co-mention pairs say
// nothing and grow quadratically.
constexpr std::size_t kMaxCoMentionedPerSentence = 12;

// What a title states about its holder and the country or body it is held in, and the
// construction's name in data/rule_precision.tsv. Only a head of state or government leads
// a country and only a public office is one of its offices: "British director Mike Leigh"
// is British, not Britain's leader.
// Nothing when the title says nothing of the holder: "chairman of the London Marathon".
std::optional<std::pair<Relation, const char*>> title_relation(Role role, const Mention& holder,
                                                               bool via_body) {
    const bool country = holder.type == EntityType::Country;
    // Nationality is read from a demonym only: "British director"; "US editor" and
    // "chairman of the London Marathon" say where someone works, not what they are.
    const bool demonym = holder.entry && holder.entry->kind == FormKind::Demonym;
    switch (role) {
        case Role::HeadOfState:
            if (country && via_body) return std::pair{Relation::official_of, "title:official"};
            return std::pair{Relation::leader_of, "title:head"};
        case Role::Leader:
            // "US Federal Reserve chairman": heading a national body is an office of the country.
            if (country && via_body) return std::pair{Relation::official_of, "title:official"};
            if (country && demonym) return std::pair{Relation::citizen_of, "title:nationality"};
            if (country) return std::nullopt;
            return std::pair{Relation::leader_of, "title:body-leader"};
        case Role::Official:
            return std::pair{Relation::official_of, "title:official"};
        case Role::Affiliate:
            if (country && demonym) return std::pair{Relation::citizen_of, "title:nationality"};
            if (country) return std::nullopt;
            return std::pair{Relation::affiliated_with, "title:affiliate"};
    }
    return std::pair{Relation::affiliated_with, "title:affiliate"};
}

}  // namespace

SentenceEvidence::SentenceEvidence(const Document& doc, const CodePointIndex& offsets,
                                   const std::vector<Sentence>& sentences)
    : doc_(doc),
      offsets_(offsets),
      sentences_(sentences),
      document_(doc.info.id),
      date_(doc.info.date),
      made_(sentences.size()) {}

const Evidence& SentenceEvidence::operator()(std::size_t index) {
    std::optional<Evidence>& made = made_.at(index);
    if (!made) {
        const Sentence& s = sentences_[index];
        made.emplace();
        made->document = document_;
        made->sentence = static_cast<int>(index);
        made->start = offsets_(s.begin);
        made->end = offsets_(s.end);
        made->text = doc_.text.substr(s.begin, s.end - s.begin);
        made->date = date_;
    }
    return *made;
}

std::vector<RelationRecord> find_relations(const Document& doc, const CodePointIndex& offsets,
                                           const ParsedDocument& parsed,
                                           const std::vector<Mention>& mentions,
                                           const ResolvedMentions& resolved,
                                           const PronounAntecedents& antecedents,
                                           const Lexicon& lexicon, const Frames& frames) {
    const std::vector<Sentence>& sentences = parsed.sentences;
    std::vector<RelationRecord> out;
    const auto& entities = resolved.entities;
    SentenceEvidence evidence_of(doc, offsets, sentences);
    auto emit = [&](std::size_t s, std::size_t t, Relation r, std::size_t sentence,
                    const std::string& cameo = "", const std::string& rule = "",
                    std::size_t antecedent = MentionFact::kNoAntecedent) {
        if (s == t || !fits_schema(r, entities[s].type, entities[t].type)) return;
        const double confidence = rule.empty() ? 0.0 : frames.confidence(rule);
        Evidence evidence = evidence_of(sentence);
        if (antecedent < sentences.size()) evidence.antecedent = evidence_of(antecedent).text;
        out.push_back(
            {s, t, r, std::move(evidence), cameo, confidence, rule, sentences[sentence].furniture});
    };
    auto emit_fact = [&](const MentionFact& f) {
        emit(*resolved.entity_of[f.subject], *resolved.entity_of[f.object], f.relation, f.sentence,
             f.cameo, f.rule, f.antecedent_sentence);
    };

    for (std::size_t i = 0; i < mentions.size(); ++i) {
        const Mention& m = mentions[i];
        if (!m.role || !resolved.entity_of[i]) continue;
        const bool via_body = std::any_of(m.role_of.begin(), m.role_of.end(), [&](std::size_t h) {
            return mentions[h].type == EntityType::Organisation;
        });
        for (std::size_t holder : m.role_of) {
            if (!resolved.entity_of[holder]) continue;
            // "the Madrid president": a capital stands for a government, not a head of state's.
            const GazetteerEntry* named = mentions[holder].entry;
            if (*m.role == Role::HeadOfState && named && named->kind == FormKind::Capital &&
                !via_body)
                continue;
            // "UK Chancellor Gordon Brown": a title that heads only some countries'
            // governments is an office below the head elsewhere.
            Role role = *m.role;
            if (role == Role::HeadOfState && m.head_only_in && named &&
                named->type == EntityType::Country &&
                std::find(m.head_only_in->begin(), m.head_only_in->end(), named->alpha2) ==
                    m.head_only_in->end())
                role = Role::Official;
            if (const auto fact = title_relation(role, mentions[holder], via_body))
                emit(*resolved.entity_of[i], *resolved.entity_of[holder], fact->first, m.sentence,
                     "", fact->second);
        }
        for (std::size_t body : m.affiliations)
            if (resolved.entity_of[body])
                emit(*resolved.entity_of[i], *resolved.entity_of[body], Relation::affiliated_with,
                     m.sentence, "", "title:affiliate");
    }

    for (std::size_t i = 0; i < mentions.size(); ++i)
        if (mentions[i].led_by && resolved.entity_of[i] && resolved.entity_of[*mentions[i].led_by])
            emit(*resolved.entity_of[*mentions[i].led_by], *resolved.entity_of[i],
                 Relation::member_of, mentions[i].sentence, "", "led-by");

    // The mentions of each sentence that name an entity, grouped once per article: scanning
    // every mention for every sentence made a long article quadratic.
    std::vector<std::vector<std::size_t>> by_sentence_kept(sentences.size());
    for (std::size_t i = 0; i < mentions.size(); ++i)
        if (resolved.entity_of[i] && mentions[i].sentence < sentences.size())
            by_sentence_kept[mentions[i].sentence].push_back(i);
    for (const MentionFact& f :
         find_affiliations(sentences, mentions, by_sentence_kept, lexicon, frames))
        emit_fact(f);
    // Clauses: the sentences of the story that were parsed (ParsedDocument::has_syntax).
    for (std::size_t s = 0; s < sentences.size(); ++s)
        if (!sentences[s].furniture && parsed.has_syntax(s) &&
            by_sentence_kept[s].size() + antecedents[s].size() >= 2)
            for (const MentionFact& f : find_clause_facts(
                     parsed.syntax[s], s, mentions, by_sentence_kept[s], antecedents[s], frames))
                emit_fact(f);

    // Furniture (bylines, credits) names people and outlets side by side without relating them.
    for (std::size_t sentence = 0; sentence < sentences.size(); ++sentence) {
        if (sentences[sentence].furniture) continue;
        std::set<std::size_t> ids;
        for (std::size_t m : by_sentence_kept[sentence]) ids.insert(*resolved.entity_of[m]);
        if (ids.size() < 2 || ids.size() > kMaxCoMentionedPerSentence) continue;
        for (auto a = ids.begin(); a != ids.end(); ++a)
            for (auto b = std::next(a); b != ids.end(); ++b)
                emit(*a, *b, Relation::co_mentioned, sentence);
    }
    return out;
}

}  // namespace newsgraph
