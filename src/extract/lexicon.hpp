// The read-only word lists extraction works from, loaded once from the data folder:
// gazetteers (countries, international organisations), titles, honorifics, head nouns.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "graph/schema.hpp"
#include "src/extract/word_set.hpp"
#include "src/ingest/document.hpp"
#include "src/ingest/text_repair.hpp"  // lower_ascii

namespace newsgraph {

// What a title makes its holder (data/titles.tsv): the head of a state or government
// ("president", "prime minister"), the head of a body ("director", "chief"), an office below
// the head ("minister", "ambassador"), or a member of staff ("professor", "correspondent").
enum class Role { HeadOfState, Leader, Official, Affiliate };

// How a gazetteer phrase names its entity: "Russia" (name), "Russian" (demonym),
// "Moscow" (capital), "the Kremlin" (seat of government).
enum class FormKind { Name, Demonym, Capital, Seat };

struct GazetteerEntry {
    EntityType type = EntityType::Country;
    std::string canonical;  // node label: "Russia", "NATO"
    FormKind kind = FormKind::Name;
    std::string alpha2, alpha3;  // countries only
};

struct LexiconMatch {
    std::size_t length = 0;                 // tokens matched
    const GazetteerEntry* entry = nullptr;  // gazetteer matches
    Role role = Role::Leader;               // title matches
    // A head's title that heads only these countries' governments (ISO alpha-2: "chancellor"
    // in DE, AT; the UK's is a minister); null when it heads any.
    const std::vector<std::string>* head_in = nullptr;
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
    // Whether one word is a title by itself, in any case ("MP", "minister", "King").
    bool is_title_word(std::string_view word) const;

    // The tokens of the longest place name starting at tokens[i] (places.txt: GeoNames'
    // cities, WordNet's named places), or 0. A place name is ambiguous ("Paris Hilton",
    // "Chelsea" the club): it confirms that what the mention tagger calls a place is one,
    // and types nothing by itself.
    std::size_t place_at(const std::vector<Token>& tokens, std::size_t i) const;

    // The country entry for an ISO alpha-2 code, if known.
    const GazetteerEntry* country(std::string_view alpha2) const;

