#include "src/cli/corpus.hpp"

#ifdef __GLIBC__
#include <malloc.h>
#endif

#include <algorithm>
#include <condition_variable>
#include <deque>
#include <exception>
#include <functional>
#include <future>
#include <map>
#include <mutex>
#include <ostream>
#include <set>
#include <string_view>
#include <thread>
#include <unordered_map>
#include <utility>

#include "export/sha256.hpp"
#include "src/cli/data_dir.hpp"

namespace newsgraph {

namespace {

// Extraction of the articles of `plan` on `jobs` threads, handed to `consume` on the calling
// thread in input order, so that what is built from them does not depend on `jobs`. One
// thread reads the articles into a bounded window: at most `window` are read and not yet
// consumed (queued, being extracted, or extracted and waiting for an earlier one), so memory
// holds a few articles and their parses, not the corpus.
class ParallelExtraction {
  public:
    using Consume = std::function<void(Document&&, ExtractedDocument&&)>;
    using Admit = std::function<bool(Document&)>;

    ParallelExtraction(const Extractor& extractor, const nlp::Analyzer& analyzer, std::size_t jobs)
        : extractor_(extractor), analyzer_(analyzer), jobs_(jobs), window_(4 * jobs) {}

    // Returns the problems stream_inputs() found that the plan had not.
    std::vector<InputProblem> run(const std::vector<std::string>& inputs,
                                  const ReadOptions& options, const InputPlan& plan,
                                  const Admit& admit, const Consume& consume) {
        std::vector<std::thread> threads;
        // Whatever ends the run (an exception here or on a thread), the threads are stopped
        // and joined before the members they use go away.
        struct Joiner {
            ParallelExtraction& self;
            std::vector<std::thread>& threads;
            ~Joiner() {
                self.stop();
                for (std::thread& t : threads) t.join();
            }
        } joiner{*this, threads};
        threads.emplace_back(
            [this, &inputs, &options, &plan, &admit] { read(inputs, options, plan, admit); });
        for (std::size_t i = 0; i < jobs_; ++i) threads.emplace_back([this] { extract(); });
        for (;;) {
            std::unique_lock lock(mutex_);
            extracted_.wait(lock, [this] {
                return error_ || done_.contains(consumed_) || (reading_over_ && consumed_ == read_);
            });
            if (error_) std::rethrow_exception(error_);
            if (reading_over_ && consumed_ == read_) break;
            auto node = done_.extract(consumed_);
            lock.unlock();
            consume(std::move(node.mapped().first), std::move(node.mapped().second));
            lock.lock();
            ++consumed_;
            space_.notify_one();
        }
        std::lock_guard lock(mutex_);
        return std::move(new_problems_);
    }

  private:
    struct Stopped {};

    void read(const std::vector<std::string>& inputs, const ReadOptions& options,
              const InputPlan& plan, const Admit& admit) {
        try {
            std::vector<InputProblem> problems =
                stream_inputs(inputs, options, plan, [this, &admit](Document&& document) {
                    if (!admit(document)) return;
                    std::unique_lock lock(mutex_);
                    space_.wait(lock, [this] { return stopped_ || read_ - consumed_ < window_; });
                    if (stopped_) throw Stopped{};
                    queue_.emplace_back(read_++, std::move(document));
                    work_.notify_one();
                });
            std::lock_guard lock(mutex_);
            new_problems_ = std::move(problems);
        } catch (const Stopped&) {
        } catch (...) {
            fail(std::current_exception());
        }
        std::lock_guard lock(mutex_);
        reading_over_ = true;
        work_.notify_all();
        extracted_.notify_all();
    }

    void extract() {
        for (;;) {
            std::unique_lock lock(mutex_);
            work_.wait(lock, [this] { return stopped_ || !queue_.empty() || reading_over_; });
            if (stopped_ || queue_.empty()) return;
            auto [index, document] = std::move(queue_.front());
            queue_.pop_front();
            lock.unlock();
            std::optional<ExtractedDocument> extracted;
            try {
                extracted = extractor_.extract_with_mentions(document, &analyzer_);
            } catch (...) {
                fail(std::current_exception());
                return;
            }
            lock.lock();
            done_.emplace(index, std::make_pair(std::move(document), std::move(*extracted)));
            extracted_.notify_all();
        }
    }

    void fail(std::exception_ptr error) {
        std::lock_guard lock(mutex_);
        if (!error_) error_ = error;
        stopped_ = true;
        work_.notify_all();
        space_.notify_all();
        extracted_.notify_all();
    }

    void stop() {
        std::lock_guard lock(mutex_);
        stopped_ = true;
        work_.notify_all();
        space_.notify_all();
    }

