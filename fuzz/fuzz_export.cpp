// Fuzz target: every exporter on graphs built from arbitrary names, types and relations,
// each output checked by a parser of its format: DOT by Graphviz's own (cgraph's
// agmemread), JSON-LD by RapidJSON, GraphML, GEXF and SVG by expat (when the build has
// it), CSV by an RFC 4180 reader that wants the same number of fields on every row.
//
// The input is records separated by byte 0x1E, fields by 0x1F. The first byte holds flags
// (1: draw co-mentions, 2: normalize, 4: resolve across documents, 8: also the formats that
// need a Graphviz layout, svg, report and html, ten times slower than the rest; 16: with 8, png and
// pdf too, rendered by cairo from the same layout, checked non-empty). Records:
//   E TYPE LABEL ALIAS...            an entity (TYPE's first byte picks the type)
//   A ENTITY KEY VALUE               an attribute (KEY's first byte picks one extraction sets)
//   R REL SOURCE TARGET DOC SENTENCE [DATE CAMEO]   a relation between entities
//   D ID TITLE URL DATE SOURCE       a document
#include <graphviz/cgraph.h>
#include <rapidjson/document.h>

#include <cstddef>
#include <cstdint>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>
#ifdef NEWSGRAPH_FUZZ_HAVE_EXPAT
#include <expat.h>
#endif

#include "export/exporter.hpp"
#include "fuzz/fuzz_check.hpp"
#include "graph/cross_document.hpp"
#include "graph/knowledge_graph.hpp"

using namespace newsgraph;

namespace {

constexpr std::size_t kMaxEntities = 48, kMaxRelations = 192;

std::vector<std::string_view> split(std::string_view text, char separator) {
    std::vector<std::string_view> parts;
    for (std::size_t start = 0;;) {
        const std::size_t end = text.find(separator, start);
        parts.push_back(text.substr(start, end == std::string_view::npos ? end : end - start));
        if (end == std::string_view::npos) return parts;
        start = end + 1;
    }
}

unsigned first_byte(const std::vector<std::string_view>& fields, std::size_t i) {
    return i < fields.size() && !fields[i].empty() ? static_cast<unsigned char>(fields[i][0]) : 0;
}

std::string field(const std::vector<std::string_view>& fields, std::size_t i) {
    return i < fields.size() ? std::string(fields[i]) : std::string();
}

struct Built {
    KnowledgeGraph graph{4};
    std::vector<Vertex> entities;
    std::set<std::string> documents;

