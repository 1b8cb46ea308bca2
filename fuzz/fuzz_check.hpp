// What the fuzz targets share: a check that stops the run with a message (libFuzzer saves
// the input as a crash), and the data folder of the build they were compiled in.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <exception>
#include <string_view>

#define FUZZ_CHECK(condition)                                                                  \
    do {                                                                                       \
        if (!(condition)) {                                                                    \
            std::fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #condition); \
            std::abort();                                                                      \
        }                                                                                      \
    } while (false)

namespace newsgraph::fuzz {

// Runs a target's check; an exception escaping it is a finding, printed with its message
// (uncaught, libFuzzer would report only "deadly signal").
template <typename Check>
int reporting_exceptions(Check check) {
    try {
        return check();
    } catch (const std::exception& e) {
        std::fprintf(stderr, "check failed: an exception escaped: %s\n", e.what());
    } catch (...) {
        std::fprintf(stderr, "check failed: an exception of unknown type escaped\n");
    }
    std::abort();
}

// The build's data folder (gazetteers), or $NEWSGRAPH_DATA when set.
inline const char* data_dir() {
    const char* env = std::getenv("NEWSGRAPH_DATA");
    return env && *env ? env : NEWSGRAPH_DATA_DIR;
}

// Whether `text` is well-formed UTF-8, checked independently of repair_utf8().
inline bool valid_utf8(std::string_view text) {
    for (std::size_t i = 0; i < text.size();) {
        const unsigned char c = static_cast<unsigned char>(text[i]);
        std::size_t length = c < 0x80           ? 1
                             : (c >> 5) == 0x6  ? 2
                             : (c >> 4) == 0xE  ? 3
                             : (c >> 3) == 0x1E ? 4
                                                : 0;
        if (length == 0 || i + length > text.size()) return false;
        char32_t value = length == 1 ? c : c & (0x7F >> length);
        for (std::size_t k = 1; k < length; ++k) {
            const unsigned char next = static_cast<unsigned char>(text[i + k]);
            if ((next & 0xC0) != 0x80) return false;
            value = (value << 6) | (next & 0x3F);
        }
        const char32_t smallest[] = {0, 0, 0x80, 0x800, 0x10000};
        if (value < smallest[length] || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF))
            return false;
        i += length;
    }
    return true;
}

}  // namespace newsgraph::fuzz
