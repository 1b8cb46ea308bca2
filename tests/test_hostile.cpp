// Hostile input and nothing lost, end to end through the `newsgraph` binary: what a crawler
// produces (random bytes, broken encodings, truncated JSON Lines, a 50 MB line, a 1 GB
// file, links in loops, unreadable files), runs interrupted by signals, full disks and
// refused writes. Each problem must be named on stderr, the good articles kept, and older
// outputs left as they were. Also the limits that keep a pathological article's time and
// memory linear, checked by counting, not by timing.
// The ingest stage's handling of each input is unit-tested in test_ingest.cpp.
#include <fcntl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <cctype>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iterator>
#include <map>
#include <random>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "export/atomic_file.hpp"
#include "graph/knowledge_graph.hpp"
#include "src/extract/extractor.hpp"
#include "src/ingest/segmenter.hpp"
#include "src/ingest/text_repair.hpp"
#include "tests/run_newsgraph.hpp"
#include "tests/temp_dir.hpp"

namespace fs = std::filesystem;
using namespace newsgraph;
using newsgraph::testing::read_file;
using newsgraph::testing::run_newsgraph;
using newsgraph::testing::RunOptions;
using newsgraph::testing::RunResult;
using newsgraph::testing::TempDir;

namespace {

// Every file under `directory` (relative path -> content).
std::map<std::string, std::string> snapshot(const fs::path& directory) {
    std::map<std::string, std::string> files;
    for (const auto& entry : fs::recursive_directory_iterator(directory))
        if (entry.is_regular_file())
            files[fs::relative(entry.path(), directory).string()] = read_file(entry.path());
    return files;
}

// Names under `directory` that look like AtomicFile's temporary files (".NAME.tmp-PID-N").
// Safe to call while another process creates and renames them.
std::vector<std::string> temporary_files(const fs::path& directory) {
    std::vector<std::string> found;
    std::error_code error;
    for (fs::recursive_directory_iterator it(directory, error), end; !error && it != end;
         it.increment(error)) {
        const std::string name = it->path().filename().string();
        if (name.starts_with('.') && name.find(".tmp-") != std::string::npos)
            found.push_back(it->path().string());
    }
    return found;
}

// The entity labels in a GraphML export.
std::set<std::string> graphml_labels(const fs::path& file) {
    const std::string text = read_file(file);
    std::set<std::string> labels;
    const std::string open = "<data key=\"label\">";
    for (std::size_t at = text.find(open); at != std::string::npos; at = text.find(open, at + 1)) {
        const std::size_t begin = at + open.size();
        labels.insert(text.substr(begin, text.find('<', begin) - begin));
    }
    return labels;
}

// Runs the consumer checker (Graphviz, networkx, igraph, pyld, rdflib) on `directory`,
// requiring every one of `labels` to be shown in every format.
int check_exports(const fs::path& directory, const std::vector<std::string>& labels) {
    std::string expect = "{\"labels\": [";
    for (std::size_t i = 0; i < labels.size(); ++i)
        expect += (i ? ", \"" : "\"") + labels[i] + "\"";
    std::ofstream(directory / "expect.json") << expect << "]}";
    const std::string command =
        "/usr/bin/python3 " NEWSGRAPH_SOURCE_DIR "/tests/consumers/check_exports.py '" +
        directory.string() + "' --expect '" + (directory / "expect.json").string() + "'";
    const int status = std::system(command.c_str());
    fs::remove(directory / "expect.json");
    return status;
}

// Whether permissions can be tested: not root, or root able to run newsgraph as `nobody`
// (RunOptions::as_nobody), which needs the binary and its data readable by everyone.
bool can_be_denied(const TempDir& dir) {
    if (::geteuid() != 0) return true;
    RunOptions options;
    options.as_nobody = true;
    if (run_newsgraph({"--version"}, dir.path(), options).exit_status == 0) return true;
    WARN("running as root, and " NEWSGRAPH_BINARY
         " cannot run as nobody: permission errors "
         "are not tested");
    return false;
}

// Polls until `found` holds or `pid` has exited (without reaping it); true when found.
bool wait_for(pid_t pid, const std::function<bool()>& found) {
    for (;;) {
        if (found()) return true;
        siginfo_t info{};
        if (::waitid(P_PID, static_cast<id_t>(pid), &info, WEXITED | WNOHANG | WNOWAIT) == 0 &&
            info.si_pid == pid)
            return found();
        std::this_thread::sleep_for(std::chrono::microseconds(200));
    }
}

// A different person's name for each i: a common given name, an invented surname.
std::string synthetic_name(std::size_t i) {
    static const char* const kGiven[] = {"Maria", "Tomas", "Anna",  "Peter", "Laura", "David",
                                         "Elena", "Jonas", "Sofia", "Marco", "Irene", "Pavel",
                                         "Clara", "Hugo",  "Nina",  "Oscar"};
    static const char* const kSyllables[] = {"ka", "lo", "mi", "nu", "pe", "ra", "si", "to",
                                             "ve", "zu", "ba", "de", "fi", "go", "hu", "ja"};
    std::string surname;
    for (std::size_t n = i, k = 0; k < 3; ++k, n /= 16) surname += kSyllables[n % 16];
    surname[0] = static_cast<char>(surname[0] - 'a' + 'A');
    return std::string(kGiven[(i * 5) % 16]) + " " + surname;
}

const std::vector<std::string> kGoodLabels = {"Olaf Scholz", "Emmanuel Macron", "Fumio Kishida",
                                              "Joe Biden",   "Xi Jinping",      "Karl Nehammer",
                                              "Brazil",      "Argentina"};

// A folder with the good articles kept by a run, and every kind of bad input beside them.
void write_hostile_folder(const TempDir& dir) {
    dir.write("in/good.txt",
              "German Chancellor Olaf Scholz met French President Emmanuel Macron in Paris.\n");
    std::mt19937 random(7);
    std::string noise(64 * 1024, '\0');
    for (char& c : noise) c = static_cast<char>(random() & 0xFF);
    dir.write("in/random.txt", noise);
    dir.write(
        "in/overlong.txt",
        "Japanese Prime Minister Fumio Kishida\xC0\xAF visited \xE0\x80\xAF Canberra \xED\xA0\x80 "
        "\xF4\x90\x80\x80 on Tuesday \xE2\x82");
    dir.write(
        "in/controls.txt",
        std::string("\0\0Brazil\x01\x02 and Argentina\x7F signed\x1B[31m a trade deal.\0", 53));
    dir.write("in/empty.txt", "");
    dir.write("in/blank.md", " \n\t\r\n");
    dir.write(
        "in/feed.jsonl",
        "{\"id\": \"feed-1\", \"text\": \"US President Joe Biden spoke with Chinese President "
        "Xi Jinping on Friday.\"}\n"
        "{\"id\": \"feed-2\", \"text\": \"an unterminated string}\n"
        "[1, 2, 3]\n"
        "{\"title\": \"no text\"}\n"
        "{\"id\": \"feed-5\", \"text\": \"Austrian Chancellor Karl Nehammer visited Poland.\"}\n"
        "{\"id\": \"feed-6\", \"text\": \"Cut off by the end of the fi");
    {  // 1 GiB, sparse: over the default --max-file-size of 64 MiB
        std::ofstream(dir / "in/huge.txt");
        fs::resize_file(dir / "in/huge.txt", std::uintmax_t{1} << 30);
    }
    fs::create_directory_symlink(dir / "in", dir / "in/loop");
    fs::create_symlink(dir / "in/nowhere.txt", dir / "in/broken.txt");
}

}  // namespace

