#include "src/ingest/furniture_filter.hpp"

#include <algorithm>
#include <limits>
#include <stdexcept>

namespace newsgraph {
namespace {

// Repetition bounds above this are widened to unbounded: "{0,150}" would be 150 copies.
constexpr std::size_t kMaxCopies = 16;
constexpr std::size_t kUnbounded = std::numeric_limits<std::size_t>::max();

struct Unreadable : std::runtime_error {
    Unreadable() : std::runtime_error("unreadable pattern") {}
};

// The positions a match of a part may start and end with, and whether it may be empty.
struct Fragment {
    bool nullable = true;
    std::vector<std::uint32_t> first, last;
};

void append(std::vector<std::uint32_t>& to, const std::vector<std::uint32_t>& from) {
    to.insert(to.end(), from.begin(), from.end());
}

std::bitset<256> fold_case(std::bitset<256> bytes) {
    for (int c = 'a'; c <= 'z'; ++c) {
        const int upper = c - 'a' + 'A';
        if (bytes[static_cast<std::size_t>(c)] || bytes[static_cast<std::size_t>(upper)]) {
            bytes.set(static_cast<std::size_t>(c));
            bytes.set(static_cast<std::size_t>(upper));
        }
    }
    return bytes;
}

std::bitset<256> byte_range(int from, int to) {
    std::bitset<256> bytes;
    for (int c = from; c <= to; ++c) bytes.set(static_cast<std::size_t>(c));
    return bytes;
}

std::bitset<256> digits() {
    return byte_range('0', '9');
}
std::bitset<256> word_bytes() {
    return byte_range('0', '9') | byte_range('a', 'z') | byte_range('A', 'Z') |
           byte_range('_', '_');
}
std::bitset<256> spaces() {
    return byte_range('\t', '\r') | byte_range(' ', ' ');
}

}  // namespace

// Recursive descent over the ECMAScript syntax furniture.txt uses, building the Glushkov
// automaton of one pattern into the filter's positions.
class FurnitureParser {
  public:
    FurnitureParser(FurnitureFilter& filter, std::string_view pattern, std::uint32_t index)
        : filter_(filter), pattern_(pattern), index_(index) {}

    Fragment parse() {
        Fragment whole = alternation();
        if (pos_ != pattern_.size()) throw Unreadable();
        return whole;
    }

  private:
    bool at_end() const { return pos_ >= pattern_.size(); }
    char peek() const { return pattern_[pos_]; }

    Fragment alternation() {
        Fragment result = concatenation();
        while (!at_end() && peek() == '|') {
            ++pos_;
            Fragment other = concatenation();
            result.nullable = result.nullable || other.nullable;
            append(result.first, other.first);
            append(result.last, other.last);
        }
        return result;
    }

    Fragment concatenation() {
        Fragment result;  // empty: nullable
        while (!at_end() && peek() != '|' && peek() != ')') result = then(result, repeated());
        return result;
    }

    Fragment then(const Fragment& a, const Fragment& b) {
        for (std::uint32_t p : a.last) append(filter_.positions_[p].follow, b.first);
        Fragment result;
        result.nullable = a.nullable && b.nullable;
        result.first = a.first;
        if (a.nullable) append(result.first, b.first);
        result.last = b.last;
        if (b.nullable) append(result.last, a.last);
        return result;
    }

    Fragment looped(Fragment f) {
        for (std::uint32_t p : f.last) append(filter_.positions_[p].follow, f.first);
        return f;
    }

