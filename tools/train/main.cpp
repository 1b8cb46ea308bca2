// newsgraph-train: trains the tagger and the parser from a CoNLL-U treebank and writes
// data/models/{tagger,parser}.model. See data/models/README.md for the one command that
// rebuilds the shipped models.
#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "src/ingest/segmenter.hpp"
#include "src/ingest/text_repair.hpp"
#include "src/nlp/analyzer.hpp"
#include "src/nlp/conllu.hpp"
#include "src/nlp/model_file.hpp"
#include "src/nlp/words.hpp"
#include "tools/train/mentions.hpp"
#include "tools/train/trainer.hpp"

namespace {

using namespace newsgraph::nlp;
using namespace newsgraph::nlp::train;

constexpr const char* kUsage = R"(newsgraph-train: train the tagger and parser from UD CoNLL-U

usage:
  newsgraph-train all TRAIN.conllu -o DIR [--dev DEV.conllu] [options]
      trains DIR/tagger.model, then DIR/parser.model on jackknifed (predicted) tags
  newsgraph-train clusters TEXT... -o FILE [--conllu TREEBANK.conllu] [--wordnet-glosses DIR]
      learns word clusters from plain-text files (folders are read recursively, *.txt),
      the forms of a treebank, and WordNet's glosses (DIR: /usr/share/wordnet)
  newsgraph-train evaluate GOLD.conllu -m DIR [-o SYSTEM.conllu]
      tags and parses GOLD's words with DIR's models and prints UPOS, XPOS, UAS, LAS
      (--gold-tags: parses with GOLD's tags, to see what tagging errors cost the parser)

  newsgraph-train mentions TRAIN.iob2 --conllu TRAIN.conllu -m DIR --data DATA -o FILE
                  [--dev DEV.iob2 --dev-conllu DEV.conllu] [--mention-epochs N]
                  [--mention-without-tags]
      trains the mention tagger (PER/ORG/LOC, BILOU) on Universal NER's spans, joined to
      the treebank's sentences and tagged by DIR's tagger; DATA: the built data folder
      (build/data: gazetteers and word lists); the word clusters are DIR's tagger's;
      --mention-without-tags: no UPOS, XPOS or lemma features (no tagging needed)
  newsgraph-train evaluate-mentions GOLD.iob2 --conllu GOLD.conllu -m DIR --data DATA [-o FILE]
      prints the span precision, recall and F1 per type of DIR/mentions.model (-o: writes
      each word with its gold and predicted tags)

options:
  --clusters FILE       word clusters (from `clusters`) for the features of both models
  --seed N              random seed (default 1): the same data and seed give the same bytes
  --tagger-epochs N     default 8
  --parser-epochs N     default 16
  --labeller-epochs N   default 8
  --min-weight X        prune averaged weights smaller than X (default 0.2)
  --second-pass-margin X  first-pass tags this sure skip the second pass (default 10);
                        with evaluate, overrides the model's
  --parser-ensemble N   train N parsers apart and add their weights up (default 2)
  --folds N             jackknife folds for the training tags (default 10)
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

// Tags (or copies gold's tags into) and parses `out`, whose words are gold's.
void annotate(const Tagger& tagger, const Parser* parser, const std::vector<ParsedSentence>& gold,
              bool gold_tags, bool first_pass_only, std::vector<ParsedSentence>& out) {
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
            w.lemma = known.empty() ? newsgraph::lower_ascii(w.form) : std::string(known);
        }
        if (parser != nullptr) parser->parse(s);
    }
}

std::vector<ParsedSentence> run(const Tagger& tagger, const Parser* parser,
                                const std::vector<ParsedSentence>& gold, bool gold_tags = false,
                                bool first_pass_only = false) {
    std::vector<ParsedSentence> out = stripped(gold);
    annotate(tagger, parser, gold, gold_tags, first_pass_only, out);
    return out;
}

