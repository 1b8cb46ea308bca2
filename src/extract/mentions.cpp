#include "src/extract/mentions.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <unordered_map>
#include <unordered_set>

#include "src/ingest/segmenter.hpp"

namespace newsgraph {
namespace {

std::uint32_t first_code_point(std::string_view s) {
    if (s.empty()) return 0;
    unsigned char c = static_cast<unsigned char>(s[0]);
    if (c < 0x80) return c;
    int len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
    std::uint32_t cp = c & (0x3F >> (len - 1));
    for (int k = 1; k < len && static_cast<std::size_t>(k) < s.size(); ++k)
        cp = (cp << 6) | (static_cast<unsigned char>(s[k]) & 0x3F);
    return cp;
}

// Upper-case initial in the scripts news names use (Latin, Greek, Cyrillic).
bool starts_upper(std::string_view s) {
    std::uint32_t cp = first_code_point(s);
    if (cp < 0x80) return cp >= 'A' && cp <= 'Z';
    if (cp >= 0xC0 && cp <= 0xDE) return cp != 0xD7;
    if (cp >= 0x100 && cp <= 0x17F) return cp % 2 == 0;
    return (cp >= 0x391 && cp <= 0x3A9) || (cp >= 0x400 && cp <= 0x42F);
}

bool is_word(std::string_view s) {
    return !s.empty() && (std::isalnum(static_cast<unsigned char>(s[0])) || s[0] & 0x80);
}

// "CNN", "U.S.", "G7", "EPA-EFE": two or more capitals and no lower-case letter.
bool is_acronym(std::string_view s) {
    int upper = 0;
    for (char c : s) {
        if (c >= 'a' && c <= 'z') return false;
        if (c >= 'A' && c <= 'Z') ++upper;
    }
    return upper >= 2 && starts_upper(s);
}

// The run of capitalised words (a name's) that starts at t[a], or ends before t[b].
std::size_t capitalised_run_end(const std::vector<Token>& t, std::size_t a) {
    while (a < t.size() && is_word(t[a].norm) && starts_upper(t[a].norm)) ++a;
    return a;
}
std::size_t capitalised_run_start(const std::vector<Token>& t, std::size_t b) {
    while (b > 0 && is_word(t[b - 1].norm) && starts_upper(t[b - 1].norm)) --b;
    return b;
}

// Whether t[k] is its sentence's first word (only punctuation, if anything, before it).
bool opens_sentence(const std::vector<Token>& t, std::size_t k) {
    return std::none_of(t.begin(), t.begin() + static_cast<std::ptrdiff_t>(k),
                        [](const Token& x) { return is_word(x.norm); });
}

// Whether t[a, b) is a town's name: a place's name that is no country's or capital's (which
// the gazetteers type), so one a club may be named after.
bool is_town(const std::vector<Token>& t, std::size_t a, std::size_t b, const Lexicon& lexicon) {
    return a < b && lexicon.place_at(t, a) == b - a && !lexicon.gazetteer_at(t, a);
}

// Whether a capitalised run ending at t[b] is a whole noun phrase, not a word qualifying a
// noun after it ("Nordic operator Teliasonera", not "the Commons public accounts committee"):
// what follows is punctuation, a reporting verb, a preposition or a clause's first word.
bool ends_noun_phrase(const std::vector<Token>& t, std::size_t b, const Lexicon& lexicon) {
    static const std::unordered_set<std::string_view> kClauseWords = {
        "and",  "or",    "but",    "as",      "since",  "until", "for",  "with",
        "to",   "on",    "of",     "after",   "before", "by",    "over", "against",
        "when", "while", "during", "because", "who",    "which", "that", "has",
        "have", "had",   "is",     "was",     "will",   "would", "says"};
    if (b >= t.size() || !is_word(t[b].norm)) return true;
    const std::string next = lower_ascii(t[b].norm);
    return !starts_upper(t[b].norm) &&
           (kClauseWords.count(next) > 0 || lexicon.is_reporting_verb(next) ||
            lexicon.is_locative(next));
}

bool is_connector(std::string_view lower) {
    static const std::unordered_set<std::string_view> kConnectors = {
        "of",  "for", "on",  "and", "&",  "the", "de", "du", "des", "la", "le",
        "von", "van", "der", "den", "al", "bin", "el", "da", "di",  "y"};
    return kConnectors.count(lower) > 0;
}

// The small words inside people's names: "bin Laden", "von der Leyen", "van der Veer",
// "de la Torre".
bool is_name_particle(std::string_view lower) {
    static const std::unordered_set<std::string_view> kParticles = {
        "von", "van", "bin", "al", "de", "der", "den", "el", "da", "di", "la", "del", "du", "dos"};
    return kParticles.count(lower) > 0;
}

// "wrote in Foreign Policy", "writing in The Atlantic", "reported for VICE", "writes for the
// Spectator": the name at t[k] is a publication a reporter writes in or for.
bool named_as_publication(const std::vector<Token>& t, std::size_t k, const Lexicon& lexicon) {
    if (k >= 1 && lower_ascii(t[k - 1].norm) == "the") --k;
    if (k < 2) return false;
    const std::string verb = lower_ascii(t[k - 2].norm);
    const std::string preposition = lower_ascii(t[k - 1].norm);
    static const std::unordered_set<std::string> kWorkingFor = {
        "report", "reports", "reported", "reporting", "write", "writes", "wrote", "writing"};
    if (preposition == "for") return kWorkingFor.count(verb) > 0;
    return preposition == "in" && (lexicon.is_reporting_verb(verb) || verb == "writing");
}

// "Xinhua news agency", "the Sun newspaper": a kind of body right after a name (t[b]).
bool followed_by_descriptor(const std::vector<Token>& t, std::size_t b, const Lexicon& lexicon) {
    if (b >= t.size()) return false;
    const std::string next = lower_ascii(t[b].norm);
    return lexicon.is_org_descriptor(next) ||
           (b + 1 < t.size() && lexicon.is_org_descriptor(next + " " + lower_ascii(t[b + 1].norm)));
}

// "said The Aviator was his best film", "fans of The Libertines": a name that "The" with a
// capital opens inside a sentence (t[the]) is a work's title (a film, a show, a band), unless
// it is a publication's: named with a body's head ("The New York Times") or an acronym, where
// a publication is ("At The Diplomat,", "told The Guardian", "according to The Economist",
// "wrote in The Atlantic", "The Sun newspaper"), or a place ("in The Hague").
bool opens_work_title(const std::vector<Token>& t, std::size_t the, std::size_t end,
                      const Lexicon& lexicon) {
    if (the >= t.size() || t[the].norm != "The" || end <= the + 1 || end > t.size()) return false;
    if (opens_sentence(t, the)) return false;
    for (std::size_t k = the + 1; k < end; ++k)
        if (lexicon.is_org_head(t[k].norm) || is_acronym(t[k].norm)) return false;
    if (lexicon.gazetteer_at(t, the + 1) || lexicon.place_at(t, the + 1) != 0 ||
        lexicon.place_at(t, the) != 0)
        return false;
    const std::string before = the > 0 ? lower_ascii(t[the - 1].norm) : "";
    static const std::unordered_set<std::string> kPublicationBefore = {"at", "from", "told", "to"};
    if (kPublicationBefore.count(before) || named_as_publication(t, the + 1, lexicon) ||
        followed_by_descriptor(t, end, lexicon))
        return false;
    // "correspondent for The World", "editor of The Spectator": a journalist's publication.
    if ((before == "for" || before == "of") && the >= 2)
        for (std::size_t start = the - 2, n = 0; n < 3; --start, ++n) {
            const auto title = lexicon.title_at(t, start);
            if (title && start + title->length == the - 1 && title->role == Role::Affiliate)
                return false;
            if (start == 0) break;
        }
    return true;
}

// A tagger's span inside a work's title opened by "The" ("Vinci" of "The Da Vinci Code",
// "Billionaire" of "The Rebel Billionaire"; opens_work_title()).
bool inside_work_title(const std::vector<Token>& t, std::size_t first, std::size_t last,
                       const Lexicon& lexicon) {
    const auto part_of_name = [&](std::size_t k) {
        return is_word(t[k].norm) &&
               (starts_upper(t[k].norm) || is_connector(lower_ascii(t[k].norm)));
    };
    constexpr std::size_t kLongestTitle = 6;
    std::size_t the = first;
    while (the > 0 && first - the < kLongestTitle && t[the].norm != "The" && part_of_name(the - 1))
        --the;
    if (t[the].norm != "The") return false;
    std::size_t end = last;
    while (end < t.size() && end - the < kLongestTitle && part_of_name(end) &&
           starts_upper(t[end].norm))
        ++end;
    return opens_work_title(t, the, end, lexicon);
}

// "the hit singles Time Is Running Out, Hysteria and Butterflies", "films including Raging
// Bull, Goodfellas and Gangs of New York", "two singles, Club Foot and LSF, which": a name in
// a list after a work's noun in the plural is a title (work_nouns.txt). Not "songs by Oasis
// and Blur" (the list ends at "by").
bool listed_as_work(const std::vector<Token>& t, std::size_t first, std::size_t last,
                    const Lexicon& lexicon) {
    const auto lw = [&](std::size_t k) { return lower_ascii(t[k].norm); };
    if (first < 2 || last > t.size()) return false;
    // A list: back over its names, commas, "and", and the small words between a title's
    // capitalised words ("Gangs of New York"; not "series of Little Britain on BBC Three").
    constexpr std::size_t kLongestList = 30;
    const auto capitalised = [&](std::size_t k) {
        return is_word(t[k].norm) && starts_upper(t[k].norm);
    };
    std::size_t k = first;
    while (k > 0 && first - k < kLongestList) {
        const std::string& w = t[k - 1].norm;
        const std::string l = lw(k - 1);
        if (w == "," || l == "and" || l == "or" || capitalised(k - 1) ||
            (k >= 2 && is_connector(l) && capitalised(k - 2))) {
            --k;
            continue;
        }
        break;
    }
    if (k == 0 || k == first) return false;
    // "two singles, Club Foot and LSF, which": a list set off by a comma ends at a comma or
    // "and" ("the two earlier films, Alfonso Cuaron brings": a clause, no list).
    if (t[k].norm == "," && last < t.size() && t[last].norm != "," && t[last].norm != "." &&
        lw(last) != "and" && t[last].norm != ")")
        return false;
    std::size_t noun = k - 1;
    if ((lw(noun) == "including" || lw(noun) == "like") && noun > 0)
        --noun;
    else if (lw(noun) == "as" && noun > 1 && lw(noun - 1) == "such")
        noun -= 2;
    // A work's noun in the plural ("films", "singles"; not "series", a singular too).
    const std::string n = lw(noun);
    return n.size() > 1 && n.back() == 's' && lexicon.is_work_noun(n) &&
           lexicon.is_work_noun(n.substr(0, n.size() - 1));
}

// "MPs", "ATMs", "DVDs", "SMEs": an acronym's plural counts things or people of a kind, and
// names no one.
bool plural_acronym(std::string_view w) {
    return w.size() >= 3 && w.back() == 's' && is_acronym(w.substr(0, w.size() - 1));
}

bool is_quote(std::string_view norm) {
    return norm == "\"" || norm == "'";
}

bool is_company_suffix(std::string_view norm) {
    static const std::unordered_set<std::string_view> kSuffixes = {
        "Inc", "Inc.", "Ltd", "Ltd.", "LLC", "PLC", "plc", "Corp", "Corp.", "Co.", "GmbH", "AG"};
    return kSuffixes.count(norm) > 0;
}

// "US-led", "Shanghai-based", "Kremlin-backed": ends in a lower-case part after a hyphen.
bool derived_adjective(std::string_view norm) {
    auto hyphen = norm.rfind('-');
    return hyphen != std::string_view::npos && hyphen + 1 < norm.size() &&
           std::islower(static_cast<unsigned char>(norm[hyphen + 1]));
}

// The type a gazetteer form takes at tokens[a]: a capital or seat of government is the place
// after "in", "at", "a visit to"; otherwise it stands for the government ("Moscow said").
EntityType gazetteer_type_at(const Lexicon& lx, const std::vector<Token>& t,
                             const GazetteerEntry& e, std::size_t a) {
    if (e.type != EntityType::Country || (e.kind != FormKind::Capital && e.kind != FormKind::Seat))
        return e.type;
    auto lower = [&](std::size_t i) { return lower_ascii(t[i].norm); };
    std::size_t p = a;
    if (p > 0 && lower(p - 1) == "the") --p;
    if (p == 0) return EntityType::Country;
    const std::string prev = lower(p - 1);
    if (lx.is_locative(prev)) return EntityType::Location;
    if (prev == "to")
        for (std::size_t k = p - 1; k-- > 0 && k + 4 >= p;)
            if (lx.is_travel_word(lower(k))) return EntityType::Location;
    return EntityType::Country;
}

// What the word opening t[k, b), a run a person's name may be, says of the person: a party's
// member noun ("Tory David Heathcoat-Amory") or a native's ("Scot Kathy Butler", "Frenchman
// Ruud Gullit") is their Side, not their name. Where a party's word comes before a title or a
// common word alone there is NoPerson ("Tory Treasurer", "Tory Parliamentary candidate").
// A word that is also a given name ("Tory Burch", "Norman Brennan") is a side only before a
// given name and a surname ("Scot Kathy Butler"); a gazetteer's word (a country's demonym,
// "American") is read as the holder it is, elsewhere.
enum class SideWord { None, Side, NoPerson };
SideWord side_word_at(const std::vector<Token>& t, std::size_t k, std::size_t b,
                      const Lexicon& lexicon) {
    if (k + 1 >= b || b > t.size() || lexicon.gazetteer_at(t, k)) return SideWord::None;
    const std::string& word = t[k].norm;
    const bool party = lexicon.is_party_member(word);
    if (!party && !lexicon.is_inhabitant_noun(word)) return SideWord::None;
    const std::string& next = t[k + 1].norm;
    if (party) {
        const auto title = lexicon.title_at(t, k + 1);
        if ((title && k + 1 + title->length == b) ||
            (k + 2 == b && lexicon.is_common_word(lower_ascii(next)) &&
             !lexicon.is_given_name(next)))
            return SideWord::NoPerson;
    }
    if (lexicon.is_given_name(word))
        return lexicon.is_given_name(next) && k + 3 <= b ? SideWord::Side : SideWord::None;
    if (lexicon.is_given_name(next)) return SideWord::Side;
    // A native's noun before a name no common word opens ("Briton Ferry" is a town).
    return !party && starts_upper(next) && !lexicon.is_common_word(lower_ascii(next))
               ? SideWord::Side
               : SideWord::None;
}

class SentenceScanner {
  public:
    SentenceScanner(const Document& doc, const Sentence& sentence, std::size_t index,
                    const Lexicon& lexicon, const std::unordered_set<std::string>& attested,
                    std::vector<Mention>& out)
        : doc_(doc),
          s_(sentence),
          t_(sentence.tokens),
          index_(index),
          lx_(lexicon),
          attested_(attested),
          out_(out),
          first_mention_(out.size()) {}

    void scan() {
        first_word_ = 0;
        while (first_word_ < t_.size() && !is_word(t_[first_word_].norm)) ++first_word_;
        covered_.assign(t_.size(), false);
        if (headline_case()) {
            scan_headline();
            return;
        }
        for (std::size_t i = 0; i < t_.size();) {
            if (!starts_upper(t_[i].norm) || !is_word(t_[i].norm)) {
                ++i;
                continue;
            }
            std::size_t j = extend_span(i);
            take_span(i, j);
            i = j;
        }
        find_agreement_descriptions();
        people_in_lists();
        resolve_pending_roles();
    }

  private:
    // "Xi And Putin Sign Deal In Moscow": capitals say nothing about names here.
    bool headline_case() const {
        int words = 0, capitals = 0, capital_function_words = 0;
        for (std::size_t i = 0; i < t_.size(); ++i) {
            if (!is_word(t_[i].norm)) continue;
            ++words;
            if (!starts_upper(t_[i].norm)) continue;
            ++capitals;
            const std::string w = lower(i);
            if (i != first_word_ && (w == "and" || w == "in" || w == "of" || w == "to" ||
                                     w == "for" || w == "on" || w == "with" || w == "as"))
                ++capital_function_words;
        }
        return words >= 4 && capital_function_words > 0 && capitals * 10 >= words * 7;
    }

