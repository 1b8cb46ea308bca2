#include "src/nlp/conllu.hpp"

#include <array>
#include <charconv>
#include <istream>
#include <ostream>
#include <stdexcept>
#include <string_view>

namespace newsgraph::nlp {
namespace {

constexpr std::size_t kColumns = 10;
constexpr std::array<std::string_view, kColumns> kColumnNames = {
    "ID", "FORM", "LEMMA", "UPOS", "XPOS", "FEATS", "HEAD", "DEPREL", "DEPS", "MISC"};
constexpr std::string_view kNoSpaceAfter = "SpaceAfter=No";

// Whether MISC ("A=1|SpaceAfter=No") has the item.
bool has_item(std::string_view misc, std::string_view item) {
    for (std::size_t start = 0; start <= misc.size();) {
        std::size_t bar = misc.find('|', start);
        if (bar == std::string_view::npos) bar = misc.size();
        if (misc.substr(start, bar - start) == item) return true;
        start = bar + 1;
    }
    return false;
}

class Reader {
  public:
    Reader(std::istream& in, const std::string& origin) : in_(in), origin_(origin) {}

    std::vector<ParsedSentence> read() {
        std::vector<ParsedSentence> sentences;
        std::string line;
        while (std::getline(in_, line)) {
            ++line_number_;
            if (!line.empty() && line.back() == '\r') line.pop_back();  // files from Windows
            if (line.find_first_not_of(" \t") == std::string::npos) {
                if (started_) sentences.push_back(finish());
            } else if (line.front() == '#') {
                if (!current_.words.empty()) fail("comment inside a sentence");
                add_comment(line);
            } else {
                add_node(line);
            }
        }
        if (started_) sentences.push_back(finish());
        return sentences;
    }

  private:
    [[noreturn]] void fail(const std::string& what) const { fail_at(line_number_, what); }

    [[noreturn]] void fail_at(std::size_t line, const std::string& what) const {
        throw std::runtime_error(origin_ + ":" + std::to_string(line) + ": " + what);
    }

    void add_comment(std::string_view line) {
        started_ = true;
        line.remove_prefix(line.starts_with("# ") ? 2 : 1);
        if (line.starts_with("sent_id = ")) {
            current_.sent_id = line.substr(10);
        } else if (line.starts_with("text = ")) {
            current_.text = line.substr(7);
        } else {
            current_.comments.emplace_back(line);
        }
    }

    void add_node(std::string_view line) {
        started_ = true;
        std::array<std::string_view, kColumns> column;
        std::size_t count = 0;
        for (std::size_t start = 0;; ++count) {
            const std::size_t tab = line.find('\t', start);
            if (count < kColumns) column[count] = line.substr(start, tab - start);
            if (tab == std::string_view::npos) break;
            start = tab + 1;
        }
        if (++count != kColumns) {
            fail("expected 10 tab-separated columns, found " + std::to_string(count));
        }
        for (std::size_t i = 0; i < kColumns; ++i) {
            if (column[i].empty()) fail("empty " + std::string(kColumnNames[i]) + " column");
        }

        const std::string_view id = column[0];
        const int next = static_cast<int>(current_.words.size()) + 1;
        if (const std::size_t dash = id.find('-'); dash != std::string_view::npos) {
            const int first = number(id.substr(0, dash), "multiword token id");
            const int last = number(id.substr(dash + 1), "multiword token id");
            if (first != next || last <= first) {
                fail("multiword token " + std::string(id) + " does not start at word " +
                     std::to_string(next) + " and span two words or more");
            }
            current_.multiwords.push_back(
                {first, last, std::string(column[1]), std::string(column[9])});
            return;
        }
        if (const std::size_t dot = id.find('.'); dot != std::string_view::npos) {
            const int after = number(id.substr(0, dot), "empty node id");
            number(id.substr(dot + 1), "empty node id");
            if (after != next - 1) {
                fail("empty node " + std::string(id) + " does not follow word " +
                     std::to_string(next - 1));
            }
            current_.empty_nodes.emplace_back(after, std::string(line));
            return;
        }
        if (number(id, "word id") != next) {
            fail("word id " + std::string(id) + " out of sequence: expected " +
                 std::to_string(next));
        }

        Word& word = current_.words.emplace_back();
        word_lines_.push_back(line_number_);
        word.form = column[1];
        word.lemma = column[2];
        word.upos = column[3];
        word.xpos = column[4];
        word.feats = column[5];
        word.head = column[6] == "_" ? -1 : number(column[6], "head");
        if (column[7] != "_") word.deprel = column[7];
        word.deps = column[8];
        word.misc = column[9];
        word.space_after = !has_item(word.misc, kNoSpaceAfter);
    }

