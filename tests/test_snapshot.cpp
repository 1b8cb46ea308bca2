// graph.ngs: the snapshot format (graph/snapshot.hpp), and the commands built on it: export,
// build --update, extract and merge, each checked against a build of all the articles at once.
#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "graph/snapshot.hpp"
#include "tests/run_newsgraph.hpp"
#include "tests/temp_dir.hpp"

using namespace newsgraph;
using newsgraph::testing::read_file;
using newsgraph::testing::run_newsgraph;
using newsgraph::testing::TempDir;
namespace fs = std::filesystem;

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
        relation.evidence = {id,
                             static_cast<int>(i),
                             10 * i,
                             10 * i + 9,
                             "Sentence " + id,
                             date,
                             i == 2 ? "Antecedent of " + id : ""};
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

// Every file under `dir` but the lock (which names the pid of the last run), by path.
std::map<std::string, std::string> files_of(const fs::path& dir) {
    std::map<std::string, std::string> files;
    for (const auto& entry : fs::recursive_directory_iterator(dir))
        if (entry.is_regular_file() && entry.path().filename() != ".newsgraph.lock")
            files[fs::relative(entry.path(), dir).string()] = read_file(entry.path());
    return files;
}

void require_same_files(const fs::path& expected, const fs::path& actual) {
    const auto want = files_of(expected), got = files_of(actual);
    REQUIRE(want.size() >= 10);  // graph.ngs, manifest.json and the exports
    REQUIRE(want.contains("graph.ngs"));
    REQUIRE(want.contains("manifest.json"));
    for (const auto& [path, bytes] : want) {
        INFO(actual.string() << ": " << path);
        REQUIRE(got.contains(path));
        CHECK(got.at(path) == bytes);
    }
    CHECK(got.size() == want.size());
}

// The samples as three groups of articles, their ids unique across all of them.
struct Groups {
    std::vector<std::string> a, b, c, all;
};

Groups sample_groups() {
    std::vector<std::string> files;
    for (const auto& entry : fs::directory_iterator(NEWSGRAPH_SOURCE_DIR "/samples"))
        files.push_back(entry.path().string());
    std::sort(files.begin(), files.end());
    REQUIRE(files.size() == 6);
    Groups g{{files[0], files[1]}, {files[2], files[3]}, {files[4], files[5]}, files};
    return g;
}

const std::string kFormats = "graphml,jsonld,gexf,neo4j,dot,report,html";

std::vector<std::string> with(std::vector<std::string> args, const std::vector<std::string>& more) {
    args.insert(args.end(), more.begin(), more.end());
    return args;
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
    std::set<std::string> antecedents;
    for (const Edge e : boost::make_iterator_range(boost::edges(loaded.graph.graph())))
        for (const Evidence& ev : loaded.graph.graph()[e].evidence)
            antecedents.insert(ev.antecedent);
    CHECK(antecedents == std::set<std::string>{"", "Antecedent of a"});
    // A sentence the file holds once is held once in memory too, by every fact it supports.
    std::vector<const Evidence*> of_a;
    for (const Edge e : boost::make_iterator_range(boost::edges(loaded.graph.graph())))
        for (const Evidence& ev : loaded.graph.graph()[e].evidence)
            if (ev.document == "a") of_a.push_back(&ev);
    REQUIRE(of_a.size() == 2);
    CHECK(of_a[0]->text.shares_with(of_a[1]->text));
    CHECK(of_a[0]->document.shares_with(of_a[1]->document));
    CHECK(snapshot_bytes(loaded) == bytes);

    // The same graph merged in another order is the same file.
    const Snapshot reversed =
        snapshot_of({article("b", "", {"Bo Chan", "Ann Lee"}),
                     article("a", "2024-01-02", {"Ann Lee", "Bo Chan", "Cy Dee"})});
    CHECK(snapshot_bytes(reversed) == bytes);
}