// --- hostile inputs ------------------------------------------------------------------------

TEST_CASE("hostile inputs are each named on stderr, the good articles kept, exit status 1",
          "[hostile]") {
    TempDir dir;
    write_hostile_folder(dir);
    const RunResult run = run_newsgraph({"build", dir / "in", "-o", dir / "out"}, dir.path());
    INFO(run.err);
    CHECK(run.signal == 0);
    CHECK(run.exit_status == 1);
    const std::string in = dir / "in";
    for (const std::string& expected :
         {in + "/random.txt: ", in + "/overlong.txt: 13 invalid UTF-8 byte sequences were replaced",
          in + "/empty.txt: empty document, skipped", in + "/blank.md: empty document, skipped",
          in + "/feed.jsonl:2: malformed JSON at column", in + "/feed.jsonl:3: not a JSON object",
          in + "/feed.jsonl:4: no \"text\" field", in + "/feed.jsonl:6: truncated last line",
          in + "/huge.txt: file is larger than the limit of 64 MiB, skipped (raise the limit with "
               "--max-file-size)",
          in + "/loop: symbolic link loop", in + "/broken.txt: broken symbolic link"}) {
        CHECK_THAT(run.err, Catch::Contains(expected));
    }
    // Every line of stderr is one problem, named by the file it is in, but for the count of
    // warnings (the two repaired files) and of sentences too long to parse whole (random
    // bytes make some).
    CHECK_THAT(run.err, Catch::Contains("newsgraph: 2 warnings (inputs repaired or left out"));
    const std::size_t lines = std::count(run.err.begin(), run.err.end(), '\n');
    const bool cut_counted = run.err.find(" parsed in pieces\n") != std::string::npos;
    CHECK(lines == (cut_counted ? 13u : 12u));
    const std::set<std::string> labels = graphml_labels(dir.path() / "out/graph.graphml");
    for (const std::string& label : kGoodLabels) CHECK(labels.count(label) == 1);
    CHECK(check_exports(dir.path() / "out", kGoodLabels) == 0);
}

