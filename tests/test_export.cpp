// The export stage: each writer's structure, text that strict consumers accept, and files
// that are replaced atomically. Escaping is judged by the real consumers
// (tests/consumers/check_exports.py), not by our own reading of the formats.
#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "export/exporter.hpp"
#include "export/text.hpp"
#include "tests/temp_dir.hpp"

namespace fs = std::filesystem;
using namespace newsgraph;
using newsgraph::testing::read_file;
using newsgraph::testing::TempDir;

namespace {

void write_text_file(const std::string& path, const std::string& text) {
    std::ofstream(path, std::ios::binary) << text;
}

std::string render(std::string_view format, const KnowledgeGraph& graph,
                   const ExportOptions& options = {}) {
    std::ostringstream out;
    make_exporter(format)->write(graph, options, out);
    return out.str();
}

std::size_t count(const std::string& text, const std::string& needle) {
    std::size_t found = 0;
    for (std::size_t at = text.find(needle); at != std::string::npos;
         at = text.find(needle, at + 1))
        ++found;
    return found;
}

EntityVertex entity(EntityType type, const std::string& label,
                    std::map<std::string, int> aliases = {},
                    std::map<std::string, std::string> attributes = {}) {
    EntityVertex vertex;
    vertex.id = entity_id(type, label);
    vertex.label = label;
    vertex.type = type;
    vertex.aliases = aliases.empty() ? std::map<std::string, int>{{label, 1}} : aliases;
    for (const auto& [alias, mentions] : vertex.aliases) vertex.mentions += mentions;
    vertex.documents = {"doc-1"};
    vertex.attributes = std::move(attributes);
    return vertex;
}

Evidence evidence(const std::string& text, int sentence = 0, const std::string& date = "") {
    return {"doc-1", sentence, 0, text.size(), text, date, ""};
}

// Registers an article; the graph learns documents only through merge().
void add_document(KnowledgeGraph& graph, DocumentInfo document) {
    PartialGraph partial;
    partial.document = std::move(document);
    graph.merge(partial);
}

// Two leaders, their countries, one meeting and a co-mention.
KnowledgeGraph small_graph() {
    KnowledgeGraph graph;
    add_document(graph, {"doc-1", "Xi in Moscow", "https://example.org/1", "2023-03-21", "Wire"});
    const Vertex xi = graph.add_entity(entity(EntityType::Person, "Xi Jinping",
                                              {{"Xi Jinping", 2}, {"Xi", 5}, {"Mr. Xi", 2}},
                                              {{"titles", "President"}}));
    const Vertex china = graph.add_entity(
        entity(EntityType::Country, "China", {}, {{"iso_alpha2", "CN"}, {"iso_alpha3", "CHN"}}));
    const Vertex putin = graph.add_entity(entity(EntityType::Person, "Vladimir Putin"));
    const Vertex russia = graph.add_entity(entity(EntityType::Country, "Russia"));
    graph.add_relation(xi, china, Relation::leader_of,
                       evidence("Chinese President Xi Jinping arrived.", 0, "2023-03-21"));
    graph.add_relation(xi, putin, Relation::met_with, evidence("Xi met Putin.", 1));
    graph.add_relation(china, russia, Relation::co_mentioned, evidence("China and Russia.", 2));
    graph.normalize();
    return graph;
}

// Fifteen entities of the seed articles' story, every type and every family of relation.
KnowledgeGraph summit_graph() {
    KnowledgeGraph graph;
    add_document(graph, {"doc-1", "Xi arrives in Moscow", "", "2023-03-20", "Wire"});
    add_document(graph, {"doc-2", "Blinken criticises visit", "", "2023-03-21", ""});
    auto add = [&](EntityType type, const std::string& label,
                   std::map<std::string, std::string> attributes = {}) {
        return graph.add_entity(entity(type, label, {}, std::move(attributes)));
    };
    const Vertex xi = graph.add_entity(
        entity(EntityType::Person, "Xi Jinping", {{"Xi Jinping", 4}, {"Xi", 9}, {"Mr. Xi", 3}}));
    const Vertex putin = graph.add_entity(
        entity(EntityType::Person, "Vladimir Putin", {{"Vladimir Putin", 3}, {"Putin", 6}}));
    const Vertex blinken = add(EntityType::Person, "Antony Blinken");
    const Vertex zelenskyy = add(EntityType::Person, "Volodymyr Zelenskyy");
    const Vertex china = add(EntityType::Country, "China", {{"iso_alpha2", "CN"}});
    const Vertex russia = add(EntityType::Country, "Russia", {{"iso_alpha2", "RU"}});
    const Vertex us = add(EntityType::Country, "United States", {{"iso_alpha2", "US"}});
    const Vertex ukraine = add(EntityType::Country, "Ukraine", {{"iso_alpha2", "UA"}});
    const Vertex nato = add(EntityType::Organisation, "NATO");
    const Vertex icc = add(EntityType::Organisation, "International Criminal Court");
    const Vertex un = add(EntityType::Organisation, "United Nations");
    const Vertex statement = add(EntityType::Agreement, "China–Russia joint statement");
    const Vertex plan = add(EntityType::Agreement, "12-point peace plan");
    const Vertex moscow = add(EntityType::Location, "Moscow");
    const Vertex harbin = add(EntityType::Location, "Harbin");

    int sentence = 0;
    auto relate = [&](Vertex source, Relation relation, Vertex target, int times = 1) {
        for (int i = 0; i < times; ++i)
            graph.add_relation(source, target, relation,
                               evidence("Sentence " + std::to_string(sentence) + " says so.",
                                        sentence, "2023-03-2" + std::to_string(sentence % 3)));
        ++sentence;
    };
    relate(xi, Relation::leader_of, china);
    relate(putin, Relation::leader_of, russia);
    relate(zelenskyy, Relation::leader_of, ukraine);
    relate(blinken, Relation::official_of, us);
    relate(xi, Relation::met_with, putin, 3);
    relate(xi, Relation::visited, moscow);
    relate(moscow, Relation::located_in, russia);
    relate(harbin, Relation::located_in, china);
    relate(china, Relation::party_to, statement);
    relate(russia, Relation::party_to, statement);
    relate(china, Relation::proposed, plan);
    relate(china, Relation::cooperates_with, russia, 2);
    relate(russia, Relation::attacks, ukraine, 4);
    relate(icc, Relation::legal_action, putin);
    relate(blinken, Relation::criticizes, xi);
    relate(us, Relation::sanctions, russia);
    relate(us, Relation::supports, ukraine);
    relate(us, Relation::member_of, nato);
    relate(china, Relation::member_of, un);
    relate(russia, Relation::member_of, un);
    relate(xi, Relation::co_mentioned, blinken);
    relate(putin, Relation::co_mentioned, zelenskyy);
    relate(china, Relation::co_mentioned, us, 2);
    graph.normalize();
    return graph;
}

// Writes every format into `directory` through write_export_file, as the CLI does.
void write_all(const TempDir& directory, const KnowledgeGraph& graph) {
    for (std::string_view format : export_formats())
        for (const auto& exporter : make_exporters(format)) {
            const fs::path path = directory.path() / std::string(exporter->file_name());
            fs::create_directories(path.parent_path());
            write_export_file(path.string(), *exporter, graph, {});
        }
}

// Runs the consumer checker on `directory`, with `expect` (JSON) when given.
int check_exports(const TempDir& directory, const std::string& expect_json) {
    std::string command = "/usr/bin/python3 " NEWSGRAPH_SOURCE_DIR
                          "/tests/consumers/check_exports.py '" +
                          directory.path().string() + "'";
    if (!expect_json.empty()) {
        write_text_file(directory / "expect.json", expect_json);
        command += " --expect '" + (directory / "expect.json") + "'";
    }
    return std::system(command.c_str());
}

rapidjson::Document parse_json(const std::string& text) {
    rapidjson::Document document;
    document.Parse(text.c_str());
    REQUIRE_FALSE(document.HasParseError());
    return document;
}

// The content of the first <data key="KEY"> element, XML entities resolved.
std::string graphml_data(const std::string& graphml, const std::string& key) {
    const std::string open = "<data key=\"" + key + "\">";
    const std::size_t start = graphml.find(open);
    REQUIRE(start != std::string::npos);
    const std::size_t from = start + open.size();
    std::string raw = graphml.substr(from, graphml.find("</data>", from) - from), text;
    const std::vector<std::pair<std::string, char>> entities = {
        {"&amp;", '&'},   {"&lt;", '<'},  {"&gt;", '>'},   {"&quot;", '"'},
        {"&apos;", '\''}, {"&#9;", '\t'}, {"&#10;", '\n'}, {"&#13;", '\r'}};
    for (std::size_t i = 0; i < raw.size();) {
        bool replaced = false;
        for (const auto& [entity_text, c] : entities) {
            if (raw.compare(i, entity_text.size(), entity_text) == 0) {
                text += c;
                i += entity_text.size();
                replaced = true;
                break;
            }
        }
        if (!replaced) text += raw[i++];
    }
    return text;
}

// RapidJSON's comparison operators recurse forever under C++20's rewritten comparisons,
// so values are compared as std::string or int.
std::string text(const rapidjson::Value& value) {
    return value.IsString() ? value.GetString() : "(not a string)";
}

const rapidjson::Value* find_node(const rapidjson::Document& jsonld, const std::string& id) {
    for (const auto& node : jsonld["@graph"].GetArray())
        if (node.HasMember("@id") && node["@id"].GetString() == id) return &node;
    return nullptr;
}

// An exporter that writes a little and then fails, as a writer meeting bad data might.
class FailingExporter : public Exporter {
  public:
    std::string_view format() const override { return "failing"; }
    std::string_view file_name() const override { return "graph.failing"; }
    void write(const KnowledgeGraph&, const ExportOptions&, std::ostream& out) const override {
        out << "half of an export";
        throw std::runtime_error("writer gave up");
    }
};

// Lowers the file size limit for the scope, so that writes fail with EFBIG as on a full disk.
class FileSizeLimit {
  public:
    explicit FileSizeLimit(rlim_t bytes) {
        ::getrlimit(RLIMIT_FSIZE, &saved_);
        previous_handler_ = std::signal(SIGXFSZ, SIG_IGN);  // report EFBIG, do not kill
        rlimit lowered = saved_;
        lowered.rlim_cur = bytes;
        ::setrlimit(RLIMIT_FSIZE, &lowered);
    }
    ~FileSizeLimit() {
        ::setrlimit(RLIMIT_FSIZE, &saved_);
        std::signal(SIGXFSZ, previous_handler_);
    }
    FileSizeLimit(const FileSizeLimit&) = delete;
    FileSizeLimit& operator=(const FileSizeLimit&) = delete;

