// Trained models as files: a versioned binary with a checksum, so a missing, truncated or
// corrupt model is an error that names the file and the problem, never a crash or a
// silently wrong tree. Layout (little-endian):
//   "NGMODEL1" | u32 format version | u32 kind length | kind | u64 payload length | payload
//   | u64 FNV-1a checksum of everything before it
#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace newsgraph::nlp {

inline constexpr std::uint32_t kModelFormatVersion = 2;

class ModelError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

// Appends values to a payload; write_model() frames it.
class ModelWriter {
  public:
    void u8(std::uint8_t v) { bytes_.push_back(v); }
    void u32(std::uint32_t v);
    void u64(std::uint64_t v);
    void f32(float v);
    void varint(std::uint64_t v);  // 7 bits a byte: small numbers take one byte
    void str(std::string_view s);
    void strings(const std::vector<std::string>& list);
    const std::vector<std::uint8_t>& bytes() const { return bytes_; }

  private:
    std::vector<std::uint8_t> bytes_;
};

// Reads values back; any read past the end throws ModelError naming the file.
class ModelReader {
  public:
    ModelReader(std::string path, std::vector<std::uint8_t> payload)
        : path_(std::move(path)), bytes_(std::move(payload)) {}
    std::uint8_t u8();
    std::uint32_t u32();
    std::uint64_t u64();
    float f32();
    std::uint64_t varint();
    std::string str();
    std::vector<std::string> strings();
    bool at_end() const { return pos_ == bytes_.size(); }
    std::size_t remaining() const { return bytes_.size() - pos_; }
    // Throws ModelError "PATH: what".
    [[noreturn]] void fail(const std::string& what) const;
    const std::string& path() const { return path_; }

  private:
    void need(std::size_t n);
    std::string path_;
    std::vector<std::uint8_t> bytes_;
    std::size_t pos_ = 0;
};

// Writes atomically (temporary file, then rename). Throws ModelError on failure.
void write_model(const std::string& path, std::string_view kind, const ModelWriter& payload);

// Checks magic, version, kind and checksum; throws ModelError naming the file and what is
// wrong ("not found", "truncated", "checksum mismatch: the file is corrupt", ...).
ModelReader read_model(const std::string& path, std::string_view kind);

}  // namespace newsgraph::nlp
