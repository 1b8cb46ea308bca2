// Fuzz target: the NLP stage on arbitrary text. Bytes are repaired, normalised, segmented
// and split into UD words as the program does, then tagged, lemmatised and parsed by the
// shipped models (loaded once from the build's data folder): every sentence must come out as
// one well-formed tree with every word tagged, lemmatised and labelled.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz/fuzz_check.hpp"
#include "src/ingest/document.hpp"
#include "src/ingest/segmenter.hpp"
#include "src/ingest/text_repair.hpp"
#include "src/nlp/analyzer.hpp"
#include "src/nlp/tree_check.hpp"
#include "src/nlp/words.hpp"

using namespace newsgraph;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const IngestRules rules = load_ingest_rules(fuzz::data_dir());
    static const nlp::Analyzer analyzer(std::string(fuzz::data_dir()) + "/models",
                                        nlp::kDefaultWordNetDir);
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    Document doc;
    doc.info.id = "fuzz";
    doc.text = normalize_text(repair_utf8(bytes, nullptr));
    for (const Sentence& sentence : segment(doc, rules)) {
        nlp::ParsedSentence words = nlp::to_words(doc, sentence, &rules);
        const bool cut = analyzer.annotate(words);
        FUZZ_CHECK(cut == (words.words.size() > analyzer.limits().max_parse_words));
        const std::string problem = nlp::tree_problem(words);
        if (!problem.empty()) std::fprintf(stderr, "%s\n", problem.c_str());
        FUZZ_CHECK(problem.empty());
        for (const nlp::Word& w : words.words) {
            FUZZ_CHECK(!w.form.empty() && fuzz::valid_utf8(w.form));
            FUZZ_CHECK(w.begin < w.end && w.end <= doc.text.size());
            FUZZ_CHECK(!w.upos.empty() && w.upos != "_" && !w.xpos.empty() && w.xpos != "_");
            FUZZ_CHECK(!w.lemma.empty() && fuzz::valid_utf8(w.lemma));
        }
    }
    return 0;
}
