#include <fstream>
#include <iomanip>
#include <sstream>
#include <stdexcept>

#include "src/nlp/conllu.hpp"
#include "tools/train/trainer.hpp"

namespace newsgraph::nlp::train {

namespace {
std::string universal(const std::string& deprel) {
    return deprel.substr(0, deprel.find(':'));
}
}  // namespace

std::vector<ParsedSentence> read_treebank(const std::string& path) {
    std::ifstream in(path);
    if (!in) throw std::runtime_error(path + ": cannot open");
    return read_conllu(in, path);
}

Accuracy score(const std::vector<ParsedSentence>& gold, const std::vector<ParsedSentence>& system) {
    if (gold.size() != system.size()) throw std::runtime_error("sentence counts differ");
    Accuracy a;
    for (std::size_t s = 0; s < gold.size(); ++s) {
        const auto& g = gold[s].words;
        const auto& y = system[s].words;
        if (g.size() != y.size())
            throw std::runtime_error("word counts differ in sentence " + gold[s].sent_id);
        for (std::size_t i = 0; i < g.size(); ++i) {
            ++a.words;
            a.upos += g[i].upos == y[i].upos;
            a.xpos += g[i].xpos == y[i].xpos;
            a.lemma += g[i].lemma == y[i].lemma;
            if (g[i].head == y[i].head) {
                ++a.uas;
                a.las += universal(g[i].deprel) == universal(y[i].deprel);
            }
        }
    }
    return a;
}

std::string Accuracy::table() const {
    std::ostringstream out;
    const double n = words == 0 ? 1.0 : static_cast<double>(words);
    out << std::fixed << std::setprecision(4) << "words " << words << "  UPOS " << upos / n
        << "  XPOS " << xpos / n << "  lemma " << lemma / n << "  UAS " << uas / n << "  LAS "
        << las / n;
    return out.str();
}

}  // namespace newsgraph::nlp::train
