// The pipeline every command runs: read the inputs, extract each article (its syntax
// included), merge, resolve across articles. Also its parts that `parse` shares.
#pragma once

#include <cstddef>
#include <functional>
#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

#include "graph/cross_document.hpp"
#include "graph/knowledge_graph.hpp"
#include "src/cli/options.hpp"
#include "src/cli/progress.hpp"
#include "src/extract/extractor.hpp"
#include "src/ingest/reader.hpp"
#include "src/nlp/analyzer.hpp"

namespace newsgraph {

struct Corpus {
    KnowledgeGraph graph;
    std::vector<Fold> folds;          // cross-article merges
    std::size_t articles = 0;         // read and extracted
    std::size_t problems = 0;         // inputs (or parts of them) skipped, on stderr
    std::size_t warnings = 0;         // inputs repaired or left out on purpose, on stderr
    std::size_t already_present = 0;  // build --update: articles the graph had, skipped
};

// Which of the articles read a run extracts.
struct ArticleSelection {
    // build --update: the graph so far. An article it has (same id, or same text under
    // another id) is skipped and named on stderr.
    const KnowledgeGraph* existing = nullptr;
    // Under MPI: this process extracts share number `share` of `shares`, a block of the
    // articles in input order; only share 0 reports the inputs' problems.
    std::size_t share = 0, shares = 1;
};

// Called with each article's extraction before it is merged (annotate and explain use it).
using ExtractionSink = std::function<void(const Document&, const ExtractedDocument&)>;

// Articles are read, parsed and extracted on job_count(options) threads, at most a few per
// thread at a time, and merged in input order: the result is the same for any --jobs.
// Problems are reported on `err` as "newsgraph: WHERE: WHAT", and so are sentences parsed in
// pieces (report_sentences_cut). nullopt when nothing could be read or the data folder or a
// model cannot be loaded (reported too). `progress` counts the articles extracted.
// Reads and extracts the articles `selection` takes and merges them, without resolving names
// across articles: the graph a snapshot (graph/snapshot.hpp) holds. Each document carries
// the SHA-256 of its text. Otherwise as build_corpus(); nullopt also when no article was read
// and `selection` neither adds to a graph nor takes a share.
std::optional<Corpus> read_corpus(const BuildOptions& options, std::istream& in, std::ostream& err,
                                  Progress& progress, const ArticleSelection& selection,
                                  const ExtractionSink& sink = {});

std::optional<Corpus> build_corpus(const BuildOptions& options, std::istream& in, std::ostream& err,
                                   Progress& progress, const ExtractionSink& sink = {});

// --models, else `data_dir`/models.
std::string models_folder(const BuildOptions& options, const std::string& data_dir);

// The tagger and parser of models_folder(), and WordNet's exception
// lists. nullopt when one cannot be loaded: a missing, truncated or corrupt model file is
// reported on `err` by its path and what is wrong with it.
std::optional<nlp::Analyzer> load_analyzer(const BuildOptions& options, const std::string& data_dir,
                                           std::ostream& err);

// The articles of `inputs`, read as build reads them ("-" from `in`, files over
// --max-file-size skipped), each problem and warning reported on `err`, and the number of
// warnings after them.
// Problems that skipped an input (not warnings: repairs, files left out on purpose).
std::size_t count_skipped(const ReadResult& input);

ReadResult read_articles(const std::vector<std::string>& inputs, const BuildOptions& options,
                         std::istream& in, std::ostream& err, Progress& progress);

// "newsgraph: N sentences longer than L words were parsed in pieces" on `err`, when N > 0:
// their trees are right within each piece only.
void report_sentences_cut(std::size_t count, const nlp::Analyzer& analyzer, std::ostream& err);

}  // namespace newsgraph