  private:
    rlimit saved_{};
    void (*previous_handler_)(int) = nullptr;
};

}  // namespace

TEST_CASE("every export format has a writer that names its file", "[export]") {
    const std::vector<std::string_view> expected = {"graphml", "jsonld", "gexf", "neo4j",  "dot",
                                                    "svg",     "png",    "pdf",  "report", "html"};
    CHECK(export_formats() == expected);
    for (std::string_view format : {"graphml", "jsonld", "gexf", "dot", "svg", "png", "pdf"}) {
        const auto exporter = make_exporter(format);
        REQUIRE(exporter);
        CHECK(exporter->format() == format);
        CHECK(exporter->file_name() == "graph." + std::string(format));
    }
    std::vector<std::string> files;
    for (std::string_view format : {"neo4j", "report"}) {
        CHECK_FALSE(make_exporter(format));  // several files: make_exporters() only
        for (const auto& exporter : make_exporters(format)) {
            CHECK(exporter->format() == format);
            files.emplace_back(exporter->file_name());
        }
    }
    CHECK(files == std::vector<std::string>{"neo4j/nodes.csv", "neo4j/relationships.csv",
                                            "neo4j/articles.csv", "neo4j/mentioned_in.csv",
                                            "neo4j/statements.csv", "neo4j/statement_entities.csv",
                                            "neo4j/supported_by.csv", "neo4j/load.cypher",
                                            "report.md", "report.html"});
    CHECK_FALSE(make_exporter("jpeg"));
    CHECK(make_exporters("jpeg").empty());
}

