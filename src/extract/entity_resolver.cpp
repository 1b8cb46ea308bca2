#include "src/extract/entity_resolver.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <sstream>

#include "graph/name_similarity.hpp"
#include "src/ingest/text_repair.hpp"

namespace newsgraph {
namespace {

std::string letters_only(const std::string& s) {
    std::string out;
    for (char c : s)
        if (c >= 'A' && c <= 'Z') out += c;
    return out;
}

// Builds entities: one per key, aliases counted, the longest name as label unless a
// gazetteer gave a canonical one.
class EntityTable {
  public:
    std::size_t get(const std::string& key, const std::string& label, EntityType type) {
        auto it = index_.find(key);
        if (it != index_.end()) return it->second;
        EntityRecord e;
        e.label = label;
        e.type = type;
        entities_.push_back(std::move(e));
        return index_[key] = entities_.size() - 1;
    }
    EntityRecord& at(std::size_t i) { return entities_[i]; }
    std::vector<EntityRecord> take() { return std::move(entities_); }

  private:
    std::map<std::string, std::size_t> index_;
    std::vector<EntityRecord> entities_;
};

void add_attribute_value(EntityRecord& e, const std::string& key, const std::string& value) {
    std::string& v = e.attributes[key];
    std::set<std::string> values;
    std::istringstream in(v);
    for (std::string x; std::getline(in, x, '|');)
        if (!x.empty()) values.insert(x);
    values.insert(value);
    v.clear();
    for (const auto& x : values) v += (v.empty() ? "" : "|") + x;
}

}  // namespace

std::string name_key(const std::string& written) {
    // NFC and no zero-width joiners: "José" typed with a combining accent is "José".
    const std::string surface = comparable_form(written);
    std::string out;
    for (std::size_t i = 0; i < surface.size(); ++i) {
        unsigned char c = static_cast<unsigned char>(surface[i]);
        // U+2018/2019 -> ', U+201C/201D -> "
        if (c == 0xE2 && i + 2 < surface.size() &&
            static_cast<unsigned char>(surface[i + 1]) == 0x80) {
            unsigned char d = static_cast<unsigned char>(surface[i + 2]);
            if (d == 0x98 || d == 0x99) {
                out += '\'';
                i += 2;
                continue;
            }
            if (d == 0x9C || d == 0x9D) {
                out += '"';
                i += 2;
                continue;
            }
            if (d == 0x90 || d == 0x91 || d == 0x93) {  // U+2010, U+2011, U+2013: a hyphen
                out += '-';
                i += 2;
                continue;
            }
        }
        if (std::isspace(c)) {
            if (!out.empty() && out.back() != ' ') out += ' ';
            continue;
        }
        out += static_cast<char>(c);
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    for (const char* article : {"the ", "The "})
        if (out.rfind(article, 0) == 0) out.erase(0, 4);
    return out;
}

ResolvedMentions EntityResolver::resolve(const std::vector<Mention>& mentions) const {
    EntityTable table;
    std::vector<std::optional<std::size_t>> entity_of(mentions.size());

    // Full names of people, grouped by first and last word ("Vladimir V. Putin" is
    // "Vladimir Putin"). The most frequent spelling becomes the label.
    std::map<std::string, std::map<std::string, int>> full_names;  // group key -> spelling counts
    auto person_group = [](const std::vector<std::string>& w) {
        return w.front() + " " + w.back();
    };
    for (const Mention& m : mentions) {
        if (m.type != EntityType::Person || m.weak) continue;
        auto w = words_of(name_key(m.surface));
        if (w.size() >= 2) ++full_names[person_group(w)][name_key(m.surface)];
    }
    auto best_spelling = [&](const std::string& group) {
        const auto& spellings = full_names.at(group);
        return std::max_element(spellings.begin(), spellings.end(),
                                [](auto& a, auto& b) {
                                    return a.second != b.second ? a.second < b.second
                                                                : a.first > b.first;
                                })
            ->first;
    };
    // For a one-word mention, the full name it stands for: a unique full name containing it as
    // first or last word, or else the one mentioned most recently before it.
    std::map<std::string, std::size_t> last_seen;  // group -> last mention index
    // Groups by their first and by their last word, built once: scanning every group for
    // every one-word mention was quadratic in an article naming thousands of people.
    std::map<std::string, std::set<std::string>> groups_by_word, groups_by_last_word;
    for (const auto& [group, spellings] : full_names) {
        auto w = words_of(group);
        groups_by_word[w.front()].insert(group);
        groups_by_word[w.back()].insert(group);
        groups_by_last_word[w.back()].insert(group);
    }
    VariantIndex last_words;
    for (const auto& entry : groups_by_last_word) last_words.add(entry.first);
    auto full_name_for = [&](const std::string& word,
                             std::size_t at) -> std::optional<std::string> {
        std::vector<std::string> candidates;
        if (auto it = groups_by_word.find(word); it != groups_by_word.end())
            candidates.assign(it->second.begin(), it->second.end());
        if (candidates.empty() && !word.empty()) {  // "Zelensky" for "Volodymyr Zelenskyy"
            // Only last words sharing a variant key: scanning every last word with the same
            // initial was quadratic when thousands of people share one.
            std::set<std::string> close;
            for (const std::string& variant : last_words.variants_of(word)) {
                const auto& groups = groups_by_last_word.at(variant);
                close.insert(groups.begin(), groups.end());
            }
            candidates.assign(close.begin(), close.end());
        }
        if (candidates.size() == 1) return candidates[0];
        std::optional<std::string> nearest;
        std::size_t nearest_at = 0;
        for (const auto& c : candidates) {
            auto it = last_seen.find(c);
            if (it != last_seen.end() && it->second < at && it->second >= nearest_at)
                nearest = c, nearest_at = it->second;
        }
        return nearest;
    };

    // Organisations named by an acronym of their name elsewhere in the article ("UNSW"), or
    // by their first word alone when it is an English word written in capitals ("VICE" of
    // "VICE World News"; "BBC" is the BBC, not "BBC Radio"), when only one of the
    // article's starts so.
    std::map<std::string, std::string> org_by_initials;
    std::map<std::string, std::set<std::string>> orgs_by_first_word;
    for (const Mention& m : mentions)
        if (m.type == EntityType::Organisation && !m.entry) {
            std::string key = name_key(m.surface);
            const auto words = words_of(key);
            if (words.size() < 2) continue;
            org_by_initials.emplace(capital_initials(key), key);
            orgs_by_first_word[words[0]].insert(key);
        }
    auto org_by_first_word = [&](const std::string& key) -> const std::string* {
        auto it = orgs_by_first_word.find(key);
        if (!lexicon_ || it == orgs_by_first_word.end() || it->second.size() != 1 ||
            key.size() < 2 ||
            !std::all_of(key.begin(), key.end(), [](char c) { return c >= 'A' && c <= 'Z'; }) ||
            !lexicon_->is_common_word(lower_ascii(key)))
            return nullptr;
        return &*it->second.begin();
    };

    // Agreement descriptions: "peace plan" is the "12-point peace plan" of the same article.
    // Keyed by head word, each description once, in order of first mention (the order the
    // choice below depends on), split once: not every mention against every other.
    struct Description {
        std::string key;
        std::vector<std::string> words;
    };
    std::map<std::string, std::vector<Description>> agreements_by_head;
    std::set<std::string> seen_agreements;
    for (const Mention& m : mentions)
        if (m.type == EntityType::Agreement && seen_agreements.insert(name_key(m.surface)).second)
            if (auto w = words_of(name_key(m.surface)); !w.empty()) {
                const std::string head = w.back();
                agreements_by_head[head].push_back({name_key(m.surface), std::move(w)});
            }
    auto agreement_for = [&](const std::string& key) {
        const auto words = words_of(key);
        std::string best = key;
        std::size_t best_size = words.size();
        if (words.empty() || !agreements_by_head.count(words.back())) return best;
        for (const auto& [longer_key, longer] : agreements_by_head.at(words.back()))
            if (longer.size() > best_size && shortens_description(words, longer))
                best = longer_key, best_size = longer.size();
        return best;
    };

    // "Extended Credit Facility (ECF) ... The ECF": an acronym the article defined names
    // what it was defined for, whatever a lone acronym would be typed as.
    std::map<std::string, std::size_t> defined_acronyms;  // surface -> its expansion
    for (const Mention& m : mentions)
        if (m.acronym_of) defined_acronyms.emplace(m.surface, *m.acronym_of);
    std::vector<std::optional<std::size_t>> same_as(mentions.size());
    for (std::size_t i = 0; i < mentions.size(); ++i) {
        const Mention& m = mentions[i];
        if (m.acronym_of) {
            same_as[i] = m.acronym_of;
        } else if (auto it = defined_acronyms.find(m.surface);
                   it != defined_acronyms.end() && m.type == EntityType::Organisation &&
                   mentions[it->second].type != EntityType::Organisation) {
            same_as[i] = it->second;
        }
    }

    for (std::size_t i = 0; i < mentions.size(); ++i) {
        const Mention& m = mentions[i];
        if (same_as[i]) continue;  // resolved with its expansion below
        const std::string key = name_key(m.surface);
        std::optional<std::size_t> e;
        switch (m.type) {
            case EntityType::Country:
            case EntityType::Organisation:
            case EntityType::Location:
                if (m.entry && m.entry->type == m.type) {
                    e = table.get("G" + std::string(to_string(m.type)) + m.entry->canonical,
                                  m.entry->canonical, m.type);
                    if (!m.entry->alpha2.empty()) {
                        table.at(*e).attributes["iso_alpha2"] = m.entry->alpha2;
                        table.at(*e).attributes["iso_alpha3"] = m.entry->alpha3;
                    }
                } else if (m.type == EntityType::Organisation && words_of(key).size() == 1 &&
                           org_by_initials.count(letters_only(key))) {
                    const std::string& full = org_by_initials.at(letters_only(key));
                    e = table.get("O" + full, full, m.type);
                } else if (const std::string* full = m.type == EntityType::Organisation
                                                         ? org_by_first_word(key)
                                                         : nullptr) {
                    e = table.get("O" + *full, *full, m.type);
                } else {
                    e = table.get(std::string(1, "PCOAL"[static_cast<int>(m.type)]) + key, key,
                                  m.type);
                }
                break;
            case EntityType::Agreement: {
                std::string full = agreement_for(key);
                e = table.get("A" + full, full, m.type);
                break;
            }
            case EntityType::Person: {
                auto w = words_of(key);
                std::optional<std::string> group;
                if (w.size() >= 2)
                    group = person_group(w);
                else if (!w.empty())
                    group = full_name_for(w[0], i);
                if (group) {
                    last_seen[*group] = i;
                    e = table.get("P" + *group, best_spelling(*group), m.type);
                } else if (!m.weak) {
                    e = table.get("P" + key, key, m.type);
                }
                break;
            }
        }
        entity_of[i] = e;
    }
    for (std::size_t i = 0; i < mentions.size(); ++i)
        if (same_as[i]) entity_of[i] = entity_of[*same_as[i]];

    for (std::size_t i = 0; i < mentions.size(); ++i) {
        if (!entity_of[i]) continue;
        EntityRecord& e = table.at(*entity_of[i]);
        ++e.aliases[name_key(mentions[i].surface)];
        ++e.mentions;
        if (mentions[i].type == EntityType::Person && mentions[i].role) {
            // "President" and "president" are one title.
            std::string title = mentions[i].title;
            if (!title.empty() && title[0] >= 'a' && title[0] <= 'z') title[0] -= 'a' - 'A';
            add_attribute_value(e, "titles", title);
        }
    }
    return {table.take(), std::move(entity_of)};
}

}  // namespace newsgraph
