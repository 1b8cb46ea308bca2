// Ingestion: UTF-8 repair, reading files, directories and JSON Lines, sentence splitting,
// tokens and page furniture.
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "src/ingest/document.hpp"
#include "src/ingest/reader.hpp"
#include "src/ingest/segmenter.hpp"
#include "src/ingest/text_repair.hpp"
#include "tests/temp_dir.hpp"

using namespace newsgraph;
using newsgraph::testing::read_file;
using newsgraph::testing::TempDir;
namespace fs = std::filesystem;

namespace {

const std::string kReplacement = "\xEF\xBF\xBD";

const IngestRules& rules() {
    static const IngestRules loaded = load_ingest_rules(NEWSGRAPH_SOURCE_DIR "/data");
    return loaded;
}

Document document_of(std::string text) {
    Document doc;
    doc.info.id = "test";
    doc.text = std::move(text);
    return doc;
}

// The article's sentences; with `furniture`, the page furniture's instead.
std::vector<std::string> sentences_of(const std::string& text, bool furniture = false) {
    const Document doc = document_of(text);
    std::vector<std::string> out;
    for (const Sentence& s : segment(doc, rules()))
        if (s.furniture == furniture) out.push_back(doc.text.substr(s.begin, s.end - s.begin));
    return out;
}

std::vector<std::string> surfaces_of(const std::string& text) {
    std::vector<std::string> out;
    for (const Token& t : tokenize(text)) out.push_back(text.substr(t.begin, t.end - t.begin));
    return out;
}

std::vector<std::string> norms_of(const std::string& text) {
    std::vector<std::string> out;
    for (const Token& t : tokenize(text)) out.push_back(t.norm);
    return out;
}

ReadResult read(const std::vector<std::string>& inputs, ReadOptions options = {}) {
    return read_inputs(inputs, options);
}

std::vector<std::string> ids_of(const ReadResult& result) {
    std::vector<std::string> ids;
    for (const Document& d : result.documents) ids.push_back(d.info.id);
    return ids;
}

// The messages of the problems reported for `where`.
std::vector<std::string> problems_at(const ReadResult& result, const std::string& where) {
    std::vector<std::string> messages;
    for (const InputProblem& p : result.problems) {
        if (p.where == where) messages.push_back(p.message);
    }
    return messages;
}

}  // namespace

// --- UTF-8 repair and normalisation ---------------------------------------------------------

TEST_CASE("repair_utf8 keeps valid UTF-8 unchanged", "[ingest][utf8]") {
    const std::string valid = "Xi\xE2\x80\x99s caf\xC3\xA9 \xF0\x9F\x87\xA8 \xE4\xB8\xAD";
    std::vector<std::size_t> offsets;
    CHECK(repair_utf8(valid, &offsets) == valid);
    CHECK(offsets.empty());
}

TEST_CASE("repair_utf8 replaces each ill-formed sequence and records where it was",
          "[ingest][utf8]") {
    std::vector<std::size_t> offsets;
    SECTION("a stray continuation byte and an invalid lead byte") {
        CHECK(repair_utf8("a\x80z\xFF", &offsets) == "a" + kReplacement + "z" + kReplacement);
        CHECK(offsets == std::vector<std::size_t>{1, 3});
    }
    SECTION("an overlong form C0 AF is two bad bytes") {
        CHECK(repair_utf8("a\xC0\xAF"
                          "b",
                          &offsets) == "a" + kReplacement + kReplacement + "b");
        CHECK(offsets == std::vector<std::size_t>{1, 2});
    }
    SECTION("an overlong three-byte form") {
        CHECK(repair_utf8("\xE0\x80\xAF", &offsets) == kReplacement + kReplacement + kReplacement);
        CHECK(offsets == std::vector<std::size_t>{0, 1, 2});
    }
    SECTION("a UTF-16 surrogate ED A0 80") {
        CHECK(repair_utf8("x\xED\xA0\x80y", &offsets) ==
              "x" + kReplacement + kReplacement + kReplacement + "y");
        CHECK(offsets == std::vector<std::size_t>{1, 2, 3});
    }
    SECTION("a code point above U+10FFFF") {
        CHECK(repair_utf8("\xF4\x90\x80\x80", &offsets) ==
              kReplacement + kReplacement + kReplacement + kReplacement);
        CHECK(offsets.size() == 4);
    }
    SECTION("a sequence truncated by the end of the input is one replacement") {
        CHECK(repair_utf8("ok\xE2\x82", &offsets) == "ok" + kReplacement);
        CHECK(offsets == std::vector<std::size_t>{2});
    }
    SECTION("a sequence cut short by an ASCII byte keeps that byte") {
        CHECK(repair_utf8("\xF0\x9F\x87z", &offsets) == kReplacement + "z");
        CHECK(offsets == std::vector<std::size_t>{0});
    }
    SECTION("offsets are optional") {
        CHECK(repair_utf8("\xC3", nullptr) == kReplacement);
    }
}

