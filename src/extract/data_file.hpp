// Reading the hand-reviewed word lists of data/: one entry per line, '#' comments and blank
// lines left out, fields separated by tabs.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace newsgraph {

struct DataLine {
    std::size_t number = 0;  // 1-based line number in the file, for error messages
    std::string text;
};

// The entries of a data file; throws std::runtime_error naming a file that cannot be read.
std::vector<DataLine> read_data_lines(const std::string& path);

// `s` cut at every `sep`; a trailing separator gives a last empty field.
std::vector<std::string> split(const std::string& s, char sep);

}  // namespace newsgraph
