#include "src/nlp/words.hpp"

#include <algorithm>
#include <iterator>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "src/ingest/segmenter.hpp"
#include "src/ingest/text_repair.hpp"

namespace newsgraph::nlp {
namespace {

// Prefixes EWT keeps joined to the rest of a hyphenated word ("e-mail", "non-human",
// "mid-July"); every other hyphen is a word of its own ("so - called", "well - known").
constexpr std::string_view kHyphenPrefixes[] = {
    "anti",  "arch",  "bi",    "co",    "counter", "cross", "de",    "e",      "ex",
    "extra", "hyper", "inter", "intra", "macro",   "micro", "mid",   "mini",   "mis",
    "multi", "neo",   "non",   "over",  "post",    "pre",   "pro",   "pseudo", "re",
    "semi",  "socio", "sub",   "super", "trans",   "tri",   "ultra", "un"};

// Verbs that take "n't", for the forms written without the apostrophe ("dont" = do + nt).
constexpr std::string_view kNtStems[] = {"ai",   "are",    "ca",  "could", "did", "do",
                                         "does", "had",    "has", "have",  "is",  "must",
                                         "need", "should", "was", "were",  "wo",  "would"};

// Words EWT splits although no apostrophe marks it: (word, length of the first part).
constexpr std::pair<std::string_view, std::size_t> kFusedWords[] = {
    {"cannot", 3}, {"gonna", 3}, {"gotta", 3}, {"outta", 3}, {"thats", 4}, {"wanna", 3}};
// The same, only in lower case: capitalised, they are names ("Jony Ive", "Im Jong-seok").
constexpr std::pair<std::string_view, std::size_t> kLowerCaseFusedWords[] = {{"im", 1}, {"ive", 1}};

// What stays glued to a number: ordinals ("17th") and decades ("1990s"). Other letters are
// a unit, a word of its own ("5pm" = "5" + "pm", "1.5bn" = "1.5" + "bn"), except a single
// letter, which is mostly a name ("3D", "G8"), unless it is one of these units.
constexpr std::string_view kNumberSuffixes[] = {"st", "nd", "rd", "th", "s"};
constexpr std::string_view kOneLetterUnits[] = {"m", "k", "b", "p", "g", "M", "K", "B"};

constexpr std::string_view kEmoticons[] = {":)", ":(", ":-)", ":-(", ";)", ";-)"};

// One word in the making: a token of ingest, a part of one, or tokens joined.
struct Piece {
    std::size_t begin = 0, end = 0;  // bytes of the document's text
    std::string form{};
    bool word = false;        // starts with a letter or digit
    bool whole_token = true;  // exactly one ingest token
    bool atomic = false;      // a URL or an e-mail address: nothing joins it or splits it
    bool initialism = false;  // "U.S.", whose dot leaves it at the end of a sentence
    bool with_next = false;   // one multiword token with the next piece: "do" of "don't"
};

bool is_ascii_letter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool is_ascii_digit(char c) {
    return c >= '0' && c <= '9';
}
bool is_upper(char c) {
    return c >= 'A' && c <= 'Z';
}
bool is_lower(char c) {
    return c >= 'a' && c <= 'z';
}
bool all_of(std::string_view s, bool (*test)(char)) {
    return !s.empty() && std::all_of(s.begin(), s.end(), test);
}

bool starts_with_ci(std::string_view s, std::string_view prefix) {
    return s.size() >= prefix.size() &&
           std::equal(prefix.begin(), prefix.end(), s.begin(), [](char p, char c) {
               return p == (is_upper(c) ? static_cast<char>(c - 'A' + 'a') : c);
           });
}

template <std::size_t N>
bool contains(const std::string_view (&list)[N], std::string_view s) {
    return std::find(std::begin(list), std::end(list), s) != std::end(list);
}

// Whether the code point starts a word, as ingest's tokenizer decides it: letters and digits
// of any script, not the punctuation and symbols blocks.
bool starts_word(std::string_view s) {
    if (s.empty()) return false;
    const char32_t c = decode_utf8(s, 0).value;
    if (c < 0x80)
        return is_ascii_letter(static_cast<char>(c)) || is_ascii_digit(static_cast<char>(c));
    if (c <= 0xBF) return c == 0xAA || c == 0xB5 || c == 0xBA;
    return c != 0xD7 && c != 0xF7 && !(c >= 0x2000 && c <= 0x2BFF) &&
           !(c >= 0x3000 && c <= 0x303F) && !(c >= 0xFE30 && c <= 0xFE6F) &&
           !(c >= 0xFF00 && c <= 0xFF0F) && !(c >= 0x1F000 && c <= 0x1FAFF);
}

// The length in bytes of the apostrophe (' or ’) at pos, or 0.
std::size_t apostrophe_at(std::string_view s, std::size_t pos) {
    if (s[pos] == '\'') return 1;
    return s.substr(pos, 3) == "\u2019" ? 3 : 0;
}

// The length in bytes of the hyphen (-, U+2010 or U+2011, as ingest joins words) at pos, or 0.
std::size_t hyphen_at(std::string_view s, std::size_t pos) {
    if (s[pos] == '-') return 1;
    return s.substr(pos, 3) == "\u2010" || s.substr(pos, 3) == "\u2011" ? 3 : 0;
}

// Punctuation after which an emoticon still stands alone: "great :).", "ok :), then".
bool ends_clause(std::string_view form) {
    return form == "." || form == "!" || form == "?" || form == ",";
}

bool is_closing(std::string_view form) {
    return form == "\"" || form == "'" || form == ")" || form == "]" || form == "}" ||
           form == "\u00BB";
}

class Splitter {
  public:
    Splitter(std::string_view text, const IngestRules* rules) : text_(text), rules_(rules) {}

