#include "src/cli/data_dir.hpp"

#include <cstdlib>
#include <filesystem>
#include <stdexcept>
#include <vector>

namespace newsgraph {

std::string find_data_dir(const std::string& flag) {
    namespace fs = std::filesystem;
    std::vector<fs::path> candidates;
    if (!flag.empty()) {
        candidates.push_back(flag);
    } else {
        if (const char* env = std::getenv("NEWSGRAPH_DATA"); env && *env) candidates.push_back(env);
        std::error_code ec;
        fs::path exe = fs::read_symlink("/proc/self/exe", ec);
        if (!ec) {
            candidates.push_back(exe.parent_path() / "data");
            candidates.push_back(exe.parent_path().parent_path() / "share" / "newsgraph" / "data");
        }
    }
    std::string looked;
    for (const auto& dir : candidates) {
        std::error_code ec;
        if (fs::is_regular_file(dir / "countries.tsv", ec)) return dir.string();
        looked += "\n  " + dir.string();
    }
    throw std::runtime_error("cannot find the data folder (gazetteers); looked in:" + looked +
                             "\n  build the project (it writes build/data) or pass --data DIR");
}

}  // namespace newsgraph
