#include "src/ingest/reader.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string_view>
#include <system_error>
#include <unordered_map>
#include <utility>

#include "rapidjson/document.h"
#include "rapidjson/error/en.h"
#include "src/ingest/text_repair.hpp"

namespace newsgraph {
namespace {

// A text file's headline: its first line that is not blank, without Markdown's heading
// marks, at most 300 bytes (cut at a character boundary).
std::string headline(std::string_view text) {
    while (!text.empty()) {
        const std::size_t end = text.find('\n');
        std::string_view line = text.substr(0, end);
        while (!line.empty() &&
               (line.front() == '#' || line.front() == ' ' || line.front() == '\t'))
            line.remove_prefix(1);
        while (!line.empty() && (line.back() == ' ' || line.back() == '\t' || line.back() == '\r'))
            line.remove_suffix(1);
        if (!line.empty()) {
            std::size_t size = std::min<std::size_t>(line.size(), 300);
            while (size < line.size() && size > 0 &&
                   (static_cast<unsigned char>(line[size]) & 0xC0) == 0x80)
                --size;
            return std::string(line.substr(0, size));
        }
        if (end == std::string_view::npos) break;
        text.remove_prefix(end + 1);
    }
    return "";
}

namespace fs = std::filesystem;

constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";
constexpr std::string_view kStandardInputName = "stdin";
// An article record is a flat object; anything nested deeper is not one, and a line nested
// 200,000 deep must not exhaust the stack (the parser is iterative, this bounds its memory).
constexpr std::size_t kMaxJsonDepth = 64;

// Where a file's bytes came from, and what its documents' ids derive from.
struct Origin {
    std::string where;                 // for messages: the path as the user wrote it, or "stdin"
    std::string stem;                  // the file name without extension
    std::vector<std::string> folders;  // the folders above the file, nearest first
};

// A document before ids are made unique. An id derived from a file name can show more of
// the file's folders ("2024/march/report") until it no longer collides.
struct PendingDocument {
    Document document;
    bool id_from_path = false;
    std::vector<std::string> folders;
    std::string name;  // the id with no folder shown: stem, or "stem:LINE" in JSON Lines
    std::size_t folders_shown = 0;
};

std::string lower_first(std::string text) {
    if (!text.empty() && text[0] >= 'A' && text[0] <= 'Z') {
        text[0] = static_cast<char>(text[0] - 'A' + 'a');
    }
    return text;
}

std::string describe(std::error_code error) {
    return lower_first(error.message());
}

std::string describe_size(std::size_t bytes) {
    constexpr std::size_t kKiB = 1024, kMiB = kKiB * 1024, kGiB = kMiB * 1024;
    if (bytes >= kGiB && bytes % kGiB == 0) return std::to_string(bytes / kGiB) + " GiB";
    if (bytes >= kMiB && bytes % kMiB == 0) return std::to_string(bytes / kMiB) + " MiB";
    if (bytes >= kKiB && bytes % kKiB == 0) return std::to_string(bytes / kKiB) + " KiB";
    return std::to_string(bytes) + " bytes";
}

bool is_json_lines(const fs::path& path) {
    return lower_ascii(path.extension().string()) == ".jsonl";
}

// Only these are read from a directory; a file named explicitly is read whatever its name.
bool is_article_file(const fs::path& path) {
    const std::string extension = lower_ascii(path.extension().string());
    return extension == ".txt" || extension == ".md" || extension == ".jsonl";
}

// A folder's README, LICENSE and COPYING files describe the folder; they are no articles
// (the BBC corpus's README.TXT became one, its authors people of the news).
bool is_folder_notice(const fs::path& path) {
    const std::string stem = lower_ascii(path.stem().string());
    return stem == "readme" || stem == "license" || stem == "licence" || stem == "copying";
}

Origin origin_of(const fs::path& path) {
    Origin origin{path.string(), path.stem().string(), {}};
    const fs::path folder = fs::absolute(path).lexically_normal().parent_path();
    for (const fs::path& part : folder.relative_path()) origin.folders.push_back(part.string());
    std::reverse(origin.folders.begin(), origin.folders.end());
    return origin;
}

// The value of an object's member, or null when it has none. (Comparing rapidjson's member
// iterators is ambiguous in C++20.)
const rapidjson::Value* member_value(const rapidjson::Value& object, const char* name) {
    return object.HasMember(name) ? &object[name] : nullptr;
}

// A JSON string's text, valid UTF-8 like every other text: RapidJSON decodes an escaped lone
// low surrogate (backslash, u, DC00 to DFFF) into the bytes of a surrogate, which are not
// UTF-8 (found by fuzz/fuzz_jsonl.cpp). It becomes U+FFFD, as in the file's own bytes.
std::string json_text(const rapidjson::Value& value) {
    return normalize_text(repair_utf8({value.GetString(), value.GetStringLength()}, nullptr));
}

// Whether a JSON text nests arrays and objects deeper than `limit`, counted outside strings.
bool nested_deeper_than(std::string_view json, std::size_t limit) {
    std::size_t depth = 0;
    bool in_string = false, escaped = false;
    for (const char c : json) {
        if (in_string) {
            if (escaped) {
                escaped = false;
            } else if (c == '\\') {
                escaped = true;
            } else if (c == '"') {
                in_string = false;
            }
        } else if (c == '"') {
            in_string = true;
        } else if (c == '[' || c == '{') {
            if (++depth > limit) return true;
        } else if ((c == ']' || c == '}') && depth > 0) {
            --depth;
        }
    }
    return false;
}

// What a file that is not a regular file is, for the message that skips it.
std::string kind_of_special_file(mode_t mode) {
    if (S_ISFIFO(mode)) return "a named pipe";
    if (S_ISSOCK(mode)) return "a socket";
    if (S_ISCHR(mode)) return "a character device";
    if (S_ISBLK(mode)) return "a block device";
    if (S_ISDIR(mode)) return "a directory";
    return "a special file";
}

// Opens a file for reading only if it is a regular file. A named pipe would block open()
// until a writer came, and a device can read forever: O_NONBLOCK makes open() return at
// once, fstat() on the opened descriptor then judges the very file that was opened.
std::unique_ptr<std::FILE, int (*)(std::FILE*)> open_regular_file(const fs::path& path,
                                                                  std::string& problem) {
    std::unique_ptr<std::FILE, int (*)(std::FILE*)> file(nullptr, &std::fclose);
    const int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
    if (fd < 0) {
        problem = "cannot open file: " + describe({errno, std::generic_category()});
        return file;
    }
    struct stat info {};
    if (::fstat(fd, &info) != 0 || !S_ISREG(info.st_mode)) {
        problem = "not a regular file (" + kind_of_special_file(info.st_mode) + "), skipped";
        ::close(fd);
        return file;
    }
    file.reset(::fdopen(fd, "rb"));
    if (!file) {
        problem = "cannot open file: " + describe({errno, std::generic_category()});
        ::close(fd);
    }
    return file;
}

unsigned digits_value(std::string_view text) {
    unsigned value = 0;
    for (const char c : text) value = value * 10 + static_cast<unsigned>(c - '0');
    return value;
}

// Whether `date` is an ISO 8601 calendar date that exists (YYYY-MM-DD, alone or followed by a
// time): exports declare their dates as such (GEXF timeformat="date"), so "2024-13-45" must
// not reach them.
bool is_calendar_date(std::string_view date) {
    if (date.size() < 10 || (date.size() > 10 && date[10] != 'T' && date[10] != ' ')) {
        return false;
    }
    for (std::size_t i = 0; i < 10; ++i) {
        const bool dash = i == 4 || i == 7;
        if (dash ? date[i] != '-' : (date[i] < '0' || date[i] > '9')) return false;
    }
    const std::chrono::year_month_day day{
        std::chrono::year(static_cast<int>(digits_value(date.substr(0, 4)))),
        std::chrono::month(digits_value(date.substr(5, 2))),
        std::chrono::day(digits_value(date.substr(8, 2)))};
    return day.ok();
}

std::string id_showing_folders(const PendingDocument& pending) {
    std::string id;
    for (std::size_t i = pending.folders_shown; i-- > 0;) id += pending.folders[i] + "/";
    return id + pending.name;
}

class InputReader {
  public:
    // Collect: every document kept, with its text (read_inputs). Plan: every document's id
    // and origin kept, nothing else, standard input's bytes kept to be read again
    // (plan_inputs). Stream: each document handed to `emit_` as it is read (stream_inputs).
    enum class Mode { Collect, Plan, Stream };

