#include "compose/cmark/tree.hpp"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm-extension_api.h>
#include <cmark-gfm.h>

#include <mutex>

namespace plenary::compose::detail::cmark {

namespace {

struct ParserFree {
  void operator()(cmark_parser* p) const { cmark_parser_free(p); }
};
using ParserPtr = std::unique_ptr<cmark_parser, ParserFree>;

std::string_view view(const char* s) {
  return s ? std::string_view(s) : std::string_view();
}

}  // namespace

void Tree::Free::operator()(cmark_node* n) const {
  cmark_node_free(n);
}

Tree::Tree(std::string_view markdown) {
  static std::once_flag registered;  // the registry is global and not safe to fill concurrently
  std::call_once(registered, [] { cmark_gfm_core_extensions_ensure_registered(); });
  ParserPtr parser(cmark_parser_new(CMARK_OPT_DEFAULT | CMARK_OPT_VALIDATE_UTF8));
  if (cmark_syntax_extension* table = cmark_find_syntax_extension("table")) {
    cmark_parser_attach_syntax_extension(parser.get(), table);
  }
  cmark_parser_feed(parser.get(), markdown.data(), markdown.size());
  root_.reset(cmark_parser_finish(parser.get()));
}

NodeKind Node::kind() const {
  switch (cmark_node_get_type(node_)) {
    case CMARK_NODE_BLOCK_QUOTE:
      return NodeKind::BlockQuote;
    case CMARK_NODE_LIST:
      return NodeKind::List;
    case CMARK_NODE_ITEM:
      return NodeKind::Item;
    case CMARK_NODE_CODE_BLOCK:
      return NodeKind::CodeBlock;
    case CMARK_NODE_HTML_BLOCK:
      return NodeKind::HtmlBlock;
    case CMARK_NODE_PARAGRAPH:
      return NodeKind::Paragraph;
    case CMARK_NODE_HEADING:
      return NodeKind::Heading;
    case CMARK_NODE_THEMATIC_BREAK:
      return NodeKind::ThematicBreak;
    case CMARK_NODE_TEXT:
      return NodeKind::Text;
    case CMARK_NODE_SOFTBREAK:
      return NodeKind::SoftBreak;
    case CMARK_NODE_LINEBREAK:
      return NodeKind::LineBreak;
    case CMARK_NODE_CODE:
      return NodeKind::Code;
    case CMARK_NODE_HTML_INLINE:
      return NodeKind::HtmlInline;
    case CMARK_NODE_EMPH:
      return NodeKind::Emphasis;
    case CMARK_NODE_STRONG:
      return NodeKind::Strong;
    case CMARK_NODE_LINK:
      return NodeKind::Link;
    case CMARK_NODE_IMAGE:
      return NodeKind::Image;
    default:
      break;
  }
  // Extension nodes have types registered at run time: known by their name.
  const char* name = cmark_node_get_type_string(node_);
  return name && std::string_view(name) == "table" ? NodeKind::Table : NodeKind::None;
}

Node Node::first_child() const {
  return Node(cmark_node_first_child(node_));
}

Node Node::next() const {
  return Node(cmark_node_next(node_));
}

std::string_view Node::literal() const {
  return view(cmark_node_get_literal(node_));
}

std::string_view Node::url() const {
  return view(cmark_node_get_url(node_));
}

int Node::heading_level() const {
  return cmark_node_get_heading_level(node_);
}

bool Node::ordered() const {
  return cmark_node_get_list_type(node_) == CMARK_ORDERED_LIST;
}

int Node::list_start() const {
  return cmark_node_get_list_start(node_);
}

int Node::table_columns() const {
  return cmark_gfm_extensions_get_table_columns(node_);
}

char Node::table_alignment(int column) const {
  const uint8_t* aligns = cmark_gfm_extensions_get_table_alignments(node_);
  return aligns ? static_cast<char>(aligns[column]) : 0;
}

bool Node::table_row_is_header() const {
  return cmark_gfm_extensions_get_table_row_is_header(node_) != 0;
}

void Node::for_each_entered(const std::function<void(Node)>& visit) const {
  cmark_iter* iter = cmark_iter_new(node_);
  for (cmark_event_type ev; (ev = cmark_iter_next(iter)) != CMARK_EVENT_DONE;) {
    if (ev == CMARK_EVENT_ENTER) visit(Node(cmark_iter_get_node(iter)));
  }
  cmark_iter_free(iter);
}

}  // namespace plenary::compose::detail::cmark