    std::vector<Piece> split(const std::vector<Token>& tokens) {
        const std::vector<std::pair<std::size_t, std::size_t>> atomic = atomic_spans(tokens);
        auto next_atomic = atomic.begin();
        for (std::size_t i = 0; i < tokens.size(); ++i) {
            if (next_atomic != atomic.end() && next_atomic->first == i) {
                const std::size_t last = next_atomic->second - 1;
                Piece piece{.begin = tokens[i].begin,
                            .end = tokens[last].end,
                            .word = true,
                            .atomic = true};
                piece.form = surface(piece.begin, piece.end);
                pieces_.push_back(std::move(piece));
                i = last;
                ++next_atomic;
                continue;
            }
            const Token* next = i + 1 < tokens.size() ? &tokens[i + 1] : nullptr;
            add_token(tokens[i], next);
        }
        join_separated();
        join_punctuation();
        join_abbreviations();
        split_final_initialism();
        return std::move(pieces_);
    }

  private:
    std::string_view surface(std::size_t begin, std::size_t end) const {
        return text_.substr(begin, end - begin);
    }
    std::string_view surface(const Token& token) const { return surface(token.begin, token.end); }
    bool adjacent(const Piece& a, const Piece& b) const { return a.end == b.begin; }

    // The normalised form of the bytes [begin, end) of a token: ingest's normalisation maps
    // each code point to one code point, so the two are walked in step.
    std::string norm_of(const Token& token, std::size_t begin, std::size_t end) const {
        const std::string& norm = token.norm;
        if (norm.size() == token.end - token.begin) {
            return norm.substr(begin - token.begin, end - begin);
        }
        std::size_t pos = token.begin, at = 0, from = 0;
        while (pos < end) {
            if (pos == begin) from = at;
            if (at >= norm.size()) return std::string(surface(begin, end));
            pos += decode_utf8(text_, pos).length;
            at += decode_utf8(norm, at).length;
        }
        if (pos != end) return std::string(surface(begin, end));
        return norm.substr(from, at - from);
    }

