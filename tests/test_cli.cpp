// The command line's own parts: progress shown to a person at a terminal.
#include <catch2/catch.hpp>
#include <chrono>
#include <sstream>
#include <string>

#include "src/cli/options.hpp"
#include "src/cli/progress.hpp"

using namespace newsgraph;
using std::chrono::milliseconds;

namespace {

// What a terminal would show last: the text after the final carriage return, without the
// erase-to-end-of-line sequence.
std::string last_line(const std::string& written) {
    std::string line = written.substr(written.rfind('\r') + 1);
    if (const auto erase = line.find("\x1b[K"); erase != std::string::npos) line.erase(erase);
    return line;
}

}  // namespace

TEST_CASE("progress counts articles, with their rate and the time left", "[cli][progress]") {
    std::ostringstream out;
    Progress progress(out, true);
    const auto t0 = Progress::Clock::time_point{};
    progress.start(1000, t0);
    progress.articles_done(250, t0 + milliseconds(500));
    CHECK(last_line(out.str()) == "newsgraph: 250/1000 articles, 500/s, 2 s left");
    progress.articles_done(400, t0 + milliseconds(60'500));  // a slower stretch
    CHECK(last_line(out.str()) == "newsgraph: 400/1000 articles, 7/s, 1 min 31 s left");
    progress.articles_done(1000, t0 + milliseconds(61'000));
    CHECK(last_line(out.str()) == "newsgraph: 1000/1000 articles, 16/s");
}

TEST_CASE("progress redraws at most every 200 ms, but always shows the last article",
          "[cli][progress]") {
    std::ostringstream out;
    Progress progress(out, true);
    const auto t0 = Progress::Clock::time_point{};
    progress.start(10, t0);
    progress.articles_done(1, t0 + milliseconds(300));
    const std::string after_first = out.str();
    progress.articles_done(2, t0 + milliseconds(350));  // too soon: not drawn
    CHECK(out.str() == after_first);
    progress.articles_done(10, t0 + milliseconds(360));  // the last: drawn however soon
    CHECK(last_line(out.str()) == "newsgraph: 10/10 articles, 28/s");
}

TEST_CASE("progress steps replace the count, and clear erases the line", "[cli][progress]") {
    std::ostringstream out;
    Progress progress(out, true);
    progress.step("writing out/graph.svg");
    CHECK(last_line(out.str()) == "newsgraph: writing out/graph.svg");
    progress.clear();
    CHECK(out.str().substr(out.str().size() - 4) == "\r\x1b[K");
    const std::size_t cleared = out.str().size();
    progress.clear();  // nothing shown: nothing to erase
    CHECK(out.str().size() == cleared);
}

TEST_CASE("disabled progress writes nothing", "[cli][progress]") {
    std::ostringstream out;
    {
        Progress progress(out, false);
        progress.start(3);
        progress.articles_done(3);
        progress.step("writing");
        CHECK_FALSE(progress.enabled());
    }
    CHECK(out.str().empty());
}

TEST_CASE("a size that overflows is a usage error, and the largest that fits is taken",
          "[cli][options]") {
    const auto max_file_bytes = [](const std::string& size) {
        return parse_command_line({"build", "in", "--max-file-size", size}).build.max_file_bytes;
    };
    CHECK(max_file_bytes("2K") == 2048);
    CHECK(max_file_bytes("17179869183G") == 17179869183ull << 30);
    // 2^34 GiB is 2^64 bytes: it wrapped to 0, and every file was skipped as too large.
    CHECK_THROWS_WITH(max_file_bytes("17179869184G"), Catch::Contains("too large"));
    CHECK_THROWS_AS(max_file_bytes("99999999999999999999"), std::invalid_argument);
}

TEST_CASE("the option --min-confidence takes a number from 0 to 1", "[cli][options]") {
    const auto min_confidence = [](const std::string& x) {
        return parse_command_line({"build", "in", "--min-confidence", x})
            .build.filter.min_confidence;
    };
    CHECK(min_confidence("0.85") == Approx(0.85));
    CHECK(min_confidence("1") == 1.0);
    for (const char* bad : {"1.5", "-0.1", "high", "", "nan", "0.9x"})
        CHECK_THROWS_WITH(min_confidence(bad), Catch::Contains("from 0 to 1"));
}

TEST_CASE("annotate and parse: -o - writes their stream to standard output", "[cli][options]") {
    CHECK(parse_command_line({"annotate", "in", "-o", "-"}).build.output_dir.empty());
    CHECK(parse_command_line({"parse", "in", "-o", "-"}).build.output_dir.empty());
    CHECK(parse_command_line({"annotate", "in", "-o", "m.jsonl"}).build.output_dir == "m.jsonl");
}