    // An atom and its quantifier. A bounded repetition needs fresh positions for each copy:
    // the atom is parsed again from its start for each.
    Fragment repeated() {
        const std::size_t start = pos_;
        Fragment atom_copy = atom();
        const std::size_t after = pos_;
        std::size_t min = 1, max = 1;
        if (!at_end()) {
            const char c = peek();
            if (c == '*')
                min = 0, max = kUnbounded, ++pos_;
            else if (c == '+')
                min = 1, max = kUnbounded, ++pos_;
            else if (c == '?')
                min = 0, max = 1, ++pos_;
            else if (c == '{')
                bounds(min, max);
            if (pos_ != after && !at_end() && peek() == '?') ++pos_;  // lazy: same language
        }
        if (min == 1 && max == 1) return atom_copy;
        const std::size_t end = pos_;
        auto copy = [&] {
            pos_ = start;
            Fragment f = atom();
            pos_ = end;
            return f;
        };
        if (max != kUnbounded && max > kMaxCopies) max = kUnbounded;
        min = std::min(min, kMaxCopies);
        Fragment result;  // empty
        bool first_copy = true;
        auto next_copy = [&] {
            if (first_copy) {
                first_copy = false;
                return atom_copy;
            }
            return copy();
        };
        for (std::size_t i = 0; i < min; ++i) result = then(result, next_copy());
        if (max == kUnbounded) {
            Fragment loop = looped(next_copy());
            loop.nullable = true;
            result = then(result, loop);
        } else {
            for (std::size_t i = min; i < max; ++i) {
                Fragment optional = next_copy();
                optional.nullable = true;
                result = then(result, optional);
            }
        }
        return result;
    }

    void bounds(std::size_t& min, std::size_t& max) {
        ++pos_;  // '{'
        min = number();
        max = min;
        if (!at_end() && peek() == ',') {
            ++pos_;
            max = !at_end() && peek() == '}' ? kUnbounded : number();
        }
        if (at_end() || peek() != '}' || max < min) throw Unreadable();
        ++pos_;
    }

    std::size_t number() {
        if (at_end() || peek() < '0' || peek() > '9') throw Unreadable();
        std::size_t n = 0;
        while (!at_end() && peek() >= '0' && peek() <= '9')
            n = std::min<std::size_t>(n * 10 + static_cast<std::size_t>(peek() - '0'), 1000000),
            ++pos_;
        return n;
    }

    Fragment atom() {
        if (at_end()) throw Unreadable();
        const char c = pattern_[pos_++];
        switch (c) {
            case '(': {
                bool lookahead = false;
                if (!at_end() && peek() == '?') {
                    ++pos_;
                    if (at_end()) throw Unreadable();
                    const char kind = pattern_[pos_++];
                    if (kind == '=' || kind == '!')
                        lookahead = true;
                    else if (kind != ':')
                        throw Unreadable();
                }
                Fragment inner = alternation();
                if (at_end() || peek() != ')') throw Unreadable();
                ++pos_;
                // A lookahead reads nothing: as an assertion it matches anywhere (its
                // positions stay unreachable).
                return lookahead ? Fragment{} : inner;
            }
            case '[':
                return single(bracket());
            case '.':
                return single(std::bitset<256>().set());
            case '^':
            case '$':
                return Fragment{};
            case '\\':
                return escape();
            case '*':
            case '+':
            case '?':
            case '{':
            case ')':
            case '|':
                throw Unreadable();
            default:
                return single(fold_case(
                    byte_range(static_cast<unsigned char>(c), static_cast<unsigned char>(c))));
        }
    }

    Fragment escape() {
        if (at_end()) throw Unreadable();
        const char c = pattern_[pos_];
        if (c == 'b' || c == 'B') {
            ++pos_;
            return Fragment{};  // an assertion: matches anywhere
        }
        return single(fold_case(class_escape()));
    }

