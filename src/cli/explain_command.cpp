#include "src/cli/explain_command.hpp"

#include <algorithm>
#include <map>
#include <ostream>
#include <string_view>
#include <utility>

#include "src/cli/corpus.hpp"

namespace newsgraph {
namespace {

// The syntax of evidence sentences, by (document id, sentence index).
using SyntaxOfEvidence = std::map<std::pair<std::string, int>, nlp::ParsedSentence>;

std::string lower(std::string s) {
    for (char& c : s)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return s;
}

// Entities whose label, alias or id is `name` (case-insensitive).
std::vector<Vertex> matching(const Graph& g, const std::string& name) {
    const std::string wanted = lower(name);
    std::vector<Vertex> found;
    for (Vertex v : boost::make_iterator_range(boost::vertices(g))) {
        const EntityVertex& e = g[v];
        bool hit = lower(e.label) == wanted || e.id == name;
        for (const auto& alias : e.aliases) hit = hit || lower(alias.first) == wanted;
        if (hit) found.push_back(v);
    }
    return found;
}

// The columns UTF-8 text takes in a terminal, near enough to align words: its code points.
std::size_t columns_of(std::string_view text) {
    return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) {
        return (static_cast<unsigned char>(c) & 0xC0) != 0x80;  // not a continuation byte
    }));
}

// `text` then spaces up to `columns`.
std::string padded(std::string_view text, std::size_t columns) {
    const std::size_t used = columns_of(text);
    return std::string(text) + std::string(columns > used ? columns - used : 0, ' ');
}

// One line per word, in columns: id, form, UPOS, the id of its head (0: root), relation.
void print_tree(const nlp::ParsedSentence& sentence, std::ostream& out) {
    std::size_t form_columns = 0;
    for (const nlp::Word& w : sentence.words)
        form_columns = std::max(form_columns, columns_of(w.form));
    const std::size_t id_columns = std::to_string(sentence.words.size()).size();
    for (std::size_t i = 0; i < sentence.words.size(); ++i) {
        const nlp::Word& w = sentence.words[i];
        out << "          " << padded(std::to_string(i + 1), id_columns) << "  "
            << padded(w.form, form_columns) << "  " << padded(w.upos, 5) << "  "
            << padded(std::to_string(w.head), id_columns) << "  " << w.deprel << '\n';
    }
}

void print_relation(const Graph& g, Edge e, Vertex self, const SyntaxOfEvidence* syntax,
                    std::ostream& out) {
    const RelationEdge& r = g[e];
    Vertex s = boost::source(e, g), t = boost::target(e, g);
    out << "  " << (s == self ? "" : g[s].label + " ") << to_string(r.relation)
        << (t == self ? "" : " " + g[t].label) << "  (weight " << r.weight << ")\n";
    for (const Evidence& ev : r.evidence) {
        out << "      " << ev.document << " #" << ev.sentence << " [" << ev.start << "-" << ev.end
            << "]: " << ev.text << '\n';
        // The coreference chain's other end: where the pronoun's or description's entity is named.
        if (!ev.antecedent.empty()) out << "          (antecedent: " << ev.antecedent << ")\n";
        if (!syntax) continue;
        const auto it = syntax->find({ev.document, ev.sentence});
        if (it != syntax->end())
            print_tree(it->second, out);
        else  // furniture: its affiliations are read by patterns, not from a tree
            out << "          (page furniture: not parsed)\n";
    }
    if (static_cast<std::size_t>(r.weight) > r.evidence.size())
        out << "      ... and " << r.weight - static_cast<int>(r.evidence.size())
            << " more sentence(s)\n";
}

}  // namespace

int run_explain(const BuildOptions& options, std::istream& in, std::ostream& out,
                std::ostream& err) {
    // With --parse, the syntax of every sentence a typed relation was read in (all that can
    // be shown: co_mentioned is left out), kept as extraction hands each article over.
    SyntaxOfEvidence syntax;
    ExtractionSink keep_syntax;
    if (options.show_parse)
        keep_syntax = [&](const Document& doc, const ExtractedDocument& extracted) {
            for (const RelationRecord& r : extracted.graph.relations) {
                const auto sentence = static_cast<std::size_t>(r.evidence.sentence);
                if (r.relation != Relation::co_mentioned && extracted.parsed.has_syntax(sentence))
                    syntax.try_emplace({doc.info.id, r.evidence.sentence},
                                       extracted.parsed.syntax[sentence]);
            }
        };
    Progress progress(err, options.progress);
    std::optional<Corpus> corpus = build_corpus(options, in, err, progress, keep_syntax);
    progress.clear();
    if (!corpus) return 2;
    const Graph& g = corpus->graph.graph();
    const std::vector<Vertex> found = matching(g, options.name);
    if (found.empty()) {
        err << "newsgraph: no entity named '" << options.name << "' in " << corpus->articles
            << " article(s)\n";
        return 1;
    }
    for (Vertex v : found) {
        const EntityVertex& e = g[v];
        out << e.label << "  [" << to_string(e.type) << ", id " << e.id << "]\n";
        out << "  mentions: " << e.mentions << " in " << e.documents.size() << " article(s)\n";
        out << "  names merged into it:";
        for (const auto& [alias, count] : e.aliases) out << " \"" << alias << "\" x" << count;
        out << '\n';
        for (const auto& [key, value] : e.attributes) out << "  " << key << ": " << value << '\n';
        for (const Fold& f : corpus->folds)
            if (f.into == e.id) out << "  merged " << f.from << ": " << f.reason << '\n';
        out << "relations (co_mentioned left out):\n";
        std::vector<Edge> edges;
        for (Edge x : boost::make_iterator_range(boost::out_edges(v, g))) edges.push_back(x);
        for (Edge x : boost::make_iterator_range(boost::in_edges(v, g))) edges.push_back(x);
        bool any = false;
        for (Edge x : edges)
            if (g[x].relation != Relation::co_mentioned)
                print_relation(g, x, v, options.show_parse ? &syntax : nullptr, out), any = true;
        if (!any) out << "  none\n";
        out << '\n';
    }
    return corpus->problems == 0 ? 0 : 1;
}

}  // namespace newsgraph
