// Fuzz target: ingestion of arbitrary bytes. UTF-8 repair, text normalisation, sentences
// and tokens, with the invariants every later stage relies on.
// An input starting with byte 0x01 is segmented with tiny limits taken from its second byte
// (pieces of at most that many bytes, sentences of 1 to 16 tokens), so that the cutting of
// long paragraphs and sentences is explored without 64 KiB inputs.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "fuzz/fuzz_check.hpp"
#include "src/ingest/document.hpp"
#include "src/ingest/segmenter.hpp"
#include "src/ingest/text_repair.hpp"

using namespace newsgraph;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const IngestRules loaded = load_ingest_rules(fuzz::data_dir());
    static IngestRules rules = loaded;
    std::string_view bytes(reinterpret_cast<const char*>(data), size);
    rules.max_block_bytes = kMaxBlockBytes;
    rules.max_sentence_tokens = kMaxSentenceTokens;
    if (bytes.size() >= 2 && bytes[0] == '\x01') {
        const auto limit = static_cast<unsigned char>(bytes[1]);
        rules.max_block_bytes = limit;
        rules.max_sentence_tokens = 1 + limit % 16;
        bytes.remove_prefix(2);
    }

    std::vector<std::size_t> invalid;
    const std::string repaired = repair_utf8(bytes, &invalid);
    FUZZ_CHECK(fuzz::valid_utf8(repaired));
    FUZZ_CHECK(repair_utf8(repaired, nullptr) == repaired);
    FUZZ_CHECK(invalid.empty() == (repaired == bytes));
    for (std::size_t i = 0; i < invalid.size(); ++i) {
        FUZZ_CHECK(invalid[i] < bytes.size());
        FUZZ_CHECK(i == 0 || invalid[i - 1] < invalid[i]);
    }

    Document doc;
    doc.info.id = "fuzz";
    doc.text = normalize_text(repaired);
    FUZZ_CHECK(fuzz::valid_utf8(doc.text));
    for (const char c : doc.text) {
        const auto byte = static_cast<unsigned char>(c);
        FUZZ_CHECK(byte >= 0x20 || c == '\n' || c == '\t');
    }

    const std::vector<Sentence> sentences = segment(doc, rules);
    const CodePointIndex code_points(doc.text);
    // Code points counted along the way (code_point_offset() per sentence would be quadratic).
    std::size_t previous_end = 0, counted_at = 0, counted = 0;
    const auto code_points_before = [&](std::size_t offset) {
        for (; counted_at < offset; ++counted_at)
            counted += (static_cast<unsigned char>(doc.text[counted_at]) & 0xC0) != 0x80;
        return counted;
    };
    for (const Sentence& s : sentences) {
        FUZZ_CHECK(s.begin < s.end && s.end <= doc.text.size());
        FUZZ_CHECK(s.begin >= previous_end);
        FUZZ_CHECK(!s.tokens.empty() && s.tokens.size() <= rules.max_sentence_tokens);
        // Within one piece: at most the limit, or one code point when the limit is smaller.
        FUZZ_CHECK(s.end - s.begin <= std::max<std::size_t>(rules.max_block_bytes, 4));
        FUZZ_CHECK(s.tokens.front().begin == s.begin && s.tokens.back().end == s.end);
        FUZZ_CHECK(fuzz::valid_utf8(std::string_view(doc.text).substr(s.begin, s.end - s.begin)));
        std::size_t token_end = s.begin;
        for (const Token& t : s.tokens) {
            FUZZ_CHECK(t.begin >= token_end && t.begin < t.end && t.end <= s.end);
            FUZZ_CHECK(!t.norm.empty() && fuzz::valid_utf8(t.norm));
            token_end = t.end;
        }
        FUZZ_CHECK(code_points(s.begin) == code_points_before(s.begin));
        FUZZ_CHECK(code_points(s.end) == code_points_before(s.end));
        previous_end = s.end;
    }
    return 0;
}
