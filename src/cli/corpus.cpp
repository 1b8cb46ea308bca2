#include "src/cli/corpus.hpp"

#include <ostream>

#include "src/cli/data_dir.hpp"
#include "src/ingest/reader.hpp"

namespace newsgraph {

std::optional<Corpus> build_corpus(const BuildOptions& options, std::istream& in, std::ostream& err,
                                   Progress& progress, const ExtractionSink& sink) {
    std::optional<Extractor> extractor;
    try {
        extractor.emplace(find_data_dir(options.data_dir));
    } catch (const std::exception& e) {
        err << "newsgraph: " << e.what() << '\n';
        return std::nullopt;
    }

    progress.step("reading the inputs");
    ReadOptions read_options;
    read_options.max_file_bytes = options.max_file_bytes;
    read_options.standard_input = &in;
    ReadResult input = read_inputs(options.inputs, read_options);
    progress.clear();
    for (const auto& p : input.problems)
        err << "newsgraph: " << p.where << ": " << p.message << '\n';
    if (input.documents.empty()) {
        err << "newsgraph: no article could be read\n";
        return std::nullopt;
    }

    Corpus corpus{
        KnowledgeGraph(options.evidence_cap), {}, input.documents.size(), input.problems.size()};
    progress.start(input.documents.size());
    std::size_t done = 0;
    for (const Document& doc : input.documents) {
        ExtractedDocument extracted = extractor->extract_with_mentions(doc);
        if (sink) sink(doc, extracted);
        corpus.graph.merge(extracted.graph);
        progress.articles_done(++done);
    }
    progress.step("resolving names across articles");
    corpus.folds = resolve_across_documents(corpus.graph);
    return corpus;
}

}  // namespace newsgraph