// The parser must learn from tags like those it will see: each fold is tagged by a tagger
// trained on the other folds.
std::vector<ParsedSentence> jackknife(const std::vector<ParsedSentence>& train,
                                      const TrainOptions& options) {
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

// The forms of a piece of plain text in UD tokenisation (none for blank text).
std::vector<std::string> forms_of(std::string text) {
    newsgraph::Document doc;
    doc.text = newsgraph::normalize_text(newsgraph::repair_utf8(text, nullptr));
    newsgraph::Sentence sentence;
    sentence.end = doc.text.size();
    sentence.tokens = newsgraph::tokenize(doc.text);
    std::vector<std::string> forms;
    if (sentence.tokens.empty()) return forms;
    for (auto& w : to_words(doc, sentence).words) forms.push_back(std::move(w.form));
    return forms;
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
            if (auto forms = forms_of(line); !forms.empty()) out.push_back(std::move(forms));
        }
    }
}

// WordNet's glosses and example sentences (data.noun, ...: text after "| ", parts split at
// ';', quotes dropped) as more unlabelled text: it knows many words the news never uses.
void read_glosses(const std::string& wordnet_dir, std::vector<std::vector<std::string>>& out) {
    for (const char* part : {"noun", "verb", "adj", "adv"}) {
        const std::string path = wordnet_dir + "/data." + part;
        std::ifstream in(path);
        if (!in) throw std::runtime_error(path + ": cannot open");
        std::string line;
        while (std::getline(in, line)) {
            if (line.starts_with("  ")) continue;  // the licence at the top
            const auto bar = line.find("| ");
            if (bar == std::string::npos) continue;
            std::string gloss = line.substr(bar + 2);
            std::erase(gloss, '"');
            std::size_t start = 0;
            while (start < gloss.size()) {
                std::size_t end = gloss.find(';', start);
                if (end == std::string::npos) end = gloss.size();
                auto forms = forms_of(gloss.substr(start, end - start));
                start = end + 1;
                if (!forms.empty()) out.push_back(std::move(forms));
            }
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
    std::cerr << "parser: jackknifed training tags UPOS "
              << static_cast<double>(jk.upos) / static_cast<double>(jk.words) << " ("
              << seconds_since(t0) << " s)\n";
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
        std::string command = args[0], input, out_dir, dev, models, conllu, glosses;
        std::vector<std::string> texts;
        std::string data_dir, dev_conllu;
        int mention_epochs = newsgraph::train_mentions::Options{}.epochs;
        bool gold_tags = false, margin_given = false, mention_tags = true;
        for (std::size_t i = 1; i < args.size(); ++i) {
            const std::string& a = args[i];
            auto value = [&]() -> std::string {
                if (i + 1 >= args.size()) throw std::invalid_argument(a + " needs a value");
                return args[++i];
            };
            auto number = [&]() { return std::stoi(value()); };
            if (a == "-o" || a == "--out")
                out_dir = value();
            else if (a == "--dev")
                dev = value();
            else if (a == "-m" || a == "--models")
                models = value();
            else if (a == "--seed")
                options.seed = static_cast<std::uint64_t>(number());
            else if (a == "--tagger-epochs")
                options.tagger_epochs = number();
            else if (a == "--parser-epochs")
                options.parser_epochs = number();
            else if (a == "--labeller-epochs")
                options.labeller_epochs = number();
            else if (a == "--folds")
                options.folds = number();
            else if (a == "--parser-ensemble")
                options.parser_ensemble = number();
            else if (a == "--data")
                data_dir = value();
            else if (a == "--dev-conllu")
                dev_conllu = value();
            else if (a == "--mention-without-tags")
                mention_tags = false;
            else if (a == "--mention-epochs")
                mention_epochs = number();
            else if (a == "--conllu")
                conllu = value();
            else if (a == "--wordnet-glosses")
                glosses = value();
            else if (a == "--gold-tags")
                gold_tags = true;
            else if (a == "--min-weight")
                options.min_weight = std::stod(value());
            else if (a == "--second-pass-margin")
                options.second_pass_margin = std::stof(value()), margin_given = true;
            else if (a == "--clusters")
                options.clusters = WordClusters::load(value());
            else if (!a.empty() && a[0] == '-')
                throw std::invalid_argument("unknown option " + a);
            else if (command == "clusters")
                texts.push_back(a);
            else if (input.empty())
                input = a;
            else
                throw std::invalid_argument("one treebank at a time: " + a);
        }
        if (command == "clusters") {
            if (out_dir.empty()) throw std::invalid_argument("clusters: -o FILE is required");
            std::vector<std::vector<std::string>> sentences;
            for (const auto& t : texts) read_text(t, sentences);
            if (!glosses.empty()) read_glosses(glosses, sentences);
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
        if (command == "mentions" || command == "evaluate-mentions") {
            namespace ner = newsgraph::train_mentions;
            if (conllu.empty() || models.empty() || data_dir.empty())
                throw std::invalid_argument(command + ": --conllu, -m and --data are required");
            const Analyzer analyzer(models, kDefaultWordNetDir);
            const newsgraph::Lexicon lexicon = newsgraph::Lexicon::load(data_dir);
            if (command == "evaluate-mentions") {
                const auto tagger = newsgraph::MentionTagger::load(models + "/mentions.model");
                const auto gold = ner::read_corpus(input, conllu, analyzer, tagger.uses_tags());
                std::cout << input << " (" << gold.examples.size() << " sentences, " << gold.skipped
                          << " not in the treebank)\n"
                          << ner::evaluate(tagger, gold, lexicon).table()
                          << "as the runtime tags (words outside spans scored only when "
                             "capitalised):\n"
                          << ner::evaluate(tagger, gold, lexicon, nullptr, true).table();
                if (!out_dir.empty()) {  // the tagger's spans beside gold's, for error analysis
                    std::ofstream system(out_dir);
                    ner::evaluate(tagger, gold, lexicon, &system);
                }
                return 0;
            }
            if (out_dir.empty()) throw std::invalid_argument("mentions: -o FILE is required");
            const auto train = ner::read_corpus(input, conllu, analyzer, mention_tags);
            std::cerr << "mentions: " << train.examples.size() << " training sentences ("
                      << train.skipped << " not in the treebank)\n";
            std::optional<ner::Corpus> dev_corpus;
            if (!dev.empty()) {
                if (dev_conllu.empty()) throw std::invalid_argument("--dev needs --dev-conllu");
                dev_corpus = ner::read_corpus(dev, dev_conllu, analyzer, mention_tags);
            }
            ner::Options mention_options;
            mention_options.seed = options.seed;
            mention_options.epochs = mention_epochs;
            mention_options.uses_tags = mention_tags;
            const auto clusters = Tagger::load(models + "/tagger.model").model().clusters;
            const auto tagger = ner::train(train, clusters, lexicon, mention_options,
                                           dev_corpus ? &*dev_corpus : nullptr, std::cerr);
            tagger.save(out_dir);
            if (dev_corpus)
                std::cout << "dev\n" << ner::evaluate(tagger, *dev_corpus, lexicon).table();
            return 0;
        }
        if (command == "all") {
            if (out_dir.empty()) throw std::invalid_argument("all: -o DIR is required");
            return main_all(input, out_dir, dev, options);
        }
        if (command == "evaluate") {
            if (models.empty()) throw std::invalid_argument("evaluate: -m DIR is required");
            Tagger loaded = Tagger::load(models + "/tagger.model");
            TaggerModel tagger_model = loaded.model();
            if (margin_given) tagger_model.second_pass_margin = options.second_pass_margin;
            const Tagger tagger(std::move(tagger_model));
            const Parser parser = Parser::load(models + "/parser.model");
            const auto gold = read_treebank(input);
            // Timed: tagging and parsing only, not copying the treebank.
            auto system = stripped(gold);
            const auto t0 = std::chrono::steady_clock::now();
            annotate(tagger, &parser, gold, gold_tags, false, system);
            const double s = seconds_since(t0);
            const Accuracy a = score(gold, system);
            std::cout << input << "  " << a.table() << "  (" << static_cast<double>(a.words) / s
                      << " words/s)\n";
            if (!out_dir.empty()) {  // the system's analyses, for error analysis
                std::ofstream out(out_dir);
                for (const auto& sentence : system) write_conllu(out, sentence);
            }
            return 0;
        }
        throw std::invalid_argument("unknown command '" + command +
                                    "' (all, clusters, evaluate, mentions, evaluate-mentions)");
    } catch (const std::invalid_argument& e) {
        std::cerr << "newsgraph-train: " << e.what() << "\n\n" << kUsage;
        return 2;
    } catch (const std::exception& e) {
        std::cerr << "newsgraph-train: " << e.what() << '\n';
        return 1;
    }
}
