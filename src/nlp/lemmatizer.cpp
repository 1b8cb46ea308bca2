#include "src/nlp/lemmatizer.hpp"

#include <algorithm>
#include <cstdint>
#include <fstream>
#include <span>
#include <sstream>
#include <stdexcept>
#include <vector>

#include "src/ingest/text_repair.hpp"

namespace newsgraph::nlp {
namespace {

enum Pos { kNoun, kVerb, kAdj, kAdv, kPosCount };
constexpr std::string_view kPosNames[kPosCount] = {"noun", "verb", "adj", "adv"};

// The detachment rules of morphy(7WN): (suffix, what replaces it), tried in this order.
struct Detachment {
    std::string_view suffix, ending;
};
constexpr Detachment kNounRules[] = {{"s", ""},      {"ses", "s"},   {"xes", "x"},   {"zes", "z"},
                                     {"ches", "ch"}, {"shes", "sh"}, {"men", "man"}, {"ies", "y"}};
constexpr Detachment kVerbRules[] = {{"s", ""},   {"ies", "y"}, {"es", "e"},  {"es", ""},
                                     {"ed", "e"}, {"ed", ""},   {"ing", "e"}, {"ing", ""}};
constexpr Detachment kAdjRules[] = {{"er", ""}, {"est", ""}, {"er", "e"}, {"est", "e"}};

// Closed-class words and clitics whose EWT lemma no rule gives: (lower-case form, tag, lemma),
// the tag a UPOS or an XPOS ("" for any). The first entry that matches wins.
struct Fixed {
    std::string_view form, tag, lemma;
};
constexpr Fixed kFixed[] = {
    // Personal pronouns: the nominative; "her" as a determiner (PRP$) stays "her".
    {"i", "PRON", "I"},
    {"me", "PRON", "I"},
    {"him", "PRON", "he"},
    {"her", "PRP", "she"},
    {"us", "PRON", "we"},
    {"'s", "PRON", "we"},  // "let's"
    {"them", "PRON", "they"},
    {"mine", "PRON", "my"},
    {"yours", "PRON", "your"},
    {"hers", "PRON", "her"},
    {"ours", "PRON", "our"},
    {"theirs", "PRON", "their"},
    {"u", "PRON", "you"},
    // Determiners.
    {"an", "DET", "a"},
    {"these", "", "this"},
    {"those", "", "that"},
    // Clitics and the split halves of "can't", "won't", "gonna", "wanna".
    {"n't", "", "not"},
    {"nt", "PART", "not"},
    {"'s", "POS", "'s"},
    {"'", "POS", "'s"},
    {"s", "POS", "'s"},
    {"'s", "VBZ", "be"},
    {"s", "VBZ", "be"},
    {"'m", "", "be"},
    {"m", "VBP", "be"},
    {"'re", "", "be"},
    {"re", "VBP", "be"},
    {"ai", "AUX", "be"},
    {"'ve", "", "have"},
    {"ve", "VBP", "have"},
    {"'d", "VBD", "have"},
    {"'d", "", "would"},
    {"'ll", "", "will"},
    {"ll", "MD", "will"},
    {"wo", "MD", "will"},
    {"ca", "MD", "can"},
    {"gon", "", "go"},
    {"wan", "", "want"},
    {"na", "PART", "to"},
    {"ta", "PART", "to"},
    // Abbreviations EWT writes out.
    {"am", "NOUN", "a.m."},
    {"a.m", "NOUN", "a.m."},
    {"pm", "NOUN", "p.m."},
    {"p.m", "NOUN", "p.m."},
    {"etc", "", "etc."},
    {"m", "NUM", "million"},
    {"mn", "NUM", "million"},
    {"k", "NUM", "thousand"},
    {"b", "NUM", "billion"},
    {"bn", "NUM", "billion"},
    {"jan", "PROPN", "January"},
    {"feb", "PROPN", "February"},
    {"mar", "PROPN", "March"},
    {"apr", "PROPN", "April"},
    {"jun", "PROPN", "June"},
    {"jul", "PROPN", "July"},
    {"aug", "PROPN", "August"},
    {"sep", "PROPN", "September"},
    {"sept", "PROPN", "September"},
    {"oct", "PROPN", "October"},
    {"nov", "PROPN", "November"},
    {"dec", "PROPN", "December"},
};

bool is_upper(char c) {
    return c >= 'A' && c <= 'Z';
}

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error("cannot read WordNet file " + path);
    std::ostringstream contents;
    contents << in.rdbuf();
    if (in.bad()) throw std::runtime_error("cannot read WordNet file " + path);
    return std::move(contents).str();
}

// The words of one WordNet file, as one block of text and sorted offsets into it: a fraction
// of the memory of a set of strings, and one allocation each. An entry is "word\n" or, in an
// exception list, "word base\n".
class WordList {
  public:
    WordList() = default;
    // The entries `select` makes of the file's lines ("" for none).
    template <typename Select>
    WordList(std::string_view file, Select select) {
        text_.reserve(file.size() / 4);
        for (std::size_t start = 0; start < file.size();) {
            std::size_t end = file.find('\n', start);
            if (end == std::string::npos) end = file.size();
            const std::string_view line = file.substr(start, end - start);
            start = end + 1;
            if (line.empty() || line.front() == ' ') continue;  // the licence above an index
            const std::string_view entry = select(line);
            if (entry.empty()) continue;
            entries_.push_back(static_cast<std::uint32_t>(text_.size()));
            text_.append(entry);
            text_ += '\n';
        }
        text_.shrink_to_fit();
        const auto by_key = [this](std::uint32_t a, std::uint32_t b) { return key(a) < key(b); };
        if (!std::is_sorted(entries_.begin(), entries_.end(), by_key))
            std::sort(entries_.begin(), entries_.end(), by_key);
    }

