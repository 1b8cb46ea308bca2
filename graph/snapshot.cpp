#include "graph/snapshot.hpp"

#include <algorithm>
#include <cerrno>
#include <climits>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <numeric>
#include <optional>
#include <ostream>
#include <set>
#include <sstream>
#include <tuple>
#include <unordered_map>
#include <vector>

namespace newsgraph {
namespace {

constexpr char kMagic[8] = {'N', 'G', 'S', 'N', 'A', 'P', 'S', 'H'};
constexpr std::size_t kFrameBytes = sizeof kMagic + 4 + 8 + 8;  // magic, version, length, sum

constexpr std::uint64_t kFnvOffset = 1469598103934665603ULL, kFnvPrime = 1099511628211ULL;

std::uint64_t fnv1a(std::string_view bytes, std::uint64_t h = kFnvOffset) {
    for (const char c : bytes) h = (h ^ static_cast<unsigned char>(c)) * kFnvPrime;
    return h;
}

// `Out` is where bytes go: a std::string, or a ByteCounter or FileWriter below.
template <class Out>
void put_fixed(Out& out, std::uint64_t v, int bytes) {
    for (int i = 0; i < bytes; ++i) out.push_back(static_cast<char>(v >> (8 * i)));
}

std::uint64_t get_fixed(std::string_view in, std::size_t pos, int bytes) {
    std::uint64_t v = 0;
    for (int i = 0; i < bytes; ++i)
        v |= static_cast<std::uint64_t>(static_cast<unsigned char>(in[pos + i])) << (8 * i);
    return v;
}

template <class Out>
void put_varint(Out& out, std::uint64_t v) {
    while (v >= 0x80) {
        out.push_back(static_cast<char>(v | 0x80));
        v >>= 7;
    }
    out.push_back(static_cast<char>(v));
}

// Every text of the graph once (labels, ids, sentences, dates): a sentence that supports
// many relations, a document id in thousands of evidence lists, is stored once. The table
// views the graph's own strings (and the schema's names), which outlive it: a table of
// copies held every text of the graph a second time while the snapshot was written.
class StringTable {
  public:
    std::uint64_t ref(std::string_view s) {
        auto [it, inserted] = index_.emplace(s, strings_.size());
        if (inserted) strings_.push_back(s);
        return it->second;
    }
    const std::vector<std::string_view>& strings() const { return strings_; }

  private:
    std::unordered_map<std::string_view, std::uint64_t> index_;
    std::vector<std::string_view> strings_;
};

// Reads the payload; every read is bounds-checked and every reference range-checked, so
// that a corrupt file is an error, never a crash.
class PayloadReader {
  public:
    PayloadReader(std::string_view bytes, const std::string& name) : bytes_(bytes), name_(name) {}

    [[noreturn]] void fail(const std::string& what) const {
        throw SnapshotError(name_ + ": " + what + " (at payload byte " + std::to_string(pos_) +
                            "): not a graph this newsgraph wrote");
    }
    std::uint8_t u8() {
        if (pos_ >= bytes_.size()) fail("truncated payload");
        return static_cast<std::uint8_t>(bytes_[pos_++]);
    }
    std::uint64_t u64() {
        if (bytes_.size() - pos_ < 8) fail("truncated payload");
        const std::uint64_t v = get_fixed(bytes_, pos_, 8);
        pos_ += 8;
        return v;
    }
    std::uint64_t varint() {
        std::uint64_t v = 0;
        for (unsigned shift = 0; shift < 64; shift += 7) {
            const std::uint8_t b = u8();
            v |= static_cast<std::uint64_t>(b & 0x7f) << shift;
            if ((b & 0x80) == 0) return v;
        }
        fail("corrupt variable-length number");
    }
    // A count of items that take at least `min_bytes` each: larger than the rest of the
    // payload means corruption, found before anything is allocated for it.
    std::size_t count(std::size_t min_bytes = 1) {
        const std::uint64_t n = varint();
        if (n > (bytes_.size() - pos_) / min_bytes) fail("corrupt count " + std::to_string(n));
        return static_cast<std::size_t>(n);
    }
    int integer() {
        const std::uint64_t v = varint();
        if (v > static_cast<std::uint64_t>(INT_MAX)) fail("number out of range");
        return static_cast<int>(v);
    }
    std::string_view bytes(std::size_t n) {
        if (bytes_.size() - pos_ < n) fail("truncated payload");
        const std::string_view s = bytes_.substr(pos_, n);
        pos_ += n;
        return s;
    }
    const std::string& str() { return shared().str(); }
    // Evidence takes its strings shared with the table: a sentence that supports many
    // relations is held once in memory too, as in the file.
    const SharedString& shared() {
        const std::uint64_t i = varint();
        if (i >= strings.size()) fail("string reference out of range");
        return strings[static_cast<std::size_t>(i)];
    }
    bool at_end() const { return pos_ == bytes_.size(); }

