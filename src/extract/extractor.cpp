#include "src/extract/extractor.hpp"

#include <algorithm>
#include <set>

#include "src/extract/agreement_events.hpp"
#include "src/extract/entity_resolver.hpp"
#include "src/extract/mentions.hpp"
#include "src/extract/pronouns.hpp"
#include "src/extract/relations.hpp"
#include "src/nlp/words.hpp"

namespace newsgraph {
namespace {

// Whether each sentence is of the story and names two entities or more, one and a pronoun
// that may stand for another, or has a plural pronoun or description ("they", "both", "the
// two leaders") that may stand for two: the sentences a relation can be read in. Parsing
// only these keeps `build` within a few times its speed before the parser, and its memory
// bounded on hostile input (a 50 MB run-on "article" is 10 million words, and a tree each).
std::vector<bool> relating_sentences(const ParsedDocument& parsed,
                                     const std::vector<Mention>& mentions,
                                     const ResolvedMentions& resolved, const Lexicon& lexicon) {
    std::vector<std::set<std::size_t>> entities(parsed.sentences.size());
    for (std::size_t i = 0; i < mentions.size(); ++i)
        if (resolved.entity_of[i]) entities[mentions[i].sentence].insert(*resolved.entity_of[i]);
    std::vector<bool> relating(parsed.sentences.size());
    for (std::size_t s = 0; s < relating.size(); ++s) {
        // "He met Putin", "the two leaders met": a pronoun or a description may be the
        // second party (src/extract/pronouns).
        // "They signed a deal", "the two leaders met": a plural one may be both parties.
        const auto& tokens = parsed.sentences[s].tokens;
        bool reference = false, plural = false;
        for (const Token& t : tokens) {
            const std::string w = lower_ascii(t.norm);
            // "both" may be a pronoun too ("Both criticised Ecuador").
            if (!is_third_person_pronoun(w) && !lexicon.is_reference_word(w) && w != "both")
                continue;
            reference = true;
            plural = plural || w == "they" || w == "them" || w == "their" || w == "both" ||
                     (w.size() > 1 && w.back() == 's' && lexicon.is_reference_word(w));
        }
        relating[s] = !parsed.sentences[s].furniture &&
                      (entities[s].size() >= 2 || (entities[s].size() == 1 && reference) || plural);
    }
    return relating;
}

// Whether the clause reader or the agreement finder may read a fact in a tagged sentence: a
// noun or verb that is a frame's trigger (data/frames.tsv). Without one, its tree is read
// only for pronouns (trees_read).
bool has_frame_trigger(const nlp::ParsedSentence& tagged, const Frames& frames) {
    return std::any_of(tagged.words.begin(), tagged.words.end(), [&](const nlp::Word& w) {
        const bool noun = w.upos == "NOUN";
        return (noun || w.upos == "VERB") && !frames.of(lower_ascii(w.lemma), noun).empty();
    });
}

// Of the relating sentences (tagged), those whose trees extraction reads; the others are not
// parsed. Read: a sentence with a frame's trigger (find_clause_facts, add_agreement_events),
// with a head of state's title the mention finder could not place ("Thailand's popular,
// outspoken prime minister, Thaksin Shinawatra": find_clause_facts' titled apposition), or
// with a word resolve_pronouns reads; and the sentences just before one with "it" or "its",
// whose subjects it reads. On the BBC corpus that is 84% of the relating sentences.
std::vector<bool> trees_read(const std::vector<bool>& relating,
                             const std::vector<nlp::ParsedSentence>& tagged,
                             const std::vector<Mention>& mentions, const Lexicon& lexicon,
                             const Frames& frames) {
    std::vector<bool> read(relating.size(), false);
    for (std::size_t s = 0; s < relating.size(); ++s) {
        if (!relating[s]) continue;
        const TreesRead pronouns = trees_read_by_pronouns(tagged[s], lexicon);
        if (pronouns.own || has_frame_trigger(tagged[s], frames)) read[s] = true;
        if (pronouns.earlier)
            for (std::size_t back = 1; back <= kPronounTreesBack && back <= s; ++back)
                if (relating[s - back]) read[s - back] = true;
    }
    for (const Mention& m : mentions)
        if (m.sentence < read.size() && relating[m.sentence] && m.type == EntityType::Person &&
            m.role == Role::HeadOfState && m.role_of.empty())
            read[m.sentence] = true;
    return read;
}

// The mention tagger's spans in the sentences `wanted`, as tokens of the sentence (spans
// whose ends fall inside a token are left out). The words it tagged are kept in `words`, for
// the parser to reuse.
std::vector<std::vector<TaggedSpan>> tag_mentions(
    const Document& doc, const ParsedDocument& parsed, const std::vector<bool>& wanted,
    const IngestRules& rules, const nlp::Analyzer& analyzer, const MentionTagger& tagger,
    const Lexicon& lexicon, std::vector<nlp::ParsedSentence>& tagged_words) {
    tagged_words.assign(parsed.sentences.size(), nlp::ParsedSentence{});
    DocumentCase document;
    std::vector<std::string_view> forms;
    for (const Sentence& s : parsed.sentences) {
        forms.clear();
        for (const Token& t : s.tokens) forms.push_back(t.norm);
        document.add_sentence(forms);
    }
    std::vector<std::vector<TaggedSpan>> out(parsed.sentences.size());
    for (std::size_t s = 0; s < parsed.sentences.size(); ++s) {
        const Sentence& sentence = parsed.sentences[s];
        if (!wanted[s]) continue;
        nlp::ParsedSentence words = nlp::to_words(doc, sentence, &rules);
        if (words.words.empty()) continue;
        if (tagger.uses_tags()) analyzer.tag(words);
        for (const TaggedSpan& span : tagger.tag(words, lexicon, &document)) {
            const std::size_t begin = words.words[span.first].begin;
            const std::size_t end = words.words[span.last - 1].end;
            std::size_t first = 0;
            while (first < sentence.tokens.size() && sentence.tokens[first].begin < begin) ++first;
            std::size_t last = first;
            while (last < sentence.tokens.size() && sentence.tokens[last].end < end) ++last;
            if (first >= sentence.tokens.size() || last >= sentence.tokens.size() ||
                sentence.tokens[first].begin != begin || sentence.tokens[last].end != end)
                continue;
            TaggedSpan tokens = span;
            tokens.first = first;
            tokens.last = last + 1;
            out[s].push_back(tokens);
        }
        if (tagger.uses_tags()) tagged_words[s] = std::move(words);
    }
    return out;
}

// Removes entities (and the facts and mentions naming them), keeping the others' order.
void drop_entities(const std::vector<std::size_t>& dropped, ResolvedMentions& resolved,
                   std::vector<RelationRecord>& relations) {
    if (dropped.empty()) return;
    constexpr std::size_t kGone = static_cast<std::size_t>(-1);
    std::vector<std::size_t> index(resolved.entities.size());
    std::vector<EntityRecord> kept;
    for (std::size_t e = 0; e < resolved.entities.size(); ++e) {
        if (std::find(dropped.begin(), dropped.end(), e) != dropped.end()) {
            index[e] = kGone;
            continue;
        }
        index[e] = kept.size();
        kept.push_back(std::move(resolved.entities[e]));
    }
    resolved.entities = std::move(kept);
    for (auto& of : resolved.entity_of)
        if (of) of = index[*of] == kGone ? std::nullopt : std::optional<std::size_t>(index[*of]);
    std::vector<RelationRecord> still;
    for (RelationRecord& r : relations)
        if (index[r.source] != kGone && index[r.target] != kGone) {
            r.source = index[r.source];
            r.target = index[r.target];
            still.push_back(std::move(r));
        }
    relations = std::move(still);
}

}  // namespace

void Extractor::load_mention_tagger(const std::string& path) {
    use_mention_tagger(MentionTagger::load(path));
}

void Extractor::use_mention_tagger(MentionTagger tagger) {
    mention_tagger_ = std::make_shared<const MentionTagger>(std::move(tagger));
}

Extractor::Extractor(const std::string& data_dir)
    : rules_(load_ingest_rules(data_dir)),
      lexicon_(Lexicon::load(data_dir)),
      frames_(Frames::load(data_dir)) {}

ExtractedDocument Extractor::extract_with_mentions(const Document& doc,
                                                   const nlp::Analyzer* analyzer) const {
    ExtractedDocument out;
    out.parsed = unparsed_document(doc, rules_);
    std::vector<Mention> mentions = find_mentions(doc, out.parsed.sentences, lexicon_);
    std::vector<nlp::ParsedSentence> tagged_words;  // the sentences the mention tagger tagged
    if (analyzer && mention_tagger_) {
        const auto wanted = sentences_for_tagger(out.parsed.sentences, mentions, lexicon_);
        const auto tagged = tag_mentions(doc, out.parsed, wanted, rules_, *analyzer,
                                         *mention_tagger_, lexicon_, tagged_words);
        mentions =
            combine_tagged_spans(doc, out.parsed.sentences, lexicon_, tagged, std::move(mentions));
    }
    ResolvedMentions resolved = EntityResolver(lexicon_).resolve(mentions);
    // Each sentence is parsed once, here, and the trees are shared by every stage after this.
    if (analyzer) {
        const std::vector<bool> relating =
            relating_sentences(out.parsed, mentions, resolved, lexicon_);
        tagged_words.resize(relating.size());
        for (std::size_t s = 0; s < relating.size(); ++s) {
            if (!relating[s] || !tagged_words[s].words.empty()) continue;
            tagged_words[s] = nlp::to_words(doc, out.parsed.sentences[s], &rules_);
            analyzer->tag(tagged_words[s]);
        }
        const std::vector<bool> read =
            parse_every_relating_sentence_
                ? relating
                : trees_read(relating, tagged_words, mentions, lexicon_, frames_);
        for (std::size_t s = 0; s < read.size(); ++s)
            if (read[s])
                analyze_tagged_sentence(doc, *analyzer, s, std::move(tagged_words[s]), out.parsed);
    }
    const std::size_t named_mentions = mentions.size();  // the rest: agreements made unnamed
    const std::vector<AgreementEvent> events =
        add_agreement_events(doc, out.parsed, mentions, resolved, lexicon_, frames_);
    const CodePointIndex offsets(doc.text);
    out.graph.document = doc.info;
    const PronounAntecedents antecedents =
        resolve_pronouns(out.parsed, mentions, resolved, lexicon_);
    out.graph.relations = find_relations(doc, offsets, out.parsed, mentions, resolved, antecedents,
                                         lexicon_, frames_);
    // Events no one was made party to, and entities whose every mention an event took over.
    std::vector<std::size_t> dropped =
        name_agreement_events(events, mentions, resolved, out.graph.relations);
    for (std::size_t e = 0; e < resolved.entities.size(); ++e)
        if (resolved.entities[e].mentions <= 0) dropped.push_back(e);
    drop_entities(dropped, resolved, out.graph.relations);
    for (std::size_t i = 0; i < mentions.size(); ++i) {
        if (!resolved.entity_of[i]) continue;
        const Mention& m = mentions[i];
        out.mentions.push_back(
            {offsets(m.begin),
             offsets(m.end),
             m.surface,
             resolved.entities[*resolved.entity_of[i]].type,  // "ECF": its expansion's
             *resolved.entity_of[i],
             i < named_mentions ? MentionKind::Name : MentionKind::Description,
             {}});
    }
    // Pronouns and descriptions, with the entities they stand for ("they": a list).
    for (std::size_t s = 0; s < antecedents.size(); ++s)
        for (const auto& [w, refs] : antecedents[s]) {
            const nlp::Word& word = out.parsed.syntax[s].words[static_cast<std::size_t>(w)];
            std::vector<std::size_t> entities;
            for (std::size_t m : refs)
                if (auto e = resolved.entity_of[m];
                    e && std::find(entities.begin(), entities.end(), *e) == entities.end())
                    entities.push_back(*e);
            if (entities.empty()) continue;
            const bool pronoun = word.upos == "PRON";
            out.mentions.push_back({offsets(word.begin),
                                    offsets(word.end),
                                    doc.text.substr(word.begin, word.end - word.begin),
                                    resolved.entities[entities[0]].type,
                                    entities[0],
                                    pronoun ? MentionKind::Pronoun : MentionKind::Description,
                                    {entities.begin() + 1, entities.end()}});
        }
    std::sort(out.mentions.begin(), out.mentions.end(),
              [](const MentionRecord& a, const MentionRecord& b) {
                  return a.start != b.start ? a.start < b.start : a.end < b.end;
              });
    out.graph.entities = std::move(resolved.entities);
    return out;
}

}  // namespace newsgraph