    // In a headline only gazetteer names are trusted; other capitalised words count if the
    // article names someone by them ("Putin" after "Vladimir Putin").
    void scan_headline() {
        for (std::size_t i = 0; i < t_.size(); ++i) {
            if (auto g = lx_.gazetteer_at(t_, i)) {
                add_gazetteer(i, *g);
                i += g->length - 1;
            } else if (cap(i) && !lx_.is_non_entity(t_[i].norm) && !is_connector(lower(i))) {
                out_[add(i, i + 1, EntityType::Person)].weak = true;
            }
        }
    }

    std::string_view text(std::size_t i) const {
        return std::string_view(doc_.text).substr(t_[i].begin, t_[i].end - t_[i].begin);
    }
    std::string lower(std::size_t i) const { return lower_ascii(t_[i].norm); }
    // The pronoun "I" is no name's word: "I have told John I will stay," he said names John.
    // Only in quoted speech and before a lower-case word: "Elizabeth I ruled England".
    bool cap(std::size_t i) const {
        return i < t_.size() && is_word(t_[i].norm) && starts_upper(t_[i].norm) &&
               !(t_[i].norm == "I" && i + 1 < t_.size() && is_word(t_[i + 1].norm) &&
                 !starts_upper(t_[i + 1].norm) && lower(i + 1) != "of" && inside_quote(i));
    }
    // Whether t[i] is inside quotation marks: an odd number of them before it in the sentence.
    bool inside_quote(std::size_t i) const {
        std::size_t marks = 0;
        for (std::size_t k = 0; k < i; ++k) marks += t_[k].norm == "\"";
        return marks % 2 == 1;
    }

    // "Anne–Marie": two given names joined by a dash other than a hyphen (an en dash, which
    // the tokenizer keeps apart, as it must in "US–China"), with no space around it. One
    // name, not two people.
    bool is_double_given_name_at(std::size_t j) const {
        return j > 0 && j + 1 < t_.size() && t_[j].norm == "-" && t_[j - 1].end == t_[j].begin &&
               t_[j].end == t_[j + 1].begin && cap(j + 1) && lx_.is_given_name(t_[j - 1].norm) &&
               lx_.is_given_name(t_[j + 1].norm);
    }

    // "Competition and Markets Authority (CMA)": the capitalised words from `i` on, across
    // the "and" before `next`, end in an organisation's head and the acronym after them
    // spells their initials.
    bool spelled_by_acronym(std::size_t i, std::size_t next) const {
        std::size_t end = next;
        while (end < t_.size() && cap(end)) ++end;
        if (end + 2 >= t_.size() || t_[end].norm != "(" || t_[end + 2].norm != ")" ||
            !is_acronym(t_[end + 1].norm) || !lx_.is_org_head(t_[end - 1].norm))
            return false;
        // The acronym may leave out words before the name: "The", "US" in "The US Food and
        // Drug Administration (FDA)"; it must reach back across the "and".
        std::string initials;
        std::size_t after_and = 0;
        for (std::size_t k = i; k < end; ++k)
            if (cap(k)) {
                initials += t_[k].norm[0];
                after_and += k >= next;
            }
        const std::string& acronym = t_[end + 1].norm;
        return acronym.size() > after_and && initials.size() >= acronym.size() &&
               initials.compare(initials.size() - acronym.size(), acronym.size(), acronym) == 0;
    }

    // Whether t[a, b), before "'s", is a name of its own that owns what follows, the body
    // named at `after`: a country, place or body of the gazetteers, or an acronym ("Iraq's
    // Ministry of Communications", "London's National Theatre", "BBC's Network Africa"); or
    // a person, named with an honorific ("Mr Mittal's LNM Holdings", not "Lord Chancellor's
    // Department"), or with a given name before a company or a body of the gazetteers
    // ("Robert Sillerman's Sports Entertainment Enterprises", "Harold Wilson's Labour Party";
    // not "Ronnie Scott's Jazz Club"). Otherwise the possessive is the name's own ("People's
    // Daily", "St David's Shopping Centre", "Alzheimer's Society").
    bool names_a_possessor(std::size_t a, std::size_t b, std::size_t after) const {
        if (b - a >= 2 && lower(a) == "the") ++a;  // "The BBC's ..." opening a sentence
        if (b - a == 1 && is_acronym(t_[a].norm)) return true;
        // ("Then Ada Lind's ...": a common word opening the sentence is no part of it.)
        if (b - a >= 3 && a == 0 && lx_.is_common_word(lower(a))) ++a;
        bool person = b - a >= 2 && b - a <= 4 && !lx_.title_at(t_, a + 1);
        for (std::size_t k = a + 1; person && k < b; ++k) person = cap(k);
        if (person && lx_.is_honorific(t_[a].norm)) return true;
        if (person && lx_.is_given_name(t_[a].norm)) {
            const std::size_t end = capitalised_run_end(t_, after);
            const auto body = lx_.gazetteer_at(t_, after);
            if ((end > after && lx_.is_company_head(t_[end - 1].norm)) ||
                (body && body->entry->type == EntityType::Organisation))
                return true;
        }
        const auto entry = lx_.gazetteer_at(t_, a);
        return (entry && entry->length == b - a) || lx_.place_at(t_, a) == b - a;
    }

    // A run of capitalised words, with connectors inside names ("University of New South
    // Wales") and "and" only inside organisation names ("Institute of European and Asian
    // Studies"), never between two names ("Xi and Putin").
    std::size_t extend_span(std::size_t i) const {
        std::size_t j = i + 1;
        bool org_head_then_of = lx_.is_org_head(t_[i].norm);
        bool seen_of = false;
        while (j < t_.size()) {
            // A middle initial: "Vladimir V. Putin", "George W. Bush".
            if (t_[j].norm == "." && t_[j - 1].norm.size() == 1 && cap(j - 1) && cap(j + 1)) {
                ++j;
                continue;
            }
            if (is_double_given_name_at(j)) {
                j += 2;
                continue;
            }
            if (cap(j) && !lx_.is_non_entity(t_[j].norm)) {
                if (lx_.is_org_head(t_[j].norm)) org_head_then_of = true, seen_of = false;
                ++j;
                continue;
            }
            const std::string lw = lower(j);
            std::size_t next = j + 1;
            // "Creatd, Inc.": a company's legal form after a comma belongs to its name.
            if (lw == "," && next < t_.size() && is_company_suffix(t_[next].norm)) {
                j = next + 1;
                if (j < t_.size() && t_[j].norm == ".") ++j;
                break;
            }
            if (lw == "of" || lw == "for") {
                if (next < t_.size() && lower(next) == "the") ++next;
                if (cap(next)) {
                    seen_of = seen_of || org_head_then_of;
                    j = next;
                    continue;
                }
            } else if (lw == "and" || lw == "&") {
                // "United Bank of Africa and Standard Trust Bank": a second name of two words
                // or more with a head of its own is not the first's ("Department of Trade and
                // Industry", "Academy of Film and Television Arts" are one: a field's name).
                bool second_head = false;
                if (seen_of && cap(next) && !lx_.is_org_head(t_[next].norm))
                    for (std::size_t rest = next + 1; rest < t_.size() && cap(rest); ++rest)
                        if (lx_.is_org_head(t_[rest].norm)) second_head = true;
                if (cap(next) && !(seen_of && second_head) &&
                    (seen_of || spelled_by_acronym(i, next))) {
                    j = next;
                    continue;
                }
            } else if (lw == "'s" && cap(next) &&
                       ((next + 1 < t_.size() && lx_.is_org_head(t_[next + 1].norm)) ||
                        lx_.is_org_head(t_[next].norm)) &&
                       !names_a_possessor(i, j, next)) {
                j = next;  // "People's Daily"
                continue;
            } else if (is_name_particle(lw)) {
                // "Osama bin Laden", "Ursula von der Leyen", "Jeroen van der Veer"
                std::size_t name = next;
                while (name < t_.size() && name < j + 3 && is_name_particle(lower(name))) ++name;
                if (cap(name)) {
                    j = name;
                    continue;
                }
            }
            break;
        }
        return j;
    }

    bool ends_with_agreement_head(std::size_t a, std::size_t b) const {
        return b - a >= 2 && lx_.is_agreement_head(lower(b - 1));
    }
    // "Manchester United", "Exeter City": a town's name and a club's head (the longest place
    // at a is shorter than the run, so not a place's own name: "Mexico City").
    bool club_name(std::size_t a, std::size_t b) const {
        return b - a >= 2 && lx_.is_club_head(t_[b - 1].norm) && lx_.place_at(t_, a) == b - 1 - a;
    }
    bool has_org_head(std::size_t a, std::size_t b) const {
        for (std::size_t k = a; k < b; ++k)
            if (lx_.is_org_head(t_[k].norm)) return true;
        return false;
    }

    std::size_t add(std::size_t a, std::size_t b, EntityType type,
                    const GazetteerEntry* entry = nullptr) {
        return add_part(a, b, t_[a].begin, t_[b - 1].end, type, entry);
    }
    // A mention of bytes [begin, end) inside tokens [a, b): part of a hyphenated word.
    std::size_t add_part(std::size_t a, std::size_t b, std::size_t begin, std::size_t end,
                         EntityType type, const GazetteerEntry* entry) {
        Mention m;
        m.sentence = index_;
        m.first = a;
        m.last = b;
        m.begin = begin;
        m.end = end;
        m.surface = doc_.text.substr(m.begin, m.end - m.begin);
        m.type = type;
        m.entry = entry;
        for (std::size_t k = a; k < b; ++k) covered_[k] = true;
        out_.push_back(std::move(m));
        return out_.size() - 1;
    }

    // "US-China", "Russia-Ukraine", "US-North Korea" (talks, war, summit): countries joined
    // by hyphens into a modifier, each of them mentioned. The span's words are split at the
    // hyphens and read as gazetteer phrases; it is a compound only when country names or
    // demonyms cover it all. Each mention keeps the span's tokens and its own bytes.
    bool country_compound(std::size_t a, std::size_t b) {
        bool hyphenated = false;
        for (std::size_t k = a; k < b; ++k)
            hyphenated = hyphenated || t_[k].norm.find('-') != std::string::npos;
        if (!hyphenated) return false;
        std::vector<Token> parts;
        for (std::size_t k = a; k < b; ++k) {
            const std::string& norm = t_[k].norm;
            if (norm.size() != t_[k].end - t_[k].begin) return false;  // offsets would drift
            for (std::size_t from = 0; from <= norm.size();) {
                std::size_t to = norm.find('-', from);
                if (to == std::string::npos) to = norm.size();
                if (to == from) return false;  // "--", or a leading or trailing hyphen
                parts.push_back(
                    {t_[k].begin + from, t_[k].begin + to, norm.substr(from, to - from)});
                from = to + 1;
            }
        }
        std::vector<std::pair<std::size_t, const GazetteerEntry*>> found;  // part index, entry
        for (std::size_t p = 0; p < parts.size();) {
            const auto g = lx_.gazetteer_at(parts, p);
            if (!g || g->entry->type != EntityType::Country ||
                (g->entry->kind != FormKind::Name && g->entry->kind != FormKind::Demonym))
                return false;
            found.push_back({p, g->entry});
            p += g->length;
            // Parts of one country name are joined by spaces, countries by a hyphen.
            if (p < parts.size() && parts[p].begin != parts[p - 1].end + 1) return false;
            if (p < parts.size() && doc_.text[parts[p - 1].end] != '-') return false;
        }
        if (found.size() < 2) return false;
        for (std::size_t f = 0; f < found.size(); ++f) {
            const std::size_t first = found[f].first;
            const std::size_t last = f + 1 < found.size() ? found[f + 1].first : parts.size();
            add_part(a, b, parts[first].begin, parts[last - 1].end, EntityType::Country,
                     found[f].second);
        }
        return true;
    }

    // Whether the title at a is the first word of a body's name, span [a, b): an
    // organisation's head comes right after it ("General Motors", "Justice Department"),
    // where a titled person's name would ("General Mike Jackson").
    bool org_head_after_title(std::size_t a, std::size_t b) const {
        const auto title = lx_.title_at(t_, a);
        const std::size_t next = a + (title ? title->length : 0);
        return title && next < b && lx_.is_org_head(t_[next].norm);
    }

    // Where a title inside span [a, b) starts when a name follows it: "Tory MP Patrick
    // Mercer", "World Bank President Ajay Banga". A title at the start is read whole by the
    // caller: "Prime Minister Ulf Kristersson" is not "Prime" holding the office of "Minister".
    std::optional<std::size_t> titled_name_at(std::size_t a, std::size_t b) const {
        const auto leading_title = lx_.title_at(t_, a);
        for (std::size_t x = a + (leading_title ? leading_title->length : 1); x + 1 < b; ++x) {
            auto tm = lx_.title_at(t_, x);
            if (!tm || x + tm->length >= b) continue;
            bool name_after = true;
            for (std::size_t y = x + tm->length; y < b; ++y)
                name_after = name_after && cap(y) && !lx_.is_org_head(t_[y].norm);
            // "MGM Vice Chairman Chris McGurk": the rank is the title's, not the body's.
            while (name_after && x > a + 1 && lx_.is_subordinate_rank(lower(x - 1))) --x;
            if (name_after) return x;
        }
        return std::nullopt;
    }

    // A mention ending right before token `end` in this sentence.
    std::optional<std::size_t> mention_ending_at(std::size_t end) const {
        for (std::size_t m = out_.size(); m-- > first_mention_;)
            if (out_[m].last == end) return m;
        return std::nullopt;
    }

    // The type a gazetteer form takes here: a capital or seat of government is the place
    // after "in", "at", "a visit to"; otherwise it stands for the government ("Moscow said").
    EntityType gazetteer_type(const GazetteerEntry& e, std::size_t a) const {
        return gazetteer_type_at(lx_, t_, e, a);
    }

    std::size_t add_gazetteer(std::size_t a, const LexiconMatch& m) {
        EntityType type = gazetteer_type(*m.entry, a);
        return add(a, a + m.length, type, m.entry);
    }

    // A title ending right before token `end` ("spokesman Vedant Patel", "Russia's
    // president, Vladimir Putin"), with the mention the title is held in, if any.
    struct TitleBefore {
        Role role;
        std::string title;
        std::vector<std::size_t> holders;
        const std::vector<std::string>* head_in = nullptr;
    };
    std::optional<TitleBefore> title_before(std::size_t end) const {
        const bool apposition = end > 0 && t_[end - 1].norm == ",";
        if (apposition) --end;  // "its president, X"
        // The longest title ending at `end`: "prime minister", not "minister".
        for (std::size_t start = end >= 4 ? end - 4 : 0; start < end; ++start) {
            auto m = lx_.title_at(t_, start);
            if (!m || start + m->length != end) continue;
            TitleBefore tb{
                m->role,
                std::string(doc_.text.substr(t_[start].begin, t_[end - 1].end - t_[start].begin)),
                {},
                m->head_in};
            // Who the title is held in: "State Department spokesman", "Russia's ... president".
            std::size_t k = start;
            while (k > 0 && !covered_[k - 1] && is_word(t_[k - 1].norm) &&
                   !starts_upper(t_[k - 1].norm) && start - k < 3 && lower(k - 1) != "'s")
                --k;  // adjectives: "internationally isolated"
            demote_if_subordinate(tb.role, k, start);
            if (k > 0 && lower(k - 1) == "'s") --k;
            auto holder = mention_ending_at(k);
            // "his second term as US President, Tony Blair has said": a predicate, not a
            // title of the name after the comma.
            const std::size_t phrase = holder ? out_[*holder].first : start;
            if (apposition && phrase > 0 && lower(phrase - 1) == "as") return std::nullopt;
            // "enter Downing Street as prime minister, I look forward": "as" between.
            for (std::size_t x = k; apposition && x < start; ++x)
                if (lower(x) == "as") return std::nullopt;
            if (holder) {
                tb.holders.push_back(*holder);
                add_country_of(*holder, tb.holders);
            }
            return tb;
        }
        return std::nullopt;
    }

    // "US State Department", "the Kenyan Foreign Ministry": the country of an organisation,
    // named in or right before it.
    void add_country_of(std::size_t org, std::vector<std::size_t>& holders) const {
        if (out_[org].type != EntityType::Organisation) return;
        if (out_[org].country)
            holders.push_back(*out_[org].country);
        else if (auto prev = mention_ending_at(out_[org].first))
            if (out_[*prev].type == EntityType::Country) holders.push_back(*prev);
    }

