#include "src/nlp/word_clusters.hpp"

#include <algorithm>

#include "src/nlp/model_file.hpp"

namespace newsgraph::nlp {

namespace {
constexpr std::string_view kKind = "clusters";
}

WordClusters::WordClusters(std::vector<std::pair<std::string, ClusterPath>> paths) {
    for (auto& [word, path] : paths) paths_.emplace(std::move(word), path);
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

ClusterPath WordClusters::of(std::string_view form) const {
    const auto it = paths_.find(fold(form));
    return it == paths_.end() ? ClusterPath{} : it->second;
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
    std::vector<std::pair<std::string, ClusterPath>> sorted(paths_.begin(), paths_.end());
    std::sort(sorted.begin(), sorted.end(),
              [](const auto& a, const auto& b) { return a.first < b.first; });
    out.u32(static_cast<std::uint32_t>(sorted.size()));
    for (const auto& [word, p] : sorted) {
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
