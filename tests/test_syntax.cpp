// Syntax through the commands: `newsgraph parse` on articles and on treebanks, the models'
// errors, sentences longer than the parser's limit, and `explain --parse`. The commands run
// in this process (as main() calls them) except where the binary itself is the point.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "src/cli/annotate_command.hpp"
#include "src/cli/build_command.hpp"
#include "src/cli/explain_command.hpp"
#include "src/cli/options.hpp"
#include "src/cli/parse_command.hpp"
#include "src/nlp/analyzer.hpp"
#include "src/nlp/conllu.hpp"
#include "tests/run_newsgraph.hpp"
#include "tests/temp_dir.hpp"

namespace fs = std::filesystem;
using namespace newsgraph;
using newsgraph::nlp::ParsedSentence;
using newsgraph::nlp::Word;
using newsgraph::testing::read_file;
using newsgraph::testing::run_newsgraph;
using newsgraph::testing::TempDir;

namespace {

struct Outcome {
    int status = -1;
    std::string out, err;
};

// Runs a command line as main() does, with the build's data folder and nothing on stdin.
Outcome run(std::vector<std::string> args) {
    args.insert(args.begin() + 1, {"--data", NEWSGRAPH_DATA_DIR});
    const Command command = parse_command_line(args);
    std::istringstream in;
    std::ostringstream out, err;
    Outcome outcome;
    switch (command.kind) {
        case CommandKind::Build:
            outcome.status = run_build(command.build, in, out, err);
            break;
        case CommandKind::Annotate:
            outcome.status = run_annotate(command.build, in, out, err);
            break;
        case CommandKind::Explain:
            outcome.status = run_explain(command.build, in, out, err);
            break;
        case CommandKind::Parse:
            outcome.status = run_parse(command.build, in, out, err);
            break;
        default:
            FAIL("not a command that reads inputs");
    }
    outcome.out = out.str();
    outcome.err = err.str();
    return outcome;
}

std::vector<ParsedSentence> conllu_sentences(const std::string& text) {
    std::istringstream in(text);
    return nlp::read_conllu(in, "output");
}

// Every word tagged, lemmatised and attached within its sentence; one root; no cycle.
void check_trees(const std::vector<ParsedSentence>& sentences) {
    for (const ParsedSentence& s : sentences) {
        INFO(s.sent_id);
        const int n = static_cast<int>(s.words.size());
        int roots = 0;
        for (int i = 0; i < n; ++i) {
            const Word& w = s.words[static_cast<std::size_t>(i)];
            CHECK(w.upos != "_");
            CHECK(w.lemma != "_");
            CHECK_FALSE(w.deprel.empty());
            REQUIRE(w.head >= 0);
            REQUIRE(w.head <= n);
            roots += w.head == 0;
            int at = i + 1, steps = 0;  // up the heads, the root is reached in n steps
            while (at != 0 && steps++ <= n) at = s.words[static_cast<std::size_t>(at - 1)].head;
            CHECK(at == 0);
        }
        CHECK(roots == 1);
    }
}

// MISC's TokenRange=BEGIN:END, in code points.
std::pair<std::size_t, std::size_t> token_range(const std::string& misc) {
    const std::string key = "TokenRange=";
    const std::size_t at = misc.find(key);
    REQUIRE(at != std::string::npos);
    const std::size_t colon = misc.find(':', at);
    return {std::stoul(misc.substr(at + key.size(), colon - at - key.size())),
            std::stoul(misc.substr(colon + 1))};
}

// A sentence of about `words` words with no full stop, naming two countries first (so that
// build, which parses only sentences naming two entities, parses it too).
std::string long_sentence(std::size_t words) {
    std::string text = "Germany and France said that";
    for (std::size_t i = 5; i < words; i += 10)
        text += " the ministers of both countries would meet again in spring and";
    return text + "\n";
}

// One CoNLL-U sentence of `n` words, every word attached to the first.
std::string conllu_sentence(std::size_t n) {
    std::string text = "# sent_id = long\n";
    for (std::size_t i = 1; i <= n; ++i)
        text += std::to_string(i) + "\tword\tword\tNOUN\tNN\t_\t" + (i == 1 ? "0" : "1") + "\t" +
                (i == 1 ? "root" : "dep") + "\t_\t_\n";
    return text + "\n";
}

const std::string kSummit =
    "Chinese President Xi Jinping met Russian President Vladimir Putin in Moscow on Tuesday. "
    "They didn't sign a deal, officials said.\n\n"
    "The talks, held behind closed doors, lasted three hours.\n";

const std::string kTreebank =
    "# newdoc id = gold\n"
    "# sent_id = gold-1\n"
    "# note = kept as written\n"
    "# text = We don't know.\n"
    "1\tWe\tgold\tX\tZZ\tGold=Yes\t3\tgold:rel\t3:gold:rel\t_\n"
    "2-3\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\n"
    "2\tdo\tgold\tX\tZZ\tGold=Yes\t4\tgold:rel\t4:gold:rel\t_\n"
    "3\tn't\tgold\tX\tZZ\tGold=Yes\t4\tgold:rel\t4:gold:rel\t_\n"
    "4\tknow\tgold\tX\tZZ\tGold=Yes\t0\tgold:rel\t0:gold:rel\tSpaceAfter=No\n"
    "4.1\tknow\t_\t_\t_\t_\t_\t_\t4:gold:rel\t_\n"
    "5\t.\tgold\tX\tZZ\tGold=Yes\t4\tgold:rel\t4:gold:rel\t_\n"
    "\n"
    "# sent_id = gold-2\n"
    "# text = Rain fell\n"
    "1\tRain\tgold\tX\tZZ\tGold=Yes\t2\tgold:rel\t_\t_\n"
    "2\tfell\tgold\tX\tZZ\tGold=Yes\t0\tgold:rel\t_\t_\n"
    "\n";

}  // namespace