    bool contains(std::string_view word) const { return find(word) != nullptr; }

    // The base form an exception list gives the word, or "" when it lists none.
    std::string_view base(std::string_view word) const {
        const std::uint32_t* entry = find(word);
        if (entry == nullptr) return {};
        const std::size_t start = *entry + word.size() + 1;
        return std::string_view(text_).substr(start, text_.find('\n', start) - start);
    }

  private:
    std::string_view key(std::uint32_t entry) const {
        const std::string_view rest = std::string_view(text_).substr(entry);
        return rest.substr(0, rest.find_first_of(" \n"));
    }

    const std::uint32_t* find(std::string_view word) const {
        const auto at = std::lower_bound(
            entries_.begin(), entries_.end(), word,
            [this](std::uint32_t entry, std::string_view w) { return key(entry) < w; });
        return at != entries_.end() && key(*at) == word ? &*at : nullptr;
    }

    std::string text_;
    std::vector<std::uint32_t> entries_;  // where each entry starts, sorted by word
};

bool ends_with_sibilant(std::string_view stem) {
    return stem.ends_with('s') || stem.ends_with('x') || stem.ends_with('z') ||
           stem.ends_with("ch") || stem.ends_with("sh");
}

// "stopp" -> "stop": the consonant English doubles before -ed and -ing.
std::string undoubled(std::string stem) {
    const std::size_t n = stem.size();
    if (n >= 3 && stem[n - 1] == stem[n - 2] &&
        std::string_view("bdgkmnprtz").find(stem[n - 1]) != std::string_view::npos)
        stem.pop_back();
    return stem;
}

// A guess for words WordNet does not know ("tweeted", "blogs"): the regular inflection undone.
std::string guess(const std::string& word, Pos pos, std::string_view xpos) {
    auto strip = [&](std::string_view suffix, std::string_view ending = "") {
        return word.substr(0, word.size() - suffix.size()) + std::string(ending);
    };
    const std::size_t n = word.size();
    if (pos == kNoun || xpos == "VBZ") {
        if (n > 4 && word.ends_with("ies")) return strip("ies", "y");
        if (n > 3 && word.ends_with("es") && ends_with_sibilant(strip("es"))) return strip("es");
        if (n > 2 && word.ends_with('s') && !word.ends_with("ss") && !word.ends_with("us") &&
            !word.ends_with("is"))
            return strip("s");
        return word;
    }
    if (pos == kVerb) {
        if (n > 4 && word.ends_with("ied")) return strip("ied", "y");
        if (n > 3 && word.ends_with("ed")) return undoubled(strip("ed"));
        if (n > 4 && word.ends_with("ing")) return undoubled(strip("ing"));
        return word;
    }
    if (pos == kAdj || pos == kAdv) {
        if (n > 4 && word.ends_with("iest")) return strip("iest", "y");
        if (n > 3 && word.ends_with("ier")) return strip("ier", "y");
        if (n > 4 && word.ends_with("est")) return undoubled(strip("est"));
        if (n > 3 && word.ends_with("er")) return undoubled(strip("er"));
    }
    return word;
}

// "1,000" -> "1000", as EWT writes numbers' lemmas.
bool is_grouped_number(std::string_view form) {
    return form.find(',') != std::string_view::npos &&
           std::all_of(form.begin(), form.end(),
                       [](char c) { return (c >= '0' && c <= '9') || c == ',' || c == '.'; });
}

// Typographic quotes and dashes as ASCII: EWT's punctuation lemmas.
std::string ascii_punctuation(std::string_view form) {
    static constexpr std::pair<std::string_view, std::string_view> kAscii[] = {
        {"\u2018", "'"},  {"\u2019", "'"}, {"\u201C", "\""},
        {"\u201D", "\""}, {"\u2013", "-"}, {"\u2014", "-"}};
    std::string out;
    for (std::size_t pos = 0; pos < form.size();) {
        bool replaced = false;
        for (const auto& [from, to] : kAscii) {
            if (form.substr(pos).starts_with(from)) {
                out += to;
                pos += from.size();
                replaced = true;
                break;
            }
        }
        if (!replaced) out += form[pos++];
    }
    return out;
}

// The lemma with the capitals of the form it came from: "Americans" + "american" ->
// "American".
std::string with_case_of(std::string_view form, std::string lemma) {
    for (std::size_t i = 0; i < lemma.size() && i < form.size(); ++i) {
        const char c = is_upper(form[i]) ? static_cast<char>(form[i] - 'A' + 'a') : form[i];
        if (c != lemma[i]) break;
        lemma[i] = form[i];
    }
    return lemma;
}

}  // namespace

