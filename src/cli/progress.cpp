#include "src/cli/progress.hpp"

#include <unistd.h>

#include <cmath>
#include <ostream>

namespace newsgraph {
namespace {

// "42 s", "3 min 5 s", "1 h 2 min": a time left, as precise as it is worth being.
std::string duration_words(double seconds) {
    const auto s = static_cast<long long>(std::ceil(seconds));
    if (s < 60) return std::to_string(s) + " s";
    if (s < 3600) return std::to_string(s / 60) + " min " + std::to_string(s % 60) + " s";
    return std::to_string(s / 3600) + " h " + std::to_string(s % 3600 / 60) + " min";
}

}  // namespace

bool Progress::stderr_is_terminal() {
    return isatty(STDERR_FILENO) == 1;
}

void Progress::start(std::size_t total, Clock::time_point now) {
    total_ = total;
    started_ = now;
    drawn_at_ = now;
}

void Progress::articles_done(std::size_t done, Clock::time_point now) {
    if (!out_ || (done < total_ && now - drawn_at_ < kRedraw)) return;
    drawn_at_ = now;
    std::string line =
        "newsgraph: " + std::to_string(done) + "/" + std::to_string(total_) + " articles";
    const double elapsed = std::chrono::duration<double>(now - started_).count();
    if (done > 0 && elapsed > 0) {
        const double rate = static_cast<double>(done) / elapsed;
        line += ", " + std::to_string(static_cast<long long>(std::lround(rate))) + "/s";
        if (done < total_)
            line += ", " + duration_words(static_cast<double>(total_ - done) / rate) + " left";
    }
    draw(line);
}

void Progress::step(std::string_view what) {
    if (out_) draw("newsgraph: " + std::string(what));
}

void Progress::clear() {
    if (!out_ || !shown_) return;
    *out_ << "\r\x1b[K" << std::flush;
    shown_ = false;
}

void Progress::draw(const std::string& line) {
    // Carriage return, the line, then erase whatever a longer previous line left.
    *out_ << '\r' << line << "\x1b[K" << std::flush;
    shown_ = true;
}

}  // namespace newsgraph