    explicit InputReader(const ReadOptions& options, Mode mode = Mode::Collect,
                         const std::string* standard_input = nullptr,
                         std::function<void(Document&&)> emit = {})
        : options_(options),
          mode_(mode),
          kept_standard_input_(standard_input),
          emit_(std::move(emit)) {}

    void read(const std::string& input) {
        if (input == "-") {
            read_standard_input();
            return;
        }
        const fs::path path(input);
        std::error_code error;
        const fs::file_status status = fs::status(path, error);
        if (error) {
            report(input, describe(error));
            return;
        }
        if (fs::is_directory(status)) {
            std::vector<fs::path> open_directories;
            read_directory(path, open_directories);
        } else {
            read_file(path);
        }
    }

    ReadResult finish() {
        if (mode_ == Mode::Stream) return std::move(result_);
        make_ids_unique();
        for (PendingDocument& pending : pending_) {
            result_.documents.push_back(std::move(pending.document));
        }
        return std::move(result_);
    }

  private:
    void report(std::string where, std::string message) {
        result_.problems.push_back({std::move(where), std::move(message), false});
    }
    void warn(std::string where, std::string message) {
        result_.problems.push_back({std::move(where), std::move(message), true});
    }

    std::string too_large_message() const {
        return "larger than the limit of " + describe_size(options_.max_file_bytes) +
               ", skipped (raise the limit with --max-file-size)";
    }

