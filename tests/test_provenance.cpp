// Issue 17: credit lines as provenance, exports that load without surprises (GEXF for
// networkx and Gephi, typed JSON-LD measures, Neo4j articles and statements, CSV that
// LOAD CSV and neo4j-admin read alike), and warnings that do not fail a run.
#include <catch2/catch.hpp>
#include <regex>
#include <sstream>
#include <string>

#include "export/exporter.hpp"
#include "graph/analysis.hpp"
#include "src/extract/extractor.hpp"
#include "tests/run_newsgraph.hpp"
#include "tests/temp_dir.hpp"

using namespace newsgraph;
using newsgraph::testing::read_file;
using newsgraph::testing::run_newsgraph;
using newsgraph::testing::RunResult;
using newsgraph::testing::TempDir;

namespace {

PartialGraph extract(const std::string& text) {
    static const Extractor extractor(NEWSGRAPH_DATA_DIR);
    Document doc;
    doc.info.id = "test";
    doc.text = text;
    return extractor.extract(doc);
}

// The relation records source -relation-> target, with their credit flags.
std::vector<bool> credits_of(const PartialGraph& g, const std::string& source, Relation relation,
                             const std::string& target) {
    std::vector<bool> credits;
    for (const RelationRecord& r : g.relations)
        if (r.relation == relation && g.entities[r.source].label == source &&
            g.entities[r.target].label == target)
            credits.push_back(r.credit);
    return credits;
}

Vertex add(KnowledgeGraph& graph, EntityType type, const std::string& label) {
    EntityVertex entity;
    entity.id = entity_id(type, label);
    entity.label = label;
    entity.type = type;
    entity.aliases = {{label, 1}};
    entity.mentions = 1;
    entity.documents = {"doc-1"};
    return graph.add_entity(entity);
}

Evidence said(const std::string& text, int sentence) {
    return {"doc-1", sentence, 0, text.size(), text, "2023-03-21", ""};
}

// An outlet credited with four reporters, and a story: Xi leads China, meets Putin, who
// leads Russia; Xi also cooperates with Putin (a second relation of the same pair).
struct CreditedGraph {
    KnowledgeGraph graph;
    Vertex outlet, xi, china, putin, russia;
    CreditedGraph() {
        PartialGraph article;
        article.document = {"doc-1", "Xi in \"Moscow\"", "https://example.org/1", "2023-03-21",
                            "Wire"};
        graph.merge(article);
        outlet = add(graph, EntityType::Organisation, "CNN");
        xi = add(graph, EntityType::Person, "Xi Jinping");
        china = add(graph, EntityType::Country, "China");
        putin = add(graph, EntityType::Person, "Vladimir Putin");
        russia = add(graph, EntityType::Country, "Russia");
        int sentence = 10;
        for (const char* name : {"Nectar Gan", "Wayne Chang", "Anna Chernova", "Xiaofei Xu"}) {
            const Vertex reporter = add(graph, EntityType::Person, name);
            graph.add_relation(reporter, outlet, Relation::affiliated_with,
                               said("CNN's reporters contributed reporting.", sentence++), "", 0.85,
                               "", true);
        }
        graph.add_relation(xi, china, Relation::leader_of, said("Chinese President Xi.", 0));
        graph.add_relation(putin, russia, Relation::leader_of, said("Russian President Putin.", 1));
        graph.add_relation(xi, putin, Relation::met_with, said("Xi met \"Putin\" \\ there.", 2));
        graph.add_relation(xi, putin, Relation::cooperates_with, said("They cooperate\\", 3));
        graph.normalize();  // reorders the vertices: find them again
        outlet = *graph.find("organisation/cnn");
        xi = *graph.find("person/xi-jinping");
        china = *graph.find("country/china");
        putin = *graph.find("person/vladimir-putin");
        russia = *graph.find("country/russia");
    }
};

std::string render(std::string_view format, const KnowledgeGraph& graph,
                   const ExportOptions& options = {}) {
    std::ostringstream out;
    for (const auto& exporter : make_exporters(format)) {
        out << "=== " << exporter->file_name() << "\n";
        exporter->write(graph, options, out);
    }
    return out.str();
}

std::string file_of(const std::string& rendered, const std::string& name) {
    const std::size_t start = rendered.find("=== " + name + "\n");
    REQUIRE(start != std::string::npos);
    const std::size_t body = start + name.size() + 5;
    const std::size_t end = rendered.find("=== ", body);
    return rendered.substr(body, end == std::string::npos ? std::string::npos : end - body);
}

}  // namespace

