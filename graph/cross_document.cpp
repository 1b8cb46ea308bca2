#include "graph/cross_document.hpp"

#include <algorithm>
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

// "12-point", "nine-point", "five-year": a modifier that counts the parts of a document.
bool numbered(const std::string& word) {
    auto hyphen = word.find('-');
    if (hyphen == std::string::npos || hyphen == 0) return false;
    const std::string unit = word.substr(hyphen + 1);
    return unit == "point" || unit == "year" || unit == "article" || unit == "page" ||
           unit == "step";
}

// The first byte of every word: "Volodymyr Zelensky" -> "VZ".
std::string initials_of_words(const std::string& name) {
    std::string out;
    for (const auto& w : words_of(name)) out += w[0];
    return out;
}

// The only multi-word person with `word` as first or last word, allowing a spelling variant
// when no exact match exists.
std::optional<Vertex> unique_person_with_word(
    const std::map<std::string, std::vector<Vertex>>& persons_by_word, const std::string& word) {
    auto it = persons_by_word.find(word);
    if (it != persons_by_word.end()) {
        if (it->second.size() == 1) return it->second[0];
        return std::nullopt;
    }
    std::set<Vertex> close;  // variants share the initial: look only at those words
    for (auto w = persons_by_word.lower_bound(word.substr(0, 1));
         w != persons_by_word.end() && w->first[0] == word[0]; ++w)
        if (spelling_variants(w->first, word)) close.insert(w->second.begin(), w->second.end());
    if (close.size() == 1) return *close.begin();
    return std::nullopt;
}

}  // namespace

std::vector<Fold> resolve_across_documents(KnowledgeGraph& kg) {
    kg.normalize();  // vertex order by id: every choice below is order-independent
    const Graph& g = kg.graph();
    const std::size_t n = boost::num_vertices(g);
    std::vector<Vertex> rep(n);
    for (Vertex v = 0; v < n; ++v) rep[v] = v;
    std::vector<std::string> why(n);

    // Candidate full forms, by type: word -> multi-word persons; initials -> organisations;
    // case-folded label -> first vertex with it.
    std::map<std::string, std::vector<Vertex>> persons_by_word, orgs_by_initials;
    std::map<std::pair<EntityType, std::string>, Vertex> by_folded_label;
    for (Vertex v = 0; v < n; ++v) {
        const EntityVertex& e = g[v];
        auto words = words_of(e.label);
        if (e.type == EntityType::Person && words.size() >= 2) {
            persons_by_word[words.front()].push_back(v);
            if (words.back() != words.front()) persons_by_word[words.back()].push_back(v);
        }
        if (e.type == EntityType::Organisation && words.size() >= 2)
            orgs_by_initials[capital_initials(e.label)].push_back(v);
        auto key = std::make_pair(e.type, lower(e.label));
        auto [it, inserted] = by_folded_label.emplace(key, v);
        // Prefer the spelling mentioned most ("NATO" over "Nato").
        if (!inserted && g[v].mentions > g[it->second].mentions) it->second = v;
    }
    for (Vertex v = 0; v < n; ++v) {
        const EntityVertex& e = g[v];
        auto words = words_of(e.label);
        if (e.type == EntityType::Person && words.size() == 1) {
            if (auto full = unique_person_with_word(persons_by_word, words[0])) {
                rep[v] = *full;
                why[v] = "one-word name; the only full name with it as first or last word";
            }
        } else if (e.type == EntityType::Organisation && words.size() == 1 &&
                   all_capitals(e.label)) {
            auto it = orgs_by_initials.find(e.label);
            if (it != orgs_by_initials.end() && it->second.size() == 1) {
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
    // Full names spelled two ways ("Volodymyr Zelensky", "Vlodomyr Zelenskyy"): the less
    // mentioned folds into the more mentioned. Variants share every word's initial, so only
    // names with the same initials are compared.
    std::map<std::string, std::vector<Vertex>> by_initials;
    for (Vertex v = 0; v < n; ++v)
        if (g[v].type == EntityType::Person && words_of(g[v].label).size() >= 2)
            by_initials[initials_of_words(g[v].label)].push_back(v);
    for (const auto& [key, group] : by_initials) {
        for (Vertex v : group) {
            if (rep[v] != v) continue;
            auto words = words_of(g[v].label);
            for (Vertex u : group) {
                if (u == v || rep[u] != u) continue;
                auto other = words_of(g[u].label);
                if (other.size() != words.size() ||
                    !std::equal(words.begin(), words.end(), other.begin(), spelling_variants))
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
    // Agreement descriptions: "peace plan" is the corpus's only "12-point peace plan" (the
    // longer form adds only a numbered modifier, "12-point", "five-year").
    std::map<std::string, std::vector<Vertex>> agreements_by_head;
    for (Vertex v = 0; v < n; ++v)
        if (g[v].type == EntityType::Agreement && !words_of(g[v].label).empty())
            agreements_by_head[words_of(g[v].label).back()].push_back(v);
    for (const auto& [head, group] : agreements_by_head) {
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
                               numbered(w);
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
    // Representatives are never folded themselves (multi-word, or the preferred spelling),
    // except a folded-label representative that is itself a one-word person: follow chains.
    for (Vertex v = 0; v < n; ++v)
        while (rep[rep[v]] != rep[v]) rep[v] = rep[rep[v]];
    std::vector<Fold> folds;
    for (Vertex v = 0; v < n; ++v)
        if (rep[v] != v) folds.push_back({g[v].id, g[rep[v]].id, why[v]});
    kg.contract(rep);
    kg.normalize();
    return folds;
}

}  // namespace newsgraph
