// Relation extraction: typed facts between the resolved entities of one article, each with
// the sentence it was read in.
#pragma once

#include <cstddef>
#include <optional>
#include <vector>

#include "graph/facts.hpp"
#include "src/extract/entity_resolver.hpp"
#include "src/extract/frames.hpp"
#include "src/extract/lexicon.hpp"
#include "src/extract/mentions.hpp"
#include "src/extract/parsed_document.hpp"
#include "src/extract/pronouns.hpp"
#include "src/ingest/document.hpp"

namespace newsgraph {

// Roles read from noun phrases and appositions ("Chinese President Xi Jinping" -> leader_of,
// "British director Mike Leigh" -> citizen_of, "a senior fellow at the Atlantic Council" ->
// affiliated_with), affiliations around names (find_affiliations), facts stated by the
// clauses of parsed sentences (find_clause_facts), and co_mentioned for every
// pair of entities named in one sentence of the story (not its furniture). Facts whose ends
// do not fit the schema are dropped. `parsed` holds the sentences, and the syntax of those
// that can state a relation when the models were loaded (ParsedDocument::has_syntax);
// `antecedents`, who its pronouns and descriptions stand for (resolve_pronouns).
std::vector<RelationRecord> find_relations(const Document& doc, const CodePointIndex& offsets,
                                           const ParsedDocument& parsed,
                                           const std::vector<Mention>& mentions,
                                           const ResolvedMentions& resolved,
                                           const PronounAntecedents& antecedents,
                                           const Lexicon& lexicon, const Frames& frames);

// The evidence records of the sentences of `doc`, each made once: every fact read in one
// sentence shares its text, document id and date (a sentence naming six entities supports
// fifteen co-mentions), rather than each holding a copy to the end of the run.
class SentenceEvidence {
  public:
    // `doc`, `offsets` and `sentences` must outlive this object.
    SentenceEvidence(const Document& doc, const CodePointIndex& offsets,
                     const std::vector<Sentence>& sentences);
    // The evidence record for sentence `index` of `doc`.
    const Evidence& operator()(std::size_t index);

  private:
    const Document& doc_;
    const CodePointIndex& offsets_;
    const std::vector<Sentence>& sentences_;
    SharedString document_, date_;
    std::vector<std::optional<Evidence>> made_;
};

}  // namespace newsgraph
