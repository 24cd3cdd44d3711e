#include "compose/escape.hpp"

#include <array>

namespace plenary::compose::detail {

std::string markdown_escape(const std::string& s) {
  // 0: kept, 1: a line break or tab (a space), 2: Markdown syntax (escaped with a backslash).
  static const auto kind = [] {
    std::array<unsigned char, 256> k{};
    for (const unsigned char c : std::string("\\`*_{}[]<>()#+-.!|&~=")) k[c] = 2;
    k['\n'] = k['\r'] = k['\t'] = 1;
    return k;
  }();
  const auto blank = [&](char c) { return c == ' ' || kind[static_cast<unsigned char>(c)] == 1; };
  std::size_t first = 0;
  while (first < s.size() && blank(s[first])) ++first;
  if (first == s.size()) return {};
  std::size_t end = s.size();
  while (blank(s[end - 1])) --end;
  std::string out;
  out.reserve((end - first) * 2);
  std::size_t run = first;  // start of the characters still to copy as they are
  for (std::size_t i = first; i < end; ++i) {
    const unsigned char k = kind[static_cast<unsigned char>(s[i])];
    if (k == 0) continue;
    out.append(s, run, i - run);
    if (k == 2) {
      out += '\\';
      out += s[i];
    } else {
      out += ' ';
    }
    run = i + 1;
  }
  out.append(s, run, end - run);
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
