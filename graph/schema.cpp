#include "graph/schema.hpp"

#include <array>
#include <cctype>

namespace newsgraph {
namespace {

constexpr std::array<std::string_view, 5> kEntityNames = {"Person", "Country", "Organisation",
                                                          "Agreement", "Location"};
constexpr std::array<std::string_view, kRelationCount> kRelationNames = {
    "leader_of", "official_of",  "affiliated_with", "member_of",  "party_to",    "proposed",
    "met_with",  "visited",      "cooperates_with", "supports",   "criticizes",  "sanctions",
    "attacks",   "legal_action", "located_in",      "citizen_of", "co_mentioned"};

constexpr unsigned bit(EntityType t) {
    return 1u << static_cast<unsigned>(t);
}
constexpr unsigned P = bit(EntityType::Person), C = bit(EntityType::Country),
                   O = bit(EntityType::Organisation), A = bit(EntityType::Agreement),
                   L = bit(EntityType::Location), ANY = P | C | O | A | L;

struct Domain {
    unsigned from, to;
};
// Index by Relation; the rows are the "from → to" column of the schema.
constexpr std::array<Domain, kRelationCount> kDomains = {{
    {P, C | O},              // leader_of
    {P, C | O},              // official_of
    {P, O},                  // affiliated_with
    {C | O, O},              // member_of
    {C | P | O, A},          // party_to
    {C | P | O, A},          // proposed
    {P | C, P | C},          // met_with
    {P, C | L},              // visited
    {C | P | O, C | P | O},  // cooperates_with
    {ANY, ANY},              // supports
    {ANY, ANY},              // criticizes
    {C | O, ANY},            // sanctions
    {C | O, C | L},          // attacks
    {O | C, P | O},          // legal_action
    {L, C},                  // located_in
    {P, C},                  // citizen_of
    {ANY, ANY},              // co_mentioned
}};

}  // namespace

std::string_view to_string(EntityType type) {
    return kEntityNames[static_cast<size_t>(type)];
}
std::string_view to_string(Relation relation) {
    return kRelationNames[static_cast<size_t>(relation)];
}

std::optional<EntityType> parse_entity_type(std::string_view name) {
    for (size_t i = 0; i < kEntityNames.size(); ++i)
        if (kEntityNames[i] == name) return static_cast<EntityType>(i);
    return std::nullopt;
}

std::optional<Relation> parse_relation(std::string_view name) {
    for (size_t i = 0; i < kRelationNames.size(); ++i)
        if (kRelationNames[i] == name) return static_cast<Relation>(i);
    return std::nullopt;
}

std::string neo4j_type(Relation relation) {
    std::string out(to_string(relation));
    for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return out;
}

bool is_symmetric(Relation relation) {
    return relation == Relation::met_with || relation == Relation::cooperates_with ||
           relation == Relation::co_mentioned;
}

bool fits_schema(Relation relation, EntityType from, EntityType to) {
    const Domain& d = kDomains[static_cast<size_t>(relation)];
    return (d.from & bit(from)) && (d.to & bit(to));
}

}  // namespace newsgraph
