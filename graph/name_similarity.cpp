#include "graph/name_similarity.hpp"

#include <algorithm>
#include <sstream>
#include <vector>

namespace newsgraph {

std::vector<std::string> words_of(const std::string& name) {
    std::vector<std::string> words;
    std::istringstream in(name);
    for (std::string w; in >> w;) words.push_back(w);
    return words;
}

std::string capital_initials(const std::string& name) {
    std::string out;
    for (const auto& w : words_of(name))
        if (w[0] >= 'A' && w[0] <= 'Z') out += w[0];
    return out;
}

bool numbered_modifier(const std::string& word) {
    auto hyphen = word.find('-');
    if (hyphen == std::string::npos || hyphen == 0) return false;
    const std::string unit = word.substr(hyphen + 1);
    return unit == "point" || unit == "year" || unit == "article" || unit == "page" ||
           unit == "step";
}

bool shortens_description(const std::vector<std::string>& shorter,
                          const std::vector<std::string>& longer) {
    std::vector<std::string> short_plain, long_plain;
    for (const std::string& w : shorter) {
        if (!numbered_modifier(w))
            short_plain.push_back(w);
        else if (std::find(longer.begin(), longer.end(), w) == longer.end())
            return false;
    }
    for (const std::string& w : longer)
        if (!numbered_modifier(w)) long_plain.push_back(w);
    return short_plain.size() <= long_plain.size() &&
           std::equal(short_plain.rbegin(), short_plain.rend(), long_plain.rbegin());
}

std::size_t edit_distance(std::string_view a, std::string_view b, std::size_t limit) {
    const std::size_t n = a.size(), m = b.size();
    if ((n > m ? n - m : m - n) > limit) return limit + 1;
    std::vector<std::vector<std::size_t>> d(n + 1, std::vector<std::size_t>(m + 1));
    for (std::size_t i = 0; i <= n; ++i) d[i][0] = i;
    for (std::size_t j = 0; j <= m; ++j) d[0][j] = j;
    for (std::size_t i = 1; i <= n; ++i) {
        std::size_t row_min = d[i][0];
        for (std::size_t j = 1; j <= m; ++j) {
            std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
            d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
            row_min = std::min(row_min, d[i][j]);
        }
        if (row_min > limit) return limit + 1;
    }
    return std::min(d[n][m], limit + 1);
}

bool spelling_variants(std::string_view a, std::string_view b) {
    if (a == b) return true;
    if (a.size() < 6 || b.size() < 6 || a[0] != b[0]) return false;
    const std::size_t limit = std::min(a.size(), b.size()) >= 8 ? 2 : 1;
    return edit_distance(a, b, limit) <= limit;
}

namespace {

// Keys under which a word of a name is indexed for spelling variants: two words that
// `spelling_variants` accepts share at least one key. Short words match only themselves;
// longer ones are keyed by every form with up to `limit` letters deleted (a substitution or a
// transposition is one deletion from each side, an insertion one from the longer), except
// very long words, keyed by initial and length alone so that their keys stay few.
constexpr std::size_t kMinVariant = 6, kLongWord = 24;

void deletions(const std::string& w, std::size_t depth, std::set<std::string>& out) {
    if (!out.insert(w).second || depth == 0) return;
    for (std::size_t i = 0; i < w.size(); ++i)
        deletions(w.substr(0, i) + w.substr(i + 1), depth - 1, out);
}

std::string long_key(const std::string& w, std::size_t length) {
    return std::string("\x01") + w[0] + std::to_string(length);
}

}  // namespace

std::set<std::string> variant_keys(const std::string& w, bool lookup) {
    std::set<std::string> keys;
    if (w.size() < kMinVariant) return {"=" + w};
    if (w.size() <= kLongWord) {
        std::set<std::string> forms;
        deletions(w, w.size() >= 8 ? 2 : 1, forms);
        for (const auto& f : forms) keys.insert("~" + f);
    }
    if (w.size() + 2 > kLongWord) {  // partners within two letters may be long words
        if (!lookup)
            keys.insert(long_key(w, w.size()));
        else
            for (std::size_t n = w.size() - 2; n <= w.size() + 2; ++n) keys.insert(long_key(w, n));
    }
    return keys;
}

void VariantIndex::add(const std::string& word) {
    if (seen_.count(word)) return;
    const auto index = static_cast<std::uint32_t>(words_.size());
    words_.push_back(word);
    seen_.insert(words_.back());
    for (const std::string& key : variant_keys(word, false))
        keys_.emplace_back(static_cast<std::uint32_t>(std::hash<std::string>{}(key)), index);
    sorted_ = false;
}

std::set<std::string> VariantIndex::variants_of(const std::string& word) const {
    if (!sorted_) {
        std::sort(keys_.begin(), keys_.end());
        sorted_ = true;
    }
    std::set<std::string> out;
    for (const std::string& key : variant_keys(word, true)) {
        const auto h = static_cast<std::uint32_t>(std::hash<std::string>{}(key));
        auto it = std::lower_bound(keys_.begin(), keys_.end(), std::make_pair(h, std::uint32_t{0}));
        for (; it != keys_.end() && it->first == h; ++it)
            if (spelling_variants(words_[it->second], word)) out.insert(words_[it->second]);
    }
    return out;
}

}  // namespace newsgraph