TEST_CASE("normalize_text strips a BOM, NULs and control characters and unifies line ends",
          "[ingest][utf8]") {
    CHECK(normalize_text("\xEF\xBB\xBFHeadline\r\n\r\nBody\rmore") == "Headline\n\nBody\nmore");
    CHECK(normalize_text(std::string("a\0b", 3)) == "ab");
    CHECK(normalize_text("tab\tkept\x01\x1B[0m\x0C") == "tab\tkept  [0m ");
    // HTML's numeric references left in scraped text are the characters they stand for.
    CHECK(normalize_text("Jos&#233; Manuel and S&#xE3;o Paulo &#163;5") ==
          "Jos\u00e9 Manuel and S\u00e3o Paulo \u00a35");
    CHECK(normalize_text("&#0; &#55296; &#; &amp; &#12x;") == "&#0; &#55296; &#; &amp; &#12x;");
    // Only a leading BOM is a byte order mark.
    CHECK(normalize_text("a\xEF\xBB\xBF") == "a\xEF\xBB\xBF");
    CHECK(normalize_text("caf\xC3\xA9\n") == "caf\xC3\xA9\n");
}

TEST_CASE("code_point_offset counts code points, not bytes", "[ingest][utf8]") {
    const std::string text = "Xi\xE2\x80\x99s visit to M\xC3\xBCnchen \xF0\x9F\x87\xA8!";
    CHECK(code_point_offset(text, 0) == 0);
    CHECK(code_point_offset(text, 2) == 2);
    CHECK(code_point_offset(text, text.find("s visit")) == 3);
    CHECK(code_point_offset(text, text.find("nchen")) == 16);
    CHECK(code_point_offset(text, text.find('!')) == 23);
    CHECK(code_point_offset(text, text.size()) == 24);
    CHECK(code_point_offset(text, text.size() + 10) == 24);
}

TEST_CASE("CodePointIndex agrees with code_point_offset across its checkpoints", "[ingest][utf8]") {
    std::string text;
    while (text.size() < 3 * 4096 + 100) text += "Xi\xE2\x80\x99s M\xC3\xBCnchen \xF0\x9F\x87\xA8 ";
    const CodePointIndex index(text);
    for (std::size_t byte = 0; byte <= text.size() + 5; byte += 7) {
        REQUIRE(index(byte) == code_point_offset(text, byte));
    }
    for (const std::size_t byte :
         {std::size_t{4095}, std::size_t{4096}, std::size_t{8192}, text.size()}) {
        CHECK(index(byte) == code_point_offset(text, byte));
    }
    CHECK(index(text.size()) < text.size());
}

// --- tokens -------------------------------------------------------------------------------

TEST_CASE("tokenize keeps names, numbers and initialisms whole and splits punctuation",
          "[ingest][tokens]") {
    CHECK(surfaces_of("Una Aleksandra Berzina-Cerenkova and O'Brien, a 12-point plan.") ==
          std::vector<std::string>{"Una", "Aleksandra", "Berzina-Cerenkova", "and", "O'Brien", ",",
                                   "a", "12-point", "plan", "."});
    CHECK(surfaces_of("the U.S. and the U.N.; e.g. this") ==
          std::vector<std::string>{"the", "U.S.", "and", "the", "U.N.", ";", "e.g.", "this"});
    CHECK(surfaces_of("the U.S.-led pact") ==
          std::vector<std::string>{"the", "U.S.", "-", "led", "pact"});
    CHECK(surfaces_of("trade of US$240-billion, 1,000.5 tonnes or 3%") ==
          std::vector<std::string>{"trade", "of", "US", "$", "240-billion", ",", "1,000.5",
                                   "tonnes", "or", "3", "%"});
    CHECK(surfaces_of("Mr. Putin met Vladimir V. Putin") ==
          std::vector<std::string>{"Mr", ".", "Putin", "met", "Vladimir", "V", ".", "Putin"});
    CHECK(
        surfaces_of("Zelenskyy’s Kyiv, Ünal İnönü and Шойгу") ==
        std::vector<std::string>{"Zelenskyy", "’s", "Kyiv", ",", "Ünal", "İnönü", "and", "Шойгу"});
}

