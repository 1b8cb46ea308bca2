// A fast first pass over the page-furniture patterns of data/furniture.txt: all of them
// compiled into one automaton (a Glushkov NFA over bytes) that reads a line once and says
// which patterns may match the whole of it. Only those are then run as std::regex, so the
// result is exactly the regexes' while almost every line of a story is dismissed after a
// few bytes, without any regex run (44 std::regex_match calls a line were a quarter to a
// third of all CPU).
//
// The automaton accepts a superset of what each regex does: what it cannot read exactly it
// widens, never narrows. Assertions (\b, ^, $, lookaheads) match anywhere, '.' matches any
// byte, a repetition with a bound above 16 ({0,150}) becomes unbounded, case is folded
// both ways for ASCII letters, and a pattern it cannot parse at all (a back-reference) is
// always a candidate.
#pragma once

#include <array>
#include <bitset>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace newsgraph {

class FurnitureFilter {
  public:
    explicit FurnitureFilter(const std::vector<std::string>& patterns);

    // The indices (into `patterns`, ascending) of the patterns that may match the whole of
    // `text`: every one that does, and a few that do not. Thread-safe.
    std::vector<std::size_t> candidates(std::string_view text) const;

    // How many patterns the automaton could not read, and so are always candidates.
    std::size_t unfiltered() const { return unfiltered_.size(); }

  private:
    struct Position {
        std::bitset<256> bytes;     // the bytes it reads
        std::uint32_t pattern = 0;  // whose
        bool last = false;          // a match may end after it
        std::vector<std::uint32_t> follow;
    };
    friend class FurnitureParser;

    std::vector<Position> positions_;
    std::array<std::vector<std::uint32_t>, 256> start_;  // positions the first byte reaches
    std::vector<std::size_t> nullable_;                  // patterns matching ""
    std::vector<std::size_t> unfiltered_;
};

}  // namespace newsgraph
