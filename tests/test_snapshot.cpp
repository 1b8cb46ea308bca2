// graph.ngs: the snapshot format (graph/snapshot.hpp).
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "graph/snapshot.hpp"

using namespace newsgraph;

namespace {

PartialGraph article(const std::string& id, const std::string& date,
                     const std::vector<std::string>& people) {
    PartialGraph partial;
    partial.document = {id,   "Title of " + id, "https://example.org/" + id,
                        date, "Wire",           std::string(64, id[0])};
    for (const std::string& person : people) {
        EntityRecord record;
        record.label = person;
        record.aliases[person] = 1;
        record.mentions = 1;
        record.attributes["titles"] = id == "b" ? "Minister" : "President";
        partial.entities.push_back(record);
    }
    for (std::size_t i = 1; i < partial.entities.size(); ++i) {
        RelationRecord relation;
        relation.source = 0;
        relation.target = i;
        relation.relation = i % 2 ? Relation::met_with : Relation::co_mentioned;
        relation.evidence = {id, static_cast<int>(i), 10 * i, 10 * i + 9, "Sentence " + id, date};
        relation.confidence = 0.25 * static_cast<double>(i);
        relation.rule = "rule-" + id;
        partial.relations.push_back(relation);
    }
    return partial;
}

Snapshot snapshot_of(const std::vector<PartialGraph>& articles, std::size_t cap = 2) {
    Snapshot snapshot{KnowledgeGraph(cap), articles.size()};
    for (const PartialGraph& a : articles) snapshot.graph.merge(a);
    return snapshot;
}

}  // namespace

TEST_CASE("a snapshot gives back the graph it was made of, byte for byte", "[snapshot]") {
    const Snapshot original =
        snapshot_of({article("a", "2024-01-02", {"Ann Lee", "Bo Chan", "Cy Dee"}),
                     article("b", "", {"Bo Chan", "Ann Lee"})});
    const std::string bytes = snapshot_bytes(original);
    const Snapshot loaded = parse_snapshot(bytes, "test.ngs");
    CHECK(loaded.inputs == 2);
    CHECK(loaded.graph.evidence_cap() == 2);
    CHECK(loaded.graph.documents().size() == 2);
    CHECK(loaded.graph.documents()[0].content_hash == std::string(64, 'a'));
    REQUIRE(boost::num_vertices(loaded.graph.graph()) == 3);
    CHECK(boost::num_edges(loaded.graph.graph()) == 2);
    const Vertex ann = *loaded.graph.find("person/ann-lee");
    CHECK(loaded.graph.graph()[ann].attributes.at("titles") == "Minister|President");
    CHECK(snapshot_bytes(loaded) == bytes);

    // The same graph merged in another order is the same file.
    const Snapshot reversed =
        snapshot_of({article("b", "", {"Bo Chan", "Ann Lee"}),
                     article("a", "2024-01-02", {"Ann Lee", "Bo Chan", "Cy Dee"})});
    CHECK(snapshot_bytes(reversed) == bytes);
}

TEST_CASE("merging snapshots is associative and commutative, and refuses an article twice",
          "[snapshot]") {
    const auto a = snapshot_of({article("a", "2024-01-02", {"Ann Lee", "Bo Chan", "Cy Dee"})});
    const auto b = snapshot_of({article("b", "2024-03-01", {"Bo Chan", "Ann Lee"})});
    const auto c = snapshot_of({article("c", "2023-12-31", {"Cy Dee", "Ann Lee", "Di Eng"})});
    Snapshot left = a;  // (a + b) + c
    merge_snapshot(left, b, "b");
    merge_snapshot(left, c, "c");
    Snapshot bc = b;  // a + (b + c)
    merge_snapshot(bc, c, "c");
    Snapshot right = a;
    merge_snapshot(right, bc, "bc");
    Snapshot backwards = c;  // c + b + a
    merge_snapshot(backwards, b, "b");
    merge_snapshot(backwards, a, "a");
    const Snapshot all = snapshot_of({article("a", "2024-01-02", {"Ann Lee", "Bo Chan", "Cy Dee"}),
                                      article("b", "2024-03-01", {"Bo Chan", "Ann Lee"}),
                                      article("c", "2023-12-31", {"Cy Dee", "Ann Lee", "Di Eng"})});
    CHECK(left.inputs == 3);
    CHECK(snapshot_bytes(left) == snapshot_bytes(all));
    CHECK(snapshot_bytes(right) == snapshot_bytes(all));
    CHECK(snapshot_bytes(backwards) == snapshot_bytes(all));

    Snapshot twice = left;
    CHECK_THROWS_WITH(merge_snapshot(twice, b, "part-b.ngs"),
                      Catch::StartsWith("part-b.ngs: article \"b\" is in another part too"));
    Snapshot other_cap = snapshot_of({article("d", "", {"Ed Fox", "Ann Lee"})}, 5);
    CHECK_THROWS_WITH(merge_snapshot(twice, other_cap, "d.ngs"),
                      Catch::Contains("--evidence-cap 5, the others with 2"));
}

TEST_CASE("a snapshot that is not whole, not ours or of another version is an error naming it",
          "[snapshot]") {
    const std::string bytes =
        snapshot_bytes(snapshot_of({article("a", "2024-01-02", {"Ann Lee", "Bo Chan", "Cy Dee"})}));
    // Every truncation is an error, never a crash or a smaller graph.
    for (std::size_t n = 0; n < bytes.size(); ++n) {
        INFO(n << " bytes");
        CHECK_THROWS_AS(parse_snapshot(bytes.substr(0, n), "cut.ngs"), SnapshotError);
    }
    CHECK_THROWS_WITH(parse_snapshot(bytes.substr(0, bytes.size() - 5), "cut.ngs"),
                      Catch::StartsWith("cut.ngs: truncated"));
    CHECK_THROWS_WITH(parse_snapshot("<graphml>not a snapshot</graphml>", "g.graphml"),
                      "g.graphml: not a newsgraph graph snapshot (graph.ngs) (bad magic bytes)");
    CHECK_THROWS_WITH(parse_snapshot(bytes + "x", "long.ngs"),
                      "long.ngs: trailing bytes after the snapshot");
    // Any changed byte of the payload is found.
    for (std::size_t i = 20; i < bytes.size() - 8; i += 7) {
        std::string corrupt = bytes;
        corrupt[i] = static_cast<char>(corrupt[i] ^ 0x20);
        INFO("byte " << i);
        CHECK_THROWS_WITH(parse_snapshot(corrupt, "bad.ngs"),
                          "bad.ngs: checksum mismatch: the file is corrupt");
    }
    std::string future = bytes;
    future[8] = 9;
    CHECK_THROWS_WITH(parse_snapshot(future, "new.ngs"),
                      Catch::StartsWith("new.ngs: snapshot format version 9, this newsgraph reads "
                                        "version 1"));
    CHECK_THROWS_WITH(read_snapshot("/nonexistent/graph.ngs"),
                      "/nonexistent/graph.ngs: cannot read the graph snapshot: no such file");
}