// --- credit lines ------------------------------------------------------------------------

TEST_CASE("affiliations read in a credit line are marked as credit, a story's are not",
          "[provenance]") {
    const PartialGraph g = extract(
        "Amara Nwosu, a senior research fellow at the Kiel Institute, said so.\n\n"
        "CNN's Nectar Gan and Wayne Chang contributed reporting.\n");
    CHECK(credits_of(g, "Amara Nwosu", Relation::affiliated_with, "Kiel Institute") ==
          std::vector<bool>{false});
    CHECK(credits_of(g, "Nectar Gan", Relation::affiliated_with, "CNN") == std::vector<bool>{true});
    CHECK(credits_of(g, "Wayne Chang", Relation::affiliated_with, "CNN") ==
          std::vector<bool>{true});
}

TEST_CASE("an edge stated once in the story is a story fact, in whatever order merged",
          "[provenance]") {
    for (const bool story_first : {true, false}) {
        KnowledgeGraph graph;
        const Vertex gan = add(graph, EntityType::Person, "Nectar Gan");
        const Vertex cnn = add(graph, EntityType::Organisation, "CNN");
        const Vertex other = add(graph, EntityType::Organisation, "BBC");
        graph.add_relation(gan, other, Relation::affiliated_with, said("Credit.", 9), "", 0.85, "",
                           true);
        graph.add_relation(gan, cnn, Relation::affiliated_with, said("Credit.", 9), "", 0.85, "",
                           !story_first);
        graph.add_relation(gan, cnn, Relation::affiliated_with, said("Story.", 1), "", 0.85, "",
                           story_first);
        const Graph& g = graph.graph();
        for (Edge e : boost::make_iterator_range(boost::edges(g)))
            CHECK(g[e].credit == (boost::target(e, g) == other));
    }
}

TEST_CASE("credit lines are left out of the measures, so the story's protagonists lead",
          "[provenance][analysis]") {
    CreditedGraph c;
    const Centrality m = analyse(c.graph);
    CHECK(m.degree[c.outlet] == 0);
    CHECK(m.pagerank[c.xi] > m.pagerank[c.outlet]);
    CHECK(m.pagerank[c.putin] > m.pagerank[c.outlet]);
    // Every reporter is as unconnected as the outlet: one component each.
    CHECK(m.component[c.outlet] != m.component[c.xi]);
}

TEST_CASE("credit edges stay in the data with provenance credit, out of the drawing",
          "[provenance][export]") {
    CreditedGraph c;
    const std::string graphml = render("graphml", c.graph);
    CHECK(graphml.find("<data key=\"provenance\">credit</data>") != std::string::npos);
    CHECK(graphml.find("<data key=\"provenance\">story</data>") != std::string::npos);
    const std::string dot = render("dot", c.graph);
    CHECK(dot.find("affiliated") == std::string::npos);
    ExportOptions credits;
    credits.draw_credits = true;
    CHECK(render("dot", c.graph, credits).find("affiliated") != std::string::npos);
}

// --- GEXF ----------------------------------------------------------------------------------

TEST_CASE(
    "GEXF is 1.2draft, every edge has its relation as kind, symmetric ones undirected "
    "in a mixed graph",
    "[export][gexf]") {
    CreditedGraph c;
    const std::string gexf = render("gexf", c.graph);
    CHECK(gexf.find("xmlns=\"http://www.gexf.net/1.2draft\"") != std::string::npos);
    CHECK(gexf.find("version=\"1.2\"") != std::string::npos);
    CHECK(gexf.find("defaultedgetype=\"directed\"") != std::string::npos);
    // Two relations of one pair: distinct kinds, so Gephi does not merge them.
    CHECK(gexf.find("kind=\"met_with\"") != std::string::npos);
    CHECK(gexf.find("kind=\"cooperates_with\"") != std::string::npos);
    // networkx reads no mixed graph: no edge says its own type.
    CHECK_FALSE(std::regex_search(gexf, std::regex("<edge [^>]*type=")));
    ExportOptions mixed;
    mixed.gexf_mixed = true;
    const std::string gephi = render("gexf", c.graph, mixed);
    // Gephi drops undirected edges from a graph declared directed: no default in a mixed one.
    CHECK(gephi.find("defaultedgetype") == std::string::npos);
    CHECK(std::regex_search(gephi, std::regex("type=\"undirected\" kind=\"met_with\"")));
    CHECK(std::regex_search(gephi, std::regex("type=\"undirected\" kind=\"cooperates_with\"")));
    CHECK(std::regex_search(gephi, std::regex("type=\"directed\" kind=\"leader_of\"")));
}

