// Test helper: parse Markdown back with cmark-gfm (tables extension) the way GitHub would,
// and list the blocks a reader sees with their plain text.
#pragma once

#include <string>
#include <vector>

namespace plenary::test {

struct MdBlock {
  std::string type;  // cmark type string: "paragraph", "heading", "list", "table", "html_block" ...
  std::string text;  // plain text (line breaks as "\n", soft breaks as " ")
  int level = 0;     // heading level
  int list_start = 0;
  bool ordered = false;
  int depth = 0;  // nesting depth below the document
};

struct ParsedMarkdown {
  std::vector<MdBlock> blocks;         // every block node in document order
  std::vector<std::string> link_urls;  // every link destination, in order
  std::vector<std::string> link_texts;
  std::vector<std::vector<std::string>> table_rows;  // cell texts of every table row
  std::size_t strong = 0, emph = 0, code = 0;
  std::vector<std::string> html_inline;

  std::vector<std::string> texts_of(const std::string& type) const;
};

ParsedMarkdown parse_markdown(const std::string& markdown);

}  // namespace plenary::test