TEST_CASE("tokenize splits the possessive 's off and gives ASCII norms", "[ingest][tokens]") {
    const std::string text = "China’s “no limits” partnership – Russia's ‘friend’ — “ok”";
    CHECK(surfaces_of(text) == std::vector<std::string>{"China", "’s", "“", "no", "limits", "”",
                                                        "partnership", "–", "Russia", "'s", "‘",
                                                        "friend", "’", "—", "“", "ok", "”"});
    CHECK(norms_of(text) == std::vector<std::string>{"China", "'s", "\"", "no", "limits", "\"",
                                                     "partnership", "-", "Russia", "'s", "'",
                                                     "friend", "'", "-", "\"", "ok", "\""});
    CHECK(norms_of("didn’t Ünal") == std::vector<std::string>{"didn't", "Ünal"});
}

TEST_CASE("tokens carry byte offsets into the text, shifted by the offset given",
          "[ingest][tokens]") {
    const std::string text = "  “Xi’s” visit";
    const std::vector<Token> tokens = tokenize(text, 100);
    REQUIRE(tokens.size() == 5);
    CHECK(tokens[0].begin == 102);
    CHECK(tokens[0].end == 105);  // “ is three bytes
    CHECK(tokens[1].begin == 105);
    CHECK(tokens[1].end == 107);
    CHECK(tokens[2].begin == 107);
    CHECK(tokens[2].end == 111);  // ’s
    CHECK(tokens[4].begin == 115);
    CHECK(tokens[4].end == 120);
}

// --- sentences ----------------------------------------------------------------------------

TEST_CASE("load_ingest_rules reads both lists and names a missing or bad file", "[ingest][rules]") {
    CHECK(std::find(rules().abbreviations.begin(), rules().abbreviations.end(), "mr") !=
          rules().abbreviations.end());
    CHECK(std::find(rules().abbreviations.begin(), rules().abbreviations.end(), "u.s") !=
          rules().abbreviations.end());
    CHECK(rules().furniture.size() > 20);

    TempDir dir;
    CHECK_THROWS_WITH(load_ingest_rules(dir / "data"), Catch::Contains("abbreviations.txt"));
    dir.write("data/abbreviations.txt", "# comment\n  Feb.  \n\nSEN\n");
    CHECK_THROWS_WITH(load_ingest_rules(dir / "data"), Catch::Contains("furniture.txt"));
    dir.write("data/furniture.txt", "# comment\nAdvertisement\n(unclosed\n");
    CHECK_THROWS_WITH(load_ingest_rules(dir / "data"),
                      Catch::Contains("furniture.txt") && Catch::Contains("(unclosed"));
    dir.write("data/furniture.txt", "# comment\nAdvertisement\n");
    const IngestRules loaded = load_ingest_rules(dir / "data");
    CHECK(loaded.abbreviations == std::vector<std::string>{"feb", "sen"});
    CHECK(loaded.furniture.size() == 1);
}

TEST_CASE("a dot after an abbreviation or an initial does not end the sentence",
          "[ingest][sentences]") {
    CHECK(sentences_of(
              "Mr. Putin met Dr. Li in St. Petersburg on Feb. 24. Gov. Newsom was absent.") ==
          std::vector<std::string>{"Mr. Putin met Dr. Li in St. Petersburg on Feb. 24.",
                                   "Gov. Newsom was absent."});
    CHECK(sentences_of("President Vladimir V. Putin of Russia met George W. Bush. They talked.") ==
          std::vector<std::string>{"President Vladimir V. Putin of Russia met George W. Bush.",
                                   "They talked."});
    CHECK(sentences_of("Apple Inc. The company declined to comment.") ==
          std::vector<std::string>{"Apple Inc.", "The company declined to comment."});
}

TEST_CASE("after U.S. a sentence ends only before a word that starts sentences",
          "[ingest][sentences]") {
    CHECK(sentences_of("He met U.S. President Joe Biden. The talks were long.") ==
          std::vector<std::string>{"He met U.S. President Joe Biden.", "The talks were long."});
    CHECK(sentences_of("China criticised the U.S. They met again in the U.N. Security Council.") ==
          std::vector<std::string>{"China criticised the U.S.",
                                   "They met again in the U.N. Security Council."});
    CHECK(sentences_of("Ties with the U.S. remain tense, e.g. over trade.") ==
          std::vector<std::string>{"Ties with the U.S. remain tense, e.g. over trade."});
}

TEST_CASE("sentences end at . ! ? … before a capital, a digit or a quote", "[ingest][sentences]") {
    CHECK(sentences_of("Is it over? Nobody knows! 2023 was hard… Then came peace.") ==
          std::vector<std::string>{"Is it over?", "Nobody knows!", "2023 was hard…",
                                   "Then came peace."});
    CHECK(sentences_of("It costs 3.5 billion. it is cheap. Really.") ==
          std::vector<std::string>{"It costs 3.5 billion. it is cheap.", "Really."});
    CHECK(sentences_of("He left. \"We will return,\" he said.") ==
          std::vector<std::string>{"He left.", "\"We will return,\" he said."});
}

