// Turning input bytes into the text every later offset points into: valid UTF-8, with
// line ends and control characters normalised. Plus the code-point helpers the segmenter
// and the reader share.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace newsgraph {

// Valid UTF-8 for any bytes. Each maximal ill-formed subsequence (stray continuation
// byte, overlong form, surrogate, code point above U+10FFFF, sequence cut short) becomes
// one U+FFFD, as Python's and browsers' decoders do; the byte offset in `bytes` where each
// starts is appended to `invalid_offsets` when it is not null.
std::string repair_utf8(std::string_view bytes, std::vector<std::size_t>* invalid_offsets);

// Strips a leading byte order mark, drops NUL bytes, turns CRLF and lone CR into "\n" and
// other C0 control characters except tab into a space, and writes HTML's numeric character
// references as the characters they stand for ("&#233;" is "é"; named ones such as "&lt;"
// stay, since plain text may mean them). Expects valid UTF-8.
std::string normalize_text(std::string_view utf8);

// The form in which two spellings of one name compare equal: Unicode NFC ("José" typed as
// e + combining acute is "José"), without default-ignorable code points (zero-width joiners,
// soft hyphens). For comparing names only: the text that offsets point into is never
// normalised, so every offset stays an offset into the article as given.
std::string comparable_form(std::string_view utf8);

// The code point starting at byte `pos` of valid UTF-8 text, and its length in bytes.
struct CodePoint {
    char32_t value = 0;
    std::size_t length = 1;
};
CodePoint decode_utf8(std::string_view text, std::size_t pos);

// ASCII white space and the Unicode space separators (no-break space, em space, ...).
bool is_space(char32_t c);

// Whether the text has nothing but white space.
bool is_blank(std::string_view utf8);

// ASCII lower-case copy (names in our lists, and word features, are matched on ASCII case).
std::string lower_ascii(std::string_view s);

}  // namespace newsgraph
