#include "compose/plain_field.hpp"

#include <array>

#include "compose/value.hpp"

namespace plenary::compose::detail {

namespace {

// Bytes that can start Markdown syntax anywhere in a line (emphasis, code, links, images, raw
// HTML, entities, escapes, tables, fences, line breaks), and bytes that can start a block
// (headings, quotes, lists, thematic breaks, setext underlines, indented code) or that cmark
// drops (spaces around the text, a byte-order mark) at the start of a line.
bool markdown_anywhere(unsigned char c) {
  static const auto table = [] {
    std::array<bool, 256> t{};
    for (int k = 0; k < 0x20; ++k) t[k] = true;
    for (const unsigned char m : std::string("\\`*_[]<>&!|~")) t[m] = true;
    return t;
  }();
  return table[c];
}
bool markdown_first(unsigned char c) {
  return c == ' ' || c == '#' || c == '+' || c == '-' || c == '=' || (c >= '0' && c <= '9') ||
         c == 0xEF;
}

}  // namespace

std::optional<doc::Blocks> plain_field_blocks(const std::string& source) {
  if (source.empty() || markdown_first(static_cast<unsigned char>(source.front())) ||
      source.back() == ' ')
    return std::nullopt;
  for (const char c : source) {
    if (markdown_anywhere(static_cast<unsigned char>(c))) return std::nullopt;
  }
  std::string text = sanitize(source);
  if (text != source) return std::nullopt;  // invalid UTF-8 or characters dropped: cmark's way
  doc::Blocks blocks;
  blocks.push_back(doc::paragraph({doc::text(std::move(text))}));
  return blocks;
}

}  // namespace plenary::compose::detail