TEST_CASE("parse: an article gives CoNLL-U whose words point into its text", "[syntax][parse]") {
    TempDir dir;
    const std::string article = dir.write("summit.txt", kSummit);
    // The binary itself, so that main() is known to dispatch `parse`.
    const auto result = run_newsgraph({"parse", article}, dir.path());
    INFO(result.err);
    REQUIRE(result.exit_status == 0);
    CHECK(result.err.empty());

    const std::vector<ParsedSentence> sentences = conllu_sentences(result.out);
    REQUIRE(sentences.size() == 3);
    CHECK(sentences[0].comments == std::vector<std::string>{"newdoc id = summit"});
    for (std::size_t i = 0; i < sentences.size(); ++i) {
        const ParsedSentence& s = sentences[i];
        CHECK(s.sent_id == "summit-" + std::to_string(i + 1));
        REQUIRE_FALSE(s.words.empty());
        const auto [first, ignored] = token_range(s.words.front().misc);
        const auto [ignored_too, last] = token_range(s.words.back().misc);
        CHECK(s.text == kSummit.substr(first, last - first));
        // ASCII text: code points are bytes, so each range slices out its form.
        for (const Word& w : s.words) {
            const auto [begin, end] = token_range(w.misc);
            CHECK(kSummit.substr(begin, end - begin) == w.form);
        }
        for (const nlp::MultiwordToken& m : s.multiwords) {
            const auto [begin, end] = token_range(m.misc);
            CHECK(kSummit.substr(begin, end - begin) == m.form);
        }
    }
    REQUIRE(sentences[1].multiwords.size() == 1);
    CHECK(sentences[1].multiwords[0].form == "didn't");
    check_trees(sentences);
}

