// The knowledge graph: a Boost.Graph adjacency_list with bundled properties, built by
// merging the PartialGraph of each document. merge() is associative and commutative up to
// normalize(), which orders vertices and edges canonically for deterministic exports.
#pragma once

#include <boost/graph/adjacency_list.hpp>
#include <cstddef>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <tuple>
#include <unordered_map>
#include <vector>

#include "graph/facts.hpp"
#include "graph/schema.hpp"

namespace newsgraph {

// Surface forms kept per entity: the kMaxAliases smallest (as with evidence, which keeps
// merging order-independent); every mention is still counted in EntityVertex::mentions.
inline constexpr std::size_t kMaxAliases = 50;

struct EntityVertex {
    std::string id;     // entity_id(type, label)
    std::string label;  // canonical name: of `labels`, the one most mentioned as an alias
    // Every canonical name articles gave this id ("Robert De Niro", "Robert de Niro"). The
    // label is chosen from them by the merged counts, not kept from the first article merged,
    // so that it does not depend on the order (or grouping) articles are merged in.
    std::set<std::string> labels;
    EntityType type = EntityType::Person;
    std::map<std::string, int> aliases;  // surface forms merged in, with counts (kMaxAliases)
    int mentions = 0;
    std::set<std::string> documents;
    std::map<std::string, std::string> attributes;
};

struct RelationEdge {
    Relation relation = Relation::co_mentioned;
    int weight = 0;                     // supporting sentences, all counted
    std::vector<Evidence> evidence;     // sorted, at most the graph's evidence cap
    std::string first_date, last_date;  // of the supporting documents that have dates
    std::string cameo;                  // CAMEO root code (the smallest, when triggers differ)
    double confidence = 0.0;            // the highest of the rules that found it
    std::string rule;                   // that rule (the first by name, on a tie)
    // Every supporting sentence is page furniture (bylines, credit lines): the fact is the
    // articles' provenance, kept in the data but left out of the measures, the default
    // drawing and the report's profiles. Exports call it `provenance: credit`.
    bool credit = false;
};

// How exports name where an edge comes from: "credit" (page furniture only) or "story".
inline const char* provenance_of(const RelationEdge& edge) {
    return edge.credit ? "credit" : "story";
}

using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS, EntityVertex,
                                    RelationEdge>;
using Vertex = boost::graph_traits<Graph>::vertex_descriptor;
using Edge = boost::graph_traits<Graph>::edge_descriptor;

class KnowledgeGraph {
  public:
    explicit KnowledgeGraph(std::size_t evidence_cap = 5);
    // The fact index holds edge descriptors, which point into the graph's own edges, so a
    // copy indexes the facts of its graph anew. Boost's adjacency_list has no move (moving
    // one copies it), so the graph is held by pointer: a move takes it whole, descriptors
    // and all, rather than holding the graph twice (a rebuild, a snapshot handed on) at the
    // run's peak. The graph moved from is left empty.
    KnowledgeGraph(const KnowledgeGraph& other);
    KnowledgeGraph(KnowledgeGraph&& other);
    KnowledgeGraph& operator=(const KnowledgeGraph& other);
    KnowledgeGraph& operator=(KnowledgeGraph&& other);
    ~KnowledgeGraph() = default;

    // Adds one document's entities and facts. The same (source, relation, target) seen again
    // adds evidence and weight, never a second edge; symmetric relations are stored once.
    void merge(const PartialGraph& partial);
    // Adds another graph (e.g. one built on another thread).
    void merge(const KnowledgeGraph& other);

    // Rebuilds the graph with vertices ordered by id and edges by (source, relation, target),
    // so that exports are byte-identical whatever order documents were merged in.
    void normalize();

    const Graph& graph() const { return *graph_; }
    const std::vector<DocumentInfo>& documents() const { return documents_; }
    std::size_t evidence_cap() const { return evidence_cap_; }
    std::optional<Vertex> find(const std::string& id) const;

    // Direct mutation for tools, tests and graph/snapshot; keeps the indexes in step.
    void add_document(const DocumentInfo& document) { documents_.push_back(document); }
    // Taken by value: the rebuilds (normalize, contract) move their bundles in rather than
    // holding every string of the graph twice at the run's peak.
    Vertex add_entity(EntityVertex entity);
    void add_relation(Vertex source, Vertex target, Relation relation, const Evidence& evidence,
                      const std::string& cameo = "", double confidence = 0.0,
                      const std::string& rule = "", bool credit = false);
    // Adds a whole edge of another graph (weight, evidence, dates), as merge() does; used to
    // copy parts of a graph (graph/filters.hpp).
    void add_relation(Vertex source, Vertex target, const RelationEdge& edge) {
        add_edge_evidence(source, target, edge.relation, edge);
    }
    // Folds every vertex v into representative[v] (aliases, mentions, documents, edges) in
    // one rebuild; a vertex that is its own representative stays. Used by cross-document
    // resolution ("Putin" into "Vladimir Putin").
    void contract(const std::vector<Vertex>& representative);

  private:
    // What a rebuild (normalize, contract) takes from the graph: its bundles, moved out, and
    // each edge's ends. The graph is emptied first, so that the new one is not built beside
    // the whole of the old one (the Boost structure and the indexes are most of its size).
    struct Parts {
        using EdgeWithEnds = std::tuple<Vertex, Vertex, RelationEdge>;  // source, target
        std::vector<EntityVertex> vertices;
        std::vector<EdgeWithEnds> edges;
    };
    Parts take_parts();
    // Into an emptied graph: entities[order[i]] as vertex i, moved, the vertices made at once
    // (one by one, their storage grew by doubling, up to twice the room they need). Their
    // ids are distinct.
    void add_new_entities(std::vector<EntityVertex>& entities, const std::vector<Vertex>& order);
    // Adds `edges` (their ends vertices of this graph) in (source, relation, target) order,
    // merging those that are one fact; a graph of vertices in id order is then normalized.
    void add_edges_in_order(std::vector<Parts::EdgeWithEnds>& edges);
    // Vertices by id, and edges (in the order boost::edges gives them, which is the order
    // they were added in) by (source, relation, target): the order normalize() makes.
    bool in_canonical_order() const;
    void index_facts();
    void add_edge_evidence(Vertex s, Vertex t, Relation r, RelationEdge incoming);
    // A fact not in the graph yet, its ends in order (symmetric relations by id).
    Edge add_new_edge(Vertex s, Vertex t, Relation r, RelationEdge edge);
    // Adds the weight, evidence and dates of `incoming` to the fact `e`.
    void merge_into(Edge e, const RelationEdge& incoming);

    std::size_t evidence_cap_;
    std::unique_ptr<Graph> graph_;  // never null
    std::vector<DocumentInfo> documents_;
    std::unordered_map<std::string, Vertex> by_id_;
    std::map<std::tuple<Vertex, int, Vertex>, Edge> by_fact_;  // when facts_indexed_
    // Rebuilds leave the fact index unmade, for the next fact added to make (if any).
    bool facts_indexed_ = true;
};

}  // namespace newsgraph