    const Extractor& extractor_;
    const nlp::Analyzer& analyzer_;
    const std::size_t jobs_;
    const std::size_t window_;

    std::mutex mutex_;
    std::condition_variable space_;                       // the reader waits for room in the window
    std::condition_variable work_;                        // extractors wait for an article
    std::condition_variable extracted_;                   // the consumer waits for the next article
    std::deque<std::pair<std::size_t, Document>> queue_;  // read
    std::map<std::size_t, std::pair<Document, ExtractedDocument>> done_;  // extracted
    std::size_t read_ = 0, consumed_ = 0;
    bool reading_over_ = false, stopped_ = false;
    std::exception_ptr error_;
    std::vector<InputProblem> new_problems_;
};

void report_problems(const std::vector<InputProblem>& problems, std::ostream& err) {
    for (const auto& p : problems) err << "newsgraph: " << p.where << ": " << p.message << '\n';
    const auto warnings = static_cast<std::size_t>(std::count_if(
        problems.begin(), problems.end(), [](const InputProblem& p) { return p.warning; }));
    if (warnings)
        err << "newsgraph: " << warnings << (warnings == 1 ? " warning" : " warnings")
            << " (inputs repaired or left out, named above; not an error)\n";
}

}  // namespace

std::optional<Corpus> read_corpus(const BuildOptions& options, std::istream& in, std::ostream& err,
                                  Progress& progress, const ArticleSelection& selection,
                                  const ExtractionSink& sink) {
    std::string data_dir;
    try {
        data_dir = find_data_dir(options.data_dir);
    } catch (const std::exception& e) {
        err << "newsgraph: " << e.what() << '\n';
        return std::nullopt;
    }
    const std::string models_dir = models_folder(options, data_dir);
    progress.step("loading the models");
    // The word lists, the tagger and parser, and the mention tagger load at once when there
    // are cores for it: a few tenths of a second each, before any article can be read, so
    // time no number of jobs would win back later.
    const auto launch = job_count(options) > 1 ? std::launch::async : std::launch::deferred;
    auto extractor_loaded = std::async(launch, [&] { return Extractor(data_dir); });
    auto analyzer_loaded =
        std::async(launch, [&] { return nlp::Analyzer(models_dir, nlp::kDefaultWordNetDir); });
    auto mentions_loaded =
        std::async(launch, [&] { return MentionTagger::load(models_dir + "/mentions.model"); });
    std::optional<Extractor> extractor;
    std::optional<nlp::Analyzer> analyzer;
    try {  // the first error in that order: a word list's, then a model's (naming the file)
        extractor.emplace(extractor_loaded.get());
        analyzer.emplace(analyzer_loaded.get());
        extractor->use_mention_tagger(mentions_loaded.get());
        extractor->parse_every_relating_sentence(options.show_parse);
    } catch (const std::exception& e) {
        progress.clear();
        err << "newsgraph: " << e.what() << '\n';
        return std::nullopt;
    }
    progress.clear();

    // Read twice: once for the documents' ids and the problems, which are reported at once,
    // then one article at a time as extraction takes them. Of several processes sharing the
    // articles, the first reports what every one of them finds.
    const bool reporter = selection.share == 0;
    progress.step("reading the inputs");
    ReadOptions read_options;
    read_options.max_file_bytes = options.max_file_bytes;
    read_options.standard_input = &in;
    const InputPlan plan = plan_inputs(options.inputs, read_options);
    progress.clear();
    if (reporter) report_problems(plan.problems, err);
    if (plan.ids.empty()) {
        if (reporter) err << "newsgraph: no article could be read\n";
        return std::nullopt;
    }
    const auto warnings =
        static_cast<std::size_t>(std::count_if(plan.problems.begin(), plan.problems.end(),
                                               [](const InputProblem& p) { return p.warning; }));

    Corpus corpus{KnowledgeGraph(options.evidence_cap), {}, 0, 0, 0, 0};
    if (reporter) corpus.problems = plan.problems.size() - warnings, corpus.warnings = warnings;

    // This process's share of the articles: a block of the plan's order, the same in every
    // process since every one reads the same plan.
    const std::size_t n = plan.ids.size();
    const std::size_t first = n * selection.share / selection.shares;
    const std::size_t last = n * (selection.share + 1) / selection.shares;
    std::unordered_map<std::string_view, std::size_t> plan_index;
    if (selection.shares > 1)
        for (std::size_t i = 0; i < n; ++i) plan_index.emplace(plan.ids[i], i);
    std::set<std::string_view> present_ids;
    std::map<std::string_view, std::string_view> present_texts;  // content hash -> id
    if (selection.existing)
        for (const DocumentInfo& d : selection.existing->documents()) {
            present_ids.insert(d.id);
            present_texts.emplace(d.content_hash, d.id);
        }
    std::vector<std::string> skipped;  // reported after the run (admit runs on the reader)
    auto admit = [&](Document& doc) {
        if (selection.shares > 1) {
            const std::size_t index = plan_index.at(doc.info.id);
            if (index < first || index >= last) return false;
        }
        doc.info.content_hash = sha256_hex(doc.text);
        if (present_ids.contains(doc.info.id)) {
            skipped.push_back(doc.origin + ": article \"" + doc.info.id +
                              "\" is already in the graph (same id): skipped");
            return false;
        }
        if (auto same = present_texts.find(doc.info.content_hash); same != present_texts.end()) {
            skipped.push_back(doc.origin + ": article \"" + doc.info.id +
                              "\" is already in the graph as \"" + std::string(same->second) +
                              "\" (same text): skipped");
            return false;
        }
        return true;
    };

    std::size_t sentences_cut = 0;
    progress.start(last - first);
    auto consume = [&](Document&& doc, ExtractedDocument&& extracted) {
        sentences_cut += extracted.parsed.sentences_cut;
        if (sink) sink(doc, extracted);
        corpus.graph.merge(extracted.graph);
        progress.articles_done(++corpus.articles);
    };
    const std::size_t jobs = job_count(options);
    std::vector<InputProblem> changed;
    if (jobs == 1) {
        changed = stream_inputs(options.inputs, read_options, plan, [&](Document&& doc) {
            if (!admit(doc)) return;
            ExtractedDocument extracted = extractor->extract_with_mentions(doc, &*analyzer);
            consume(std::move(doc), std::move(extracted));
        });
    } else {
        ParallelExtraction parallel(*extractor, *analyzer, jobs);
        changed = parallel.run(options.inputs, read_options, plan, admit, consume);
    }
    progress.clear();
    if (!changed.empty() && reporter) {
        report_problems(changed, err);
        corpus.problems += changed.size();
    }
    for (const std::string& message : skipped) err << "newsgraph: " << message << '\n';
    corpus.already_present = skipped.size();
    if (corpus.articles == 0 && !selection.existing && selection.shares == 1) {
        err << "newsgraph: no article could be read\n";
        return std::nullopt;
    }
    report_sentences_cut(sentences_cut, *analyzer, err);
    // The models (180 MB) are not needed past extraction: freed before the snapshot and
    // resolution, which are the run's peak otherwise.
    analyzer.reset();
    extractor.reset();
#ifdef __GLIBC__
    malloc_trim(0);  // and given back to the system, so that what comes next reuses no less
#endif
    return corpus;
}

std::optional<Corpus> build_corpus(const BuildOptions& options, std::istream& in, std::ostream& err,
                                   Progress& progress, const ExtractionSink& sink) {
    std::optional<Corpus> corpus = read_corpus(options, in, err, progress, {}, sink);
    if (!corpus) return corpus;
    progress.step("resolving names across articles");
    corpus->folds = resolve_across_documents(corpus->graph);
    return corpus;
}

std::string models_folder(const BuildOptions& options, const std::string& data_dir) {
    return options.models_dir.empty() ? data_dir + "/models" : options.models_dir;
}

std::optional<nlp::Analyzer> load_analyzer(const BuildOptions& options, const std::string& data_dir,
                                           std::ostream& err) {
    try {
        return nlp::Analyzer(models_folder(options, data_dir), nlp::kDefaultWordNetDir);
    } catch (const std::exception& e) {  // nlp::ModelError; WordNet's files as runtime_error
        err << "newsgraph: " << e.what() << '\n';
        return std::nullopt;
    }
}

ReadResult read_articles(const std::vector<std::string>& inputs, const BuildOptions& options,
                         std::istream& in, std::ostream& err, Progress& progress) {
    progress.step("reading the inputs");
    ReadOptions read_options;
    read_options.max_file_bytes = options.max_file_bytes;
    read_options.standard_input = &in;
    ReadResult input = read_inputs(inputs, read_options);
    progress.clear();
    report_problems(input.problems, err);
    return input;
}

std::size_t count_skipped(const ReadResult& input) {
    return static_cast<std::size_t>(
        std::count_if(input.problems.begin(), input.problems.end(),
                      [](const InputProblem& problem) { return !problem.warning; }));
}

void report_sentences_cut(std::size_t count, const nlp::Analyzer& analyzer, std::ostream& err) {
    if (count == 0) return;
    err << "newsgraph: " << count << (count == 1 ? " sentence" : " sentences") << " longer than "
        << analyzer.limits().max_parse_words << " words " << (count == 1 ? "was" : "were")
        << " parsed in pieces\n";
}

}  // namespace newsgraph
