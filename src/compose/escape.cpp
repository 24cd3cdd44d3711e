#include "compose/escape.hpp"

#include <cstring>

namespace plenary::compose::detail {

std::string markdown_escape(const std::string& s) {
  static const char* const kSyntax = "\\`*_{}[]<>()#+-.!|&~=";
  std::string flat;
  flat.reserve(s.size());
  for (char c : s) flat += (c == '\n' || c == '\r' || c == '\t') ? ' ' : c;
  const auto first = flat.find_first_not_of(' ');
  if (first == std::string::npos) return {};
  const auto last = flat.find_last_not_of(' ');
  std::string out;
  out.reserve(flat.size() * 2);
  for (std::size_t i = first; i <= last; ++i) {
    const char c = flat[i];
    if (c != '\0' && std::strchr(kSyntax, c) != nullptr) out += '\\';
    out += c;
  }
  return out;
}

std::string field_token(std::size_t index) {
  return std::string(1, kFieldOpen) + std::to_string(index) + std::string(1, kFieldClose);
}

namespace {

bool is_heading_line(const std::string& line) {
  std::size_t i = 0;
  while (i < line.size() && i < 3 && line[i] == ' ') ++i;
  std::size_t hashes = 0;
  while (i < line.size() && line[i] == '#') {
    ++i;
    ++hashes;
  }
  return hashes >= 1 && hashes <= 6 && i < line.size() && (line[i] == ' ' || line[i] == '\t');
}

std::string mark_line(std::string line) {
  if (!is_heading_line(line)) return line;
  std::size_t end = line.find_last_not_of(" \t\r");
  if (end == std::string::npos || line[end] != '}') return line;
  // The last "{#" preceded by a space: "{{#section}}" is a Mustache tag, not an anchor.
  std::size_t open = line.rfind("{#", end);
  while (open != std::string::npos && open > 0 && line[open - 1] != ' ' && line[open - 1] != '\t') {
    if (open == 0) break;
    open = line.rfind("{#", open - 1);
  }
  if (open == std::string::npos || open == 0) return line;
  std::string anchor = line.substr(open + 2, end - open - 2);
  return line.substr(0, open) + kAnchorOpen + anchor + kAnchorClose + line.substr(end + 1);
}

}  // namespace

std::string mark_heading_anchors(const std::string& template_text) {
  std::string out;
  out.reserve(template_text.size());
  std::size_t start = 0;
  while (start <= template_text.size()) {
    const std::size_t nl = template_text.find('\n', start);
    const std::size_t stop = nl == std::string::npos ? template_text.size() : nl;
    out += mark_line(template_text.substr(start, stop - start));
    if (nl == std::string::npos) break;
    out += '\n';
    start = nl + 1;
  }
  return out;
}

}  // namespace plenary::compose::detail
