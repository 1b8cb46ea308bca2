// CoNLL-U: reading and writing round-trips the treebanks byte for byte, malformed input is
// reported by file and line, and words from an article carry their offsets in MISC.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "src/ingest/document.hpp"
#include "src/nlp/conllu.hpp"
#include "src/nlp/sentence.hpp"

using namespace newsgraph;
using namespace newsgraph::nlp;

namespace {

// The UD English treebank, beside the repository (CI has it; a clone elsewhere may not).
const std::string kEwtDir = NEWSGRAPH_SOURCE_DIR "/../shared/corpus/ud-english-ewt";

std::vector<ParsedSentence> read_text(const std::string& text) {
    std::istringstream in(text);
    return read_conllu(in, "x.conllu");
}

// "" when the texts are equal, else the first line where they differ: a treebank is too long
// to print whole.
std::string first_difference(const std::string& expected, const std::string& got) {
    std::istringstream a(expected), b(got);
    std::string line_a, line_b;
    for (int line = 1;; ++line) {
        const bool more_a = static_cast<bool>(std::getline(a, line_a));
        const bool more_b = static_cast<bool>(std::getline(b, line_b));
        if (!more_a && !more_b) return "";
        if (more_a != more_b || line_a != line_b)
            return "line " + std::to_string(line) + ": expected \"" + line_a + "\", got \"" +
                   line_b + "\"";
    }
}

std::string written(const ParsedSentence& sentence, const CodePointIndex* offsets = nullptr) {
    std::ostringstream out;
    write_conllu(out, sentence, offsets);
    return out.str();
}

const std::string kSample =
    "# newdoc id = d1\n"
    "# sent_id = s1\n"
    "# newpar id = p1\n"
    "# text = I don't know.\n"
    "1\tI\tI\tPRON\tPRP\tCase=Nom\t4\tnsubj\t4:nsubj\t_\n"
    "2-3\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\n"
    "2\tdo\tdo\tAUX\tVBP\t_\t4\taux\t4:aux\t_\n"
    "3\tn't\tnot\tPART\tRB\t_\t4\tadvmod\t4:advmod\t_\n"
    "3.1\tknow\tknow\tVERB\tVB\t_\t_\t_\t0:root\tCopyOf=4\n"
    "4\tknow\tknow\tVERB\tVB\tVerbForm=Inf\t0\troot\t0:root\tSpaceAfter=No\n"
    "5\t.\t.\tPUNCT\t.\t_\t4\tpunct\t4:punct\t_\n"
    "\n";

}  // namespace

TEST_CASE("nlp conllu: reading keeps comments, every column, ranges and empty nodes",
          "[nlp][conllu]") {
    const std::vector<ParsedSentence> sentences = read_text(kSample);
    REQUIRE(sentences.size() == 1);
    const ParsedSentence& s = sentences[0];
    CHECK(s.sent_id == "s1");
    CHECK(s.text == "I don't know.");
    CHECK(s.comments == std::vector<std::string>{"newdoc id = d1", "newpar id = p1"});
    REQUIRE(s.words.size() == 5);
    CHECK(s.words[0].form == "I");
    CHECK(s.words[0].feats == "Case=Nom");
    CHECK(s.words[0].head == 4);
    CHECK(s.words[0].deprel == "nsubj");
    CHECK(s.words[0].deps == "4:nsubj");
    CHECK(s.words[0].begin == kNoOffset);
    CHECK(s.words[2].lemma == "not");
    CHECK(s.words[3].head == 0);
    REQUIRE(s.multiwords.size() == 1);
    CHECK(s.multiwords[0].first == 2);
    CHECK(s.multiwords[0].last == 3);
    CHECK(s.multiwords[0].form == "don't");
    REQUIRE(s.empty_nodes.size() == 1);
    CHECK(s.empty_nodes[0].first == 3);
    // Space: none inside a multiword token, none where MISC says SpaceAfter=No.
    CHECK(s.words[0].space_after);
    CHECK_FALSE(s.words[1].space_after);
    CHECK(s.words[2].space_after);
    CHECK_FALSE(s.words[3].space_after);
    CHECK(written(s) == kSample);
}

TEST_CASE("nlp conllu: several sentences, CRLF and a missing final blank line", "[nlp][conllu]") {
    const std::vector<ParsedSentence> sentences = read_text(
        "1\tHi\thi\tINTJ\tUH\t_\t0\troot\t_\t_\r\n\r\n\n1\tBye\tbye\tINTJ\tUH\t_\t0\troot\t_\t_");
    REQUIRE(sentences.size() == 2);
    CHECK(sentences[0].words[0].form == "Hi");
    CHECK(sentences[1].words[0].misc == "_");
    CHECK(read_text("").empty());
}