TEST_CASE("parse: a CoNLL-U file keeps its words, everything else is predicted anew",
          "[syntax][parse]") {
    TempDir dir;
    const std::string gold = dir.write("gold.conllu", kTreebank);
    const std::string output = dir / "system.conllu";
    const Outcome result = run({"parse", gold, "-o", output});
    INFO(result.err);
    REQUIRE(result.status == 0);
    CHECK(result.out.empty());
    CHECK(dir.entries() == std::vector<std::string>{"gold.conllu", "system.conllu"});

    // Nothing of the treebank's analysis: lemmas, tags, features, relations, empty nodes.
    const std::string written = read_file(output);
    for (const char* gold_only : {"\tgold\t", "\tX\t", "ZZ", "Gold=Yes", "gold:rel", "4.1\t"}) {
        INFO(gold_only);
        CHECK(written.find(gold_only) == std::string::npos);
    }

    std::istringstream gold_text(kTreebank);
    const std::vector<ParsedSentence> expected = nlp::read_conllu(gold_text, gold);
    const std::vector<ParsedSentence> sentences = conllu_sentences(written);
    REQUIRE(sentences.size() == expected.size());
    for (std::size_t i = 0; i < sentences.size(); ++i) {
        CHECK(sentences[i].sent_id == expected[i].sent_id);
        CHECK(sentences[i].text == expected[i].text);
        CHECK(sentences[i].comments == expected[i].comments);
        REQUIRE(sentences[i].words.size() == expected[i].words.size());
        for (std::size_t w = 0; w < sentences[i].words.size(); ++w) {
            CHECK(sentences[i].words[w].form == expected[i].words[w].form);
            CHECK(sentences[i].words[w].feats == "_");
            CHECK(sentences[i].words[w].deps == "_");
            CHECK(sentences[i].words[w].space_after == expected[i].words[w].space_after);
        }
    }
    REQUIRE(sentences[0].multiwords.size() == 1);
    CHECK(sentences[0].multiwords[0].form == "don't");
    check_trees(sentences);
}

TEST_CASE("parse: a malformed CoNLL-U file is named and skipped, the rest parsed",
          "[syntax][parse]") {
    TempDir dir;
    const std::string bad = dir.write("bad.conllu", "1\tword\n\n");
    const std::string article = dir.write("summit.txt", kSummit);
    Outcome result = run({"parse", bad, article});
    CHECK(result.status == 1);
    CHECK_THAT(result.err, Catch::StartsWith("newsgraph: " + bad + ":1: "));
    CHECK(conllu_sentences(result.out).size() == 3);

    result = run({"parse", bad, "-o", dir / "out.conllu"});
    CHECK(result.status == 2);
    CHECK_THAT(result.err, Catch::Contains("newsgraph: nothing to parse"));
    CHECK_FALSE(fs::exists(dir / "out.conllu"));
}

TEST_CASE("parse: UD English EWT dev, gold words: UPOS and UAS", "[syntax][parse][ewt]") {
    const std::string path =
        NEWSGRAPH_SOURCE_DIR "/../shared/corpus/ud-english-ewt/en_ewt-ud-dev.conllu";
    if (!fs::exists(path)) {
        WARN("skipped: no treebank at " << path);
        return;
    }
    TempDir dir;
    const Outcome result = run({"parse", path, "-o", dir / "system.conllu", "-q"});
    INFO(result.err);
    REQUIRE(result.status == 0);
    std::ifstream gold_file(path), system_file(dir / "system.conllu");
    const std::vector<ParsedSentence> gold = nlp::read_conllu(gold_file, path);
    const std::vector<ParsedSentence> system = nlp::read_conllu(system_file, "system");
    REQUIRE(system.size() == gold.size());
    std::size_t words = 0, upos = 0, attached = 0;
    for (std::size_t s = 0; s < gold.size(); ++s) {
        REQUIRE(system[s].words.size() == gold[s].words.size());
        for (std::size_t w = 0; w < gold[s].words.size(); ++w) {
            const Word &g = gold[s].words[w], &y = system[s].words[w];
            REQUIRE(y.form == g.form);
            ++words;
            upos += y.upos == g.upos;
            attached += y.head == g.head;
        }
    }
    const double n = static_cast<double>(words);
    CHECK(static_cast<double>(upos) / n >= 0.94);      // measured 0.9524
    CHECK(static_cast<double>(attached) / n >= 0.82);  // measured 0.8470
}