    bool reporting_verb_near(std::size_t a, std::size_t b) const {
        if (b < t_.size() && lx_.is_reporting_verb(lower(b))) return true;
        if (b + 1 < t_.size() && t_[b].norm == "," && lx_.is_reporting_verb(lower(b + 1)))
            return true;
        // "..., said Xi." but not "said Western allies continued"
        if (a > 0 && lx_.is_reporting_verb(lower(a - 1)) && lower(a - 1) != "according" &&
            (b == t_.size() || t_[b].norm == "," || t_[b].norm == "." ||
             (b + 1 < t_.size() && cap(b + 1) &&
              (lower(b) == "in" || lower(b) == "of" || lower(b) == "at" || lower(b) == "for"))))
            return true;
        return false;
    }

    // ", a senior lecturer ... at the University of X": returns where the role's holder
    // may be found (after the title) and the title, for a deferred lookup.
    std::optional<std::pair<TitleBefore, std::size_t>> apposition_after(std::size_t b) const {
        if (b >= t_.size() || t_[b].norm != ",") return std::nullopt;
        std::size_t k = b + 1;
        if (k < t_.size() && (lower(k) == "a" || lower(k) == "an" || lower(k) == "the")) ++k;
        const std::size_t first = k;
        for (std::size_t skipped = 0; k < t_.size() && skipped <= 4; ++k, ++skipped) {
            if (auto m = lx_.title_at(t_, k)) {
                std::size_t e = k + m->length;
                TitleBefore tb{
                    m->role,
                    std::string(doc_.text.substr(t_[k].begin, t_[e - 1].end - t_[k].begin)),
                    {},
                    m->head_in};
                demote_if_subordinate(tb.role, first, k);
                return std::make_pair(tb, e);
            }
            // "a prominent Russia scholar": a country may qualify the title.
            if (!is_word(t_[k].norm)) break;
            if (starts_upper(t_[k].norm)) {
                auto g = lx_.gazetteer_at(t_, k);
                if (!g || g->entry->type != EntityType::Country) break;
                k += g->length - 1;
            }
        }
        return std::nullopt;
    }

    // "RNID technology director", ", associate director of", "PCSU deputy general
    // secretary": a head's title qualified by a part or a rank below the head makes its
    // holder a member of the body's staff (tokens [from, to) qualify the title).
    void demote_if_subordinate(Role& role, std::size_t from, std::size_t to) const {
        if (role != Role::Leader && role != Role::HeadOfState) return;
        for (std::size_t i = from; i < to && i < t_.size(); ++i)
            if (!starts_upper(t_[i].norm) && lx_.is_subordinating_modifier(lower(i))) {
                role = Role::Affiliate;
                return;
            }
    }

    // "Chinese-led": a Country mention for the token, when its first part names a country.
    std::optional<std::size_t> leading_country(std::size_t i) {
        const std::string& norm = t_[i].norm;
        if (norm.size() < 5 || norm.compare(norm.size() - 4, 4, "-led") != 0) return std::nullopt;
        const auto parts = tokenize(std::string_view(norm).substr(0, norm.size() - 4));
        auto g = lx_.gazetteer_at(parts, 0);
        if (!g || g->length != parts.size() || g->entry->type != EntityType::Country)
            return std::nullopt;
        return add(i, i + 1, EntityType::Country, g->entry);
    }

    bool followed_by_org_descriptor(std::size_t b) const {
        return followed_by_descriptor(t_, b, lx_);
    }
    // "news agency Xinhua", "anti-virus firm Trend Micro", "parts maker Robert Bosch": the
    // descriptor right before the name (no other mention's word) says what the name is.
    bool preceded_by_org_descriptor(std::size_t k) const {
        // "on the plus side I love my job": a pronoun, not a name.
        if (k == 0 || covered_[k - 1] || t_[k].norm == "I") return false;
        const std::string prev = lower(k - 1);
        // "documentary maker Michael Cockerell": who makes a work is a person.
        if (prev == "maker" && k > 1 && lx_.is_work_noun(lower(k - 2))) return false;
        return kind_of_body_at(k - 1, prev);
    }
    // Whether `word`, read at token `at` ("firm"; the singular of "firms"), alone or after the
    // word before it ("news agency"), names a kind of body before a name.
    bool kind_of_body_at(std::size_t at, const std::string& word) const {
        return lx_.is_org_descriptor_before(word) ||
               (at > 0 && lx_.is_org_descriptor_before(lower(at - 1) + " " + word));
    }
    // "Stanley Fischer", "Jordan Henderson", "Sofia Coppola": a country's or a capital's name
    // that is also a given name, then one or two capitalised words that are no English word,
    // place, title or body's head, and nothing more: a person's name, not a place's person.
    bool given_name_not_place(std::size_t k, std::size_t length, std::size_t b) const {
        if (length != 1 || b < k + 2 || b > k + 3 || !lx_.is_given_name(t_[k].norm)) return false;
        for (std::size_t x = k + 1; x < b; ++x)
            if (!cap(x) || is_acronym(t_[x].norm) || lx_.is_common_word(lower(x)) ||
                lx_.gazetteer_at(t_, x) || lx_.title_at(t_, x) || lx_.is_honorific(t_[x].norm) ||
                lx_.is_org_head(t_[x].norm))
                return false;
        return true;
    }
    // A name of several words that may be a side's: capitalised words, not all of them
    // common ones, not a given name first (see the side rule in take_span).
    bool side_like_name(std::size_t k, std::size_t b) const {
        if (lx_.is_given_name(t_[k].norm)) return false;
        bool all_common = true;
        for (std::size_t x = k; x < b; ++x) {
            if (!is_word(t_[x].norm) || !starts_upper(t_[x].norm)) return false;
            all_common = all_common && lx_.is_common_word(lower(x));
        }
        return !all_common;
    }
    // "firms such as Google, MSN and AOL", "websites like Amazon", "companies including BT",
    // "rival firms Sony and Nintendo": the first name of examples of a kind of body (the
    // others of a list are typed with it, as coordinated names).
    bool example_of_bodies(std::size_t a) const {
        // The list's next name: "..., Yahoo, Ebay and Amazon".
        std::size_t before = a;
        if (before > 0 && (lower(before - 1) == "and" || lower(before - 1) == "or")) --before;
        if (before > 0 && t_[before - 1].norm == ",") --before;
        if (before < a && examples_end_ > 0 && before == examples_end_) return true;
        std::size_t k = a;
        if (k >= 2 && lower(k - 1) == "as" && lower(k - 2) == "such")
            k -= 2;
        else if (k >= 1 && (lower(k - 1) == "like" || lower(k - 1) == "including"))
            k -= 1;
        // Or a list right after the kind: "technology firms Sony, Philips and Samsung" (not
        // a clause: "the firms Rupert Murdoch owns", "parties I've been to").
        else if (k == 0 || starts_upper(t_[k - 1].norm) || !listed_from(a))
            return false;
        if (k < a && k >= 1 && t_[k - 1].norm == ",") --k;
        if (k == 0 || covered_[k - 1]) return false;
        const std::string kind = lower(k - 1);
        if (kind.size() < 4 || kind.back() != 's') return false;
        const std::string singular = kind.ends_with("ies") ? kind.substr(0, kind.size() - 3) + "y"
                                                           : kind.substr(0, kind.size() - 1);
        return kind_of_body_at(k - 1, singular);
    }
    // Whether the name at t_[a] is the first of a list: "Sony, Philips and Samsung".
    bool listed_from(std::size_t a) const {
        const std::size_t end = capitalised_run_end(t_, a);
        return end > a && end + 1 < t_.size() &&
               (t_[end].norm == "," || lower(end) == "and" || lower(end) == "or") &&
               starts_upper(t_[end + 1].norm);
    }
    // "manufacturer Toshiba Elevator and Building Systems": a name that goes on after "and".
    bool cut_at_and(std::size_t b) const {
        return b + 1 < t_.size() && (lower(b) == "and" || lower(b) == "&") &&
               starts_upper(t_[b + 1].norm);
    }
    // Whether a capitalised run ending at `b` is a whole name, not the start of a longer one
    // ("the Public and Commercial Services Union") nor a word qualifying a noun after it
    // ("Nordic operator Teliasonera", "the Commons public accounts committee"): what follows
    // is punctuation, a reporting verb, a preposition or a clause's first word.
    bool name_ends_at(std::size_t b) const {
        return !cut_at_and(b) && ends_noun_phrase(t_, b, lx_);
    }
    // "deputy chairman of Highland Gold", "the president of the Tatneft group": what a head
    // or an officer is "of" is a body (a place when it is one: "mayor of Middlesbrough";
    // not the owner of something after it: "chairman of Tony Blair's campaign").
    bool held_under_title(std::size_t a, std::size_t b) const {
        if (b < t_.size() && lower(b) == "'s") return false;
        std::size_t of = a;
        if (of > 0 && lower(of - 1) == "the") --of;
        if (of < 2 || lower(of - 1) != "of" || lx_.place_at(t_, a) == b - a) return false;
        if (!name_ends_at(b)) return false;
        // "director of the Committee": a common noun with a capital, not a body's name.
        if (b - a == 1 && of < a && lx_.is_common_word(lower(a))) return false;
        // The title as listed: a deputy's is a head's too ("deputy chairman of").
        const std::size_t end = of - 1;
        for (std::size_t start = end >= 4 ? end - 4 : 0; start < end; ++start)
            if (auto m = lx_.title_at(t_, start); m && start + m->length == end)
                return m->role != Role::Affiliate;
        return false;
    }
    bool publication_after_verb(std::size_t k) const { return named_as_publication(t_, k, lx_); }

    // Tokens [a, b) lower-cased and joined by single spaces.
    std::string phrase(std::size_t a, std::size_t b) const {
        std::string out;
        for (std::size_t x = a; x < b; ++x) out += (x == a ? "" : " ") + lower(x);
        return out;
    }

    // "Arsenal boss Arsene Wenger", "Saints striker Kevin Phillips" opening a sentence: a
    // common word is a side's name when one of the side's people follows it by name, and the
    // article never writes the word in lower case ("But captain X", "the charity"). Not a
    // chairman, who heads committees and charities as well ("Committee chairman Alan Beith").
    bool side_named_first(std::size_t a, std::size_t b) const {
        if (b != a + 1 || b + 1 >= t_.size() || !lx_.is_member_role_noun(lower(b)) ||
            lower(b) == "chairman" || !starts_upper(t_[b + 1].norm) || !is_word(t_[b + 1].norm))
            return false;
        const std::string word = lower(a);
        const auto letter = [&](std::size_t i) {
            return i < doc_.text.size() && std::isalpha(static_cast<unsigned char>(doc_.text[i]));
        };
        for (std::size_t at = doc_.text.find(word); at != std::string::npos;
             at = doc_.text.find(word, at + 1))
            if (!(at > 0 && letter(at - 1)) && !letter(at + word.size())) return false;
        return true;
    }
    bool sentence_initial_common_word(std::size_t a) const {
        return a == first_word_ && lx_.is_common_word(lower(a)) && !attested_.count(t_[a].norm);
    }

    // Whether t[a, c), the words before an "of", are a person's name whatever follows: an
    // honorific or a title, then a name ("Dr Doug Williams of BT", "Professor Ann Lee of
    // Imperial"), or a given name and surnames no dictionary has ("Doug Williams of BT"; not
    // "Maria Full of Grace"). Not a title alone ("Professor of Economics"), nor a given name
    // alone ("Bill of Rights"), nor a possessive ("Lloyd's of London").
    bool names_a_person(std::size_t a, std::size_t c) const {
        for (std::size_t x = a; x < c; ++x)
            if (!cap(x)) return false;
        if (has_org_head(a, c)) return false;
        // Where the surnames start: after an honorific, a title, or a given name.
        const bool honorific = lx_.is_honorific(t_[a].norm);
        std::size_t name = a + 1;
        if (auto title = lx_.title_at(t_, a); title && !honorific)
            name = a + title->length;
        else if (!honorific && !lx_.is_given_name(t_[a].norm))
            return false;
        if (name >= c || c - name > 3) return false;
        // "Lord Bishop of Durham", "the Lady Mayoress of Leeds": dictionary words alone are no
        // surnames; after a given name, no dictionary word is ("Roman Catholic Archbishop of
        // Cardiff", "Maria Full of Grace").
        const bool given_name_first = name == a + 1 && !honorific;
        bool all_common = true;
        for (std::size_t x = name; x < c; ++x) {
            const bool common = lx_.is_common_word(lower(x)) && !lx_.is_given_name(t_[x].norm);
            if (given_name_first && common) return false;
            all_common = all_common && common;
        }
        return !all_common;
    }

