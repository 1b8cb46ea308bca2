// A run's outputs as one set: staged beside their places and published together with a
// manifest.json naming them, one run at a time per folder (the output lock), and what dead
// runs left behind removed. Units first, then end to end through the `newsgraph` binary.
#include <fcntl.h>
#include <rapidjson/document.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <catch2/catch.hpp>
#include <chrono>
#include <csignal>
#include <filesystem>
#include <map>
#include <sstream>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "export/atomic_file.hpp"
#include "export/exporter.hpp"
#include "export/manifest.hpp"
#include "export/output_lock.hpp"
#include "export/output_set.hpp"
#include "export/sha256.hpp"
#include "src/cli/options.hpp"
#include "tests/run_newsgraph.hpp"
#include "tests/temp_dir.hpp"

namespace fs = std::filesystem;
using namespace newsgraph;
using newsgraph::testing::read_file;
using newsgraph::testing::run_newsgraph;
using newsgraph::testing::RunOptions;
using newsgraph::testing::RunResult;
using newsgraph::testing::TempDir;

namespace {

// Writes fixed text under a fixed name, or gives up half-way: a stand-in for any format.
class TextExporter : public Exporter {
  public:
    TextExporter(std::string name, std::string text, bool fails = false)
        : name_(std::move(name)), text_(std::move(text)), fails_(fails) {}
    std::string_view format() const override { return "text"; }
    std::string_view file_name() const override { return name_; }
    void write(const KnowledgeGraph&, const ExportOptions&, std::ostream& out) const override {
        out << text_;
        if (fails_) throw std::runtime_error("writer gave up");
    }

  private:
    std::string name_, text_;
    bool fails_;
};

// Every regular file under `directory` (relative path -> content), hidden ones too.
std::map<std::string, std::string> snapshot(const fs::path& directory) {
    std::map<std::string, std::string> files;
    for (const auto& entry : fs::recursive_directory_iterator(directory))
        if (entry.is_regular_file())
            files[fs::relative(entry.path(), directory).string()] = read_file(entry.path());
    return files;
}

// Publishes the files of `texts` (name -> content) into `folder` as one run.
void publish_set(const std::string& folder, const std::map<std::string, std::string>& texts) {
    const KnowledgeGraph graph;
    OutputSet outputs(folder);
    for (const auto& [name, text] : texts) outputs.stage(TextExporter(name, text), graph, {});
    outputs.publish({"test", 1, 1});
}

rapidjson::Document parse_manifest(const fs::path& path) {
    rapidjson::Document manifest;
    manifest.Parse(read_file(path).c_str());
    REQUIRE_FALSE(manifest.HasParseError());
    return manifest;
}

// manifest.json's files: path -> {bytes, sha256}.
std::map<std::string, std::pair<std::uint64_t, std::string>> manifest_files(const fs::path& path) {
    const rapidjson::Document manifest = parse_manifest(path);
    std::map<std::string, std::pair<std::uint64_t, std::string>> files;
    for (const auto& file : manifest["files"].GetArray())
        files[file["path"].GetString()] = {file["bytes"].GetUint64(), file["sha256"].GetString()};
    return files;
}

// A process holding `folder`'s output lock until release() or its end; killed if still alive.
class LockHolder {
  public:
    explicit LockHolder(const std::string& folder) {
        // Close-on-exec: a newsgraph started meanwhile must not keep the pipe to it open.
        int ready[2], go[2];
        REQUIRE(::pipe2(ready, O_CLOEXEC) == 0);
        REQUIRE(::pipe2(go, O_CLOEXEC) == 0);
        pid_ = ::fork();
        REQUIRE(pid_ >= 0);
        if (pid_ == 0) {
            ::close(ready[0]);
            ::close(go[1]);
            try {
                const OutputLock lock(folder, false);
                char byte = 'r';
                if (::write(ready[1], &byte, 1) != 1) ::_exit(3);
                while (::read(go[0], &byte, 1) < 0 && errno == EINTR) {
                }
            } catch (...) {
                ::_exit(2);
            }
            ::_exit(0);
        }
        ::close(ready[1]);
        ::close(go[0]);
        release_fd_ = go[1];
        char byte = 0;
        REQUIRE(::read(ready[0], &byte, 1) == 1);  // locked by now
        ::close(ready[0]);
    }
    ~LockHolder() {
        if (pid_ <= 0) return;
        ::kill(pid_, SIGKILL);
        end();
    }
    LockHolder(const LockHolder&) = delete;
    LockHolder& operator=(const LockHolder&) = delete;

