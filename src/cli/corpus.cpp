#include "src/cli/corpus.hpp"

#include <algorithm>
#include <ostream>

#include "src/cli/data_dir.hpp"

namespace newsgraph {

std::optional<Corpus> build_corpus(const BuildOptions& options, std::istream& in, std::ostream& err,
                                   Progress& progress, const ExtractionSink& sink) {
    std::string data_dir;
    std::optional<Extractor> extractor;
    try {
        data_dir = find_data_dir(options.data_dir);
        extractor.emplace(data_dir);
    } catch (const std::exception& e) {
        err << "newsgraph: " << e.what() << '\n';
        return std::nullopt;
    }
    progress.step("loading the models");
    const std::optional<nlp::Analyzer> analyzer = load_analyzer(options, data_dir, err);
    progress.clear();
    if (!analyzer) return std::nullopt;

    ReadResult input = read_articles(options.inputs, options, in, err, progress);
    if (input.documents.empty()) {
        err << "newsgraph: no article could be read\n";
        return std::nullopt;
    }

    Corpus corpus{KnowledgeGraph(options.evidence_cap),
                  {},
                  input.documents.size(),
                  count_skipped(input),
                  input.problems.size() - count_skipped(input)};
    std::size_t sentences_cut = 0;
    progress.start(input.documents.size());
    std::size_t done = 0;
    for (const Document& doc : input.documents) {
        ExtractedDocument extracted = extractor->extract_with_mentions(doc, &*analyzer);
        sentences_cut += extracted.parsed.sentences_cut;
        if (sink) sink(doc, extracted);
        corpus.graph.merge(extracted.graph);
        progress.articles_done(++done);
    }
    progress.clear();
    report_sentences_cut(sentences_cut, *analyzer, err);
    progress.step("resolving names across articles");
    corpus.folds = resolve_across_documents(corpus.graph);
    return corpus;
}

std::optional<nlp::Analyzer> load_analyzer(const BuildOptions& options, const std::string& data_dir,
                                           std::ostream& err) {
    const std::string models_dir =
        options.models_dir.empty() ? data_dir + "/models" : options.models_dir;
    try {
        return nlp::Analyzer(models_dir, nlp::kDefaultWordNetDir);
    } catch (const std::exception& e) {  // nlp::ModelError; WordNet's files as runtime_error
        err << "newsgraph: " << e.what() << '\n';
        return std::nullopt;
    }
}

ReadResult read_articles(const std::vector<std::string>& inputs, const BuildOptions& options,
                         std::istream& in, std::ostream& err, Progress& progress) {
    progress.step("reading the inputs");
    ReadOptions read_options;
    read_options.max_file_bytes = options.max_file_bytes;
    read_options.standard_input = &in;
    ReadResult input = read_inputs(inputs, read_options);
    progress.clear();
    for (const auto& p : input.problems)
        err << "newsgraph: " << p.where << ": " << p.message << '\n';
    if (const std::size_t warnings = input.problems.size() - count_skipped(input))
        err << "newsgraph: " << warnings << (warnings == 1 ? " warning" : " warnings")
            << " (inputs repaired or left out, named above; not an error)\n";
    return input;
}

std::size_t count_skipped(const ReadResult& input) {
    return static_cast<std::size_t>(
        std::count_if(input.problems.begin(), input.problems.end(),
                      [](const InputProblem& problem) { return !problem.warning; }));
}

void report_sentences_cut(std::size_t count, const nlp::Analyzer& analyzer, std::ostream& err) {
    if (count == 0) return;
    err << "newsgraph: " << count << (count == 1 ? " sentence" : " sentences") << " longer than "
        << analyzer.limits().max_parse_words << " words " << (count == 1 ? "was" : "were")
        << " parsed in pieces\n";
}

}  // namespace newsgraph