// The first n fields of a line of a WordNet file.
std::string_view fields(std::string_view line, int n) {
    std::size_t end = 0;
    for (int i = 0; i < n && end != std::string_view::npos; ++i)
        end = line.find(' ', end + (i > 0 ? 1 : 0));
    return line.substr(0, end);
}

// Whether an index line's pointers include a pertainym ("\\"): an adjective of a noun, as
// "american" is of "America".
bool has_pertainym(std::string_view index_line) {
    // lemma pos synset_cnt p_cnt ptr_symbol... sense_cnt ...
    std::size_t pos = 0;
    for (int i = 0; i < 3 && pos != std::string_view::npos; ++i)
        pos = index_line.find(' ', pos + 1);
    if (pos == std::string_view::npos) return false;
    int pointers = 0;
    for (++pos; pos < index_line.size() && index_line[pos] >= '0' && index_line[pos] <= '9'; ++pos)
        pointers = pointers * 10 + (index_line[pos] - '0');
    for (int i = 0; i < pointers && pos < index_line.size(); ++i) {
        const std::size_t start = pos + 1;
        pos = index_line.find(' ', start);
        if (index_line.substr(start, pos - start) == "\\") return true;
    }
    return false;
}

// Adjectives made from names ("American", "Iraqi", "Islamic") keep their capital in EWT;
// the endings single them out among WordNet's pertainyms ("federal", "legal" do not).
bool is_demonym(std::string_view lower) {
    return lower.ends_with("an") || lower.ends_with("ese") || lower.ends_with("ish") ||
           lower.ends_with('i') || lower.ends_with("ic");
}

struct Lemmatizer::WordNet {
    WordList index[kPosCount];
    WordList exceptions[kPosCount];
    WordList pertainyms;  // adjectives with a pertainym pointer

    // A capitalised adjective's lemma keeps the capital when it is a name's ("Iraqi") or
    // one WordNet does not know ("Orwellian"); else it was capitalised by its position.
    bool keeps_capital(std::string_view form, const std::string& lower) const {
        if (form.empty() || !is_upper(form[0])) return false;
        return !index[kAdj].contains(lower) || (is_demonym(lower) && pertainyms.contains(lower));
    }

