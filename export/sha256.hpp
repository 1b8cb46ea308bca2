// SHA-256 (FIPS 180-4), for the digests manifest.json lists: `sha256sum` can check them, and
// no library beyond the standard one is needed for a few dozen lines.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace newsgraph {

class Sha256 {
  public:
    Sha256();
    // Portable code only, even where the CPU has SHA instructions (to test one against the
    // other).
    struct Portable {};
    explicit Sha256(Portable);
    void update(const char* data, std::size_t size);
    void update(std::string_view text) { update(text.data(), text.size()); }
    // The digest as 64 lowercase hex digits. Ends the computation: update() no more after it.
    std::string hex_digest();

  private:
    // Hashes `count` whole 64-byte blocks into the state.
    void compress(const unsigned char* blocks, std::size_t count);
    bool use_cpu_ = true;

    std::array<std::uint32_t, 8> state_;
    std::array<unsigned char, 64> block_{};
    std::size_t block_used_ = 0;
    std::uint64_t total_bytes_ = 0;
};

// The hex digest of `text`.
std::string sha256_hex(std::string_view text);

}  // namespace newsgraph