TEST_CASE("a file over --max-file-size is skipped naming the limit, and raised, it is read",
          "[hostile]") {
    TempDir dir;
    std::string article = "Austrian Chancellor Karl Nehammer visited Poland.\n";
    article += std::string(3000, ' ');
    dir.write("in/a.txt", article);
    dir.write("in/feed.jsonl", "{\"text\": \"Japanese Prime Minister Fumio Kishida spoke.\"}\n" +
                                   std::string(3000, '\n'));
    RunResult run = run_newsgraph({"build", dir / "in", "-o", dir / "out", "--max-file-size", "2K"},
                                  dir.path());
    CHECK(run.exit_status == 2);  // nothing left to build
    CHECK_THAT(run.err, Catch::Contains(dir / "in/a.txt: file is larger than the limit of 2 KiB"));
    CHECK_THAT(run.err,
               Catch::Contains(dir / "in/feed.jsonl: file is larger than the limit of 2 KiB"));
    CHECK_THAT(run.err, Catch::Contains("no article could be read"));
    CHECK_FALSE(fs::exists(dir.path() / "out/graph.graphml"));

    run = run_newsgraph({"build", dir / "in", "-o", dir / "out", "--max-file-size", "4K", "-q"},
                        dir.path());
    CHECK(run.exit_status == 0);
    CHECK(run.err.empty());
    CHECK(graphml_labels(dir.path() / "out/graph.graphml").count("Karl Nehammer") == 1);
}

TEST_CASE("unreadable files and folders are named, the readable ones kept", "[hostile]") {
    TempDir dir;
    if (!can_be_denied(dir)) return;
    dir.write("in/open.txt", "Austrian Chancellor Karl Nehammer visited Poland.\n");
    const std::string secret = dir.write("in/secret.txt", "Hidden.");
    dir.write("in/locked/inside.txt", "Hidden too.");
    fs::permissions(dir.path() / "in", fs::perms::all);
    fs::permissions(dir / "in/open.txt", fs::perms::all);
    fs::permissions(secret, fs::perms::none);
    fs::permissions(dir / "in/locked", fs::perms::none);
    // As root, the run drops to `nobody`, for whom permissions hold.
    RunOptions options;
    options.as_nobody = true;
    const RunResult run =
        run_newsgraph({"build", dir / "in", "-o", dir / "out", "-q"}, dir.path(), options);
    INFO(run.err);
    CHECK(run.exit_status == 1);
    CHECK_THAT(run.err, Catch::Contains(secret + ": cannot open file: permission denied"));
    CHECK_THAT(run.err,
               Catch::Contains(dir / "in/locked: cannot read directory: permission denied"));
    CHECK(graphml_labels(dir.path() / "out/graph.graphml").count("Karl Nehammer") == 1);
}

