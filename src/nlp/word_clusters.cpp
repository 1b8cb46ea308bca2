#include "src/nlp/word_clusters.hpp"

#include <algorithm>

#include "src/nlp/model_file.hpp"

namespace newsgraph::nlp {

namespace {
constexpr std::string_view kKind = "clusters";
}

WordClusters::WordClusters(std::vector<std::pair<std::string, ClusterPath>> paths)
    : paths_(std::move(paths)) {}

std::vector<std::pair<std::string, ClusterPath>> WordClusters::sorted() const {
    std::vector<std::pair<std::string, ClusterPath>> out = paths_.entries();
    std::sort(out.begin(), out.end(),
              [](const auto& a, const auto& b) { return a.first < b.first; });
    return out;
}

bool WordClusters::operator==(const WordClusters& other) const {
    return size() == other.size() && sorted() == other.sorted();
}

std::string WordClusters::fold(std::string_view form) {
    std::string out(form);
    for (char& c : out) {
        if (c >= 'A' && c <= 'Z')
            c = static_cast<char>(c - 'A' + 'a');
        else if (c >= '0' && c <= '9')
            c = '0';
    }
    return out;
}

void WordClusters::save(const std::string& path) const {
    ModelWriter out;
    save_to(out);
    write_model(path, kKind, out);
}

WordClusters WordClusters::load(const std::string& path) {
    ModelReader in = read_model(path, kKind);
    WordClusters clusters = load_from(in);
    if (!in.at_end()) in.fail("trailing data after the clusters");
    return clusters;
}

void WordClusters::save_to(ModelWriter& out) const {
    const std::vector<std::pair<std::string, ClusterPath>> words = sorted();
    out.u32(static_cast<std::uint32_t>(words.size()));
    for (const auto& [word, p] : words) {
        out.str(word);
        out.u32(p.bits);
        out.u8(p.length);
        out.u8(p.capitals);
    }
}

WordClusters WordClusters::load_from(ModelReader& in) {
    const std::uint32_t n = in.u32();
    if (n > in.remaining() / 10) in.fail("corrupt cluster count " + std::to_string(n));
    std::vector<std::pair<std::string, ClusterPath>> paths;
    for (std::uint32_t i = 0; i < n; ++i) {
        std::string word = in.str();
        ClusterPath p;
        p.bits = in.u32();
        p.length = in.u8();
        p.capitals = in.u8();
        if (p.capitals > 4) in.fail("corrupt capitalisation class of '" + word + "'");
        if (p.length > 32 || (p.length < 32 && (p.bits >> p.length) != 0))
            in.fail("corrupt cluster path of '" + word + "'");
        paths.emplace_back(std::move(word), p);
    }
    return WordClusters(std::move(paths));
}

}  // namespace newsgraph::nlp
