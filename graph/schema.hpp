// The contract of ../shared/docs/schema.md: entity types, relation types and which
// entity types each relation may connect.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace newsgraph {

enum class EntityType { Person, Country, Organisation, Agreement, Location };
inline constexpr EntityType kEntityTypes[] = {EntityType::Person, EntityType::Country,
                                              EntityType::Organisation, EntityType::Agreement,
                                              EntityType::Location};

enum class Relation {
    leader_of,
    official_of,
    affiliated_with,
    member_of,
    party_to,
    proposed,
    met_with,
    visited,
    cooperates_with,
    supports,
    criticizes,
    sanctions,
    attacks,
    legal_action,
    located_in,
    citizen_of,
    co_mentioned,
};
inline constexpr int kRelationCount = static_cast<int>(Relation::co_mentioned) + 1;

std::string_view to_string(EntityType type);
std::string_view to_string(Relation relation);
std::optional<EntityType> parse_entity_type(std::string_view name);
std::optional<Relation> parse_relation(std::string_view name);

// "leader_of" -> "LEADER_OF": the relationship-type style of Neo4j.
std::string neo4j_type(Relation relation);

// met_with, cooperates_with and co_mentioned hold in both directions.
bool is_symmetric(Relation relation);

// Whether a relation may go from an entity of type `from` to one of type `to`.
bool fits_schema(Relation relation, EntityType from, EntityType to);

}  // namespace newsgraph
