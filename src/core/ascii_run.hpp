// The end of a run of printable ASCII (0x20-0x7E), eight bytes at a time: the text that needs
// no decoding and no check, which is nearly all of a committee's YAML and of the values the
// templates receive. Used by core::clean and load::check_text (the figures are in their
// comments).
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>

namespace plenary::core {

// The first position at or after `pos` whose byte is not printable ASCII, or `size`.
inline std::size_t printable_ascii_end(const char* data, std::size_t pos, std::size_t size) {
  constexpr std::uint64_t ones = 0x0101010101010101ull;
  constexpr std::uint64_t highs = 0x8080808080808080ull;
  while (pos + 8 <= size) {
    std::uint64_t word;
    std::memcpy(&word, data + pos, 8);
    // A byte with its high bit set, a byte below 0x20, or DEL (0x7F) ends the run.
    const std::uint64_t below_space = (word - ones * 0x20) & ~word;
    const std::uint64_t del = word ^ (ones * 0x7F);
    const std::uint64_t is_del = (del - ones) & ~del;
    if (((word | below_space | is_del) & highs) != 0) break;
    pos += 8;
  }
  while (pos < size) {
    const auto c = static_cast<unsigned char>(data[pos]);
    if (c < 0x20 || c >= 0x7F) break;
    ++pos;
  }
  return pos;
}

}  // namespace plenary::core
