#include "load/file_text.hpp"

#include <cstring>
#include <utility>

#include "core/ascii_run.hpp"
#include "core/utf8.hpp"

namespace plenary::load {

// Both functions see every byte of every data file before yaml-cpp does (440 KB at K=4). They
// went a byte at a time (normalize_text appending each byte to a new string, check_text
// decoding each through core::next_code_point): 37 M instructions of a forced K=4 build, 84
// per byte. Now the usual file (no BOM, no CR) is passed on as it is, and runs of printable
// ASCII are only counted; other bytes take the same path as before. Held equal to the
// byte-at-a-time versions by tests/load/file_text_test.cpp ("the fast paths").

std::string normalize_text(std::string bytes) {
  std::size_t start = 0;
  if (bytes.size() >= 3 && static_cast<unsigned char>(bytes[0]) == 0xEF &&
      static_cast<unsigned char>(bytes[1]) == 0xBB && static_cast<unsigned char>(bytes[2]) == 0xBF)
    start = 3;
  const char* cr = static_cast<const char*>(
      std::memchr(bytes.data() + start, '\r', bytes.size() - start));
  if (cr == nullptr) {
    if (start > 0) bytes.erase(0, start);
    return bytes;
  }
  std::string out;
  out.reserve(bytes.size() - start);
  for (std::size_t i = start; i < bytes.size();) {
    const void* found = std::memchr(bytes.data() + i, '\r', bytes.size() - i);
    const std::size_t at =
        found == nullptr ? bytes.size() : static_cast<std::size_t>(static_cast<const char*>(found) -
                                                                   bytes.data());
    out.append(bytes, i, at - i);
    if (at == bytes.size()) break;
    out += '\n';
    i = at + 1;
    if (i < bytes.size() && bytes[i] == '\n') ++i;
  }
  return out;
}

TextProblem check_text(const std::string& text) {
  int line = 1, col = 1;
  const std::size_t size = text.size();
  for (std::size_t pos = 0; pos < size;) {
    // A run of printable ASCII and tabs: one column each, nothing to check.
    const std::size_t run = pos;
    for (;;) {
      pos = core::printable_ascii_end(text.data(), pos, size);
      if (pos == size || text[pos] != '\t') break;
      ++pos;
    }
    col += static_cast<int>(pos - run);
    if (pos == size) break;
    const std::size_t start = pos;
    bool valid = true;
    const char32_t cp = core::next_code_point(text, pos, &valid);
    if (!valid) return {line, col, "invalid utf-8 byte sequence"};
    if (cp == 0) return {line, col, "file contains a nul byte"};
    // YAML allows no other control characters in a stream either (tab and line feed aside)
    if (core::is_forbidden(cp))
      return {line, col, "file contains the control character " + core::code_point_name(cp)};
    if (cp == '\n') {
      ++line;
      col = 1;
    } else {
      col += static_cast<int>(pos - start);  // columns count bytes, as yaml-cpp's marks do
    }
  }
  return {};
}

}  // namespace plenary::load