    // URLs and e-mail addresses, as [first, last) token ranges: ingest cuts them at every
    // dot and slash, EWT keeps them one word.
    std::vector<std::pair<std::size_t, std::size_t>> atomic_spans(
        const std::vector<Token>& tokens) const {
        std::vector<std::pair<std::size_t, std::size_t>> spans;
        std::size_t chunk_begin = 0;
        for (std::size_t i = 0; i < tokens.size(); ++i) {
            if (i > 0 && tokens[i - 1].end != tokens[i].begin) chunk_begin = i;
            if (!spans.empty() && i < spans.back().second) continue;
            auto chunk_end = [&] {
                std::size_t end = i + 1;
                while (end < tokens.size() && tokens[end - 1].end == tokens[end].begin) ++end;
                return end;
            };
            const std::string_view rest = text_.substr(tokens[i].begin);
            const bool url_start = starts_with_ci(rest, "http://") ||
                                   starts_with_ci(rest, "https://") ||
                                   starts_with_ci(rest, "ftp://") || starts_with_ci(rest, "www.") ||
                                   starts_with_ci(rest, "mailto:");
            if (url_start && (i == chunk_begin || !starts_word(surface(tokens[i - 1])))) {
                std::size_t last = chunk_end();  // trailing punctuation is the sentence's
                while (last > i + 1 && tokens[last - 1].norm.size() == 1 &&
                       std::string_view(".,;:!?)]\"'").find(tokens[last - 1].norm[0]) !=
                           std::string_view::npos)
                    --last;
                if (last > i + 1) spans.emplace_back(i, last);
                continue;
            }
            if (tokens[i].norm != "@" || i == chunk_begin || i + 1 == tokens.size() ||
                tokens[i].end != tokens[i + 1].begin)
                continue;
            // The name before "@" may have dots, underscores, and "..." where a web archive
            // hid part of it ("franz371...@gmail.com").
            auto in_name = [&](const Token& t) {
                return starts_word(surface(t)) || t.norm == "." || t.norm == "_";
            };
            if (in_name(tokens[i - 1]) && starts_word(surface(tokens[i + 1]))) {
                std::size_t first = i - 1;
                while (first > chunk_begin && in_name(tokens[first - 1])) --first;
                while (first < i && !starts_word(surface(tokens[first]))) ++first;
                if (first == i || (!spans.empty() && first < spans.back().second)) continue;
                std::size_t last = i + 2;
                const std::size_t end = chunk_end();
                while (last + 1 < end && tokens[last].norm == "." &&
                       starts_word(surface(tokens[last + 1])))
                    last += 2;
                spans.emplace_back(first, last);
            }
        }
        return spans;
    }

    void add_token(const Token& token, const Token* next) {
        const std::string_view text = surface(token);
        if (starts_word(text)) {
            add_word_token(token);
            return;
        }
        Piece piece{.begin = token.begin, .end = token.end, .form = token.norm};
        const bool after_word = !pieces_.empty() && pieces_.back().end == token.begin &&
                                pieces_.back().word && !pieces_.back().atomic;
        const bool next_is_word =
            next != nullptr && next->begin == token.end && starts_word(surface(*next));
        if ((token.norm == "'s" || token.norm == "'S") && after_word) {  // possessive, "it's"
            Piece& before = pieces_.back();
            // A decade's plural is one word ("the 1990's", "70's"); "2004's" is a possessive.
            if (all_of(before.form, is_ascii_digit) && before.form.ends_with('0')) {
                before.form += piece.form;
                before.end = piece.end;
                before.whole_token = false;
                return;
            }
            before.with_next = true;
        } else if (token.norm == "'") {
            const bool opening = text != "\u2019" && !after_word && next_is_word;
            const bool possessive =
                after_word && !next_is_word && !single_quote_open_ && text != "\u2018" &&
                (pieces_.back().form.ends_with('s') || pieces_.back().form.ends_with('S'));
            if (possessive) {
                pieces_.back().with_next = true;
            } else if (opening && is_decade(*next)) {  // "'90s", "'07": one word
                pending_decade_ = true;
            } else if (opening) {
                single_quote_open_ = true;
            } else {
                single_quote_open_ = false;
            }
        }
        pieces_.push_back(std::move(piece));
    }

