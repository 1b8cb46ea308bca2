// graph.ngs: the graph as a file, from which every export can be made again, to which new
// articles can be added (build --update), and which merges with others (newsgraph merge,
// MPI). It holds the graph *before* cross-article resolution: the union of the articles'
// partial graphs, which merges associatively and commutatively; resolution and the network
// measures run after loading, so a graph grown in steps or merged from parts exports the
// same bytes as one built at once. Layout (little-endian; docs/snapshot.md):
//   "NGSNAPSH" | u32 format version | u64 payload length | payload
//   | u64 FNV-1a checksum of every byte before it
#pragma once

#include <cstdint>
#include <iosfwd>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_set>

#include "graph/knowledge_graph.hpp"

namespace newsgraph {

inline constexpr std::uint32_t kSnapshotFormatVersion = 1;
inline constexpr const char* kSnapshotFileName = "graph.ngs";

// A snapshot file that cannot be read: missing, truncated, corrupt, foreign, of another
// version. The message starts with the file's name.
class SnapshotError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

struct Snapshot {
    // Merged, not resolved across articles. Each DocumentInfo carries its content_hash.
    KnowledgeGraph graph;
    // INPUT arguments of the runs that made it (manifest.json's "inputs"): summed by merges.
    std::uint64_t inputs = 0;
};

// Writes the file's bytes to `out`. Canonical: vertices by id, edges by (source, relation,
// target), documents by id, whatever order the graph holds them in, so equal graphs give
// equal bytes. The bytes are written as they are made, never held whole.
void write_snapshot(const Snapshot& snapshot, std::ostream& out);
// The bytes write_snapshot() writes.
std::string snapshot_bytes(const Snapshot& snapshot);

// Reads bytes written by snapshot_bytes(); `name` (a path, "rank 2") starts every message.
// The graph comes back normalized. Throws SnapshotError.
Snapshot parse_snapshot(std::string_view bytes, const std::string& name);
// Reads the file at `path`. Throws SnapshotError naming it.
Snapshot read_snapshot(const std::string& path);

// Adds `part` to `into` (into's entity labels win where both spell one id; merge parts in
// input order to match a build). Throws SnapshotError, starting with `part_name`, when an
// article is in both (a merged graph would count it twice) or their evidence caps differ.
void merge_snapshot(Snapshot& into, const Snapshot& part, const std::string& part_name);

// merge_snapshot() of many parts in turn, keeping the article ids seen: each part costs its
// own size, not the sum's (a flat merge of a thousand parts).
class SnapshotSum {
  public:
    // The first part is taken as it is; the others as merge_snapshot() takes them.
    void add(Snapshot part, const std::string& part_name);
    bool empty() const { return !sum_; }
    // The sum, normalized. Only once, after at least one add().
    Snapshot take();

  private:
    std::optional<Snapshot> sum_;
    std::unordered_set<std::string> ids_;
};

}  // namespace newsgraph