TEST_CASE("closing quotes and brackets stay with the sentence they end", "[ingest][sentences]") {
    CHECK(sentences_of("\"We are ready.\" He left.") ==
          std::vector<std::string>{"\"We are ready.\"", "He left."});
    CHECK(sentences_of("\"We are ready,\" he said.") ==
          std::vector<std::string>{"\"We are ready,\" he said."});
    CHECK(sentences_of(
              "“Why now?” asked Mr. Xi. “We are ready!” He smiled. (He had won.) Then he left.") ==
          std::vector<std::string>{"“Why now?” asked Mr. Xi.", "“We are ready!”", "He smiled.",
                                   "(He had won.)", "Then he left."});
    CHECK(sentences_of("Russia said it backs China’s ‘position.’ ‘We agree,’ it said.") ==
          std::vector<std::string>{"Russia said it backs China’s ‘position.’",
                                   "‘We agree,’ it said."});
}

TEST_CASE("headlines and one-line paragraphs are sentences, and hard-wrapped prose is joined",
          "[ingest][sentences]") {
    CHECK(sentences_of("Xi Meets Putin in Moscow\nThe two leaders met on Tuesday.\nNo new "
                       "deals\n\nTalks ended") ==
          std::vector<std::string>{"Xi Meets Putin in Moscow", "The two leaders met on Tuesday.",
                                   "No new deals", "Talks ended"});
    CHECK(sentences_of(
              "The two leaders met in Moscow\non Tuesday and talked\nabout trade. They left.") ==
          std::vector<std::string>{
              "The two leaders met in Moscow\non Tuesday and talked\nabout trade.", "They left."});
    // A line that ends a sentence is not continued by a lower-case line (a section heading).
    CHECK(sentences_of("The pipeline was discussed.\ndivided world\nThe summit ended.") ==
          std::vector<std::string>{"The pipeline was discussed.", "divided world",
                                   "The summit ended."});
    // A blank line ends a sentence even in the middle of a clause.
    CHECK(sentences_of("The leaders met in\n\nmoscow on Tuesday.") ==
          std::vector<std::string>{"The leaders met in", "moscow on Tuesday."});
}

TEST_CASE("sentences have trimmed byte offsets and their tokens", "[ingest][sentences]") {
    const Document doc = document_of("\xEF\xBB\xBF  Xi’s visit ended.  \n\n\tPutin said “yes.”  ");
    const std::vector<Sentence> sentences = segment(doc, rules());
    REQUIRE(sentences.size() == 2);
    CHECK(sentences[0].begin == doc.text.find("Xi"));
    CHECK(sentences[0].end == doc.text.find("ended.") + 6);
    CHECK(sentences[1].begin == doc.text.find("Putin"));
    CHECK(sentences[1].end == doc.text.size() - 2);
    REQUIRE(sentences[0].tokens.size() == 5);
    CHECK(sentences[0].tokens[1].norm == "'s");
    CHECK(sentences[0].tokens.front().begin == sentences[0].begin);
    CHECK(sentences[0].tokens.back().end == sentences[0].end);
    CHECK(sentences[1].tokens.size() == 6);
    CHECK(sentences[1].tokens[3].norm == "yes");
    CHECK(doc.text.substr(sentences[1].tokens[3].begin, 3) == "yes");
}

// --- page furniture -----------------------------------------------------------------------

