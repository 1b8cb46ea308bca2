// Performance work that must not change a byte: --jobs (parallel extraction merged in input
// order) and the automaton that dismisses lines before the furniture regexes run.
#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "src/ingest/furniture_filter.hpp"
#include "src/ingest/segmenter.hpp"
#include "tests/run_newsgraph.hpp"
#include "tests/temp_dir.hpp"

using namespace newsgraph;
using newsgraph::testing::run_newsgraph;
using newsgraph::testing::TempDir;
namespace fs = std::filesystem;

namespace {

std::string slurp(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return bytes.str();
}

// Every file under `dir` but the lock (which names the pid of the last run), by path.
std::map<std::string, std::string> files_of(const fs::path& dir) {
    std::map<std::string, std::string> files;
    for (const auto& entry : fs::recursive_directory_iterator(dir))
        if (entry.is_regular_file() && entry.path().filename() != ".newsgraph.lock")
            files[fs::relative(entry.path(), dir).string()] = slurp(entry.path());
    return files;
}

std::string json_string(const std::string& text) {
    std::string quoted = "\"";
    for (const char c : text) {
        if (c == '"' || c == '\\')
            quoted += '\\', quoted += c;
        else if (c == '\n')
            quoted += "\\n";
        else if (static_cast<unsigned char>(c) < 0x20)
            quoted += ' ';
        else
            quoted += c;
    }
    return quoted + "\"";
}

// The samples, and a feed of 30 more articles made of their paragraphs in other orders:
// enough articles for three threads to finish out of order.
std::vector<std::string> make_corpus(const TempDir& dir) {
    std::vector<std::string> inputs, texts;
    for (const auto& entry : fs::directory_iterator(NEWSGRAPH_SOURCE_DIR "/samples")) {
        const std::string name = entry.path().filename().string();
        inputs.push_back(dir.write("in/" + name, slurp(entry.path())));
        if (entry.path().extension() == ".txt") texts.push_back(slurp(entry.path()));
    }
    std::sort(texts.begin(), texts.end());
    std::mt19937 random(19);
    std::string feed;
    for (int i = 0; i < 30; ++i) {
        std::vector<std::string> paragraphs;
        std::istringstream text(texts[static_cast<std::size_t>(i) % texts.size()] + "\n\n" +
                                texts[static_cast<std::size_t>(i + 2) % texts.size()]);
        std::string paragraph, line;
        while (std::getline(text, line)) {
            if (line.empty() && !paragraph.empty())
                paragraphs.push_back(paragraph), paragraph.clear();
            else if (!line.empty())
                paragraph += line + "\n";
        }
        if (!paragraph.empty()) paragraphs.push_back(paragraph);
        std::shuffle(paragraphs.begin(), paragraphs.end(), random);
        std::string article;
        for (const std::string& p : paragraphs) article += p + "\n";
        feed += "{\"id\": \"mixed-" + std::to_string(i) + "\", \"date\": \"2024-01-" +
                std::to_string(10 + i % 20) + "\", \"text\": " + json_string(article) + "}\n";
    }
    inputs.push_back(dir.write("in/mixed.jsonl", feed));
    std::sort(inputs.begin(), inputs.end());
    return inputs;
}

}  // namespace

TEST_CASE("build writes the same bytes for any --jobs and any order of the inputs", "[cli][jobs]") {
    TempDir dir;
    const std::vector<std::string> inputs = make_corpus(dir);
    std::vector<std::string> shuffled = inputs;
    std::reverse(shuffled.begin(), shuffled.end());
    std::swap(shuffled[0], shuffled[2]);
    REQUIRE(shuffled != inputs);

    struct Run {
        std::string jobs;
        const std::vector<std::string>* inputs;
    };
    const Run runs[] = {{"1", &inputs}, {"3", &inputs}, {"3", &shuffled}, {"2", &shuffled}};
    std::vector<std::map<std::string, std::string>> outputs;
    std::vector<std::string> summaries;
    int n = 0;
    for (const Run& run : runs) {
        const std::string out = dir / ("out" + std::to_string(n++));
        std::vector<std::string> args = {"build",
                                         "--jobs",
                                         run.jobs,
                                         "-o",
                                         out,
                                         "--format",
                                         "graphml,jsonld,gexf,neo4j,dot,report,html"};
        args.insert(args.end(), run.inputs->begin(), run.inputs->end());
        const auto result = run_newsgraph(args, dir.path());
        INFO(result.err);
        REQUIRE(result.exit_status == 0);
        outputs.push_back(files_of(out));
        std::string summary = result.out;
        std::string out_dir = out;
        summary.erase(std::remove(summary.begin(), summary.end(), '\n'), summary.end());
        summaries.push_back(summary.substr(0, summary.find("wrote")));
    }
    REQUIRE(outputs[0].size() >= 10);
    CHECK(outputs[0].contains("manifest.json"));
    CHECK(summaries[0].find("read       37 articles") != std::string::npos);
    for (std::size_t i = 1; i < outputs.size(); ++i) {
        INFO("run " << i << ": --jobs " << runs[i].jobs);
        CHECK(summaries[i] == summaries[0]);
        REQUIRE(outputs[i].size() == outputs[0].size());
        for (const auto& [path, bytes] : outputs[0]) {
            INFO(path);
            REQUIRE(outputs[i].contains(path));
            CHECK(outputs[i].at(path) == bytes);
        }
    }
}

