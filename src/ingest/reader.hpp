// Reading the inputs named on the command line into Documents: text files, JSON Lines
// feeds, directories of them, and standard input.
#pragma once

#include <cstddef>
#include <functional>
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

// The same reading in two passes, so that a corpus larger than memory streams through:
// plan_inputs() reads every input once for its documents' unique ids and its problems,
// keeping no text; stream_inputs() reads them again and hands each document over as it is
// read, in the same order, with the same id.
struct InputPlan {
    std::vector<std::string> ids;      // of the documents, in input order; unique
    std::vector<std::string> origins;  // Document::origin, one per id
    std::vector<InputProblem> problems;
    std::string standard_input;  // the bytes "-" read (standard input cannot be read twice)
};
InputPlan plan_inputs(const std::vector<std::string>& inputs, const ReadOptions& options);

// Calls `emit` with each document of `plan`, in order. Returns what is new since the plan: a
// file that changed between the two readings is skipped and named here (its documents are
// not among those of the plan, or no longer read).
std::vector<InputProblem> stream_inputs(const std::vector<std::string>& inputs,
                                        const ReadOptions& options, const InputPlan& plan,
                                        const std::function<void(Document&&)>& emit);

}  // namespace newsgraph