TEST_CASE("clean_text keeps valid UTF-8 and replaces what XML cannot carry", "[export]") {
    const std::string replacement = "\xEF\xBF\xBD";
    CHECK(clean_text("é 中文 😀 \t\n\r") == "é 中文 😀 \t\n\r");
    CHECK(clean_text("a\x01z") == "a" + replacement + "z");
    CHECK(clean_text("\xC0\xAF") == replacement + replacement);                    // overlong '/'
    CHECK(clean_text("\xED\xA0\x80") == replacement + replacement + replacement);  // surrogate
    CHECK(clean_text("\xF4\x90\x80\x80").find("\xF4") == std::string::npos);       // > U+10FFFF
    CHECK(clean_text("caf\xC3") == "caf" + replacement);  // cut mid-character
    CHECK(clean_text("\xEF\xBF\xBF") == replacement);     // U+FFFF
    CHECK(xml_escape("a&b<c>\"d'\n") == "a&amp;b&lt;c&gt;&quot;d&apos;&#10;");
}

TEST_CASE("GraphML declares named keys and carries every field", "[export][graphml]") {
    const std::string graphml = render("graphml", small_graph());
    CHECK(graphml.find("xmlns=\"http://graphml.graphdrawing.org/xmlns\"") != std::string::npos);
    CHECK(graphml.find("<graph id=\"newsgraph\" edgedefault=\"directed\">") != std::string::npos);
    for (const char* key :
         {"<key id=\"label\" for=\"node\" attr.name=\"label\" attr.type=\"string\"/>",
          "<key id=\"mentions\" for=\"node\" attr.name=\"mentions\" attr.type=\"int\"/>",
          "<key id=\"iso_alpha2\" for=\"node\" attr.name=\"iso_alpha2\" attr.type=\"string\"/>",
          "<key id=\"titles\" for=\"node\" attr.name=\"titles\" attr.type=\"string\"/>",
          "<key id=\"edge_label\" for=\"edge\" attr.name=\"label\" attr.type=\"string\"/>",
          "<key id=\"weight\" for=\"edge\" attr.name=\"weight\" attr.type=\"double\"/>",
          "<key id=\"evidence\" for=\"edge\" attr.name=\"evidence\" attr.type=\"string\"/>"})
        CHECK(graphml.find(key) != std::string::npos);
    CHECK(graphml.find("key0") == std::string::npos);

    // Nodes in id order after normalize(): country/china comes first.
    CHECK(graphml.find("<node id=\"country/china\">") < graphml.find("<node id=\"person/"));
    CHECK(graphml_data(graphml, "labels") == ":Country");
    CHECK(graphml.find("<data key=\"aliases\">[&quot;Xi&quot;,&quot;Mr. Xi&quot;,&quot;Xi "
                       "Jinping&quot;]</data>") != std::string::npos);  // most mentioned first
    CHECK(graphml.find("<data key=\"alias_counts\">{&quot;Mr. Xi&quot;:2,&quot;Xi&quot;:5,"
                       "&quot;Xi Jinping&quot;:2}</data>") != std::string::npos);
    CHECK(graphml.find("<data key=\"mentions\">9</data>") != std::string::npos);
    CHECK(graphml_data(graphml, "documents") == "[\"doc-1\"]");

    CHECK(graphml.find("<edge id=\"e0\" source=\"country/china\" target=\"country/russia\">") !=
          std::string::npos);
    CHECK(graphml.find("<edge id=\"e1\" source=\"person/vladimir-putin\" "
                       "target=\"person/xi-jinping\">") != std::string::npos);  // symmetric
    CHECK(graphml.find("<data key=\"relation\">leader_of</data>") != std::string::npos);
    CHECK(graphml.find("<data key=\"edge_label\">LEADER_OF</data>") != std::string::npos);
    CHECK(graphml.find("<data key=\"first_date\">2023-03-21</data>") != std::string::npos);

    const rapidjson::Document evidence = parse_json(graphml_data(graphml, "evidence"));
    REQUIRE(evidence.IsArray());
    REQUIRE(evidence.Size() == 1);
    CHECK(text(evidence[0]["document"]) == "doc-1");
    CHECK(evidence[0]["sentence"].GetInt() == 2);
    CHECK(text(evidence[0]["text"]) == "China and Russia.");
    CHECK_FALSE(evidence[0].HasMember("date"));
}

