// Lemmas: WordNet's morphy by tag, EWT's conventions for the closed classes and for case,
// and accuracy on UD English EWT with its gold tags.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "src/nlp/conllu.hpp"
#include "src/nlp/lemmatizer.hpp"
#include "tests/temp_dir.hpp"

using namespace newsgraph::nlp;
using newsgraph::testing::TempDir;
namespace fs = std::filesystem;

namespace {

// Debian's wordnet-base, which scripts/setup.sh installs.
constexpr const char* kWordNetDir = "/usr/share/wordnet";

const Lemmatizer& lemmatizer() {
    static const Lemmatizer loaded(kWordNetDir);
    return loaded;
}

std::string lemma(std::string_view form, std::string_view upos, std::string_view xpos) {
    return lemmatizer().lemma(form, upos, xpos);
}

}  // namespace

TEST_CASE("nlp lemmatizer: inflected forms by their tag", "[nlp][lemmatizer]") {
    CHECK(lemma("bigger", "ADJ", "JJR") == "big");
    CHECK(lemma("best", "ADJ", "JJS") == "good");
    CHECK(lemma("largest", "ADJ", "JJS") == "large");
    CHECK(lemma("later", "ADV", "RBR") == "late");
    CHECK(lemma("went", "VERB", "VBD") == "go");
    CHECK(lemma("nominated", "VERB", "VBD") == "nominate");
    CHECK(lemma("running", "VERB", "VBG") == "run");
    CHECK(lemma("taken", "VERB", "VBN") == "take");
    CHECK(lemma("says", "VERB", "VBZ") == "say");
    CHECK(lemma("was", "AUX", "VBD") == "be");
    CHECK(lemma("has", "AUX", "VBZ") == "have");
    CHECK(lemma("are", "AUX", "VBP") == "be");
    CHECK(lemma("children", "NOUN", "NNS") == "child");
    CHECK(lemma("boxes", "NOUN", "NNS") == "box");
    CHECK(lemma("Countries", "NOUN", "NNS") == "country");
    // The same form untouched where the tag says it is not inflected.
    CHECK(lemma("saw", "VERB", "VB") == "saw");
    CHECK(lemma("news", "NOUN", "NN") == "news");
}

TEST_CASE("nlp lemmatizer: words WordNet does not know are undone by rule", "[nlp][lemmatizer]") {
    CHECK(lemma("tweeted", "VERB", "VBD") == "tweet");
    CHECK(lemma("blogging", "VERB", "VBG") == "blog");
    CHECK(lemma("podcasts", "NOUN", "NNS") == "podcast");
    CHECK(lemma("hashtags", "NOUN", "NNS") == "hashtag");
}

TEST_CASE("nlp lemmatizer: closed classes and clitics as EWT writes them", "[nlp][lemmatizer]") {
    CHECK(lemma("n't", "PART", "RB") == "not");
    CHECK(lemma("n\u2019t", "PART", "RB") == "not");
    CHECK(lemma("'s", "AUX", "VBZ") == "be");
    CHECK(lemma("'s", "PART", "POS") == "'s");
    CHECK(lemma("'", "PART", "POS") == "'s");
    CHECK(lemma("'m", "AUX", "VBP") == "be");
    CHECK(lemma("'re", "AUX", "VBP") == "be");
    CHECK(lemma("'ve", "AUX", "VBP") == "have");
    CHECK(lemma("'ll", "AUX", "MD") == "will");
    CHECK(lemma("'d", "AUX", "MD") == "would");
    CHECK(lemma("ca", "AUX", "MD") == "can");
    CHECK(lemma("wo", "AUX", "MD") == "will");
    CHECK(lemma("An", "DET", "DT") == "a");
    CHECK(lemma("these", "DET", "DT") == "this");
    CHECK(lemma("me", "PRON", "PRP") == "I");
    CHECK(lemma("I", "PRON", "PRP") == "I");
    CHECK(lemma("him", "PRON", "PRP") == "he");
    CHECK(lemma("them", "PRON", "PRP") == "they");
    CHECK(lemma("us", "PRON", "PRP") == "we");
    CHECK(lemma("her", "PRON", "PRP") == "she");
    CHECK(lemma("her", "PRON", "PRP$") == "her");
    CHECK(lemma("Sept.", "PROPN", "NNP") == "September");
    CHECK(lemma("m", "NUM", "CD") == "million");
    CHECK(lemma("1,000", "NUM", "CD") == "1000");
    CHECK(lemma("\u201C", "PUNCT", "``") == "\"");
}

TEST_CASE("nlp lemmatizer: case is kept for names, lowered for the rest", "[nlp][lemmatizer]") {
    CHECK(lemma("Obama", "PROPN", "NNP") == "Obama");
    CHECK(lemma("Americans", "PROPN", "NNPS") == "American");
    CHECK(lemma("New", "ADJ", "NNP") == "New");
    CHECK(lemma("Iraqi", "ADJ", "JJ") == "Iraqi");
    CHECK(lemma("Great", "ADJ", "JJ") == "great");
    CHECK(lemma("The", "DET", "DT") == "the");
    CHECK(lemma("Said", "VERB", "VBD") == "say");
}

TEST_CASE("nlp lemmatizer: a missing WordNet file is named", "[nlp][lemmatizer]") {
    const TempDir dir;
    for (const char* name :
         {"index.noun", "index.verb", "index.adj", "noun.exc", "verb.exc", "adj.exc", "adv.exc"})
        fs::copy_file(fs::path(kWordNetDir) / name, dir.path() / name);
    CHECK_THROWS_WITH(Lemmatizer(dir.path().string()),
                      Catch::Contains((dir.path() / "index.adv").string()));
}

TEST_CASE("nlp lemmatizer: accuracy on UD English EWT with gold tags", "[nlp][lemmatizer][ewt]") {
    const std::string path =
        NEWSGRAPH_SOURCE_DIR "/../shared/corpus/ud-english-ewt/en_ewt-ud-dev.conllu";
    if (!fs::exists(path)) {
        WARN("skipped: no treebank at " << path);
        return;
    }
    std::ifstream in(path);
    std::size_t words = 0, right = 0;
    for (const ParsedSentence& s : read_conllu(in, path)) {
        for (const Word& w : s.words) {
            ++words;
            right += lemma(w.form, w.upos, w.xpos) == w.lemma;
        }
    }
    const double accuracy = static_cast<double>(right) / static_cast<double>(words);
    CHECK(accuracy > 0.98);  // measured 0.9849
}
