// The read-only word lists extraction works from, loaded once from the data folder:
// gazetteers (countries, international organisations), titles, honorifics, head nouns.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "graph/schema.hpp"
#include "src/ingest/document.hpp"
#include "src/ingest/text_repair.hpp"  // lower_ascii

namespace newsgraph {

enum class Role { Leader, Official, Affiliate };

// How a gazetteer phrase names its entity: "Russia" (name), "Russian" (demonym),
// "Moscow" (capital), "the Kremlin" (seat of government).
enum class FormKind { Name, Demonym, Capital, Seat };

struct GazetteerEntry {
    EntityType type = EntityType::Country;
    std::string canonical;  // node label: "Russia", "NATO"
    FormKind kind = FormKind::Name;
    std::string alpha2, alpha3;  // countries only
};

// A word or phrase that states a relation (data/relation_triggers.tsv).
struct Trigger {
    Relation relation = Relation::co_mentioned;
    std::string cameo;  // CAMEO root code
    bool noun = false;  // "visit to" (a nominalisation) rather than "visited"
};

struct LexiconMatch {
    std::size_t length = 0;                 // tokens matched
    const GazetteerEntry* entry = nullptr;  // gazetteer matches
    Role role = Role::Leader;               // title matches
    const Trigger* trigger = nullptr;       // trigger matches
};

class Lexicon {
  public:
    // Reads every list from `data_dir`; throws std::runtime_error naming a missing or
    // malformed file.
    static Lexicon load(const std::string& data_dir);

    // Longest gazetteer phrase starting at tokens[i] (case-sensitive, on Token::norm).
    std::optional<LexiconMatch> gazetteer_at(const std::vector<Token>& tokens, std::size_t i) const;
    // Longest title starting at tokens[i] (case-insensitive): "Secretary of State".
    std::optional<LexiconMatch> title_at(const std::vector<Token>& tokens, std::size_t i) const;

    // Longest relation trigger starting at tokens[i] (case-insensitive): "held talks with".
    std::optional<LexiconMatch> trigger_at(const std::vector<Token>& tokens, std::size_t i) const;

    // The country entry for an ISO alpha-2 code, if known.
    const GazetteerEntry* country(std::string_view alpha2) const;

    bool is_honorific(std::string_view word) const { return honorifics_.count(std::string(word)); }
    bool is_org_head(std::string_view word) const { return org_heads_.count(std::string(word)); }
    bool is_agreement_head(std::string_view lower) const {
        return agreement_heads_.count(std::string(lower));
    }
    bool is_agreement_modifier(std::string_view lower) const {
        return agreement_modifiers_.count(std::string(lower));
    }
    bool is_given_name(std::string_view word) const {
        return given_names_.count(std::string(word));
    }
    bool is_non_entity(std::string_view word) const {
        return non_entities_.count(std::string(word));
    }
    bool is_reporting_verb(std::string_view lower) const {
        return reporting_verbs_.count(std::string(lower));
    }
    bool is_org_descriptor(std::string_view lower) const {
        return org_descriptors_.count(std::string(lower));
    }
    bool is_locative(std::string_view lower) const { return locatives_.count(std::string(lower)); }
    bool is_position_preposition(std::string_view lower) const {
        return positions_.count(std::string(lower));
    }
    bool is_travel_word(std::string_view lower) const {
        return travel_words_.count(std::string(lower));
    }
    // "general election": a multi-word common noun (WordNet), lower-case, single spaces.
    bool is_common_compound(std::string_view lower) const {
        return common_compounds_.count(std::string(lower));
    }
    // "hiv", "gdp": a short noun that never names an organisation (WordNet).
    bool is_plain_acronym(std::string_view lower) const {
        return plain_acronyms_.count(std::string(lower));
    }
    // "partnership", "ties": nouns of cooperation; "deepen", "strengthen": verbs that act on them.
    bool is_cooperation_noun(std::string_view lower) const {
        return cooperation_nouns_.count(std::string(lower));
    }
    bool is_cooperation_verb(std::string_view lower) const {
        return cooperation_verbs_.count(std::string(lower));
    }
    bool is_common_word(std::string_view lower) const {
        return common_words_.count(std::string(lower));
    }

  private:
    struct Phrase {
        std::string text;
        std::size_t index;  // into entries_ or titles_
    };
    using PhraseIndex = std::unordered_map<std::string, std::vector<Phrase>>;
    static void add_phrase(PhraseIndex& index, const std::string& text, std::size_t value,
                           bool fold_case);
    static std::optional<std::pair<std::size_t, std::size_t>> longest_at(
        const PhraseIndex& index, const std::vector<Token>& tokens, std::size_t i, bool fold_case);

    std::vector<GazetteerEntry> entries_;
    PhraseIndex gazetteer_;
    std::unordered_map<std::string, std::size_t> country_by_alpha2_;
    std::vector<Role> title_roles_;
    PhraseIndex titles_;
    std::vector<Trigger> triggers_;
    PhraseIndex trigger_index_;
    std::unordered_set<std::string> honorifics_, org_heads_, agreement_heads_, agreement_modifiers_,
        given_names_, non_entities_, reporting_verbs_, common_words_, org_descriptors_, locatives_,
        positions_, travel_words_, common_compounds_, plain_acronyms_, cooperation_nouns_,
        cooperation_verbs_;
};

}  // namespace newsgraph