TEST_CASE("page furniture is flagged, article sentences are all kept", "[ingest][furniture]") {
    const std::string article =
        "Leaders Pledge Closer Ties at Summit\n"
        "\n"
        "\xC2\xB7"
        "4 min read\n"
        "\n"
        "By Jane DoePublished 2 days ago 6 min read\n"
        "3\n"
        "The prime minister arrived in Hanoi on Monday for two days of talks. \"We share a "
        "vision,\" "
        "she said. [Source]\n"
        "\n"
        "Delegates toast the agreement at a banquet on Monday. Photo: Pool Photo via AP "
        "alt=Delegates toast the agreement at a banquet on Monday. Photo: Pool Photo via AP>\n"
        "\n"
        "Questions about the biggest topics of the summit remain unanswered. Answers may come "
        "with the final statement.\n"
        "Do you have questions about the biggest topics and trends from around the world? Get the "
        "answers with Region Explained.\n"
        "Reuters\n"
        "Copyright lawyers said the ruling would be appealed.\n"
        "Share prices in Hanoi rose 2 percent after the announcement.\n"
        "Comments by the foreign minister drew criticism from the opposition.\n"
        "Reuters reported that 12 agreements were signed.\n"
        "All rights groups condemned the arrests of two journalists.\n"
        "Photo agencies were barred from the second day of talks.\n"
        "Related talks will take place in Jakarta in May.\n"
        "Follow-up meetings on Facebook's role in elections are planned.\n"
        "Read more about the summit in the official statement, the ministry said.\n"
        "The source of the leak is still unknown.\n"
        "Additional reporting by John Roe in Bangkok\n"
        "Wire staff contributed reporting.\n"
        "This article originally appeared in the Morning Gazette, the region's oldest paper.\n"
        "Leave a Reply\n"
        "Your email address will not be published.\n"
        "Related Posts\n"
        "Sign in to comment\n"
        "Advertisement\n"
        "Skip to content\n"
        "Share on Facebook\n"
        "Follow us on Twitter, Instagram and YouTube\n"
        "Facebook Twitter LinkedIn\n"
        "Find us on social media\n"
        "Read more\n"
        "[Source]\n"
        "    \xE2\x80\xA2 Privacy Policy\n"
        "    \xE2\x80\xA2 Terms of Use\n"
        "The Gazette logo\n"
        "\xC2\xA9 2024 Gazette Media, Inc. All Rights Reserved.\n"
        "Copyright (c) 2024. Gazette Media Ltd. All rights reserved.\n";
    CHECK(sentences_of(article) ==
          std::vector<std::string>{
              "Leaders Pledge Closer Ties at Summit",
              "The prime minister arrived in Hanoi on Monday for two days of talks.",
              "\"We share a vision,\" she said.",
              "Delegates toast the agreement at a banquet on Monday.",
              "Questions about the biggest topics of the summit remain unanswered.",
              "Answers may come with the final statement.",
              "Copyright lawyers said the ruling would be appealed.",
              "Share prices in Hanoi rose 2 percent after the announcement.",
              "Comments by the foreign minister drew criticism from the opposition.",
              "Reuters reported that 12 agreements were signed.",
              "All rights groups condemned the arrests of two journalists.",
              "Photo agencies were barred from the second day of talks.",
              "Related talks will take place in Jakarta in May.",
              "Follow-up meetings on Facebook's role in elections are planned.",
              "Read more about the summit in the official statement, the ministry said.",
              "The source of the leak is still unknown.",
          });
    // Bylines and credits stay available, flagged, for the names in them.
    const auto furniture = sentences_of(article, true);
    CHECK(std::find(furniture.begin(), furniture.end(),
                    "Additional reporting by John Roe in Bangkok") != furniture.end());
    CHECK(std::find(furniture.begin(), furniture.end(), "Reuters") != furniture.end());
    CHECK(std::find(furniture.begin(), furniture.end(), "Photo: Pool Photo via AP") !=
          furniture.end());
    CHECK(std::count_if(furniture.begin(), furniture.end(), [](const std::string& s) {
              return s.find("alt=") != std::string::npos;
          }) == 0);
}

TEST_CASE("furniture text stays in the document, so offsets after it do not move",
          "[ingest][furniture]") {
    const Document doc = document_of("Advertisement\nThe talks ended on Friday.\n");
    const std::vector<Sentence> sentences = segment(doc, rules());
    REQUIRE(sentences.size() == 2);
    CHECK(sentences[0].furniture);
    CHECK_FALSE(sentences[1].furniture);
    CHECK(sentences[1].begin == 14);
    CHECK(doc.text.substr(sentences[1].begin, sentences[1].end - sentences[1].begin) ==
          "The talks ended on Friday.");
}

TEST_CASE("a caption line whose alt= text is not a repeat stays whole", "[ingest][furniture]") {
    CHECK(
        sentences_of("The tag alt=text was missing from the page, the auditors said.") ==
        std::vector<std::string>{"The tag alt=text was missing from the page, the auditors said."});
}

// --- reading inputs -------------------------------------------------------------------------

TEST_CASE("a text file is one document named by its stem, its text repaired", "[ingest][reader]") {
    TempDir dir;
    const std::string path =
        dir.write("Xi visit.txt", "\xEF\xBB\xBFHeadline\r\n\r\nBody with a bad \xC3 byte.\r\n");
    const ReadResult result = read({path});
    REQUIRE(result.documents.size() == 1);
    const Document& doc = result.documents[0];
    CHECK(doc.info.id == "Xi visit");
    CHECK(doc.origin == path);
    CHECK(doc.text == "Headline\n\nBody with a bad " + kReplacement + " byte.\n");
    CHECK(
        problems_at(result, path) ==
        std::vector<std::string>{"1 invalid UTF-8 byte sequence was replaced (first at byte 31)"});
}

TEST_CASE("invalid UTF-8 is reported once per file with the count and first offset",
          "[ingest][reader]") {
    TempDir dir;
    const std::string path = dir.write("bad.md", "ok \xFF then \xC0\xAF end");
    const ReadResult result = read({path});
    REQUIRE(result.documents.size() == 1);
    CHECK(
        problems_at(result, path) ==
        std::vector<std::string>{"3 invalid UTF-8 byte sequences were replaced (first at byte 3)"});
}

