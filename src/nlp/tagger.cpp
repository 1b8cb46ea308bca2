#include "src/nlp/tagger.hpp"

#include <algorithm>
#include <limits>

#include "src/ingest/text_repair.hpp"

namespace newsgraph::nlp {

namespace {

constexpr std::string_view kKind = "tagger";
constexpr int kStart = Tagger::kNoTag;

std::uint64_t h(std::string_view s) {
    return hash_bytes(s.data(), s.size());
}

// "Xxxx" -> "Xx", "1,000" -> "d,d", "McDonald" -> "XxXx": runs of one kind collapse.
std::string shape_of(std::string_view form) {
    std::string out;
    for (const char ch : form) {
        const auto c = static_cast<unsigned char>(ch);
        char k = c >= 'A' && c <= 'Z'   ? 'X'
                 : c >= 'a' && c <= 'z' ? 'x'
                 : c >= '0' && c <= '9' ? 'd'
                 : c >= 0x80            ? 'u'
                                        : ch;
        if (out.empty() || out.back() != k) out.push_back(k);
        if (out.size() > 12) break;
    }
    return out;
}

}  // namespace

TaggerWord Tagger::describe(std::string_view form, const WordClusters& clusters) {
    TaggerWord w;
    const ClusterPath path = clusters.of(form);
    const unsigned lengths[4] = {4, 6, 8, 32};
    for (std::size_t k = 0; k < 4; ++k) w.cluster[k] = path.prefix(lengths[k]);
    w.capitals = path.capitals;
    const std::string low = lower_ascii(form);
    w.form = h(form);
    w.lower = h(low);
    w.shape = h(shape_of(form));
    for (std::size_t k = 1; k <= 3; ++k)
        w.prefix[k - 1] = h(std::string_view(low).substr(0, k)) + k;
    for (std::size_t k = 1; k <= 4; ++k)
        w.suffix[k - 1] = h(low.size() >= k ? std::string_view(low).substr(low.size() - k)
                                            : std::string_view(low)) +
                          7 * k;
    const bool upper_initial = !form.empty() && form[0] >= 'A' && form[0] <= 'Z';
    const bool has_digit =
        std::any_of(form.begin(), form.end(), [](char c) { return c >= '0' && c <= '9'; });
    const bool has_hyphen = form.find('-') != std::string_view::npos;
    const bool all_upper = upper_initial && std::none_of(form.begin(), form.end(), [](char c) {
                               return c >= 'a' && c <= 'z';
                           });
    w.flags = (upper_initial ? 1u : 0u) | (has_digit ? 2u : 0u) | (has_hyphen ? 4u : 0u) |
              (all_upper ? 8u : 0u) | (std::min<std::size_t>(form.size(), 12) << 4);
    return w;
}

void Tagger::features(const std::vector<TaggerWord>& words, std::size_t i, int p1, int p2,
                      const int* next, std::vector<std::uint64_t>& out) {
    static const WordClusters kNone;
    static const TaggerWord kPad = describe("<pad>", kNone);
    static const TaggerWord kStartPad = describe("<s>", kNone);
    auto at = [&](std::ptrdiff_t k) -> const TaggerWord& {
        const std::ptrdiff_t j = static_cast<std::ptrdiff_t>(i) + k;
        if (j < 0) return kStartPad;
        if (j >= static_cast<std::ptrdiff_t>(words.size())) return kPad;
        return words[static_cast<std::size_t>(j)];
    };
    const TaggerWord& w = words[i];
    const TaggerWord& l1 = at(-1);
    const TaggerWord& l2 = at(-2);
    const TaggerWord& r1 = at(1);
    const TaggerWord& r2 = at(2);
    const auto u1 = static_cast<std::uint64_t>(p1), u2 = static_cast<std::uint64_t>(p2);
    out.clear();
    out.push_back(feature(1, 0));
    out.push_back(feature(2, w.lower));
    out.push_back(feature(3, w.form));
    for (std::uint64_t k = 0; k < 4; ++k) out.push_back(feature(4 + k, w.suffix[k]));
    for (std::uint64_t k = 0; k < 3; ++k) out.push_back(feature(8 + k, w.prefix[k]));
    out.push_back(feature(11, w.shape));
    out.push_back(feature(12, u1));
    out.push_back(feature(13, u2));
    out.push_back(feature(14, u1, u2));
    out.push_back(feature(15, u1, w.lower));
    out.push_back(feature(16, l1.lower));
    out.push_back(feature(17, l1.suffix[2]));
    out.push_back(feature(18, l2.lower));
    out.push_back(feature(19, r1.lower));
    out.push_back(feature(20, r1.suffix[2]));
    out.push_back(feature(21, r2.lower));
    out.push_back(feature(22, l1.lower, w.lower));
    out.push_back(feature(23, w.lower, r1.lower));
    out.push_back(feature(24, r1.shape));
    out.push_back(feature(25, l1.shape, w.shape, r1.shape));
    out.push_back(feature(26, u1, w.suffix[2]));
    out.push_back(feature(27, r1.lower, r2.lower));
    out.push_back(feature(28, w.flags, i == 0 ? 1 : 0));
    out.push_back(feature(29, l1.lower, r1.lower));
    out.push_back(feature(30, u1, r1.lower));
    out.push_back(feature(31, w.suffix[1], r1.suffix[1]));
    out.push_back(feature(32, i == 0 ? 1 : 0, w.lower));
    out.push_back(feature(33, u1, w.shape));
    out.push_back(feature(34, r1.suffix[0], w.suffix[2]));
    out.push_back(feature(35, l1.suffix[0]));
    for (std::uint64_t k = 0; k < 4; ++k) out.push_back(feature(36 + k, w.cluster[k]));
    out.push_back(feature(40, l1.cluster[3]));
    out.push_back(feature(41, r1.cluster[3]));
    out.push_back(feature(42, u1, w.cluster[1]));
    out.push_back(feature(43, w.cluster[2], r1.cluster[2]));
    out.push_back(feature(44, l1.cluster[2], w.cluster[2]));
    out.push_back(feature(45, r2.cluster[1]));
    const std::uint64_t initial = i == 0 ? 1 : 0;
    out.push_back(feature(46, w.capitals, w.flags & 9, initial));
    out.push_back(feature(47, w.capitals, w.suffix[1]));
    out.push_back(feature(48, w.capitals, u1));
    if (next == nullptr) return;
    const auto n1 = static_cast<std::uint64_t>(next[0]), n2 = static_cast<std::uint64_t>(next[1]);
    out.push_back(feature(60, n1));
    out.push_back(feature(61, n1, n2));
    out.push_back(feature(62, n1, w.lower));
    out.push_back(feature(63, u1, n1));
    out.push_back(feature(64, n1, w.suffix[2]));
    out.push_back(feature(65, n1, w.shape));
    out.push_back(feature(66, u1, n1, w.cluster[1]));
}

Tagger::Tagger(TaggerModel model) : model_(std::move(model)) {
    for (const auto& c : model_.classes) {
        const auto bar = c.find('|');
        upos_.push_back(bar == std::string::npos ? c : c.substr(0, bar));
        xpos_.push_back(bar == std::string::npos ? c : c.substr(bar + 1));
    }
}

std::vector<int> Tagger::classify(const ParsedSentence& sentence, bool first_pass_only) const {
    std::vector<TaggerWord> words;
    words.reserve(sentence.words.size());
    for (const auto& w : sentence.words) words.push_back(describe(w.form, model_.clusters));
    std::vector<std::uint64_t> feats;
    std::vector<float> scores(model_.classes.size());
    std::vector<int> first(words.size() + 2, kStart), tags(words.size(), kStart);
    std::vector<char> sure(words.size(), 0);  // first-pass tags the second pass keeps
    const bool two_passes = !first_pass_only && model_.second_pass.rows() > 0;
    for (int pass = 0; pass < (two_passes ? 2 : 1); ++pass) {
        const WeightTable& weights = pass == 0 ? model_.weights : model_.second_pass;
        int p1 = kStart, p2 = kStart;
        for (std::size_t i = 0; i < words.size(); ++i) {
            int best = -1;
            if (auto it = model_.fixed.find(sentence.words[i].form); it != model_.fixed.end())
                best = it->second;
            if (pass == 1 && sure[i]) best = first[i];
            if (best < 0) {
                features(words, i, p1, p2, pass == 0 ? nullptr : &first[i + 1], feats);
                std::fill(scores.begin(), scores.end(), 0.0f);
                weights.score(feats.data(), feats.size(), scores.data());
                best = static_cast<int>(std::max_element(scores.begin(), scores.end()) -
                                        scores.begin());
                if (pass == 0 && two_passes) {
                    float second = -1e30f;
                    for (std::size_t c = 0; c < scores.size(); ++c)
                        if (static_cast<int>(c) != best) second = std::max(second, scores[c]);
                    sure[i] = (scores[static_cast<std::size_t>(best)] - second) * weights.scale() >=
                              model_.second_pass_margin;
                }
            }
            tags[i] = best;
            p2 = p1;
            p1 = best;
        }
        std::copy(tags.begin(), tags.end(), first.begin());
    }
    return tags;
}

void Tagger::tag(ParsedSentence& sentence) const {
    const std::vector<int> tags = classify(sentence);
    for (std::size_t i = 0; i < tags.size(); ++i) {
        sentence.words[i].upos = upos_[static_cast<std::size_t>(tags[i])];
        sentence.words[i].xpos = xpos_[static_cast<std::size_t>(tags[i])];
    }
}

std::string_view Tagger::known_lemma(std::string_view form, std::string_view xpos) const {
    std::string key = lower_ascii(form);
    key += '\t';
    key += xpos;
    auto it = model_.lemmas.find(key);
    return it == model_.lemmas.end() ? std::string_view{} : std::string_view(it->second);
}

void Tagger::save(const std::string& path) const {
    ModelWriter out;
    out.strings(model_.classes);
    std::vector<std::pair<std::string, std::uint16_t>> fixed(model_.fixed.begin(),
                                                             model_.fixed.end());
    std::sort(fixed.begin(), fixed.end());
    out.u32(static_cast<std::uint32_t>(fixed.size()));
    for (const auto& [form, cls] : fixed) {
        out.str(form);
        out.u32(cls);
    }
    std::vector<std::pair<std::string, std::string>> lemmas(model_.lemmas.begin(),
                                                            model_.lemmas.end());
    std::sort(lemmas.begin(), lemmas.end());
    out.u32(static_cast<std::uint32_t>(lemmas.size()));
    for (const auto& [key, lemma] : lemmas) {
        out.str(key);
        out.str(lemma);
    }
    model_.clusters.save_to(out);
    model_.weights.save(out);
    model_.second_pass.save(out);
    out.f32(model_.second_pass_margin);
    write_model(path, kKind, out);
}

Tagger Tagger::load(const std::string& path) {
    ModelReader in = read_model(path, kKind);
    TaggerModel m;
    m.classes = in.strings();
    if (m.classes.empty() || m.classes.size() >= kStart) in.fail("corrupt tag set");
    const std::uint32_t n_fixed = in.u32();
    for (std::uint32_t i = 0; i < n_fixed; ++i) {
        std::string form = in.str();
        const std::uint32_t cls = in.u32();
        if (cls >= m.classes.size()) in.fail("corrupt tag dictionary");
        m.fixed.emplace(std::move(form), static_cast<std::uint16_t>(cls));
    }
    const std::uint32_t n_lemmas = in.u32();
    for (std::uint32_t i = 0; i < n_lemmas; ++i) {
        std::string key = in.str();
        m.lemmas.emplace(std::move(key), in.str());
    }
    m.clusters = WordClusters::load_from(in);
    m.weights = WeightTable::load(in, m.classes.size());
    m.second_pass = WeightTable::load(in, m.classes.size());
    m.second_pass_margin = in.f32();
    if (!(m.second_pass_margin >= 0)) in.fail("corrupt second-pass margin");
    if (!in.at_end()) in.fail("trailing data after the weights");
    return Tagger(std::move(m));
}

}  // namespace newsgraph::nlp