    void read_directory(const fs::path& directory, std::vector<fs::path>& open_directories) {
        std::error_code error;
        const fs::path canonical = fs::canonical(directory, error);
        if (error) {
            report(directory.string(), "cannot read directory: " + describe(error));
            return;
        }
        if (std::find(open_directories.begin(), open_directories.end(), canonical) !=
            open_directories.end()) {
            report(directory.string(),
                   "symbolic link loop back to " + canonical.string() + ", skipped");
            return;
        }
        if (!directories_read_.insert(canonical).second) {
            report(directory.string(), "directory already read, skipped");
            return;
        }
        std::vector<fs::directory_entry> entries;
        for (fs::directory_iterator it(directory, error), end; !error && it != end;
             it.increment(error)) {
            entries.push_back(*it);
        }
        if (error) report(directory.string(), "cannot read directory: " + describe(error));
        std::sort(entries.begin(), entries.end());
        open_directories.push_back(canonical);
        for (const fs::directory_entry& entry : entries) {
            const fs::file_status status = entry.status(error);  // follows symbolic links
            if (error) {
                const bool broken_link =
                    entry.is_symlink() && error == std::errc::no_such_file_or_directory;
                report(entry.path().string(),
                       (broken_link ? std::string("broken symbolic link") : describe(error)) +
                           ", skipped");
            } else if (fs::is_directory(status)) {
                read_directory(entry.path(), open_directories);
            } else if (is_article_file(entry.path()) && is_folder_notice(entry.path())) {
                warn(entry.path().string(),
                     "not an article (a folder's README, LICENSE and COPYING files are left "
                     "out; name the file itself to read it)");
            } else if (is_article_file(entry.path())) {
                read_file(entry.path());
            }
        }
        open_directories.pop_back();
    }

    void read_file(const fs::path& path) {
        std::error_code error;
        const fs::path canonical = fs::canonical(path, error);
        if (!error) {
            const auto [first, inserted] = files_read_.emplace(canonical, path.string());
            if (!inserted) {
                report(path.string(), "same file as " + first->second + ", already read; skipped");
                return;
            }
        }
        if (const std::optional<std::string> bytes = load_file(path)) {
            add_input(*bytes, origin_of(path), is_json_lines(path));
        }
    }

