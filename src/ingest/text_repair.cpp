#include "src/ingest/text_repair.hpp"

#include <utf8proc.h>

#include <algorithm>
#include <cstdlib>
#include <memory>
#include <optional>
#include <utility>

namespace newsgraph {
namespace {

constexpr std::string_view kReplacementCharacter = "\xEF\xBF\xBD";
constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";

// Length of the sequence a lead byte announces; 0 for bytes that never start one
// (continuation bytes, C0/C1 which could only start overlong forms, F5..FF beyond U+10FFFF).
std::size_t sequence_length(unsigned char lead) {
    if (lead >= 0xC2 && lead <= 0xDF) return 2;
    if (lead >= 0xE0 && lead <= 0xEF) return 3;
    if (lead >= 0xF0 && lead <= 0xF4) return 4;
    return 0;
}

bool is_continuation(unsigned char byte) {
    return (byte & 0xC0) == 0x80;
}

}  // namespace

std::string repair_utf8(std::string_view bytes, std::vector<std::size_t>* invalid_offsets) {
    std::string repaired;
    repaired.reserve(bytes.size());
    std::size_t pos = 0;
    while (pos < bytes.size()) {
        const auto lead = static_cast<unsigned char>(bytes[pos]);
        if (lead < 0x80) {
            repaired += static_cast<char>(lead);
            ++pos;
            continue;
        }
        const std::size_t length = sequence_length(lead);
        // The second byte's range is narrower after some leads: that is what rules out
        // overlong forms (E0, F0), surrogates (ED) and code points above U+10FFFF (F4).
        unsigned char second_min = 0x80, second_max = 0xBF;
        if (lead == 0xE0) second_min = 0xA0;
        if (lead == 0xED) second_max = 0x9F;
        if (lead == 0xF0) second_min = 0x90;
        if (lead == 0xF4) second_max = 0x8F;
        std::size_t well_formed = 1;
        while (length != 0 && well_formed < length && pos + well_formed < bytes.size()) {
            const auto byte = static_cast<unsigned char>(bytes[pos + well_formed]);
            const bool fits =
                well_formed == 1 ? byte >= second_min && byte <= second_max : is_continuation(byte);
            if (!fits) break;
            ++well_formed;
        }
        if (length != 0 && well_formed == length) {
            repaired.append(bytes.substr(pos, length));
        } else {
            if (invalid_offsets != nullptr) invalid_offsets->push_back(pos);
            repaired.append(kReplacementCharacter);
        }
        pos += well_formed;
    }
    return repaired;
}

namespace {

void append_utf8(std::string& out, char32_t c) {
    if (c < 0x80) {
        out += static_cast<char>(c);
    } else if (c < 0x800) {
        out += static_cast<char>(0xC0 | (c >> 6));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
        out += static_cast<char>(0xE0 | (c >> 12));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (c >> 18));
        out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    }
}

// "&#233;", "&#xE9;" at `pos`: the character it stands for and the reference's length, or
// nothing (a control character, a surrogate or no character at all stays as written).
std::optional<std::pair<char32_t, std::size_t>> character_reference(std::string_view text,
                                                                    std::size_t pos) {
    if (pos + 3 >= text.size() || text[pos] != '&' || text[pos + 1] != '#') return std::nullopt;
    std::size_t i = pos + 2;
    const bool hex = text[i] == 'x' || text[i] == 'X';
    if (hex) ++i;
    char32_t value = 0;
    const std::size_t digits_from = i;
    for (; i < text.size() && i - digits_from < 7; ++i) {
        const char c = text[i];
        int digit = -1;
        if (c >= '0' && c <= '9')
            digit = c - '0';
        else if (hex && c >= 'a' && c <= 'f')
            digit = c - 'a' + 10;
        else if (hex && c >= 'A' && c <= 'F')
            digit = c - 'A' + 10;
        if (digit < 0) break;
        value = value * (hex ? 16 : 10) + static_cast<char32_t>(digit);
    }
    if (i == digits_from || i >= text.size() || text[i] != ';') return std::nullopt;
    if (value < 0x20 || (value >= 0x7F && value < 0xA0) || (value >= 0xD800 && value < 0xE000) ||
        value > 0x10FFFF)
        return std::nullopt;
    return std::make_pair(value, i + 1 - pos);
}

}  // namespace