    void take_span(std::size_t a, std::size_t b) {
        // Already named, as the acronym after its expansion is: "(VHC)".
        if (a < b && std::all_of(covered_.begin() + static_cast<std::ptrdiff_t>(a),
                                 covered_.begin() + static_cast<std::ptrdiff_t>(b),
                                 [](bool c) { return c; }))
            return;
        if (listed_as_work(t_, a, b, lx_)) return;  // "films including Raging Bull and Goodfellas"
        if (b - a == 1 && plural_acronym(t_[a].norm)) return;  // "ATMs"
        // "The" written with a capital inside a sentence starts a title: "At The Diplomat".
        bool capital_the = false;
        std::size_t the = b;
        for (std::size_t x = a; x < b && x <= a + 1 && !capital_the; ++x)
            if (t_[x].norm == "The" && x != first_word_ &&
                // "based in The Hague" is a place
                !(x > 0 && lower(x - 1) == "in")) {
                capital_the = true;
                the = x;
            }
        // Articles, sentence-initial common words and the connectors after them are not
        // names ("The", "Despite", "Readers of the Dunmore Chronicle"), nor is the possessive
        // of a word dropped before ("Thursday's Commons debate").
        while (a < b &&
               (lower(a) == "the" || lower(a) == "a" || lower(a) == "an" || t_[a].norm == "'s" ||
                t_[a].norm == "'" || (!starts_upper(t_[a].norm) && is_connector(lower(a))) ||
                lx_.is_non_entity(t_[a].norm) ||
                (sentence_initial_common_word(a) && !side_named_first(a, b) &&
                 !lx_.gazetteer_at(t_, a) && !lx_.title_at(t_, a) &&
                 !lx_.is_honorific(t_[a].norm) && !(lx_.is_given_name(t_[a].norm) && a + 1 < b))))
            ++a;
        // "US-led", "Shanghai-based": an adjective made from a name, not a name; a country
        // leading what follows is noted ("the Chinese-led Shanghai Cooperation Organisation").
        std::optional<std::size_t> leader;
        while (a < b && derived_adjective(t_[a].norm)) {
            leader = leading_country(a);
            ++a;
        }
        const std::size_t before_take = out_.size();
        struct NoteLeader {
            SentenceScanner& self;
            std::optional<std::size_t> leader;
            std::size_t from;
            ~NoteLeader() {
                if (!leader) return;
                for (std::size_t m = from; m < self.out_.size(); ++m)
                    if (self.out_[m].type == EntityType::Organisation) {
                        self.out_[m].led_by = leader;
                        break;
                    }
            }
        } note{*this, leader, before_take};
        while (a < b && (lower(b - 1) == "of" || lower(b - 1) == "and" || lower(b - 1) == "the"))
            --b;
        if (a >= b) return;
        // "the Davis Cup", "the Dubai Open": an event, which is no entity; but what a head
        // is "of" is a body ("director of Yahoo Games").
        if (lx_.is_event_head(t_[b - 1].norm) && !held_under_title(a, b)) return;

        // "Evan Feigenbaum of the Carnegie Endowment": a name, then the body it is of.
        for (std::size_t c = a + 1; c + 1 < b; ++c) {
            const std::string lw = lower(c);
            if (lw != "of" && lw != "for") continue;
            std::size_t r = c + 1;
            if (lower(r) == "the") ++r;
            // A title is a body's only when it is all the left part ("Secretary of State"),
            // not when a name follows it ("President Nestor Kirchner of Argentina").
            const auto title = lx_.title_at(t_, a);
            bool left_is_body = has_org_head(a, c) || (title && a + title->length == c) ||
                                ends_with_agreement_head(a, c) || lx_.gazetteer_at(t_, a);
            bool right_is_body = has_org_head(r, b) || lx_.gazetteer_at(t_, r);
            if (!left_is_body && right_is_body) {
                take_span(a, c);
                take_span(r, b);
                return;
            }
            // "Doug Williams of BT": a person, then what they are of, whatever it is; a peer's
            // is their title's place ("Lord Roberts of Conwy"), no mention of its own. Not
            // "for": an award's winner "for" a work ("Rufus Norris for Festen").
            if (!left_is_body && lw == "of" && names_a_person(a, c)) {
                take_span(a, c);
                if (!lx_.is_peerage_style(t_[a].norm)) take_span(r, b);
                return;
            }
            break;
        }

        // A dateline ("ISTANBUL, July 17 -", "MADRID (Reuters) -") names where the story
        // was filed, not an organisation.
        if ((a == first_word_ || (a == first_word_ + 1 && t_[first_word_].norm == "THE")) &&
            is_acronym(t_[a].norm) && b < t_.size() &&
            (t_[b].norm == "," || t_[b].norm == "(" || t_[b].norm == "-") && index_ < 4 &&
            (t_[first_word_].begin == 0 || doc_.text[t_[first_word_].begin - 1] == '\n'))
            return;

        if (country_compound(a, b)) return;

        // Whole-span readings first: "Rome Statute", "Russian Gazette", "NATO".
        if (ends_with_agreement_head(a, b)) {
            acronym_after(b, add(a, b, EntityType::Agreement));  // "Extended Fund Facility (EFF)"
            return;
        }
        if (auto g = lx_.gazetteer_at(t_, a); g && a + g->length == b) {
            std::size_t m = add_gazetteer(a, *g);
            acronym_after(b, m);
            return;
        }
        if (b - a >= 2 && (has_org_head(a, b) || club_name(a, b)) &&
            (!lx_.title_at(t_, a) || org_head_after_title(a, b)) && !titled_name_at(a, b)) {
            std::size_t m = add(a, b, EntityType::Organisation);
            acronym_after(b, m);
            // "US State Department": the country named at its start is mentioned too.
            // Not a company's ("Norway Petroleum Holdings").
            if (auto g = lx_.gazetteer_at(t_, a);
                g && g->entry->type == EntityType::Country && g->entry->kind == FormKind::Name &&
                a + g->length < b && !lx_.is_company_head(t_[b - 1].norm)) {
                std::size_t c = add_gazetteer(a, *g);
                out_[m].country = c;
            }
            return;
        }
        // "the General Election", "Cold War": a common noun written with capitals.
        if (b - a >= 2 && lx_.is_common_compound(phrase(a, b)) && !capital_the &&
            !publication_after_verb(a) && !followed_by_org_descriptor(b))
            return;
        // "Tory Treasurer Lord Ashcroft": an honorific inside starts the name.
        for (std::size_t x = a + 1; x + 1 < b; ++x)
            if (lx_.is_honorific(t_[x].norm)) {
                take_span(a, x);
                take_span(x, b);
                return;
            }

        // "Tory MP Patrick Mercer", "ODPM Committee Chairman Andrew Bennett": what comes
        // before a title inside the span is its holder (or a qualifier), not part of the name.
        // (A gazetteer name before the title is read as its holder below.)
        if (auto x = lx_.gazetteer_at(t_, a) ? std::nullopt : titled_name_at(a, b)) {
            take_span(a, *x);
            take_span(*x, b);
            if (!out_.empty() && out_.back().type == EntityType::Person && out_.back().first > *x &&
                out_.back().role_of.empty())
                if (auto holder = mention_ending_at(*x);
                    holder && out_[*holder].type != EntityType::Person) {
                    out_.back().role_of.push_back(*holder);
                    add_country_of(*holder, out_.back().role_of);
                }
            return;
        }

        // Otherwise: [holder] [title] [honorific] name  ("Chinese President Xi Jinping").
        std::vector<std::size_t> holders;
        std::optional<Role> role;
        std::string title;
        const std::vector<std::string>* head_in = nullptr;
        bool honorific = false;
        std::size_t k = a;
        while (k < b) {
            // "Tory David Heathcoat-Amory", "Scot Kathy Butler": the side, not the name.
            if (!honorific && !role && holders.empty()) {
                const SideWord side = side_word_at(t_, k, b, lx_);
                if (side == SideWord::NoPerson) return;
                if (side == SideWord::Side) {
                    ++k;
                    continue;
                }
            }
            if (lx_.is_honorific(t_[k].norm)) {
                honorific = true;
                ++k;
                if (k < b && t_[k].norm == ".") ++k;
                continue;
            }
            if (auto tm = lx_.title_at(t_, k); tm && k + tm->length < b) {
                role = tm->role;
                head_in = tm->head_in;
                title = std::string(
                    doc_.text.substr(t_[k].begin, t_[k + tm->length - 1].end - t_[k].begin));
                k += tm->length;
                // "Secretary-General of the United Nations António Guterres"
                if (k < b && (lower(k) == "of" || lower(k) == "for")) {
                    std::size_t h = k + 1;
                    if (h < b && lower(h) == "the") ++h;
                    if (auto g = lx_.gazetteer_at(t_, h); g && h + g->length <= b) {
                        holders.push_back(add_gazetteer(h, *g));
                        k = h + g->length;
                    }
                }
                continue;
            }
            if (auto g = lx_.gazetteer_at(t_, k); g && k + g->length < b && !honorific) {
                if (!role && holders.empty() && given_name_not_place(k, g->length, b)) break;
                std::size_t m = add_gazetteer(k, *g);
                holders.push_back(m);
                k += g->length;
                continue;
            }
            break;
        }
        // "Chinese President" with no name, or "Chairman of the Group of Seven": no person.
        if (k >= b || !cap(k)) return;
        // A bare title ("Prosecutor General"), unless it names a publication ("The Diplomat").
        if (auto tm = lx_.title_at(t_, k);
            tm && k + tm->length == b && !capital_the && !publication_after_verb(k))
            return;

        std::size_t n = b - k;
        bool person_cue = role || honorific;
        // "Chelsea winger Arjen Robben", "Newcastle fans": a side's people after a lone name
        // make it the side, whatever given name or town it also is (not a capitalised common
        // word opening the sentence: "Committee chairman Alan Beith").
        // A longer name too, of capitalised words not all common ones and not starting with
        // a given name ("Manchester United manager", "Real Madrid striker"; not "Tony Blair
        // supporters", "the Northern Hemisphere side", "Rangers for Scotland captain").
        if (!person_cue && (n == 1 || side_like_name(k, b)) && k == a && b < t_.size() &&
            lx_.is_member_role_noun(lower(b)) && !lx_.gazetteer_at(t_, k) &&
            !(a > 0 && starts_upper(t_[a - 1].norm)) &&
            !(a == 0 && lx_.is_common_word(lower(k)) && !side_named_first(k, b))) {
            add(k, b, EntityType::Organisation);
            return;
        }
        if (!person_cue && n == 1 && is_acronym(t_[k].norm) && !lx_.is_common_word(lower(k)) &&
            !lx_.is_plain_acronym(lower(k)) && !lx_.is_non_entity(t_[k].norm)) {
            add(k, b, EntityType::Organisation);  // "CNN", "SCMP"
            return;
        }
        const bool example = !person_cue && k == a && example_of_bodies(a);
        if (!person_cue && (followed_by_org_descriptor(b) || publication_after_verb(k) || example ||
                            (k == a && ((preceded_by_org_descriptor(k) && !cut_at_and(b)) ||
                                        held_under_title(a, b))))) {
            add(k, b, EntityType::Organisation);  // "RIA Novosti news agency"
            if (example) examples_end_ = b;
            return;
        }
        // "in Sydney": a place we have no gazetteer entry for, never a person.
        if (!person_cue && n == 1 && k > 0 && lx_.is_locative(lower(k - 1))) return;
        std::optional<TitleBefore> before;
        if (!person_cue && (before = title_before(k))) person_cue = true;
        auto after = person_cue ? std::nullopt : apposition_after(b);
        if (after) person_cue = true;
        // "the Lib Dems said", "the Deutsche Boerse": a determiner is no part of a person.
        const bool determined = k > 0 && (lower(k - 1) == "the" || lower(k - 1) == "a");
        // A lone word with "said" may be an organisation speaking ("Reuters said"): it is
        // kept only if it resolves to a person the article names in full.
        // "Sydney Olympics", "Labour MPs", "BBC Sport": a thing's or a group's words.
        bool has_acronym = false;
        for (std::size_t x = k; x < b; ++x) has_acronym = has_acronym || is_acronym(t_[x].norm);
        const bool thing_last =
            has_acronym || (t_[b - 1].norm.back() == 's' && lx_.is_common_word(lower(b - 1)));
        bool weak_speaker = false;
        if (!person_cue && !determined && !thing_last && reporting_verb_near(k, b) && n <= 3 &&
            !(n == 1 && lx_.is_common_word(lower(k)))) {
            person_cue = true;
            weak_speaker = n == 1;
        }
        if (!person_cue && k > 0 && lower(k - 1) == "by" && n >= 2 && n <= 3) person_cue = true;
        // "North", "West" and "Far" are given names too, but open places' names first.
        if (!person_cue && n >= 2 && n <= 4 && lx_.is_given_name(t_[k].norm) &&
            !lx_.is_compass_word(t_[k].norm) && !thing_last)
            person_cue = true;
        // "Tomasz Lind of the Brookings Institution": a name, then the body it is of.
        if (!person_cue && n >= 2 && n <= 3 && b + 1 < t_.size() &&
            (lower(b) == "of" || lower(b) == "from") &&
            has_org_head(b + 1, std::min(t_.size(), b + 8)))
            person_cue = true;
        if (!person_cue && !determined && n >= 2 && n <= 3) {
            bool all_rare = true;  // "Vedant Patel": no part of it is an English word
            for (std::size_t x = k; x < b; ++x)
                all_rare = all_rare && !lx_.is_common_word(lower(x)) && !is_acronym(t_[x].norm);
            // "at Le Bourget", "in Sha Tin": a place with no gazetteer entry, unless it owns
            // something ("in Kumi Naidoo's words") or a role is held at it ("an economist at
            // Natexis"). data/position_prepositions.txt says which prepositions.
            const std::string prev = k > 0 ? lower(k - 1) : "";
            if (all_rare && lx_.is_position_preposition(prev) &&
                !(b < t_.size() && lower(b) == "'s") && !(prev == "at" && title_before(k - 1))) {
                add(k, b, EntityType::Location);
                return;
            }
            person_cue = all_rare;
        }

        if (person_cue && n <= 5) {
            std::size_t m = add(k, b, EntityType::Person);
            Mention& p = out_[m];
            p.weak = weak_speaker;
            if (role) {
                p.role = role;
                p.title = title;
                p.head_only_in = head_in;
                p.role_of = holders;
                // "Sweden's King Carl Gustaf"; "State Bank of Pakistan (SBP) Governor Jameel
                // Ahmed": the body's acronym in brackets between it and the title.
                if (holders.empty() && a > 1 && (lower(a - 1) == "'s" || lower(a - 1) == ")"))
                    if (auto holder = mention_ending_at(a - 1)) p.role_of.push_back(*holder);
            } else if (before) {
                p.role = before->role;
                p.title = before->title;
                p.head_only_in = before->head_in;
                p.role_of = before->holders;
            } else if (after) {
                p.role = after->first.role;
                p.title = after->first.title;
                p.head_only_in = after->first.head_in;
                pending_.push_back({m, after->second});
            }
            return;
        }
        if (capital_the) {
            // "At The Diplomat", "The Atlantic"; not "The Aviator", a film.
            if (!opens_work_title(t_, the, b, lx_)) add(k, b, EntityType::Organisation);
            return;
        }
        if (n >= 2 && n <= 3) unclassified_.push_back({k, b});
        // A credit line: "Reuters" alone, "Photo: ... via Agence France-Presse".
        if (s_.furniture && !lx_.is_common_word(lower(k)) &&
            ((k == first_word_ && b == t_.size()) || (k > 0 && lower(k - 1) == "via"))) {
            add(k, b, EntityType::Organisation);
            return;
        }
        if (n == 1 && !sentence_initial_common_word(k)) {
            std::size_t m = add(k, b, EntityType::Person);
            out_[m].weak = true;
        }
    }

    // "International Criminal Court (ICC)": the acronym names the same entity.
    void acronym_after(std::size_t b, std::size_t expansion) {
        // It starts as its expansion does: in "Athletics Kenya (AK)" the acronym is not
        // Kenya's, whose mention ends before it too.
        const std::string& name = out_[expansion].surface;
        if (b + 2 < t_.size() && t_[b].norm == "(" && t_[b + 2].norm == ")" &&
            is_acronym(t_[b + 1].norm) && !name.empty() &&
            std::toupper(static_cast<unsigned char>(name[0])) ==
                static_cast<unsigned char>(t_[b + 1].norm[0])) {
            std::size_t m = add(b + 1, b + 2, out_[expansion].type, out_[expansion].entry);
            out_[m].acronym_of = expansion;
        }
    }

    // "a joint statement", "China's 12-point peace plan", "the "no limits" partnership":
    // a lower-case agreement head noun with at least one modifier that makes it specific.
    void find_agreement_descriptions() {
        for (std::size_t h = 0; h < t_.size(); ++h) {
            if (covered_[h] || starts_upper(t_[h].norm) || !lx_.is_agreement_head(lower(h)))
                continue;
            std::size_t a = h;
            int modifiers = 0;
            while (a > 0 && !covered_[a - 1]) {
                const std::string w = lower(a - 1);
                bool numbered =
                    w.find("-point") != std::string::npos || w.find("-year") != std::string::npos;
                if (lx_.is_agreement_modifier(w) || numbered) {
                    --a;
                    ++modifiers;
                    continue;
                }
                if (is_quote(t_[a - 1].norm)) {  // a quoted name: “no limits” partnership
                    std::size_t open = a - 1;
                    while (open > 0 && a - open < 6 && !is_quote(t_[open - 1].norm)) --open;
                    if (open > 0 && is_quote(t_[open - 1].norm) && open < a - 1) {
                        a = open - 1;
                        ++modifiers;
                        continue;
                    }
                }
                break;
            }
            // "the AUKUS security pact" is the organisation itself, not another agreement.
            if (auto prev = mention_ending_at(a);
                prev && out_[*prev].type == EntityType::Organisation && lower(a - 1) != "'s")
                continue;
            // "any peace initiative", "no meaningful deal": not one identified agreement.
            static const std::unordered_set<std::string> kGeneric = {
                "any", "no", "every", "each", "such", "another", "other", "future"};
            std::size_t d = a;
            if (d > 1 && !covered_[d - 1] && is_word(t_[d - 1].norm) &&
                !starts_upper(t_[d - 1].norm) && !kGeneric.count(lower(d - 1)))
                --d;  // one adjective: "any meaningful peace agreement"
            if (d > 0 && kGeneric.count(lower(d - 1))) continue;
            if (modifiers > 0) add(a, h + 1, EntityType::Agreement);
        }
    }

    // "Nectar Gan, Wayne Chang, Matthew Chance and Anna Chernova": names listed beside a
    // person are people too, though only some have a recognisable given name.
    void people_in_lists() {
        auto person_ending_at = [&](std::size_t last) {
            for (std::size_t m = first_mention_; m < out_.size(); ++m)
                if (out_[m].type == EntityType::Person && !out_[m].weak && out_[m].last == last)
                    return true;
            return false;
        };
        auto person_starting_at = [&](std::size_t first) {
            for (std::size_t m = first_mention_; m < out_.size(); ++m)
                if (out_[m].type == EntityType::Person && !out_[m].weak && out_[m].first == first)
                    return true;
            return false;
        };
        auto separator = [&](std::size_t i) {
            return i < t_.size() && (t_[i].norm == "," || lower(i) == "and");
        };
        for (bool changed = true; changed;) {
            changed = false;
            for (auto it = unclassified_.begin(); it != unclassified_.end(); ++it) {
                auto [a, b] = *it;
                bool left = a >= 2 && separator(a - 1) && person_ending_at(a - 1);
                bool right = separator(b) && person_starting_at(b + 1);
                if (!left && !right) continue;
                add(a, b, EntityType::Person);
                unclassified_.erase(it);
                changed = true;
                break;
            }
        }
    }

