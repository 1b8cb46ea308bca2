// Under -fsanitize=address GCC 12 and later warn, falsely, inside libstdc++'s regex
// compiler (GCC bug 105616): silenced for that header only, before anything includes it.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#include <regex>
#pragma GCC diagnostic pop
#endif

#include <algorithm>
#include <fstream>
#include <iterator>
#include <optional>
#include <span>
#include <stdexcept>
#include <utility>

#include "src/ingest/segmenter.hpp"
#include "src/ingest/text_repair.hpp"

namespace newsgraph {
namespace {

// Furniture is short; longer text is never tested, which also keeps std::regex (whose
// backtracking recursion grows with the input) away from long paragraphs.
constexpr std::size_t kLongestFurniture = 500;

// Capitalised words that begin sentences but not names. After "U.S." or "Mr." a sentence
// only ends when one of these follows: "... the U.S. The talks" but "the U.S. President".
constexpr std::string_view kSentenceStarters[] = {
    "A",       "After",  "All",   "Also",  "Although", "An",     "And",   "As",      "At",
    "Because", "Before", "Both",  "But",   "By",       "During", "Each",  "Earlier", "Even",
    "Every",   "For",    "From",  "He",    "Her",      "Here",   "His",   "How",     "However",
    "I",       "If",     "In",    "It",    "Its",      "Last",   "Later", "Many",    "Meanwhile",
    "More",    "Most",   "Much",  "My",    "No",       "Now",    "On",    "One",     "Only",
    "Or",      "Other",  "Our",   "She",   "Since",    "So",     "Some",  "Still",   "Such",
    "That",    "The",    "Their", "There", "These",    "They",   "This",  "Those",   "Though",
    "To",      "We",     "What",  "When",  "Where",    "While",  "Who",   "Why",     "Yet",
};

// A byte range [begin, end) of the document's text.
struct Span {
    std::size_t begin = 0, end = 0;
    bool empty() const { return begin == end; }
};

enum class LetterCase { Upper, Lower, None };

// Case of the letters of the scripts news is mostly written in; other letters count as
// neither, which only makes the splitter more cautious.
LetterCase letter_case(char32_t c) {
    if (c >= U'A' && c <= U'Z') return LetterCase::Upper;
    if (c >= U'a' && c <= U'z') return LetterCase::Lower;
    if (c == U'\u00D7' || c == U'\u00F7') return LetterCase::None;
    if (c >= U'\u00C0' && c <= U'\u00DE') return LetterCase::Upper;
    if (c >= U'\u00DF' && c <= U'\u00FF') return LetterCase::Lower;
    if (c >= U'\u0100' && c <= U'\u017F') {  // Latin Extended-A pairs capitals and small letters
        const bool odd = c % 2 == 1;
        if (c <= U'\u0137') return odd ? LetterCase::Lower : LetterCase::Upper;
        if (c == U'\u0138' || c == U'\u0149' || c == U'\u017F') return LetterCase::Lower;
        if (c <= U'\u0148') return odd ? LetterCase::Upper : LetterCase::Lower;
        if (c <= U'\u0177') return odd ? LetterCase::Lower : LetterCase::Upper;
        if (c == U'\u0178') return LetterCase::Upper;
        return odd ? LetterCase::Upper : LetterCase::Lower;
    }
    if (c == U'\u0386' || (c >= U'\u0388' && c <= U'\u03AB')) return LetterCase::Upper;
    if (c >= U'\u03AC' && c <= U'\u03CE') return LetterCase::Lower;
    if (c >= U'\u0400' && c <= U'\u042F') return LetterCase::Upper;
    if (c >= U'\u0430' && c <= U'\u045F') return LetterCase::Lower;
    return LetterCase::None;
}

bool is_digit(char32_t c) {
    return c >= U'0' && c <= U'9';
}

// Letters, digits and combining marks of any script: everything that is neither white
// space nor in a block of punctuation and symbols.
bool is_word_char(char32_t c) {
    if (c < 0x80) return is_digit(c) || (c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z');
    if (c <= 0xBF) return c == U'\u00AA' || c == U'\u00B5' || c == U'\u00BA';  // ª µ º
    static constexpr std::pair<char32_t, char32_t> kNotWords[] = {
        {0x00D7, 0x00D7}, {0x00F7, 0x00F7}, {0x037E, 0x037E}, {0x0387, 0x0387}, {0x055A, 0x055F},
        {0x0589, 0x058A}, {0x05BE, 0x05BE}, {0x05C0, 0x05C0}, {0x05C3, 0x05C3}, {0x05F3, 0x05F4},
        {0x060C, 0x060D}, {0x061B, 0x061F}, {0x066A, 0x066D}, {0x06D4, 0x06D4}, {0x0964, 0x0965},
        {0x2000, 0x2BFF}, {0x3000, 0x303F}, {0xE000, 0xF8FF}, {0xFE30, 0xFE6F}, {0xFF00, 0xFF0F},
        {0xFF1A, 0xFF20}, {0xFF3B, 0xFF40}, {0xFF5B, 0xFF65}, {0xFFF0, 0xFFFF}, {0x1F000, 0x1FAFF},
    };
    for (const auto& [first, last] : kNotWords) {
        if (c >= first && c <= last) return false;
    }
    return !is_space(c);
}

bool is_letter(char32_t c) {
    return is_word_char(c) && !is_digit(c);
}

// Invisible characters that join the letters around them into one word: soft hyphen,
// zero-width non-joiner and joiner, word joiner. Pasted or planted inside a name
// ("Emma<U+200D>nuel"), they must not cut it.
bool is_invisible_joiner(char32_t c) {
    return c == U'\u00AD' || c == U'\u200C' || c == U'\u200D' || c == U'\u2060';
}

bool is_hyphen(char32_t c) {
    return c == U'-' || c == U'\u2010' || c == U'\u2011';
}

bool is_apostrophe(char32_t c) {
    return c == U'\'' || c == U'\u2019';
}

bool is_opening_quote(char32_t c) {
    return c == U'"' || c == U'\'' || c == U'\u201C' || c == U'\u2018' || c == U'\u00AB' ||
           c == U'\u201E' || c == U'\u201A';
}

bool is_closing_quote_or_bracket(char32_t c) {
    return c == U'"' || c == U'\'' || c == U'\u201D' || c == U'\u2019' || c == U'\u00BB' ||
           c == U')' || c == U']' || c == U'}';
}

bool is_terminator(char32_t c) {
    return c == U'.' || c == U'!' || c == U'?' || c == U'\u2026';
}

char32_t first_code_point(std::string_view text) {
    return decode_utf8(text, 0).value;
}

bool is_word_at(std::string_view text, std::size_t pos) {
    return pos < text.size() && is_word_char(decode_utf8(text, pos).value);
}

// An apostrophe at pos followed by a lone "s": the possessive, or "it's".
bool is_possessive_at(std::string_view text, std::size_t pos) {
    const CodePoint apostrophe = decode_utf8(text, pos);
    const std::size_t s = pos + apostrophe.length;
    return is_apostrophe(apostrophe.value) && s < text.size() &&
           (text[s] == 's' || text[s] == 'S') && !is_word_at(text, s + 1);
}

// The end of a dotted initialism starting at `start` ("U.S.", "e.g.", "J.K."), or 0.
std::size_t initialism_end(std::string_view text, std::size_t start) {
    std::size_t pos = start, letters = 0;
    while (pos < text.size()) {
        const CodePoint letter = decode_utf8(text, pos);
        if (!is_letter(letter.value)) break;
        const std::size_t after = pos + letter.length;
        if (after < text.size() && text[after] == '.') {
            ++letters;
            pos = after + 1;
            continue;
        }
        if (is_word_at(text, after)) return 0;  // a word, as in "A.Smith" or "Mr."
        ++letters;                              // the last letter without its dot: "U.S"
        pos = after;
        break;
    }
    return letters >= 2 ? pos : 0;
}

// The end of the word starting at `start`: word characters, joined by inner hyphens,
// inner apostrophes other than a possessive, and separators between digits ("1,000.5").
std::size_t word_end(std::string_view text, std::size_t start) {
    std::size_t pos = start;
    char32_t previous = 0;
    while (pos < text.size()) {
        const CodePoint cp = decode_utf8(text, pos);
        if (is_word_char(cp.value)) {
            previous = cp.value;
            pos += cp.length;
            continue;
        }
        const std::size_t after = pos + cp.length;
        if (!is_word_at(text, after)) break;
        const bool joins = is_hyphen(cp.value) || is_invisible_joiner(cp.value) ||
                           (is_apostrophe(cp.value) && !is_possessive_at(text, pos)) ||
                           ((cp.value == U'.' || cp.value == U',') && is_digit(previous) &&
                            is_digit(decode_utf8(text, after).value));
        if (!joins) break;
        pos = after;
    }
    return pos;
}

// The surface with typographic quotes, apostrophes and dashes made ASCII.
std::string normalize_token(std::string_view surface) {
    std::string norm;
    for (std::size_t pos = 0; pos < surface.size();) {
        const CodePoint cp = decode_utf8(surface, pos);
        switch (cp.value) {
            case U'\u2018':
            case U'\u2019':
                norm += '\'';
                break;
            case U'\u201C':
            case U'\u201D':
                norm += '"';
                break;
            case U'\u2013':
            case U'\u2014':
                norm += '-';
                break;
            default:
                norm.append(surface.substr(pos, cp.length));
        }
        pos += cp.length;
    }
    return norm;
}

Span trim(std::string_view text, Span span) {
    while (span.begin < span.end) {
        const CodePoint cp = decode_utf8(text, span.begin);
        if (!is_space(cp.value)) break;
        span.begin += cp.length;
    }
    while (span.end > span.begin) {
        std::size_t last = span.end - 1;
        while (last > span.begin && (static_cast<unsigned char>(text[last]) & 0xC0) == 0x80) --last;
        if (!is_space(decode_utf8(text, last).value)) break;
        span.end = last;
    }
    return span;
}

std::string_view text_of(std::string_view text, Span span) {
    return text.substr(span.begin, span.end - span.begin);
}

std::string_view text_of(std::string_view text, const Token& token) {
    return text.substr(token.begin, token.end - token.begin);
}

// Scraped image markup repeats a photo's caption as "alt=" text after it: only the part
// before "alt=" is kept. A line where the text after "alt=" is not a repeat stays whole.
Span without_repeated_caption(std::string_view text, Span line) {
    const std::string_view content = text_of(text, line);
    const std::size_t alt = content.find(" alt=");
    if (alt == std::string_view::npos) return line;
    std::string_view repeat = content.substr(alt + 5);
    if (repeat.starts_with('"')) repeat.remove_prefix(1);
    const std::string_view caption_start = content.substr(0, std::min<std::size_t>(alt, 30));
    if (caption_start.empty() || !repeat.starts_with(caption_start)) return line;
    return trim(text, {line.begin, line.begin + alt});
}

// Whether the line ends in '.', '!', '?' or '…', maybe followed by closing quotes.
bool ends_in_terminal_punctuation(std::string_view line) {
    // Only the end matters: the tail of a long line, from a code point, is tokenized.
    if (constexpr std::size_t kTail = 256; line.size() > kTail) {
        std::size_t start = line.size() - kTail;
        while (start < line.size() && (static_cast<unsigned char>(line[start]) & 0xC0) == 0x80)
            ++start;
        line.remove_prefix(start);
    }
    const std::vector<Token> tokens = tokenize(line);
    for (auto token = tokens.rbegin(); token != tokens.rend(); ++token) {
        const char32_t c = first_code_point(text_of(line, *token));
        if (is_terminator(c)) return true;
        if (!is_closing_quote_or_bracket(c)) return false;
    }
    return false;
}

bool starts_lower_case(std::string_view line) {
    for (std::size_t pos = 0; pos < line.size();) {
        const CodePoint cp = decode_utf8(line, pos);
        if (!is_opening_quote(cp.value) && cp.value != U'(' && cp.value != U'[') {
            return letter_case(cp.value) == LetterCase::Lower;
        }
        pos += cp.length;
    }
    return false;
}

bool is_initialism(std::string_view word) {
    return word.size() > 2 && word.ends_with('.');
}

bool is_single_capital(std::string_view word) {
    const CodePoint cp = decode_utf8(word, 0);
    return cp.length == word.size() && letter_case(cp.value) == LetterCase::Upper;
}

std::string ascii_lower(std::string_view word) {
    std::string lower(word);
    for (char& c : lower) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return lower;
}

class BlockSplitter {
  public:
    BlockSplitter(std::string_view text, const IngestRules& rules) : text_(text), rules_(rules) {}

    // Splits a run of lines no sentence crosses, appending its sentences.
    void split(Span block, bool furniture, std::vector<Sentence>& sentences) const {
        const std::vector<Token> tokens = tokenize(text_of(text_, block), block.begin);
        std::size_t first = 0;
        for (std::size_t i = 0; i < tokens.size(); ++i) {
            if (!is_sentence_end_candidate(tokens[i])) continue;
            // Further terminators and closing quotes stay with the sentence: `ready?!"`.
            std::size_t last = i;
            while (last + 1 < tokens.size() && tokens[last + 1].begin == tokens[last].end) {
                const char32_t c = first_code_point(text_of(text_, tokens[last + 1]));
                if (!is_terminator(c) && !is_closing_quote_or_bracket(c)) break;
                ++last;
            }
            const bool at_block_end = last + 1 == tokens.size();
            if (!at_block_end && tokens[last + 1].begin != tokens[last].end &&
                next_starts_sentence(tokens, first, i, last)) {
                add_sentence(tokens, first, last + 1, furniture, sentences);
                first = last + 1;
            }
            i = last;
        }
        add_sentence(tokens, first, tokens.size(), furniture, sentences);
    }

  private:
    bool is_sentence_end_candidate(const Token& token) const {
        const std::string_view surface = text_of(text_, token);
        return is_terminator(first_code_point(surface)) || is_initialism(surface);
    }

    // Whether the token after tokens[last] starts a new sentence, given the terminator at
    // tokens[end_at]; first is where the current sentence started.
    bool next_starts_sentence(const std::vector<Token>& tokens, std::size_t first,
                              std::size_t end_at, std::size_t last) const {
        const std::string_view next = text_of(text_, tokens[last + 1]);
        if (after_abbreviation(tokens, first, end_at, last)) {
            return std::find(std::begin(kSentenceStarters), std::end(kSentenceStarters), next) !=
                   std::end(kSentenceStarters);
        }
        const char32_t c = first_code_point(next);
        return letter_case(c) == LetterCase::Upper || is_digit(c) || is_opening_quote(c) ||
               c == U'(' || c == U'[';
    }

    // Whether the sentence-ending candidate is the dot of an abbreviation, an initial or an
    // initialism, alone (no "?" or "..." after it).
    bool after_abbreviation(const std::vector<Token>& tokens, std::size_t first, std::size_t end_at,
                            std::size_t last) const {
        for (std::size_t i = end_at + 1; i <= last; ++i) {
            if (is_terminator(first_code_point(text_of(text_, tokens[i])))) return false;
        }
        const std::string_view surface = text_of(text_, tokens[end_at]);
        if (is_initialism(surface)) return true;
        if (surface != "." || end_at == first || tokens[end_at - 1].end != tokens[end_at].begin) {
            return false;
        }
        const std::string_view word = text_of(text_, tokens[end_at - 1]);
        const std::string lower = ascii_lower(word);
        return is_single_capital(word) ||
               std::find(rules_.abbreviations.begin(), rules_.abbreviations.end(), lower) !=
                   rules_.abbreviations.end();
    }

    // Tokens [first, end) as a sentence, or as chunks of max_sentence_tokens when longer.
    void add_sentence(const std::vector<Token>& tokens, std::size_t first, std::size_t end,
                      bool furniture, std::vector<Sentence>& sentences) const {
        const std::size_t most = std::max<std::size_t>(rules_.max_sentence_tokens, 1);
        for (; end - first > most; first += most)
            add_chunk(tokens, first, first + most, furniture, sentences);
        add_chunk(tokens, first, end, furniture, sentences);
    }

    // Tokens [first, end) as a sentence, flagged when it is furniture (or in a furniture
    // line); none when it has no word at all (a stray "[…]" or "•").
    void add_chunk(const std::vector<Token>& tokens, std::size_t first, std::size_t end,
                   bool furniture, std::vector<Sentence>& sentences) const {
        if (first == end) return;
        const std::span<const Token> sentence_tokens =
            std::span(tokens).subspan(first, end - first);
        const bool has_word = std::any_of(
            sentence_tokens.begin(), sentence_tokens.end(),
            [&](const Token& t) { return is_word_char(first_code_point(text_of(text_, t))); });
        const Span span{sentence_tokens.front().begin, sentence_tokens.back().end};
        if (!has_word) return;
        sentences.push_back({span.begin,
                             span.end,
                             {sentence_tokens.begin(), sentence_tokens.end()},
                             furniture || is_furniture(text_of(text_, span), rules_)});
    }

    std::string_view text_;
    const IngestRules& rules_;
};

bool is_continuation_byte(char c) {
    return (static_cast<unsigned char>(c) & 0xC0) == 0x80;
}

// Where to end a piece of a long block that starts at `begin`, at most at `limit`: at white
// space; else between two characters no token joins (neither a word character, the second
// not an apostrophe, which can start a possessive); else at any code point.
std::size_t piece_end(std::string_view text, std::size_t begin, std::size_t limit) {
    const std::size_t floor = begin + (limit - begin) / 2;
    for (std::size_t pos = limit; pos > floor; --pos) {
        if (text[pos] == ' ' || text[pos] == '\n' || text[pos] == '\t') return pos;
    }
    // The fallback is the start of the code point at the limit, even below the floor: with a
    // small limit, one code point can span the floor (then begin, which takes it whole).
    std::size_t pos = limit;
    while (pos > begin && is_continuation_byte(text[pos])) --pos;
    const std::size_t fallback = pos;
    for (std::size_t previous = pos; pos > floor; pos = previous) {
        do --previous;
        while (previous > floor && is_continuation_byte(text[previous]));
        const char32_t before = decode_utf8(text, previous).value;
        const char32_t after = decode_utf8(text, pos).value;
        if (!is_word_char(before) && !is_word_char(after) && !is_apostrophe(after)) return pos;
    }
    return fallback;
}

// A block in pieces of at most `most` bytes (or one code point), segmented one by one.
std::vector<Span> pieces_of(std::string_view text, Span block, std::size_t most) {
    std::vector<Span> pieces;
    while (block.end - block.begin > most) {
        std::size_t end = piece_end(text, block.begin, block.begin + most);
        if (end <= block.begin) end = block.begin + decode_utf8(text, block.begin).length;
        pieces.push_back({block.begin, end});
        block.begin = end;
    }
    pieces.push_back(block);
    return pieces;
}

std::vector<std::string> read_entries(const std::string& path) {
    std::ifstream file(path);
    if (!file) throw std::runtime_error("cannot read " + path);
    std::vector<std::string> entries;
    std::string line;
    while (std::getline(file, line)) {
        const Span span = trim(line, {0, line.size()});
        const std::string_view entry = text_of(line, span);
        if (!entry.empty() && !entry.starts_with('#')) entries.emplace_back(entry);
    }
    return entries;
}

std::regex compile_furniture(const std::string& pattern, const std::string& path) {
    try {
        return std::regex(pattern, std::regex::ECMAScript | std::regex::icase);
    } catch (const std::regex_error& error) {
        throw std::runtime_error(path + ": invalid regular expression \"" + pattern +
                                 "\": " + error.what());
    }
}

}  // namespace

IngestRules load_ingest_rules(const std::string& data_dir) {
    IngestRules rules;
    for (std::string& abbreviation : read_entries(data_dir + "/abbreviations.txt")) {
        if (abbreviation.ends_with('.')) abbreviation.pop_back();
        rules.abbreviations.push_back(ascii_lower(abbreviation));
    }
    const std::string furniture_path = data_dir + "/furniture.txt";
    const std::vector<std::string> patterns = read_entries(furniture_path);
    for (const std::string& pattern : patterns) {
        rules.furniture.push_back(compile_furniture(pattern, furniture_path));
    }
    rules.furniture_filter = std::make_shared<const FurnitureFilter>(patterns);
    return rules;
}

bool is_furniture(std::string_view text, const IngestRules& rules) {
    if (text.size() > kLongestFurniture) return false;
    auto matches = [&](const std::regex& pattern) {
        return std::regex_match(text.begin(), text.end(), pattern);
    };
    if (!rules.furniture_filter)
        return std::any_of(rules.furniture.begin(), rules.furniture.end(), matches);
    for (const std::size_t i : rules.furniture_filter->candidates(text))
        if (i < rules.furniture.size() && matches(rules.furniture[i])) return true;
    return false;
}

std::vector<Token> tokenize(std::string_view text, std::size_t offset) {
    std::vector<Token> tokens;
    bool after_word = false;
    for (std::size_t pos = 0; pos < text.size();) {
        const CodePoint cp = decode_utf8(text, pos);
        if (is_space(cp.value)) {
            pos += cp.length;
            after_word = false;
            continue;
        }
        std::size_t end = pos + cp.length;
        const bool word = is_word_char(cp.value);
        if (word) {
            end = initialism_end(text, pos);
            if (end == 0) end = word_end(text, pos);
        } else if (after_word && is_possessive_at(text, pos)) {
            end = pos + cp.length + 1;
        }
        tokens.push_back(
            {offset + pos, offset + end, normalize_token(text.substr(pos, end - pos))});
        after_word = word;
        pos = end;
    }
    return tokens;
}

std::vector<Sentence> segment(const Document& doc, const IngestRules& rules) {
    const std::string_view text = doc.text;
    std::vector<std::pair<Span, bool>> blocks;  // runs of lines no sentence crosses, furniture?
    std::optional<Span> block;
    Span previous_line;
    for (std::size_t line_begin = 0; line_begin <= text.size();) {
        std::size_t line_end = text.find('\n', line_begin);
        if (line_end == std::string_view::npos) line_end = text.size();
        Span line = trim(text, {line_begin, line_end});
        line_begin = line_end + 1;
        if (line.empty() || is_furniture(text_of(text, line), rules)) {
            if (block) blocks.emplace_back(*block, false);
            block.reset();
            if (!line.empty()) blocks.emplace_back(without_repeated_caption(text, line), true);
            continue;
        }
        line = without_repeated_caption(text, line);
        const bool hard_wrapped = !ends_in_terminal_punctuation(text_of(text, previous_line)) &&
                                  starts_lower_case(text_of(text, line));
        if (block && hard_wrapped) {
            block->end = line.end;
        } else {
            if (block) blocks.emplace_back(*block, false);
            block = line;
        }
        previous_line = line;
    }
    if (block) blocks.emplace_back(*block, false);

    std::vector<Sentence> sentences;
    const BlockSplitter splitter(text, rules);
    for (const auto& [span, furniture] : blocks) {
        for (const Span piece : pieces_of(text, span, rules.max_block_bytes))
            splitter.split(piece, furniture, sentences);
    }
    return sentences;
}

}  // namespace newsgraph
