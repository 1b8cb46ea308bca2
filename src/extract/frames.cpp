#include "src/extract/frames.hpp"

#include <sstream>
#include <stdexcept>

#include "src/extract/data_file.hpp"

namespace newsgraph {
namespace {

struct Row {
    std::size_t line = 0;
    std::vector<std::string> fields;
};

// Tab-separated rows of a data file, with their line numbers.
std::vector<Row> read_rows(const std::string& path) {
    std::vector<Row> rows;
    for (const DataLine& line : read_data_lines(path))
        rows.push_back({line.number, split(line.text, '\t')});
    return rows;
}

[[noreturn]] void malformed(const std::string& path, std::size_t line, const std::string& why) {
    throw std::runtime_error(path + ":" + std::to_string(line) + ": " + why);
}

FrameSlot parse_slot(const std::string& text, bool as_target, const std::string& path,
                     std::size_t line) {
    using K = FrameSlot::Kind;
    FrameSlot slot;
    std::string name = text;
    if (const auto slash = name.find('/'); slash != std::string::npos) {
        if (name.substr(slash) != "/poss") malformed(path, line, "unknown slot suffix in " + text);
        slot.or_possessor = true;
        name.resize(slash);
    }
    static const std::map<std::string, K> kNamed = {{"nsubj", K::Subject},
                                                    {"obj", K::Object},
                                                    {"iobj", K::IndirectObject},
                                                    {"nmod:poss", K::Possessor},
                                                    {"compound", K::Compound},
                                                    {"amod", K::Adjective},
                                                    {"appos", K::Apposition},
                                                    {"verb-subject", K::VerbSubject},
                                                    {"parties", K::Parties},
                                                    {"name-parties", K::NameParties},
                                                    {"*", K::EachOther},
                                                    {"self", K::Itself},
                                                    {"participle-object", K::ParticipleObject},
                                                    {"predicate-subject", K::PredicateSubject},
                                                    {"predicate-object", K::PredicateObject},
                                                    {"as-holder", K::AsHolder}};
    if (auto it = kNamed.find(name); it != kNamed.end()) {
        slot.kind = it->second;
    } else if (name.rfind("obl:", 0) == 0 && name.size() > 4) {
        slot.kind = K::Oblique;
        slot.preposition = name.substr(4);
    } else if (name.rfind("nmod:", 0) == 0 && name.size() > 5) {
        slot.kind = K::Modifier;
        slot.preposition = name.substr(5);
    } else {
        malformed(path, line, "unknown slot " + text);
    }
    const bool target_only = slot.kind == K::EachOther || slot.kind == K::Itself;
    const bool source_only = slot.kind == K::Parties || slot.kind == K::NameParties;
    if ((target_only && !as_target) || (source_only && as_target))
        malformed(path, line, text + " cannot be a " + (as_target ? "target" : "source"));
    return slot;
}

std::vector<FrameSlot> parse_slots(const std::string& text, bool as_target, const std::string& path,
                                   std::size_t line) {
    std::vector<FrameSlot> slots;
    std::stringstream in(text);
    for (std::string s; std::getline(in, s, '|');)
        slots.push_back(parse_slot(s, as_target, path, line));
    if (slots.empty()) malformed(path, line, "no slot");
    return slots;
}

}  // namespace

Frames Frames::load(const std::string& data_dir) {
    const std::string dir = data_dir.empty() || data_dir.back() == '/' ? data_dir : data_dir + "/";
    Frames frames;

    const std::string frames_path = dir + "frames.tsv";
    for (const Row& row : read_rows(frames_path)) {
        const auto& f = row.fields;
        if (f.size() != 7) malformed(frames_path, row.line, "want 7 tab-separated columns");
        Frame frame;
        frame.lemma = lower_ascii(f[0]);
        if (const auto space = frame.lemma.find(' '); space != std::string::npos) {
            frame.particle = frame.lemma.substr(space + 1);
            frame.lemma.resize(space);
            if (frame.particle.find(' ') != std::string::npos)
                malformed(frames_path, row.line, "a trigger is a word, or a verb and a particle");
        }
        if (f[1] != "VERB" && f[1] != "NOUN")
            malformed(frames_path, row.line, "upos must be VERB or NOUN");
        frame.noun = f[1] == "NOUN";
        frame.origin = f[2];
        auto relation = parse_relation(f[3]);
        if (!relation || *relation == Relation::co_mentioned)
            malformed(frames_path, row.line, "unknown relation " + f[3]);
        frame.relation = *relation;
        frame.cameo = f[4] == "-" ? "" : f[4];
        frame.source = parse_slots(f[5], false, frames_path, row.line);
        frame.target = parse_slots(f[6], true, frames_path, row.line);
        auto& index = frame.noun ? frames.nouns_ : frames.verbs_;
        index[frame.lemma].push_back(std::move(frame));
        ++frames.count_;
    }

    const std::string hedges_path = dir + "hedges.tsv";
    static const std::map<std::string, HedgeKind> kKinds = {{"negation", HedgeKind::Negation},
                                                            {"modal", HedgeKind::Modal},
                                                            {"condition", HedgeKind::Condition},
                                                            {"intent", HedgeKind::Intent},
                                                            {"refusal", HedgeKind::Refusal}};
    for (const Row& row : read_rows(hedges_path)) {
        auto kind = row.fields.size() == 2 ? kKinds.find(row.fields[1]) : kKinds.end();
        if (kind == kKinds.end())
            malformed(hedges_path, row.line,
                      "want word<TAB>negation|modal|condition|intent|refusal");
        frames.hedges_.insert(row.fields[1] + ":" + lower_ascii(row.fields[0]));
    }

    for (const Row& row : read_rows(dir + "support_verbs.txt"))
        frames.support_verbs_.insert(lower_ascii(row.fields.at(0)));
    for (const Row& row : read_rows(dir + "support_nouns.txt"))
        frames.support_nouns_.insert(lower_ascii(row.fields.at(0)));
    for (const Row& row : read_rows(dir + "object_control_verbs.txt"))
        frames.object_control_verbs_.insert(lower_ascii(row.fields.at(0)));

    const std::string precision_path = dir + "rule_precision.tsv";
    for (const Row& row : read_rows(precision_path)) {
        const auto& f = row.fields;
        std::size_t checked = 0, right = 0;
        try {
            if (f.size() < 3) throw std::invalid_argument("columns");
            checked = std::stoul(f[1]);
            right = std::stoul(f[2]);
        } catch (const std::exception&) {
            malformed(precision_path, row.line, "want rule<TAB>checked<TAB>right");
        }
        if (checked == 0 || right > checked)
            malformed(precision_path, row.line, "right must be at most checked, checked > 0");
        frames.precision_[f[0]] = static_cast<double>(right) / static_cast<double>(checked);
    }
    for (std::string_view rule : kRuleNames)
        if (!frames.precision_.count(rule))
            throw std::runtime_error(precision_path + ": no measured precision for rule " +
                                     std::string(rule));
    return frames;
}

const std::vector<Frame>& Frames::of(std::string_view lemma, bool noun) const {
    static const std::vector<Frame> kNone;
    const auto& index = noun ? nouns_ : verbs_;
    auto it = index.find(std::string(lemma));
    return it == index.end() ? kNone : it->second;
}

bool Frames::is_hedge(std::string_view lemma, HedgeKind kind) const {
    static const char* const kNames[] = {"negation", "modal", "condition", "intent", "refusal"};
    std::string key = kNames[static_cast<int>(kind)];
    key += ':';
    key += lower_ascii(std::string(lemma));
    return hedges_.count(key) > 0;
}

double Frames::confidence(std::string_view rule) const {
    auto it = precision_.find(rule);
    if (it == precision_.end())
        throw std::logic_error("rule_precision.tsv: no measured precision for rule " +
                               std::string(rule));
    return it->second;
}

}  // namespace newsgraph
