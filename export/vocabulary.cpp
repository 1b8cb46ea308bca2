#include "export/vocabulary.hpp"

#include <array>

namespace newsgraph {

std::string_view rdf_class(EntityType type) {
    switch (type) {
        case EntityType::Person:
            return "schema:Person";
        case EntityType::Country:
            return "schema:Country";
        case EntityType::Organisation:
            return "schema:Organization";
        case EntityType::Agreement:
            return "ng:Agreement";
        case EntityType::Location:
            return "schema:Place";
    }
    return "schema:Thing";  // unreachable: every type is listed above
}

std::string_view relation_meaning(Relation relation) {
    static constexpr std::array<std::string_view, kRelationCount> kMeanings = {
        "head of state or government, or head of an organisation",         // leader_of
        "holds a government or organisational office below the head",      // official_of
        "works for, teaches at, writes for, is a fellow of",               // affiliated_with
        "belongs to an alliance, bloc or body",                            // member_of
        "signed, adopted, is bound by, committed to",                      // party_to
        "authored, put forward, released",                                 // proposed
        "met, held talks, hosted",                                         // met_with
        "travelled to",                                                    // visited
        "partnership, alliance, cooperation, trade",                       // cooperates_with
        "praises, welcomes, backs, endorses, arms, supplies",              // supports
        "criticises, condemns, accuses, opposes, rejects, urges to stop",  // criticizes
        "imposes sanctions or embargoes",                                  // sanctions
        "invades, attacks, wages war on",                                  // attacks
        "arrest warrant, charges, lawsuit",                                // legal_action
        "a place lies in a country",                                       // located_in
        "a person is of a country: nationality, not office",               // citizen_of
        "named in the same sentence; a statistic, not a claim (weight = sentence count)",
    };
    return kMeanings[static_cast<std::size_t>(relation)];
}

}  // namespace newsgraph