TEST_CASE("a missing, truncated or corrupt model: every command names the file, exit 2",
          "[syntax][models]") {
    TempDir dir;
    const std::string article = dir.write("in/summit.txt", kSummit);
    const fs::path models = NEWSGRAPH_DATA_DIR "/models";
    // A good tagger and half a parser; a tagger with one byte changed.
    fs::create_directories(dir / "truncated");
    fs::copy_file(models / "tagger.model", dir / "truncated/tagger.model");
    fs::copy_file(models / "parser.model", dir / "truncated/parser.model");
    fs::resize_file(dir / "truncated/parser.model", fs::file_size(models / "parser.model") / 2);
    fs::create_directories(dir / "corrupt");
    fs::copy_file(models / "tagger.model", dir / "corrupt/tagger.model");
    {
        std::fstream tagger(dir / "corrupt/tagger.model",
                            std::ios::in | std::ios::out | std::ios::binary);
        const auto middle = static_cast<std::streamoff>(fs::file_size(models / "tagger.model") / 2);
        tagger.seekg(middle);
        const char byte = static_cast<char>(tagger.get());
        tagger.seekp(middle);
        tagger.put(static_cast<char>(byte ^ 0x5A));
    }
    struct Damage {
        std::string models, file, what;  // --models, the file named, a word of the reason
    };
    const std::vector<Damage> cases = {
        {dir / "none", dir / "none/tagger.model", "open"},
        {dir / "truncated", dir / "truncated/parser.model", "truncated"},
        {dir / "corrupt", dir / "corrupt/tagger.model", "corrupt"}};
    const std::vector<std::vector<std::string>> commands = {
        {"parse", article, "-o", dir / "parsed.conllu"},
        {"build", article, "-o", dir / "out", "-q"},
        {"annotate", article, "-o", dir / "mentions.jsonl"},
        {"explain", "Xi Jinping", article}};
    for (const Damage& damage : cases) {
        for (std::vector<std::string> args : commands) {
            args.insert(args.end(), {"--models", damage.models});
            INFO(args[0] << " --models " << damage.models);
            const Outcome result = run(args);
            CHECK(result.status == 2);
            CHECK_THAT(result.err, Catch::StartsWith("newsgraph: " + damage.file + ": "));
            CHECK_THAT(result.err, Catch::Contains(damage.what));
            CHECK(result.out.empty());
        }
    }
    // Nothing written by any of them.
    CHECK(dir.entries() == std::vector<std::string>{"corrupt", "in", "truncated"});
}

TEST_CASE("a sentence longer than the parser's limit is parsed in pieces and counted",
          "[syntax][limits]") {
    REQUIRE(nlp::AnalyzerLimits{}.max_parse_words < 400);  // what ingest leaves of 500 words
    const std::string counted = "newsgraph: 1 sentence longer than " +
                                std::to_string(nlp::AnalyzerLimits{}.max_parse_words) +
                                " words was parsed in pieces\n";
    TempDir dir;
    const std::string article = dir.write("long.txt", long_sentence(500));

    Outcome result = run({"build", article, "-o", dir / "out", "-f", "graphml", "-q"});
    CHECK(result.status == 0);
    CHECK(result.err == counted);

    // Ingest cuts it at 400 tokens; the first piece is still over the parser's limit.
    result = run({"parse", article});
    CHECK(result.status == 0);
    CHECK(result.err == counted);
    const std::vector<ParsedSentence> pieces = conllu_sentences(result.out);
    CHECK(pieces.size() == 2);
    check_trees(pieces);

    const std::string treebank = dir.write("long.conllu", conllu_sentence(500));
    result = run({"parse", treebank});
    CHECK(result.status == 0);
    CHECK(result.err == counted);
    const std::vector<ParsedSentence> whole = conllu_sentences(result.out);
    REQUIRE(whole.size() == 1);
    CHECK(whole[0].words.size() == 500);
    check_trees(whole);
}