    std::optional<std::string> load_file(const fs::path& path) {
        std::error_code error;
        const std::uintmax_t size = fs::file_size(path, error);  // fails for pipes: checked below
        if (!error && size > options_.max_file_bytes) {
            report(path.string(), "file is " + too_large_message());
            return std::nullopt;
        }
        std::string problem;
        const std::unique_ptr<std::FILE, int (*)(std::FILE*)> file =
            open_regular_file(path, problem);
        if (!file) {
            report(path.string(), problem);
            return std::nullopt;
        }
        std::string bytes;
        char buffer[1 << 16];
        std::size_t count = 0;
        while (bytes.size() <= options_.max_file_bytes &&
               (count = std::fread(buffer, 1, sizeof buffer, file.get())) > 0) {
            bytes.append(buffer, count);
        }
        if (std::ferror(file.get())) {
            report(path.string(),
                   "cannot read file: " + describe({errno, std::generic_category()}));
            return std::nullopt;
        }
        if (bytes.size() > options_.max_file_bytes) {
            report(path.string(), "file is " + too_large_message());
            return std::nullopt;
        }
        return bytes;
    }

  public:
    // What plan_inputs() read from standard input, for stream_inputs() to read again.
    std::string take_standard_input() { return std::move(standard_input_bytes_); }

  private:
    void read_standard_input() {
        const std::string where(kStandardInputName);
        if (kept_standard_input_ != nullptr) {
            const std::string& bytes = *kept_standard_input_;
            add_standard_input(bytes);
            return;
        }
        if (options_.standard_input == nullptr) {
            report(where, "standard input is not available");
            return;
        }
        std::string bytes;
        char buffer[1 << 16];
        while (bytes.size() <= options_.max_file_bytes &&
               options_.standard_input->read(buffer, sizeof buffer).gcount() > 0) {
            bytes.append(buffer, static_cast<std::size_t>(options_.standard_input->gcount()));
        }
        if (bytes.size() > options_.max_file_bytes) {
            report(where, "standard input is " + too_large_message());
            return;
        }
        add_standard_input(bytes);
        if (mode_ == Mode::Plan) standard_input_bytes_ = std::move(bytes);
    }

    void add_standard_input(std::string_view bytes) {
        const std::string where(kStandardInputName);
        const std::size_t first = bytes.find_first_not_of(
            " \t\r\n", bytes.starts_with(kByteOrderMark) ? kByteOrderMark.size() : 0);
        const bool json_lines = first != std::string::npos && bytes[first] == '{';
        add_input(bytes, Origin{where, where, {}}, json_lines);
    }

    void add_input(std::string_view bytes, const Origin& origin, bool json_lines) {
        std::vector<std::size_t> invalid_offsets;
        std::string text = repair_utf8(bytes, &invalid_offsets);
        if (!invalid_offsets.empty()) {
            const std::size_t count = invalid_offsets.size();
            warn(origin.where, std::to_string(count) + " invalid UTF-8 byte sequence" +
                                   (count == 1 ? " was" : "s were") + " replaced (first at byte " +
                                   std::to_string(invalid_offsets.front()) + ")");
        }
        if (json_lines) {
            add_json_lines(text, origin);
        } else {
            PendingDocument pending;
            pending.document.info.id = origin.stem;
            pending.document.text = normalize_text(text);
            pending.document.info.title = headline(pending.document.text);
            pending.document.origin = origin.where;
            pending.id_from_path = true;
            pending.folders = origin.folders;
            pending.name = origin.stem;
            add_document(std::move(pending));
        }
    }

    void add_document(PendingDocument pending) {
        if (is_blank(pending.document.text)) {
            report(pending.document.origin, "empty document, skipped");
            return;
        }
        if (mode_ == Mode::Stream) {
            emit_(std::move(pending.document));
            return;
        }
        if (mode_ == Mode::Plan)
            pending.document = {{pending.document.info.id, {}, {}, {}, {}},
                                {},
                                std::move(pending.document.origin),
                                {}};
        pending_.push_back(std::move(pending));
    }

