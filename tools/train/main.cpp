// newsgraph-train: trains the tagger and the parser from a CoNLL-U treebank and writes
// data/models/{tagger,parser}.model. See data/models/README.md for the one command that
// rebuilds the shipped models.
#include <algorithm>
#include <chrono>
#include <filesystem>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "src/ingest/segmenter.hpp"
#include "src/nlp/conllu.hpp"
#include "src/nlp/words.hpp"
#include "src/nlp/model_file.hpp"
#include "tools/train/trainer.hpp"

namespace {

using namespace newsgraph::nlp;
using namespace newsgraph::nlp::train;

constexpr const char* kUsage = R"(newsgraph-train: train the tagger and parser from UD CoNLL-U

usage:
  newsgraph-train all TRAIN.conllu -o DIR [--dev DEV.conllu] [options]
      trains DIR/tagger.model, then DIR/parser.model on jackknifed (predicted) tags
  newsgraph-train clusters TEXT... -o FILE [--conllu TREEBANK.conllu]
      learns word clusters from plain-text files (folders are read recursively, *.txt)
      and the forms of a treebank
  newsgraph-train evaluate GOLD.conllu -m DIR [-o SYSTEM.conllu]
      tags and parses GOLD's words with DIR's models and prints UPOS, XPOS, UAS, LAS
      (--gold-tags: parses with GOLD's tags, to see what tagging errors cost the parser)

options:
  --clusters FILE       word clusters (from `clusters`) for the features of both models
  --seed N              random seed (default 1): the same data and seed give the same bytes
  --tagger-epochs N     default 10
  --parser-epochs N     default 15
  --labeller-epochs N   default 10
  --folds N             jackknife folds for the parser's training tags (default 4)
)";

std::vector<ParsedSentence> stripped(const std::vector<ParsedSentence>& gold) {
    std::vector<ParsedSentence> out = gold;
    for (auto& s : out)
        for (auto& w : s.words) {
            w.upos = w.xpos = "_";
            w.head = -1;
            w.deprel.clear();
        }
    return out;
}

std::vector<ParsedSentence> run(const Tagger& tagger, const Parser* parser, const std::vector<ParsedSentence>& gold,
                                bool gold_tags = false, bool first_pass_only = false) {
    std::vector<ParsedSentence> out = stripped(gold);
    for (std::size_t i = 0; i < out.size(); ++i) {
        ParsedSentence& s = out[i];
        if (gold_tags)
            for (std::size_t w = 0; w < s.words.size(); ++w) {
                s.words[w].upos = gold[i].words[w].upos;
                s.words[w].xpos = gold[i].words[w].xpos;
            }
        else if (first_pass_only) {
            const auto tags = tagger.classify(s, true);
            for (std::size_t w = 0; w < s.words.size(); ++w) {
                const std::string& c = tagger.model().classes[static_cast<std::size_t>(tags[w])];
                s.words[w].upos = c.substr(0, c.find('|'));
                s.words[w].xpos = c.substr(c.find('|') + 1);
            }
        } else {
            tagger.tag(s);
        }
        for (auto& w : s.words) {
            const auto known = tagger.known_lemma(w.form, w.xpos);
            w.lemma = known.empty() ? Tagger::lower(w.form) : std::string(known);
        }
        if (parser != nullptr) parser->parse(s);
    }
    return out;
}

// The parser must learn from tags like those it will see: each fold is tagged by a tagger
// trained on the other folds.
std::vector<ParsedSentence> jackknife(const std::vector<ParsedSentence>& train, const TrainOptions& options) {
    std::vector<ParsedSentence> tagged = train;
    const int k = std::max(options.folds, 2);
    auto do_fold = [&](int fold) {
        std::vector<ParsedSentence> rest, held;
        std::vector<std::size_t> held_index;
        for (std::size_t i = 0; i < train.size(); ++i) {
            // Contiguous blocks, so no document has sentences on both sides of a fold.
            if (static_cast<int>(i * static_cast<std::size_t>(k) / train.size()) == fold) {
                held.push_back(train[i]);
                held_index.push_back(i);
            } else {
                rest.push_back(train[i]);
            }
        }
        std::ostringstream quiet;
        Tagger tagger(train_tagger(rest, options, quiet));
        const auto predicted = run(tagger, nullptr, held, false, true);
        for (std::size_t j = 0; j < held.size(); ++j)
            for (std::size_t w = 0; w < held[j].words.size(); ++w) {
                tagged[held_index[j]].words[w].upos = predicted[j].words[w].upos;
                tagged[held_index[j]].words[w].xpos = predicted[j].words[w].xpos;
            }
    };
    // Folds are independent: two at a time on two cores, results written to disjoint words.
    for (int fold = 0; fold < k; fold += 2) {
        std::thread second;
        if (fold + 1 < k) second = std::thread(do_fold, fold + 1);
        do_fold(fold);
        if (second.joinable()) second.join();
    }
    return tagged;
}

// Forms of every line of every text file, in UD tokenisation, files in name order.
void read_text(const std::string& path, std::vector<std::vector<std::string>>& out) {
    namespace fs = std::filesystem;
    std::vector<fs::path> files;
    if (fs::is_directory(path)) {
        for (const auto& e : fs::recursive_directory_iterator(path))
            if (e.is_regular_file() && e.path().extension() == ".txt") files.push_back(e.path());
        std::sort(files.begin(), files.end());
    } else {
        files.emplace_back(path);
    }
    for (const auto& f : files) {
        std::ifstream in(f);
        if (!in) throw std::runtime_error(f.string() + ": cannot open");
        std::string line;
        while (std::getline(in, line)) {
            newsgraph::Document doc;
            doc.text = line;
            newsgraph::Sentence sentence;
            sentence.end = line.size();
            sentence.tokens = newsgraph::tokenize(line);
            if (sentence.tokens.empty()) continue;
            std::vector<std::string> forms;
            for (auto& w : to_words(doc, sentence).words) forms.push_back(std::move(w.form));
            out.push_back(std::move(forms));
        }
    }
}

double seconds_since(std::chrono::steady_clock::time_point t0) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

int main_all(const std::string& train_path, const std::string& out_dir, const std::string& dev_path,
             const TrainOptions& options) {
    const auto t0 = std::chrono::steady_clock::now();
    const auto train = read_treebank(train_path);
    std::cerr << "read " << train.size() << " training sentences from " << train_path << '\n';
    std::cerr << "tagger: training on all of it\n";
    TaggerModel tagger_model = train_tagger(train, options, std::cerr);
    std::cerr << "tagger: jackknifing first-pass tags over " << options.folds << " folds\n";
    const auto tagged = jackknife(train, options);
    train_second_pass(tagger_model, train, tagged, options, std::cerr);
    const Tagger tagger(std::move(tagger_model));
    tagger.save(out_dir + "/tagger.model");
    std::cerr << "tagger: written (" << seconds_since(t0) << " s)\n";
    const Accuracy jk = score(train, tagged);
    std::cerr << "parser: jackknifed training tags UPOS " << static_cast<double>(jk.upos) / static_cast<double>(jk.words)
              << " (" << seconds_since(t0) << " s)\n";
    Parser parser(train_parser(tagged, options, std::cerr));
    parser.save(out_dir + "/parser.model");
    std::cerr << "parser: written (" << seconds_since(t0) << " s)\n";
    if (!dev_path.empty()) {
        const auto dev = read_treebank(dev_path);
        std::cout << "dev  " << score(dev, run(tagger, &parser, dev)).table() << '\n';
    }
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    std::vector<std::string> args(argv + 1, argv + argc);
    if (args.empty() || args[0] == "--help" || args[0] == "-h") {
        std::cout << kUsage;
        return args.empty() ? 2 : 0;
    }
    try {
        TrainOptions options;
        std::string command = args[0], input, out_dir, dev, models, conllu;
        std::vector<std::string> texts;
        bool gold_tags = false;
        for (std::size_t i = 1; i < args.size(); ++i) {
            const std::string& a = args[i];
            auto value = [&]() -> std::string {
                if (i + 1 >= args.size()) throw std::invalid_argument(a + " needs a value");
                return args[++i];
            };
            auto number = [&]() { return std::stoi(value()); };
            if (a == "-o" || a == "--out") out_dir = value();
            else if (a == "--dev") dev = value();
            else if (a == "-m" || a == "--models") models = value();
            else if (a == "--seed") options.seed = static_cast<std::uint64_t>(number());
            else if (a == "--tagger-epochs") options.tagger_epochs = number();
            else if (a == "--parser-epochs") options.parser_epochs = number();
            else if (a == "--labeller-epochs") options.labeller_epochs = number();
            else if (a == "--folds") options.folds = number();
            else if (a == "--conllu") conllu = value();
            else if (a == "--gold-tags") gold_tags = true;
            else if (a == "--clusters") options.clusters = WordClusters::load(value());
            else if (!a.empty() && a[0] == '-') throw std::invalid_argument("unknown option " + a);
            else if (command == "clusters") texts.push_back(a);
            else if (input.empty()) input = a;
            else throw std::invalid_argument("one treebank at a time: " + a);
        }
        if (command == "clusters") {
            if (out_dir.empty()) throw std::invalid_argument("clusters: -o FILE is required");
            std::vector<std::vector<std::string>> sentences;
            for (const auto& t : texts) read_text(t, sentences);
            if (!conllu.empty())
                for (const auto& s : read_treebank(conllu)) {
                    std::vector<std::string> forms;
                    for (const auto& w : s.words) forms.push_back(w.form);
                    sentences.push_back(std::move(forms));
                }
            train_clusters(sentences, ClusterOptions{}, std::cerr).save(out_dir);
            return 0;
        }
        if (input.empty()) throw std::invalid_argument("no treebank given");
        if (command == "all") {
            if (out_dir.empty()) throw std::invalid_argument("all: -o DIR is required");
            return main_all(input, out_dir, dev, options);
        }
        if (command == "evaluate") {
            if (models.empty()) throw std::invalid_argument("evaluate: -m DIR is required");
            const Tagger tagger = Tagger::load(models + "/tagger.model");
            const Parser parser = Parser::load(models + "/parser.model");
            const auto gold = read_treebank(input);
            const auto t0 = std::chrono::steady_clock::now();
            const auto system = run(tagger, &parser, gold, gold_tags);
            const double s = seconds_since(t0);
            const Accuracy a = score(gold, system);
            std::cout << input << "  " << a.table() << "  (" << static_cast<double>(a.words) / s << " words/s)\n";
            if (!out_dir.empty()) {  // the system's analyses, for error analysis
                std::ofstream out(out_dir);
                for (const auto& sentence : system) write_conllu(out, sentence);
            }
            return 0;
        }
        throw std::invalid_argument("unknown command '" + command + "' (all, evaluate)");
    } catch (const std::invalid_argument& e) {
        std::cerr << "newsgraph-train: " << e.what() << "\n\n" << kUsage;
        return 2;
    } catch (const std::exception& e) {
        std::cerr << "newsgraph-train: " << e.what() << '\n';
        return 1;
    }
}