    // After a backslash: the bytes of \d, \w, \s, their negations, and escaped characters.
    std::bitset<256> class_escape() {
        if (at_end()) throw Unreadable();
        const char c = pattern_[pos_++];
        switch (c) {
            case 'd':
                return digits();
            case 'D':
                return ~digits();
            case 'w':
                return word_bytes();
            case 'W':
                return ~word_bytes();
            case 's':
                return spaces();
            case 'S':
                return ~spaces();
            case 'n':
                return byte_range('\n', '\n');
            case 't':
                return byte_range('\t', '\t');
            case 'r':
                return byte_range('\r', '\r');
            case 'f':
                return byte_range('\f', '\f');
            case 'v':
                return byte_range('\v', '\v');
            default:
                // Back-references, \x, \u, \c, \0: not read here.
                if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))
                    throw Unreadable();
                return byte_range(static_cast<unsigned char>(c), static_cast<unsigned char>(c));
        }
    }

    std::bitset<256> bracket() {
        bool negated = false;
        if (!at_end() && peek() == '^') negated = true, ++pos_;
        std::bitset<256> bytes;
        bool first = true;
        for (;;) {
            if (at_end()) throw Unreadable();
            if (peek() == ']' && !first) break;
            if (peek() == ']') throw Unreadable();  // "[]" and "[]a]": not read here
            first = false;
            int low = -1;
            if (peek() == '\\') {
                ++pos_;
                const std::bitset<256> escaped = class_escape();
                if (escaped.count() != 1) {
                    bytes |= escaped;
                    continue;
                }
                for (int b = 0; b < 256; ++b)
                    if (escaped[static_cast<std::size_t>(b)]) low = b;
            } else {
                low = static_cast<unsigned char>(pattern_[pos_++]);
            }
            if (pos_ + 1 < pattern_.size() && peek() == '-' && pattern_[pos_ + 1] != ']') {
                ++pos_;
                if (peek() == '\\') throw Unreadable();
                const int high = static_cast<unsigned char>(pattern_[pos_++]);
                if (high < low) throw Unreadable();
                bytes |= byte_range(low, high);
            } else {
                bytes.set(static_cast<std::size_t>(low));
            }
        }
        ++pos_;  // ']'
        // Negated, the class is taken before case folding: a superset of what icase matches.
        return negated ? ~bytes : fold_case(bytes);
    }

    Fragment single(const std::bitset<256>& bytes) {
        const auto id = static_cast<std::uint32_t>(filter_.positions_.size());
        filter_.positions_.push_back({bytes, index_, false, {}});
        Fragment f;
        f.nullable = false;
        f.first = {id};
        f.last = {id};
        return f;
    }

    FurnitureFilter& filter_;
    std::string_view pattern_;
    std::uint32_t index_;
    std::size_t pos_ = 0;
};

FurnitureFilter::FurnitureFilter(const std::vector<std::string>& patterns) {
    std::vector<std::uint32_t> starts;
    for (std::size_t i = 0; i < patterns.size(); ++i) {
        const std::size_t before = positions_.size();
        try {
            const Fragment whole =
                FurnitureParser(*this, patterns[i], static_cast<std::uint32_t>(i)).parse();
            for (std::uint32_t p : whole.last) positions_[p].last = true;
            append(starts, whole.first);
            if (whole.nullable) nullable_.push_back(i);
        } catch (const Unreadable&) {
            positions_.resize(before);
            unfiltered_.push_back(i);
        }
    }
    for (Position& p : positions_) {
        std::sort(p.follow.begin(), p.follow.end());
        p.follow.erase(std::unique(p.follow.begin(), p.follow.end()), p.follow.end());
    }
    std::sort(starts.begin(), starts.end());
    starts.erase(std::unique(starts.begin(), starts.end()), starts.end());
    for (std::uint32_t p : starts)
        for (std::size_t b = 0; b < 256; ++b)
            if (positions_[p].bytes[b]) start_[b].push_back(p);
}

std::vector<std::size_t> FurnitureFilter::candidates(std::string_view text) const {
    std::vector<std::size_t> found = unfiltered_;
    if (text.empty()) {
        found.insert(found.end(), nullable_.begin(), nullable_.end());
    } else {
        // The positions the text read so far may end at; `seen` keeps each in once a step.
        thread_local std::vector<std::uint32_t> current, next, seen;
        thread_local std::uint32_t step = 0;
        if (seen.size() < positions_.size()) seen.resize(positions_.size(), 0);
        const auto& first = start_[static_cast<unsigned char>(text[0])];
        current.assign(first.begin(), first.end());
        for (std::size_t i = 1; i < text.size() && !current.empty(); ++i) {
            if (++step == 0) std::fill(seen.begin(), seen.end(), 0), step = 1;
            const auto byte = static_cast<unsigned char>(text[i]);
            next.clear();
            for (std::uint32_t p : current)
                for (std::uint32_t q : positions_[p].follow)
                    if (seen[q] != step && positions_[q].bytes[byte]) {
                        seen[q] = step;
                        next.push_back(q);
                    }
            current.swap(next);
        }
        for (std::uint32_t p : current)
            if (positions_[p].last) found.push_back(positions_[p].pattern);
    }
    std::sort(found.begin(), found.end());
    found.erase(std::unique(found.begin(), found.end()), found.end());
    return found;
}

}  // namespace newsgraph