TEST_CASE("annotate writes the same mentions for any --jobs", "[cli][jobs]") {
    TempDir dir;
    const std::vector<std::string> inputs = make_corpus(dir);
    std::vector<std::string> written;
    for (const std::string jobs : {"1", "2", "4"}) {
        std::vector<std::string> args = {"annotate", "--jobs", jobs, "-o", dir / "mentions.jsonl"};
        args.insert(args.end(), inputs.begin(), inputs.end());
        const auto result = run_newsgraph(args, dir.path());
        INFO(result.err);
        REQUIRE(result.exit_status == 0);
        written.push_back(slurp(dir / "mentions.jsonl"));
    }
    REQUIRE(written[0].size() > 1000);
    CHECK(written[1] == written[0]);
    CHECK(written[2] == written[0]);
}

TEST_CASE("the number of jobs is from 1 to 1024", "[cli][jobs]") {
    TempDir dir;
    for (const std::string bad : {"0", "1025", "many", "-2"}) {
        const auto result =
            run_newsgraph({"build", "--jobs", bad, NEWSGRAPH_SOURCE_DIR "/samples"}, dir.path());
        INFO(bad << ": " << result.err);
        CHECK(result.exit_status == 2);
        CHECK(result.err.find("--jobs") != std::string::npos);
    }
}

namespace {

const IngestRules& shipped_rules() {
    static const IngestRules loaded = load_ingest_rules(NEWSGRAPH_SOURCE_DIR "/data");
    return loaded;
}

// The furniture verdict with every regex run, as before the filter.
bool furniture_by_regex(std::string_view text) {
    IngestRules plain;
    plain.furniture = shipped_rules().furniture;
    return is_furniture(text, plain);
}

// Lines written against data/furniture.txt: furniture, near misses, case, punctuation,
// non-ASCII, and text that runs on past where a pattern ends.
const std::vector<std::string> kTrickyLines = {
    "© 2024 BBC",
    "©",
    "(c) 2023 Reuters. All rights reserved.",
    "Copyright © 2021 The Guardian",
    "Copyright 20211 News",
    "copyright2021",
    "All rights reserved",
    "ALL RIGHTS RESERVED.",
    "All rights reserved by the court, the judge said.",
    "Sign in to comment.",
    "Log in to reply",
    "register to post a comment",
    "Your email address will not be published. Required fields are marked *",
    "Leave a Reply Cancel reply",
    "Comments (12)",
    "Comments (1x)",
    "comment",
    "There are no comments for this story.",
    "Be the first to comment on this article.",
    "Be the first to share",
    "Be the firsts to share",
    "Add your insights",
    "Share on Facebook",
    "Share this article via WhatsApp, Twitter and Email.",
    "Follow us on X",
    "Follow us on Xbox",
    "Share",
    "Share this page",
    "Share this story with the world",
    "Facebook Twitter Email",
    "Facebook, Twitter, LinkedIn · Copy link • Print",
    "Facebook said on Tuesday that Twitter was wrong.",
    "facebookx",
    "Skip to main content",
    "Related articles:",
    "Related coverage",
    "Read more: how the talks failed",
    "Read more »",
    "See also...",
    "Read more about it",
    "Continue reading the main story",
    "Story continues below advertisement",
    "Back to top",
    "Click here to subscribe to our newsletter.",
    "Tap here",
    "Tap here.",
    "Tap hereafter",
    "Subscribe now",
    "Subscribe today!",
    "Sign up for our daily newsletter.",
    "Advertisement",
    "ADVERTISING",
    "Sponsored content",
    "Loading...",
    "Loading…",
    "Listen to this article 5 mins",
    "Listen 1 minute",
    "• Home",
    "- Privacy Policy",
    "* Terms of Service",
    "Do not sell my personal information",
    "Cookie settings",
    "Homeland security",
    "Miscellaneous links",
    "About the author",
    "Reader insights",
    "The BBC News logo",
    "The logo",
    "12345",
    "12345a",
    "",
    " ",
    "This article originally appeared on The Conversation.",
    "This article was published in Nature",
    "For more climate news, visit our site.",
    "Do you have questions about the biggest topics in the news?",
    "Get the answers with our explainer.",
    "[Source]",
    "Source: Reuters",
    "Sources : the ministry",
    "Sources: the ministry. Then more.",
    "Photo: Getty Images",
    "Pictures credit: AFP/Getty",
    "Image courtesy of NASA",
    "Photos by Jane Doe",
    "(Reuters)",
    "AP",
    "AFP via Getty Images",
    "EPA-EFE / Shutterstock",
    "Pool",
    "Apple",
    "• 4 min read",
    "5 minutes read",
    "By Jane Doe 3 min read",
    "By Jane Doe, BBC News",
    "Reporting by John Smith; Editing by Alex Richardson",
    "Additional reporting by Mary Jones in Paris",
    "Writing and editing by the desk",
    "Anna Lee contributed reporting.",
    "Anna Lee contributed to this report",
    "Anna Lee contributed nothing",
    "The president said the talks would resume in Geneva next week.",
    "Mr Putin met Xi Jinping in Beijing on Tuesday, officials said.",
    "read more\nabout it",
    "Share\non Facebook",
    "SHARE ON FACEBOOK!",
    "share on facebook,twitter/instagram | reddit & email or pinterest.",
    "\xc2\xa9 \xe2\x80\xa2",
    "\xe2\x80\xa2",
    "\xff\xfe broken bytes",
    "by",
};

}  // namespace

