// Agreements the text says were made without naming them: "the two leaders signed a
// statement", "Chile and Peru struck a deal on lithium exports". Such a noun phrase becomes
// an Agreement mention, so that the clauses around it (src/extract/clause_facts) find its
// parties and later references ("the deal") find it; once relations are read, it is named
// after its parties and dropped if the text gave it none ("did not sign a deal").
#pragma once

#include <cstddef>
#include <vector>

#include "graph/facts.hpp"
#include "src/extract/entity_resolver.hpp"
#include "src/extract/frames.hpp"
#include "src/extract/lexicon.hpp"
#include "src/extract/mentions.hpp"
#include "src/extract/parsed_document.hpp"
#include "src/ingest/document.hpp"

namespace newsgraph {

// One agreement found by add_agreement_events: its entity, kind and topic.
struct AgreementEvent {
    std::size_t entity = 0;    // index into ResolvedMentions::entities
    std::size_t sentence = 0;  // where it was made
    std::string kind;          // "deal", "joint statement": the noun and its agreement modifiers
    std::string topic;         // "on lithium exports", or empty
    // Later descriptions taken over ("the joint statement"): mention, entity it had before.
    std::vector<std::pair<std::size_t, std::size_t>> taken;
    // Named by a lone organisation before its noun ("the Microsoft deal", but also "the
    // AUKUS security pact"): kept only as the same agreement as another of the article.
    bool only_with_more = false;
};

// Appends a mention and an entity of type Agreement for every indefinite agreement noun
// ("a deal", "an accord", data/agreement_heads.txt) that is the object of a verb whose frame
// makes its subject a party (data/frames.tsv: party_to with the object as target), in the
// parsed sentences of the story. The entity's label is provisional (its kind and topic).
std::vector<AgreementEvent> add_agreement_events(const Document& doc, const ParsedDocument& parsed,
                                                 std::vector<Mention>& mentions,
                                                 ResolvedMentions& resolved, const Lexicon& lexicon,
                                                 const Frames& frames);

// Names each event's entity after its parties ("Chile–Peru deal on lithium exports": the
// sources of its party_to facts read where it was made, in alphabetical order, so that two
// articles on one deal give one node) and returns the entities to drop: events no fact made
// anyone a party to where they were made ("did not sign a deal"), whose taken-over
// descriptions go back to the entities they had, and events that are another's agreement
// again ("the Microsoft deal" after "Microsoft's Activision deal": some of its parties, the
// same or a more general kind), whose mentions and facts are moved to it.
std::vector<std::size_t> name_agreement_events(const std::vector<AgreementEvent>& events,
                                               const std::vector<Mention>& mentions,
                                               ResolvedMentions& resolved,
                                               std::vector<RelationRecord>& relations);

}  // namespace newsgraph