    pid_t pid() const { return pid_; }
    // Lets the holder end, releasing the lock; does not wait for it.
    void release() {
        if (release_fd_ >= 0) ::close(release_fd_);
        release_fd_ = -1;
    }
    // Waits for the holder's end; its exit status.
    int end() {
        release();
        int status = 0;
        while (::waitpid(pid_, &status, 0) < 0 && errno == EINTR) {
        }
        pid_ = -1;
        return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    }

  private:
    pid_t pid_ = -1;
    int release_fd_ = -1;
};

// A pid no process has (until it is recycled): that of a child that has ended.
pid_t dead_pid() {
    const pid_t child = ::fork();
    if (child == 0) ::_exit(0);
    REQUIRE(child > 0);
    ::waitpid(child, nullptr, 0);
    return child;
}

const std::string kArticle =
    "German Chancellor Olaf Scholz met French President Emmanuel Macron in Paris.\n";

}  // namespace

// --- units -----------------------------------------------------------------------------------

TEST_CASE("SHA-256 gives the FIPS 180-4 digests", "[output][sha256]") {
    CHECK(sha256_hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    CHECK(sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    CHECK(sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
          "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    // A million bytes fed in uneven pieces: blocks split across update() calls.
    Sha256 hash;
    const std::string piece(997, 'a');
    std::size_t fed = 0;
    for (; fed + piece.size() <= 1000000; fed += piece.size()) hash.update(piece);
    hash.update(std::string(1000000 - fed, 'a'));
    CHECK(hash.hex_digest() == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

TEST_CASE("SHA-256 with the CPU's SHA instructions gives the portable code's digests",
          "[output][sha256]") {
    // Where the CPU has no SHA instructions both are the portable code, and this passes
    // trivially; the FIPS vectors above check whichever runs.
    std::string text;
    std::uint32_t x = 12345;
    for (int i = 0; i < 5000; ++i) {
        x = x * 1103515245u + 12345u;
        text += static_cast<char>(x >> 24);
    }
    for (const std::size_t length : {0, 1, 55, 56, 63, 64, 65, 127, 128, 129, 1000, 4999, 5000}) {
        Sha256 fast, portable(Sha256::Portable{});
        fast.update(text.data(), length);
        portable.update(text.data(), length);
        INFO(length);
        CHECK(fast.hex_digest() == portable.hex_digest());
    }
}

TEST_CASE("the manifest's run id is a digest of the files, so equal sets have equal manifests",
          "[output][manifest]") {
    const std::vector<ManifestEntry> files = {{"graph.graphml", 3, sha256_hex("one")},
                                              {"neo4j/nodes.csv", 3, sha256_hex("two")}};
    std::ostringstream first, second;
    write_manifest(first, files, {"1.2.3", 2, 7});
    write_manifest(second, files, {"1.2.3", 2, 7});
    CHECK(first.str() == second.str());
    rapidjson::Document manifest;
    manifest.Parse(first.str().c_str());
    REQUIRE_FALSE(manifest.HasParseError());
    CHECK(manifest["run_id"].GetString() == manifest_run_id(files));
    CHECK(manifest["newsgraph_version"].GetString() == std::string("1.2.3"));
    CHECK(manifest["inputs"].GetUint64() == 2);
    CHECK(manifest["articles"].GetUint64() == 7);
    REQUIRE(manifest["files"].Size() == 2);
    CHECK(manifest["files"][1]["path"].GetString() == std::string("neo4j/nodes.csv"));
    CHECK(manifest["files"][1]["bytes"].GetUint64() == 3);
    CHECK(manifest["files"][1]["sha256"].GetString() == sha256_hex("two"));
    // `sha256sum` of the listing: the id can be checked with standard tools.
    CHECK(manifest_run_id(files) == sha256_hex(sha256_hex("one") + "  graph.graphml\n" +
                                               sha256_hex("two") + "  neo4j/nodes.csv\n"));
    std::vector<ManifestEntry> changed = files;
    changed[0].sha256 = sha256_hex("One");
    CHECK(manifest_run_id(changed) != manifest_run_id(files));
}

TEST_CASE("an output set puts nothing in place until published, then all with their manifest",
          "[output][set]") {
    TempDir dir;
    const std::string folder = dir / "out";
    publish_set(folder, {{"a.txt", "old a"}, {"sub/b.txt", "old b"}});
    const std::map<std::string, std::string> before = snapshot(folder);

    const KnowledgeGraph graph;
    OutputSet outputs(folder);
    outputs.stage(TextExporter("a.txt", "new a"), graph, {});
    outputs.stage(TextExporter("sub/b.txt", "new b, longer"), graph, {});
    CHECK(outputs.staged_paths() ==
          std::vector<std::string>{folder + "/a.txt", folder + "/sub/b.txt"});
    // Staged: complete and synced, but beside their places, as hidden temporary files.
    std::map<std::string, std::string> staged = snapshot(folder);
    for (const auto& [name, content] : before) CHECK(staged.at(name) == content);
    CHECK(staged.size() == before.size() + 2);

    CHECK(outputs.publish({"test", 1, 1}) == folder + "/manifest.json");
    const std::map<std::string, std::string> after = snapshot(folder);
    CHECK(after ==
          std::map<std::string, std::string>{{"a.txt", "new a"},
                                             {"sub/b.txt", "new b, longer"},
                                             {"manifest.json", after.at("manifest.json")}});
    const auto listed = manifest_files(fs::path(folder) / "manifest.json");
    CHECK(listed == std::map<std::string, std::pair<std::uint64_t, std::string>>{
                        {"a.txt", {5, sha256_hex("new a")}},
                        {"sub/b.txt", {13, sha256_hex("new b, longer")}}});
}

// Stands in for a Graphviz writer: counts how many run at once.
class DrawingExporter : public TextExporter {
  public:
    using TextExporter::TextExporter;
    bool uses_graphviz() const override { return true; }
    void write(const KnowledgeGraph& graph, const ExportOptions& options,
               std::ostream& out) const override {
        const int running = ++drawing_now;
        most_at_once = std::max(most_at_once.load(), running);
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
        --drawing_now;
        TextExporter::write(graph, options, out);
    }
    static inline std::atomic<int> drawing_now{0}, most_at_once{0};
};

TEST_CASE("files written at once join the set in the writers' order, drawings one at a time",
          "[output][set]") {
    for (const std::size_t jobs : {1, 2, 4}) {
        INFO("jobs " << jobs);
        TempDir dir;
        const std::string folder = dir / "out";
        const KnowledgeGraph graph;
        const TextExporter a("a.txt", "a"), b("sub/b.txt", "b"), bad("c.txt", "c", true);
        const DrawingExporter d("d.svg", "d"), e("e.png", "e"), f("f.pdf", "f");
        const std::vector<const Exporter*> writers = {&a, &d, &bad, &e, &b, &f};
        DrawingExporter::most_at_once = 0;
        OutputSet outputs(folder);
        const std::vector<std::string> errors = outputs.stage_all(writers, graph, {}, jobs);
        REQUIRE(errors.size() == writers.size());
        for (std::size_t i = 0; i < errors.size(); ++i)
            CHECK(errors[i].empty() == (writers[i] != &bad));
        CHECK(errors[2].find(folder + "/c.txt") != std::string::npos);  // names the file
        CHECK(errors[2].find("writer gave up") != std::string::npos);
        CHECK(outputs.staged_paths() ==
              std::vector<std::string>{folder + "/a.txt", folder + "/d.svg", folder + "/e.png",
                                       folder + "/sub/b.txt", folder + "/f.pdf"});
        CHECK(DrawingExporter::most_at_once == 1);
        outputs.publish({"test", 1, 1});
        CHECK(read_file(fs::path(folder) / "sub/b.txt") == "b");
        CHECK_FALSE(fs::exists(fs::path(folder) / "c.txt"));
    }
}

TEST_CASE("a file staged by a writer (graph.ngs) is published with the set, or not at all",
          "[output][set]") {
    TempDir dir;
    const std::string folder = dir / "out";
    const std::string big(200000, 'x');  // larger than any buffer on the way
    fs::create_directories(folder);
    {
        OutputSet outputs(folder);
        outputs.stage_written("graph.ngs", [&](std::ostream& out) { out << big << "end"; });
        CHECK(outputs.staged_paths() == std::vector<std::string>{folder + "/graph.ngs"});
        CHECK_FALSE(fs::exists(fs::path(folder) / "graph.ngs"));
        outputs.publish({"test", 1, 1});
    }
    CHECK(read_file(fs::path(folder) / "graph.ngs") == big + "end");
    CHECK(manifest_files(fs::path(folder) / "manifest.json").at("graph.ngs") ==
          std::pair<std::uint64_t, std::string>{big.size() + 3, sha256_hex(big + "end")});

    // A writer that fails leaves no file behind, staged or in place.
    const std::map<std::string, std::string> before = snapshot(folder);
    {
        OutputSet outputs(folder);
        CHECK_THROWS(outputs.stage_written("graph.ngs", [](std::ostream& out) {
            out << "half";
            throw std::runtime_error("writer gave up");
        }));
    }
    CHECK(snapshot(folder) == before);
}

TEST_CASE("a run that fails after writing some files leaves the previous set intact and complete",
          "[output][set]") {
    TempDir dir;
    const std::string folder = dir / "out";
    publish_set(folder, {{"a.txt", "old a"}, {"b.txt", "old b"}, {"c.txt", "old c"}});
    const std::map<std::string, std::string> before = snapshot(folder);
    const KnowledgeGraph graph;

    SECTION("a writer gives up after others were written") {
        OutputSet outputs(folder);
        outputs.stage(TextExporter("a.txt", "new a"), graph, {});
        outputs.stage(TextExporter("b.txt", "new b"), graph, {});
        CHECK_THROWS_WITH(outputs.stage(TextExporter("c.txt", "half", true), graph, {}),
                          Catch::Contains(folder + "/c.txt: writer gave up"));
        // The caller does not publish a set with a file missing.
    }
    SECTION("a folder stands where one file goes: found before any rename") {
        OutputSet outputs(folder);
        outputs.stage(TextExporter("a.txt", "new a"), graph, {});
        outputs.stage(TextExporter("d.txt", "new d"), graph, {});
        fs::create_directories(fs::path(folder) / "d.txt");
        CHECK_THROWS_WITH(outputs.publish({"test", 1, 1}),
                          Catch::Contains(folder + "/d.txt") &&
                              Catch::Contains("cannot rename the temporary file into place"));
        CHECK(outputs.renamed() == 0);
        fs::remove(fs::path(folder) / "d.txt");
    }
    CHECK(snapshot(folder) == before);
}

TEST_CASE("an output set removes the temporary files dead runs left for any export",
          "[output][set]") {
    TempDir dir;
    const std::string dead = std::to_string(dead_pid()), alive = std::to_string(::getppid());
    const std::vector<std::string> left = {
        ".graph.pdf.tmp-" + dead + "-0", "neo4j/.nodes.csv.tmp-" + dead + "-4",
        ".manifest.json.tmp-" + dead + "-9", ".report.html.tmp-" + alive + "-1",
        ".notes.txt.tmp-" + dead + "-0"};
    for (const std::string& name : left) dir.write("out/" + name, "left by a run");
    const OutputSet outputs(dir / "out");
    std::vector<std::string> kept;
    for (const std::string& name : left)
        if (fs::exists(dir.path() / "out" / name)) kept.push_back(name);
    // A live run's file and a file no format writes stay.
    CHECK(kept == std::vector<std::string>{".report.html.tmp-" + alive + "-1",
                                           ".notes.txt.tmp-" + dead + "-0"});
}

TEST_CASE("the output lock admits one process, names the holder, and waits when asked",
          "[output][lock]") {
    TempDir dir;
    const std::string folder = dir / "out";
    fs::create_directories(folder);
    LockHolder holder(folder);

    SECTION("without --wait: refused, naming the holder's pid") {
        try {
            const OutputLock second(folder, false);
            FAIL("locked twice");
        } catch (const OutputFolderBusy& busy) {
            CHECK(busy.holder() == holder.pid());
            CHECK_THAT(busy.what(), Catch::Contains("in use by another newsgraph run (pid " +
                                                    std::to_string(holder.pid()) + ")") &&
                                        Catch::Contains("--wait"));
        }
    }
    SECTION("with --wait: told whom it waits for, then has it once released") {
        pid_t waited_for = 0;
        const OutputLock second(folder, true, [&](pid_t pid) {
            waited_for = pid;
            holder.release();
        });
        CHECK(waited_for == holder.pid());
        CHECK(holder.end() == 0);
    }
    SECTION("a holder killed with SIGKILL leaves the folder free") {
        ::kill(holder.pid(), SIGKILL);
        holder.end();
        CHECK_NOTHROW(OutputLock(folder, false));
    }
}

TEST_CASE("the output lock refuses a lock file that is a link", "[output][lock]") {
    TempDir dir;
    dir.write("elsewhere", "not ours");
    fs::create_directories(dir.path() / "out");
    fs::create_symlink(dir / "elsewhere", dir.path() / "out" / kOutputLockFileName);
    CHECK_THROWS_WITH(OutputLock(dir / "out", false), Catch::Contains("cannot lock output folder"));
    CHECK(read_file(dir / "elsewhere") == "not ours");
}

TEST_CASE("the option --wait is one of build, and the help names it", "[output][cli]") {
    CHECK(parse_command_line({"build", "in", "--wait"}).build.wait_for_output);
    CHECK_FALSE(parse_command_line({"build", "in"}).build.wait_for_output);
    CHECK_THROWS_WITH(parse_command_line({"annotate", "in", "--wait"}),
                      Catch::Contains("--wait is an option of build"));
    CHECK_THAT(kUsage, Catch::Contains("--wait") && Catch::Contains("manifest.json"));
}

// --- end to end ------------------------------------------------------------------------------

TEST_CASE("manifest.json lists exactly the files a run wrote, and equal runs write equal manifests",
          "[output][manifest][cli]") {
    TempDir dir;
    dir.write("in/a.txt", kArticle);
    for (const std::string out : {"out", "again"}) {
        const RunResult run =
            run_newsgraph({"build", dir / "in", "-o", dir / out, "-q"}, dir.path());
        INFO(run.err);
        REQUIRE(run.exit_status == 0);
    }
    std::map<std::string, std::pair<std::uint64_t, std::string>> present;
    for (const auto& [name, content] : snapshot(dir.path() / "out"))
        if (name != "manifest.json" && name != kOutputLockFileName)
            present[name] = {content.size(), sha256_hex(content)};
    CHECK(present.size() == export_file_names().size() + 1);  // and graph.ngs, always
    CHECK(present.contains("graph.ngs"));
    CHECK(manifest_files(dir.path() / "out/manifest.json") == present);
    const rapidjson::Document manifest = parse_manifest(dir.path() / "out/manifest.json");
    CHECK(manifest["newsgraph_version"].GetString() == std::string(NEWSGRAPH_VERSION));
    CHECK(manifest["inputs"].GetUint64() == 1);
    CHECK(manifest["articles"].GetUint64() == 1);
    // Nothing in it varies between runs: byte-identical, run id included.
    CHECK(read_file(dir.path() / "again/manifest.json") ==
          read_file(dir.path() / "out/manifest.json"));

    // A run of one format names that one file and graph.ngs: the others in the folder are not
    // of its run.
    const RunResult one =
        run_newsgraph({"build", dir / "in", "-o", dir / "out", "-q", "-f", "graphml"}, dir.path());
    REQUIRE(one.exit_status == 0);
    CHECK(manifest_files(dir.path() / "out/manifest.json") ==
          std::map<std::string, std::pair<std::uint64_t, std::string>>{
              {"graph.ngs", present.at("graph.ngs")},
              {"graph.graphml", present.at("graph.graphml")}});
}

TEST_CASE("a second run into a folder another run holds fails naming it, or waits with --wait",
          "[output][lock][cli]") {
    TempDir dir;
    dir.write("in/a.txt", kArticle);
    fs::create_directories(dir.path() / "out");
    LockHolder holder(dir / "out");

    SECTION("without --wait: exit status 2 at once, nothing written") {
        const RunResult run = run_newsgraph({"build", dir / "in", "-o", dir / "out"}, dir.path());
        CHECK(run.exit_status == 2);
        CHECK_THAT(run.err, Catch::Contains("newsgraph: output folder " + dir / "out" +
                                            " is in use by another newsgraph run (pid " +
                                            std::to_string(holder.pid()) + ")"));
        CHECK_THAT(run.err, Catch::Contains("nothing written"));
        CHECK(run.out.empty());
        CHECK(snapshot(dir.path() / "out") ==
              std::map<std::string, std::string>{{kOutputLockFileName, ""}});
    }
    SECTION("with --wait: says whom it waits for, and writes once the holder ends") {
        RunOptions options;
        bool waited = false;
        options.while_running = [&](pid_t) {
            for (int polls = 0; polls < 60000 && !waited; ++polls) {
                waited =
                    read_file(dir.path() / "stderr.log").find("waiting for") != std::string::npos;
                if (!waited) std::this_thread::sleep_for(std::chrono::milliseconds(1));
            }
            CHECK(snapshot(dir.path() / "out").size() == 1);  // nothing yet but the lock file
            holder.release();
        };
        const RunResult run = run_newsgraph(
            {"build", dir / "in", "-o", dir / "out", "-q", "--wait"}, dir.path(), options);
        INFO(run.err);
        CHECK(waited);
        CHECK(run.exit_status == 0);
        CHECK_THAT(run.err, Catch::Contains("newsgraph: output folder " + dir / "out" +
                                            " is in use by another newsgraph run (pid " +
                                            std::to_string(holder.pid()) + "): waiting for it"));
        CHECK(fs::exists(dir.path() / "out/manifest.json"));
    }
}

TEST_CASE("a run removes what dead runs left in its folder, of every format", "[output][cli]") {
    TempDir dir;
    dir.write("in/a.txt", kArticle);
    const std::string dead = std::to_string(dead_pid());
    dir.write("out/.graph.pdf.tmp-" + dead + "-0", "killed while writing");
    dir.write("out/neo4j/.relationships.csv.tmp-" + dead + "-2", "killed while writing");
    const RunResult run =
        run_newsgraph({"build", dir / "in", "-o", dir / "out", "-q", "-f", "graphml"}, dir.path());
    REQUIRE(run.exit_status == 0);
    CHECK_FALSE(fs::exists(dir.path() / ("out/.graph.pdf.tmp-" + dead + "-0")));
    CHECK_FALSE(fs::exists(dir.path() / ("out/neo4j/.relationships.csv.tmp-" + dead + "-2")));
}
