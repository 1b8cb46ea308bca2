#include "src/ingest/document.hpp"

#include <algorithm>

namespace newsgraph {

std::size_t code_point_offset(std::string_view text, std::size_t byte_offset) {
    const std::string_view before = text.substr(0, std::min(byte_offset, text.size()));
    // Every code point has exactly one byte that is not a continuation byte (10xxxxxx).
    return static_cast<std::size_t>(std::count_if(before.begin(), before.end(), [](char byte) {
        return (static_cast<unsigned char>(byte) & 0xC0) != 0x80;
    }));
}

CodePointIndex::CodePointIndex(std::string_view text) : text_(text) {
    checkpoints_.reserve(text.size() / kStride + 1);
    std::size_t count = 0;
    for (std::size_t start = 0; start < text.size(); start += kStride) {
        checkpoints_.push_back(count);
        count += code_point_offset(text.substr(start), kStride);
    }
}

std::size_t CodePointIndex::operator()(std::size_t byte_offset) const {
    byte_offset = std::min(byte_offset, text_.size());
    const std::size_t block = byte_offset / kStride;
    if (block >= checkpoints_.size()) return code_point_offset(text_, byte_offset);
    const std::size_t start = block * kStride;
    return checkpoints_[block] + code_point_offset(text_.substr(start), byte_offset - start);
}

}  // namespace newsgraph
