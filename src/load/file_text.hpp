// Raw file text before YAML parsing: BOM and line endings, UTF-8 validity, NUL bytes.
#pragma once

#include <string>

namespace plenary::load {

struct TextProblem {
  int line = 0;  // 1-based; 0 = no problem
  int col = 0;   // 1-based byte column, as yaml-cpp counts
  std::string message;
};

// Strips a leading UTF-8 BOM and turns CRLF (and a lone CR) into LF, so that a file saved
// with Windows line endings parses to exactly what its LF twin gives.
std::string normalize_text(std::string bytes);

// The first byte that is not valid UTF-8, or a NUL byte or another control character (tab and
// line feed aside; run normalize_text first); line == 0 when the text is clean.
TextProblem check_text(const std::string& text);

}  // namespace plenary::load