std::string normalize_text(std::string_view utf8) {
    if (utf8.starts_with(kByteOrderMark)) utf8.remove_prefix(kByteOrderMark.size());
    std::string normalized;
    normalized.reserve(utf8.size());
    for (std::size_t pos = 0; pos < utf8.size(); ++pos) {
        const char byte = utf8[pos];
        if (byte == '\0') continue;
        // Text scraped from web pages keeps HTML's numeric references ("Jos&#233; Manuel").
        if (byte == '&') {
            if (auto ref = character_reference(utf8, pos)) {
                append_utf8(normalized, ref->first);
                pos += ref->second - 1;
                continue;
            }
        }
        if (byte == '\r') {
            normalized += '\n';
            if (pos + 1 < utf8.size() && utf8[pos + 1] == '\n') ++pos;
        } else if (static_cast<unsigned char>(byte) < 0x20 && byte != '\n' && byte != '\t') {
            normalized += ' ';
        } else {
            normalized += byte;
        }
    }
    return normalized;
}

CodePoint decode_utf8(std::string_view text, std::size_t pos) {
    const auto lead = static_cast<unsigned char>(text[pos]);
    const std::size_t length = lead < 0x80 ? 1 : sequence_length(lead);
    if (length == 0 || pos + length > text.size()) return {U'\uFFFD', 1};  // not repaired text
    if (length == 1) return {lead, 1};
    char32_t value = lead & (0x7F >> length);
    for (std::size_t i = 1; i < length; ++i) {
        value = (value << 6) | (static_cast<unsigned char>(text[pos + i]) & 0x3F);
    }
    return {value, length};
}

bool is_space(char32_t c) {
    switch (c) {
        case U' ':
        case U'\t':
        case U'\n':
        case U'\v':
        case U'\f':
        case U'\r':
        case U'\u00A0':
        case U'\u1680':
        case U'\u200B':  // zero-width space: separates words like a space does
        case U'\u2028':
        case U'\u2029':
        case U'\u202F':
        case U'\u205F':
        case U'\u3000':
        case U'\uFEFF':  // a byte order mark inside the text is invisible
            return true;
        default:
            return c >= U'\u2000' && c <= U'\u200A';
    }
}

std::string lower_ascii(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

bool is_blank(std::string_view utf8) {
    for (std::size_t pos = 0; pos < utf8.size();) {
        const CodePoint cp = decode_utf8(utf8, pos);
        if (!is_space(cp.value)) return false;
        pos += cp.length;
    }
    return true;
}

std::string comparable_form(std::string_view utf8) {
    // ASCII is its own NFC and has nothing ignorable: most names take this path.
    if (std::all_of(utf8.begin(), utf8.end(), [](char c) { return (c & 0x80) == 0; })) {
        return std::string(utf8);
    }
    utf8proc_uint8_t* mapped = nullptr;
    const utf8proc_ssize_t length = utf8proc_map(
        reinterpret_cast<const utf8proc_uint8_t*>(utf8.data()),
        static_cast<utf8proc_ssize_t>(utf8.size()), &mapped,
        static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_IGNORE));
    const std::unique_ptr<utf8proc_uint8_t, decltype(&std::free)> owned(mapped, &std::free);
    if (length < 0) return std::string(utf8);  // not valid UTF-8: compared as it is
    return std::string(reinterpret_cast<const char*>(mapped), static_cast<std::size_t>(length));
}

}  // namespace newsgraph