TEST_CASE("GraphML escapes markup and repairs text XML cannot carry", "[export][graphml]") {
    KnowledgeGraph graph;
    EntityVertex odd = entity(EntityType::Organisation, "A&B <c> \"d\"\x01\xFF");
    odd.attributes = {{"label", "clashes with the label key"}, {"odd name", "x"}};
    graph.add_entity(odd);
    const std::string graphml = render("graphml", graph);
    CHECK(graphml.find("<data key=\"label\">A&amp;B &lt;c&gt; &quot;d&quot;\xEF\xBF\xBD\xEF\xBF\xBD"
                       "</data>") != std::string::npos);
    CHECK(graphml.find("<key id=\"attribute_label\" for=\"node\" attr.name=\"attribute_label\"") !=
          std::string::npos);
    CHECK(graphml.find("<key id=\"odd_name\"") != std::string::npos);
    CHECK(graphml.find('\x01') == std::string::npos);
}

TEST_CASE("DOT draws entities by type and leaves co-mentions out unless asked", "[export][dot]") {
    const KnowledgeGraph graph = small_graph();
    const std::string dot = render("dot", graph);
    CHECK(dot.find("digraph newsgraph") != std::string::npos);
    CHECK(dot.find("\"person/xi-jinping\"") != std::string::npos);
    CHECK(dot.find("label=\"Xi Jinping\"") != std::string::npos);
    CHECK(dot.find("shape=box") != std::string::npos);  // countries
    // The legend names the types present, and only those.
    CHECK(dot.find("label=<<table") != std::string::npos);
    CHECK(dot.find("Country (rounded box)") != std::string::npos);
    CHECK(dot.find("Organisation") == std::string::npos);
    // Laid out by newsgraph, group by group: the DOT keeps the positions (neato -n2).
    CHECK(dot.find("layout=nop2") != std::string::npos);
    CHECK(count(dot, "pos=") >= 5);  // three entities, two relations
    CHECK(count(dot, "\"relation met_with\"") == 1);
    CHECK(count(dot, "dir=none") == 1);  // met_with is symmetric
    CHECK(count(dot, "co_mentioned") == 0);
    // Russia is only co-mentioned: left out with its link.
    CHECK(dot.find("\"country/russia\"") == std::string::npos);

    ExportOptions with_co_mentions;
    with_co_mentions.draw_co_mentions = true;
    const std::string drawn = render("dot", graph, with_co_mentions);
    CHECK(count(drawn, "\"relation co_mentioned\"") == 1);
    CHECK(count(drawn, "dir=none") == 2);
}