TEST_CASE("one 50 MB line with no newline is read in bounded pieces", "[hostile][slow]") {
    TempDir dir;
    std::string page =
        "Japanese Prime Minister Fumio Kishida met Austrian Chancellor Karl Nehammer. ";
    const std::string junk =
        "lorem ipsum <b>dolor</b> sit amet, {\"x\": [1, 2]} &amp; consectetur ";
    page.reserve(50u << 20);
    while (page.size() + junk.size() <= (50u << 20)) page += junk;
    dir.write("in/page.txt", page);
    const RunResult run =
        run_newsgraph({"build", dir / "in", "-o", dir / "out", "-q", "-f", "graphml"}, dir.path());
    INFO(run.err);
    CHECK(run.exit_status == 0);
    // No problem; the first sentence runs on into the junk (no capital after its full stop)
    // and names four entities: parsed, in pieces.
    CHECK(run.err == "newsgraph: 1 sentence longer than 200 words was parsed in pieces\n");
    const std::set<std::string> labels = graphml_labels(dir.path() / "out/graph.graphml");
    CHECK(labels.count("Fumio Kishida") == 1);
    CHECK(labels.count("Karl Nehammer") == 1);
}

// --- nothing lost --------------------------------------------------------------------------

TEST_CASE("building into an existing folder (-o) leaves every other file in it alone",
          "[hostile][output]") {
    TempDir dir;
    dir.write("in/good.txt", "Austrian Chancellor Karl Nehammer visited Poland.\n");
    const std::map<std::string, std::string> unrelated = {
        {"notes.txt", "my notes"},
        {"graph.graphml.bak", "an older export, kept by hand"},
        {".hidden", "dot file"},
        {"sub/graph.dot", "not ours: in a subfolder"},
        {"neo4j/extra.csv", "a file beside an export folder"},
        {".graph.dot.tmp-1-0", "looks like a temporary file, but not this run's"}};
    for (const auto& [name, content] : unrelated) dir.write("out/" + name, content);
    const RunResult run = run_newsgraph({"build", dir / "in", "-o", dir / "out", "-q"}, dir.path());
    CHECK(run.exit_status == 0);
    const std::map<std::string, std::string> after = snapshot(dir.path() / "out");
    for (const auto& [name, content] : unrelated) {
        INFO(name);
        REQUIRE(after.count(name) == 1);
        CHECK(after.at(name) == content);
    }
    CHECK(after.count("graph.graphml") == 1);
}