    // A non-negative decimal number, all of `text`.
    int number(std::string_view text, std::string_view what) const {
        int value = 0;
        const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
        if (error != std::errc() || end != text.data() + text.size() || value < 0) {
            fail(std::string(what) + " \"" + std::string(text) + "\" is not a number");
        }
        return value;
    }

    ParsedSentence finish() {
        const int size = static_cast<int>(current_.words.size());
        if (size == 0) fail_at(line_number_, "sentence without words");
        for (int i = 0; i < size; ++i) {
            const Word& word = current_.words[static_cast<std::size_t>(i)];
            if (word.head > size) {
                fail_at(word_lines_[static_cast<std::size_t>(i)],
                        "head " + std::to_string(word.head) + " past the last word (" +
                            std::to_string(size) + ")");
            }
        }
        // A multiword token is one token of the text: space only after its last word.
        for (const MultiwordToken& token : current_.multiwords) {
            if (token.last > size) {
                fail_at(word_lines_.back(), "multiword token " + std::to_string(token.first) + "-" +
                                                std::to_string(token.last) +
                                                " runs past the last word");
            }
            for (int id = token.first; id < token.last; ++id) {
                current_.words[static_cast<std::size_t>(id - 1)].space_after = false;
            }
            current_.words[static_cast<std::size_t>(token.last - 1)].space_after =
                !has_item(token.misc, kNoSpaceAfter);
        }
        ParsedSentence done = std::move(current_);
        current_ = {};
        word_lines_.clear();
        started_ = false;
        return done;
    }