// The node positions ("x,y", points, y upwards) of a laid-out DOT drawing, by node name.
std::map<std::string, std::pair<double, double>> positions(const std::string& dot) {
    std::map<std::string, std::pair<double, double>> out;
    // Node statements: a tab, the quoted name, a tab, the attributes (one a line) in [...].
    const std::regex node("\n\t\"([^\"]+)\"\t\\[([^\\]]*)\\]");
    const std::regex pos("pos=\"([-0-9.]+),([-0-9.]+)\"");
    for (std::sregex_iterator it(dot.begin(), dot.end(), node), end; it != end; ++it) {
        const std::string attributes = (*it)[2];
        std::smatch at;
        if (std::regex_search(attributes, at, pos))
            out[(*it)[1]] = {std::stod(at[1]), std::stod(at[2])};
    }
    return out;
}

TEST_CASE("drawings leave out unrelated entities and put the largest group on top",
          "[export][dot]") {
    KnowledgeGraph graph;
    auto add = [&](const char* name) {
        return graph.add_entity(entity(EntityType::Organisation, name));
    };
    const Vertex a = add("A"), b = add("B"), c = add("C"), d = add("D");
    const Vertex e = add("E"), f = add("F"), g = add("G"), h = add("H");
    add("I");
    add("J");
    graph.add_relation(a, b, Relation::member_of, evidence("A is in B."));
    graph.add_relation(a, c, Relation::cooperates_with, evidence("A works with C.", 1));
    graph.add_relation(d, b, Relation::member_of, evidence("D is in B.", 2));
    graph.add_relation(e, f, Relation::member_of, evidence("E is in F.", 3));
    graph.add_relation(g, h, Relation::member_of, evidence("G is in H.", 4));
    graph.normalize();

    const auto placed = positions(render("dot", graph));
    REQUIRE(placed.size() == 8);  // I and J, with no relation, are left out
    CHECK(placed.count("organisation/i") == 0);
    double top_of_largest = -1e9, top_of_rest = -1e9;
    for (const auto& [name, at] : placed) {
        const bool largest = name == "organisation/a" || name == "organisation/b" ||
                             name == "organisation/c" || name == "organisation/d";
        double& top = largest ? top_of_largest : top_of_rest;
        top = std::max(top, at.second);
    }
    CHECK(top_of_largest > top_of_rest);
    // The two pairs sit side by side, in one row, not in a column.
    CHECK(placed.at("organisation/e").second == Approx(placed.at("organisation/g").second));
    CHECK(placed.at("organisation/e").first != Approx(placed.at("organisation/g").first));

    ExportOptions all;
    all.draw_unrelated = true;
    CHECK(positions(render("dot", graph, all)).size() == 10);
    ExportOptions limited;
    limited.draw_limit = 5;  // the group of four fits, then neither pair
    CHECK(positions(render("dot", graph, limited)).size() == 4);
}

TEST_CASE("a drawing of entities without relations packs them in rows", "[export][dot]") {
    KnowledgeGraph graph;
    for (const char* name : {"A", "B", "C", "D", "E"})
        graph.add_entity(entity(EntityType::Organisation, name));
    // Nothing related: every entity drawn, in rows (here three and two), not one column.
    const auto placed = positions(render("dot", graph));
    REQUIRE(placed.size() == 5);
    std::set<double> rows, columns;
    for (const auto& [name, at] : placed) {
        rows.insert(at.second);
        columns.insert(at.first);
    }
    CHECK(rows.size() == 2);
    CHECK(columns.size() >= 3);
}

