#include "src/extract/mention_tagger.hpp"

#include <algorithm>
#include <cctype>
#include <limits>

#include "src/nlp/model_file.hpp"

namespace newsgraph {
namespace {

constexpr std::string_view kKind = "mentions";
constexpr std::size_t kFeatures = 64;

std::uint64_t h(std::string_view s) {
    return nlp::hash_bytes(s.data(), s.size());
}

bool upper_initial(std::string_view s) {
    return !s.empty() && s[0] >= 'A' && s[0] <= 'Z';
}
bool has_lower(std::string_view s) {
    return std::any_of(s.begin(), s.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

// "Xxxx" -> "Xx", "1,000" -> "d,d", "McDonald" -> "XxXx": runs of one kind collapse.
std::string shape_of(std::string_view form) {
    std::string out;
    for (const char ch : form) {
        const auto c = static_cast<unsigned char>(ch);
        const char k = c >= 'A' && c <= 'Z'   ? 'X'
                       : c >= 'a' && c <= 'z' ? 'x'
                       : c >= '0' && c <= '9' ? 'd'
                       : c >= 0x80            ? 'u'
                                              : ch;
        if (out.empty() || out.back() != k) out.push_back(k);
        if (out.size() > 8) break;
    }
    return out;
}

enum LexicalBit : std::uint64_t {
    kGivenName = 1,
    kCommonWord = 2,
    kHonorific = 4,
    kOrgHead = 8,
    kInTitle = 16,
    kAfterTitle = 32,
    kNonEntity = 64,
    kHeadline = 128,  // most words of the sentence are capitalised
};

}  // namespace

void DocumentCase::add_sentence(const std::vector<std::string_view>& forms) {
    bool seen_word = false;
    for (const std::string_view f : forms) {
        if (f.empty()) continue;
        const bool word = std::isalnum(static_cast<unsigned char>(f[0])) || (f[0] & 0x80);
        if (!word) {
            if (f == ":" || f == "\"" || f == "'") seen_word = false;
            continue;
        }
        if (upper_initial(f) && has_lower(f)) {
            if (seen_word) capitalised_inside.emplace(f);
        } else if (!upper_initial(f)) {
            lower_case.emplace(f);
        }
        seen_word = true;
    }
}

bool MentionTagger::allowed(int prev, int cls) {
    if (cls == kOutside) return true;
    const int position = (cls - 1) % 4;
    if (position == 0 || position == 3) return true;
    // I and L continue a span of their type. A span may end without its L (greedy decoding
    // cannot look ahead to choose between I and L): spans() closes it where it stops.
    const bool inside = prev > 0 && (prev - 1) % 4 < 2;  // after B or I
    return inside && (prev - 1) / 4 == (cls - 1) / 4;
}

std::vector<TaggedSpan> MentionTagger::spans(const std::vector<int>& classes,
                                             const std::vector<float>* margins,
                                             const std::vector<int>* seconds) {
    std::vector<TaggedSpan> out;
    bool open = false;
    for (std::size_t i = 0; i < classes.size(); ++i) {
        const int c = classes[i];
        if (c <= 0) {
            open = false;
            continue;
        }
        const auto type = static_cast<SpanType>((c - 1) / 4);
        const int position = (c - 1) % 4;
        const float margin = margins != nullptr ? (*margins)[i] : 0.0f;
        if (position == 0 || position == 3 || !open || out.back().type != type) {
            // B, U, or a stray I or L: a span starts
            const int second = seconds != nullptr ? (*seconds)[i] : static_cast<int>(type);
            out.push_back({i, i + 1, type, margin, static_cast<SpanType>(second)});
        } else {
            out.back().last = i + 1;
            out.back().margin = std::min(out.back().margin, margin);
        }
        open = position == 0 || position == 1;
    }
    return out;
}

void MentionTagger::describe(const nlp::ParsedSentence& sentence, const Lexicon& lexicon,
                             const nlp::WordClusters& clusters, const DocumentCase* document,
                             std::vector<MentionWord>& out) {
    const auto& words = sentence.words;
    out.assign(words.size(), MentionWord{});
    std::vector<Token> tokens(words.size());
    int capitalised = 0, alphabetic = 0;
    for (std::size_t i = 0; i < words.size(); ++i) {
        tokens[i].norm = words[i].form;
        if (!words[i].form.empty() && std::isalpha(static_cast<unsigned char>(words[i].form[0]))) {
            ++alphabetic;
            capitalised += upper_initial(words[i].form);
        }
    }
    const bool headline = alphabetic >= 4 && capitalised * 10 >= alphabetic * 7;
    for (std::size_t i = 0; i < words.size(); ++i) {
        const nlp::Word& w = words[i];
        MentionWord& m = out[i];
        const std::string low = lower_ascii(w.form);
        m.form = h(w.form);
        m.lower = h(low);
        m.shape = h(shape_of(w.form));
        for (std::size_t k = 1; k <= 3; ++k)
            m.prefix[k - 1] = h(std::string_view(low).substr(0, k)) + k;
        for (std::size_t k = 1; k <= 4; ++k)
            m.suffix[k - 1] = h(low.size() >= k ? std::string_view(low).substr(low.size() - k)
                                                : std::string_view(low)) +
                              7 * k;
        const nlp::ClusterPath path = clusters.of(w.form);
        m.cluster[0] = path.prefix(4);
        m.cluster[1] = path.prefix(8);
        m.cluster[2] = path.prefix(32);
        m.capitals = path.capitals;
        m.upos = h(w.upos);
        m.xpos = h(w.xpos);
        m.lemma = h(w.lemma);
        m.initial = i == 0 ? 1 : 0;
        std::uint64_t bits = headline ? std::uint64_t{kHeadline} : 0;
        if (lexicon.is_given_name(w.form)) bits |= kGivenName;
        if (lexicon.is_common_word(low)) bits |= kCommonWord;
        if (lexicon.is_honorific(w.form)) bits |= kHonorific;
        if (lexicon.is_org_head(w.form)) bits |= kOrgHead;
        if (lexicon.is_non_entity(w.form)) bits |= kNonEntity;
        m.lexical |= bits;
        if (document != nullptr && upper_initial(w.form))
            m.document = 1 + (document->capitalised_inside.count(w.form) ? 1 : 0) +
                         (document->lower_case.count(low) ? 2 : 0);
    }
    // Gazetteer phrases and titles, longest first from the left.
    for (std::size_t i = 0; i < words.size();) {
        const auto g = lexicon.gazetteer_at(tokens, i);
        if (!g) {
            ++i;
            continue;
        }
        const auto kind = static_cast<std::uint64_t>(g->entry->type) * 4 +
                          static_cast<std::uint64_t>(g->entry->kind);
        for (std::size_t k = 0; k < g->length; ++k) {
            const std::uint64_t position = g->length == 1       ? 3
                                           : k == 0             ? 0
                                           : k + 1 == g->length ? 2
                                                                : 1;
            out[i + k].gazetteer = 1 + kind * 4 + position;
        }
        i += g->length;
    }
    for (std::size_t i = 0; i < words.size();) {
        const std::size_t length = upper_initial(words[i].form) ? lexicon.place_at(tokens, i) : 0;
        if (length == 0) {
            ++i;
            continue;
        }
        for (std::size_t k = 0; k < length; ++k)
            out[i + k].place = length == 1 ? 4 : k == 0 ? 1 : k + 1 == length ? 3 : 2;
        i += length;
    }
    for (std::size_t i = 0; i < words.size(); ++i) {
        const auto t = lexicon.title_at(tokens, i);
        if (!t) continue;
        for (std::size_t k = 0; k < t->length; ++k) out[i + k].lexical |= kInTitle;
        if (i + t->length < words.size()) out[i + t->length].lexical |= kAfterTitle;
    }
}

void MentionTagger::features(const std::vector<MentionWord>& words, std::size_t i, int prev1,
                             int prev2, std::vector<std::uint64_t>& out) {
    static const MentionWord kStart = [] {
        MentionWord w;
        w.form = w.lower = w.shape = h("<s>");
        w.upos = w.xpos = h("<s>");
        return w;
    }();
    static const MentionWord kEnd = [] {
        MentionWord w;
        w.form = w.lower = w.shape = h("</s>");
        w.upos = w.xpos = h("</s>");
        return w;
    }();
    auto at = [&](std::ptrdiff_t k) -> const MentionWord& {
        const std::ptrdiff_t j = static_cast<std::ptrdiff_t>(i) + k;
        if (j < 0) return kStart;
        if (j >= static_cast<std::ptrdiff_t>(words.size())) return kEnd;
        return words[static_cast<std::size_t>(j)];
    };
    const MentionWord& w = words[i];
    const MentionWord& l1 = at(-1);
    const MentionWord& l2 = at(-2);
    const MentionWord& r1 = at(1);
    const MentionWord& r2 = at(2);
    const auto p1 = static_cast<std::uint64_t>(prev1 + 1),
               p2 = static_cast<std::uint64_t>(prev2 + 1);
    using nlp::feature;
    nlp::FeatureWriter f(out, kFeatures);
    f.add(feature(1, 0));
    f.add(feature(2, w.lower));
    f.add(feature(3, w.form));
    for (std::uint64_t k = 0; k < 4; ++k) f.add(feature(4 + k, w.suffix[k]));
    for (std::uint64_t k = 0; k < 3; ++k) f.add(feature(8 + k, w.prefix[k]));
    f.add(feature(11, w.shape));
    f.add(feature(12, p1));
    f.add(feature(13, p1, p2));
    f.add(feature(14, p1, w.lower));
    f.add(feature(15, p1, w.shape));
    f.add(feature(16, l1.lower));
    f.add(feature(17, r1.lower));
    f.add(feature(18, l2.lower));
    f.add(feature(19, r2.lower));
    f.add(feature(20, l1.lower, w.lower));
    f.add(feature(21, w.lower, r1.lower));
    f.add(feature(22, l1.shape, w.shape, r1.shape));
    f.add(feature(23, r1.shape));
    f.add(feature(24, l1.shape));
    for (std::uint64_t k = 0; k < 3; ++k) f.add(feature(25 + k, w.cluster[k]));
    f.add(feature(28, l1.cluster[1]));
    f.add(feature(29, r1.cluster[1]));
    f.add(feature(30, w.capitals, w.shape, w.initial));
    f.add(feature(31, w.upos));
    f.add(feature(32, w.xpos));
    f.add(feature(33, l1.upos, w.upos));
    f.add(feature(34, w.upos, r1.upos));
    f.add(feature(35, w.lemma));
    f.add(feature(36, l1.xpos));
    f.add(feature(37, r1.xpos));
    f.add(feature(38, w.gazetteer));
    f.add(feature(39, l1.gazetteer));
    f.add(feature(40, r1.gazetteer));
    f.add(feature(41, w.lexical & (kGivenName | kCommonWord | kHonorific | kNonEntity), w.shape));
    f.add(feature(42, l1.lexical & (kGivenName | kHonorific), w.shape));
    f.add(feature(43, w.lexical & kCommonWord, w.shape, w.initial));
    f.add(feature(44, w.lexical & (kInTitle | kAfterTitle), w.shape));
    f.add(feature(45, r1.lexical & (kOrgHead | kCommonWord), r1.shape));
    f.add(feature(46, w.lexical & kOrgHead, w.shape));
    f.add(feature(47, w.document, w.initial, w.shape));
    f.add(feature(48, p1, w.gazetteer));
    f.add(feature(49, l1.lower, w.shape));
    f.add(feature(50, w.lexical & kHeadline, w.shape, w.lexical & kCommonWord));
    f.add(feature(51, r1.lower, w.shape));
    f.add(feature(52, p1, w.cluster[1]));
    f.add(feature(53, w.upos, w.shape));
    f.add(feature(54, l1.upos, r1.upos, w.shape));
    f.add(feature(55, p1, r1.shape));
    f.add(feature(56, r1.upos, r2.upos));
    f.add(feature(57, l1.lower, l2.lower));
    f.add(feature(58, w.capitals, l1.capitals, r1.capitals));
    f.add(feature(59, w.place, w.gazetteer));
    f.add(feature(60, w.place, l1.lower));
}

std::vector<TaggedSpan> MentionTagger::tag(const nlp::ParsedSentence& sentence,
                                           const Lexicon& lexicon, const DocumentCase* document,
                                           bool capitalised_only) const {
    thread_local std::vector<MentionWord> words;
    thread_local std::vector<std::uint64_t> feats;
    thread_local std::vector<int> classes;
    thread_local std::vector<float> margins;
    thread_local std::vector<int> seconds;
    describe(sentence, lexicon, clusters_, document, words);
    classes.assign(words.size(), kOutside);
    margins.assign(words.size(), 0.0f);
    seconds.assign(words.size(), 0);
    std::int32_t scores[kClasses];
    int prev1 = -1, prev2 = -1;
    for (std::size_t i = 0; i < words.size(); ++i) {
        const std::string& form = sentence.words[i].form;
        const bool inside = prev1 > 0 && (prev1 - 1) % 4 < 2;
        if (capitalised_only && !inside &&
            !(upper_initial(form) || (!form.empty() && form[0] >= '0' && form[0] <= '9'))) {
            prev2 = prev1;
            prev1 = kOutside;
            continue;
        }
        features(words, i, prev1, prev2, feats);
        std::fill(std::begin(scores), std::end(scores), 0);
        weights_.score(feats.data(), feats.size(), scores);
        int best = -1, second = -1;
        for (int c = 0; c < static_cast<int>(kClasses); ++c) {
            if (!allowed(prev1, c)) continue;
            if (best < 0 || scores[c] > scores[best]) {
                second = best;
                best = c;
            } else if (second < 0 || scores[c] > scores[second]) {
                second = c;
            }
        }
        classes[i] = best;
        if (best > 0) {  // the best start of a span of another type
            int other = -1;
            for (int c = 1; c < static_cast<int>(kClasses); ++c)
                if ((c - 1) / 4 != (best - 1) / 4 && ((c - 1) % 4 == 0 || (c - 1) % 4 == 3) &&
                    (other < 0 || scores[c] > scores[other]))
                    other = c;
            seconds[i] = (other - 1) / 4;
        }
        margins[i] =
            static_cast<float>(scores[best] - (second < 0 ? 0 : scores[second])) * weights_.scale();
        prev2 = prev1;
        prev1 = best;
    }
    return spans(classes, &margins, &seconds);
}

void MentionTagger::save(const std::string& path) const {
    nlp::ModelWriter out;
    out.u32(static_cast<std::uint32_t>(kClasses));
    out.u8(uses_tags_ ? 1 : 0);
    clusters_.save_to(out);
    weights_.save(out);
    nlp::write_model(path, kKind, out);
}

MentionTagger MentionTagger::load(const std::string& path) {
    nlp::ModelReader in = nlp::read_model(path, kKind);
    if (in.u32() != kClasses) in.fail("not a PER/ORG/LOC BILOU tag set");
    const std::uint8_t uses_tags = in.u8();
    if (uses_tags > 1) in.fail("corrupt header");
    nlp::WordClusters clusters = nlp::WordClusters::load_from(in);
    nlp::WeightTable weights = nlp::WeightTable::load(in, kClasses);
    if (!in.at_end()) in.fail("trailing data after the weights");
    return MentionTagger(std::move(clusters), std::move(weights), uses_tags == 1);
}

}  // namespace newsgraph