    std::istream& in_;
    const std::string& origin_;
    std::size_t line_number_ = 0;
    bool started_ = false;  // a comment or node has been read since the last blank line
    ParsedSentence current_;
    std::vector<std::size_t> word_lines_;  // line of each word of current_, for messages
};

// Writes a field; "_" when empty, and tabs and line breaks as spaces: they would end it.
void put(std::ostream& out, std::string_view field) {
    if (field.empty()) {
        out << '_';
        return;
    }
    if (field.find_first_of("\t\n\r") == std::string_view::npos) {
        out << field;
        return;
    }
    for (const char c : field) out << (c == '\t' || c == '\n' || c == '\r' ? ' ' : c);
}

// Writes a comment line; a line break inside would end it.
void put_comment(std::ostream& out, std::string_view prefix, std::string_view text) {
    out << "# " << prefix;
    if (text.find_first_of("\n\r") == std::string_view::npos) {
        out << text << '\n';
        return;
    }
    for (const char c : text) out << (c == '\n' || c == '\r' ? ' ' : c);
    out << '\n';
}

// MISC with SpaceAfter=No present or not as `no_space` says, and TokenRange replaced by
// `range` (or kept, when `range` is empty). Items keep their order; a new one goes before
// the first item whose name sorts after it, as UD treebanks order them.
std::string adjusted_misc(std::string_view misc, bool no_space, const std::string& range) {
    std::vector<std::string_view> items;
    if (misc != "_") {
        for (std::size_t start = 0; start <= misc.size();) {
            std::size_t bar = misc.find('|', start);
            if (bar == std::string_view::npos) bar = misc.size();
            const std::string_view item = misc.substr(start, bar - start);
            const bool replaced = item.starts_with("SpaceAfter=") ||
                                  (!range.empty() && item.starts_with("TokenRange="));
            if (!item.empty() && !replaced) items.push_back(item);
            start = bar + 1;
        }
    }
    auto insert = [&](std::string_view item) {
        const std::string_view name = item.substr(0, item.find('='));
        auto at = items.begin();
        while (at != items.end() && at->substr(0, at->find('=')) < name) ++at;
        items.insert(at, item);
    };
    if (no_space) insert(kNoSpaceAfter);
    if (!range.empty()) insert(range);
    std::string out;
    for (const std::string_view item : items) {
        if (!out.empty()) out += '|';
        out += item;
    }
    return out.empty() ? "_" : out;
}

// "TokenRange=START:END" in code points, or "" when the offsets are unknown.
std::string token_range(std::size_t begin, std::size_t end, const CodePointIndex* offsets) {
    if (offsets == nullptr || begin == kNoOffset || end == kNoOffset) return {};
    return "TokenRange=" + std::to_string((*offsets)(begin)) + ":" +
           std::to_string((*offsets)(end));
}

// MISC as it should be written: unchanged in the common case, without building a string.
void put_misc(std::ostream& out, std::string_view misc, bool own_space, bool no_space,
              const std::string& range) {
    if (range.empty() && (!own_space || has_item(misc, kNoSpaceAfter) == no_space)) {
        put(out, misc);
    } else {
        put(out, adjusted_misc(misc, own_space && no_space, range));
    }
}

}  // namespace

std::vector<ParsedSentence> read_conllu(std::istream& in, const std::string& origin) {
    return Reader(in, origin).read();
}

void write_conllu(std::ostream& out, const ParsedSentence& sentence,
                  const CodePointIndex* offsets) {
    for (const std::string& comment : sentence.comments) {
        if (comment.starts_with("newdoc")) put_comment(out, "", comment);
    }
    if (!sentence.sent_id.empty()) put_comment(out, "sent_id = ", sentence.sent_id);
    for (const std::string& comment : sentence.comments) {
        if (!comment.starts_with("newdoc")) put_comment(out, "", comment);
    }
    if (!sentence.text.empty()) put_comment(out, "text = ", sentence.text);

    auto empty_nodes_after = [&](int id) {
        for (const auto& [after, line] : sentence.empty_nodes) {
            if (after == id) out << line << '\n';
        }
    };
    empty_nodes_after(0);
    auto multiword = sentence.multiwords.begin();
    int inside_until = 0;  // last word id of the multiword token being written, or 0
    for (std::size_t i = 0; i < sentence.words.size(); ++i) {
        const int id = static_cast<int>(i) + 1;
        const Word& word = sentence.words[i];
        while (multiword != sentence.multiwords.end() && multiword->first < id) ++multiword;
        if (multiword != sentence.multiwords.end() && multiword->first == id &&
            static_cast<std::size_t>(multiword->last) <= sentence.words.size()) {
            const Word& last = sentence.words[static_cast<std::size_t>(multiword->last - 1)];
            out << multiword->first << '-' << multiword->last << '\t';
            put(out, multiword->form);
            out << "\t_\t_\t_\t_\t_\t_\t_\t";
            put_misc(out, multiword->misc, true, !last.space_after,
                     token_range(word.begin, last.end, offsets));
            out << '\n';
            inside_until = multiword->last;
        }
        out << id << '\t';
        put(out, word.form);
        out << '\t';
        put(out, word.lemma);
        out << '\t';
        put(out, word.upos);
        out << '\t';
        put(out, word.xpos);
        out << '\t';
        put(out, word.feats);
        out << '\t';
        if (word.head < 0) {
            out << '_';
        } else {
            out << word.head;
        }
        out << '\t';
        put(out, word.deprel);
        out << '\t';
        put(out, word.deps);
        out << '\t';
        // A word of a multiword token has no space of its own: the token's line says it.
        put_misc(out, word.misc, id > inside_until, !word.space_after,
                 token_range(word.begin, word.end, offsets));
        out << '\n';
        empty_nodes_after(id);
    }
    out << '\n';
}

}  // namespace newsgraph::nlp