TEST_CASE("SVG renders the same drawing, and an unknown layout lists the valid ones", "[export][svg]") {
    const KnowledgeGraph graph = small_graph();
    const std::string svg = render("svg", graph);
    CHECK(svg.find("<svg") != std::string::npos);
    CHECK(svg.find("<title>person/xi&#45;jinping</title>") != std::string::npos);
    CHECK(svg.find(">Xi Jinping</text>") != std::string::npos);
    CHECK(svg.find("co_mentioned") == std::string::npos);

    ExportOptions neato;
    neato.layout = "neato";
    CHECK(render("svg", graph, neato).find("<svg") != std::string::npos);

    ExportOptions unknown;
    unknown.layout = "no-such-engine";
    for (const char* format : {"svg", "dot"}) {
        CAPTURE(format);
        CHECK_THROWS_WITH(render(format, graph, unknown), Catch::Contains("no-such-engine") &&
                                                              Catch::Contains("neato") &&
                                                              Catch::Contains("dot"));
    }
}

TEST_CASE("JSON-LD links entities by relation and keeps every edge as a statement",
          "[export][jsonld]") {
    const rapidjson::Document jsonld = parse_json(render("jsonld", small_graph()));
    const auto& context = jsonld["@context"];
    CHECK(text(context["schema"]) == "https://schema.org/");
    CHECK(text(context["ng"]) == "urn:newsgraph:");
    CHECK(text(context["Organisation"]) == "schema:Organization");
    CHECK(text(context["Agreement"]) == "ng:Agreement");
    CHECK(text(context["mentions"]["@type"]) == "xsd:integer");
    CHECK(text(context["leader_of"]["@id"]) == "ng:leader_of");
    CHECK(text(context["leader_of"]["@type"]) == "@id");
    CHECK_FALSE(context.HasMember("co_mentioned"));  // never a direct property

    const rapidjson::Value* agreement = find_node(jsonld, "ng:Agreement");
    REQUIRE(agreement);
    CHECK(text((*agreement)["@type"]) == "rdfs:Class");
    CHECK(text((*agreement)["rdfs:subClassOf"]["@id"]) == "schema:CreativeWork");
    const rapidjson::Value* met_with = find_node(jsonld, "ng:met_with");
    REQUIRE(met_with);
    CHECK(text((*met_with)["rdfs:comment"]) == "met, held talks, hosted");
    REQUIRE(find_node(jsonld, "ng:co_mentioned"));

    const rapidjson::Value* xi = find_node(jsonld, "ng:entity/person/xi-jinping");
    REQUIRE(xi);
    CHECK(text((*xi)["@type"]) == "Person");
    CHECK(text((*xi)["name"]) == "Xi Jinping");
    CHECK(text((*xi)["alternateName"][0]) == "Xi");
    CHECK((*xi)["mentions"].GetInt() == 9);
    CHECK(text((*xi)["leader_of"][0]) == "ng:entity/country/china");
    CHECK(text((*xi)["met_with"][0]) == "ng:entity/person/vladimir-putin");
    const rapidjson::Value* putin = find_node(jsonld, "ng:entity/person/vladimir-putin");
    REQUIRE(putin);
    CHECK(text((*putin)["met_with"][0]) == "ng:entity/person/xi-jinping");  // symmetric: both ends
    const rapidjson::Value* china = find_node(jsonld, "ng:entity/country/china");
    REQUIRE(china);
    CHECK(text((*china)["ng:isoAlpha3"][0]) == "CHN");
    CHECK_FALSE(china->HasMember("co_mentioned"));

    const rapidjson::Value* statement = find_node(jsonld, "ng:statement/0");
    REQUIRE(statement);
    CHECK(text((*statement)["rdf:predicate"]["@id"]) == "ng:co_mentioned");
    CHECK(text((*statement)["ng:evidence"][0]["ng:document"]["@id"]) == "ng:document/doc-1");
    CHECK(find_node(jsonld, "ng:statement/2"));
    CHECK_FALSE(find_node(jsonld, "ng:statement/3"));

    const rapidjson::Value* article = find_node(jsonld, "ng:document/doc-1");
    REQUIRE(article);
    CHECK(text((*article)["@type"]) == "schema:NewsArticle");
    CHECK(text((*article)["schema:headline"]) == "Xi in Moscow");
    CHECK(text((*article)["schema:publisher"]["schema:name"]) == "Wire");
}

