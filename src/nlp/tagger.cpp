#include "src/nlp/tagger.hpp"

#include <algorithm>
#include <limits>

#include "src/ingest/text_repair.hpp"

namespace newsgraph::nlp {

namespace {

constexpr std::string_view kKind = "tagger";
constexpr int kStart = Tagger::kNoTag;
// How many keys features() writes: the first pass's, and with the second pass's added.
constexpr std::size_t kFirstPassFeatures = 48, kFeatures = 55;

// A key of the lemma dictionary, "lower-case form TAB XPOS", read without building it.
struct LemmaKey {
    std::string_view form, xpos;
    std::size_t size() const { return form.size() + 1 + xpos.size(); }
    char operator[](std::size_t i) const {
        if (i < form.size()) {
            const char c = form[i];
            return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
        }
        return i == form.size() ? '\t' : xpos[i - form.size() - 1];
    }
};

// What classify() needs per sentence, kept from one sentence to the next (one set a thread:
// the Tagger itself is shared and read-only) so that tagging allocates nothing once warm.
struct ClassifyBuffers {
    std::vector<std::uint64_t> feats;
    std::vector<std::int32_t> scores;
    std::vector<int> first;  // the first pass's classes, and kStart for the two words after
    std::vector<char> sure;  // first-pass tags the second pass keeps
    std::vector<int> fixed;  // the fixed-tag dictionary's class of each word, or -1
};

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
    w.path = path;
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
    FeatureWriter f(out, next == nullptr ? kFirstPassFeatures : kFeatures);
    f.add(feature(1, 0));
    f.add(feature(2, w.lower));
    f.add(feature(3, w.form));
    for (std::uint64_t k = 0; k < 4; ++k) f.add(feature(4 + k, w.suffix[k]));
    for (std::uint64_t k = 0; k < 3; ++k) f.add(feature(8 + k, w.prefix[k]));
    f.add(feature(11, w.shape));
    f.add(feature(12, u1));
    f.add(feature(13, u2));
    f.add(feature(14, u1, u2));
    f.add(feature(15, u1, w.lower));
    f.add(feature(16, l1.lower));
    f.add(feature(17, l1.suffix[2]));
    f.add(feature(18, l2.lower));
    f.add(feature(19, r1.lower));
    f.add(feature(20, r1.suffix[2]));
    f.add(feature(21, r2.lower));
    f.add(feature(22, l1.lower, w.lower));
    f.add(feature(23, w.lower, r1.lower));
    f.add(feature(24, r1.shape));
    f.add(feature(25, l1.shape, w.shape, r1.shape));
    f.add(feature(26, u1, w.suffix[2]));
    f.add(feature(27, r1.lower, r2.lower));
    f.add(feature(28, w.flags, i == 0 ? 1 : 0));
    f.add(feature(29, l1.lower, r1.lower));
    f.add(feature(30, u1, r1.lower));
    f.add(feature(31, w.suffix[1], r1.suffix[1]));
    f.add(feature(32, i == 0 ? 1 : 0, w.lower));
    f.add(feature(33, u1, w.shape));
    f.add(feature(34, r1.suffix[0], w.suffix[2]));
    f.add(feature(35, l1.suffix[0]));
    for (std::uint64_t k = 0; k < 4; ++k) f.add(feature(36 + k, w.cluster[k]));
    f.add(feature(40, l1.cluster[3]));
    f.add(feature(41, r1.cluster[3]));
    f.add(feature(42, u1, w.cluster[1]));
    f.add(feature(43, w.cluster[2], r1.cluster[2]));
    f.add(feature(44, l1.cluster[2], w.cluster[2]));
    f.add(feature(45, r2.cluster[1]));
    const std::uint64_t initial = i == 0 ? 1 : 0;
    f.add(feature(46, w.capitals, w.flags & 9, initial));
    f.add(feature(47, w.capitals, w.suffix[1]));
    f.add(feature(48, w.capitals, u1));
    if (next == nullptr) return;
    const auto n1 = static_cast<std::uint64_t>(next[0]), n2 = static_cast<std::uint64_t>(next[1]);
    f.add(feature(60, n1));
    f.add(feature(61, n1, n2));
    f.add(feature(62, n1, w.lower));
    f.add(feature(63, u1, n1));
    f.add(feature(64, n1, w.suffix[2]));
    f.add(feature(65, n1, w.shape));
    f.add(feature(66, u1, n1, w.cluster[1]));
}

Tagger::Tagger(TaggerModel model) : model_(std::move(model)) {
    for (const auto& c : model_.classes) {
        const auto bar = c.find('|');
        upos_.push_back(bar == std::string::npos ? c : c.substr(0, bar));
        xpos_.push_back(bar == std::string::npos ? c : c.substr(bar + 1));
    }
    fixed_ = StringTable<std::uint16_t>(std::vector<std::pair<std::string, std::uint16_t>>(
        model_.fixed.begin(), model_.fixed.end()));
    lemmas_ = StringTable<std::string>(std::vector<std::pair<std::string, std::string>>(
        model_.lemmas.begin(), model_.lemmas.end()));
}

std::vector<int> Tagger::classify(const ParsedSentence& sentence, bool first_pass_only) const {
    std::vector<TaggerWord> words;
    std::vector<int> tags;
    classify(sentence, first_pass_only, words, tags);
    return tags;
}

void Tagger::classify(const ParsedSentence& sentence, bool first_pass_only,
                      std::vector<TaggerWord>& words, std::vector<int>& tags) const {
    thread_local ClassifyBuffers buffers;
    auto& [feats, scores, first, sure, fixed] = buffers;
    const std::size_t n = sentence.words.size();
    words.clear();
    fixed.clear();
    for (const auto& w : sentence.words) {
        words.push_back(describe(w.form, model_.clusters));
        const std::uint16_t* cls = fixed_.find(ExactKey{w.form});
        fixed.push_back(cls == nullptr ? -1 : *cls);
    }
    scores.assign(model_.classes.size(), 0);
    first.assign(n + 2, kStart);
    tags.assign(n, kStart);
    sure.assign(n, 0);
    const bool two_passes = !first_pass_only && model_.second_pass.rows() > 0;
    for (int pass = 0; pass < (two_passes ? 2 : 1); ++pass) {
        const WeightTable& weights = pass == 0 ? model_.weights : model_.second_pass;
        int p1 = kStart, p2 = kStart;
        for (std::size_t i = 0; i < n; ++i) {
            int best = fixed[i];
            if (pass == 1 && sure[i]) best = first[i];
            if (best < 0) {
                features(words, i, p1, p2, pass == 0 ? nullptr : &first[i + 1], feats);
                std::fill(scores.begin(), scores.end(), 0);
                weights.score(feats.data(), feats.size(), scores.data());
                best = static_cast<int>(std::max_element(scores.begin(), scores.end()) -
                                        scores.begin());
                if (pass == 0 && two_passes) {
                    // Sums of 16-bit weights, exact as floats, and so is their difference.
                    float second = -1e30f;
                    for (std::size_t c = 0; c < scores.size(); ++c)
                        if (static_cast<int>(c) != best)
                            second = std::max(second, static_cast<float>(scores[c]));
                    const float margin =
                        static_cast<float>(scores[static_cast<std::size_t>(best)]) - second;
                    sure[i] = margin * weights.scale() >= model_.second_pass_margin;
                }
            }
            tags[i] = best;
            p2 = p1;
            p1 = best;
        }
        std::copy(tags.begin(), tags.end(), first.begin());
    }
}

void Tagger::tag(ParsedSentence& sentence) const {
    std::vector<TaggerWord> words;
    std::vector<int> tags;
    tag(sentence, words, tags);
}

void Tagger::tag(ParsedSentence& sentence, std::vector<TaggerWord>& words,
                 std::vector<int>& tags) const {
    classify(sentence, false, words, tags);
    for (std::size_t i = 0; i < tags.size(); ++i) {
        sentence.words[i].upos = upos_[static_cast<std::size_t>(tags[i])];
        sentence.words[i].xpos = xpos_[static_cast<std::size_t>(tags[i])];
    }
}

std::string_view Tagger::known_lemma(std::string_view form, std::string_view xpos) const {
    const std::string* lemma = lemmas_.find(LemmaKey{form, xpos});
    return lemma == nullptr ? std::string_view{} : std::string_view(*lemma);
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
