// manifest.json: which files one run wrote into an output folder, with their sizes and
// SHA-256 digests, so that a reader can tell a complete set of one run from anything else.
// It holds nothing that varies between runs of the same inputs: its run id is a digest of
// the files, and the same inputs give byte-identical manifests.
#pragma once

#include <cstddef>
#include <cstdint>
#include <ostream>
#include <string>
#include <vector>

namespace newsgraph {

inline constexpr const char* kManifestFileName = "manifest.json";

struct ManifestEntry {
    std::string path;  // relative to the output folder, '/'-separated: "neo4j/nodes.csv"
    std::uint64_t bytes = 0;
    std::string sha256;  // hex
};

struct RunSummary {
    std::string version;       // newsgraph's
    std::size_t inputs = 0;    // INPUT arguments
    std::size_t articles = 0;  // articles read from them
};

// The SHA-256 of the files' `sha256sum` listing ("DIGEST  PATH\n" each, in order): the same
// files give the same id, any changed byte another.
std::string manifest_run_id(const std::vector<ManifestEntry>& files);

// {"run_id", "newsgraph_version", "inputs", "articles", "files": [{"path", "bytes", "sha256"}]}
void write_manifest(std::ostream& out, const std::vector<ManifestEntry>& files,
                    const RunSummary& run);

}  // namespace newsgraph
