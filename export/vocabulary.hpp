// Our RDF vocabulary: how entity types map to schema.org classes and what each relation
// means, in compact IRIs ("schema:Person", "ng:leader_of") under the prefixes below.
#pragma once

#include <string>
#include <string_view>

#include "graph/schema.hpp"

namespace newsgraph {

inline constexpr std::string_view kSchemaPrefix = "https://schema.org/";
// Our own terms: a URN, because newsgraph publishes no web vocabulary to resolve.
inline constexpr std::string_view kNewsgraphPrefix = "urn:newsgraph:";

// schema:Person, schema:Country, schema:Organization, schema:Place, or ng:Agreement, which
// schema.org lacks.
std::string_view rdf_class(EntityType type);

inline constexpr std::string_view kAgreementComment =
    "A treaty, joint statement, declaration, peace plan, named partnership, charter or statute "
    "between parties.";
inline constexpr std::string_view kEvidenceComment =
    "A sentence of a news article that a statement was read from, with its character offsets.";

// The meaning column of the schema's relation table.
std::string_view relation_meaning(Relation relation);

}  // namespace newsgraph
