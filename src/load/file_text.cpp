#include "load/file_text.hpp"

#include "core/utf8.hpp"

namespace plenary::load {

std::string normalize_text(std::string bytes) {
  std::size_t start = 0;
  if (bytes.size() >= 3 && static_cast<unsigned char>(bytes[0]) == 0xEF &&
      static_cast<unsigned char>(bytes[1]) == 0xBB && static_cast<unsigned char>(bytes[2]) == 0xBF)
    start = 3;
  std::string out;
  out.reserve(bytes.size() - start);
  for (std::size_t i = start; i < bytes.size(); ++i) {
    if (bytes[i] == '\r') {
      out += '\n';
      if (i + 1 < bytes.size() && bytes[i + 1] == '\n') ++i;
    } else {
      out += bytes[i];
    }
  }
  return out;
}

TextProblem check_text(const std::string& text) {
  int line = 1, col = 1;
  for (std::size_t pos = 0; pos < text.size();) {
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