    std::vector<SharedString> strings;

  private:
    std::string_view bytes_;
    const std::string& name_;
    std::size_t pos_ = 0;
};

// Counts the bytes it is given: the first walk of the graph numbers its strings and
// measures the body, whose length the header gives before the body is written.
struct ByteCounter {
    std::uint64_t size = 0;
    void push_back(char) { ++size; }
    void append(std::string_view bytes) { size += bytes.size(); }
};

// Writes the bytes it is given to a stream through a buffer, and sums them (FNV-1a).
class FileWriter {
  public:
    explicit FileWriter(std::ostream& out) : out_(out) { buffer_.reserve(kBufferBytes); }
    void push_back(char c) {
        buffer_.push_back(c);
        if (buffer_.size() >= kBufferBytes) flush();
    }
    void append(std::string_view bytes) {
        if (buffer_.size() + bytes.size() > kBufferBytes) flush();
        if (bytes.size() >= kBufferBytes) {
            checksum_ = fnv1a(bytes, checksum_);
            out_.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
        } else {
            buffer_ += bytes;
        }
    }
    // Of every byte given so far.
    std::uint64_t checksum() {
        flush();
        return checksum_;
    }
    void flush() {
        checksum_ = fnv1a(buffer_, checksum_);
        out_.write(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
        buffer_.clear();
    }

  private:
    static constexpr std::size_t kBufferBytes = 1 << 16;
    std::ostream& out_;
    std::string buffer_;
    std::uint64_t checksum_ = kFnvOffset;
};

// The order the file lists the graph in, whatever order the graph holds it in: documents,
// vertices by id, edges by (source, relation, target) of the vertices' places.
struct CanonicalOrder {
    explicit CanonicalOrder(const KnowledgeGraph& kg) {
        const Graph& g = kg.graph();
        for (const DocumentInfo& d : kg.documents()) documents.push_back(&d);
        std::sort(documents.begin(), documents.end(),
                  [](const DocumentInfo* a, const DocumentInfo* b) { return a->id < b->id; });
        vertices.resize(boost::num_vertices(g));
        std::iota(vertices.begin(), vertices.end(), Vertex{0});
        std::sort(vertices.begin(), vertices.end(),
                  [&](Vertex a, Vertex b) { return g[a].id < g[b].id; });
        std::vector<std::uint64_t> position(vertices.size());
        for (std::size_t i = 0; i < vertices.size(); ++i) position[vertices[i]] = i;
        edges.reserve(boost::num_edges(g));
        for (const Edge e : boost::make_iterator_range(boost::edges(g)))
            edges.emplace_back(position[boost::source(e, g)], static_cast<int>(g[e].relation),
                               position[boost::target(e, g)], e);
        std::sort(edges.begin(), edges.end(), [](const auto& a, const auto& b) {
            return std::tie(std::get<0>(a), std::get<1>(a), std::get<2>(a)) <
                   std::tie(std::get<0>(b), std::get<1>(b), std::get<2>(b));
        });
    }

