#include "graph/cross_document.hpp"

#include <algorithm>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <set>

#include "graph/name_similarity.hpp"

namespace newsgraph {
namespace {

std::string lower(std::string s) {
    for (char& c : s)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return s;
}

bool all_capitals(const std::string& s) {
    int upper = 0;
    for (char c : s) {
        if (c >= 'a' && c <= 'z') return false;
        upper += (c >= 'A' && c <= 'Z');
    }
    return upper >= 2;
}

// The only multi-word person with `word` as first or last word, allowing a spelling variant
// when no exact match exists.
std::optional<Vertex> unique_person_with_word(
    const std::map<std::string, std::vector<Vertex>>& persons_by_word,
    const VariantIndex& person_words, const std::string& word) {
    auto it = persons_by_word.find(word);
    if (it != persons_by_word.end()) {
        if (it->second.size() == 1) return it->second[0];
        return std::nullopt;
    }
    // Only the words sharing a variant key: scanning every word with the same initial was
    // quadratic when thousands of one-word names share one.
    std::set<Vertex> close;
    for (const std::string& variant : person_words.variants_of(word)) {
        const auto& persons = persons_by_word.at(variant);
        close.insert(persons.begin(), persons.end());
    }
    if (close.size() == 1) return *close.begin();
    return std::nullopt;
}

// Full names spelled two ways ("Volodymyr Zelensky", "Vlodomyr Zelenskyy"): the less mentioned
// folds into the more mentioned. A pair must match in every word, so each name is compared
// only with the names sharing a variant key in the word position where that set is smallest:
// a crowd with one surname or one pair of initials costs about linear time, not quadratic.
void fold_spelling_variants(const Graph& g, std::vector<Vertex>& rep,
                            std::vector<std::string>& why) {
    const std::size_t n = rep.size();
    std::vector<std::vector<std::string>> words(n);
    // 32-bit hashes of (word count, position, key), sorted with the people they index: a
    // flat vector of 8-byte entries, as a map of strings took several times the memory (50 MB
    // of news gives millions of keys). A collision only adds a candidate, and every candidate
    // is compared in full.
    auto hash = [](std::size_t count, std::size_t position, const std::string& key) {
        return static_cast<std::uint32_t>(std::hash<std::string>{}(
            std::to_string(count) + ':' + std::to_string(position) + ':' + key));
    };
    std::vector<std::pair<std::uint32_t, std::uint32_t>> index;
    for (Vertex v = 0; v < n; ++v) {
        if (g[v].type != EntityType::Person) continue;
        words[v] = words_of(g[v].label);
        if (words[v].size() < 2) continue;
        for (std::size_t p = 0; p < words[v].size(); ++p)
            for (const auto& key : variant_keys(words[v][p], false))
                index.emplace_back(hash(words[v].size(), p, key), static_cast<std::uint32_t>(v));
    }
    std::sort(index.begin(), index.end());
    using Range = std::pair<decltype(index)::const_iterator, decltype(index)::const_iterator>;
    auto candidates = [&](Vertex v) {
        std::vector<Range> best;
        std::size_t best_size = static_cast<std::size_t>(-1);
        for (std::size_t p = 0; p < words[v].size(); ++p) {
            std::vector<Range> ranges;
            std::size_t size = 0;
            for (const auto& key : variant_keys(words[v][p], true)) {
                const std::uint32_t h = hash(words[v].size(), p, key);
                auto range = std::equal_range(
                    index.cbegin(), index.cend(), std::make_pair(h, std::uint32_t{0}),
                    [](const auto& a, const auto& b) { return a.first < b.first; });
                size += static_cast<std::size_t>(range.second - range.first);
                ranges.push_back(range);
            }
            if (size < best_size) best = std::move(ranges), best_size = size;
        }
        std::vector<Vertex> out;
        for (const auto& [from, to] : best)
            for (auto it = from; it != to; ++it) out.push_back(it->second);
        std::sort(out.begin(), out.end());  // vertex order: the first winner found is kept
        out.erase(std::unique(out.begin(), out.end()), out.end());
        return out;
    };
    for (Vertex v = 0; v < n; ++v) {
        if (rep[v] != v || words[v].size() < 2) continue;
        for (Vertex u : candidates(v)) {
            if (u == v || rep[u] != u) continue;
            // Candidates come by hash: a collision may bring a name of another length.
            if (!std::equal(words[v].begin(), words[v].end(), words[u].begin(), words[u].end(),
                            spelling_variants))
                continue;
            bool u_wins = g[u].mentions > g[v].mentions ||
                          (g[u].mentions == g[v].mentions && g[u].id < g[v].id);
            if (u_wins) {
                rep[v] = u;
                why[v] = "spelling variant of every word of the name";
                break;
            }
        }
    }
}

// Whether an article of `v` names an organisation whose first word is `v`'s label: there
// "WMC" is short for "WMC Resources", so its initials say nothing. Conservative: one "IAAF
// Council" leaves "IAAF" unfolded; a fold the corpus does not make is a duplicate node, a
// wrong one puts one body's facts on another.
bool starts_name_in_its_articles(const Graph& g, Vertex v,
                                 const std::map<std::string, std::vector<Vertex>>& by_first_word) {
    auto it = by_first_word.find(g[v].label);
    if (it == by_first_word.end()) return false;
    const std::set<std::string>& docs = g[v].documents;
    return std::any_of(it->second.begin(), it->second.end(), [&](Vertex u) {
        return std::any_of(g[u].documents.begin(), g[u].documents.end(),
                           [&](const std::string& d) { return docs.count(d) > 0; });
    });
}

// Whether acronym `v` stands bare in more than three times as many articles as the
// organisation it spells is named in: news spells a body out where it first names it, so
// such an acronym most likely names another body there ("NHS" in 18 BBC articles is not
// the "Norfolk High School" of one, nor "CBI" in 11 the "Credit Bank of Iraq" of one).
bool bare_far_more_often(const Graph& g, Vertex v, Vertex expansion) {
    return g[v].documents.size() > 3 * g[expansion].documents.size();
}

// One-word names into full names, acronyms into the organisations they spell, and labels
// into the same label in other letter case. Its own function, so that its indexes (tens of
// MB for 50 MB of news) are freed before the next kind of fold makes its own.
void fold_short_forms(const Graph& g, std::vector<Vertex>& rep, std::vector<std::string>& why) {
    const std::size_t n = rep.size();
    // Candidate full forms, by type: word -> multi-word persons; initials -> organisations;
    // case-folded label -> first vertex with it.
    std::map<std::string, std::vector<Vertex>> persons_by_word, orgs_by_initials;
    // Multi-word organisations by first word: "WMC" is not "Windows Media Center" where
    // its articles name "WMC Resources" (the acronym is that name's short form there).
    std::map<std::string, std::vector<Vertex>> orgs_by_first_word;
    std::map<std::pair<EntityType, std::string>, Vertex> by_folded_label;
    for (Vertex v = 0; v < n; ++v) {
        const EntityVertex& e = g[v];
        auto words = words_of(e.label);
        if (e.type == EntityType::Person && words.size() >= 2) {
            persons_by_word[words.front()].push_back(v);
            if (words.back() != words.front()) persons_by_word[words.back()].push_back(v);
        }
        if (e.type == EntityType::Organisation && words.size() >= 2) {
            orgs_by_initials[capital_initials(e.label)].push_back(v);
            orgs_by_first_word[words.front()].push_back(v);
        }
        auto key = std::make_pair(e.type, lower(e.label));
        auto [it, inserted] = by_folded_label.emplace(key, v);
        // Prefer the spelling mentioned most ("NATO" over "Nato").
        if (!inserted && g[v].mentions > g[it->second].mentions) it->second = v;
    }
    VariantIndex person_words;
    for (const auto& entry : persons_by_word) person_words.add(entry.first);
    for (Vertex v = 0; v < n; ++v) {
        const EntityVertex& e = g[v];
        auto words = words_of(e.label);
        if (e.type == EntityType::Person && words.size() == 1) {
            if (auto full = unique_person_with_word(persons_by_word, person_words, words[0])) {
                rep[v] = *full;
                why[v] = "one-word name; the only full name with it as first or last word";
            }
        } else if (e.type == EntityType::Organisation && words.size() == 1 &&
                   all_capitals(e.label)) {
            auto it = orgs_by_initials.find(e.label);
            if (it != orgs_by_initials.end() && it->second.size() == 1 &&
                !starts_name_in_its_articles(g, v, orgs_by_first_word) &&
                !bare_far_more_often(g, v, it->second[0])) {
                rep[v] = it->second[0];
                why[v] = "acronym; the only organisation with these initials";
            }
        }
        if (rep[v] == v) {
            Vertex same = by_folded_label.at({e.type, lower(e.label)});
            if (same != v) {
                rep[v] = same;
                why[v] = "same name in other letter case";
            }
        }
    }
}

// Whether `short_word` is `word` or abbreviates it: three letters or more, not in capitals
// (an acronym's), the same first letter, then its letters in order ("Utd" of "United", "Dems"
// of "Democrats", "Man" of "Manchester"), in any letter case; not a part of a compound
// ("Crown" of "Crown-winning").
bool abbreviates(const std::string& short_word, const std::string& word) {
    if (short_word == word) return true;
    if (short_word.size() < 3 || all_capitals(short_word) || word.find('-') != std::string::npos)
        return false;
    const std::string a = lower(short_word), b = lower(word);
    if (a.size() > b.size() || a[0] != b[0]) return false;
    std::size_t k = 1;
    for (std::size_t i = 1; i < b.size() && k < a.size(); ++i)
        if (b[i] == a[k]) ++k;
    return k == a.size();
}

// Whether a person's node holds what only a person has: attributes (titles, sex) or a
// typed relation ("leader_of", "citizen_of"), which folding it into an organisation would
// hand to the body.
bool has_facts_of_a_person(const Graph& g, Vertex v) {
    if (!g[v].attributes.empty()) return true;
    for (const auto e : boost::make_iterator_range(boost::out_edges(v, g)))
        if (g[e].relation != Relation::co_mentioned) return true;
    for (const auto e : boost::make_iterator_range(boost::in_edges(v, g)))
        if (g[e].relation != Relation::co_mentioned) return true;
    return false;
}

// Short forms into the organisation they shorten, word by word: "Man Utd" is the corpus's
// only "Manchester United", "Lib Dems" its "Liberal Democrats" (a name of the "Liberal
// Democrat Party"; also a short form taken for a person, if it holds nothing only a person
// has). Every word must abbreviate the organisation's word in its place, one at least
// shortened, and the whole be under 70% of its length, so that a person ("Tom Cook") is not
// folded into a firm named like one ("Thomas Cook").
void fold_abbreviated_names(const Graph& g, std::vector<Vertex>& rep,
                            std::vector<std::string>& why) {
    const std::size_t n = rep.size();
    auto initials_of = [](const std::vector<std::string>& words) {
        std::string key = std::to_string(words.size()) + ':';
        for (const std::string& w : words) key += lower(w.substr(0, 1));
        return key;
    };
    // Organisations by the initials of their label and of each name the articles gave them
    // ("Liberal Democrats" of the "Liberal Democrat Party"), with the names' words.
    std::map<std::string, std::vector<std::pair<Vertex, std::vector<std::string>>>>
        orgs_by_initials;
    for (Vertex v = 0; v < n; ++v) {
        if (g[v].type != EntityType::Organisation) continue;
        std::set<std::string> names{g[v].label};
        for (const auto& alias : g[v].aliases) names.insert(alias.first);
        for (const std::string& name : names) {
            auto words = words_of(name);
            if (words.size() >= 2) orgs_by_initials[initials_of(words)].emplace_back(v, words);
        }
    }
    for (Vertex v = 0; v < n; ++v) {
        if (rep[v] != v ||
            (g[v].type != EntityType::Organisation && g[v].type != EntityType::Person) ||
            (g[v].type == EntityType::Person && has_facts_of_a_person(g, v)))
            continue;
        const auto words = words_of(g[v].label);
        if (words.size() < 2) continue;
        const auto it = orgs_by_initials.find(initials_of(words));
        if (it == orgs_by_initials.end()) continue;
        std::optional<Vertex> only;  // a representative: names already folded count once
        bool several = false;
        for (const auto& [candidate, long_words] : it->second) {
            const Vertex u = rep[candidate];
            std::size_t long_size = long_words.size() - 1;  // the spaces between the words
            for (const std::string& w : long_words) long_size += w.size();
            if (u == v || (only && *only == u) || g[v].label.size() * 10 >= long_size * 7) continue;
            bool shortened = false, all = long_words.size() == words.size();
            for (std::size_t k = 0; all && k < words.size(); ++k) {
                all = abbreviates(words[k], long_words[k]);
                shortened = shortened || words[k].size() < long_words[k].size();
            }
            if (!all || !shortened) continue;
            several = several || only.has_value();
            only = u;
        }
        if (only && !several) {
            rep[v] = *only;
            why[v] = "short form; every word abbreviates the only organisation's in its place";
        }
    }
}

// Agreement descriptions: "peace plan" is the corpus's only "12-point peace plan" (the
// longer form adds only a numbered modifier, "12-point", "five-year").
// A fuller form has the same words but the numbered ones, so agreements are grouped by
// their other words: grouping by head word alone compared every pair of a corpus's
// thousands of "... agreement"s.
void fold_agreement_descriptions(const Graph& g, std::vector<Vertex>& rep,
                                 std::vector<std::string>& why) {
    const std::size_t n = rep.size();
    std::map<std::pair<std::string, std::set<std::string>>, std::vector<Vertex>>
        agreements_by_words;  // (head word, words not numbered)
    for (Vertex v = 0; v < n; ++v) {
        const auto words = words_of(g[v].label);
        if (g[v].type != EntityType::Agreement || words.empty()) continue;
        std::set<std::string> plain;
        for (const std::string& w : words)
            if (!numbered_modifier(w)) plain.insert(w);
        agreements_by_words[{words.back(), plain}].push_back(v);
    }
    for (const auto& entry : agreements_by_words) {
        const std::vector<Vertex>& group = entry.second;
        for (Vertex v : group) {
            if (rep[v] != v) continue;
            auto words = words_of(g[v].label);
            std::vector<Vertex> fuller;
            for (Vertex u : group) {
                auto other = words_of(g[u].label);
                if (u == v || other.size() <= words.size()) continue;
                bool numbered_extension =
                    std::all_of(other.begin(), other.end(), [&](const std::string& w) {
                        return std::find(words.begin(), words.end(), w) != words.end() ||
                               numbered_modifier(w);
                    });
                bool contains = std::all_of(words.begin(), words.end(), [&](const std::string& w) {
                    return std::find(other.begin(), other.end(), w) != other.end();
                });
                if (numbered_extension && contains) fuller.push_back(u);
            }
            if (fuller.size() == 1) {
                rep[v] = fuller[0];
                why[v] =
                    "agreement description; the only fuller form differs by a numbered modifier";
            }
        }
    }
}

// What each vertex folds into (itself when it stays), and why (`why`). The indexes are
// freed before the graph is rebuilt with the folds.
std::vector<Vertex> representatives(const Graph& g, std::vector<std::string>& why) {
    const std::size_t n = boost::num_vertices(g);
    std::vector<Vertex> rep(n);
    for (Vertex v = 0; v < n; ++v) rep[v] = v;
    why.assign(n, "");
    fold_short_forms(g, rep, why);
    fold_abbreviated_names(g, rep, why);
    fold_spelling_variants(g, rep, why);
    fold_agreement_descriptions(g, rep, why);
    // A representative may be folded itself (a one-word person into a folded-label one, a
    // short form that a one-word name was folded into): follow the chains to their ends.
    for (Vertex v = 0; v < n; ++v)
        while (rep[rep[v]] != rep[v]) rep[v] = rep[rep[v]];
    return rep;
}

}  // namespace

std::vector<Fold> resolve_across_documents(KnowledgeGraph& kg) {
    kg.normalize();  // vertex order by id: every choice below is order-independent
    const Graph& g = kg.graph();
    const std::size_t n = boost::num_vertices(g);
    std::vector<std::string> why;
    const std::vector<Vertex> rep = representatives(g, why);
    std::vector<Fold> folds;
    for (Vertex v = 0; v < n; ++v)
        if (rep[v] != v) folds.push_back({g[v].id, g[rep[v]].id, why[v]});
    kg.contract(rep);
    kg.normalize();
    return folds;
}

}  // namespace newsgraph