    bool is_decade(const Token& token) const {
        const std::string_view text = surface(token);
        const std::string_view digits =
            text.ends_with('s') ? text.substr(0, text.size() - 1) : text;
        return digits.size() == 2 && all_of(digits, is_ascii_digit);
    }

    void add_word_token(const Token& token) {
        const std::string_view text = surface(token);
        std::size_t cut = clitic_start(text);
        if (cut == std::string_view::npos) cut = text.size();
        const std::size_t first_piece = pieces_.size();
        add_hyphenated(token, token.begin, token.begin + cut);
        if (cut < text.size()) {
            pieces_.back().with_next = true;
            pieces_.push_back({.begin = token.begin + cut,
                               .end = token.end,
                               .form = norm_of(token, token.begin + cut, token.end),
                               .word = true,
                               .whole_token = false});
        }
        const bool whole = pieces_.size() == first_piece + 1;
        pieces_[first_piece].whole_token = whole;
        pieces_[first_piece].initialism = whole && text.size() > 2 && text.ends_with('.');
        if (pending_decade_) {  // joined to the apostrophe before it
            pending_decade_ = false;
            Piece& word = pieces_[first_piece];
            const Piece& apostrophe = pieces_[first_piece - 1];
            word.begin = apostrophe.begin;
            word.form = apostrophe.form + word.form;
            word.whole_token = false;
            pieces_.erase(pieces_.begin() + static_cast<std::ptrdiff_t>(first_piece) - 1);
        }
    }

    // Where a clitic starts in a word ("do|n't", "I|'m", "can|not"), or npos.
    static std::size_t clitic_start(std::string_view word) {
        std::size_t apostrophe = std::string_view::npos, length = 0;
        for (std::size_t pos = 0; pos < word.size(); ++pos) {
            if (const std::size_t n = apostrophe_at(word, pos); n > 0) {
                apostrophe = pos;
                length = n;
            }
        }
        if (apostrophe != std::string_view::npos && apostrophe > 0) {
            const std::string suffix = lower_ascii(word.substr(apostrophe + length));
            const char before = word[apostrophe - 1];
            if (suffix == "t" && apostrophe >= 2 && (before == 'n' || before == 'N')) {
                return apostrophe - 1;
            }
            if ((suffix == "s" || suffix == "m" || suffix == "re" || suffix == "ve" ||
                 suffix == "ll" || suffix == "d") &&
                (is_ascii_letter(before) || static_cast<unsigned char>(before) >= 0x80)) {
                return apostrophe;
            }
            return std::string_view::npos;
        }
        const std::string lower = lower_ascii(word);
        for (const auto& [fused, first] : kFusedWords) {
            if (lower == fused) return first;
        }
        for (const auto& [fused, first] : kLowerCaseFusedWords) {
            if (word == fused) return first;
        }
        if (lower.size() > 3 && lower.ends_with("nt") &&
            contains(kNtStems, std::string_view(lower).substr(0, lower.size() - 2))) {
            return lower.size() - 2;
        }
        return std::string_view::npos;
    }

