// What the clause reader knows about English, as data: which words state which relation and
// which of their dependents fill its two ends (data/frames.tsv), which words take a statement
// back (data/hedges.tsv), which verbs and nouns lend their subject or possessor to an event
// noun (data/support_verbs.txt, data/support_nouns.txt), and how often each construction is right
// (data/rule_precision.tsv).
#pragma once

#include <cstddef>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "graph/schema.hpp"
#include "src/ingest/text_repair.hpp"  // lower_ascii

namespace newsgraph {

// Where one end of a frame is found, relative to its trigger word (data/frame_seeds.tsv
// documents each).
struct FrameSlot {
    enum class Kind {
        Subject,           // nsubj (a passive's obl:agent)
        Object,            // obj (a passive's nsubj:pass)
        IndirectObject,    // iobj
        Oblique,           // obl with `preposition`
        Modifier,          // nmod with `preposition`
        Possessor,         // nmod:poss
        Compound,          // compound
        Adjective,         // amod
        Apposition,        // appos, either way
        VerbSubject,       // a noun's: the subject of the verb it is the object of (or the
                           // possessor of the support noun it is "of")
        Parties,           // a nominal event's: nmod:between/among, its participle's object
        NameParties,       // an agreement noun's: its possessor, compounds, nmod:of and nmod:with
        ParticipleObject,  // a noun's: the object of the present participle modifying it
        PredicateSubject,  // a noun's that a verb predicates of its object ("as" oblique or
                           // xcomp): that verb's subject ("X described Y as a friend")
        PredicateObject,   // the same verb's object, or its obl:to ("referred to Y as")
        AsHolder,          // a noun after "as": who holds it, the possessor of the noun it
                           // modifies or the subject of the verb ("Japan's role as chair of")
        EachOther,         // "*": the source's coordinated parties with one another
        Itself,            // "self": the agreement the trigger noun names
    };
    Kind kind = Kind::Subject;
    std::string preposition;    // Oblique, Modifier: "with", "such_as"
    bool or_possessor = false;  // "obj/poss": the object, else the object's possessor
};

struct Frame {
    std::string lemma;     // "put"
    std::string particle;  // "forward" (compound:prt or advmod), or empty
    bool noun = false;     // a NOUN trigger, else a VERB
    Relation relation = Relation::co_mentioned;
    std::string cameo;   // CAMEO root code, or empty
    std::string origin;  // "typed", "wordnet:support#1~"
    std::vector<FrameSlot> source, target;
};

// Every construction extraction names a fact's `rule` after; each needs a measured precision
// in data/rule_precision.tsv (Frames::load checks).
inline constexpr std::string_view kRuleNames[] = {
    "clause",          "shared-subject",    "control",           "object-control",
    "relative",        "reported-speaker",  "passive",           "each-other",
    "nominal",         "light-verb",        "apposition",        "affiliation-pattern",
    "led-by",          "title:head",        "title:body-leader", "title:official",
    "title:affiliate", "title:nationality", "coreference"};

// How a hedge word takes back the statement it bears on.
enum class HedgeKind {
    Negation,   // a dependent "not", "never", "no"
    Modal,      // an auxiliary "may", "would", "will"
    Condition,  // a marker "if", "unless", "whether" of the clause or one above it
    Intent,     // a verb whose complement is only wanted or planned: "hopes to visit"
    Refusal,    // a verb whose complement is refused, failed or asked of another: "refused
                // to back", "urged Iran to sign"
};

class Frames {
  public:
    // Reads data_dir/frames.tsv, hedges.tsv, support_verbs.txt, object_control_verbs.txt and
    // rule_precision.tsv; throws
    // std::runtime_error naming the file and line of a malformed entry.
    static Frames load(const std::string& data_dir);

    // The frames of a trigger lemma (lower-case), in file order (seeds first).
    const std::vector<Frame>& of(std::string_view lemma, bool noun) const;

    bool is_hedge(std::string_view lemma, HedgeKind kind) const;

    // "hold" (talks), "impose" (sanctions): data/support_verbs.txt.
    bool is_support_verb(std::string_view lemma) const {
        return support_verbs_.count(lower_ascii(lemma)) > 0;
    }

    // "urge", "invite": a verb whose object is its infinitive's subject
    // (data/object_control_verbs.txt).
    bool is_object_control_verb(std::string_view lemma) const {
        return object_control_verbs_.count(lower_ascii(lemma)) > 0;
    }

    // "vow" (of solidarity), "pledge" (of support): data/support_nouns.txt.
    bool is_support_noun(std::string_view lemma) const {
        return support_nouns_.count(lower_ascii(lemma)) > 0;
    }

    // The measured precision of a construction ("clause", "passive", "role:head-of-state"):
    // right / checked in data/rule_precision.tsv; throws std::logic_error for a rule that
    // has no measurement, so no fact leaves with a confidence nobody measured.
    double confidence(std::string_view rule) const;

    std::size_t size() const { return count_; }

  private:
    std::unordered_map<std::string, std::vector<Frame>> verbs_, nouns_;
    std::set<std::string, std::less<>> hedges_;  // "negation:not"
    std::set<std::string, std::less<>> support_verbs_, support_nouns_, object_control_verbs_;
    std::map<std::string, double, std::less<>> precision_;
    std::size_t count_ = 0;
};

}  // namespace newsgraph