TEST_CASE("nlp conllu: malformed input is reported with file and line", "[nlp][conllu]") {
    const std::string word = "1\tHi\thi\tINTJ\tUH\t_\t0\troot\t_\t_\n";
    CHECK_THROWS_WITH(read_text("# text = Hi\n1\tHi\thi\tINTJ\n"),
                      "x.conllu:2: expected 10 tab-separated columns, found 4");
    CHECK_THROWS_WITH(read_text(word + "2\tthere\tthere\tADV\tRB\t_\tone\tadvmod\t_\t_\n"),
                      "x.conllu:2: head \"one\" is not a number");
    CHECK_THROWS_WITH(read_text(word + "3\tthere\tthere\tADV\tRB\t_\t1\tadvmod\t_\t_\n"),
                      "x.conllu:2: word id 3 out of sequence: expected 2");
    CHECK_THROWS_WITH(read_text("x\tHi\thi\tINTJ\tUH\t_\t0\troot\t_\t_\n"),
                      "x.conllu:1: word id \"x\" is not a number");
    CHECK_THROWS_WITH(read_text(word + "2\tthere\tthere\tADV\tRB\t_\t7\tadvmod\t_\t_\n"),
                      "x.conllu:2: head 7 past the last word (2)");
    CHECK_THROWS_WITH(read_text("1-2\tcannot\t_\t_\t_\t_\t_\t_\t_\t_\n" + word),
                      "x.conllu:2: multiword token 1-2 runs past the last word");
    CHECK_THROWS_WITH(read_text("1\t\thi\tINTJ\tUH\t_\t0\troot\t_\t_\n"),
                      "x.conllu:1: empty FORM column");
    CHECK_THROWS_WITH(read_text(word + "# late comment\n"),
                      "x.conllu:2: comment inside a sentence");
    CHECK_THROWS_WITH(read_text("# sent_id = 1\n\n"), "x.conllu:2: sentence without words");
    CHECK_THROWS_WITH(read_text(word + "1.1\tHi\thi\tINTJ\tUH\t_\t_\t_\t_\t_\n2.1\tx\n"),
                      "x.conllu:3: expected 10 tab-separated columns, found 2");
}

TEST_CASE("nlp conllu: unset fields are written as _", "[nlp][conllu]") {
    ParsedSentence s;
    s.words.resize(2);
    s.words[0].form = "Hello";
    s.words[0].space_after = false;
    s.words[1].form = "!";
    CHECK(written(s) ==
          "1\tHello\t_\t_\t_\t_\t_\t_\t_\tSpaceAfter=No\n"
          "2\t!\t_\t_\t_\t_\t_\t_\t_\t_\n\n");
}

TEST_CASE("nlp conllu: words with offsets get TokenRange in code points, merged into MISC",
          "[nlp][conllu]") {
    // "Zoë won't." : the ë is two bytes, so byte offsets and code points differ after it.
    const std::string text = "Zo\xC3\xAB won't.";
    const CodePointIndex index(text);
    ParsedSentence s;
    s.text = text;
    auto add = [&](const char* form, std::size_t begin, std::size_t end, bool space_after) {
        Word& w = s.words.emplace_back();
        w.form = form;
        w.begin = begin;
        w.end = end;
        w.space_after = space_after;
        return &w;
    };
    add("Zo\xC3\xAB", 0, 4, true)->misc = "Ent=B";
    add("wo", 5, 7, false);
    add("n't", 7, 10, false);
    add(".", 10, 11, true);
    s.multiwords.push_back({2, 3, "won't", "_"});
    CHECK(written(s, &index) ==
          "# text = Zo\xC3\xAB won't.\n"
          "1\tZo\xC3\xAB\t_\t_\t_\t_\t_\t_\t_\tEnt=B|TokenRange=0:3\n"
          "2-3\twon't\t_\t_\t_\t_\t_\t_\t_\tSpaceAfter=No|TokenRange=4:9\n"
          "2\two\t_\t_\t_\t_\t_\t_\t_\tTokenRange=4:6\n"
          "3\tn't\t_\t_\t_\t_\t_\t_\t_\tTokenRange=6:9\n"
          "4\t.\t_\t_\t_\t_\t_\t_\t_\tTokenRange=9:10\n\n");
    // Without an index, offsets are not written; a stale TokenRange read back is replaced.
    CHECK(written(s).find("TokenRange") == std::string::npos);
    s.words[0].misc = "TokenRange=7:8";
    CHECK(written(s, &index).find("TokenRange=0:3\n") != std::string::npos);
}

TEST_CASE("nlp conllu: reading then writing UD English EWT gives the same bytes",
          "[nlp][conllu][ewt]") {
    if (!std::filesystem::exists(kEwtDir)) {
        WARN("skipped: no treebank at " << kEwtDir);
        return;
    }
    for (const char* part : {"train", "dev", "test"}) {
        const std::string path = kEwtDir + "/en_ewt-ud-" + part + ".conllu";
        std::ifstream file(path, std::ios::binary);
        REQUIRE(file);
        std::ostringstream original;
        original << file.rdbuf();
        std::istringstream in(original.str());
        std::ostringstream out;
        for (const ParsedSentence& s : read_conllu(in, path)) write_conllu(out, s);
        INFO(path);
        CHECK(first_difference(original.str(), out.str()).empty());
        CHECK(out.str().size() == original.str().size());  // a final newline, too
    }
}