    // The bytes [begin, end) of a token, split at its hyphens as EWT splits them.
    void add_hyphenated(const Token& token, std::size_t begin, std::size_t end) {
        const std::string_view word = surface(begin, end);
        bool hyphenated = false;
        for (std::size_t pos = 1; pos < word.size() && !hyphenated; ++pos)
            hyphenated = hyphen_at(word, pos) > 0;
        if (!hyphenated) {
            add_number_and_unit(token, begin, end);  // most words: no hyphen, no allocation
            return;
        }
        std::vector<std::pair<std::size_t, std::size_t>> parts;  // relative to begin
        std::vector<std::size_t> hyphen_lengths;
        std::size_t start = 0;
        for (std::size_t pos = 0; pos < word.size(); ++pos) {
            const std::size_t n = pos > start ? hyphen_at(word, pos) : 0;
            if (n > 0 && pos + n < word.size()) {
                parts.emplace_back(start, pos);
                hyphen_lengths.push_back(n);
                start = pos + n;
                pos = start - 1;
            }
        }
        parts.emplace_back(start, word.size());

        bool keep_whole = parts.size() == 1;
        if (!keep_whole && std::all_of(parts.begin(), parts.end(), [&](const auto& p) {
                return all_of(word.substr(p.first, p.second - p.first), is_ascii_digit);
            })) {
            // Phone numbers, dates and codes stay whole; ranges ("1-2", "1969-1970") split.
            const std::size_t a = parts[0].second - parts[0].first;
            const std::size_t b = parts[1].second - parts[1].first;
            keep_whole = parts.size() > 2 || a > 4 || b > 4 || (a <= 3 && b == 4);
        }
        if (keep_whole) {
            add_number_and_unit(token, begin, end);
            return;
        }
        std::size_t from = 0;
        for (std::size_t i = 0; i < parts.size(); ++i) {
            const bool last = i + 1 == parts.size();
            if (!last && i == 0 &&
                contains(kHyphenPrefixes, lower_ascii(word.substr(
                                              parts[0].first, parts[0].second - parts[0].first)))) {
                continue;  // the prefix stays with the next part
            }
            add_number_and_unit(token, begin + from, begin + parts[i].second);
            if (!last) {
                const std::size_t hyphen = begin + parts[i].second;
                pieces_.push_back({.begin = hyphen,
                                   .end = hyphen + hyphen_lengths[i],
                                   .form = "-",
                                   .whole_token = false});
                from = parts[i + 1].first;
            }
        }
    }

    // A word, with a unit glued to a number ("5pm", "1.5bn") made a word of its own.
    void add_number_and_unit(const Token& token, std::size_t begin, std::size_t end) {
        const std::string_view word = surface(begin, end);
        std::size_t digits = 0;
        while (digits < word.size() &&
               (is_ascii_digit(word[digits]) ||
                (digits > 0 && (word[digits] == '.' || word[digits] == ',') &&
                 digits + 1 < word.size() && is_ascii_digit(word[digits + 1]))))
            ++digits;
        const std::string_view unit = word.substr(digits);
        if (digits > 0 && all_of(unit, is_ascii_letter) &&
            (unit.size() == 1 ? contains(kOneLetterUnits, unit)
                              : !contains(kNumberSuffixes, lower_ascii(unit)))) {
            pieces_.push_back({.begin = begin,
                               .end = begin + digits,
                               .form = norm_of(token, begin, begin + digits),
                               .word = true});
            pieces_.push_back({.begin = begin + digits,
                               .end = end,
                               .form = norm_of(token, begin + digits, end),
                               .word = true});
            return;
        }
        pieces_.push_back(
            {.begin = begin, .end = end, .form = norm_of(token, begin, end), .word = true});
    }

    // Words joined by a character with no space around it: times ("3:30"), dates ("9/11"),
    // "b/c", "AT&T", file and domain names ("Amazon.com"), "snake_case".
    void join_separated() {
        std::size_t kept = 0;  // pieces_[0, kept) are done; the rest are still to read
        for (std::size_t i = 0; i < pieces_.size(); ++i) {
            if (kept > 0 && i + 1 < pieces_.size() &&
                joins(pieces_[kept - 1], pieces_[i], pieces_[i + 1])) {
                Piece& left = pieces_[kept - 1];
                const Piece& right = pieces_[i + 1];
                left.form += pieces_[i].form + right.form;
                left.end = right.end;
                left.with_next = right.with_next;
                left.whole_token = false;
                left.initialism = false;
                ++i;
                continue;
            }
            const bool hashtag = pieces_[i].form == "#" && i + 1 < pieces_.size() &&
                                 (kept == 0 || !adjacent(pieces_[kept - 1], pieces_[i])) &&
                                 adjacent(pieces_[i], pieces_[i + 1]) &&
                                 is_ascii_letter(pieces_[i + 1].form.front());
            keep(kept, i);
            if (hashtag) {  // "#audiobooks" is a word, "#1" is "#" + "1"
                Piece& tag = pieces_[kept - 1];
                tag.form += pieces_[i + 1].form;
                tag.end = pieces_[i + 1].end;
                tag.word = true;
                tag.whole_token = false;
                tag.with_next = pieces_[i + 1].with_next;
                ++i;
            }
        }
        pieces_.resize(kept);
    }

