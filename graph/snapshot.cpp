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
#include <set>
#include <tuple>
#include <unordered_map>
#include <vector>

namespace newsgraph {
namespace {

constexpr char kMagic[8] = {'N', 'G', 'S', 'N', 'A', 'P', 'S', 'H'};
constexpr std::size_t kFrameBytes = sizeof kMagic + 4 + 8 + 8;  // magic, version, length, sum

std::uint64_t fnv1a(std::string_view bytes) {
    std::uint64_t h = 1469598103934665603ULL;
    for (const char c : bytes) h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ULL;
    return h;
}

void put_fixed(std::string& out, std::uint64_t v, int bytes) {
    for (int i = 0; i < bytes; ++i) out.push_back(static_cast<char>(v >> (8 * i)));
}

std::uint64_t get_fixed(std::string_view in, std::size_t pos, int bytes) {
    std::uint64_t v = 0;
    for (int i = 0; i < bytes; ++i)
        v |= static_cast<std::uint64_t>(static_cast<unsigned char>(in[pos + i])) << (8 * i);
    return v;
}

void put_varint(std::string& out, std::uint64_t v) {
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

// The payload in two parts: the string table, known only at the end, and the body that
// refers to it, written to `body` as the table fills.
std::string payload_body(const Snapshot& snapshot, StringTable& table) {
    const KnowledgeGraph& kg = snapshot.graph;
    const Graph& g = kg.graph();
    std::string body;

    std::vector<const DocumentInfo*> documents;
    for (const DocumentInfo& d : kg.documents()) documents.push_back(&d);
    std::sort(documents.begin(), documents.end(),
              [](const DocumentInfo* a, const DocumentInfo* b) { return a->id < b->id; });
    put_varint(body, documents.size());
    for (const DocumentInfo* d : documents)
        for (const std::string* field :
             {&d->id, &d->title, &d->url, &d->date, &d->source, &d->content_hash})
            put_varint(body, table.ref(*field));

    std::vector<Vertex> order(boost::num_vertices(g));
    std::iota(order.begin(), order.end(), Vertex{0});
    std::sort(order.begin(), order.end(), [&](Vertex a, Vertex b) { return g[a].id < g[b].id; });
    std::vector<std::uint64_t> position(order.size());
    for (std::size_t i = 0; i < order.size(); ++i) position[order[i]] = i;
    put_varint(body, order.size());
    for (const Vertex v : order) {
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

    std::vector<std::tuple<std::uint64_t, int, std::uint64_t, Edge>> edges;
    for (const Edge e : boost::make_iterator_range(boost::edges(g)))
        edges.emplace_back(position[boost::source(e, g)], static_cast<int>(g[e].relation),
                           position[boost::target(e, g)], e);
    std::sort(edges.begin(), edges.end(), [](const auto& a, const auto& b) {
        return std::tie(std::get<0>(a), std::get<1>(a), std::get<2>(a)) <
               std::tie(std::get<0>(b), std::get<1>(b), std::get<2>(b));
    });
    put_varint(body, edges.size());
    for (const auto& [s, r, t, e] : edges) {
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
    return body;
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

std::string snapshot_bytes(const Snapshot& snapshot) {
    StringTable table;
    const std::string body = payload_body(snapshot, table);
    // The file is put together in one buffer of its final size: concatenating the parts
    // held the snapshot in memory three times over at the run's peak.
    std::string head;  // the payload up to the table's strings
    put_varint(head, snapshot.graph.evidence_cap());
    put_varint(head, snapshot.inputs);
    put_varint(head, table.strings().size());
    std::size_t payload_size = head.size() + body.size();
    for (const std::string_view s : table.strings()) {
        std::string length;
        put_varint(length, s.size());
        payload_size += length.size() + s.size();
    }
    std::string out;
    out.reserve(kFrameBytes + payload_size);
    out.append(kMagic, sizeof kMagic);
    put_fixed(out, kSnapshotFormatVersion, 4);
    put_fixed(out, payload_size, 8);
    out += head;
    for (const std::string_view s : table.strings()) {
        put_varint(out, s.size());
        out += s;
    }
    out += body;
    put_fixed(out, fnv1a(out), 8);
    return out;
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
