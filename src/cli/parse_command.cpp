#include "src/cli/parse_command.hpp"

#include <cctype>
#include <filesystem>
#include <optional>
#include <ostream>
#include <sstream>

#include "export/atomic_file.hpp"
#include "src/cli/corpus.hpp"
#include "src/cli/data_dir.hpp"
#include "src/extract/parsed_document.hpp"
#include "src/nlp/conllu.hpp"

namespace newsgraph {
namespace {

// Whether `doc` is a CoNLL-U file named as an input (the reader keeps its bytes as the text;
// a folder's .conllu files are not read, as build does not read them).
bool is_treebank(const Document& doc) {
    std::string extension = std::filesystem::path(doc.origin).extension().string();
    for (char& c : extension) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return extension == ".conllu";
}

// Leaves the words and what is not syntax (comments, multiword tokens, MISC): nothing of the
// treebank's analysis may reach the output that is scored against it.
void forget_analysis(nlp::ParsedSentence& sentence) {
    for (nlp::Word& w : sentence.words) {
        w.lemma = w.upos = w.xpos = w.feats = w.deps = "_";
        w.head = -1;
        w.deprel.clear();
    }
    sentence.empty_nodes.clear();  // enhanced dependencies only
}

class ParseRun {
  public:
    ParseRun(const IngestRules& rules, const nlp::Analyzer& analyzer, std::ostream& err)
        : rules_(rules), analyzer_(analyzer), err_(err) {}

    // Writes the sentences of `doc` to `out`; false when it was skipped (reported).
    bool write(const Document& doc, std::ostream& out) {
        return is_treebank(doc) ? write_treebank(doc, out) : write_article(doc, out);
    }

    std::size_t sentences_cut() const { return sentences_cut_; }

  private:
    bool write_article(const Document& doc, std::ostream& out) {
        ParsedDocument parsed = parse_document(doc, rules_, analyzer_);
        sentences_cut_ += parsed.sentences_cut;
        if (!parsed.syntax.empty())
            parsed.syntax.front().comments.push_back("newdoc id = " + doc.info.id);
        const CodePointIndex offsets(doc.text);
        for (const nlp::ParsedSentence& sentence : parsed.syntax)
            nlp::write_conllu(out, sentence, &offsets);
        return true;
    }

    bool write_treebank(const Document& doc, std::ostream& out) {
        std::vector<nlp::ParsedSentence> sentences;
        try {
            std::istringstream text(doc.text);
            sentences = nlp::read_conllu(text, doc.origin);
        } catch (const std::runtime_error& e) {  // "ORIGIN:LINE: what is wrong"
            err_ << "newsgraph: " << e.what() << " (file skipped)\n";
            return false;
        }
        for (nlp::ParsedSentence& sentence : sentences) {
            forget_analysis(sentence);
            if (!sentence.words.empty() && analyzer_.annotate(sentence)) ++sentences_cut_;
            nlp::write_conllu(out, sentence);
        }
        return true;
    }

    const IngestRules& rules_;
    const nlp::Analyzer& analyzer_;
    std::ostream& err_;
    std::size_t sentences_cut_ = 0;
};

}  // namespace

int run_parse(const BuildOptions& options, std::istream& in, std::ostream& out, std::ostream& err) {
    std::string data_dir;
    IngestRules rules;
    try {
        data_dir = find_data_dir(options.data_dir);
        rules = load_ingest_rules(data_dir);
    } catch (const std::exception& e) {
        err << "newsgraph: " << e.what() << '\n';
        return 2;
    }
    Progress progress(err, options.progress);
    progress.step("loading the models");
    const std::optional<nlp::Analyzer> analyzer = load_analyzer(options, data_dir, err);
    progress.clear();
    if (!analyzer) return 2;

    const ReadResult input = read_articles(options.inputs, options, in, err, progress);
    std::size_t problems = count_skipped(input), written = 0;
    ParseRun run(rules, *analyzer, err);
    auto write_all = [&](std::ostream& stream) {
        progress.start(input.documents.size());
        std::size_t done = 0;
        for (const Document& doc : input.documents) {
            run.write(doc, stream) ? ++written : ++problems;
            progress.articles_done(++done);
        }
        progress.clear();
    };
    try {
        if (options.output_dir.empty()) {
            write_all(out);
        } else {
            AtomicFile file(options.output_dir);
            write_all(file.stream());
            if (written > 0) file.commit();  // else the temporary file goes, nothing replaced
        }
    } catch (const std::exception& e) {
        progress.clear();
        err << "newsgraph: " << e.what() << '\n';
        return 2;
    }
    report_sentences_cut(run.sentences_cut(), *analyzer, err);
    if (written == 0) {
        err << "newsgraph: nothing to parse\n";
        return 2;
    }
    return problems == 0 ? 0 : 1;
}

}  // namespace newsgraph
