// An article as ingestion hands it to extraction: repaired text, metadata, and its
// sentences and tokens with offsets into that text.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "graph/facts.hpp"

namespace newsgraph {

// A problem found while reading an input that did not stop it from being read
// (e.g. invalid UTF-8 replaced), or that made it be skipped.
struct InputProblem {
    std::string where;    // file path, with ":LINE" for JSON Lines
    std::string message;  // what was wrong, in words a user understands
    // A warning: the input was read (invalid bytes replaced), or deliberately left out (a
    // folder's README); it does not make the run's exit status 1.
    bool warning = false;
};

struct Document {
    DocumentInfo info;   // info.id is stable: file stem, or the JSON Lines "id"
    std::string text;    // valid UTF-8 (invalid bytes replaced by U+FFFD); BOM and NULs removed
    std::string origin;  // where it came from, for messages ("samples/a.txt", "feed.jsonl:12")
    // The "date" as given. info.date holds it only when it is a calendar date that exists
    // (YYYY-MM-DD, maybe with a time), as the exports declare their dates to be.
    std::string raw_date;
};

struct Token {
    std::size_t begin = 0, end = 0;  // byte offsets into Document::text
    std::string norm;  // the surface with curly quotes, apostrophes and dashes made ASCII
};

struct Sentence {
    std::size_t begin = 0, end = 0;  // byte offsets into Document::text
    std::vector<Token> tokens;
    // Page furniture (a byline, a photo credit, a copyright line): not part of the story, so
    // it states no facts, but the names in it (authors, agencies, publishers) are real.
    bool furniture = false;
};

// Byte offset -> code point offset, for reporting offsets that Python and JavaScript
// users can slice with.
std::size_t code_point_offset(std::string_view text, std::size_t byte_offset);

// The same for many offsets into one text, in time proportional to the distance from a
// checkpoint (every 4 KiB) rather than to the offset: a long article has many facts.
class CodePointIndex {
  public:
    explicit CodePointIndex(std::string_view text);
    std::size_t operator()(std::size_t byte_offset) const;

  private:
    static constexpr std::size_t kStride = 4096;
    std::string_view text_;
    std::vector<std::size_t> checkpoints_;  // code points before byte i * kStride
};

}  // namespace newsgraph