TEST_CASE(
    "a run interrupted after writing some files leaves the previous set intact and complete, "
    "and no temporary file",
    "[hostile][output]") {
    TempDir dir;
    dir.write("small/a.txt", "Austrian Chancellor Karl Nehammer visited Poland.\n");
    REQUIRE(
        run_newsgraph({"build", dir / "small", "-o", dir / "out", "-q"}, dir.path()).exit_status ==
        0);
    const std::map<std::string, std::string> before = snapshot(dir.path() / "out");
    REQUIRE(before.size() >= 4);

    // Many articles with many names: a graph large enough that writing it takes a while.
    std::string feed;
    for (std::size_t i = 0; i < 3000; ++i) {
        feed += "{\"id\": \"a" + std::to_string(i) + "\", \"text\": \"Senator " +
                synthetic_name(3 * i) + " met Minister " + synthetic_name(3 * i + 1) +
                " and General " + synthetic_name(3 * i + 2) + " in Poland.\"}\n";
    }
    dir.write("big/feed.jsonl", feed);

    int signal_number = SIGTERM;
    SECTION("SIGTERM while an export is being written") {}
    SECTION("SIGINT while an export is being written") {
        signal_number = SIGINT;
    }
    SECTION("SIGHUP while an export is being written") {
        signal_number = SIGHUP;
    }
    // Signalled once neo4j/relationships.csv is being written: graph.graphml, graph.jsonld,
    // graph.gexf and neo4j/nodes.csv are done by then.
    bool caught_writing = false;
    RunOptions options;
    options.while_running = [&](pid_t pid) {
        caught_writing = wait_for(pid, [&] {
            for (const std::string& name : temporary_files(dir.path() / "out"))
                if (name.find("/neo4j/.relationships.csv.tmp-") != std::string::npos) return true;
            return false;
        });
        ::kill(pid, signal_number);
    };
    const RunResult run =
        run_newsgraph({"build", dir / "big", "-o", dir / "out", "-q"}, dir.path(), options);
    INFO(run.err);
    REQUIRE(caught_writing);  // else the run ended before that export began: input too small
    CHECK(run.signal == signal_number);
    CHECK(temporary_files(dir.path() / "out").empty());
    // Not one new file beside the older ones (nodes.csv of this run would point at ids the
    // older relationships.csv does not know): the previous set, as it was.
    CHECK(snapshot(dir.path() / "out") == before);
}

TEST_CASE("the signal handlers' cleanup removes exactly the uncommitted temporary files",
          "[hostile][output]") {
    TempDir dir;
    AtomicFile done(dir / "done.txt");
    done.stream() << "complete";
    done.commit();
    AtomicFile pending(dir / "pending.txt");
    pending.stream() << "half";
    pending.stream().flush();
    const std::vector<std::string> before = temporary_files(dir.path());
    REQUIRE(before.size() == 1);
    CHECK_THAT(before[0], Catch::Contains(".pending.txt.tmp-"));
    remove_uncommitted_temp_files();
    CHECK(temporary_files(dir.path()).empty());
    CHECK(read_file(dir.path() / "done.txt") == "complete");
    CHECK_THROWS_WITH(pending.commit(), Catch::Contains("cannot rename"));
    CHECK_FALSE(fs::exists(dir.path() / "pending.txt"));
}

TEST_CASE("a full disk is reported for each file and leaves older outputs intact",
          "[hostile][output]") {
    TempDir dir;
    dir.write("in/a.txt", "Austrian Chancellor Karl Nehammer visited Poland.\n");
    REQUIRE(run_newsgraph({"build", dir / "in", "-o", dir / "out", "-q"}, dir.path()).exit_status ==
            0);
    const std::map<std::string, std::string> before = snapshot(dir.path() / "out");
    dir.write("in/b.txt", "German Chancellor Olaf Scholz met French President Emmanuel Macron.\n");

    // Writes past 1 KiB fail with EFBIG, as they would with ENOSPC on a full disk.
    RunOptions options;
    options.file_size_limit = 1024;
    const RunResult run =
        run_newsgraph({"build", dir / "in", "-o", dir / "out", "-q", "-f", "graphml,jsonld,dot"},
                      dir.path(), options);
    INFO(run.err);
    CHECK(run.signal == 0);  // not killed by SIGXFSZ
    CHECK(run.exit_status == 2);
    for (const std::string name : {"graph.graphml", "graph.jsonld", "graph.dot"})
        CHECK_THAT(run.err,
                   Catch::Contains(dir / ("out/" + name) + ": cannot write: File too large"));
    CHECK(snapshot(dir.path() / "out") == before);
    CHECK(temporary_files(dir.path() / "out").empty());
}

