// Progress of a long run, for a person watching a terminal: articles done, rate, time left,
// then the step under way ("writing graph.svg"). One line on stderr, redrawn in place.
// A disabled Progress writes nothing, so callers need not ask.
#pragma once

#include <chrono>
#include <cstddef>
#include <iosfwd>
#include <string>
#include <string_view>

namespace newsgraph {

class Progress {
  public:
    using Clock = std::chrono::steady_clock;

    Progress() = default;  // disabled
    Progress(std::ostream& out, bool enabled) : out_(enabled ? &out : nullptr) {}
    ~Progress() { clear(); }
    Progress(const Progress&) = delete;
    Progress& operator=(const Progress&) = delete;

    // Whether standard error is a terminal a person may be watching.
    static bool stderr_is_terminal();

    bool enabled() const { return out_ != nullptr; }
    // Starts counting `total` articles from `now`.
    void start(std::size_t total, Clock::time_point now = Clock::now());
    // `done` of them extracted. Redrawn at most every kRedraw, and at the last.
    void articles_done(std::size_t done, Clock::time_point now = Clock::now());
    // A step without a count, shown until the next one or clear().
    void step(std::string_view what);
    // Erases the line, before other output goes to the terminal.
    void clear();

    static constexpr std::chrono::milliseconds kRedraw{200};

  private:
    void draw(const std::string& line);

    std::ostream* out_ = nullptr;
    std::size_t total_ = 0;
    Clock::time_point started_{};
    Clock::time_point drawn_at_{};
    bool shown_ = false;
};

}  // namespace newsgraph