TEST_CASE("JSON-LD percent-encodes ids into valid IRIs", "[export][jsonld]") {
    KnowledgeGraph graph;
    EntityVertex odd = entity(EntityType::Person, "Odd");
    odd.id = "person/a b?é#";
    odd.documents = {"news/2023 03.txt"};
    graph.add_entity(odd);
    const rapidjson::Document jsonld = parse_json(render("jsonld", graph));
    const rapidjson::Value* node = find_node(jsonld, "ng:entity/person/a%20b%3F%C3%A9%23");
    REQUIRE(node);
    CHECK(text((*node)["identifier"]) == "person/a b?é#");
    CHECK(text((*node)["mentionedIn"][0]) == "ng:document/news%2F2023%2003.txt");
}

TEST_CASE("write_export_file puts the complete file in place", "[export][file]") {
    TempDir directory;
    const KnowledgeGraph graph = small_graph();
    const auto exporter = make_exporter("graphml");
    write_text_file(directory / "graph.graphml", "older export");
    write_export_file(directory / "graph.graphml", *exporter, graph, {});
    CHECK(read_file(directory / "graph.graphml") == render("graphml", graph));
    CHECK(directory.entries() == std::vector<std::string>{"graph.graphml"});
}

TEST_CASE("a failed export leaves no temporary file and the older file intact", "[export][file]") {
    TempDir directory;
    const KnowledgeGraph graph = summit_graph();
    const std::string path = directory / "graph.jsonld";
    write_text_file(path, "older export");

    SECTION("the writer throws half-way") {
        CHECK_THROWS_WITH(write_export_file(path, FailingExporter(), graph, {}),
                          Catch::Contains(path) && Catch::Contains("writer gave up"));
    }
    SECTION("the disk refuses the data") {
        const auto exporter = make_exporter("jsonld");
        const FileSizeLimit limit(1024);
        CHECK_THROWS_WITH(write_export_file(path, *exporter, graph, {}),
                          Catch::Contains(path) && Catch::Contains("File too large"));
    }
    SECTION("the directory does not exist") {
        const std::string missing = directory / "no/such/dir/graph.jsonld";
        CHECK_THROWS_WITH(write_export_file(missing, *make_exporter("jsonld"), graph, {}),
                          Catch::Contains(missing) && Catch::Contains("No such file"));
    }
    CHECK(read_file(path) == "older export");
    CHECK(directory.entries() == std::vector<std::string>{"graph.jsonld"});
}

TEST_CASE("names with markup, escapes and non-ASCII survive every format and its consumers",
          "[export][consumers]") {
    const std::vector<std::string> names = {
        "Quote \"Q\" & <Tag> 'apos'",
        "Back\\slash {brace} \\N \\n trailing\\",
        "Line\nbreak\tand tab",
        "Élysée 中文 😀 &amp; R&D;",
    };
    KnowledgeGraph graph;
    add_document(graph, {"doc <1> & \"x\"", "Title & <b>", "https://example.org/?a=1&b=2", "",
                         "Source \"S\""});
    std::vector<Vertex> vertices;
    for (const std::string& name : names) {
        EntityVertex vertex =
            entity(EntityType::Organisation, name, {{name, 2}, {name + "!", 1}}, {{"note", name}});
        vertex.id = "organisation/" + name;  // exercise ids needing escapes, too
        vertices.push_back(graph.add_entity(vertex));
    }
    Evidence said = evidence("He said \"" + names[0] + "\" \\ \n then </data> ]]>", 3);
    said.document = "doc <1> & \"x\"";
    graph.add_relation(vertices[0], vertices[1], Relation::supports, said);
    graph.add_relation(vertices[2], vertices[3], Relation::cooperates_with, said);
    graph.add_relation(vertices[0], vertices[3], Relation::co_mentioned, said);
    graph.normalize();

    TempDir directory;
    write_all(directory, graph);
    rapidjson::StringBuffer expect;
    rapidjson::Writer<rapidjson::StringBuffer> json(expect);
    json.StartObject();
    json.Key("labels");
    json.StartArray();
    for (const std::string& name : names) json.String(name.c_str());
    json.EndArray();
    json.Key("facts");
    json.StartArray();
    json.StartObject();
    json.Key("subject");
    json.String(names[0].c_str());
    json.Key("relation");
    json.String("supports");
    json.Key("object");
    json.String(names[1].c_str());
    json.EndObject();
    json.EndArray();
    json.EndObject();
    CHECK(check_exports(directory, expect.GetString()) == 0);
}

