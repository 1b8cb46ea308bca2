// Splitting a document into sentences and tokens, leaving out page furniture (copyright
// lines, share buttons, photo credits) that scraped articles carry.
#pragma once

#include <cstddef>
#include <memory>
#include <regex>
#include <string>
#include <string_view>
#include <vector>

#include "src/ingest/document.hpp"
#include "src/ingest/furniture_filter.hpp"

namespace newsgraph {

// Limits that keep a hostile input (a 50 MB line, a page of names with no full stop) from
// making extraction's time or memory explode. A sentence longer than kMaxSentenceTokens is
// cut into chunks of that many tokens. A paragraph longer than kMaxBlockBytes is split into
// pieces of about that size, at a space where there is one, that are segmented one by one:
// no paragraph of real prose comes near it, and memory stays proportional to the piece.
inline constexpr std::size_t kMaxSentenceTokens = 400;
inline constexpr std::size_t kMaxBlockBytes = 64 * 1024;

struct IngestRules {
    // Words after which a '.' rarely ends a sentence; lower-case, without final dot: "mr",
    // "u.s", "feb". Single capital initials ("George W. Bush") need no entry.
    std::vector<std::string> abbreviations;
    // Patterns matching a whole trimmed line, or a whole sentence, that is page furniture.
    std::vector<std::regex> furniture;
    // The same patterns as one automaton, which dismisses most lines before any regex runs
    // (load_ingest_rules makes it). Without it, every regex runs on every short line.
    std::shared_ptr<const FurnitureFilter> furniture_filter;
    // The limits above; smaller ones only in tests and fuzzing, to reach them quickly.
    std::size_t max_sentence_tokens = kMaxSentenceTokens;
    std::size_t max_block_bytes = kMaxBlockBytes;
};

// Reads data_dir/abbreviations.txt and data_dir/furniture.txt: one entry per line, blank
// lines and lines starting with '#' ignored. Throws std::runtime_error naming the file if
// one cannot be read or holds an invalid regular expression.
IngestRules load_ingest_rules(const std::string& data_dir);

// Whether `text` (a trimmed line or a sentence) is page furniture: matched whole by one of
// rules.furniture (case-insensitive). Text longer than any furniture is not.
bool is_furniture(std::string_view text, const IngestRules& rules);

// The sentences of doc.text in order, page furniture flagged (Sentence::furniture) and
// sentences with no word at all left out. A blank line always ends a sentence; so does a single
// newline, unless the lines are hard-wrapped prose (the first does not end in terminal punctuation
// and the next starts lower-case). No sentence has more than rules.max_sentence_tokens tokens.
std::vector<Sentence> segment(const Document& doc, const IngestRules& rules);

// The tokens of text: words (with inner hyphens and apostrophes, "U.S." and "1,000.5" as
// one), a possessive "'s" on its own, every other non-space character on its own. Offsets
// are into text, plus `offset` (the position of text within a larger one).
std::vector<Token> tokenize(std::string_view text, std::size_t offset = 0);

}  // namespace newsgraph
