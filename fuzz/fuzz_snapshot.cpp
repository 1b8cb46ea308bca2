// Fuzz target: arbitrary bytes as a graph.ngs. Reading them must give a graph or a
// SnapshotError, never a crash, a hang or a huge allocation; a graph that reads must write
// bytes that read and write again unchanged, merge with itself only by refusing (its articles
// would count twice), and go through cross-article resolution.
// The first byte picks what the rest is: 0 a whole file (header and checksum as they come,
// so mostly the frame's checks), 1 the payload, framed with a correct header and checksum
// here (so the payload's own checks are reached). Seeds in fuzz/corpus/snapshot/ are the
// graph.ngs of the samples in both forms.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "fuzz/fuzz_check.hpp"
#include "graph/cross_document.hpp"
#include "graph/snapshot.hpp"

using namespace newsgraph;

namespace {

// The frame of docs/snapshot.md around `payload`.
std::string framed(std::string_view payload) {
    std::string out = "NGSNAPSH";
    auto put = [&out](std::uint64_t v, int bytes) {
        for (int i = 0; i < bytes; ++i) out.push_back(static_cast<char>(v >> (8 * i)));
    };
    put(kSnapshotFormatVersion, 4);
    put(payload.size(), 8);
    out += payload;
    std::uint64_t h = 1469598103934665603ULL;
    for (const char c : out) h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ULL;
    put(h, 8);
    return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0 || size > (1u << 20)) return 0;
    const std::string_view rest(reinterpret_cast<const char*>(data + 1), size - 1);
    const std::string bytes = data[0] % 2 == 0 ? std::string(rest) : framed(rest);
    std::optional<Snapshot> snapshot;
    try {
        snapshot = parse_snapshot(bytes, "fuzz.ngs");
    } catch (const SnapshotError&) {
        return 0;
    }
    const std::string written = snapshot_bytes(*snapshot);
    const Snapshot again = parse_snapshot(written, "written.ngs");
    FUZZ_CHECK(snapshot_bytes(again) == written);
    if (!snapshot->graph.documents().empty()) {
        Snapshot twice = again;
        bool refused = false;
        try {
            merge_snapshot(twice, again, "again.ngs");
        } catch (const SnapshotError&) {
            refused = true;
        }
        FUZZ_CHECK(refused);
    }
    resolve_across_documents(snapshot->graph);
    return 0;
}
