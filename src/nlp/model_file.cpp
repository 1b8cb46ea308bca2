#include "src/nlp/model_file.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>

namespace newsgraph::nlp {

namespace {

constexpr char kMagic[8] = {'N', 'G', 'M', 'O', 'D', 'E', 'L', '1'};

std::uint64_t fnv1a(const std::uint8_t* data, std::size_t n) {
    std::uint64_t h = 1469598103934665603ULL;
    for (std::size_t i = 0; i < n; ++i) h = (h ^ data[i]) * 1099511628211ULL;
    return h;
}

template <typename T>
void put(std::vector<std::uint8_t>& out, T v) {
    for (std::size_t i = 0; i < sizeof(T); ++i)
        out.push_back(static_cast<std::uint8_t>(v >> (8 * i)));
}

template <typename T>
T get(const std::uint8_t* p) {
    T v = 0;
    for (std::size_t i = 0; i < sizeof(T); ++i) v |= static_cast<T>(p[i]) << (8 * i);
    return v;
}

}  // namespace

void ModelWriter::u32(std::uint32_t v) {
    put(bytes_, v);
}
void ModelWriter::u64(std::uint64_t v) {
    put(bytes_, v);
}
void ModelWriter::f32(float v) {
    std::uint32_t bits = 0;
    std::memcpy(&bits, &v, sizeof bits);
    u32(bits);
}
void ModelWriter::varint(std::uint64_t v) {
    while (v >= 0x80) {
        bytes_.push_back(static_cast<std::uint8_t>(v | 0x80));
        v >>= 7;
    }
    bytes_.push_back(static_cast<std::uint8_t>(v));
}
void ModelWriter::str(std::string_view s) {
    u32(static_cast<std::uint32_t>(s.size()));
    bytes_.insert(bytes_.end(), s.begin(), s.end());
}
void ModelWriter::strings(const std::vector<std::string>& list) {
    u32(static_cast<std::uint32_t>(list.size()));
    for (const auto& s : list) str(s);
}

void ModelReader::need(std::size_t n) {
    if (bytes_.size() - pos_ < n)
        fail("truncated payload (wanted " + std::to_string(n) + " bytes at byte " +
             std::to_string(pos_) + ")");
}
void ModelReader::fail(const std::string& what) const {
    throw ModelError(path_ + ": " + what);
}
std::uint8_t ModelReader::u8() {
    need(1);
    return bytes_[pos_++];
}
std::uint32_t ModelReader::u32() {
    need(4);
    auto v = get<std::uint32_t>(&bytes_[pos_]);
    pos_ += 4;
    return v;
}
std::uint64_t ModelReader::u64() {
    need(8);
    auto v = get<std::uint64_t>(&bytes_[pos_]);
    pos_ += 8;
    return v;
}
float ModelReader::f32() {
    const std::uint32_t bits = u32();
    float v = 0;
    std::memcpy(&v, &bits, sizeof v);
    return v;
}
std::uint64_t ModelReader::varint() {
    std::uint64_t v = 0;
    for (unsigned shift = 0; shift < 64; shift += 7) {
        const std::uint8_t b = u8();
        v |= static_cast<std::uint64_t>(b & 0x7f) << shift;
        if ((b & 0x80) == 0) return v;
    }
    fail("corrupt variable-length number at byte " + std::to_string(pos_));
}
std::string ModelReader::str() {
    const std::uint32_t n = u32();
    need(n);
    std::string s(reinterpret_cast<const char*>(&bytes_[pos_]), n);
    pos_ += n;
    return s;
}
std::vector<std::string> ModelReader::strings() {
    const std::uint32_t n = u32();
    if (n > (bytes_.size() - pos_) / 4) fail("corrupt string list length " + std::to_string(n));
    std::vector<std::string> list;
    list.reserve(n);
    for (std::uint32_t i = 0; i < n; ++i) {
        list.push_back(str());
        if (list.back().empty()) fail("corrupt string list (an empty name)");
    }
    return list;
}

void write_model(const std::string& path, std::string_view kind, const ModelWriter& payload) {
    std::vector<std::uint8_t> out(std::begin(kMagic), std::end(kMagic));
    put(out, kModelFormatVersion);
    put(out, static_cast<std::uint32_t>(kind.size()));
    out.insert(out.end(), kind.begin(), kind.end());
    put(out, static_cast<std::uint64_t>(payload.bytes().size()));
    out.insert(out.end(), payload.bytes().begin(), payload.bytes().end());
    put(out, fnv1a(out.data(), out.size()));
    const std::string tmp = path + ".partial";
    {
        std::ofstream f(tmp, std::ios::binary | std::ios::trunc);
        f.write(reinterpret_cast<const char*>(out.data()),
                static_cast<std::streamsize>(out.size()));
        f.flush();
        if (!f) throw ModelError(path + ": cannot write: " + std::strerror(errno));
    }
    if (std::rename(tmp.c_str(), path.c_str()) != 0)
        throw ModelError(path + ": cannot write: " + std::strerror(errno));
}

ModelReader read_model(const std::string& path, std::string_view kind) {
    std::error_code error;
    if (!std::filesystem::is_regular_file(path, error))
        throw ModelError(
            path + ": cannot open model file: " +
            (std::filesystem::exists(path, error) ? "not a regular file" : "no such file"));
    std::ifstream f(path, std::ios::binary | std::ios::ate);
    if (!f) throw ModelError(path + ": cannot open model file: " + std::strerror(errno));
    const std::streamoff size = f.tellg();
    if (size < 0) throw ModelError(path + ": cannot read model file (not a regular file?)");
    if (size > (std::streamoff{1} << 30))
        throw ModelError(path + ": over 1 GiB, not a newsgraph model");
    std::vector<std::uint8_t> all(static_cast<std::size_t>(size));
    f.seekg(0);
    f.read(reinterpret_cast<char*>(all.data()), size);
    if (!f) throw ModelError(path + ": cannot read model file: " + std::strerror(errno));
    const std::string what_kind = "a newsgraph " + std::string(kind) + " model";
    if (all.size() < sizeof kMagic || std::memcmp(all.data(), kMagic, sizeof kMagic) != 0)
        throw ModelError(path + ": not " + what_kind + " (bad magic bytes)");
    std::size_t pos = sizeof kMagic;
    auto truncated = [&] {
        return ModelError(path + ": truncated model file (" + std::to_string(all.size()) +
                          " bytes)");
    };
    if (all.size() < pos + 8) throw truncated();
    const auto version = get<std::uint32_t>(&all[pos]);
    const auto kind_len = get<std::uint32_t>(&all[pos + 4]);
    pos += 8;
    if (version != kModelFormatVersion)
        throw ModelError(path + ": model format version " + std::to_string(version) +
                         ", this newsgraph reads version " + std::to_string(kModelFormatVersion) +
                         " (retrain: see data/models/README.md)");
    if (all.size() - pos < kind_len) throw truncated();
    const std::string file_kind(reinterpret_cast<const char*>(&all[pos]), kind_len);
    pos += kind_len;
    if (file_kind != kind)
        throw ModelError(path + ": a '" + file_kind + "' model, expected " + what_kind);
    if (all.size() - pos < 8) throw truncated();
    const auto len = get<std::uint64_t>(&all[pos]);
    pos += 8;
    if (all.size() - pos < 8 || all.size() - pos - 8 < len) throw truncated();
    if (all.size() - pos - 8 != len)
        throw ModelError(path + ": trailing bytes after the model payload");
    const auto stored = get<std::uint64_t>(&all[pos + len]);
    if (stored != fnv1a(all.data(), pos + len))
        throw ModelError(path + ": checksum mismatch: the model file is corrupt");
    std::vector<std::uint8_t> payload(all.begin() + static_cast<std::ptrdiff_t>(pos),
                                      all.begin() + static_cast<std::ptrdiff_t>(pos + len));
    return ModelReader(path, std::move(payload));
}

}  // namespace newsgraph::nlp
