// explorer.html as text: one offline file whose embedded graph survives any name or sentence.
// How it behaves in a browser is tests/browser/test_explorer.cjs's part.
#include <rapidjson/document.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <set>
#include <sstream>
#include <string>

#include "export/exporter.hpp"
#include "graph/analysis.hpp"

using namespace newsgraph;

namespace {

std::size_t count(const std::string& text, const std::string& needle) {
    std::size_t found = 0;
    for (std::size_t at = text.find(needle); at != std::string::npos;
         at = text.find(needle, at + 1))
        ++found;
    return found;
}

Vertex add(KnowledgeGraph& graph, EntityType type, const std::string& label) {
    EntityVertex vertex;
    vertex.id = entity_id(type, label);
    vertex.label = label;
    vertex.type = type;
    vertex.aliases = {{label, 2}};
    vertex.mentions = 2;
    vertex.documents = {"doc-1"};
    return graph.add_entity(vertex);
}

std::string explorer(const KnowledgeGraph& graph) {
    std::ostringstream out;
    const auto writer = make_exporter("html");
    REQUIRE(writer);
    CHECK(writer->file_name() == "explorer.html");
    writer->write(graph, {}, out);
    return out.str();
}

// The JSON of <script id="graph-data">, parsed.
rapidjson::Document graph_data(const std::string& html) {
    const std::string open = "<script id=\"graph-data\" type=\"application/json\">";
    const std::size_t start = html.find(open);
    REQUIRE(start != std::string::npos);
    const std::size_t end = html.find("</script>", start);
    REQUIRE(end != std::string::npos);
    rapidjson::Document document;
    const std::string json = html.substr(start + open.size(), end - start - open.size());
    document.Parse(json.c_str(), json.size());
    REQUIRE_FALSE(document.HasParseError());
    return document;
}

}  // namespace

TEST_CASE("explorer.html keeps names and sentences that look like markup inside its data",
          "[export][explorer]") {
    const std::string hostile = "</script><script>alert(1)</script><!-- \xE2\x80\xA8 & \"";
    KnowledgeGraph graph;
    const Vertex a = add(graph, EntityType::Person, "Ann " + hostile);
    const Vertex b = add(graph, EntityType::Country, "Freedonia</SCRIPT >");
    const Vertex c = add(graph, EntityType::Organisation, "Lonely Org");
    Evidence evidence{"doc-1", 0, 0, 10, "Ann " + hostile + " leads Freedonia.", "", ""};
    graph.add_relation(a, b, Relation::leader_of, evidence, "", 0.9);
    graph.add_relation(a, c, Relation::co_mentioned, evidence);
    graph.normalize();
    add_centrality_attributes(graph, analyse(graph));

    const std::string html = explorer(graph);
    // The page's own three scripts (data, Cytoscape.js, explorer.js) and nothing else.
    CHECK(count(html, "<script") == 3);
    CHECK(count(html, "</script") == 3);
    CHECK(count(html, "</SCRIPT") == 0);
    CHECK(count(html, "<!--") == 2);  // the page's own comments
    CHECK(html.find("\xE2\x80\xA8") == std::string::npos);
    CHECK(html.find("src=\"http") == std::string::npos);
    CHECK(html.find("cytoscape") != std::string::npos);

    const rapidjson::Document data = graph_data(html);
    REQUIRE(data["nodes"].Size() == 3);
    std::set<std::string> labels;
    for (const auto& node : data["nodes"].GetArray()) labels.insert(node["label"].GetString());
    CHECK(labels.count("Ann " + hostile) == 1);
    CHECK(labels.count("Freedonia</SCRIPT >") == 1);
    REQUIRE(data["edges"].Size() == 2);
    REQUIRE(data["sentences"].Size() == 1);  // one sentence, cited by both edges
    CHECK(data["sentences"][0][2].GetString() == evidence.text);
    // Every entity has a position; the one without a typed relation waits below the others.
    double lowest_related = -1e9;
    for (const auto& node : data["nodes"].GetArray()) {
        REQUIRE(node["x"].IsNumber());
        REQUIRE(node["y"].IsNumber());
        if (std::string(node["label"].GetString()) != "Lonely Org")
            lowest_related = std::max(lowest_related, node["y"].GetDouble());
    }
    for (const auto& node : data["nodes"].GetArray())
        if (std::string(node["label"].GetString()) == "Lonely Org")
            CHECK(node["y"].GetDouble() > lowest_related);
}

TEST_CASE("explorer.html of an empty graph is still a page", "[export][explorer]") {
    const std::string html = explorer(KnowledgeGraph{});
    CHECK(html.rfind("<!DOCTYPE html>", 0) == 0);
    CHECK(graph_data(html)["nodes"].Size() == 0);
}