    std::vector<const DocumentInfo*> documents;
    std::vector<Vertex> vertices;
    std::vector<std::tuple<std::uint64_t, int, std::uint64_t, Edge>> edges;
};

// The payload after the string table, which refers to the table's strings by number: the
// first walk fills the table, a second one in the same order finds the same numbers.
template <class Out>
void write_body(const KnowledgeGraph& kg, const CanonicalOrder& order, StringTable& table,
                Out& body) {
    const Graph& g = kg.graph();
    put_varint(body, order.documents.size());
    for (const DocumentInfo* d : order.documents)
        for (const std::string* field :
             {&d->id, &d->title, &d->url, &d->date, &d->source, &d->content_hash})
            put_varint(body, table.ref(*field));

    put_varint(body, order.vertices.size());
    for (const Vertex v : order.vertices) {
        const EntityVertex& e = g[v];
        put_varint(body, table.ref(e.id));
        put_varint(body, table.ref(e.label));
        put_varint(body, e.labels.size());
        for (const std::string& label : e.labels) put_varint(body, table.ref(label));
        put_varint(body, table.ref(to_string(e.type)));  // names: enums may grow
        put_varint(body, static_cast<std::uint64_t>(e.mentions));
        put_varint(body, e.aliases.size());
        for (const auto& [alias, count] : e.aliases) {
            put_varint(body, table.ref(alias));
            put_varint(body, static_cast<std::uint64_t>(count));
        }
        put_varint(body, e.documents.size());
        for (const std::string& d : e.documents) put_varint(body, table.ref(d));
        put_varint(body, e.attributes.size());
        for (const auto& [key, value] : e.attributes) {
            put_varint(body, table.ref(key));
            put_varint(body, table.ref(value));
        }
    }

    put_varint(body, order.edges.size());
    for (const auto& [s, r, t, e] : order.edges) {
        const RelationEdge& edge = g[e];
        put_varint(body, s);
        put_varint(body, t);
        put_varint(body, table.ref(to_string(static_cast<Relation>(r))));
        put_varint(body, static_cast<std::uint64_t>(edge.weight));
        put_varint(body, edge.evidence.size());
        for (const Evidence& ev : edge.evidence) {
            put_varint(body, table.ref(ev.document.str()));
            put_varint(body, static_cast<std::uint64_t>(ev.sentence));
            put_varint(body, ev.start);
            put_varint(body, ev.end);
            put_varint(body, table.ref(ev.text.str()));
            put_varint(body, table.ref(ev.date.str()));
            put_varint(body, table.ref(ev.antecedent.str()));
        }
        for (const std::string* field :
             {&edge.first_date, &edge.last_date, &edge.cameo, &edge.rule})
            put_varint(body, table.ref(*field));
        std::uint64_t bits = 0;
        std::memcpy(&bits, &edge.confidence, sizeof bits);
        put_fixed(body, bits, 8);
        body.push_back(edge.credit ? 1 : 0);
    }
}

Snapshot parse_payload(std::string_view bytes, const std::string& name) {
    PayloadReader in(bytes, name);
    const std::uint64_t cap = in.varint();
    if (cap == 0 || cap > (1u << 20)) in.fail("evidence cap " + std::to_string(cap));
    Snapshot snapshot{KnowledgeGraph(static_cast<std::size_t>(cap)), 0};
    snapshot.inputs = in.varint();
    KnowledgeGraph& kg = snapshot.graph;

    const std::size_t strings = in.count();
    in.strings.reserve(strings);
    for (std::size_t i = 0; i < strings; ++i) {
        const std::size_t length = in.count(1);
        in.strings.emplace_back(in.bytes(length));
    }

    const std::size_t documents = in.count(6);
    std::set<std::string> document_ids;
    for (std::size_t i = 0; i < documents; ++i) {
        DocumentInfo d;
        for (std::string* field : {&d.id, &d.title, &d.url, &d.date, &d.source, &d.content_hash})
            *field = in.str();
        if (!document_ids.insert(d.id).second) in.fail("article \"" + d.id + "\" twice");
        kg.add_document(d);
    }

    const std::size_t vertices = in.count(7);
    for (std::size_t i = 0; i < vertices; ++i) {
        EntityVertex e;
        e.id = in.str();
        e.label = in.str();
        for (std::size_t n = in.count(); n > 0; --n) e.labels.insert(in.str());
        const std::optional<EntityType> type = parse_entity_type(in.str());
        if (!type) in.fail("unknown entity type");
        e.type = *type;
        e.mentions = in.integer();
        for (std::size_t n = in.count(2); n > 0; --n) {
            const std::string& alias = in.str();
            e.aliases[alias] = in.integer();
        }
        for (std::size_t n = in.count(); n > 0; --n) e.documents.insert(in.str());
        for (std::size_t n = in.count(2); n > 0; --n) {
            const std::string& key = in.str();
            e.attributes[key] = in.str();
        }
        if (kg.find(e.id)) in.fail("entity \"" + e.id + "\" twice");
        kg.add_entity(e);
    }

    const std::size_t edges = in.count(15);
    for (std::size_t i = 0; i < edges; ++i) {
        const std::uint64_t s = in.varint(), t = in.varint();
        if (s >= vertices || t >= vertices || s == t) in.fail("relation between unknown entities");
        const std::optional<Relation> r = parse_relation(in.str());
        if (!r) in.fail("unknown relation");
        RelationEdge edge;
        edge.relation = *r;
        edge.weight = in.integer();
        const std::size_t evidence = in.count(7);
        if (evidence > kg.evidence_cap()) in.fail("more evidence than the evidence cap");
        for (std::size_t n = 0; n < evidence; ++n) {
            Evidence ev;
            ev.document = in.shared();
            ev.sentence = in.integer();
            ev.start = static_cast<std::size_t>(in.varint());
            ev.end = static_cast<std::size_t>(in.varint());
            ev.text = in.shared();
            ev.date = in.shared();
            ev.antecedent = in.shared();
            // Merging keeps the smallest evidence of sorted, duplicate-free lists.
            if (!edge.evidence.empty() && !(edge.evidence.back() < ev))
                in.fail("evidence out of order");
            edge.evidence.push_back(std::move(ev));
        }
        for (std::string* field : {&edge.first_date, &edge.last_date, &edge.cameo, &edge.rule})
            *field = in.str();
        const std::uint64_t bits = in.u64();
        std::memcpy(&edge.confidence, &bits, sizeof bits);
        const std::uint8_t credit = in.u8();
        if (credit > 1) in.fail("corrupt provenance flag");
        edge.credit = credit == 1;
        const Vertex sv = static_cast<Vertex>(s), tv = static_cast<Vertex>(t);
        const std::size_t before = boost::num_edges(kg.graph());
        kg.add_relation(sv, tv, edge);
        if (boost::num_edges(kg.graph()) != before + 1) in.fail("relation twice");
    }
    if (!in.at_end()) in.fail("bytes after the graph");
    return snapshot;
}

}  // namespace

void write_snapshot(const Snapshot& snapshot, std::ostream& out) {
    // Written as it is made, not made whole first (95 MB for 100 MB of news): the graph is
    // walked once to number its strings and measure the payload, then again to write it.
    const CanonicalOrder order(snapshot.graph);
    StringTable table;
    ByteCounter body;
    write_body(snapshot.graph, order, table, body);
    std::string head;  // the payload up to the table's strings
    put_varint(head, snapshot.graph.evidence_cap());
    put_varint(head, snapshot.inputs);
    put_varint(head, table.strings().size());
    ByteCounter payload;
    payload.append(head);
    for (const std::string_view s : table.strings()) {
        put_varint(payload, s.size());
        payload.append(s);
    }
    payload.size += body.size;

    FileWriter file(out);
    file.append(std::string_view(kMagic, sizeof kMagic));
    put_fixed(file, kSnapshotFormatVersion, 4);
    put_fixed(file, payload.size, 8);
    file.append(head);
    for (const std::string_view s : table.strings()) {
        put_varint(file, s.size());
        file.append(s);
    }
    write_body(snapshot.graph, order, table, file);
    put_fixed(file, file.checksum(), 8);
    file.flush();
}

std::string snapshot_bytes(const Snapshot& snapshot) {
    std::ostringstream out;
    write_snapshot(snapshot, out);
    return std::move(out).str();
}

Snapshot parse_snapshot(std::string_view bytes, const std::string& name) {
    const std::string what = "a newsgraph graph snapshot (" + std::string(kSnapshotFileName) + ")";
    if (bytes.size() < sizeof kMagic || std::memcmp(bytes.data(), kMagic, sizeof kMagic) != 0)
        throw SnapshotError(name + ": not " + what + " (bad magic bytes)");
    if (bytes.size() < sizeof kMagic + 4)
        throw SnapshotError(name + ": truncated (" + std::to_string(bytes.size()) + " bytes)");
    const auto version = static_cast<std::uint32_t>(get_fixed(bytes, sizeof kMagic, 4));
    if (version != kSnapshotFormatVersion)
        throw SnapshotError(name + ": snapshot format version " + std::to_string(version) +
                            ", this newsgraph reads version " +
                            std::to_string(kSnapshotFormatVersion) +
                            " (build it again from the articles with this newsgraph)");
    if (bytes.size() < kFrameBytes)
        throw SnapshotError(name + ": truncated (" + std::to_string(bytes.size()) + " bytes)");
    const std::uint64_t length = get_fixed(bytes, sizeof kMagic + 4, 8);
    const std::size_t header = sizeof kMagic + 4 + 8;
    if (bytes.size() - kFrameBytes < length)
        throw SnapshotError(name + ": truncated (" + std::to_string(bytes.size()) +
                            " bytes, the header announces " + std::to_string(length + kFrameBytes) +
                            ")");
    if (bytes.size() - kFrameBytes != length)
        throw SnapshotError(name + ": trailing bytes after the snapshot");
    const std::size_t body_end = header + static_cast<std::size_t>(length);
    if (get_fixed(bytes, body_end, 8) != fnv1a(bytes.substr(0, body_end)))
        throw SnapshotError(name + ": checksum mismatch: the file is corrupt");
    return parse_payload(bytes.substr(header, static_cast<std::size_t>(length)), name);
}

Snapshot read_snapshot(const std::string& path) {
    std::error_code error;
    if (!std::filesystem::is_regular_file(path, error))
        throw SnapshotError(
            path + ": cannot read the graph snapshot: " +
            (std::filesystem::exists(path, error) ? "not a regular file" : "no such file"));
    std::ifstream file(path, std::ios::binary);
    std::string bytes{std::istreambuf_iterator<char>(file), std::istreambuf_iterator<char>()};
    if (file.bad() || !file.is_open())
        throw SnapshotError(path + ": cannot read the graph snapshot: " + std::strerror(errno));
    return parse_snapshot(bytes, path);
}

namespace {

void require_same_cap(const Snapshot& into, const Snapshot& part, const std::string& part_name) {
    if (into.graph.evidence_cap() != part.graph.evidence_cap())
        throw SnapshotError(part_name + ": built with --evidence-cap " +
                            std::to_string(part.graph.evidence_cap()) + ", the others with " +
                            std::to_string(into.graph.evidence_cap()) +
                            ": graphs of different caps do not merge");
}

[[noreturn]] void article_twice(const std::string& part_name, const std::string& id) {
    throw SnapshotError(part_name + ": article \"" + id +
                        "\" is in another part too: a merged graph would count it twice "
                        "(extract each article into one part only)");
}

}  // namespace

void merge_snapshot(Snapshot& into, const Snapshot& part, const std::string& part_name) {
    require_same_cap(into, part, part_name);
    std::set<std::string_view> ids;
    for (const DocumentInfo& d : part.graph.documents()) ids.insert(d.id);
    for (const DocumentInfo& d : into.graph.documents())
        if (ids.contains(d.id)) article_twice(part_name, d.id);
    into.graph.merge(part.graph);
    into.inputs += part.inputs;
}

void SnapshotSum::add(Snapshot part, const std::string& part_name) {
    if (sum_) require_same_cap(*sum_, part, part_name);
    for (const DocumentInfo& d : part.graph.documents())
        if (ids_.contains(d.id)) article_twice(part_name, d.id);
    for (const DocumentInfo& d : part.graph.documents()) ids_.insert(d.id);
    if (!sum_) {
        sum_ = std::move(part);
        return;
    }
    sum_->graph.merge(part.graph);
    sum_->inputs += part.inputs;
}

Snapshot SnapshotSum::take() {
    Snapshot sum = std::move(*sum_);
    sum_.reset();
    sum.graph.normalize();
    return sum;
}

}  // namespace newsgraph