// --- JSON-LD -------------------------------------------------------------------------------

TEST_CASE("JSON-LD measures are typed numbers, relations say their provenance",
          "[export][jsonld]") {
    CreditedGraph c;
    add_centrality_attributes(c.graph, analyse(c.graph));
    const std::string jsonld = render("jsonld", c.graph);
    CHECK(std::regex_search(
        jsonld,
        std::regex(R"re("ng:pagerank": \{\s*"@value": [0-9.e-]+,\s*"@type": "xsd:double")re")));
    CHECK(std::regex_search(
        jsonld, std::regex(R"re("ng:degree": \{\s*"@value": [0-9]+,\s*"@type": "xsd:integer")re")));
    CHECK(jsonld.find("\"ng:provenance\": \"credit\"") != std::string::npos);
}

// --- Neo4j ---------------------------------------------------------------------------------

TEST_CASE("Neo4j gets Article and Statement nodes, MENTIONED_IN and SUPPORTED_BY links, dates",
          "[export][neo4j]") {
    CreditedGraph c;
    const std::string neo4j = render("neo4j", c.graph);
    const std::string articles = file_of(neo4j, "neo4j/articles.csv");
    CHECK(articles ==
          "id:ID(Article),:LABEL,title,url,date:date,source\n"
          "\"doc-1\",Article,\"Xi in \"\"Moscow\"\"\",\"https://example.org/1\","
          "2023-03-21,\"Wire\"\n");
    CHECK(file_of(neo4j, "neo4j/mentioned_in.csv")
              .find("\"person/xi-jinping\",\"doc-1\",MENTIONED_IN\n") != std::string::npos);
    const std::string statements = file_of(neo4j, "neo4j/statements.csv");
    // A symmetric relation is stored once, its ends in id order.
    CHECK(statements.find("\"person/vladimir-putin|met_with|person/xi-jinping\",Statement,") !=
          std::string::npos);
    CHECK(statements.find("first_date:date,last_date:date,provenance") != std::string::npos);
    const std::string links = file_of(neo4j, "neo4j/statement_entities.csv");
    CHECK(links.find("\"person/vladimir-putin|met_with|person/xi-jinping\","
                     "\"person/xi-jinping\",OBJECT\n") != std::string::npos);
    CHECK(file_of(neo4j, "neo4j/supported_by.csv")
              .starts_with(":START_ID(Statement),:END_ID(Article),:TYPE,sentence:int,start:int,"
                           "end:int,text\n"));
    const std::string relationships = file_of(neo4j, "neo4j/relationships.csv");
    CHECK(relationships.find("first_date:date,last_date:date,provenance") != std::string::npos);

    const std::string cypher = file_of(neo4j, "neo4j/load.cypher");
    CHECK(cypher.find("MERGE (a:Article {id: row.id})") != std::string::npos);
    CHECK(cypher.find("MERGE (e)-[:MENTIONED_IN]->(a)") != std::string::npos);
    CHECK(cypher.find("MERGE (s)-[r:SUPPORTED_BY {sentence: row.sentence}]->(a)") !=
          std::string::npos);
    CHECK(cypher.find("first_date: date('2023-03-21')") != std::string::npos);
    CHECK(cypher.find("DETACH DELETE") == std::string::npos);
    ExportOptions replace;
    replace.neo4j_replace = true;
    const std::string replacing = file_of(render("neo4j", c.graph, replace), "neo4j/load.cypher");
    const std::size_t deleted =
        replacing.find("MATCH (n) WHERE n:Entity OR n:Article OR n:Statement DETACH DELETE n;");
    CHECK(deleted != std::string::npos);
    CHECK(deleted < replacing.find("MERGE"));
}

