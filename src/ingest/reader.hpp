// Reading the inputs named on the command line into Documents: text files, JSON Lines
// feeds, directories of them, and standard input.
#pragma once

#include <cstddef>
#include <istream>
#include <string>
#include <vector>

#include "src/ingest/document.hpp"

namespace newsgraph {

struct ReadOptions {
    std::size_t max_file_bytes = 64u << 20;  // larger files are skipped (--max-file-size)
    std::istream* standard_input = nullptr;  // what "-" reads
};

struct ReadResult {
    std::vector<Document> documents;  // in input order; ids unique
    std::vector<InputProblem> problems;
};

// Each input is a file, a directory (its .txt, .md and .jsonl files, recursively, in
// sorted path order) or "-" for standard input. A .jsonl file holds one article per line
// ({"text": ..., "id", "title", "url", "date", "source"}); any other file is one article,
// its id the file name without extension; a folder's README, LICENSE and COPYING files are
// left out (a warning). Whatever cannot be read is reported in `problems` and skipped;
// invalid UTF-8 is replaced and reported as a warning; reading never throws for bad input.
ReadResult read_inputs(const std::vector<std::string>& inputs, const ReadOptions& options);

}  // namespace newsgraph