    void add_json_lines(std::string_view text, const Origin& origin) {
        if (text.starts_with(kByteOrderMark)) text.remove_prefix(kByteOrderMark.size());
        std::size_t line_number = 0;
        while (!text.empty()) {
            ++line_number;
            const std::size_t newline = text.find('\n');
            const bool last_line_unterminated = newline == std::string_view::npos;
            const std::string_view line = text.substr(0, newline);
            text.remove_prefix(last_line_unterminated ? text.size() : newline + 1);
            if (line.find_first_not_of(" \t\r") == std::string_view::npos) continue;
            add_json_line(line, line_number, last_line_unterminated, origin);
        }
    }

    void add_json_line(std::string_view line, std::size_t line_number, bool last_line_unterminated,
                       const Origin& origin) {
        const std::string where = origin.where + ":" + std::to_string(line_number);
        if (nested_deeper_than(line, kMaxJsonDepth)) {
            report(where, "malformed JSON: nested deeper than " + std::to_string(kMaxJsonDepth) +
                              " levels, skipped");
            return;
        }
        rapidjson::Document json;
        // Iterative: the recursive parser's stack depth follows the input's nesting.
        json.Parse<rapidjson::kParseIterativeFlag>(line.data(), line.size());
        if (json.HasParseError()) {
            const std::size_t content_end = line.find_last_not_of(" \t\r") + 1;
            // A record cut off by the end of the file fails where its input runs out.
            if (last_line_unterminated && json.GetErrorOffset() >= content_end) {
                report(where,
                       "truncated last line (the file ends in the middle of a record), skipped");
            } else {
                std::string reason = lower_first(rapidjson::GetParseError_En(json.GetParseError()));
                if (reason.ends_with('.')) reason.pop_back();
                report(where, "malformed JSON at column " +
                                  std::to_string(json.GetErrorOffset() + 1) + ": " + reason +
                                  ", skipped");
            }
            return;
        }
        if (!json.IsObject()) {
            report(where, "not a JSON object, skipped");
            return;
        }
        const rapidjson::Value* text = member_value(json, "text");
        if (text == nullptr || text->IsNull()) {
            report(where, "no \"text\" field, skipped");
            return;
        }
        if (!text->IsString()) {
            report(where, "\"text\" is not a string, skipped");
            return;
        }
        PendingDocument pending;
        Document& document = pending.document;
        const std::pair<const char*, std::string*> fields[] = {{"id", &document.info.id},
                                                               {"title", &document.info.title},
                                                               {"url", &document.info.url},
                                                               {"date", &document.info.date},
                                                               {"source", &document.info.source}};
        for (const auto& [name, field] : fields) {
            const rapidjson::Value* value = member_value(json, name);
            if (value == nullptr || value->IsNull()) continue;
            if (!value->IsString()) {
                report(where, "\"" + std::string(name) + "\" is not a string, ignored");
                continue;
            }
            *field = json_text(*value);
        }
        document.raw_date = document.info.date;
        if (!document.info.date.empty() && !is_calendar_date(document.info.date)) {
            report(where, "\"date\" \"" + document.info.date +
                              "\" is not a calendar date (YYYY-MM-DD), treated as no date");
            document.info.date.clear();
        }
        document.text = json_text(*text);
        document.origin = where;
        if (document.info.id.empty()) {
            pending.id_from_path = true;
            pending.folders = origin.folders;
            pending.name = origin.stem + ":" + std::to_string(line_number);
            document.info.id = pending.name;
        }
        add_document(std::move(pending));
    }