    // Moves pieces_[i] to the end of the pieces kept so far, in place: the passes below only
    // ever join pieces, so nothing is allocated.
    void keep(std::size_t& kept, std::size_t i) {
        if (kept != i) pieces_[kept] = std::move(pieces_[i]);
        ++kept;
    }

    bool joins(const Piece& left, const Piece& separator, const Piece& right) const {
        if (!adjacent(left, separator) || !adjacent(separator, right) || !left.word ||
            !right.word || left.atomic || right.atomic || left.with_next || separator.with_next ||
            separator.form.size() != 1 || left.initialism || right.initialism)
            return false;
        const char last = left.form.back(), first = right.form.front();
        switch (separator.form[0]) {
            case ':':
                return is_ascii_digit(last) && all_of(right.form, is_ascii_digit);
            case '/':
                return (is_ascii_digit(last) && is_ascii_digit(first)) ||
                       (left.form.size() == 1 && right.form.size() == 1);
            case '&':
                return all_of(left.form, is_upper) && all_of(right.form, is_upper);
            case '_':
                return true;
            case '.':
                return (is_ascii_letter(last) || is_ascii_digit(last)) &&
                       (is_lower(first) || is_ascii_digit(first) ||
                        (all_of(left.form,
                                [](char c) { return is_upper(c) || is_ascii_digit(c); }) &&
                         all_of(right.form, is_upper)));
            default:
                return false;
        }
    }

    // Runs of punctuation EWT writes as one word: "...", "?!", "--", "**", and ":)".
    void join_punctuation() {
        std::size_t kept = 0;
        for (std::size_t i = 0; i < pieces_.size(); ++i) {
            const Piece* before = kept > 0 ? &pieces_[kept - 1] : nullptr;
            if (const std::size_t n = emoticon_length(before, i); n > 0) {
                keep(kept, i);
                Piece& joined = pieces_[kept - 1];
                for (std::size_t k = 1; k < n; ++k) joined.form += pieces_[i + k].form;
                joined.end = pieces_[i + n - 1].end;
                joined.whole_token = false;
                i += n - 1;
                continue;
            }
            if (before != nullptr && run_continues(*before, pieces_[i])) {
                Piece& run = pieces_[kept - 1];
                run.form += pieces_[i].form;
                run.end = pieces_[i].end;
                run.whole_token = false;
                continue;
            }
            keep(kept, i);
        }
        pieces_.resize(kept);
    }

    bool run_continues(const Piece& run, const Piece& next) const {
        if (!adjacent(run, next) || run.word || next.word || run.atomic || run.with_next ||
            next.form.size() != 1)
            return false;
        const char c = next.form[0];
        auto terminal = [](char t) { return t == '.' || t == '!' || t == '?'; };
        if (terminal(c)) return std::all_of(run.form.begin(), run.form.end(), terminal);
        // Rules and banners ("----==", "***"), "$$$", "<<", "//" and '' ; not commas or brackets.
        constexpr std::string_view kRuleChars = "-=*_~#+$";
        if (kRuleChars.find(c) != std::string_view::npos)
            return run.form.find_first_not_of(kRuleChars) == std::string::npos;
        return std::string_view("<>/\\'").find(c) != std::string_view::npos &&
               run.form.find_first_not_of(c) == std::string::npos;
    }

    // How many pieces from i make an emoticon standing alone, or 0; `before` is the piece
    // before them.
    std::size_t emoticon_length(const Piece* before, std::size_t i) const {
        const bool alone_before =
            before == nullptr || !adjacent(*before, pieces_[i]) || before->word;
        if (!alone_before || pieces_[i].word) return 0;
        std::string form = pieces_[i].form;
        for (std::size_t n = 2; n <= 3 && i + n <= pieces_.size(); ++n) {
            const Piece& last = pieces_[i + n - 1];
            if (!adjacent(pieces_[i + n - 2], last) || last.word) return 0;
            form += last.form;
            const bool alone_after = i + n == pieces_.size() || !adjacent(last, pieces_[i + n]) ||
                                     ends_clause(pieces_[i + n].form);
            if (alone_after && contains(kEmoticons, form)) return n;
        }
        return 0;
    }