    // Roles from appositions find their holder after the title, up to the clause's end:
    // "X, a senior fellow at the Atlantic Council".
    void resolve_pending_roles() {
        for (const auto& [person, from] : pending_) {
            std::size_t stop = from;
            while (stop < t_.size() && t_[stop].norm != "," && t_[stop].norm != ";") ++stop;
            bool held = false;
            for (std::size_t m = first_mention_; m < out_.size(); ++m) {
                const Mention& cand = out_[m];
                if (cand.first < from || cand.first >= stop) continue;
                if (cand.type != EntityType::Organisation && cand.type != EntityType::Country)
                    continue;
                // "head of UK equities", "chief of a US phone company": a country qualifying
                // a common noun is not what the role is held in.
                if (cand.type == EntityType::Country && cand.last < t_.size() &&
                    is_word(t_[cand.last].norm) && !starts_upper(t_[cand.last].norm) &&
                    lower(cand.last) != "and")
                    continue;
                // "leader of Britain's biggest union", "president of the Spanish FA": a
                // country owning or qualifying another name is not what the role is held in.
                // Nor the first word of a longer name: "vice-chairman of India Petrochemicals".
                if (cand.type == EntityType::Country && cand.last + 1 < t_.size() &&
                    ((lower(cand.last) == "'s" && is_word(t_[cand.last + 1].norm)) ||
                     (cand.entry &&
                      (cand.entry->kind == FormKind::Demonym ||
                       cand.entry->kind == FormKind::Name) &&
                      is_word(t_[cand.last].norm) && starts_upper(t_[cand.last].norm) &&
                      !lx_.title_at(t_, cand.last))))
                    continue;
                // "head of MMS firm Adamind": a name qualifying a descriptor before another
                // name ("firm", "giant") is not the body; the name after the descriptor is.
                if (cand.last + 1 < stop && lx_.is_org_descriptor(lower(cand.last)) &&
                    starts_upper(t_[cand.last + 1].norm))
                    continue;
                // "director of the Institute ... at the Shanghai University": the body the
                // holder belongs to is an affiliation.
                if (held) {
                    std::size_t f = cand.first;
                    if (f > 0 && lower(f - 1) == "the") --f;
                    if (cand.type == EntityType::Organisation && f > 0 && lower(f - 1) == "at")
                        out_[person].affiliations.push_back(m);
                    continue;
                }
                // "head of the Asia program at the Institute", "chief of BT's new unit",
                // "director of the University venue": the head of a part of a body is
                // affiliated with it, not its leader.
                const bool part =
                    cand.last < t_.size() &&
                    (lower(cand.last) == "'s" ||
                     (is_word(t_[cand.last].norm) && !starts_upper(t_[cand.last].norm) &&
                      !lx_.is_position_preposition(lower(cand.last)) && lower(cand.last) != "and" &&
                      lower(cand.last) != "in" && lower(cand.last) != "of" &&
                      lower(cand.last) != "said"));
                if ((out_[person].role == Role::Leader || out_[person].role == Role::HeadOfState) &&
                    (cand.first > from + 2 || (part && cand.type == EntityType::Organisation)))
                    out_[person].role = Role::Affiliate;
                out_[person].role_of.push_back(m);
                add_country_of(m, out_[person].role_of);
                held = true;
            }
        }
    }

    const Document& doc_;
    const Sentence& s_;
    const std::vector<Token>& t_;
    std::size_t index_;
    const Lexicon& lx_;
    const std::unordered_set<std::string>& attested_;
    std::vector<Mention>& out_;
    std::size_t first_mention_;
    std::size_t first_word_ = 0;
    std::vector<bool> covered_;
    // Where the last name of a list of examples ("firms such as Google, ...") ends, or 0.
    std::size_t examples_end_ = 0;
    std::vector<std::pair<std::size_t, std::size_t>> pending_;
    std::vector<std::pair<std::size_t, std::size_t>> unclassified_;  // untyped 2-3 word names
};

// Words seen capitalised away from the start of a sentence: "Xi" is a name in this article
// even though "xi" is also a dictionary word.
std::unordered_set<std::string> attested_names(const std::vector<Sentence>& sentences) {
    std::unordered_set<std::string> names;
    for (const Sentence& s : sentences) {
        bool seen_word = false;
        for (std::size_t i = 0; i < s.tokens.size(); ++i) {
            const Token& t = s.tokens[i];
            if (!is_word(t.norm)) {
                if (t.norm == ":" || is_quote(t.norm)) seen_word = false;
                continue;
            }
            if (seen_word && starts_upper(t.norm)) names.insert(t.norm);
            seen_word = true;
        }
    }
    return names;
}

// A rule's mention the tagger may retype or split: a person or place the rules named from a
// weak cue alone (a capitalised run, a reporting verb, a preposition), with no gazetteer
// entry, title or honorific behind it, and that no other mention points to.
bool soft(const Mention& m, bool referenced) {
    if (referenced || m.entry != nullptr || m.role || m.acronym_of) return false;
    return m.type == EntityType::Person || m.type == EntityType::Location;
}

// How often the tagger spans each word alone in the article as an organisation, and as a
// person ("Nintendo has given developers...": an organisation), and whether a rule names a
// body by it alone ("Fiat chief executive Sergio Marchionne").
struct LoneWordCount {
    int organisation = 0, person = 0;
    bool rule_body = false;
};
using LoneWords = std::unordered_map<std::string, LoneWordCount>;
LoneWords lone_words_of(const std::vector<Sentence>& sentences,
                        const std::vector<std::vector<TaggedSpan>>& tagged,
                        const std::vector<Mention>& rules) {
    LoneWords words;
    for (const Mention& m : rules)
        if (m.type == EntityType::Organisation && m.last - m.first == 1 &&
            m.sentence < sentences.size())
            words[sentences[m.sentence].tokens[m.first].norm].rule_body = true;
    for (std::size_t s = 0; s < sentences.size() && s < tagged.size(); ++s)
        for (const TaggedSpan& span : tagged[s]) {
            if (span.last - span.first != 1 || span.last > sentences[s].tokens.size()) continue;
            auto& count = words[sentences[s].tokens[span.first].norm];
            if (span.type == SpanType::Organisation) ++count.organisation;
            if (span.type == SpanType::Person) ++count.person;
        }
    return words;
}

// A name of two words or more taken for a person's whose first word is no given name and,
// alone, an organisation of the article (a rule's, or the tagger's twice more than a
// person), and none of whose other words is a person alone: a company's branch or product
// ("Nintendo Europe", "Fiat Auto"), not "Jonny Wilkinson" where "Jonny is in every way the
// right player" was once taken for a body.
bool company_taken_for_person(const std::vector<Token>& t, std::size_t first, std::size_t last,
                              const Lexicon& lexicon, const LoneWords& lone) {
    if (last - first < 2 || last > t.size() || lexicon.is_given_name(t[first].norm)) return false;
    const auto count = [&](std::size_t k) {
        const auto it = lone.find(t[k].norm);
        return it == lone.end() ? LoneWordCount{} : it->second;
    };
    if (!count(first).rule_body && count(first).organisation - count(first).person < 2)
        return false;
    for (std::size_t k = first + 1; k < last; ++k)
        if (count(k).person > count(k).organisation) return false;
    return true;
}

// The words of the people an article names in full ("Vladimir Putin"), by a rule or by the
// mention tagger: a span of them alone ("Putin") is that person, whatever the tagger says. A
// rule's person that is a company's name (company_taken_for_person()) does not count.
class PersonWords {
  public:
    PersonWords(const std::vector<Sentence>& sentences, const std::vector<Mention>& rules,
                const std::vector<std::vector<TaggedSpan>>& tagged, const Lexicon& lexicon) {
        const auto lone_words = lone_words_of(sentences, tagged, rules);
        for (const Mention& m : rules)
            if (m.type == EntityType::Person && !m.weak && m.last - m.first >= 2 &&
                !(!m.role && company_taken_for_person(sentences[m.sentence].tokens, m.first, m.last,
                                                      lexicon, lone_words)))
                add(sentences[m.sentence].tokens, m.first, m.last);
        for (std::size_t s = 0; s < sentences.size() && s < tagged.size(); ++s)
            for (const TaggedSpan& span : tagged[s])
                if (span.type == SpanType::Person && span.last - span.first >= 2 &&
                    span.last <= sentences[s].tokens.size() &&
                    starts_upper(sentences[s].tokens[span.first].norm))
                    add(sentences[s].tokens, span.first, span.last);
    }
    void add(const std::vector<Token>& t, std::size_t first, std::size_t last) {
        for (std::size_t k = first; k < last; ++k)
            if (is_word(t[k].norm) && starts_upper(t[k].norm)) words_.insert(t[k].norm);
    }
    bool all(const std::vector<Token>& t, std::size_t first, std::size_t last) const {
        for (std::size_t k = first; k < last; ++k)
            if (is_word(t[k].norm) && !has(t[k].norm)) return false;
        return first < last;
    }

  private:
    // The word, or a spelling of it that differs only in its last letter or two
    // ("Zelensky", "Zelenskyy": transliterations vary).
    bool has(const std::string& word) const {
        if (words_.count(word)) return true;
        if (word.size() < 5) return false;
        for (const std::string& w : words_) {
            const std::string& shorter = w.size() < word.size() ? w : word;
            const std::string& longer = w.size() < word.size() ? word : w;
            if (shorter.size() >= 5 && longer.size() - shorter.size() <= 2 &&
                longer.compare(0, shorter.size(), shorter) == 0)
                return true;
        }
        return false;
    }

