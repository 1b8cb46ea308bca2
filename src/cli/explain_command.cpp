#include "src/cli/explain_command.hpp"

#include <algorithm>
#include <ostream>

#include "src/cli/corpus.hpp"

namespace newsgraph {
namespace {

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

void print_relation(const Graph& g, Edge e, Vertex self, std::ostream& out) {
    const RelationEdge& r = g[e];
    Vertex s = boost::source(e, g), t = boost::target(e, g);
    out << "  " << (s == self ? "" : g[s].label + " ") << to_string(r.relation)
        << (t == self ? "" : " " + g[t].label) << "  (weight " << r.weight << ")\n";
    for (const Evidence& ev : r.evidence)
        out << "      " << ev.document << " #" << ev.sentence << " [" << ev.start << "-" << ev.end
            << "]: " << ev.text << '\n';
    if (static_cast<std::size_t>(r.weight) > r.evidence.size())
        out << "      ... and " << r.weight - static_cast<int>(r.evidence.size())
            << " more sentence(s)\n";
}

}  // namespace

int run_explain(const BuildOptions& options, std::istream& in, std::ostream& out,
                std::ostream& err) {
    Progress progress(err, options.progress);
    std::optional<Corpus> corpus = build_corpus(options, in, err, progress);
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
            if (g[x].relation != Relation::co_mentioned) print_relation(g, x, v, out), any = true;
        if (!any) out << "  none\n";
        out << '\n';
    }
    return corpus->problems == 0 ? 0 : 1;
}

}  // namespace newsgraph
