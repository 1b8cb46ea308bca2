// Fuzz target: extraction on arbitrary text, with the shipped tagger and parser (so the
// clause reader and coreference see trees of any shape), then the graph stages after it (merge,
// cross-article resolution, normalisation). The text is repaired and normalised first, as
// the reader does: extraction's contract starts at valid UTF-8.
// The input is split at the first byte 0x1E into two articles, so that merging and
// cross-article resolution see more than one document.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz/fuzz_check.hpp"
#include "graph/cross_document.hpp"
#include "graph/knowledge_graph.hpp"
#include "src/extract/extractor.hpp"
#include "src/ingest/text_repair.hpp"
#include "src/nlp/analyzer.hpp"

using namespace newsgraph;

namespace {

void check_extraction(const Document& doc, const ExtractedDocument& extracted) {
    const std::size_t length = code_point_offset(doc.text, doc.text.size());
    const PartialGraph& graph = extracted.graph;
    for (const MentionRecord& m : extracted.mentions) {
        FUZZ_CHECK(m.start < m.end && m.end <= length);
        FUZZ_CHECK(m.entity < graph.entities.size());
        FUZZ_CHECK(!m.text.empty() && fuzz::valid_utf8(m.text));
    }
    for (const EntityRecord& e : graph.entities) {
        FUZZ_CHECK(!e.label.empty() && fuzz::valid_utf8(e.label));
        FUZZ_CHECK(e.mentions >= 0);
    }
    for (const RelationRecord& r : graph.relations) {
        FUZZ_CHECK(r.source < graph.entities.size() && r.target < graph.entities.size());
        FUZZ_CHECK(r.evidence.start <= r.evidence.end && r.evidence.end <= length);
        FUZZ_CHECK(r.evidence.document == doc.info.id);
        FUZZ_CHECK(fuzz::valid_utf8(r.evidence.text));
        FUZZ_CHECK(
            r.relation == Relation::co_mentioned ||
            fits_schema(r.relation, graph.entities[r.source].type, graph.entities[r.target].type));
        // A typed fact names its rule and carries that rule's measured precision.
        FUZZ_CHECK(r.relation == Relation::co_mentioned ||
                   (!r.rule.empty() && r.confidence > 0.0 && r.confidence <= 1.0));
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    // With the mention tagger, as `newsgraph build` runs it.
    static const Extractor extractor = [] {
        Extractor e(fuzz::data_dir());
        e.load_mention_tagger(std::string(fuzz::data_dir()) + "/models/mentions.model");
        return e;
    }();
    static const nlp::Analyzer analyzer(std::string(fuzz::data_dir()) + "/models",
                                        nlp::kDefaultWordNetDir);
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    const std::size_t split = std::min(bytes.find('\x1E'), bytes.size());
    const std::string_view parts[] = {bytes.substr(0, split),
                                      bytes.substr(std::min(split + 1, bytes.size()))};

    KnowledgeGraph graph(3);
    for (int i = 0; i < 2; ++i) {
        Document doc;
        doc.info.id = "fuzz-" + std::to_string(i);
        doc.text = normalize_text(repair_utf8(parts[i], nullptr));
        const ExtractedDocument extracted = extractor.extract_with_mentions(doc, &analyzer);
        check_extraction(doc, extracted);
        graph.merge(extracted.graph);
    }
    const std::size_t before = boost::num_vertices(graph.graph());
    resolve_across_documents(graph);
    const Graph& g = graph.graph();
    FUZZ_CHECK(boost::num_vertices(g) <= before);
    for (Vertex v : boost::make_iterator_range(boost::vertices(g))) {
        FUZZ_CHECK(g[v].aliases.size() <= kMaxAliases);
        FUZZ_CHECK(graph.find(g[v].id) == v);
    }
    for (Edge e : boost::make_iterator_range(boost::edges(g))) {
        FUZZ_CHECK(g[e].weight >= 1 && g[e].evidence.size() <= 3);
        FUZZ_CHECK(boost::source(e, g) != boost::target(e, g));
    }
    return 0;
}
