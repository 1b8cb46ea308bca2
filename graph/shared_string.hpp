// An immutable string that its copies share. Evidence repeats one sentence, one document id
// and one date in every relation they support (a sentence naming six entities supports
// fifteen co-mentions), and the graph keeps that evidence to the end of the run: copied as
// std::string, the text of 100 MB of news was held several times over. A copy of a
// SharedString costs a pointer; the text is freed with its last copy.
#pragma once

#include <compare>
#include <cstddef>
#include <memory>
#include <ostream>
#include <string>
#include <string_view>
#include <utility>

namespace newsgraph {

class SharedString {
  public:
    SharedString() = default;
    // Implicit, as a std::string field was: Evidence{"doc-1", 0, 0, 10, "A sentence.", ...}.
    SharedString(std::string text)
        : text_(text.empty() ? nullptr : std::make_shared<const std::string>(std::move(text))) {}
    SharedString(const char* text) : SharedString(std::string(text)) {}
    SharedString(std::string_view text) : SharedString(std::string(text)) {}

    const std::string& str() const { return text_ ? *text_ : empty_string(); }
    operator const std::string&() const { return str(); }
    operator std::string_view() const { return str(); }

    bool empty() const { return !text_; }
    std::size_t size() const { return str().size(); }
    const char* data() const { return str().data(); }
    const char* c_str() const { return str().c_str(); }
    // Whether `other` is this very text, not only equal to it (tests; sharing is the point).
    bool shares_with(const SharedString& other) const { return text_ && text_ == other.text_; }

    friend bool operator==(const SharedString& a, const SharedString& b) {
        return a.text_ == b.text_ || a.str() == b.str();
    }
    // Compared with a std::string or a literal as it is: not made a SharedString first.
    friend bool operator==(const SharedString& a, const std::string& b) { return a.str() == b; }
    friend bool operator==(const SharedString& a, const char* b) { return a.str() == b; }
    friend std::strong_ordering operator<=>(const SharedString& a, const SharedString& b) {
        if (a.text_ == b.text_) return std::strong_ordering::equal;
        return a.str() <=> b.str();
    }
    friend std::ostream& operator<<(std::ostream& out, const SharedString& s) {
        return out << s.str();
    }

  private:
    static const std::string& empty_string() {
        static const std::string empty;
        return empty;
    }

    std::shared_ptr<const std::string> text_;  // null when empty
};

}  // namespace newsgraph
