// The cmark-gfm adapter: the only folder that includes cmark-gfm. Parses Markdown (CommonMark
// with the GFM table extension) into a tree and lets compose walk its nodes through small
// project types: a node kind, a handle with the few accessors the converter reads, and an
// owning tree.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

struct cmark_node;  // cmark-gfm's node, only ever handled through Node

namespace plenary::compose::detail::cmark {

enum class NodeKind {
  None,  // no node, or one compose does not read (the document itself, footnotes, ...)
  BlockQuote,
  List,
  Item,
  CodeBlock,
  HtmlBlock,
  Paragraph,
  Heading,
  ThematicBreak,
  Text,
  SoftBreak,
  LineBreak,
  Code,
  HtmlInline,
  Emphasis,
  Strong,
  Link,
  Image,
  Table,  // GFM table extension
};

// A node of a Tree (not owning): null when there is none.
class Node {
 public:
  Node() = default;
  explicit Node(cmark_node* node) : node_(node) {}
  explicit operator bool() const { return node_ != nullptr; }

  NodeKind kind() const;
  Node first_child() const;
  Node next() const;
  std::string_view literal() const;  // text, code, HTML: its characters; "" for none
  std::string_view url() const;      // link, image; "" for none
  int heading_level() const;
  bool ordered() const;    // list
  int list_start() const;  // list
  int table_columns() const;
  char table_alignment(int column) const;  // 'l', 'c', 'r', or 0 when unaligned
  bool table_row_is_header() const;        // a row of a table

  // Calls visit(node) for this node and every node under it, in document order on entering
  // each, without recursion (a hostile input nests thousands deep).
  void for_each_entered(const std::function<void(Node)>& visit) const;

 private:
  cmark_node* node_ = nullptr;
};

// A parsed document; frees its nodes when it goes.
class Tree {
 public:
  explicit Tree(std::string_view markdown);  // options: default, UTF-8 validated
  Node root() const { return Node(root_.get()); }

 private:
  struct Free {
    void operator()(cmark_node* n) const;
  };
  std::unique_ptr<cmark_node, Free> root_;
};

}  // namespace plenary::compose::detail::cmark