TEST_CASE("the furniture automaton reads every pattern of data/furniture.txt",
          "[ingest][furniture]") {
    REQUIRE(shipped_rules().furniture_filter);
    CHECK(shipped_rules().furniture_filter->unfiltered() == 0);
}

TEST_CASE("furniture found through the automaton is furniture found by every regex",
          "[ingest][furniture]") {
    std::vector<std::string> lines = kTrickyLines;
    // Each tricky line changed a little: case, a character dropped, added or doubled.
    for (const std::string& line : kTrickyLines) {
        std::string upper = line, lower = line;
        for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        lines.insert(lines.end(),
                     {upper, lower, line + ".", line + " x", "x " + line, line + line});
        for (std::size_t i = 0; i < line.size(); i += 3) {
            lines.push_back(line.substr(0, i) + line.substr(i + 1));
            lines.push_back(line.substr(0, i) + line[i] + line.substr(i));
        }
    }
    // And every line of the samples.
    for (const auto& entry : fs::directory_iterator(NEWSGRAPH_SOURCE_DIR "/samples")) {
        std::istringstream text(slurp(entry.path()));
        for (std::string line; std::getline(text, line);) lines.push_back(line);
    }
    int furniture = 0;
    for (const std::string& line : lines) {
        INFO(line);
        const bool expected = furniture_by_regex(line);
        furniture += expected;
        CHECK(is_furniture(line, shipped_rules()) == expected);
    }
    CHECK(furniture > 100);  // the lines do reach the regexes
}

TEST_CASE("the furniture automaton never rules out a pattern that matches", "[ingest][furniture]") {
    // Syntax beyond what furniture.txt uses today: the automaton widens what it cannot read
    // exactly, and leaves to the regex what it cannot read at all.
    const std::vector<std::string> patterns = {
        "a{2,3}b",   "(ab){0,40}c", "x[^a-c]y",  "[\\d.]+%",   "(?:no|yes)\\b.*",
        "q(?=u)u+",  "(a)\\1",      "\\w+@\\w+", "[A-Z]{20,}", "end$",
        "\\S\\s\\S", "a|b|",        "colou?r",   "\\(\\*\\)",  "[-x]y",
        "\\x41",     "[\\w-]+",     "^start",    "(a|b)*?c",   "z{0}",
    };
    std::vector<std::regex> regexes;
    for (const std::string& p : patterns)
        regexes.emplace_back(p, std::regex::ECMAScript | std::regex::icase);
    const FurnitureFilter filter(patterns);
    CHECK(filter.unfiltered() == 2);  // the back-reference and \x41
    const std::vector<std::string> texts = {
        "aab",
        "AAAB",
        "aaaab",
        "c",
        "ababc",
        "ABABABABABABABABABABABABc",
        "xdy",
        "XDY",
        "xay",
        "XAY",
        "3.5%",
        "no",
        "no way",
        "nobody",
        "quu",
        "QU",
        "aa",
        "AA",
        "ab",
        "me@host",
        "ABCDEFGHIJKLMNOPQRSTUVWXYZ",
        "abcdefghijklmnopqrs",
        "the end",
        "END",
        "a b",
        "a\tb",
        "",
        "a",
        "b",
        "color",
        "colour",
        "COLOUR",
        "(*)",
        "-y",
        "xy",
        "A",
        "a-b_c",
        "start",
        "ababbc",
        "c",
        "z",
        "zz",
    };
    for (const std::string& text : texts) {
        const std::vector<std::size_t> candidates = filter.candidates(text);
        for (std::size_t i = 0; i < patterns.size(); ++i) {
            INFO(patterns[i] << " on \"" << text << "\"");
            if (std::regex_match(text, regexes[i]))
                CHECK(std::binary_search(candidates.begin(), candidates.end(), i));
        }
    }
    // And it does rule out: "a{2,3}b" is no candidate for a text starting with 'x'.
    const std::vector<std::size_t> none = filter.candidates("xyz and more");
    CHECK(std::find(none.begin(), none.end(), 0) == none.end());
}