    bool is_honorific(std::string_view word) const { return honorifics_.contains(word); }
    // "Lord", "Baroness": a peer's honorific (peerage_styles.txt).
    bool is_peerage_style(std::string_view word) const { return peerage_styles_.contains(word); }
    // "Scot", "Frenchman", "Texan": a native or inhabitant of a named place (inhabitants.txt,
    // derived from WordNet).
    bool is_inhabitant_noun(std::string_view word) const { return inhabitants_.contains(word); }
    // "Tory", "Democrat": a member of a body named by its members' plural, one word, in
    // organisations.tsv or parties.tsv ("Tories", "Democrats").
    bool is_party_member(std::string_view word) const { return party_members_.contains(word); }
    bool is_org_head(std::string_view word) const { return org_heads_.contains(word); }
    // "Industries", "Holdings", "Plc": a head that ends a company's name (company_heads.txt,
    // also organisation heads).
    bool is_company_head(std::string_view word) const { return company_heads_.contains(word); }
    // "United", "City", "Rovers": a word that ends a club's name after a town's
    // (club_heads.txt).
    bool is_club_head(std::string_view word) const { return club_heads_.contains(word); }
    // "North", "West", "Far": a word of direction, which opens places' names
    // (compass_words.txt).
    bool is_compass_word(std::string_view word) const { return compass_words_.contains(word); }
    // "QC", "MBE", "MEP": letters after a person's name (post_nominals.txt).
    bool is_post_nominal(std::string_view word) const { return post_nominals_.contains(word); }
    bool is_agreement_head(std::string_view lower) const {
        return agreement_heads_.contains(lower);
    }
    bool is_agreement_modifier(std::string_view lower) const {
        return agreement_modifiers_.contains(lower);
    }
    // "leader" -> Person, "country" -> Country: nouns that refer back (reference_nouns.tsv).
    std::optional<EntityType> reference_noun(std::string_view lemma) const {
        auto it = reference_nouns_.find(std::string(lemma));
        if (it == reference_nouns_.end()) return std::nullopt;
        return it->second;
    }
    // A word form of a reference noun: "leader", "leaders", "countries", "men".
    bool is_reference_word(std::string_view lower) const {
        std::string w(lower);
        if (reference_nouns_.count(w)) return true;
        const auto ends = [&](std::string_view e) {
            return w.size() > e.size() && w.compare(w.size() - e.size(), e.size(), e) == 0;
        };
        if (ends("ies")) return reference_nouns_.count(w.substr(0, w.size() - 3) + "y") > 0;
        if (ends("men")) return reference_nouns_.count(w.substr(0, w.size() - 3) + "man") > 0;
        return ends("s") && reference_nouns_.count(w.substr(0, w.size() - 1)) > 0;
    }
    // 'm' or 'f' for a given name of only one of the two first-name lists, else 0.
    char sex_of_given_name(std::string_view word) const {
        auto it = given_name_sexes_.find(std::string(word));
        return it == given_name_sexes_.end() ? 0 : it->second;
    }
    bool is_given_name(std::string_view word) const { return given_names_.contains(word); }
    bool is_non_entity(std::string_view word) const { return non_entities_.contains(word); }
    bool is_reporting_verb(std::string_view lower) const {
        return reporting_verbs_.contains(lower);
    }
    // "wrote", "reported": a verb that makes its subject the author of what a publication
    // printed (data/authorship_verbs.txt).
    bool is_authorship_verb(std::string_view lower) const {
        return authorship_verbs_.contains(lower);
    }
    // "firm", "news agency": a noun that, right before or after a capitalised name, says it
    // is an organisation (org_descriptors.txt).
    bool is_org_descriptor(std::string_view lower) const {
        return org_descriptors_.contains(lower);
    }
    // The same before a name only, with the nouns that say so there alone: "former club
    // Southampton", but "the Glasgow club" is no body called Glasgow
    // (org_descriptors_before.txt).
    bool is_org_descriptor_before(std::string_view lower) const {
        return org_descriptors_.contains(lower) || org_descriptors_before_.contains(lower);
    }
    // "boss", "striker", "fans" after a name: a side's, so the name is a club
    // (member_role_nouns.txt).
    bool is_member_role_noun(std::string_view lower) const {
        return member_role_nouns_.contains(lower);
    }
    // "face", "beat", "joined": a verb whose object, a town's name, is its side
    // (side_verbs.txt).
    bool is_side_verb(std::string_view lower) const { return side_verbs_.contains(lower); }
    // "defeat to", "loan from": a match word and its preposition, after which a town's name
    // is its side (match_words.txt; both words in lower case).
    bool is_match_phrase(std::string_view word, std::string_view preposition) const {
        std::string key(word);
        key += ' ';
        key += preposition;
        return match_phrases_.contains(key);
    }
    // "clash", "defeat", "win": a match a side has, after its name's possessive
    // (match_nouns.txt).
    bool is_match_noun(std::string_view lower) const { return match_nouns_.contains(lower); }
    bool is_locative(std::string_view lower) const { return locatives_.contains(lower); }
    bool is_position_preposition(std::string_view lower) const {
        return positions_.contains(lower);
    }
    // "Cup", "Open", "Awards": a capitalised noun that ends an event's name (event_heads.txt).
    bool is_event_head(std::string_view word) const {
        return !word.empty() && word[0] >= 'A' && word[0] <= 'Z' &&
               event_heads_.contains(lower_ascii(word));
    }
    // "film", "song", "album": a noun that names a work before its title (work_nouns.txt).
    bool is_work_noun(std::string_view lower) const { return work_nouns_.contains(lower); }
    bool is_travel_word(std::string_view lower) const { return travel_words_.contains(lower); }
    // "general election": a multi-word common noun (WordNet), lower-case, single spaces.
    bool is_common_compound(std::string_view lower) const {
        return common_compounds_.contains(lower);
    }
    // "hiv", "gdp": a short noun that never names an organisation (WordNet).
    bool is_plain_acronym(std::string_view lower) const { return plain_acronyms_.contains(lower); }
    // "technology" (director), "deputy" (chairman): a word before a title that makes its
    // holder head of a part of the body, or below its head (modifier_nouns.txt from WordNet,
    // subordinate_ranks.txt).
    bool is_subordinating_modifier(std::string_view lower) const {
        return subordinating_.contains(lower);
    }
    // "deputy", "vice", "assistant": a rank below the title it comes before
    // (subordinate_ranks.txt), part of the title even when written with a capital.
    bool is_subordinate_rank(std::string_view lower) const {
        return subordinate_ranks_.contains(lower);
    }
    bool is_common_word(std::string_view lower) const { return common_words_.contains(lower); }

  private:
    struct Phrase {
        std::string text;
        std::size_t index;  // into entries_ or titles_
    };
    // Phrases filed under their first run of letters and digits ("U" of "U.S."; as written,
    // or in lower case for the titles),
    // longest first: gathered in a map as the lists load, then frozen into a flat table
    // that a token's view looks up without copying it.
    using PhraseBuckets = std::unordered_map<std::string, std::vector<Phrase>>;
    using PhraseIndex = nlp::StringTable<std::vector<Phrase>>;
    static void add_phrase(PhraseBuckets& index, const std::string& text, std::size_t value,
                           bool fold_case);
    static PhraseIndex freeze(PhraseBuckets&& buckets);
    static std::optional<std::pair<std::size_t, std::size_t>> longest_at(
        const PhraseIndex& index, const std::vector<Token>& tokens, std::size_t i, bool fold_case);

    std::vector<GazetteerEntry> entries_;
    PhraseIndex gazetteer_;
    std::unordered_map<std::string, std::size_t> country_by_alpha2_;
    std::unordered_map<std::string, char> given_name_sexes_;
    std::unordered_map<std::string, EntityType> reference_nouns_;
    std::vector<Role> title_roles_;
    std::vector<std::vector<std::string>> title_head_in_;
    PhraseIndex titles_;
    PhraseIndex places_;
    WordSet honorifics_, peerage_styles_, inhabitants_, party_members_, org_heads_, company_heads_,
        agreement_heads_, agreement_modifiers_, given_names_, non_entities_, reporting_verbs_,
        authorship_verbs_, common_words_, org_descriptors_, org_descriptors_before_, locatives_,
        member_role_nouns_, positions_, travel_words_, work_nouns_, event_heads_, side_verbs_,
        match_phrases_, match_nouns_, club_heads_, compass_words_, post_nominals_,
        common_compounds_, plain_acronyms_, subordinating_, subordinate_ranks_;
};

}  // namespace newsgraph
