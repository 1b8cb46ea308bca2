// The pipeline every command runs: read the inputs, extract each article, merge, resolve
// across articles.
#pragma once

#include <cstddef>
#include <functional>
#include <iosfwd>
#include <optional>
#include <vector>

#include "graph/cross_document.hpp"
#include "graph/knowledge_graph.hpp"
#include "src/cli/options.hpp"
#include "src/cli/progress.hpp"
#include "src/extract/extractor.hpp"

namespace newsgraph {

struct Corpus {
    KnowledgeGraph graph;
    std::vector<Fold> folds;   // cross-article merges
    std::size_t articles = 0;  // read and extracted
    std::size_t problems = 0;  // inputs (or parts of them) skipped or repaired, on stderr
};

// Called with each article's extraction before it is merged (annotate uses it).
using ExtractionSink = std::function<void(const Document&, const ExtractedDocument&)>;

// Problems are reported on `err` as "newsgraph: WHERE: WHAT". nullopt when nothing could be
// read or the data folder is missing (reported too). `progress` counts the articles extracted.
std::optional<Corpus> build_corpus(const BuildOptions& options, std::istream& in, std::ostream& err,
                                   Progress& progress, const ExtractionSink& sink = {});

}  // namespace newsgraph
