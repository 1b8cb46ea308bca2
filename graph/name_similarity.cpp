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

}  // namespace newsgraph