TEST_CASE("a realistic graph passes its consumers and answers SPARQL", "[export][consumers]") {
    const KnowledgeGraph graph = summit_graph();
    TempDir directory;
    write_all(directory, graph);
    CHECK(check_exports(directory, R"({
        "labels": ["Xi Jinping", "China–Russia joint statement", "Harbin"],
        "facts": [
            {"subject": "Xi Jinping", "relation": "leader_of", "object": "China"},
            {"subject": "Xi Jinping", "relation": "met_with", "object": "Vladimir Putin"},
            {"subject": "Vladimir Putin", "relation": "met_with", "object": "Xi Jinping"},
            {"subject": "International Criminal Court", "relation": "legal_action",
             "object": "Vladimir Putin"},
            {"subject": "China", "relation": "party_to", "object": "China–Russia joint statement"}
        ]})") == 0);
    // Same graph, same bytes: the drawing too is deterministic.
    CHECK(read_file(directory / "graph.svg") == render("svg", graph));
}

TEST_CASE("Neo4j CSV cells a spreadsheet would run as formulas start with a quote",
          "[export][neo4j][hostile]") {
    KnowledgeGraph graph;
    EntityVertex vertex = entity(EntityType::Organisation, "=HYPERLINK(\"http://x\")",
                                 {{"=HYPERLINK(\"http://x\")", 1}, {"@SUM(A1)", 1}});
    vertex.documents = {"+cmd|' /C calc'!A0"};
    graph.add_entity(vertex);
    const auto exporters = make_exporters("neo4j");
    std::ostringstream nodes;
    exporters.at(0)->write(graph, {}, nodes);
    const std::string csv = nodes.str();
    for (const char* formula : {"=HYPERLINK", "@SUM", "+cmd", "-", "\t"}) {
        CHECK(csv.find(std::string(",\"") + formula) == std::string::npos);
        CHECK(csv.find(std::string("\n\"") + formula) == std::string::npos);
    }
    CHECK(csv.find("\"'+cmd|' /C calc'!A0\"") != std::string::npos);
}

TEST_CASE("the PDF drawing carries no creation time, so runs are byte-identical", "[export][pdf]") {
    const std::string first = render("pdf", small_graph());
    REQUIRE(first.find("/CreationDate (D:19700101000000") != std::string::npos);
    ::sleep(1);  // cairo's stamp has one-second resolution
    CHECK(render("pdf", small_graph()) == first);
}

TEST_CASE("temporary files left by a killed run are removed by the next write of that file",
          "[export][file]") {
    TempDir directory;
    const pid_t child = ::fork();
    if (child == 0) ::_exit(0);
    REQUIRE(child > 0);
    ::waitpid(child, nullptr, 0);  // now a pid no process has (until it is recycled)
    const std::string dead = std::to_string(child), alive = std::to_string(::getppid());
    write_text_file(directory / (".graph.jsonld.tmp-" + dead + "-0"), "killed run");
    write_text_file(directory / (".graph.jsonld.tmp-" + alive + "-3"), "a run still writing");
    write_text_file(directory / (".graph.gexf.tmp-" + dead + "-1"), "another file's: not now");
    write_text_file(directory / ".graph.jsonld.tmp-notes", "not ours");
    write_export_file(directory / "graph.jsonld", *make_exporter("jsonld"), summit_graph(), {});
    CHECK(directory.entries() == std::vector<std::string>{".graph.gexf.tmp-" + dead + "-1",
                                                          ".graph.jsonld.tmp-" + alive + "-3",
                                                          ".graph.jsonld.tmp-notes",
                                                          "graph.jsonld"});
}

TEST_CASE("Neo4j CSV arrays keep a semicolon inside an element whole", "[export][neo4j]") {
    KnowledgeGraph graph;
    EntityVertex vertex = entity(EntityType::Person, "Xi Jinping", {{"Xi; Jinping", 1}});
    const std::string unit_separator = "\x1F";
    vertex.documents = {"wire;2024", "doc" + unit_separator + "2"};
    graph.add_entity(vertex);
    std::ostringstream nodes;
    make_exporters("neo4j").at(0)->write(graph, {}, nodes);
    const std::string csv = nodes.str();
    // neo4j-admin --array-delimiter=U+001F: elements apart, each whole.
    CHECK(csv.find(",Entity\x1FPerson,") != std::string::npos);
    CHECK(csv.find("\"Xi; Jinping\"") != std::string::npos);
    // The separator inside a value is replaced (U+FFFD), so it only ever separates.
    const std::string documents = "\"doc\uFFFD2" + unit_separator + "wire;2024\"";
    CHECK(csv.find(documents) != std::string::npos);
}