TEST_CASE("a directory is read recursively in sorted order, only article files",
          "[ingest][reader]") {
    TempDir dir;
    dir.write("feed/b.txt", "Second.");
    dir.write("feed/a.md", "First.");
    dir.write("feed/sub/c.jsonl", "{\"text\": \"Third.\"}\n");
    dir.write("feed/sub/d.TXT", "Fourth.");
    dir.write("feed/image.png", "not text");
    dir.write("feed/notes.json", "{\"text\": \"not read\"}");
    const ReadResult result = read({dir / "feed"});
    CHECK(ids_of(result) == std::vector<std::string>{"a", "b", "c:1", "d"});
    CHECK(result.problems.empty());
}

TEST_CASE("JSON Lines: one document a line, metadata kept, bad lines reported",
          "[ingest][reader]") {
    TempDir dir;
    const std::string path = dir.write(
        "feed.jsonl",
        "{\"id\": \"scmp-1\", \"title\": \"Xi in Moscow\", \"url\": \"https://example.com/1\", "
        "\"date\": \"2023-03-21\", \"source\": \"SCMP\", \"text\": \"Xi met Putin.\"}\n"
        "\n"
        "{\"text\": \"No id here.\", \"date\": 20230321}\n"
        "{\"text\": oops}\n"
        "   \n"
        "{\"title\": \"no text\"}\n"
        "[\"an array\"]\n"
        "{\"text\": \"   \"}\n"
        "{\"text\": 42}\n"
        "{\"id\": \"last\", \"text\": \"Cut off in the mid");
    const ReadResult result = read({path});
    REQUIRE(result.documents.size() == 2);
    const Document& first = result.documents[0];
    CHECK(first.info.id == "scmp-1");
    CHECK(first.info.title == "Xi in Moscow");
    CHECK(first.info.url == "https://example.com/1");
    CHECK(first.info.date == "2023-03-21");
    CHECK(first.info.source == "SCMP");
    CHECK(first.text == "Xi met Putin.");
    CHECK(first.origin == path + ":1");
    CHECK(result.documents[1].info.id == "feed:3");
    CHECK(result.documents[1].info.date.empty());
    CHECK(problems_at(result, path + ":3") ==
          std::vector<std::string>{"\"date\" is not a string, ignored"});
    REQUIRE(problems_at(result, path + ":4").size() == 1);
    CHECK_THAT(problems_at(result, path + ":4")[0],
               Catch::StartsWith("malformed JSON at column 10: "));
    CHECK(problems_at(result, path + ":6") ==
          std::vector<std::string>{"no \"text\" field, skipped"});
    CHECK(problems_at(result, path + ":7") ==
          std::vector<std::string>{"not a JSON object, skipped"});
    CHECK(problems_at(result, path + ":8") == std::vector<std::string>{"empty document, skipped"});
    CHECK(problems_at(result, path + ":9") ==
          std::vector<std::string>{"\"text\" is not a string, skipped"});
    REQUIRE(problems_at(result, path + ":10").size() == 1);
    CHECK_THAT(problems_at(result, path + ":10")[0], Catch::StartsWith("truncated last line"));
    CHECK(result.problems.size() == 7);
}

TEST_CASE("JSON Lines text is normalised and a malformed last line is not called truncated",
          "[ingest][reader]") {
    TempDir dir;
    const std::string path = dir.write(
        "f.jsonl", "\xEF\xBB\xBF{\"text\": \"a\\r\\nb\\u0000c\"}\r\n{\"text\": \"x\"} trailing");
    const ReadResult result = read({path});
    REQUIRE(result.documents.size() == 1);
    CHECK(result.documents[0].text == "a\nbc");
    REQUIRE(problems_at(result, path + ":2").size() == 1);
    CHECK_THAT(problems_at(result, path + ":2")[0], Catch::StartsWith("malformed JSON"));
}

TEST_CASE("ids stay unique: same stems show their folder, repeated ids get a number",
          "[ingest][reader]") {
    TempDir dir;
    const std::string a = dir.write("2023/report.txt", "One.");
    const std::string b = dir.write("2024/report.txt", "Two.");
    const std::string feed =
        dir.write("feeds/report.jsonl",
                  "{\"text\": \"Three.\"}\n{\"id\": \"report\", \"text\": \"Four.\"}\n");
    const std::string repeated =
        dir.write("more.jsonl",
                  "{\"id\": \"x\", \"text\": \"Five.\"}\n{\"id\": \"x\", \"text\": \"Six.\"}\n");
    const ReadResult result = read({a, b, feed, repeated});
    CHECK(ids_of(result) ==
          std::vector<std::string>{"2023/report", "2024/report", "report:1", "report", "x", "x-2"});
    CHECK(problems_at(result, repeated + ":2") ==
          std::vector<std::string>{"document id \"x\" is already used by " + repeated +
                                   ":1; renamed to \"x-2\""});
    // The same inputs give the same ids.
    CHECK(ids_of(read({a, b, feed, repeated})) == ids_of(result));
}

