#include "src/extract/lexicon.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>
#include <stdexcept>

#include "src/extract/data_file.hpp"

namespace newsgraph {
namespace {

bool is_word_byte(unsigned char c) {
    return std::isalnum(c) || c >= 0x80;
}

char fold_ascii(char c) {
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

// The first run of letters and digits (or the first byte, if it is none): the bucket a
// phrase or token is filed under, read in place. `fold_case` reads it in lower case.
struct BucketKey {
    std::string_view text;
    bool fold_case;
    BucketKey(std::string_view s, bool fold) : fold_case(fold) {
        std::size_t n = 0;
        while (n < s.size() && is_word_byte(static_cast<unsigned char>(s[n]))) ++n;
        text = s.substr(0, n ? n : 1);
    }
    std::size_t size() const { return text.size(); }
    char operator[](std::size_t i) const { return fold_case ? fold_ascii(text[i]) : text[i]; }
};

// Whether `phrase` holds `word` at `pos`, the word read in lower case when `fold_case`.
bool holds_at(const std::string& phrase, std::size_t pos, std::string_view word, bool fold_case) {
    if (phrase.size() - pos < word.size()) return false;
    for (std::size_t k = 0; k < word.size(); ++k)
        if (phrase[pos + k] != (fold_case ? fold_ascii(word[k]) : word[k])) return false;
    return true;
}

std::vector<std::string> read_lines(const std::string& path) {
    std::vector<std::string> lines;
    for (DataLine& line : read_data_lines(path)) lines.push_back(std::move(line.text));
    return lines;
}

std::vector<std::string> read_words(const std::string& path, bool lower = false) {
    std::vector<std::string> words = read_lines(path);
    if (lower)
        for (auto& w : words) w = lower_ascii(w);
    return words;
}

WordSet read_set(const std::string& path, bool lower = false) {
    return WordSet(read_words(path, lower));
}

}  // namespace

void Lexicon::add_phrase(PhraseBuckets& index, const std::string& text, std::size_t value,
                         bool fold_case) {
    std::string phrase = fold_case ? lower_ascii(text) : text;
    const BucketKey key(phrase, false);
    auto& bucket = index[std::string(key.text)];
    for (const Phrase& p : bucket)
        if (p.text == phrase) return;  // first listing wins
    bucket.push_back({phrase, value});
    std::stable_sort(bucket.begin(), bucket.end(), [](const Phrase& a, const Phrase& b) {
        return a.text.size() > b.text.size();
    });
}

Lexicon::PhraseIndex Lexicon::freeze(PhraseBuckets&& buckets) {
    std::vector<std::pair<std::string, std::vector<Phrase>>> entries;
    entries.reserve(buckets.size());
    for (auto& [key, phrases] : buckets) entries.emplace_back(key, std::move(phrases));
    return PhraseIndex(std::move(entries));
}

// Matches a phrase against consecutive tokens by consuming its characters: a space in the
// phrase stands between tokens, so the lists need not know how the tokenizer splits words.
std::optional<std::pair<std::size_t, std::size_t>> Lexicon::longest_at(
    const PhraseIndex& index, const std::vector<Token>& tokens, std::size_t i, bool fold_case) {
    if (i >= tokens.size()) return std::nullopt;
    const std::vector<Phrase>* bucket = index.find(BucketKey(tokens[i].norm, fold_case));
    if (bucket == nullptr) return std::nullopt;
    for (const Phrase& phrase : *bucket) {  // longest first
        std::size_t pos = 0, k = i;
        bool ok = true;
        while (pos < phrase.text.size()) {
            if (k >= tokens.size()) {
                ok = false;
                break;
            }
            if (phrase.text[pos] == ' ') {
                ++pos;
                continue;
            }
            const std::string& norm = tokens[k].norm;
            if (!holds_at(phrase.text, pos, norm, fold_case)) {
                ok = false;
                break;
            }
            pos += norm.size();
            ++k;
        }
        // A phrase must end at a token boundary: "UN" never matches inside "UNSC".
        if (ok && pos == phrase.text.size()) return std::make_pair(k - i, phrase.index);
    }
    return std::nullopt;
}

Lexicon Lexicon::load(const std::string& data_dir) {
    Lexicon lx;
    PhraseBuckets gazetteer, titles, places;
    const std::string dir = data_dir + "/";

    // Countries and territories: countries.tsv names them, country_forms.tsv lists how text
    // refers to them. A form shared by several is kept only if one of them is a sovereign
    // state ("American": United States, not American Samoa).
    std::map<std::string, GazetteerEntry> by_alpha2;
    for (auto& line : read_lines(dir + "countries.tsv")) {
        auto f = split(line, '\t');
        if (f.size() < 4) throw std::runtime_error(dir + "countries.tsv: malformed line: " + line);
        by_alpha2[f[0]] = {f[3] == "Country" ? EntityType::Country : EntityType::Location, f[2],
                           FormKind::Name, f[0], f[1]};
    }
    std::map<std::string, std::vector<std::pair<FormKind, std::string>>> forms;
    for (auto& line : read_lines(dir + "country_forms.tsv")) {
        auto f = split(line, '\t');
        if (f.size() < 3 || !by_alpha2.count(f[2]))
            throw std::runtime_error(dir + "country_forms.tsv: malformed line: " + line);
        FormKind kind = f[1] == "demonym"   ? FormKind::Demonym
                        : f[1] == "capital" ? FormKind::Capital
                        : f[1] == "seat"    ? FormKind::Seat
                                            : FormKind::Name;
        forms[f[0]].emplace_back(kind, f[2]);
    }
    std::map<std::pair<std::string, FormKind>, std::size_t> entry_of;
    auto entry_for = [&](const std::string& alpha2, FormKind kind) {
        auto key = std::make_pair(alpha2, kind);
        auto it = entry_of.find(key);
        if (it != entry_of.end()) return it->second;
        GazetteerEntry e = by_alpha2.at(alpha2);
        e.kind = kind;
        lx.entries_.push_back(e);
        if (kind == FormKind::Name) lx.country_by_alpha2_[alpha2] = lx.entries_.size() - 1;
        return entry_of[key] = lx.entries_.size() - 1;
    };
    for (const auto& [alpha2, entry] : by_alpha2) entry_for(alpha2, FormKind::Name);
    for (const auto& [surface, owners] : forms) {
        std::vector<std::pair<FormKind, std::string>> sovereign;
        for (const auto& o : owners)
            if (by_alpha2.at(o.second).type == EntityType::Country) sovereign.push_back(o);
        const auto& pick = sovereign.empty() ? owners : sovereign;
        std::set<std::string> distinct;
        for (const auto& o : pick) distinct.insert(o.second);
        if (distinct.size() != 1) continue;  // ambiguous ("Congolese")
        add_phrase(gazetteer, surface, entry_for(pick[0].second, pick[0].first), false);
    }

    // International bodies (a reviewed list), then political parties (derived from WordNet
    // at build time: "Conservative Party", "Tories").
    // A one-word name in the plural ("Tories", "Democrats") gives its members' noun ("Tory",
    // "Democrat"): read before a person's name as the person's side.
    std::vector<std::string> members;
    const auto add_members = [&](const std::string& name) {
        if (name.size() < 4 || name.find(' ') != std::string::npos || name.back() != 's' ||
            !(name[0] >= 'A' && name[0] <= 'Z'))
            return;
        const std::string singular = name.substr(0, name.size() - 1);  // "Democrat", "Allie"
        if (singular.back() != 'y') members.push_back(singular);
        if (name.ends_with("ies")) members.push_back(name.substr(0, name.size() - 3) + "y");
    };
    for (const char* list : {"organisations.tsv", "parties.tsv"}) {
        for (auto& line : read_lines(dir + list)) {
            auto f = split(line, '\t');
            lx.entries_.push_back({EntityType::Organisation, f[0], FormKind::Name, "", ""});
            add_phrase(gazetteer, f[0], lx.entries_.size() - 1, false);
            add_members(f[0]);
            if (f.size() > 1)
                for (auto& alias : split(f[1], '|'))
                    if (!alias.empty()) {
                        add_phrase(gazetteer, alias, lx.entries_.size() - 1, false);
                        add_members(alias);
                    }
        }
    }
    lx.party_members_ = WordSet(members);

    for (auto& line : read_lines(dir + "titles.tsv")) {
        auto f = split(line, '\t');
        if (f.size() < 2) throw std::runtime_error(dir + "titles.tsv: malformed line: " + line);
        static const std::map<std::string, Role> kRoles = {{"head", Role::HeadOfState},
                                                           {"leader", Role::Leader},
                                                           {"official", Role::Official},
                                                           {"affiliate", Role::Affiliate}};
        auto role = kRoles.find(f[1]);
        if (role == kRoles.end())
            throw std::runtime_error(dir + "titles.tsv: unknown role in line: " + line);
        lx.title_roles_.push_back(role->second);
        lx.title_head_in_.push_back(f.size() > 2 ? split(f[2], ',') : std::vector<std::string>{});
        add_phrase(titles, f[0], lx.title_roles_.size() - 1, true);
    }

    lx.honorifics_ = read_set(dir + "honorifics.txt");
    lx.peerage_styles_ = read_set(dir + "peerage_styles.txt");
    lx.inhabitants_ = read_set(dir + "inhabitants.txt");
    std::vector<std::string> company_heads = read_words(dir + "company_heads.txt");
    lx.company_heads_ = WordSet(company_heads);
    std::vector<std::string> org_heads = read_words(dir + "org_heads.txt");
    org_heads.insert(org_heads.end(), company_heads.begin(), company_heads.end());
    lx.org_heads_ = WordSet(org_heads);
    lx.agreement_heads_ = read_set(dir + "agreement_heads.txt", true);
    lx.agreement_modifiers_ = read_set(dir + "agreement_modifiers.txt", true);
    lx.given_names_ = read_set(dir + "given_names.txt");
    for (auto& line : read_lines(dir + "reference_nouns.tsv")) {
        auto f = split(line, '\t');
        auto type = f.size() == 2 ? parse_entity_type(f[1]) : std::nullopt;
        if (!type) throw std::runtime_error(dir + "reference_nouns.tsv: malformed line: " + line);
        lx.reference_nouns_[lower_ascii(f[0])] = *type;
    }
    for (auto& line : read_lines(dir + "given_name_sexes.tsv")) {
        auto f = split(line, '\t');
        if (f.size() != 2 || (f[1] != "m" && f[1] != "f"))
            throw std::runtime_error(dir + "given_name_sexes.tsv: malformed line: " + line);
        lx.given_name_sexes_[f[0]] = f[1][0];
    }
    lx.non_entities_ = read_set(dir + "non_entities.txt");
    lx.reporting_verbs_ = read_set(dir + "reporting_verbs.txt", true);
    lx.authorship_verbs_ = read_set(dir + "authorship_verbs.txt", true);
    lx.common_words_ = read_set(dir + "common_words.txt");
    lx.org_descriptors_ = read_set(dir + "org_descriptors.txt", true);
    lx.org_descriptors_before_ = read_set(dir + "org_descriptors_before.txt", true);
    lx.member_role_nouns_ = read_set(dir + "member_role_nouns.txt", true);
    lx.common_compounds_ = read_set(dir + "common_compounds.txt");
    lx.plain_acronyms_ = read_set(dir + "plain_acronyms.txt");
    std::vector<std::string> subordinating = read_words(dir + "modifier_nouns.txt");
    const std::vector<std::string> ranks = read_words(dir + "subordinate_ranks.txt", true);
    subordinating.insert(subordinating.end(), ranks.begin(), ranks.end());
    lx.subordinating_ = WordSet(subordinating);
    lx.subordinate_ranks_ = WordSet(ranks);
    lx.locatives_ = read_set(dir + "locative_prepositions.txt", true);
    lx.positions_ = read_set(dir + "position_prepositions.txt", true);
    lx.travel_words_ = read_set(dir + "travel_words.txt", true);
    lx.work_nouns_ = read_set(dir + "work_nouns.txt", true);
    lx.event_heads_ = read_set(dir + "event_heads.txt", true);
    lx.side_verbs_ = read_set(dir + "side_verbs.txt", true);
    lx.match_phrases_ = read_set(dir + "match_words.txt", true);
    lx.match_nouns_ = read_set(dir + "match_nouns.txt", true);
    lx.club_heads_ = read_set(dir + "club_heads.txt");
    lx.compass_words_ = read_set(dir + "compass_words.txt");
    lx.post_nominals_ = read_set(dir + "post_nominals.txt");
    for (const auto& place : read_lines(dir + "places.txt")) add_phrase(places, place, 0, false);
    lx.gazetteer_ = freeze(std::move(gazetteer));
    lx.titles_ = freeze(std::move(titles));
    lx.places_ = freeze(std::move(places));
    return lx;
}

std::optional<LexiconMatch> Lexicon::gazetteer_at(const std::vector<Token>& tokens,
                                                  std::size_t i) const {
    auto m = longest_at(gazetteer_, tokens, i, false);
    if (!m) return std::nullopt;
    return LexiconMatch{m->first, &entries_[m->second], Role::Leader};
}

std::optional<LexiconMatch> Lexicon::title_at(const std::vector<Token>& tokens,
                                              std::size_t i) const {
    auto m = longest_at(titles_, tokens, i, true);
    if (!m) return std::nullopt;
    const auto& head_in = title_head_in_[m->second];
    return LexiconMatch{m->first, nullptr, title_roles_[m->second],
                        head_in.empty() ? nullptr : &head_in};
}

bool Lexicon::is_title_word(std::string_view word) const {
    const std::vector<Phrase>* bucket = titles_.find(BucketKey(word, true));
    return bucket != nullptr && std::any_of(bucket->begin(), bucket->end(), [&](const Phrase& p) {
               return p.text.size() == word.size() && holds_at(p.text, 0, word, true);
           });
}

std::size_t Lexicon::place_at(const std::vector<Token>& tokens, std::size_t i) const {
    auto m = longest_at(places_, tokens, i, false);
    return m ? m->first : 0;
}

const GazetteerEntry* Lexicon::country(std::string_view alpha2) const {
    auto it = country_by_alpha2_.find(std::string(alpha2));
    return it == country_by_alpha2_.end() ? nullptr : &entries_[it->second];
}

}  // namespace newsgraph