TEST_CASE("a snapshot written to a stream is the same bytes, long strings and all", "[snapshot]") {
    // A sentence longer than the writer's buffer, and enough facts to fill it many times.
    std::vector<PartialGraph> articles;
    for (int i = 0; i < 300; ++i) {
        const std::string id = "doc-" + std::to_string(i);
        articles.push_back(article(id, "2024-01-02", {"Ann Lee", "Bo Chan " + id, "Cy Dee"}));
    }
    articles[7].relations[0].evidence.text = std::string(100000, 'x');
    const Snapshot original = snapshot_of(articles);
    std::ostringstream stream;
    write_snapshot(original, stream);
    const std::string bytes = snapshot_bytes(original);
    CHECK(stream.str() == bytes);
    const Snapshot loaded = parse_snapshot(bytes, "test.ngs");  // the checksum holds
    CHECK(boost::num_edges(loaded.graph.graph()) == boost::num_edges(original.graph.graph()));
    CHECK(snapshot_bytes(loaded) == bytes);
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

TEST_CASE("an entity spelled two ways is labelled by the spelling most mentioned, in any order",
          "[snapshot][graph]") {
    auto spelled = [](const std::string& id, const std::string& label, int mentions) {
        PartialGraph partial = article(id, "", {label, "Bo Chan"});
        partial.entities[0].aliases = {{label, mentions}};
        partial.entities[0].mentions = mentions;
        return partial;
    };
    const std::vector<PartialGraph> articles = {spelled("a", "Robert De Niro", 1),
                                                spelled("b", "Robert de Niro", 2),
                                                spelled("c", "Robert De Niro", 2)};
    std::vector<std::string> files;
    for (const auto& order : std::vector<std::vector<int>>{{0, 1, 2}, {1, 0, 2}, {2, 1, 0}}) {
        Snapshot snapshot{KnowledgeGraph(2), 0};
        for (const int i : order) snapshot.graph.merge(articles[static_cast<std::size_t>(i)]);
        const Vertex v = *snapshot.graph.find("person/robert-de-niro");
        CHECK(snapshot.graph.graph()[v].label == "Robert De Niro");  // 3 mentions against 2
        files.push_back(snapshot_bytes(snapshot));
    }
    CHECK(files[1] == files[0]);
    CHECK(files[2] == files[0]);
    // A tie goes to the smallest spelling, whichever came first.
    Snapshot tie{KnowledgeGraph(2), 0};
    tie.graph.merge(spelled("b", "Robert de Niro", 2));
    tie.graph.merge(spelled("a", "Robert De Niro", 2));
    CHECK(tie.graph.graph()[*tie.graph.find("person/robert-de-niro")].label == "Robert De Niro");
    const Snapshot loaded = parse_snapshot(snapshot_bytes(tie), "tie.ngs");
    CHECK(loaded.graph.graph()[*loaded.graph.find("person/robert-de-niro")].labels ==
          std::set<std::string>{"Robert De Niro", "Robert de Niro"});
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

TEST_CASE("newsgraph export remakes a build's files from its graph.ngs, byte for byte",
          "[cli][snapshot]") {
    TempDir dir;
    const Groups g = sample_groups();
    auto built = run_newsgraph(with({"build", "-q", "-o", dir / "built", "-f", kFormats}, g.all),
                               dir.path());
    INFO(built.err);
    REQUIRE(built.exit_status == 0);
    auto exported = run_newsgraph(
        {"export", dir / "built/graph.ngs", "-o", dir / "exported", "-f", kFormats}, dir.path());
    INFO(exported.err);
    REQUIRE(exported.exit_status == 0);
    CHECK(exported.out.find("loaded     7 articles") != std::string::npos);
    require_same_files(dir / "built", dir / "exported");

    // Filters and other formats apply as they do to build.
    built = run_newsgraph(with({"build", "-q", "-o", dir / "focus", "-f", "graphml,gexf", "--focus",
                                "Xi Jinping", "--depth", "2"},
                               g.all),
                          dir.path());
    REQUIRE(built.exit_status == 0);
    exported = run_newsgraph({"export", "-q", dir / "built/graph.ngs", "-o", dir / "focus2", "-f",
                              "graphml,gexf", "--focus", "Xi Jinping", "--depth", "2"},
                             dir.path());
    REQUIRE(exported.exit_status == 0);
    CHECK(files_of(dir / "focus2") == files_of(dir / "focus"));
    CHECK(files_of(dir / "focus").at("graph.graphml") !=
          files_of(dir / "built").at("graph.graphml"));
}

TEST_CASE(
    "build --update gives the bytes of one build of all the articles, and re-adding changes "
    "nothing",
    "[cli][snapshot]") {
    TempDir dir;
    const Groups g = sample_groups();
    const std::vector<std::string> first = {g.a[0], g.a[1], g.b[0]};
    const std::vector<std::string> second = {g.b[1], g.c[0], g.c[1]};
    auto once =
        run_newsgraph(with({"build", "-q", "-o", dir / "once", "-f", kFormats}, g.all), dir.path());
    REQUIRE(once.exit_status == 0);
    auto step = run_newsgraph(with({"build", "-q", "-o", dir / "steps", "-f", kFormats}, first),
                              dir.path());
    REQUIRE(step.exit_status == 0);
    const auto before_update = files_of(dir / "steps");
    step = run_newsgraph(with({"build", "--update", dir / "steps", "-f", kFormats}, second),
                         dir.path());
    INFO(step.err);
    REQUIRE(step.exit_status == 0);
    CHECK(step.out.find("read       4 articles; the graph holds 7") != std::string::npos);
    CHECK(files_of(dir / "steps") != before_update);
    require_same_files(dir / "once", dir / "steps");

    // The first articles again, one of them copied under another name: nothing is added.
    const std::string copy = dir.write("copy/copied-article.txt", read_file(g.a[0]));
    step = run_newsgraph(with({"build", "--update", dir / "steps", "-f", kFormats}, {g.a[0], copy}),
                         dir.path());
    INFO(step.err);
    REQUIRE(step.exit_status == 0);
    const std::string id = fs::path(g.a[0]).stem().string();
    CHECK(step.err.find("article \"" + id + "\" is already in the graph (same id): skipped") !=
          std::string::npos);
    CHECK(step.err.find("article \"copied-article\" is already in the graph as \"" + id +
                        "\" (same text): skipped") != std::string::npos);
    CHECK(step.out.find("read       0 articles (2 already in the graph, skipped)") !=
          std::string::npos);
    require_same_files(dir / "once", dir / "steps");

    // Adding to what is not a build's folder is refused, and so is another evidence cap.
    step = run_newsgraph({"build", "--update", dir / "nowhere", g.a[0]}, dir.path());
    CHECK(step.exit_status == 2);
    CHECK(step.err.find("nowhere: no such folder") != std::string::npos);
    step = run_newsgraph({"build", "--update", dir / "steps", "--evidence-cap", "9", g.a[0]},
                         dir.path());
    CHECK(step.exit_status == 2);
    CHECK(step.err.find("keeps 5 sentences per relation") != std::string::npos);
    step = run_newsgraph({"build", "--update", dir / "steps", "-o", dir / "other", g.a[0]},
                         dir.path());
    CHECK(step.exit_status == 2);
    require_same_files(dir / "once", dir / "steps");
}

TEST_CASE("extract and merge: any tree of merges gives the bytes of one build", "[cli][snapshot]") {
    TempDir dir;
    const Groups g = sample_groups();
    auto ok = [&](const std::vector<std::string>& args) {
        const auto result = run_newsgraph(args, dir.path());
        INFO(args[0] << ": " << result.err);
        REQUIRE(result.exit_status == 0);
        return result;
    };
    ok(with({"build", "-q", "-o", dir / "once", "-f", kFormats}, g.all));
    ok(with({"extract", "-q", "-o", dir / "a.ngs"}, g.a));
    ok(with({"extract", "-q", "-o", dir / "b.ngs"}, g.b));
    ok(with({"extract", "-q", "-o", dir / "c.ngs"}, g.c));
    ok({"merge", "-q", dir / "a.ngs", dir / "b.ngs", "-o", dir / "ab.ngs"});
    ok({"merge", "-q", dir / "ab.ngs", dir / "c.ngs", "-o", dir / "ab_c", "-f", kFormats});
    ok({"merge", "-q", dir / "b.ngs", dir / "c.ngs", "-o", dir / "bc.ngs"});
    ok({"merge", "-q", dir / "a.ngs", dir / "bc.ngs", "-o", dir / "a_bc", "-f", kFormats});
    ok({"merge", "-q", dir / "c.ngs", dir / "a.ngs", dir / "b.ngs", "-o", dir / "cab", "-f",
        kFormats});
    require_same_files(dir / "once", dir / "ab_c");
    require_same_files(dir / "once", dir / "a_bc");
    require_same_files(dir / "once", dir / "cab");
    // A merge into one .ngs is the graph.ngs of a build.
    ok({"merge", "-q", dir / "a.ngs", dir / "bc.ngs", "-o", dir / "all.ngs"});
    CHECK(read_file(dir / "all.ngs") == read_file(dir / "once/graph.ngs"));

    // A part taken twice would count its articles twice: refused, nothing written.
    const auto twice =
        run_newsgraph({"merge", dir / "ab.ngs", dir / "a.ngs", "-o", dir / "twice"}, dir.path());
    CHECK(twice.exit_status == 2);
    CHECK(twice.err.find(dir / "a.ngs" + ": article \"") != std::string::npos);
    CHECK(twice.err.find("is in another part too") != std::string::npos);
    CHECK_FALSE(fs::exists(dir / "twice"));
}

TEST_CASE("a corrupt, truncated or foreign graph.ngs stops export, merge and --update, naming it",
          "[cli][snapshot]") {
    TempDir dir;
    const Groups g = sample_groups();
    auto built =
        run_newsgraph(with({"build", "-q", "-o", dir / "built", "-f", "graphml"}, g.a), dir.path());
    REQUIRE(built.exit_status == 0);
    const std::string bytes = read_file(dir / "built/graph.ngs");
    std::string flipped = bytes;
    flipped[bytes.size() / 2] = static_cast<char>(flipped[bytes.size() / 2] ^ 1);
    const std::string corrupt = dir.write("corrupt.ngs", flipped);
    const std::string cut = dir.write("cut.ngs", bytes.substr(0, bytes.size() / 2));
    const std::string foreign = dir.write("foreign.ngs", read_file(dir / "built/graph.graphml"));
    const struct {
        std::string path, problem;
    } cases[] = {{corrupt, "checksum mismatch: the file is corrupt"},
                 {cut, "truncated"},
                 {foreign, "not a newsgraph graph snapshot (graph.ngs) (bad magic bytes)"},
                 {dir / "missing.ngs", "cannot read the graph snapshot: no such file"}};
    for (const auto& c : cases) {
        INFO(c.path);
        auto run = run_newsgraph({"export", c.path, "-o", dir / "out"}, dir.path());
        CHECK(run.exit_status == 2);
        CHECK(run.err.find("newsgraph: " + c.path + ": " + c.problem) != std::string::npos);
        CHECK_FALSE(fs::exists(dir / "out"));
        run = run_newsgraph({"merge", dir / "built/graph.ngs", c.path, "-o", dir / "out.ngs"},
                            dir.path());
        CHECK(run.exit_status == 2);
        CHECK(run.err.find("newsgraph: " + c.path + ": " + c.problem) != std::string::npos);
        CHECK_FALSE(fs::exists(dir / "out.ngs"));
    }
    // --update reads DIR/graph.ngs: a corrupt one leaves the folder as it was.
    const auto before = files_of(dir / "built");
    fs::copy_file(corrupt, dir / "built/graph.ngs", fs::copy_options::overwrite_existing);
    auto run = run_newsgraph({"build", "--update", dir / "built", g.b[0]}, dir.path());
    CHECK(run.exit_status == 2);
    CHECK(run.err.find(dir / "built/graph.ngs" + ": checksum mismatch") != std::string::npos);
    auto after = files_of(dir / "built");
    after["graph.ngs"] = bytes;
    CHECK(after == before);
}

TEST_CASE("the new commands and --update are in the help and check their arguments",
          "[cli][snapshot]") {
    TempDir dir;
    const auto help = run_newsgraph({"--help"}, dir.path());
    for (const std::string words : {"newsgraph extract INPUT... -o PART.ngs", "newsgraph merge",
                                    "newsgraph export GRAPH.ngs", "--update DIR", "mpirun"})
        CHECK(help.out.find(words) != std::string::npos);
    const struct {
        std::vector<std::string> args;
        std::string error;
    } cases[] = {{{"extract", "samples"}, "extract needs -o PART.ngs"},
                 {{"merge", "-o", "x"}, "merge needs a .ngs file"},
                 {{"export", "a.ngs", "b.ngs"}, "export reads one .ngs file"},
                 {{"parse", "--update", "x", "y"}, "--update is an option of build"}};
    for (const auto& c : cases) {
        const auto run = run_newsgraph(c.args, dir.path());
        CHECK(run.exit_status == 2);
        CHECK(run.err.find(c.error) != std::string::npos);
    }
}
