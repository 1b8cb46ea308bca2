// SharedString: the evidence strings the graph holds once however many facts they support.
#include <catch2/catch.hpp>
#include <set>
#include <sstream>
#include <string>
#include <string_view>

#include "graph/shared_string.hpp"

using namespace newsgraph;

TEST_CASE("a shared string's copies hold one text, and it reads as a std::string", "[graph]") {
    const SharedString sentence(std::string("Xi met Putin in Moscow."));
    const SharedString copy = sentence;
    CHECK(copy.shares_with(sentence));
    CHECK(copy.str().data() == sentence.str().data());  // one buffer, not two
    const SharedString spelled_alike("Xi met Putin in Moscow.");
    CHECK_FALSE(spelled_alike.shares_with(sentence));
    CHECK(spelled_alike == sentence);

    const std::string& as_string = sentence;
    CHECK(as_string == "Xi met Putin in Moscow.");
    const std::string_view as_view = sentence;
    CHECK(as_view.size() == sentence.size());
    CHECK(sentence == std::string("Xi met Putin in Moscow."));
    CHECK(sentence == "Xi met Putin in Moscow.");
    CHECK_FALSE(sentence == "Xi met Putin.");
    std::ostringstream out;
    out << sentence;
    CHECK(out.str() == sentence.str());
}

TEST_CASE("an empty shared string is the empty string, and order is the strings' order",
          "[graph]") {
    const SharedString nothing, empty(""), also_empty(std::string{});
    CHECK(nothing.empty());
    CHECK(empty.empty());
    CHECK(nothing == empty);
    CHECK(also_empty == "");
    CHECK(nothing.str().empty());
    CHECK(nothing.c_str()[0] == '\0');
    CHECK_FALSE(nothing.shares_with(empty));  // nothing to share

    // Evidence is sorted and merged by its document id: the order must be std::string's.
    const std::set<SharedString> ids = {"doc-10", "doc-2", "", "doc-1"};
    std::string order;
    for (const SharedString& id : ids) order += "[" + id.str() + "]";
    CHECK(order == "[][doc-1][doc-10][doc-2]");
    CHECK(SharedString("a") < SharedString("b"));
    CHECK_FALSE(SharedString("b") < SharedString("b"));
}