TEST_CASE("Neo4j CSV has no backslash before a quote, which LOAD CSV reads as an escape",
          "[export][neo4j]") {
    CreditedGraph c;
    const std::string neo4j = render("neo4j", c.graph);
    for (const char* name : {"neo4j/nodes.csv", "neo4j/relationships.csv", "neo4j/articles.csv",
                             "neo4j/statements.csv", "neo4j/supported_by.csv"}) {
        INFO(name);
        CHECK(file_of(neo4j, name).find("\\\"") == std::string::npos);
    }
    const std::string relationships = file_of(neo4j, "neo4j/relationships.csv");
    // The evidence JSON escapes quotes and backslashes as \u0022 and \u005c.
    CHECK(relationships.find("Xi met \\u0022Putin\\u0022 \\u005c there.") != std::string::npos);
    // A backslash ending a value becomes U+FF3C, which no reader takes for an escape.
    CHECK(file_of(neo4j, "neo4j/supported_by.csv").find("They cooperate\xEF\xBC\xBC\"") !=
          std::string::npos);
}

// --- the command line ----------------------------------------------------------------------

TEST_CASE(
    "a repaired byte is a warning: exit 0, counted on stderr, and a folder's README is "
    "left out",
    "[cli][provenance]") {
    TempDir dir;
    dir.write("in/a.txt", "Chinese President Xi Jinping met Russian President Vladimir Putin.\n");
    dir.write("in/b.txt", "Japanese Prime Minister Fumio Kishida visited Kenya.\xff\n");
    dir.write("in/README.TXT",
              "This corpus was collected by Derek Greene and Padraig Cunningham.\n");
    dir.write("in/sub/LICENSE.md", "Permission is granted by Jane Roe.\n");
    const RunResult run =
        run_newsgraph({"build", dir / "in", "-o", dir / "out", "-f", "graphml"}, dir.path());
    INFO(run.err);
    CHECK(run.exit_status == 0);
    CHECK_THAT(run.err,
               Catch::Contains(dir / "in/b.txt" + ": 1 invalid UTF-8 byte sequence was replaced"));
    CHECK_THAT(run.err, Catch::Contains(dir / "in/README.TXT" + ": not an article"));
    CHECK_THAT(run.err, Catch::Contains(dir / "in/sub/LICENSE.md" + ": not an article"));
    CHECK_THAT(run.err, Catch::Contains("newsgraph: 3 warnings"));
    CHECK_THAT(run.out, Catch::Contains("read       2 articles (3 warnings on stderr)"));
    const std::string graphml = read_file(dir.path() / "out/graph.graphml");
    CHECK(graphml.find("Derek Greene") == std::string::npos);
    CHECK(graphml.find("Jane Roe") == std::string::npos);

    // A README named on the command line is read: the user asked for it.
    const RunResult named = run_newsgraph(
        {"build", dir / "in/README.TXT", "-o", dir / "named", "-f", "graphml", "-q"}, dir.path());
    CHECK(named.exit_status == 0);
    CHECK(read_file(dir.path() / "named/graph.graphml").find("Derek Greene") != std::string::npos);

    // A skipped input still makes the exit status 1.
    dir.write("in/empty.txt", "   \n");
    CHECK(run_newsgraph({"build", dir / "in", "-o", dir / "out", "-f", "graphml", "-q"}, dir.path())
              .exit_status == 1);
}

TEST_CASE("annotate: a short form folded across articles takes its organisation's id and type",
          "[cli][annotate]") {
    TempDir dir;
    dir.write("in/a.txt",
              "Party conference opens\n\nThe Liberal Democrats opened their conference on "
              "Monday. Charles Kennedy told the Liberal Democrats to aim high.\n");
    dir.write("in/b.txt",
              "Lib Dems target seats\n\nThe Lib Dems said on Tuesday they would fight 50 more "
              "seats. Lib Dems leader Charles Kennedy spoke in Leeds.\n");
    const RunResult run =
        run_newsgraph({"annotate", (dir.path() / "in").string(), "-o", "-", "--quiet"}, dir.path());
    REQUIRE(run.exit_status == 0);
    std::istringstream lines(run.out);
    int short_forms = 0;
    for (std::string line; std::getline(lines, line);) {
        if (line.find("\"text\":\"Lib Dems\"") == std::string::npos) continue;
        ++short_forms;
        INFO(line);
        CHECK(line.find("\"type\":\"Organisation\"") != std::string::npos);
        CHECK(line.find("\"entity\":\"organisation/liberal-democrat-party\"") != std::string::npos);
    }
    CHECK(short_forms == 3);
}