    // "Mr" + "." is "Mr.", and "W" + "." is "W.", unless the dot ends the sentence.
    void join_abbreviations() {
        std::size_t last_content = pieces_.size();
        while (last_content > 0 && is_closing(pieces_[last_content - 1].form)) --last_content;
        std::size_t kept = 0;
        for (std::size_t i = 0; i < pieces_.size(); ++i) {
            const Piece& piece = pieces_[i];
            if (piece.form == "." && i + 1 < last_content && kept > 0 &&
                is_abbreviation(pieces_[kept - 1]) && adjacent(pieces_[kept - 1], piece)) {
                pieces_[kept - 1].form += '.';
                pieces_[kept - 1].end = piece.end;
                continue;
            }
            keep(kept, i);
        }
        pieces_.resize(kept);
    }

    bool is_abbreviation(const Piece& piece) const {
        if (!piece.word || !piece.whole_token || piece.with_next || piece.atomic) return false;
        if (piece.form.size() == 1 && is_upper(piece.form[0])) return true;
        if (rules_ == nullptr) return false;
        const std::string lower = lower_ascii(piece.form);
        return std::find(rules_->abbreviations.begin(), rules_->abbreviations.end(), lower) !=
               rules_->abbreviations.end();
    }

    // "in the U.S." at the end of a sentence: "U.S" and ".", as EWT writes it.
    void split_final_initialism() {
        std::size_t last = pieces_.size();
        while (last > 0 && is_closing(pieces_[last - 1].form)) --last;
        if (last == 0) return;
        Piece& piece = pieces_[last - 1];
        if (!piece.initialism || piece.with_next) return;
        Piece dot{.begin = piece.end - 1, .end = piece.end, .form = "."};
        piece.end -= 1;
        piece.form.pop_back();
        piece.initialism = false;
        pieces_.insert(pieces_.begin() + static_cast<std::ptrdiff_t>(last), std::move(dot));
    }

    std::string_view text_;
    const IngestRules* rules_;
    std::vector<Piece> pieces_;
    bool single_quote_open_ = false;  // a ' opened a quotation: the next lone ' closes it
    bool pending_decade_ = false;     // the last piece is the ' of "'90s"
};

}  // namespace

ParsedSentence to_words(const Document& doc, const Sentence& sentence, const IngestRules* rules) {
    const std::string_view text = doc.text;
    ParsedSentence out;
    out.text = text.substr(sentence.begin, sentence.end - sentence.begin);
    std::vector<Piece> pieces = Splitter(text, rules).split(sentence.tokens);
    out.words.reserve(pieces.size());
    for (std::size_t i = 0; i < pieces.size(); ++i) {
        Piece& piece = pieces[i];
        Word& word = out.words.emplace_back();
        word.form = std::move(piece.form);
        word.begin = piece.begin;
        word.end = piece.end;
        word.space_after = piece.end >= text.size() || is_space(decode_utf8(text, piece.end).value);
        const bool starts_token = i == 0 || !pieces[i - 1].with_next;
        if (piece.with_next && starts_token && i + 1 < pieces.size()) {
            MultiwordToken& token = out.multiwords.emplace_back();
            token.first = static_cast<int>(i) + 1;
            token.last = token.first + 1;
        } else if (!starts_token) {
            out.multiwords.back().last = static_cast<int>(i) + 1;
        }
    }
    for (MultiwordToken& token : out.multiwords) {
        for (int id = token.first; id <= token.last; ++id)
            token.form += out.words[static_cast<std::size_t>(id - 1)].form;
    }
    return out;
}

}  // namespace newsgraph::nlp