    // morphy(7WN) for a lower-case word: the exception list's base, else the first detachment
    // WordNet lists, else "" (a word it does not know).
    std::string morphy(const std::string& word, Pos pos) const {
        if (const std::string_view base = exceptions[pos].base(word); !base.empty())
            return std::string(base);
        std::span<const Detachment> rules;
        if (pos == kNoun) rules = kNounRules;
        if (pos == kVerb) rules = kVerbRules;
        if (pos == kAdj) rules = kAdjRules;
        for (const auto& [suffix, ending] : rules) {
            if (word.size() <= suffix.size() || !word.ends_with(suffix)) continue;
            std::string candidate = word.substr(0, word.size() - suffix.size());
            candidate += ending;
            if (index[pos].contains(candidate)) return candidate;
        }
        return {};
    }

    std::string inflected(const std::string& word, Pos pos, std::string_view xpos) const {
        std::string lemma = morphy(word, pos);
        if (lemma.empty() && pos == kAdv) lemma = morphy(word, kAdj);  // "later" -> "late"
        if (lemma.empty() && index[pos].contains(word)) return word;
        return lemma.empty() ? guess(word, pos, xpos) : lemma;
    }
};

Lemmatizer::Lemmatizer(const std::string& wordnet_dir) {
    auto wordnet = std::make_unique<WordNet>();
    for (int pos = 0; pos < kPosCount; ++pos) {
        const std::string prefix = wordnet_dir + '/';
        const std::string_view name = kPosNames[pos];
        const std::string index = read_file(std::string(prefix).append("index.").append(name));
        wordnet->index[pos] =
            WordList(index, [](std::string_view line) { return fields(line, 1); });
        if (pos == kAdj) {
            wordnet->pertainyms = WordList(index, [](std::string_view line) {
                return has_pertainym(line) ? fields(line, 1) : std::string_view();
            });
        }
        // "inflected base [more bases]": the first base is the commonest.
        wordnet->exceptions[pos] =
            WordList(read_file(std::string(prefix).append(name).append(".exc")),
                     [](std::string_view line) { return fields(line, 2); });
    }
    wordnet_ = std::move(wordnet);
}

Lemmatizer::~Lemmatizer() = default;
Lemmatizer::Lemmatizer(Lemmatizer&&) noexcept = default;
Lemmatizer& Lemmatizer::operator=(Lemmatizer&&) noexcept = default;

std::string Lemmatizer::lemma(std::string_view form, std::string_view upos,
                              std::string_view xpos) const {
    std::string lower = lower_ascii(form);
    // "n’t" is "n't" (all typographic characters are 3 bytes starting 0xE2).
    const std::string typographic =
        lower.find('\xE2') == std::string::npos ? std::string() : ascii_punctuation(lower);
    const std::string_view plain = typographic.empty() ? lower : typographic;
    // "Sept." is "sept" with its abbreviation's dot.
    const std::string_view undotted =
        plain.size() > 1 && plain.ends_with('.') ? plain.substr(0, plain.size() - 1) : plain;
    for (const Fixed& fixed : kFixed) {
        if ((fixed.form == plain || fixed.form == undotted) &&
            (fixed.tag.empty() || fixed.tag == upos || fixed.tag == xpos))
            return std::string(fixed.lemma);
    }
    if (upos == "PUNCT" || upos == "SYM") return ascii_punctuation(form);
    // Proper nouns, and words in names tagged NNP ("New" in "New York"), keep their case.
    if (xpos == "NNPS") return with_case_of(form, wordnet_->inflected(lower, kNoun, xpos));
    if (upos == "PROPN" || xpos == "NNP") return std::string(form);
    if (xpos == "JJ" && wordnet_->keeps_capital(form, lower)) return std::string(form);
    if (upos == "NOUN" && form.size() == 1 && is_upper(form[0]))
        return std::string(form);  // "plan B"
    if (upos == "NUM" && is_grouped_number(form)) {
        std::string number(form);
        std::erase(number, ',');
        return number;
    }
    if (xpos == "NNS") return wordnet_->inflected(lower, kNoun, xpos);
    if (xpos == "VBD" || xpos == "VBN" || xpos == "VBG" || xpos == "VBZ")
        return wordnet_->inflected(lower, kVerb, xpos);
    if (xpos == "JJR" || xpos == "JJS") return wordnet_->inflected(lower, kAdj, xpos);
    if (xpos == "RBR" || xpos == "RBS") return wordnet_->inflected(lower, kAdv, xpos);
    // Be's present forms are tagged VBP but not inflected by a rule.
    if (xpos == "VBP" && (lower == "am" || lower == "are" || lower == "art")) return "be";
    return lower;
}

}  // namespace newsgraph::nlp