    std::unordered_set<std::string> words_;
};

// A tagger's span as a mention: its type from the gazetteers ("Ukraine" is a country, "in
// Moscow" the place), the article's people ("Putin" after "Vladimir Putin"), an organisation
// head ("Ofcom Authority"), and otherwise the tagger's. A one-word place that is no place
// name (Lexicon::place_at) is left out: Universal NER tags shops, restaurants and websites as
// places ("at Burger King"), and in news such a word is more often a company ("from Huawei").
std::optional<Mention> typed_span(const Document& doc, const Sentence& sentence, std::size_t index,
                                  const TaggedSpan& span, const Lexicon& lexicon,
                                  const PersonWords& people) {
    const auto& t = sentence.tokens;
    Mention m;
    m.sentence = index;
    m.first = span.first;
    m.last = span.last;
    m.begin = t[span.first].begin;
    m.end = t[span.last - 1].end;
    m.surface = doc.text.substr(m.begin, m.end - m.begin);
    m.tagged = true;
    bool org_head = false;
    for (std::size_t k = span.first; k < span.last; ++k)
        org_head = org_head || lexicon.is_org_head(t[k].norm);
    if (auto g = lexicon.gazetteer_at(t, span.first); g && span.first + g->length == span.last) {
        m.entry = g->entry;
        m.type = gazetteer_type_at(lexicon, t, *g->entry, span.first);
    } else if (people.all(t, span.first, span.last)) {
        m.type = EntityType::Person;
        m.weak = span.last - span.first == 1;
    } else if (org_head && span.type != SpanType::Person) {
        m.type = EntityType::Organisation;
    } else if (span.type == SpanType::Person) {
        m.type = EntityType::Person;
    } else if (span.type == SpanType::Organisation) {
        m.type = EntityType::Organisation;
    } else if (span.last - span.first >= 2 ||
               lexicon.place_at(t, span.first) == span.last - span.first) {
        m.type = EntityType::Location;
    } else {
        return std::nullopt;
    }
    return m;
}

// A sentence that lists names: five commas or more, and most of its words capitalised.
bool roster(const Sentence& s) {
    int commas = 0, words = 0, capitals = 0;
    for (const Token& t : s.tokens) {
        if (t.norm == "," || t.norm == ";") ++commas;
        if (!is_word(t.norm)) continue;
        ++words;
        capitals += starts_upper(t.norm);
    }
    if (commas >= 5 && capitals * 10 >= words * 6) return true;
    // A shorter one after a label: "Subs not used: Hislop, Quashie, Cisse." (names alone
    // between commas, three or more).
    constexpr std::size_t kLongestLabel = 5;
    const auto& t = s.tokens;
    std::size_t colon = 0;
    while (colon < t.size() && colon <= kLongestLabel && t[colon].norm != ":") ++colon;
    if (colon >= t.size() || colon > kLongestLabel) return false;
    std::size_t names = 0, k = colon + 1;
    for (; k < t.size() && is_word(t[k].norm) && starts_upper(t[k].norm); k += 2) {
        ++names;
        if (k + 1 >= t.size() || t[k + 1].norm != ",") {
            k += 1;
            break;
        }
    }
    return names >= 3 && (k == t.size() || (k + 1 == t.size() && t[k].norm == "."));
}

// Whether the tagger's span may stand as a mention: a capitalised name, not a title alone,
// not a sentence's first common words ("Meanwhile", "Talks Resume"), not page furniture
// (its bylines and credits have rules of their own).
bool acceptable_span(const Sentence& s, const TaggedSpan& span, const Lexicon& lexicon,
                     const std::unordered_set<std::string>& attested) {
    const auto& t = s.tokens;
    if (s.furniture || span.first >= span.last || span.last > t.size()) return false;
    if (!starts_upper(t[span.first].norm) || !is_word(t[span.first].norm)) return false;
    if (!starts_upper(t[span.last - 1].norm) && !is_acronym(t[span.last - 1].norm) &&
        !std::isdigit(static_cast<unsigned char>(t[span.last - 1].norm[0])))
        return false;
    // Inside a name, lower-case words are connectors ("Bank of England"), never nouns
    // ("Vantorix rival Belcom" is two names).
    for (std::size_t k = span.first + 1; k + 1 < span.last; ++k)
        if (is_word(t[k].norm) && !starts_upper(t[k].norm) &&
            !std::isdigit(static_cast<unsigned char>(t[k].norm[0])) &&
            !is_connector(lower_ascii(t[k].norm)))
            return false;
    if (auto title = lexicon.title_at(t, span.first);
        title && span.first + title->length >= span.last)
        return false;
    if (span.last - span.first == 1 && lexicon.is_non_entity(t[span.first].norm)) return false;
    if (span.last - span.first == 1 && plural_acronym(t[span.first].norm)) return false;
    // A work's title, or a part of one: "said The Aviator was his best film", "The Da Vinci
    // Code" (the tagger may leave "The" out, or span "Vinci" alone).
    if (opens_work_title(t, span.first, span.last, lexicon) ||
        inside_work_title(t, span.first, span.last, lexicon))
        return false;
    // An event's name, or a part of one ("Hopman" of "Hopman Cup"): no entity.
    if (lexicon.is_event_head(t[span.last - 1].norm) ||
        (span.last < t.size() && lexicon.is_event_head(t[span.last].norm)))
        return false;
    // "the film Starship Troopers", "his single Like Toy Soldiers": the title of a work.
    if (span.first > 0 && lexicon.is_work_noun(lower_ascii(t[span.first - 1].norm))) return false;
    if (listed_as_work(t, span.first, span.last, lexicon)) return false;
    // A roster ("C Hoeft (NZ), J Smit (SA), ..."; "Subs: Howard, Giggs, Smith"): a list of
    // people's names, where the tagger's places and organisations are their surnames.
    if (span.type != SpanType::Person && roster(s)) return false;
    // "Power of Siberia": the end of a longer name is no name of its own.
    if (span.type != SpanType::Person && span.first >= 2 &&
        (t[span.first - 1].norm == "of" || t[span.first - 1].norm == "for") &&
        is_word(t[span.first - 2].norm) && starts_upper(t[span.first - 2].norm))
        return false;
    std::size_t first_word = 0;
    while (first_word < t.size() && !is_word(t[first_word].norm)) ++first_word;
    bool all_common = true;
    for (std::size_t k = span.first; k < span.last; ++k)
        all_common = all_common && lexicon.is_common_word(lower_ascii(t[k].norm)) &&
                     !attested.count(t[k].norm);
    return !(all_common && span.first == first_word);
}

// Whether an honorific of a person's alone comes right before t[k] ("Mr Skeens", "Lord
// Falconer", "Mr. Wright"): news names a person by a surname after one. Not "Dr" nor "Lady",
// which open brands' and songs' names too ("Dr Pepper", "Dr Reddy's", "Lady Marmalade").
bool after_personal_honorific(const std::vector<Token>& t, std::size_t k, const Lexicon& lexicon) {
    if (k > 0 && t[k - 1].norm == ".") --k;
    if (k == 0 || !lexicon.is_honorific(t[k - 1].norm)) return false;
    return t[k - 1].norm != "Dr" && t[k - 1].norm != "Lady";
}

// "Sony PSP", "Nintendo DS", "Nokia 6230": a maker's name and a model's code is no person's
// name (people's names end in no acronym or number, titles, post-nominal letters and Roman
// numerals aside).
bool ends_in_model_code(const std::vector<Token>& t, std::size_t first, std::size_t last,
                        const Lexicon& lexicon) {
    if (last - first < 2 || last > t.size() || !starts_upper(t[first].norm)) return false;
    const std::string& code = t[last - 1].norm;
    const bool roman = code.find_first_not_of("IVX") == std::string::npos;
    return is_code_word(code) && !roman && !lexicon.title_at(t, last - 1) &&
           !lexicon.is_honorific(code) && !lexicon.is_post_nominal(code);
}

// A mention without its last word. Kept in place (only shortened), so that the indices
// between mentions stay right.
void drop_last_word(const Document& doc, const std::vector<Token>& t, Mention& m) {
    m.last -= 1;
    m.end = t[m.last - 1].end;
    m.surface = doc.text.substr(m.begin, m.end - m.begin);
}

// The rules' person named with a model's code is its maker, an organisation.
void shed_model_names(const Document& doc, const std::vector<Sentence>& sentences,
                      const Lexicon& lexicon, std::vector<Mention>& mentions) {
    for (Mention& m : mentions) {
        if (m.type != EntityType::Person || m.role || m.sentence >= sentences.size() ||
            !ends_in_model_code(sentences[m.sentence].tokens, m.first, m.last, lexicon))
            continue;
        m.type = EntityType::Organisation;
        drop_last_word(doc, sentences[m.sentence].tokens, m);
        m.weak = false;
    }
}

// "Guy Mansfield QC", "Jane Roe CBE MBE": letters after a person's name are no part of it
// (post_nominals.txt).
void shed_post_nominals(const Document& doc, const std::vector<Sentence>& sentences,
                        const Lexicon& lexicon, std::vector<Mention>& mentions) {
    for (Mention& m : mentions) {
        if (m.type != EntityType::Person || m.sentence >= sentences.size()) continue;
        const auto& t = sentences[m.sentence].tokens;
        while (m.last - m.first >= 3 && m.last <= t.size() &&
               lexicon.is_post_nominal(t[m.last - 1].norm))
            drop_last_word(doc, t, m);
    }
}

// A person whose whole name is a place's of two words or more ("New York", "San Francisco",
// "Latin America", from "New York attorney general Eliot Spitzer" or a tagger's guess) is
// the place: few people are named like a city. Not one a title or an honorific opens ("King
// Edward"), nor one an honorific comes before ("Mr Santa Barbara"), nor one the text gives a
// role (a title before it does: "President Santa Barbara").
void retype_places_taken_for_people(const std::vector<Sentence>& sentences, const Lexicon& lexicon,
                                    std::vector<Mention>& mentions) {
    for (Mention& m : mentions) {
        if (m.type != EntityType::Person || m.role || m.sentence >= sentences.size() ||
            m.last - m.first < 2)
            continue;
        const auto& t = sentences[m.sentence].tokens;
        if (m.last > t.size() || lexicon.place_at(t, m.first) != m.last - m.first ||
            lexicon.is_honorific(t[m.first].norm) || lexicon.title_at(t, m.first) ||
            (m.first > 0 && lexicon.is_honorific(t[m.first - 1].norm)))
            continue;
        m.type = EntityType::Location;
        m.weak = false;
    }
}

// What the rules' and the combined mentions both go through last: makers named with their
// models' codes, letters after people's names, places taken for people.
void finish_mentions(const Document& doc, const std::vector<Sentence>& sentences,
                     const Lexicon& lexicon, std::vector<Mention>& mentions) {
    shed_model_names(doc, sentences, lexicon, mentions);
    shed_post_nominals(doc, sentences, lexicon, mentions);
    retype_places_taken_for_people(sentences, lexicon, mentions);
}

// The policy of find_mentions(): each sentence's rule mentions, in their order, with the
// tagger's spans applied: a span that overlaps a mention that is not soft() is dropped; one
// that overlaps soft mentions only replaces them unless it agrees with the one it covers
// (same words, same type); one that overlaps none is a new mention. Indices between mentions
// (roles, acronyms, countries) are renumbered.
// Which mentions another points to (a role's holder, an acronym's expansion, ...).
std::vector<bool> referenced_mentions(const std::vector<Mention>& mentions) {
    std::vector<bool> referenced(mentions.size(), false);
    for (const Mention& m : mentions) {
        for (const std::size_t r : m.role_of) referenced[r] = true;
        for (const std::size_t r : m.affiliations) referenced[r] = true;
        for (const auto& r : {m.country, m.led_by, m.acronym_of})
            if (r) referenced[*r] = true;
    }
    return referenced;
}

// The words [a, b) of a sentence joined by spaces: a name as the article writes it.
std::string name_key(const Sentence& s, std::size_t a, std::size_t b) {
    std::string key;
    for (std::size_t k = a; k < b; ++k) key += (k == a ? "" : " ") + s.tokens[k].norm;
    return key;
}

// "iPod", "iTunes", "eMac": a lower-case letter, then a capital, then lower-case letters: a
// product's name as makers write them.
bool is_camel_cased_product(std::string_view w) {
    return w.size() >= 3 && w[0] >= 'a' && w[0] <= 'z' && w[1] >= 'A' && w[1] <= 'Z' &&
           std::all_of(w.begin() + 2, w.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

// "v", "vs", "v.", "vs." in any case: the word between a fixture's two sides.
bool is_versus(std::string_view w) {
    if (!w.empty() && w.back() == '.') w.remove_suffix(1);
    return (w.size() == 1 || (w.size() == 2 && (w[1] == 's' || w[1] == 'S'))) &&
           (w[0] == 'v' || w[0] == 'V');
}

// "3-2", "27-27", "1-0": a match's score (a token of digits with a hyphen between).
bool is_score(std::string_view w) {
    const auto hyphen = w.find('-');
    const auto digits = [](std::string_view part) {
        return !part.empty() && part.size() <= 3 &&
               std::all_of(part.begin(), part.end(), [](char c) { return c >= '0' && c <= '9'; });
    };
    return hyphen != std::string_view::npos && digits(w.substr(0, hyphen)) &&
           digits(w.substr(hyphen + 1));
}

// Whether t[k] is the preposition of a match word ("defeat to", "loan from"), a score
// between them or not ("losing 3-2 to").
bool after_match_word(const std::vector<Token>& t, std::size_t k, const Lexicon& lexicon) {
    std::size_t word = k;
    while (word > 0 && is_score(t[word - 1].norm)) --word;
    // Prepositions are short lower-case words: most tokens are no candidate.
    if (word == 0 || t[k].norm.size() > 7 ||
        !std::islower(static_cast<unsigned char>(t[k].norm[0])))
        return false;
    return lexicon.is_match_phrase(lower_ascii(t[word - 1].norm), t[k].norm);
}

// Whether a span written as a place acts as a team or club: its side's people follow it
// ("Chelsea boss Jose Mourinho", "Liverpool's captain"), it faces another side ("Newcastle v
// Everton"), it is the object of a side verb ("they face Chelsea"), or, one name alone, it takes a
// plural verb as British English writes of a side ("Chelsea have", "Liverpool were"; a town never
// does).
bool names_a_side(const std::vector<Token>& t, std::size_t first, std::size_t last,
                  const Lexicon& lexicon) {
    std::size_t next = last;
    const bool possessive = next < t.size() && t[next].norm == "'s";
    if (possessive) ++next;
    // After a possessive, a chief is a town's official ("Manchester's chief constable").
    const auto role_noun = [&](std::size_t k) {
        const std::string word = lower_ascii(t[k].norm);
        return lexicon.is_member_role_noun(word) && !(possessive && word == "chief");
    };
    if (next < t.size() && role_noun(next)) return true;
    // One of its people described, then named: "Arsenal's Brazilian midfielder Edu",
    // "Chelsea's £24m striker Didier Drogba" (not "Hollywood's greatest players, including").
    for (std::size_t k = next + 1; possessive && k + 1 < t.size() && k <= next + 2; ++k) {
        if (t[k - 1].norm == "," || t[k - 1].norm == "and" || is_quote(t[k - 1].norm)) break;
        if (role_noun(k) && is_word(t[k + 1].norm) && starts_upper(t[k + 1].norm)) return true;
    }
    // One of a town's side's people "of" it: "the captain of Chelsea", "manager of Newcastle"
    // (not "the other side of London", "the chief of Leeds police").
    if (first >= 2 && lower_ascii(t[first - 1].norm) == "of" && is_town(t, first, last, lexicon)) {
        const std::string role = lower_ascii(t[first - 2].norm);
        if (lexicon.is_member_role_noun(role) && role != "side" && role != "chief") return true;
    }
    // A town's match: "Liverpool's clash with Bayer", "Chelsea's 1-0 defeat".
    if (possessive && is_town(t, first, last, lexicon)) {
        std::size_t k = next;
        while (k < t.size() && is_score(t[k].norm)) ++k;
        if (k < t.size() && lexicon.is_match_noun(lower_ascii(t[k].norm))) return true;
    }
    if ((last < t.size() && is_versus(t[last].norm)) || (first > 0 && is_versus(t[first - 1].norm)))
        return true;
    // "Liverpool face Chelsea", "he joined Everton": a side is the object of a side verb.
    if (first > 0 && lexicon.is_side_verb(lower_ascii(t[first - 1].norm))) return true;
    if (last >= t.size()) return false;
    const std::string verb = lower_ascii(t[last].norm);
    const std::string before = first > 0 ? lower_ascii(t[first - 1].norm) : "";
    const std::string& last_word = t[last - 1].norm;
    // Not a list's last name ("Chelsea and Liverpool were"); a sentence may open with "And".
    return (verb == "have" || verb == "are" || verb == "were") && (before != "and" || first == 1) &&
           before != "," && before != "&" && before != "of" && before != "the" &&
           last_word.back() != 's';
}

// "Chelsea winger Arjen Robben" tagged as one person: a side's role noun inside a span
// parts the holder (an organisation) from the name after it.
std::vector<TaggedSpan> split_at_role_nouns(const std::vector<Token>& t,
                                            const std::vector<TaggedSpan>& spans,
                                            const Lexicon& lexicon) {
    std::vector<TaggedSpan> out;
    for (const TaggedSpan& span : spans) {
        std::size_t k = span.first + 1;
        while (k + 1 < span.last && k < t.size() &&
               !(!starts_upper(t[k].norm) && lexicon.is_member_role_noun(lower_ascii(t[k].norm))))
            ++k;
        if (k + 1 >= span.last || k >= t.size()) {
            out.push_back(span);
            continue;
        }
        TaggedSpan holder = span, name = span;
        holder.last = k;
        holder.type = SpanType::Organisation;
        name.first = k + 1;
        out.push_back(holder);
        out.push_back(name);
    }
    return out;
}

// A tagger's span that runs on over a connector into a day or a month ("Newcastle Falcons on
// Wednesday") ends before the connector.
void cut_before_dates(const std::vector<Token>& t, TaggedSpan& span, const Lexicon& lexicon) {
    for (std::size_t k = span.first + 1; k + 1 < span.last && k + 1 < t.size(); ++k)
        if (!starts_upper(t[k].norm) && is_connector(lower_ascii(t[k].norm)) &&
            lexicon.is_non_entity(t[k + 1].norm)) {
            span.last = k;
            return;
        }
}

// An organisation named after its town: the town's name right before the tagger's span is
// the name's first part ("Manchester United", "Exeter City", where the tagger spans
// "United", "City"), and a span of the town alone there goes.
void take_in_town_before(const std::vector<Token>& t, std::vector<TaggedSpan>& spans,
                         const Lexicon& lexicon) {
    constexpr std::size_t kLongestTown = 3;
    for (TaggedSpan& span : spans) {
        // Not a body the gazetteers name ("the Brussels EU summit").
        if (span.type != SpanType::Organisation || span.first == 0 ||
            lexicon.gazetteer_at(t, span.first))
            continue;
        const std::size_t run = capitalised_run_start(t, span.first);
        for (std::size_t n = std::min(kLongestTown, span.first - run); n >= 1; --n) {
            const std::size_t town = span.first - n;
            if (lexicon.place_at(t, town) != n) continue;
            const auto other = std::find_if(spans.begin(), spans.end(), [&](const TaggedSpan& x) {
                return &x != &span && x.first < span.first && x.last > town;
            });
            if (other != spans.end() && (other->first != town || other->last != span.first ||
                                         other->type != SpanType::Location))
                break;
            if (other != spans.end()) other->last = other->first;  // erased below
            span.first = town;
            break;
        }
    }
    std::erase_if(spans, [](const TaggedSpan& x) { return x.first >= x.last; });
}

// A firm named for its partners or trades, "A & B" ("Marks & Spencer", "Bradford & Bingley",
// "AG Edwards & Co", "Food & Agriculture Organisation"), is one organisation where the tagger
// spanned a part of it ("Bingley" a place, "Marsh" a person and "McLennan" a body). Only
// names the tagger touched, so a film's or a show's ("Starsky & Hutch") is not made one; not
// where both sides are spans of one other type (two people: "Henman & Murray", "Richard &
// Judy"; two places: "Serbia & Montenegro"), nor where each side starts with a given name
// ("Matt Lucas & David Walliams"), nor over a rule's mention that would take the whole away:
// a firm one (not soft(): "Pew Internet & American Life"; one that is the name's whole
// second half is taken in), or a person named in full, whose
// words PersonWords keeps ("Investment Banking" of "SG Corporate & Investment Banking"); nor
// between letters ("R & B").
struct RuleWords {
    std::size_t first = 0, last = 0;
    bool firm = false;            // not soft(): a span over it is dropped
    bool person_in_full = false;  // a person of two words or more: PersonWords keeps them
};
void join_ampersand_names(const std::vector<Token>& t, std::vector<TaggedSpan>& spans,
                          const std::vector<RuleWords>& rules, const Lexicon& lexicon) {
    const auto name_word = [&](std::size_t k) {
        return is_word(t[k].norm) && starts_upper(t[k].norm) && t[k].norm.size() >= 2;
    };
    for (std::size_t k = 1; k + 1 < t.size(); ++k) {
        if (t[k].norm != "&" || !name_word(k - 1) || !name_word(k + 1)) continue;
        std::size_t first = capitalised_run_start(t, k);
        const std::size_t last = capitalised_run_end(t, k + 1);
        // A sentence's opening common word is no part of the name ("Yesterday Marks & ...").
        while (first + 1 < k && opens_sentence(t, first) &&
               lexicon.is_common_word(lower_ascii(t[first].norm)))
            ++first;
        std::vector<std::size_t> touched;
        for (std::size_t i = 0; i < spans.size(); ++i)
            if (spans[i].first < last && spans[i].last > first) touched.push_back(i);
        if (touched.empty()) continue;
        const bool left = std::any_of(touched.begin(), touched.end(),
                                      [&](std::size_t i) { return spans[i].first < k; });
        const bool right = std::any_of(touched.begin(), touched.end(),
                                       [&](std::size_t i) { return spans[i].last > k; });
        const bool one_other_type =
            left && right && std::all_of(touched.begin(), touched.end(), [&](std::size_t i) {
                return spans[i].type == spans[touched[0]].type &&
                       spans[i].type != SpanType::Organisation;
            });
        if (one_other_type ||
            (lexicon.is_given_name(t[first].norm) && lexicon.is_given_name(t[k + 1].norm)))
            continue;
        TaggedSpan joined = spans[touched[0]];
        joined.first = std::min(first, joined.first);
        joined.last = last;
        for (const std::size_t i : touched) {
            joined.first = std::min(joined.first, spans[i].first);
            joined.last = std::max(joined.last, spans[i].last);
            joined.margin = std::min(joined.margin, spans[i].margin);
        }
        // A firm the rules found right after the "&", to the end, is the name's second half
        // ("Brisa & Korvel Holdings"): the whole takes it in.
        const auto blocks = [&](const RuleWords& r) {
            const bool second_half =
                r.firm && !r.person_in_full && r.first == k + 1 && r.last == joined.last;
            return r.first < joined.last && r.last > joined.first && (r.firm || r.person_in_full) &&
                   !second_half;
        };
        if (std::any_of(rules.begin(), rules.end(), blocks)) continue;
        joined.type = SpanType::Organisation;
        for (auto i = touched.rbegin(); i != touched.rend(); ++i)
            spans.erase(spans.begin() + static_cast<std::ptrdiff_t>(*i));
        const auto at = std::find_if(spans.begin(), spans.end(),
                                     [&](const TaggedSpan& x) { return x.first > joined.first; });
        spans.insert(at, joined);
        k = joined.last - 1;
    }
}

// The type a tagger's span takes from its words (corrected_spans()):
// - a person named with a model's code ("Sony PSP") is its maker, as shed_model_names() has
//   it for the rules; one whose name is a company's (company_taken_for_person(): "Nintendo
//   Europe") or ends in a club's word ("Charlton Athletic", data/club_heads.txt) is an
//   organisation;
// - a name that ends in a body's of the gazetteers is a body ("New Labour", "Scottish
//   Conservatives"), whatever the tagger took it for;
// - a place whose name opens with an acronym ("BBC Three", "JP Morgan Chase") is a body: a
//   place's name opens with none but a country's or a place's ("US Virgin Islands").
void retype_span(const std::vector<Token>& t, TaggedSpan& span, const Lexicon& lexicon,
                 const LoneWords& lone) {
    if (span.first >= span.last || span.last > t.size()) return;
    if (span.type == SpanType::Person) {
        if (ends_in_model_code(t, span.first, span.last, lexicon)) {
            span.type = SpanType::Organisation;
            span.last -= 1;
            return;
        }
        if (company_taken_for_person(t, span.first, span.last, lexicon, lone) ||
            lexicon.is_club_head(t[span.last - 1].norm)) {
            span.type = SpanType::Organisation;
            return;
        }
    }
    if (span.type != SpanType::Organisation)
        for (std::size_t k = span.first + 1; k < span.last; ++k)
            if (const auto g = lexicon.gazetteer_at(t, k);
                g && k + g->length == span.last && g->entry->type == EntityType::Organisation) {
                span.type = SpanType::Organisation;
                return;
            }
    if (span.type == SpanType::Location && span.last - span.first >= 2 &&
        is_acronym(t[span.first].norm)) {
        const auto g = lexicon.gazetteer_at(t, span.first);
        if (!g || (g->entry->type != EntityType::Country && g->entry->type != EntityType::Location))
            span.type = SpanType::Organisation;
    }
}

// A tagger's person opened by a party's or a native's word (side_word_at()): the person's
// span starts after it, or goes where there is no person.
void shed_leading_side(const std::vector<Token>& t, TaggedSpan& span, const Lexicon& lexicon) {
    if (span.type != SpanType::Person) return;
    const SideWord side = side_word_at(t, span.first, span.last, lexicon);
    if (side == SideWord::Side) span.first += 1;
    if (side == SideWord::NoPerson) span.last = span.first;
}

// "Jeroen van der Veer", "Ursula von der Leyen": a name whose particles the tagger left out
// (spanning "Jeroen" alone, or "Ursula" and "Leyen" apart) is one person's, from its first
// word to the capitalised words after the particles, when a person's span or a given name
// alone opens it.
void join_name_particles(const std::vector<Token>& t, std::vector<TaggedSpan>& spans,
                         const Lexicon& lexicon) {
    for (std::size_t i = 0; i < spans.size(); ++i) {
        TaggedSpan& span = spans[i];
        // Particles in lower case only: "Al Jazeera" and "La Liga" are names of their own.
        const auto particle = [&](std::size_t k) { return is_name_particle(t[k].norm); };
        if (span.last >= t.size() || !particle(span.last) ||
            !(span.type == SpanType::Person ||
              (span.last - span.first == 1 && lexicon.is_given_name(t[span.first].norm))))
            continue;
        std::size_t name = span.last;
        while (name < t.size() && name < span.last + 3 && particle(name)) ++name;
        const std::size_t end = capitalised_run_end(t, name);
        if (end == name) continue;
        span.type = SpanType::Person;
        span.last = end;
        // The spans it takes in (the surname's) go.
        while (i + 1 < spans.size() && spans[i + 1].first < span.last) {
            span.last = std::max(span.last, spans[i + 1].last);
            spans.erase(spans.begin() + static_cast<std::ptrdiff_t>(i + 1));
        }
    }
}

// The tagger's spans as everything after reads them (one_sense_per_article(), PersonWords):
// - "Chelsea winger Arjen Robben" parted at the role noun, a span cut before a date
//   (split_at_role_nouns(), cut_before_dates());
// - each retyped by its words (retype_span()), and a party's seat ("Labour MP") dropped;
// - an organisation takes in its town's name before it (take_in_town_before()), and a
//   firm's name joined by "&" is one (join_ampersand_names()).
// Otherwise a person's words would make the same word a person wherever the article writes
// it alone.
std::vector<std::vector<TaggedSpan>> corrected_spans(
    const std::vector<Sentence>& sentences, const Lexicon& lexicon,
    const std::vector<std::vector<TaggedSpan>>& tagged, const std::vector<Mention>& rules) {
    std::vector<std::vector<TaggedSpan>> out(tagged.size());
    for (std::size_t s = 0; s < sentences.size() && s < tagged.size(); ++s)
        for (TaggedSpan span : split_at_role_nouns(sentences[s].tokens, tagged[s], lexicon)) {
            cut_before_dates(sentences[s].tokens, span, lexicon);
            out[s].push_back(span);
        }
    const auto lone = lone_words_of(sentences, out, rules);
    const std::vector<bool> referenced = referenced_mentions(rules);
    for (std::size_t s = 0; s < sentences.size() && s < out.size(); ++s) {
        const auto& t = sentences[s].tokens;
        for (TaggedSpan& span : out[s]) retype_span(t, span, lexicon, lone);
        join_name_particles(t, out[s], lexicon);
        for (TaggedSpan& span : out[s]) shed_leading_side(t, span, lexicon);
        // "the Briton outsprinted her": a native's noun alone is a description, no name.
        std::erase_if(out[s], [&](const TaggedSpan& x) {
            return x.first >= x.last ||
                   (x.last - x.first == 1 && lexicon.is_inhabitant_noun(t[x.first].norm) &&
                    !lexicon.is_given_name(t[x.first].norm) && !lexicon.gazetteer_at(t, x.first));
        });
        // "UKIP MEP", "Labour MP": a span of a name and a seat's letters is the seat's
        // party, which the rules find on their own ("Ruth Kelly MP" is a person).
        std::erase_if(out[s], [&](const TaggedSpan& span) {
            if (span.type == SpanType::Location || span.last - span.first != 2 ||
                span.last > t.size() || lexicon.is_given_name(t[span.first].norm))
                return false;
            const std::string& seat = t[span.last - 1].norm;
            return is_acronym(seat) && lexicon.is_title_word(seat);
        });
        take_in_town_before(t, out[s], lexicon);
        // Only a sentence with "&" has names to join: the rules' mentions are gathered for it
        // alone, not for every sentence of the article (that was rules x sentences).
        if (std::none_of(t.begin(), t.end(), [](const Token& x) { return x.norm == "&"; }))
            continue;
        std::vector<RuleWords> rule_words;
        for (std::size_t i = 0; i < rules.size(); ++i)
            if (rules[i].sentence == s)
                rule_words.push_back(
                    {rules[i].first, rules[i].last, !soft(rules[i], referenced[i]),
                     rules[i].type == EntityType::Person && rules[i].last - rules[i].first >= 2});
        join_ampersand_names(t, out[s], rule_words, lexicon);
    }
    return out;
}

// A name's votes for each SpanType in an article (one_sense_per_article()).
using Votes = std::unordered_map<std::string, std::array<double, 3>>;

// A maker's possessive before its product's camel-cased name: "Apple's iPod", "Apple's
// iTunes" (a firm cue, also where the tagger spanned neither; not a person's: "Jobs's").
void vote_makers_of_products(const std::vector<Sentence>& sentences, const Lexicon& lexicon,
                             const std::unordered_set<std::string>& attested,
                             const PersonWords& people, double weight, Votes& votes) {
    for (const Sentence& sentence : sentences) {
        const auto& t = sentence.tokens;
        for (std::size_t k = 1; k + 1 < t.size(); ++k) {
            if (t[k].norm != "'s" || !is_camel_cased_product(t[k + 1].norm)) continue;
            std::size_t first = capitalised_run_start(t, k);
            // "With Apple's iPod": a sentence's first word is no part of the name when common.
            if (k - first >= 2 && !attested.count(t[first].norm) &&
                lexicon.is_common_word(lower_ascii(t[first].norm)) && opens_sentence(t, first))
                ++first;
            if (first == k || people.all(t, first, k) || lexicon.gazetteer_at(t, first) ||
                lexicon.place_at(t, first) == k - first)
                continue;
            votes[name_key(sentence, first, k)][static_cast<std::size_t>(SpanType::Organisation)] +=
                weight;
        }
    }
}

// A fixture: the names on either side of "v" ("Newcastle v Chelsea") or of a result
// ("Newcastle 27-27 Gloucester"), also where the tagger spanned neither, and the name after a
// match word and its preposition ("a 2-1 defeat to Chelsea", data/match_words.txt), are
// sides: a town's name, or (side_name()) a name the article writes capitalised inside
// sentences and names no person by. Across "v" such a name needs a town facing it ("Bolton v
// Arsenal"; people face each other too: "Henman v Federer", and courts list cases: "Roe v
// Wade"); across a score it is a result's ("London Irish 19-33 Wasps").
void vote_sides_of_matches(const std::vector<Sentence>& sentences, const Lexicon& lexicon,
                           const std::unordered_set<std::string>& attested,
                           const PersonWords& people, double weight, Votes& votes) {
    for (const Sentence& sentence : sentences) {
        const auto& t = sentence.tokens;
        const auto side_name = [&](std::size_t a, std::size_t b) {
            if (a >= b || is_town(t, a, b, lexicon)) return a < b;
            if (lexicon.gazetteer_at(t, a) || people.all(t, a, b) || t[a].norm == "I" ||
                lexicon.is_non_entity(t[a].norm))
                return false;
            for (std::size_t k = a; k < b; ++k)
                if (!attested.count(t[k].norm)) return false;
            return true;
        };
        // Not "a victory over Tri-Nations champions", "beaten by Leeds police": the name ends
        // its noun phrase (a score may follow it: "lost to Porto 2-1").
        const auto ends_at = [&](std::size_t b) {
            return b >= t.size() || std::isdigit(static_cast<unsigned char>(t[b].norm[0])) ||
                   ends_noun_phrase(t, b, lexicon);
        };
        const auto vote = [&](std::size_t a, std::size_t b) {
            votes[name_key(sentence, a, b)][static_cast<std::size_t>(SpanType::Organisation)] +=
                weight;
        };
        for (std::size_t k = 1; k + 1 < t.size(); ++k) {
            const bool result =
                is_score(t[k].norm) && starts_upper(t[k - 1].norm) && starts_upper(t[k + 1].norm);
            if (result || is_versus(t[k].norm)) {
                const std::size_t first = capitalised_run_start(t, k);
                const std::size_t last = capitalised_run_end(t, k + 1);
                const bool left_town = is_town(t, first, k, lexicon);
                const bool right_town = is_town(t, k + 1, last, lexicon);
                const bool right_ends = ends_at(last);
                if (left_town || ((result || right_town) && right_ends && side_name(first, k)))
                    vote(first, k);
                if (right_ends && (right_town || ((result || left_town) && side_name(k + 1, last))))
                    vote(k + 1, last);
            } else if (after_match_word(t, k, lexicon)) {
                const std::size_t last = capitalised_run_end(t, k + 1);
                if (ends_at(last) && side_name(k + 1, last)) vote(k + 1, last);
            }
        }
    }
}

// One sense per article (Gale, Church and Yarowsky 1992; Krishnan and Manning 2006): a name
// is of one type throughout an article. Each name's type is voted by the tagger's spans of
// it (each by its margin) and the rules' firm mentions of it (an organisation the rules
// typed by a head noun or descriptor, a person with a title), and every span of it takes the
// winner; a name voted an organisation is one wherever the article writes it, also where the
// tagger missed it ("Yukos" after "Russian oil giant Yukos").
std::vector<std::vector<TaggedSpan>> one_sense_per_article(
    const std::vector<Sentence>& sentences, const Lexicon& lexicon,
    const std::unordered_set<std::string>& attested,
    const std::vector<std::vector<TaggedSpan>>& tagged, const std::vector<Mention>& rules,
    const std::vector<bool>& referenced, const PersonWords& people) {
    constexpr double kRuleVote = 50;  // a firm cue outweighs a few unsure spans
    // A side's cue outweighs any number of the tagger's spans: its sure "place" for a
    // town's name is a prior the cue's context overrules.
    constexpr double kSideVote = 1e6;
    Votes votes;
    std::vector<std::vector<TaggedSpan>> spans(sentences.size());
    for (std::size_t s = 0; s < sentences.size() && s < tagged.size(); ++s)
        for (TaggedSpan span : tagged[s]) {
            if (!acceptable_span(sentences[s], span, lexicon, attested)) continue;
            // News names a person in full before it shortens the name: a lone word the
            // article names no one by, that is no given name and follows no honorific of a
            // person's alone ("Apple said", "Yahoo earned"; not "Lord Falconer", "Mr Skeens"),
            // is taken for the tagger's next guess.
            const Token& word = sentences[s].tokens[span.first];
            if (span.type == SpanType::Person && span.last - span.first == 1 &&
                !people.all(sentences[s].tokens, span.first, span.last) &&
                !lexicon.is_given_name(word.norm) &&
                !after_personal_honorific(sentences[s].tokens, span.first, lexicon))
                span.type = span.second;
            // A one-word place no place list knows is more often a company ("shares in
            // Vantorix"): an organisation if that is the tagger's next guess.
            if (span.type == SpanType::Location && span.last - span.first == 1 &&
                span.second == SpanType::Organisation &&
                lexicon.place_at(sentences[s].tokens, span.first) == 0 &&
                !lexicon.gazetteer_at(sentences[s].tokens, span.first))
                span.type = SpanType::Organisation;
            spans[s].push_back(span);
            auto& vote = votes[name_key(sentences[s], span.first, span.last)];
            vote[static_cast<std::size_t>(span.type)] += std::max(1.0f, span.margin);
            // A place's name is a side's where it acts as one, and so throughout the article;
            // also where the tagger took the place's name for a person's ("Chelsea boss Jose
            // Mourinho"), but not a person's side ("Mourinho's side").
            const bool place =
                lexicon.place_at(sentences[s].tokens, span.first) == span.last - span.first;
            if ((span.type != SpanType::Person || place) &&
                names_a_side(sentences[s].tokens, span.first, span.last, lexicon))
                vote[static_cast<std::size_t>(SpanType::Organisation)] += kSideVote;
        }
    for (std::size_t m = 0; m < rules.size(); ++m) {
        const Mention& r = rules[m];
        if (soft(r, referenced[m]) || r.sentence >= sentences.size()) continue;
        const bool person = r.type == EntityType::Person && r.role;
        if (r.type != EntityType::Organisation && !person) continue;
        auto it = votes.find(name_key(sentences[r.sentence], r.first, r.last));
        // An organisation of two words or more the rules are sure of counts where the tagger
        // never spanned it: its other occurrences are found below ("Dorrow Wanderers
        // manager", then "shares in Dorrow Wanderers", where the tagger took "Dorrow" for a
        // place). Not one word: a word is too often a common noun, an adjective or an
        // acronym elsewhere ("DVD", "Tory").
        if (it == votes.end() && !person && r.last - r.first >= 2)
            it = votes
                     .emplace(name_key(sentences[r.sentence], r.first, r.last),
                              std::array<double, 3>{})
                     .first;
        if (it == votes.end()) continue;
        const bool side =
            !person && names_a_side(sentences[r.sentence].tokens, r.first, r.last, lexicon);
        it->second[static_cast<std::size_t>(person ? SpanType::Person : SpanType::Organisation)] +=
            side ? kSideVote : kRuleVote;
    }
    // The possessive a lone name is taken up by: "Apple has won its legal fight" is a body, a
    // firm cue when "its" is the first possessive after the name in its clause, with no other
    // name between. ("his" or "her" first ends the search, and is no cue for a person:
    // "Arsenal have confirmed his move", the man unnamed in the sentence.)
    for (std::size_t s = 0; s < sentences.size(); ++s) {
        const auto& t = sentences[s].tokens;
        for (std::size_t i = 0; i < spans[s].size(); ++i) {
            const TaggedSpan& x = spans[s][i];
            // Places have theirs too ("Wales and its people"), and so have products ("the
            // Cell processor and its cores"; a company's one-word name takes no article,
            // unless it is an acronym: "the BBC").
            if (x.last - x.first != 1 || lexicon.place_at(t, x.first) != 0 ||
                lexicon.gazetteer_at(t, x.first))
                continue;
            if (x.first > 0 && !is_acronym(t[x.first].norm)) {
                const std::string before = lower_ascii(t[x.first - 1].norm);
                if (before == "the" || before == "a" || before == "an") continue;
            }
            const std::size_t end = i + 1 < spans[s].size() ? spans[s][i + 1].first : t.size();
            for (std::size_t k = x.last; k < end; ++k) {
                // Another name the tagger missed, or another clause: the pronoun may be its.
                if (starts_upper(t[k].norm) || t[k].norm == ";" || t[k].norm == ":") break;
                const std::string w = lower_ascii(t[k].norm);
                if (w != "its" && w != "his" && w != "her") continue;
                if (w == "its")
                    votes[name_key(sentences[s], x.first, x.last)]
                         [static_cast<std::size_t>(SpanType::Organisation)] += kRuleVote;
                break;
            }
        }
    }
    vote_makers_of_products(sentences, lexicon, attested, people, kRuleVote, votes);
    auto winner = [](const std::array<double, 3>& v) {
        return static_cast<SpanType>(std::max_element(v.begin(), v.end()) - v.begin());
    };
    const auto organisation = static_cast<std::size_t>(SpanType::Organisation);
    vote_sides_of_matches(sentences, lexicon, attested, people, kSideVote, votes);
    // A place listed with an organisation of the article is one too: "Arsenal and Chelsea",
    // "Chelsea, Everton and Arsenal" (lists are of one kind), also where the tagger spanned
    // neither. Only beside an organisation the article is sure of (a firm cue, a side's, or
    // the tagger's margins adding up to one's weight): "visited Bergen and Marwood praised"
    // joins clauses, and the tagger's unsure guess is no proof.
    const auto is_side = [&](const std::string& key) {
        auto it = votes.find(key);
        return it != votes.end() && winner(it->second) == SpanType::Organisation &&
               it->second[organisation] >= kRuleVote;
    };
    // Names joined by "," or "and" (the run of capitalised words each is, and the tagger's
    // spans, which may be parts of runs: "Real Madrid"): one the tagger took for a place, or a
    // town's, beside a sure organisation, unless the list is where something is ("customers in
    // Bristol and NTL viewers"; "worked at Barcelona and Porto" names clubs).
    std::vector<std::string> listed_with_sides;
    using Name = std::pair<std::size_t, std::size_t>;
    for (std::size_t s = 0; s < sentences.size(); ++s) {
        const auto& t = sentences[s].tokens;
        const auto consider = [&](Name x, Name y) {
            if (y.first != x.second + 1 ||
                (t[x.second].norm != "," && lower_ascii(t[x.second].norm) != "and"))
                return;
            if (x.first > 0 && (lower_ascii(t[x.first - 1].norm) == "in" ||
                                lower_ascii(t[x.first - 1].norm) == "near"))
                return;
            const auto placed = [&](Name n, const std::string& key) {
                auto it = votes.find(key);
                return (it != votes.end() && winner(it->second) == SpanType::Location) ||
                       is_town(t, n.first, n.second, lexicon);
            };
            const std::string kx = name_key(sentences[s], x.first, x.second);
            const std::string ky = name_key(sentences[s], y.first, y.second);
            if (is_side(kx) && !is_side(ky) && placed(y, ky)) listed_with_sides.push_back(ky);
            if (is_side(ky) && !is_side(kx) && placed(x, kx)) listed_with_sides.push_back(kx);
        };
        std::vector<Name> runs;
        for (std::size_t k = 0; k < t.size(); ++k)
            if (const std::size_t end = capitalised_run_end(t, k); end > k) {
                runs.emplace_back(k, end);
                k = end;
            }
        for (std::size_t i = 0; i + 1 < runs.size(); ++i) consider(runs[i], runs[i + 1]);
        for (std::size_t i = 0; i + 1 < spans[s].size(); ++i)
            consider({spans[s][i].first, spans[s][i].last},
                     {spans[s][i + 1].first, spans[s][i + 1].last});
    }
    for (const std::string& key : listed_with_sides) votes[key][organisation] += kSideVote;
    // Organisations by their first word, to find their other occurrences.
    std::unordered_map<std::string, std::vector<std::vector<std::string>>> organisations;
    for (const auto& [key, v] : votes) {
        if (winner(v) != SpanType::Organisation) continue;
        std::vector<std::string> words;
        for (std::size_t from = 0; from <= key.size();) {
            std::size_t to = key.find(' ', from);
            if (to == std::string::npos) to = key.size();
            words.push_back(key.substr(from, to - from));
            from = to + 1;
        }
        organisations[words[0]].push_back(std::move(words));
    }
    for (std::size_t s = 0; s < sentences.size(); ++s) {
        for (TaggedSpan& span : spans[s]) {
            auto it = votes.find(name_key(sentences[s], span.first, span.last));
            if (it != votes.end()) span.type = winner(it->second);
        }
        if (sentences[s].furniture || organisations.empty()) continue;
        const auto& t = sentences[s].tokens;
        const std::size_t tagged_spans = spans[s].size();
        for (std::size_t i = 0; i < t.size(); ++i) {
            auto it = organisations.find(t[i].norm);
            if (it == organisations.end()) continue;
            for (const auto& words : it->second) {
                if (i + words.size() > t.size()) continue;
                bool same = true;
                for (std::size_t k = 1; k < words.size() && same; ++k)
                    same = t[i + k].norm == words[k];
                // The whole name: not a part of a longer one ("Yukos" in "Yukos Oil Company"),
                // but the holder of a title ("Microsoft President Brad Smith").
                const std::size_t after = i + words.size();
                same = same && (after == t.size() || !starts_upper(t[after].norm) ||
                                !is_word(t[after].norm) || lexicon.title_at(t, after));
                if (!same) continue;
                // A span inside the name is a part of it the tagger took alone ("Manchester"
                // of "Manchester United"): the name replaces it. One reaching outside stays.
                bool overlaps = false;
                std::vector<std::size_t> inside;
                for (std::size_t k = 0; k < tagged_spans; ++k) {
                    const TaggedSpan& x = spans[s][k];
                    if (x.first >= after || i >= x.last) continue;
                    if (x.first >= i && x.last <= after && x.last - x.first < words.size())
                        inside.push_back(k);
                    else
                        overlaps = true;
                }
                if (overlaps) break;
                // The first part becomes the name; the others go (emptied, erased below).
                for (const std::size_t k : inside) spans[s][k].last = spans[s][k].first;
                if (inside.empty())
                    spans[s].push_back({i, after, SpanType::Organisation, 0});
                else
                    spans[s][inside.front()] = {i, after, SpanType::Organisation, 0};
                break;
            }
        }
        std::erase_if(spans[s], [](const TaggedSpan& x) { return x.first >= x.last; });
        std::sort(spans[s].begin(), spans[s].end(),
                  [](const TaggedSpan& a, const TaggedSpan& b) { return a.first < b.first; });
    }
    return spans;
}

}  // namespace

bool is_code_word(std::string_view word) {
    return is_acronym(word) ||
           std::any_of(word.begin(), word.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// "Microsoft President Brad Smith": a title's holder only the tagger found (the rules name
// holders from the gazetteers) is the organisation or country ending right before the title.
void link_title_holders(const std::vector<Sentence>& sentences, std::vector<Mention>& mentions) {
    for (Mention& person : mentions) {
        if (person.type != EntityType::Person || !person.role || !person.role_of.empty() ||
            person.title.empty() || person.sentence >= sentences.size())
            continue;
        const std::size_t title_words =
            1 + static_cast<std::size_t>(std::count(person.title.begin(), person.title.end(), ' '));
        if (person.first < title_words) continue;
        const std::size_t title_first = person.first - title_words;
        const auto& t = sentences[person.sentence].tokens;
        if (title_first >= t.size()) continue;
        std::string written;  // the words right before the name must be the title itself
        for (std::size_t k = title_first; k < person.first; ++k)
            written += (k == title_first ? "" : " ") + t[k].norm;
        if (written != person.title) continue;
        for (std::size_t o = 0; o < mentions.size(); ++o) {
            const Mention& holder = mentions[o];
            if (holder.sentence != person.sentence || holder.last != title_first ||
                (holder.type != EntityType::Organisation && holder.type != EntityType::Country))
                continue;
            // Not the end of a longer name: "AMRO" of "ABN AMRO analyst", "Christ" of
            // "Passion of the Christ director".
            std::size_t before = holder.first;
            if (before > 0 && lower_ascii(t[before - 1].norm) == "the") --before;
            if (before > 0 &&
                (starts_upper(t[before - 1].norm) || lower_ascii(t[before - 1].norm) == "of"))
                break;
            person.role_of.push_back(o);
            break;
        }
    }
}

std::vector<Mention> combine_tagged_spans(const Document& doc,
                                          const std::vector<Sentence>& sentences,
                                          const Lexicon& lexicon,
                                          const std::vector<std::vector<TaggedSpan>>& tagger_spans,
                                          std::vector<Mention> rules) {
    const auto tagged = corrected_spans(sentences, lexicon, tagger_spans, rules);
    const auto attested = attested_names(sentences);
    const std::vector<bool> referenced = referenced_mentions(rules);
    const PersonWords people(sentences, rules, tagged, lexicon);
    std::vector<bool> removed(rules.size(), false);
    // Mentions to add after each sentence's, or in place of a removed one.
    std::vector<std::vector<Mention>> added(sentences.size());
    std::vector<std::vector<Mention>> replacing(rules.size());
    std::vector<std::pair<std::size_t, std::size_t>> range(sentences.size(), {0, 0});
    for (std::size_t i = 0; i < rules.size();) {
        std::size_t j = i;
        while (j < rules.size() && rules[j].sentence == rules[i].sentence) ++j;
        if (rules[i].sentence < range.size()) range[rules[i].sentence] = {i, j};
        i = j;
    }
    const auto spans =
        one_sense_per_article(sentences, lexicon, attested, tagged, rules, referenced, people);
    for (std::size_t s = 0; s < sentences.size() && s < spans.size(); ++s) {
        const Sentence& sentence = sentences[s];
        for (const TaggedSpan& span : spans[s]) {
            if (!acceptable_span(sentence, span, lexicon, attested)) continue;
            std::vector<std::size_t> overlapping;
            bool blocked = false;
            for (std::size_t m = range[s].first; m < range[s].second; ++m) {
                const Mention& r = rules[m];
                if (r.first >= span.last || span.first >= r.last) continue;
                overlapping.push_back(m);
                // A body the rules found as the second half of a firm's "A & B" name, which
                // join_ampersand_names() spanned whole, gives way to the whole.
                const bool second_half = span.type == SpanType::Organisation &&
                                         r.type == EntityType::Organisation &&
                                         r.first > span.first && r.last == span.last &&
                                         sentence.tokens[r.first - 1].norm == "&";
                blocked =
                    blocked || (!soft(r, referenced[m]) && !second_half) ||
                    (r.type == EntityType::Person && people.all(sentence.tokens, r.first, r.last));
            }
            if (blocked) continue;
            auto m = typed_span(doc, sentence, s, span, lexicon, people);
            if (!m) continue;
            if (overlapping.size() == 1) {
                Mention& r = rules[overlapping[0]];
                if (r.first == span.first && r.last == span.last && r.type == m->type) {
                    r.tagged = true;  // the rules and the tagger agree
                    continue;
                }
            }
            if (overlapping.empty()) {
                added[s].push_back(std::move(*m));
            } else {
                for (const std::size_t o : overlapping) removed[o] = true;
                replacing[overlapping[0]].push_back(std::move(*m));
            }
        }
    }
    std::vector<Mention> out;
    std::vector<std::optional<std::size_t>> new_index(rules.size());
    auto flush_added = [&](std::size_t sentence) {
        for (Mention& m : added[sentence]) out.push_back(std::move(m));
        added[sentence].clear();
    };
    std::size_t next_sentence = 0;  // sentences before it have had their additions written
    for (std::size_t i = 0; i < rules.size(); ++i) {
        while (next_sentence < rules[i].sentence) flush_added(next_sentence++);
        for (Mention& m : replacing[i]) out.push_back(std::move(m));
        if (!removed[i]) {
            new_index[i] = out.size();
            out.push_back(std::move(rules[i]));
        }
        if (i + 1 == rules.size() || rules[i + 1].sentence != rules[i].sentence) {
            flush_added(rules[i].sentence);
            next_sentence = rules[i].sentence + 1;
        }
    }
    while (next_sentence < sentences.size()) flush_added(next_sentence++);
    // Renumber the links; a link to a removed mention is dropped (only soft mentions are
    // removed, and no link points to one).
    auto renumber = [&](std::optional<std::size_t>& link) {
        if (link) link = new_index[*link];
    };
    auto renumber_all = [&](std::vector<std::size_t>& links) {
        std::vector<std::size_t> kept;
        for (const std::size_t l : links)
            if (new_index[l]) kept.push_back(*new_index[l]);
        links = std::move(kept);
    };
    for (Mention& m : out) {
        renumber(m.country);
        renumber(m.led_by);
        renumber(m.acronym_of);
        renumber_all(m.role_of);
        renumber_all(m.affiliations);
    }
    link_title_holders(sentences, out);
    finish_mentions(doc, sentences, lexicon, out);
    return out;
}

std::vector<Mention> find_mentions(const Document& doc, const std::vector<Sentence>& sentences,
                                   const Lexicon& lexicon) {
    std::vector<Mention> mentions;
    const auto attested = attested_names(sentences);
    for (std::size_t i = 0; i < sentences.size(); ++i)
        SentenceScanner(doc, sentences[i], i, lexicon, attested, mentions).scan();
    finish_mentions(doc, sentences, lexicon, mentions);
    return mentions;
}

std::vector<bool> sentences_for_tagger(const std::vector<Sentence>& sentences,
                                       const std::vector<Mention>& rules, const Lexicon& lexicon) {
    const auto attested = attested_names(sentences);
    const std::vector<bool> referenced = referenced_mentions(rules);
    std::vector<std::vector<bool>> settled(sentences.size());  // tokens a firm mention covers
    for (std::size_t s = 0; s < sentences.size(); ++s)
        settled[s].assign(sentences[s].tokens.size(), false);
    for (std::size_t m = 0; m < rules.size(); ++m) {
        const Mention& r = rules[m];
        if (r.sentence >= sentences.size() || soft(r, referenced[m])) continue;
        for (std::size_t k = r.first; k < r.last && k < settled[r.sentence].size(); ++k)
            settled[r.sentence][k] = true;
    }
    std::vector<bool> out(sentences.size(), false);
    for (std::size_t s = 0; s < sentences.size(); ++s) {
        const Sentence& sentence = sentences[s];
        if (sentence.furniture) continue;
        const auto& t = sentence.tokens;
        bool first = true;
        for (std::size_t k = 0; k < t.size() && !out[s]; ++k) {
            if (!is_word(t[k].norm)) continue;
            const bool initial = first;
            first = false;
            if (settled[s][k] || !starts_upper(t[k].norm)) continue;
            if (lexicon.is_non_entity(t[k].norm) || lexicon.is_honorific(t[k].norm)) continue;
            if (auto title = lexicon.title_at(t, k)) {
                k += title->length - 1;
                continue;
            }
            if (initial && lexicon.is_common_word(lower_ascii(t[k].norm)) &&
                !attested.count(t[k].norm))
                continue;
            out[s] = true;
        }
    }
    return out;
}

}  // namespace newsgraph