TEST_CASE("explain --parse shows each evidence sentence as a tree", "[syntax][explain]") {
    TempDir dir;
    const std::string article = dir.write("summit.txt", kSummit);
    // One line per word: id, form, UPOS, head, relation.
    const std::regex tree_line(R"( +(\d+) +(\S+) +([A-Z]+) +(\d+) +(\S+))");
    // Each tree line's columns (the whole line first).
    auto tree_lines = [&](const std::string& text) {
        std::vector<std::vector<std::string>> lines;
        std::istringstream in(text);
        for (std::string line; std::getline(in, line);) {
            std::smatch match;
            if (std::regex_match(line, match, tree_line))
                lines.emplace_back(match.begin(), match.end());
        }
        return lines;
    };

    Outcome result = run({"explain", "Xi Jinping", article, "--parse"});
    INFO(result.out << result.err);
    REQUIRE(result.status == 0);
    CHECK_THAT(result.out, Catch::Contains("summit #0 [0-87]: Chinese President Xi Jinping met"));
    // Under it, its 14 words (evidence of several relations: printed under each).
    const auto lines = tree_lines(result.out);
    REQUIRE(lines.size() >= 14);
    CHECK(lines.size() % 14 == 0);
    const std::vector<std::string> forms = {"Chinese", "President", "Xi",       "Jinping", "met",
                                            "Russian", "President", "Vladimir", "Putin",   "in",
                                            "Moscow",  "on",        "Tuesday",  "."};
    for (std::size_t i = 0; i < forms.size(); ++i) {
        CHECK(lines[i][1] == std::to_string(i + 1));
        CHECK(lines[i][2] == forms[i]);
        CHECK(std::stoi(lines[i][4]) <= 14);
    }
    CHECK(lines[3][3] == "PROPN");

    result = run({"explain", "Xi Jinping", article});
    CHECK(tree_lines(result.out).empty());
}

TEST_CASE("explain --parse shows the tree of a fact read from a title alone", "[syntax][explain]") {
    // No frame's trigger and no pronoun: `build` would not parse this sentence.
    TempDir dir;
    const std::string article =
        dir.write("title.txt", "Norwegian Prime Minister Jonas Lund was in Oslo on Monday.\n");
    Outcome result = run({"explain", "Jonas Lund", article, "--parse"});
    INFO(result.out << result.err);
    REQUIRE(result.status == 0);
    CHECK_THAT(result.out, Catch::Contains("leader_of"));
    CHECK(std::regex_search(result.out, std::regex(R"( +5 +Lund +PROPN +\d+ +\S+)")));
}

TEST_CASE("command line: parse, --models and explain --parse", "[syntax][cli]") {
    Command cmd = parse_command_line({"parse", "a.txt", "gold.conllu"});
    CHECK(cmd.kind == CommandKind::Parse);
    CHECK(cmd.build.output_dir.empty());  // standard output
    CHECK(cmd.build.inputs == std::vector<std::string>{"a.txt", "gold.conllu"});

    cmd = parse_command_line({"parse", "a.txt", "-o", "a.conllu", "--models", "m"});
    CHECK(cmd.build.output_dir == "a.conllu");
    CHECK(cmd.build.models_dir == "m");

    cmd = parse_command_line({"explain", "Xi Jinping", "a.txt", "--parse"});
    CHECK(cmd.build.show_parse);
    CHECK(cmd.build.name == "Xi Jinping");

    CHECK_THROWS_AS(parse_command_line({"build", "a.txt", "--parse"}), std::invalid_argument);
    CHECK_THROWS_AS(parse_command_line({"parse"}), std::invalid_argument);
    CHECK_THROWS_AS(parse_command_line({"parse", "a.txt", "--models="}), std::invalid_argument);
}

