// Reading and writing TrueType (sfnt) font data in memory: big-endian numbers and the table
// directory of a face. Shared by the font files (font_file.*: 'post' cut at load) and the
// subsets (paint/font_subset.*).
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <string>

namespace plenary::fonts::sfnt {

// Big-endian reads with bounds checks: past the end reads as zeros.
struct Bytes {
  const std::string& data;
  bool has(std::size_t at, std::size_t n) const {
    return at <= data.size() && n <= data.size() - at;
  }
  std::uint16_t u16(std::size_t at) const {
    if (!has(at, 2)) return 0;
    return static_cast<std::uint16_t>((static_cast<unsigned char>(data[at]) << 8) |
                                      static_cast<unsigned char>(data[at + 1]));
  }
  std::uint32_t u32(std::size_t at) const { return (std::uint32_t{u16(at)} << 16) | u16(at + 2); }
};

// Big-endian writes: appended, or in place over bytes that exist.
inline void put16(std::string& out, std::uint32_t value) {
  out += static_cast<char>((value >> 8) & 0xFF);
  out += static_cast<char>(value & 0xFF);
}
inline void put32(std::string& out, std::uint32_t value) {
  put16(out, value >> 16);
  put16(out, value & 0xFFFF);
}
inline void set16(std::string& out, std::size_t at, std::uint32_t value) {
  out[at] = static_cast<char>((value >> 8) & 0xFF);
  out[at + 1] = static_cast<char>(value & 0xFF);
}
inline void set32(std::string& out, std::size_t at, std::uint32_t value) {
  set16(out, at, value >> 16);
  set16(out, at + 2, value & 0xFFFF);
}

struct Table {
  std::size_t record = 0;  // where its 16-byte directory record starts
  std::size_t offset = 0, length = 0;
};

// The tables of the face whose directory starts at `directory` (0, or the face's offset in a
// collection), by tag. Empty when the directory or a table lies outside `file`.
std::map<std::string, Table> tables(const std::string& file, std::size_t directory);

}  // namespace plenary::fonts::sfnt
