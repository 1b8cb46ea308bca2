// The Lexicon's lookups over the built word lists: word sets, and phrases matched across
// tokens (gazetteer names as written, titles in any case, the longest first, whole tokens).
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "src/extract/lexicon.hpp"
#include "src/extract/word_set.hpp"

using namespace newsgraph;

namespace {

const Lexicon& lexicon() {
    static const Lexicon instance = Lexicon::load(NEWSGRAPH_DATA_DIR);
    return instance;
}

std::vector<Token> tokens(const std::vector<std::string>& words) {
    std::vector<Token> out;
    for (const auto& w : words) out.push_back(Token{0, 0, w});
    return out;
}

}  // namespace

TEST_CASE("A word set holds exactly its words, looked up by any view", "[lexicon]") {
    const WordSet set(std::vector<std::string>{"firm", "club", "firm", "news agency"});
    CHECK(set.size() == 3);
    CHECK(set.contains("firm"));
    CHECK(set.contains("news agency"));
    const std::string sentence = "a club's ground";
    CHECK(set.contains(std::string_view(sentence).substr(2, 4)));
    CHECK_FALSE(set.contains("Firm"));  // as written: the lists say which case they hold
    CHECK_FALSE(set.contains("fir"));
    CHECK_FALSE(set.contains("firms"));
    CHECK_FALSE(set.contains(""));
    CHECK(set.words() == std::vector<std::string>{"firm", "club", "news agency"});
    CHECK_FALSE(WordSet().contains("firm"));
}

TEST_CASE("The lexicon's word lists answer as written or in lower case", "[lexicon]") {
    const Lexicon& lx = lexicon();
    CHECK(lx.is_given_name("John"));
    CHECK_FALSE(lx.is_given_name("Xqzzy"));
    CHECK(lx.is_common_word("table"));
    // Lists read in lower case match a word given in lower case.
    CHECK(lx.is_reporting_verb("said"));
    // A rank is a subordinating modifier too (the two lists are joined at load).
    CHECK(lx.is_subordinate_rank("deputy"));
    CHECK(lx.is_subordinating_modifier("deputy"));
    CHECK(lx.is_match_phrase("defeat", "to"));
    CHECK_FALSE(lx.is_match_phrase("defeat", "of"));
    CHECK(lx.is_org_descriptor_before("firm"));
}

TEST_CASE("Gazetteer names match whole tokens as written, the longest first", "[lexicon]") {
    const Lexicon& lx = lexicon();
    const auto t = tokens({"the", "UN", "Security", "Council", "met", "UNSC", "china", "China"});
    const auto council = lx.gazetteer_at(t, 1);
    REQUIRE(council);
    CHECK(council->length == 3);
    CHECK(council->entry->canonical == "UN Security Council");
    const auto unsc = lx.gazetteer_at(t, 5);
    REQUIRE(unsc);
    CHECK(unsc->entry->canonical == "UN Security Council");
    CHECK_FALSE(lx.gazetteer_at(t, 6));  // names are matched as written
    const auto china = lx.gazetteer_at(t, 7);
    REQUIRE(china);
    CHECK(china->entry->canonical == "China");
    const auto the_un = lx.gazetteer_at(t, 0);  // an alias: "the UN"
    REQUIRE(the_un);
    CHECK(the_un->length == 2);
    CHECK(the_un->entry->canonical == "United Nations");
    CHECK_FALSE(lx.gazetteer_at(t, 4));
    CHECK_FALSE(lx.gazetteer_at(t, t.size()));
    // "UN" never matches the start of a longer token.
    CHECK_FALSE(lx.gazetteer_at(tokens({"UNESCOX"}), 0));
}

TEST_CASE("Titles match in any case, across tokens", "[lexicon]") {
    const Lexicon& lx = lexicon();
    for (const auto& words : {std::vector<std::string>{"Prime", "Minister", "Li"},
                              std::vector<std::string>{"prime", "minister", "Li"},
                              std::vector<std::string>{"PRIME", "MINISTER", "Li"}}) {
        const auto title = lx.title_at(tokens(words), 0);
        REQUIRE(title);
        CHECK(title->length == 2);
        CHECK(title->role == Role::HeadOfState);
    }
    CHECK_FALSE(lx.title_at(tokens({"Primer", "Minister"}), 0));
}

TEST_CASE("Place names match the longest run of tokens", "[lexicon]") {
    const Lexicon& lx = lexicon();
    CHECK(lx.place_at(tokens({"in", "Santa", "Monica", "today"}), 1) == 2);
    CHECK(lx.place_at(tokens({"Los", "Angeles"}), 0) == 2);
    CHECK(lx.place_at(tokens({"santa", "monica"}), 0) == 0);
    CHECK(lx.place_at(tokens({"Qxzv"}), 0) == 0);
}

TEST_CASE("Place names include countries' subdivisions from ISO 3166-2, as news writes them",
          "[lexicon]") {
    const Lexicon& lx = lexicon();
    // Counties and states no list of cities has; a name iso-codes writes with its Welsh form
    // in brackets, or inverted, is matched as news writes it.
    CHECK(lx.place_at(tokens({"in", "Staffordshire"}), 1) == 1);
    CHECK(lx.place_at(tokens({"Powys"}), 0) == 1);
    CHECK(lx.place_at(tokens({"Schleswig-Holstein"}), 0) == 1);
    CHECK(lx.place_at(tokens({"Carmarthenshire"}), 0) == 1);
    // Not a subdivision named with a dictionary's word or a given name.
    CHECK(lx.place_at(tokens({"Western"}), 0) == 0);
    CHECK(lx.place_at(tokens({"Lakes"}), 0) == 0);
    CHECK(lx.place_at(tokens({"Cher"}), 0) == 0);
}

TEST_CASE("Political parties come from WordNet, with their members' plurals", "[lexicon]") {
    const Lexicon& lx = lexicon();
    const auto party = [&](const std::vector<std::string>& words) -> std::string {
        const auto m = lx.gazetteer_at(tokens(words), 0);
        if (!m || m->length != words.size() || m->entry->type != EntityType::Organisation)
            return "";
        return m->entry->canonical;
    };
    CHECK(party({"Tories"}) == "Conservative Party");
    CHECK(party({"Conservatives"}) == "Conservative Party");
    CHECK(party({"Labour"}) == "Labour Party");
    CHECK(party({"Liberal", "Democrats"}) == "Liberal Democrat Party");
    CHECK(party({"Democrats"}) == "Democratic Party");
    CHECK(party({"Republicans"}) == "Republican Party");
    // A common word that is not the party's own short name, and a nationality, are no party.
    CHECK(party({"Labor"}).empty());
    CHECK(party({"Americans"}).empty());
}