    // Ids derived from file names that collide show their folders, one more at a time, until
    // they differ ("a/report", "b/report"); whatever still collides gets a number ("x-2").
    void make_ids_unique() {
        for (bool deepened = true; deepened;) {
            deepened = false;
            std::map<std::string, std::vector<PendingDocument*>> by_id;
            for (PendingDocument& pending : pending_) {
                by_id[pending.document.info.id].push_back(&pending);
            }
            for (auto& [id, sharing] : by_id) {
                if (sharing.size() < 2) continue;
                for (PendingDocument* pending : sharing) {
                    if (!pending->id_from_path ||
                        pending->folders_shown == pending->folders.size()) {
                        continue;
                    }
                    ++pending->folders_shown;
                    pending->document.info.id = id_showing_folders(*pending);
                    deepened = true;
                }
            }
        }
        std::set<std::string> ids;
        for (const PendingDocument& pending : pending_) ids.insert(pending.document.info.id);
        std::map<std::string, const Document*> first_with_id;
        for (PendingDocument& pending : pending_) {
            Document& document = pending.document;
            const auto [first, inserted] = first_with_id.emplace(document.info.id, &document);
            if (inserted) continue;
            int number = 2;
            while (ids.contains(document.info.id + "-" + std::to_string(number))) ++number;
            const std::string renamed = document.info.id + "-" + std::to_string(number);
            report(document.origin, "document id \"" + document.info.id + "\" is already used by " +
                                        first->second->origin + "; renamed to \"" + renamed + "\"");
            document.info.id = renamed;
            ids.insert(renamed);
        }
    }

    const ReadOptions& options_;
    const Mode mode_;
    const std::string* kept_standard_input_;  // Stream: what "-" reads instead of the stream
    std::function<void(Document&&)> emit_;
    std::string standard_input_bytes_;  // Plan: what "-" read
    ReadResult result_;
    std::vector<PendingDocument> pending_;
    std::set<fs::path> directories_read_;
    std::map<fs::path, std::string> files_read_;  // canonical path -> path as first read
};

}  // namespace

ReadResult read_inputs(const std::vector<std::string>& inputs, const ReadOptions& options) {
    InputReader reader(options);
    for (const std::string& input : inputs) reader.read(input);
    return reader.finish();
}

InputPlan plan_inputs(const std::vector<std::string>& inputs, const ReadOptions& options) {
    InputReader reader(options, InputReader::Mode::Plan);
    for (const std::string& input : inputs) reader.read(input);
    InputPlan plan;
    plan.standard_input = reader.take_standard_input();
    ReadResult read = reader.finish();
    plan.problems = std::move(read.problems);
    plan.ids.reserve(read.documents.size());
    plan.origins.reserve(read.documents.size());
    for (Document& document : read.documents) {
        plan.ids.push_back(std::move(document.info.id));
        plan.origins.push_back(std::move(document.origin));
    }
    return plan;
}

std::vector<InputProblem> stream_inputs(const std::vector<std::string>& inputs,
                                        const ReadOptions& options, const InputPlan& plan,
                                        const std::function<void(Document&&)>& emit) {
    std::unordered_map<std::string_view, std::size_t> planned;
    for (std::size_t i = 0; i < plan.origins.size(); ++i) planned.emplace(plan.origins[i], i);
    std::vector<bool> emitted(plan.origins.size(), false);
    std::vector<InputProblem> changed;
    auto take = [&](Document&& document) {
        const auto it = planned.find(document.origin);
        if (it == planned.end() || emitted[it->second]) {
            changed.push_back({document.origin, "changed while being read, skipped", false});
            return;
        }
        emitted[it->second] = true;
        document.info.id = plan.ids[it->second];
        emit(std::move(document));
    };
    InputReader reader(options, InputReader::Mode::Stream, &plan.standard_input, take);
    for (const std::string& input : inputs) reader.read(input);
    // What the first reading found is reported already; what is new is not.
    std::set<std::pair<std::string, std::string>> known;
    for (const InputProblem& p : plan.problems) known.emplace(p.where, p.message);
    for (InputProblem& p : reader.finish().problems)
        if (!p.warning && !known.contains({p.where, p.message})) changed.push_back(std::move(p));
    for (std::size_t i = 0; i < emitted.size(); ++i)
        if (!emitted[i])
            changed.push_back({plan.origins[i], "changed while being read, skipped", false});
    return changed;
}

}  // namespace newsgraph