TEST_CASE("outputs that cannot be written are reported, not ignored", "[hostile][output]") {
    TempDir dir;
    dir.write("in/a.txt", "Austrian Chancellor Karl Nehammer visited Poland.\n");

    SECTION("a folder where an export goes") {
        fs::create_directories(dir.path() / "out/graph.jsonld");
        dir.write("out/graph.graphml", "an older export");
        const RunResult run = run_newsgraph(
            {"build", dir / "in", "-o", dir / "out", "-q", "-f", "graphml,jsonld"}, dir.path());
        CHECK(run.exit_status == 1);  // graphml written, jsonld not: neither put in place
        CHECK_THAT(run.err, Catch::Contains(dir / "out/graph.jsonld") &&
                                Catch::Contains("cannot rename the temporary file into place"));
        CHECK_THAT(run.err, Catch::Contains("no file put in place; the older files in " +
                                            dir / "out" + " are as they were"));
        CHECK(read_file(dir.path() / "out/graph.graphml") == "an older export");
        CHECK_FALSE(fs::exists(dir.path() / "out/manifest.json"));
        CHECK(temporary_files(dir.path() / "out").empty());
    }
    SECTION("an output folder that is a file") {
        dir.write("out", "a file");
        const RunResult run =
            run_newsgraph({"build", dir / "in", "-o", dir / "out", "-q"}, dir.path());
        CHECK(run.exit_status == 2);
        CHECK_THAT(run.err, Catch::Contains("cannot create output folder"));
        CHECK(read_file(dir.path() / "out") == "a file");
    }
    SECTION("a folder we may not write in") {
        if (!can_be_denied(dir)) return;
        fs::create_directories(dir.path() / "out");
        fs::permissions(dir.path() / "out", fs::perms::owner_read | fs::perms::owner_exec |
                                                fs::perms::group_read | fs::perms::others_read |
                                                fs::perms::group_exec | fs::perms::others_exec);
        fs::permissions(dir.path() / "in", fs::perms::all);
        fs::permissions(dir / "in/a.txt", fs::perms::all);
        RunOptions options;
        options.as_nobody = true;  // root may write anywhere
        const RunResult run =
            run_newsgraph({"build", dir / "in", "-o", dir / "out", "-q", "-f", "graphml,dot"},
                          dir.path(), options);
        CHECK(run.exit_status == 2);
        CHECK_THAT(run.err,
                   Catch::Contains("newsgraph: cannot lock output folder " + dir / "out" + ": " +
                                   dir / "out/.newsgraph.lock" + ": Permission denied"));
        CHECK_THAT(run.err, Catch::Contains("nothing written"));
        CHECK(fs::is_empty(dir.path() / "out"));
    }
}

// --- limits, by construction -----------------------------------------------------------------

namespace {

const Extractor& extractor() {
    static const Extractor loaded(NEWSGRAPH_DATA_DIR);
    return loaded;
}

Document document_of(std::string text) {
    Document doc;
    doc.info.id = "pathological";
    doc.text = normalize_text(repair_utf8(text, nullptr));
    return doc;
}

std::vector<std::string> token_surfaces(const std::string& text,
                                        const std::vector<Sentence>& sentences) {
    std::vector<std::string> surfaces;
    for (const Sentence& s : sentences)
        for (const Token& t : s.tokens) surfaces.push_back(text.substr(t.begin, t.end - t.begin));
    return surfaces;
}

}  // namespace

TEST_CASE(
    "20,000 capitalised words in one line: sentences of at most 400 tokens, none lost, "
    "co-mentions bounded",
    "[hostile][limits]") {
    // "Maria Kalomi and Tomas Nupera and ...": names, nothing to end a sentence.
    std::string line;
    for (std::size_t i = 0, words = 0; words < 20000; ++i, words += 3)
        line += synthetic_name(i * 7 + 3) + " and ";
    const Document doc = document_of(line);
    const std::vector<Sentence> sentences = segment(doc, extractor().ingest_rules());
    std::size_t tokens = 0;
    for (const Sentence& s : sentences) {
        CHECK(s.tokens.size() <= kMaxSentenceTokens);
        tokens += s.tokens.size();
    }
    CHECK(tokens == 20001);
    CHECK(sentences.size() == (20001 + kMaxSentenceTokens - 1) / kMaxSentenceTokens);

    const PartialGraph graph = extractor().extract(doc);
    CHECK(graph.entities.size() > 1000);
    // At most 12 entities pair up per sentence: 66 co-mentions, whatever the input.
    std::map<int, std::size_t> co_mentions_per_sentence;
    for (const RelationRecord& r : graph.relations)
        if (r.relation == Relation::co_mentioned) ++co_mentions_per_sentence[r.evidence.sentence];
    for (const auto& [sentence, count] : co_mentions_per_sentence) CHECK(count <= 66);
}