    void document(const DocumentInfo& info) {
        if (documents.insert(info.id).second) graph.merge(PartialGraph{info, {}, {}});
    }
};

void add_record(Built& b, const std::vector<std::string_view>& f) {
    switch (first_byte(f, 0)) {
        case 'E': {
            if (b.entities.size() >= kMaxEntities || f.size() < 3 || f[2].empty()) return;
            EntityVertex e;
            e.type = kEntityTypes[first_byte(f, 1) % std::size(kEntityTypes)];
            e.label = field(f, 2);
            e.id = entity_id(e.type, e.label);
            e.aliases[e.label] = 1;
            for (std::size_t i = 3; i < f.size(); ++i) e.aliases[std::string(f[i])] += 1;
            e.mentions = static_cast<int>(f.size() - 2);
            b.entities.push_back(b.graph.add_entity(e));
            return;
        }
        case 'A': {
            if (b.entities.empty() || f.size() < 4) return;
            const Vertex v = b.entities[first_byte(f, 1) % b.entities.size()];
            EntityVertex e = b.graph.graph()[v];
            e.aliases.clear();
            e.mentions = 0;
            // The keys extraction sets; the values are anything.
            static const char* const kKeys[] = {"iso_alpha2", "iso_alpha3", "titles"};
            e.attributes = {{kKeys[first_byte(f, 2) % std::size(kKeys)], field(f, 3)}};
            b.graph.add_entity(e);
            return;
        }
        case 'R': {
            if (b.entities.empty() || f.size() < 6) return;
            if (boost::num_edges(b.graph.graph()) >= kMaxRelations) return;
            const auto relation = static_cast<Relation>(first_byte(f, 1) % kRelationCount);
            const Vertex s = b.entities[first_byte(f, 2) % b.entities.size()];
            const Vertex t = b.entities[first_byte(f, 3) % b.entities.size()];
            DocumentInfo info;
            info.id = field(f, 4);
            info.date = field(f, 6);
            b.document(info);
            Evidence evidence;
            evidence.document = info.id;
            evidence.sentence = static_cast<int>(first_byte(f, 5));
            evidence.text = field(f, 5);
            evidence.start = first_byte(f, 5);
            evidence.end = evidence.start + evidence.text.size();
            evidence.date = info.date;
            b.graph.add_relation(s, t, relation, evidence, field(f, 7), first_byte(f, 7) / 255.0);
            return;
        }
        case 'D': {
            b.document({field(f, 1), field(f, 2), field(f, 3), field(f, 4), field(f, 5)});
            return;
        }
        default:
            return;
    }
}

bool parses_as_dot(const std::string& text) {
    Agraph_t* graph = agmemread(text.c_str());
    if (graph == nullptr) return false;
    agclose(graph);
    return true;
}

bool parses_as_json(const std::string& text) {
    rapidjson::Document json;
    json.Parse(text.c_str(), text.size());
    return !json.HasParseError() && json.IsObject();
}

// explorer.html: its three scripts (graph data, Cytoscape.js, its own) and no other "</script",
// and the graph data, up to the first "</script" after it, is JSON.
bool explorer_holds_its_data(const std::string& text) {
    const std::string open = "<script id=\"graph-data\" type=\"application/json\">";
    std::size_t ends = 0;
    for (std::size_t at = text.find("</script"); at != std::string::npos;
         at = text.find("</script", at + 1))
        ++ends;
    const std::size_t start = text.find(open);
    if (ends != 3 || start == std::string::npos) return false;
    const std::size_t end = text.find("</script", start);
    return parses_as_json(text.substr(start + open.size(), end - start - open.size()));
}

#ifdef NEWSGRAPH_FUZZ_HAVE_EXPAT
bool parses_as_xml(const std::string& text) {
    XML_Parser parser = XML_ParserCreate("UTF-8");
    const bool ok =
        XML_Parse(parser, text.data(), static_cast<int>(text.size()), 1) == XML_STATUS_OK;
    if (!ok)
        std::fprintf(stderr, "expat: %s at line %lu\n", XML_ErrorString(XML_GetErrorCode(parser)),
                     static_cast<unsigned long>(XML_GetCurrentLineNumber(parser)));
    XML_ParserFree(parser);
    return ok;
}
#else
bool parses_as_xml(const std::string&) {
    return true;
}
#endif

// RFC 4180: fields separated by commas, quoted when they hold commas, quotes or line
// breaks, quotes doubled. True when every row has as many fields as the header.
bool parses_as_csv(const std::string& text) {
    std::size_t header_fields = 0, fields = 1, rows = 0;
    bool quoted = false, at_field_start = true;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (quoted) {
            if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
                ++i;
            } else if (c == '"') {
                quoted = false;
                if (i + 1 < text.size() && text[i + 1] != ',' && text[i + 1] != '\n' &&
                    text[i + 1] != '\r')
                    return false;  // text after a closing quote
            }
            continue;
        }
        if (c == '"') {
            if (!at_field_start) return false;  // a quote inside an unquoted field
            quoted = true;
            at_field_start = false;
        } else if (c == ',') {
            ++fields;
            at_field_start = true;
        } else if (c == '\n') {
            if (rows++ == 0)
                header_fields = fields;
            else if (fields != header_fields)
                return false;
            fields = 1;
            at_field_start = true;
        } else if (c != '\r') {
            at_field_start = false;
        }
    }
    return !quoted && (text.empty() || text.back() == '\n');
}

void check_output(std::string_view file_name, const std::string& text) {
    const auto ends = [&](std::string_view suffix) { return file_name.ends_with(suffix); };
    FUZZ_CHECK(!text.empty());
    if (ends(".dot")) FUZZ_CHECK(parses_as_dot(text));
    if (ends(".jsonld")) FUZZ_CHECK(parses_as_json(text));
    if (ends(".graphml") || ends(".gexf") || ends(".svg")) FUZZ_CHECK(parses_as_xml(text));
    if (ends(".csv")) FUZZ_CHECK(parses_as_csv(text));
    if (ends("explorer.html")) FUZZ_CHECK(explorer_holds_its_data(text));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    const unsigned flags = data[0];
    const std::string_view records(reinterpret_cast<const char*>(data) + 1, size - 1);
    Built built;
    for (const std::string_view record : split(records, '\x1E'))
        add_record(built, split(record, '\x1F'));
    if (flags & 4) resolve_across_documents(built.graph);
    if (flags & 2) built.graph.normalize();

    ExportOptions options;
    options.draw_co_mentions = flags & 1;
    for (const std::string_view format : export_formats()) {
        const bool rendered = format == "svg" || format == "report" || format == "html";
        const bool raster = format == "png" || format == "pdf";
        if ((rendered && !(flags & 8)) || (raster && (flags & 24) != 24)) continue;
        for (const auto& writer : make_exporters(format)) {
            std::ostringstream out;
            writer->write(built.graph, options, out);
            FUZZ_CHECK(out.good());
            check_output(writer->file_name(), out.str());
        }
    }
    return 0;
}
