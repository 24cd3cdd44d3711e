// Inlines flattened into styled spans (lines.hpp): strong = bold, emphasis = italic, code =
// mono at the style's code size, links and references in the link colour.
#include "paginate/lines.hpp"

namespace plenary::paginate {

namespace {

struct Flattener {
  Spans& out;
  doc::Color link_color;

  void add(const doc::Inlines& content, const TextStyle& style, int link) {
    for (const doc::Inline& item : content) {
      std::visit([&](const auto& node) { visit(node, style, link); }, item.value);
    }
  }
  void visit(const doc::Text& node, const TextStyle& style, int link) {
    out.spans.push_back(Span{node.text, style, link, false});
  }
  void visit(const doc::Strong& node, TextStyle style, int link) {
    style.bold = true;
    add(node.content, style, link);
  }
  void visit(const doc::Emphasis& node, TextStyle style, int link) {
    style.italic = true;
    add(node.content, style, link);
  }
  void visit(const doc::Code& node, TextStyle style, int link) {
    style.family = Family::Mono;
    style.size *= style.code_ratio;
    out.spans.push_back(Span{node.text, style, link, false});
  }
  void visit(const doc::Link& node, TextStyle style, int) {
    out.links.push_back(LinkTarget{node.url, {}});
    style.color = link_color;
    const int index = static_cast<int>(out.links.size()) - 1;
    if (node.content.empty()) {
      out.spans.push_back(Span{node.url, style, index, false});
    } else {
      add(node.content, style, index);
    }
  }
  void visit(const doc::Ref& node, TextStyle style, int) {
    out.links.push_back(LinkTarget{{}, node.anchor});
    style.color = link_color;
    add(node.content, style, static_cast<int>(out.links.size()) - 1);
  }
  void visit(const doc::LineBreak&, const TextStyle& style, int) {
    out.spans.push_back(Span{{}, style, -1, true});
  }
};

}  // namespace

Spans flatten(const doc::Inlines& content, const TextStyle& base, const doc::Color& link_color) {
  Spans out;
  out.base_size = base.size;
  Flattener{out, link_color}.add(content, base, -1);
  return out;
}

Spans plain(const std::string& text, const TextStyle& style) {
  Spans out;
  out.base_size = style.size;
  out.spans.push_back(Span{text, style, -1, false});
  return out;
}

}  // namespace plenary::paginate
