// Speed and memory of the NLP stage on one core: the Analyzer (tagging, lemmas, parsing) over
// every sentence of a corpus, timed without reading or splitting the text.
//   build/bench/nlp_speed [--data DIR] [--models DIR] [--wordnet DIR] [--runs N] INPUT...
// INPUT is read as `newsgraph build` reads it (text files, JSON Lines, folders), segmented
// and split into UD words first; then Analyzer::annotate runs over copies of all the
// sentences, N times (default 3). Prints the words, the median time and words per second,
// and the peak resident memory of the process after loading the models (before the corpus
// is read), with what it was before loading them. bench/nlp.py runs it on the BBC corpus.
// The CPU time of the annotating thread is printed beside the wall-clock time: on a shared
// machine it is the steadier of the two (it leaves out the time other processes had the core,
// though not what they did to the caches).
#include <sys/resource.h>
#include <time.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <exception>
#include <string>
#include <vector>

#include "src/ingest/reader.hpp"
#include "src/ingest/segmenter.hpp"
#include "src/nlp/analyzer.hpp"
#include "src/nlp/words.hpp"

namespace {

double peak_rss_mb() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return static_cast<double>(usage.ru_maxrss) / 1024.0;  // kilobytes on Linux
}

double thread_cpu_seconds() {
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) * 1e-9;
}

int run(int argc, char** argv) {
    std::string data = NEWSGRAPH_DATA_DIR, models, wordnet = newsgraph::nlp::kDefaultWordNetDir;
    int runs = 3;
    std::vector<std::string> inputs;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        const bool has_value = i + 1 < argc;
        if (a == "--data" && has_value)
            data = argv[++i];
        else if (a == "--models" && has_value)
            models = argv[++i];
        else if (a == "--wordnet" && has_value)
            wordnet = argv[++i];
        else if (a == "--runs" && has_value)
            runs = std::max(1, std::stoi(argv[++i]));
        else if (!a.empty() && a[0] == '-') {
            std::fprintf(stderr,
                         "usage: nlp_speed [--data DIR] [--models DIR] [--wordnet DIR] [--runs N] "
                         "INPUT...\n");
            return 2;
        } else
            inputs.push_back(a);
    }
    if (inputs.empty()) {
        std::fprintf(stderr, "nlp_speed: no input\n");
        return 2;
    }
    if (models.empty()) models = data + "/models";

    const double rss_before = peak_rss_mb();
    const newsgraph::nlp::Analyzer analyzer(models, wordnet);
    const double rss_loaded = peak_rss_mb();

    const newsgraph::IngestRules rules = newsgraph::load_ingest_rules(data);
    const newsgraph::ReadResult read = newsgraph::read_inputs(inputs, {});
    std::vector<newsgraph::nlp::ParsedSentence> sentences;
    std::size_t words = 0;
    for (const newsgraph::Document& doc : read.documents)
        for (const newsgraph::Sentence& s : newsgraph::segment(doc, rules)) {
            sentences.push_back(newsgraph::nlp::to_words(doc, s, &rules));
            words += sentences.back().words.size();
        }

    std::vector<double> seconds, cpu_seconds;
    for (int r = 0; r < runs; ++r) {
        std::vector<newsgraph::nlp::ParsedSentence> copy = sentences;
        const auto start = std::chrono::steady_clock::now();
        const double cpu_start = thread_cpu_seconds();
        for (newsgraph::nlp::ParsedSentence& s : copy) analyzer.annotate(s);
        cpu_seconds.push_back(thread_cpu_seconds() - cpu_start);
        seconds.push_back(
            std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
    }
    std::sort(seconds.begin(), seconds.end());
    std::sort(cpu_seconds.begin(), cpu_seconds.end());
    const double median = seconds[seconds.size() / 2];
    const double cpu_median = cpu_seconds[cpu_seconds.size() / 2];
    std::printf("articles        %zu\n", read.documents.size());
    std::printf("sentences       %zu\n", sentences.size());
    std::printf("words           %zu\n", words);
    std::printf("seconds         %.3f (median of %d)\n", median, runs);
    std::printf("words/s         %.0f\n", static_cast<double>(words) / median);
    std::printf("CPU seconds     %.3f (median of %d)\n", cpu_median, runs);
    std::printf("words/CPU-s     %.0f\n", static_cast<double>(words) / cpu_median);
    std::printf("peak RSS MB     %.1f after loading the models (%.1f before)\n", rss_loaded,
                rss_before);
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    try {
        return run(argc, argv);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "nlp_speed: %s\n", e.what());
        return 1;
    }
}
