// Fuzz target: the JSON Lines reader, through read_inputs() as the command line calls it:
// on a .jsonl file (the input written to a temporary folder) and on standard input.
// Whatever the bytes, reading never throws, every problem names its line, and every
// document has a unique id and valid UTF-8.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <set>
#include <sstream>
#include <string>
#include <string_view>

#include "fuzz/fuzz_check.hpp"
#include "src/ingest/reader.hpp"

using namespace newsgraph;
namespace fs = std::filesystem;

namespace {

// A folder of this process's own, removed at exit.
const fs::path& work_dir() {
    static const fs::path dir = [] {
        const fs::path shm = "/dev/shm";
        std::string base = ((fs::is_directory(shm) ? shm : fs::temp_directory_path()) /
                            "newsgraph-fuzz-jsonl-XXXXXX")
                               .string();
        FUZZ_CHECK(::mkdtemp(base.data()) != nullptr);
        std::atexit([] {
            std::error_code ignored;
            fs::remove_all(work_dir(), ignored);
        });
        return fs::path(base);
    }();
    return dir;
}

void check(const ReadResult& result, const std::string& where, std::size_t lines) {
    std::set<std::string> ids;
    for (const Document& doc : result.documents) {
        FUZZ_CHECK(!doc.info.id.empty());
        FUZZ_CHECK(ids.insert(doc.info.id).second);
        FUZZ_CHECK(fuzz::valid_utf8(doc.text) && fuzz::valid_utf8(doc.info.id));
        FUZZ_CHECK(fuzz::valid_utf8(doc.info.title) && fuzz::valid_utf8(doc.info.url));
        FUZZ_CHECK(doc.origin.starts_with(where));
    }
    for (const InputProblem& p : result.problems) {
        FUZZ_CHECK(p.where.starts_with(where) && !p.message.empty());
        if (p.where.size() > where.size()) {  // "WHERE:LINE"
            FUZZ_CHECK(p.where[where.size()] == ':');
            const std::size_t line = std::stoul(p.where.substr(where.size() + 1));
            FUZZ_CHECK(line >= 1 && line <= lines);
        }
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string bytes(reinterpret_cast<const char*>(data), size);
    std::size_t lines = 1;
    for (const char c : bytes) lines += c == '\n';

    const std::string path = (work_dir() / "feed.jsonl").string();
    {
        std::FILE* file = std::fopen(path.c_str(), "wb");
        FUZZ_CHECK(file != nullptr);
        FUZZ_CHECK(std::fwrite(bytes.data(), 1, bytes.size(), file) == bytes.size());
        FUZZ_CHECK(std::fclose(file) == 0);
    }
    ReadOptions options;
    options.max_file_bytes = 1 << 20;
    check(read_inputs({path}, options), path, lines);

    std::istringstream in(bytes);
    options.standard_input = &in;
    options.max_file_bytes = size % 4 == 3 ? size - 1 : 1 << 20;  // sometimes just over it
    check(read_inputs({"-"}, options), "stdin", lines);
    return 0;
}
