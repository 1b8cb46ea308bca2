// Fuzz target: arbitrary bytes as a model file. Loading a tagger, a parser or word clusters
// from it must give a working model or a ModelError, never a crash, a hang or a huge
// allocation; a model that loads must tag and parse a sentence into a tree, and save bytes
// that load and save again unchanged.
// The first byte picks what the rest is: 0 a whole file (header, payload, checksum as they
// come, so mostly the header's checks), 1 to 3 the payload of a tagger, a parser or word
// clusters, framed with a correct header and checksum here (so the payload's own checks are
// reached). Seeds in fuzz/corpus/model/ are tiny models of each kind in both forms.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "fuzz/fuzz_check.hpp"
#include "src/nlp/model_file.hpp"
#include "src/nlp/parser.hpp"
#include "src/nlp/tagger.hpp"
#include "src/nlp/tree_check.hpp"
#include "src/nlp/word_clusters.hpp"

using namespace newsgraph::nlp;

namespace {

// A file of this process's own, for the model under test and what it saves: in $TMPDIR, else
// in memory (/dev/shm) where there is one, as a disk makes every run wait for it.
std::string scratch(const char* name) {
    static const std::string prefix = [] {
        const char* tmp = std::getenv("TMPDIR");
        const std::string dir = tmp && *tmp                                 ? tmp
                                : std::filesystem::is_directory("/dev/shm") ? "/dev/shm"
                                                                            : "/tmp";
        return dir + "/newsgraph-fuzz-model-" + std::to_string(::getpid()) + ".";
    }();
    return prefix + name;
}

std::string read_bytes(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// The model in the file, or nothing when loading it threw a ModelError naming the file.
template <typename Model>
std::optional<Model> load(const std::string& path) {
    try {
        return Model::load(path);
    } catch (const ModelError& e) {
        FUZZ_CHECK(std::string_view(e.what()).substr(0, path.size() + 2) == path + ": ");
        return std::nullopt;
    }
}

// Whether a ModelError says the file system refused to write one of this process's scratch
// files (a full disk or /dev/shm): that is the machine's problem, not the model's, and ends
// the input without a finding. fuzz/run.sh counts such inputs and shows the count.
bool cannot_write(const ModelError& e) {
    const std::string_view what = e.what();
    const std::string prefix = scratch("");
    return what.starts_with(prefix) && what.find(": cannot write: ") != std::string_view::npos;
}

// Saving a loaded model gives its canonical bytes: loading and saving those changes nothing.
// Any other error on the way is a finding, printed with its message (an uncaught exception
// would only say "deadly signal").
template <typename Model>
void check_saves_canonically(const Model& model) {
    const std::string first = scratch("first"), second = scratch("second");
    try {
        model.save(first);
        Model::load(first).save(second);
        FUZZ_CHECK(read_bytes(first) == read_bytes(second));
    } catch (const ModelError& e) {
        if (!cannot_write(e)) {
            std::fprintf(stderr, "check failed: a saved model does not load again: %s\n", e.what());
            std::abort();
        }
        std::fprintf(stderr, "skipped an input: %s\n", e.what());
    }
    std::remove(first.c_str());
    std::remove(second.c_str());
}

ParsedSentence sentence() {
    ParsedSentence s;
    for (const char* form : {"Paris", "said", "on", "Monday", "that", "it", "was", "over", "."}) {
        Word w;
        w.form = form;
        s.words.push_back(w);
    }
    return s;
}

}  // namespace

namespace {

int check_model_bytes(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    const int mode = data[0] % 4;
    const std::string_view rest(reinterpret_cast<const char*>(data) + 1, size - 1);
    const std::string path = scratch("model");
    try {
        if (mode == 0) {
            std::ofstream file(path, std::ios::binary | std::ios::trunc);
            file << rest;
            file.flush();
            if (!file) throw ModelError(path + ": cannot write: the input");
        } else {
            ModelWriter payload;
            for (const char c : rest) payload.u8(static_cast<std::uint8_t>(c));
            write_model(path, mode == 1 ? "tagger" : mode == 2 ? "parser" : "clusters", payload);
        }
    } catch (const ModelError& e) {
        FUZZ_CHECK(cannot_write(e));
        std::fprintf(stderr, "skipped an input: %s\n", e.what());
        std::remove(path.c_str());
        return 0;
    }

    // Whatever the weights, tagging ends and parsing gives a tree.
    ParsedSentence s = sentence();
    if (const auto tagger = load<Tagger>(path)) {
        tagger->tag(s);
        check_saves_canonically(*tagger);
    }
    if (const auto parser = load<Parser>(path)) {
        parser->parse(s);
        FUZZ_CHECK(tree_problem(heads_of(s)).empty());
        check_saves_canonically(*parser);
    }
    if (const auto clusters = load<WordClusters>(path)) {
        for (const Word& w : s.words) FUZZ_CHECK(clusters->of(w.form).length <= 32);
        check_saves_canonically(*clusters);
    }
    std::remove(path.c_str());
    return 0;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    return newsgraph::fuzz::reporting_exceptions([&] { return check_model_bytes(data, size); });
}