TEST_CASE("a leading dateline is parsed apart, its root a parataxis of the sentence's",
          "[syntax][dateline]") {
    TempDir dir;
    const std::string article =
        dir.write("dateline.txt", "LIMA, Peru - The government on Monday approved a new budget.\n");
    Outcome result = run({"parse", article});
    REQUIRE(result.status == 0);
    CHECK(result.err.empty());  // not counted as a sentence cut for length
    const std::vector<ParsedSentence> sentences = conllu_sentences(result.out);
    REQUIRE(sentences.size() == 1);
    check_trees(sentences);
    const auto& words = sentences[0].words;
    REQUIRE(words.size() > 4);
    CHECK(words[0].form == "LIMA");
    CHECK(words[0].deprel == "parataxis");
    const int root = words[0].head;
    REQUIRE(root > 4);
    CHECK(words[static_cast<std::size_t>(root - 1)].form == "approved");
    CHECK(words[static_cast<std::size_t>(root - 1)].head == 0);
    // No word of the dateline heads a word of the sentence, nor the other way but its root.
    for (std::size_t i = 1; i < 4; ++i) CHECK(words[i].head <= 4);
    for (std::size_t i = 4; i < words.size(); ++i) CHECK((words[i].head == 0 || words[i].head > 4));

    // A place of two words in capitals, then its country and a date.
    const std::string longer = dir.write(
        "dateline2.txt", "EL PASO, Texas, Jan. 3 - Officials on Monday opened a new bridge.\n");
    result = run({"parse", longer});
    REQUIRE(result.status == 0);
    const std::vector<ParsedSentence> parsed = conllu_sentences(result.out);
    REQUIRE(parsed.size() == 1);
    const auto& w2 = parsed[0].words;
    REQUIRE(w2.size() > 9);
    CHECK(w2[0].deprel == "parataxis");
    REQUIRE(w2[0].head > 9);
    CHECK(w2[static_cast<std::size_t>(w2[0].head - 1)].form == "opened");
}

TEST_CASE("annotate writes pronouns and descriptions with the entities they stand for",
          "[syntax][annotate][coref]") {
    TempDir dir;
    const std::string article = dir.write(
        "coref.txt",
        "Chile and Peru held talks in Lima on Monday.\n\nThey signed a deal on copper.\n\n"
        "Soldiers seized power in Gabon. Mediators urged them to free the country's president.\n");
    Outcome result = run({"annotate", article});
    REQUIRE(result.status == 0);
    auto line_with = [&](const std::string& needle) {
        std::istringstream lines(result.out);
        for (std::string line; std::getline(lines, line);)
            if (line.find(needle) != std::string::npos) return line;
        return std::string();
    };
    CHECK(line_with("\"text\":\"Chile\"").find("\"kind\":\"name\"") != std::string::npos);
    const std::string they = line_with("\"text\":\"They\"");
    CHECK(they.find("\"kind\":\"pronoun\"") != std::string::npos);
    CHECK(they.find("\"entities\":[\"country/chile\",\"country/peru\"]") != std::string::npos);
    const std::string deal = line_with("\"text\":\"deal\"");
    CHECK(deal.find("\"kind\":\"description\"") != std::string::npos);
    CHECK(deal.find("\"type\":\"Agreement\"") != std::string::npos);
    const std::string country = line_with("\"text\":\"country\"");
    CHECK(country.find("\"kind\":\"description\"") != std::string::npos);
    CHECK(country.find("\"entity\":\"country/gabon\"") != std::string::npos);
    // "them" (the soldiers) stands for no entity: not written.
    CHECK(line_with("\"text\":\"them\"").empty());

    // The fact read through "They" cites the sentence that names them.
    result = run({"build", article, "-o", dir / "out", "-f", "graphml", "-q"});
    REQUIRE(result.status == 0);
    CHECK(read_file((fs::path(dir / "out") / "graph.graphml").string())
              .find("antecedent&quot;:&quot;Chile and Peru held talks in Lima on Monday.") !=
          std::string::npos);
}