TEST_CASE("the same file reached twice is read once", "[ingest][reader]") {
    TempDir dir;
    const std::string path = dir.write("docs/a.txt", "Once.");
    const ReadResult result = read({dir / "docs", path});
    CHECK(ids_of(result) == std::vector<std::string>{"a"});
    REQUIRE(problems_at(result, path).size() == 1);
    CHECK_THAT(problems_at(result, path)[0], Catch::Contains("already read"));
}

TEST_CASE("files over the size limit are skipped, naming the limit and the flag",
          "[ingest][reader]") {
    TempDir dir;
    const std::string big = dir.write("big.txt", std::string(2048, 'x'));
    const std::string small = dir.write("small.txt", "Fits.");
    ReadOptions options;
    options.max_file_bytes = 1024;
    const ReadResult result = read({big, small}, options);
    CHECK(ids_of(result) == std::vector<std::string>{"small"});
    REQUIRE(problems_at(result, big).size() == 1);
    CHECK_THAT(problems_at(result, big)[0],
               Catch::Contains("1 KiB") && Catch::Contains("--max-file-size"));
}

TEST_CASE("missing paths and empty documents are reported and skipped", "[ingest][reader]") {
    TempDir dir;
    const std::string empty = dir.write("empty.txt", "");
    const std::string blank = dir.write("blank.txt", " \n\t\r\n\xC2\xA0\n");
    const std::string missing = dir / "missing.txt";
    const ReadResult result = read({missing, empty, blank});
    CHECK(result.documents.empty());
    CHECK(problems_at(result, missing) == std::vector<std::string>{"no such file or directory"});
    CHECK(problems_at(result, empty) == std::vector<std::string>{"empty document, skipped"});
    CHECK(problems_at(result, blank) == std::vector<std::string>{"empty document, skipped"});
}

TEST_CASE("a symbolic link loop is reported and reading ends", "[ingest][reader]") {
    TempDir dir;
    dir.write("feed/a.txt", "Article.");
    fs::create_directory_symlink(dir / "feed", dir / "feed/loop");
    fs::create_symlink(dir / "feed/self.txt", dir / "feed/self.txt");
    fs::create_symlink(dir / "feed/nowhere.txt", dir / "feed/broken.txt");
    const ReadResult result = read({dir / "feed"});
    CHECK(ids_of(result) == std::vector<std::string>{"a"});
    REQUIRE(problems_at(result, dir / "feed/loop").size() == 1);
    CHECK_THAT(problems_at(result, dir / "feed/loop")[0], Catch::Contains("symbolic link loop"));
    CHECK(problems_at(result, dir / "feed/broken.txt") ==
          std::vector<std::string>{"broken symbolic link, skipped"});
    REQUIRE(problems_at(result, dir / "feed/self.txt").size() == 1);
    CHECK_THAT(problems_at(result, dir / "feed/self.txt")[0], Catch::Contains("symbolic links"));
}

TEST_CASE("unreadable files and folders are reported and skipped", "[ingest][reader]") {
    if (::geteuid() == 0) {
        WARN("running as root, which reads anything: permission errors cannot be tested");
        return;
    }
    TempDir dir;
    const std::string file = dir.write("feed/secret.txt", "Hidden.");
    dir.write("feed/locked/inside.txt", "Hidden too.");
    dir.write("feed/open.txt", "Visible.");
    fs::permissions(file, fs::perms::none);
    fs::permissions(dir / "feed/locked", fs::perms::none);
    const ReadResult result = read({dir / "feed"});
    fs::permissions(dir / "feed/locked", fs::perms::owner_all);
    CHECK(ids_of(result) == std::vector<std::string>{"open"});
    CHECK(problems_at(result, file) ==
          std::vector<std::string>{"cannot open file: permission denied"});
    CHECK(problems_at(result, dir / "feed/locked").size() == 1);
}

