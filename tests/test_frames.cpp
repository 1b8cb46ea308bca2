// The clause reader's data: frames, hedges, support and object-control verbs, and measured
// rule precision.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "src/extract/frames.hpp"
#include "temp_dir.hpp"

using namespace newsgraph;
namespace fs = std::filesystem;

namespace {

// A data folder with the shipped files, one of them replaced by `text`.
std::string data_with(const testing::TempDir& dir, const std::string& name,
                      const std::string& text) {
    for (const char* f : {"frames.tsv", "hedges.tsv", "support_verbs.txt", "support_nouns.txt",
                          "object_control_verbs.txt", "rule_precision.tsv"})
        fs::copy_file(fs::path(NEWSGRAPH_DATA_DIR) / f, dir.path() / f,
                      fs::copy_options::overwrite_existing);
    std::ofstream(dir.path() / name) << text;
    return dir.path().string();
}

std::string load_error(const std::string& data_dir) {
    try {
        Frames::load(data_dir);
    } catch (const std::runtime_error& e) {
        return e.what();
    }
    return "";
}

}  // namespace

TEST_CASE("the shipped frames load, and every rule has a measured precision", "[frames]") {
    const Frames frames = Frames::load(NEWSGRAPH_DATA_DIR);
    CHECK(frames.size() > 100);
    CHECK_FALSE(frames.of("criticise", false).empty());  // WordNet's British spelling
    CHECK_FALSE(frames.of("invasion", true).empty());
    CHECK(frames.of("invasion", false).empty());
    CHECK(frames.is_hedge("never", HedgeKind::Negation));
    CHECK(frames.is_hedge("hope", HedgeKind::Intent));
    CHECK_FALSE(frames.is_hedge("vow", HedgeKind::Intent));  // "vowed to support" is read
    CHECK(frames.is_support_verb("impose"));
    CHECK(frames.is_object_control_verb("Urge"));
    CHECK_FALSE(frames.is_object_control_verb("leave"));
    for (std::string_view rule : kRuleNames) {
        CHECK(frames.confidence(rule) > 0.0);
        CHECK(frames.confidence(rule) <= 1.0);
    }
    CHECK_THROWS_AS(frames.confidence("no-such-rule"), std::logic_error);
}

TEST_CASE("a phrasal trigger keeps its particle", "[frames]") {
    const Frames frames = Frames::load(NEWSGRAPH_DATA_DIR);
    const auto& put = frames.of("put", false);
    REQUIRE(put.size() == 1);
    CHECK(put[0].particle == "forward");
    CHECK(put[0].relation == Relation::proposed);
}

TEST_CASE("a bad data file is named with its line and the problem", "[frames]") {
    testing::TempDir dir;
    CHECK(load_error(data_with(dir, "frames.tsv", "meet\tVERB\ttyped\tmet_with\t04\tnsubj\n"))
              .find("frames.tsv:1: want 7") != std::string::npos);
    CHECK(load_error(
              data_with(dir, "frames.tsv", "# c\nmeet\tVERB\ttyped\tmet_with\t04\tnsubj\tobject\n"))
              .find("frames.tsv:2: unknown slot object") != std::string::npos);
    CHECK(load_error(data_with(dir, "frames.tsv", "meet\tVERB\ttyped\tmeets\t04\tnsubj\tobj\n"))
              .find("unknown relation meets") != std::string::npos);
    CHECK(load_error(data_with(dir, "frames.tsv", "meet\tVERB\ttyped\tmet_with\t04\t*\tobj\n"))
              .find("cannot be a source") != std::string::npos);
    CHECK(load_error(data_with(dir, "hedges.tsv", "never\tsometimes\n")).find("hedges.tsv:1:") !=
          std::string::npos);
    CHECK(load_error(data_with(dir, "rule_precision.tsv", "clause\t10\t11\n"))
              .find("right must be at most checked") != std::string::npos);
    // A rule extraction can name, with no measurement: refused at load, not mid-run.
    CHECK(load_error(data_with(dir, "rule_precision.tsv", "clause\t10\t9\n"))
              .find("no measured precision for rule") != std::string::npos);
    CHECK(load_error(dir.path().string() + "/missing").find("cannot read") != std::string::npos);
}