TEST_CASE("a 5 MB line with no punctuation is cut into pieces and sentences, tokens unchanged",
          "[hostile][limits]") {
    const std::string words[] = {"alpha", "Bravo", "charlie-delta", "O'Neill", "1,000.5", "U.S."};
    std::string line;
    for (std::size_t i = 0; line.size() < (5u << 20); ++i) line += words[i % 6] + " ";
    const Document doc = document_of(line);
    const std::vector<Sentence> sentences = segment(doc, extractor().ingest_rules());
    for (const Sentence& s : sentences) {
        CHECK(s.tokens.size() <= kMaxSentenceTokens);
        CHECK(s.end - s.begin <= kMaxBlockBytes);
    }
    // Pieces end at spaces: exactly the tokens of the whole line.
    std::vector<std::string> whole;
    for (const Token& t : tokenize(doc.text))
        whole.push_back(doc.text.substr(t.begin, t.end - t.begin));
    CHECK(token_surfaces(doc.text, sentences) == whole);
}

TEST_CASE("a long line with no space is cut between characters no token joins",
          "[hostile][limits]") {
    std::string line;
    while (line.size() < 3 * kMaxBlockBytes) line += "Alpha{}[Bravo-Charlie](<&>)\"'s'\\";
    const Document doc = document_of(line);
    const std::vector<Sentence> sentences = segment(doc, extractor().ingest_rules());
    CHECK(sentences.size() > 3 * kMaxBlockBytes / 32 / kMaxSentenceTokens);
    for (const Sentence& s : sentences) CHECK(s.tokens.size() <= kMaxSentenceTokens);
    // No word cut in two, none lost or added at the boundaries of pieces. (Punctuation alone
    // at the end of a piece makes a chunk with no word, which is left out as any such.)
    const auto words = [](std::vector<std::string> tokens) {
        std::erase_if(tokens, [](const std::string& t) {
            return !std::isalpha(static_cast<unsigned char>(t[0]));
        });
        return tokens;
    };
    std::vector<std::string> whole;
    for (const Token& t : tokenize(doc.text))
        whole.push_back(doc.text.substr(t.begin, t.end - t.begin));
    CHECK(words(token_surfaces(doc.text, sentences)) == words(whole));

    // With no cut point at all (one endless word), the line is one token, cut into pieces.
    const Document word = document_of(std::string(3 * kMaxBlockBytes, 'a'));
    const std::vector<Sentence> pieces = segment(word, extractor().ingest_rules());
    CHECK(pieces.size() == 3);
    for (const Sentence& s : pieces) CHECK(s.end - s.begin <= kMaxBlockBytes);
}

TEST_CASE("an entity keeps at most kMaxAliases surface forms, every mention counted",
          "[hostile][limits]") {
    KnowledgeGraph graph;
    for (int i = 0; i < 200; ++i) {
        PartialGraph partial;
        partial.document.id = "d" + std::to_string(i);
        EntityRecord record;
        record.label = "Maria Quill";
        record.type = EntityType::Person;
        record.aliases = {{"Quill " + std::to_string(1000 + i), 2}};
        for (int k = 0; k < 60; ++k) record.aliases["Form " + std::to_string(k)] = 1;
        record.mentions = 62;
        partial.entities.push_back(record);
        graph.merge(partial);
    }
    const Graph& g = graph.graph();
    REQUIRE(boost::num_vertices(g) == 1);
    const EntityVertex& entity = g[0];
    CHECK(entity.aliases.size() == kMaxAliases);
    CHECK(entity.mentions == 200 * 62);
    // The smallest forms are kept, with their counts exact: the same in any merge order.
    CHECK(entity.aliases.begin()->first == "Form 0");
    CHECK(entity.aliases.begin()->second == 200);
}
