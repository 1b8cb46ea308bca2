#include "src/extract/data_file.hpp"

#include <fstream>
#include <sstream>
#include <stdexcept>

namespace newsgraph {

std::vector<DataLine> read_data_lines(const std::string& path) {
    std::ifstream in(path);
    if (!in) throw std::runtime_error(path + ": cannot read data file");
    std::vector<DataLine> lines;
    std::size_t number = 0;
    for (std::string line; std::getline(in, line);) {
        ++number;
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line.empty() || line[0] == '#') continue;
        lines.push_back({number, std::move(line)});
    }
    return lines;
}

std::vector<std::string> split(const std::string& s, char sep) {
    std::vector<std::string> out;
    std::stringstream in(s);
    for (std::string field; std::getline(in, field, sep);) out.push_back(field);
    if (!s.empty() && s.back() == sep) out.emplace_back();
    return out;
}

}  // namespace newsgraph