TEST_CASE("standard input is one document, or JSON Lines when it starts with {",
          "[ingest][reader]") {
    ReadOptions options;
    SECTION("text") {
        std::istringstream in("\n  Xi met Putin.\n");
        options.standard_input = &in;
        const ReadResult result = read({"-"}, options);
        REQUIRE(result.documents.size() == 1);
        CHECK(result.documents[0].info.id == "stdin");
        CHECK(result.documents[0].text == "\n  Xi met Putin.\n");
    }
    SECTION("JSON Lines") {
        std::istringstream in(
            "\n {\"text\": \"One.\"}\n{\"id\": \"b\", \"text\": \"Two.\"}\n{bad\n");
        options.standard_input = &in;
        const ReadResult result = read({"-"}, options);
        CHECK(ids_of(result) == std::vector<std::string>{"stdin:2", "b"});
        CHECK(problems_at(result, "stdin:4").size() == 1);
    }
    SECTION("too large") {
        std::istringstream in(std::string(100, 'x'));
        options.standard_input = &in;
        options.max_file_bytes = 99;
        const ReadResult result = read({"-"}, options);
        CHECK(result.documents.empty());
        REQUIRE(problems_at(result, "stdin").size() == 1);
        CHECK_THAT(problems_at(result, "stdin")[0],
                   Catch::Contains("99 bytes") && Catch::Contains("--max-file-size"));
    }
    SECTION("not given") {
        const ReadResult result = read({"-"}, options);
        CHECK(result.documents.empty());
        CHECK(problems_at(result, "stdin") ==
              std::vector<std::string>{"standard input is not available"});
    }
}

TEST_CASE("a JSON Lines line nested 200,000 deep is bad JSON, the other lines are read",
          "[ingest][reader][hostile]") {
    TempDir dir;
    const std::string deep =
        "{\"text\":\"x\",\"a\":" + std::string(200000, '[') + std::string(200000, ']') + "}";
    const std::string path = dir.write(
        "deep.jsonl", "{\"id\":\"ok\",\"text\":\"Olaf Scholz met Fumio Kishida.\"}\n" + deep +
                          "\n{\"text\":\"nested \\\"[[[\\\" in a string is fine\",\"a\":[[1]]}\n");
    const ReadResult result = read({path});
    CHECK(ids_of(result) == std::vector<std::string>{"ok", "deep:3"});
    REQUIRE(problems_at(result, path + ":2").size() == 1);
    CHECK_THAT(problems_at(result, path + ":2")[0],
               Catch::StartsWith("malformed JSON: nested deeper than"));
}

TEST_CASE("a named pipe, in a folder or named as input, is skipped and never opened",
          "[ingest][reader][hostile]") {
    TempDir dir;
    dir.write("d/a.txt", "US President Joe Biden visited Canada.");
    const std::string fifo = dir / "d/p.txt";
    REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    // Before the fix, open() blocked here forever waiting for a writer.
    const ReadResult in_folder = read({dir / "d"});
    CHECK(ids_of(in_folder) == std::vector<std::string>{"a"});
    CHECK(problems_at(in_folder, fifo) ==
          std::vector<std::string>{"not a regular file (a named pipe), skipped"});
    const ReadResult named = read({fifo});
    CHECK(named.documents.empty());
    CHECK(problems_at(named, fifo) ==
          std::vector<std::string>{"not a regular file (a named pipe), skipped"});
}

TEST_CASE("a device named as input is skipped as not a regular file", "[ingest][reader]") {
    const ReadResult result = read({"/dev/zero"});
    CHECK(result.documents.empty());
    CHECK(problems_at(result, "/dev/zero") ==
          std::vector<std::string>{"not a regular file (a character device), skipped"});
}

TEST_CASE("JSON Lines dates that are not calendar dates are kept raw and treated as no date",
          "[ingest][reader]") {
    TempDir dir;
    const std::string path =
        dir.write("dates.jsonl",
                  "{\"id\":\"a\",\"date\":\"2024-13-45\",\"text\":\"One.\"}\n"
                  "{\"id\":\"b\",\"date\":\"2023-02-29\",\"text\":\"Two.\"}\n"
                  "{\"id\":\"c\",\"date\":\"2024-02-29T10:00:00Z\",\"text\":\"Three.\"}\n"
                  "{\"id\":\"d\",\"date\":\"2024-05-16\",\"text\":\"Four.\"}\n");
    const ReadResult result = read({path});
    REQUIRE(result.documents.size() == 4);
    CHECK(result.documents[0].info.date.empty());
    CHECK(result.documents[0].raw_date == "2024-13-45");
    CHECK(result.documents[1].info.date.empty());
    CHECK(result.documents[2].info.date == "2024-02-29T10:00:00Z");
    CHECK(result.documents[3].info.date == "2024-05-16");
    CHECK(problems_at(result, path + ":1") ==
          std::vector<std::string>{
              "\"date\" \"2024-13-45\" is not a calendar date (YYYY-MM-DD), treated as no date"});
    CHECK(problems_at(result, path + ":2").size() == 1);
    CHECK(result.problems.size() == 2);
}
