#include "md_reader.hpp"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm-extension_api.h>
#include <cmark-gfm.h>

#include <cstring>
#include <memory>

namespace plenary::test {

namespace {

struct ParserDeleter {
  void operator()(cmark_parser* p) const { cmark_parser_free(p); }
};
struct NodeDeleter {
  void operator()(cmark_node* n) const { cmark_node_free(n); }
};

std::string type_of(cmark_node* node) {
  return cmark_node_get_type_string(node);
}

// Plain text below a node: text and code literals, breaks as space / newline.
std::string plain(cmark_node* node) {
  std::string out;
  for (cmark_node* child = cmark_node_first_child(node); child != nullptr;
       child = cmark_node_next(child)) {
    switch (cmark_node_get_type(child)) {
      case CMARK_NODE_TEXT:
      case CMARK_NODE_CODE:
        out += cmark_node_get_literal(child);
        break;
      case CMARK_NODE_SOFTBREAK:
        out += ' ';
        break;
      case CMARK_NODE_LINEBREAK:
        out += '\n';
        break;
      case CMARK_NODE_HTML_INLINE: {
        const std::string html = cmark_node_get_literal(child);
        if (html == "<br>") out += '\n';
        break;
      }
      default:
        out += plain(child);
    }
  }
  return out;
}

void walk(cmark_node* node, int depth, ParsedMarkdown& out) {
  for (cmark_node* child = cmark_node_first_child(node); child != nullptr;
       child = cmark_node_next(child)) {
    const cmark_node_type type = cmark_node_get_type(child);
    const std::string name = type_of(child);
    if ((type & CMARK_NODE_TYPE_MASK) == CMARK_NODE_TYPE_BLOCK) {
      MdBlock block;
      block.type = name;
      block.depth = depth;
      if (type == CMARK_NODE_HEADING) block.level = cmark_node_get_heading_level(child);
      if (type == CMARK_NODE_LIST) {
        block.ordered = cmark_node_get_list_type(child) == CMARK_ORDERED_LIST;
        block.list_start = cmark_node_get_list_start(child);
      }
      if (type == CMARK_NODE_PARAGRAPH || type == CMARK_NODE_HEADING) block.text = plain(child);
      if (type == CMARK_NODE_HTML_BLOCK) block.text = cmark_node_get_literal(child);
      out.blocks.push_back(block);
      if (name == "table_row" || name == "table_header") {
        std::vector<std::string> cells;
        for (cmark_node* cell = cmark_node_first_child(child); cell != nullptr;
             cell = cmark_node_next(cell)) {
          cells.push_back(plain(cell));
        }
        out.table_rows.push_back(cells);
      }
    } else if (type == CMARK_NODE_LINK) {
      out.link_urls.push_back(cmark_node_get_url(child));
      out.link_texts.push_back(plain(child));
    } else if (type == CMARK_NODE_STRONG) {
      ++out.strong;
    } else if (type == CMARK_NODE_EMPH) {
      ++out.emph;
    } else if (type == CMARK_NODE_CODE) {
      ++out.code;
    } else if (type == CMARK_NODE_HTML_INLINE) {
      out.html_inline.push_back(cmark_node_get_literal(child));
    }
    walk(child, depth + 1, out);
  }
}

}  // namespace

std::vector<std::string> ParsedMarkdown::texts_of(const std::string& type) const {
  std::vector<std::string> texts;
  for (const MdBlock& b : blocks) {
    if (b.type == type) texts.push_back(b.text);
  }
  return texts;
}

ParsedMarkdown parse_markdown(const std::string& markdown) {
  cmark_gfm_core_extensions_ensure_registered();
  std::unique_ptr<cmark_parser, ParserDeleter> parser(cmark_parser_new(CMARK_OPT_DEFAULT));
  cmark_parser_attach_syntax_extension(parser.get(), cmark_find_syntax_extension("table"));
  cmark_parser_attach_syntax_extension(parser.get(), cmark_find_syntax_extension("strikethrough"));
  cmark_parser_attach_syntax_extension(parser.get(), cmark_find_syntax_extension("autolink"));
  cmark_parser_feed(parser.get(), markdown.data(), markdown.size());
  std::unique_ptr<cmark_node, NodeDeleter> document(cmark_parser_finish(parser.get()));
  ParsedMarkdown out;
  walk(document.get(), 0, out);
  return out;
}

}  // namespace plenary::test
