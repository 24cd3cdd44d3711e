// One cohesive thing: the converter from a cmark-gfm tree to document blocks (one class whose
// methods follow the node kinds), and the two entry points that run it.
#include "compose/markdown.hpp"

#include <algorithm>
#include <sstream>
#include <string_view>

#include "compose/anchors.hpp"
#include "compose/cmark/tree.hpp"
#include "compose/directives.hpp"
#include "compose/escape.hpp"
#include "compose/inlines.hpp"
#include "compose/plain_field.hpp"
#include "compose/value.hpp"

namespace plenary::compose::detail {

namespace {

std::string trim(std::string_view s) {
  const auto a = s.find_first_not_of(" \t\r\n");
  if (a == std::string_view::npos) return {};
  const auto b = s.find_last_not_of(" \t\r\n");
  return std::string(s.substr(a, b - a + 1));
}

bool external_url(const std::string& url) {
  return url.rfind("http://", 0) == 0 || url.rfind("https://", 0) == 0 ||
         url.rfind("mailto:", 0) == 0;
}

// --- the converter -----------------------------------------------------------------------------

struct Pending {
  doc::ParagraphStyle style = doc::ParagraphStyle::Normal;
  doc::Align align = doc::Align::Left;
  bool styled = false;
  bool no_contents = false;
  std::vector<double> widths;  // <!-- widths 1 1 5 --> for the next table
};

class Converter {
 public:
  Converter(const MarkdownSource& source, bool from_data)
      : source_(source), from_data_(from_data) {}

  doc::Blocks convert(cmark::Node document) {
    doc::Blocks out;
    children_blocks(document, out);
    return out;
  }

 private:
  // Nesting deeper than any real document (hostile input such as 10 000 nested quotes or
  // emphases) is kept as the plain text it holds, so that no recursion here or in a writer
  // runs out of stack.
  static constexpr int kMaxDepth = 24;

  struct Deeper {
    explicit Deeper(int& depth) : depth_(++depth) {}
    ~Deeper() { --depth_; }
    Deeper(const Deeper&) = delete;
    Deeper& operator=(const Deeper&) = delete;
    int& depth_;
  };

  void children_blocks(cmark::Node parent, doc::Blocks& out) {
    Deeper guard(depth_);
    if (depth_ > kMaxDepth) {
      doc::Paragraph p;
      append_text(p.content, flat_text(parent));
      if (!p.content.empty()) out.push_back(doc::Block{std::move(p)});
      return;
    }
    for (cmark::Node n = parent.first_child(); n; n = n.next()) block(n, out);
  }

  // The text of a whole subtree, walked without recursion.
  static std::string flat_text(cmark::Node root) {
    std::string out;
    root.for_each_entered([&out](cmark::Node n) {
      switch (n.kind()) {
        case cmark::NodeKind::Text:
        case cmark::NodeKind::Code:
        case cmark::NodeKind::HtmlInline:
          out += n.literal();
          break;
        case cmark::NodeKind::SoftBreak:
        case cmark::NodeKind::LineBreak:
        case cmark::NodeKind::Paragraph:
        case cmark::NodeKind::HtmlBlock:
        case cmark::NodeKind::CodeBlock:
          if (!out.empty() && out.back() != ' ') out += ' ';
          if (n.kind() != cmark::NodeKind::Paragraph) out += trim(n.literal());
          break;
        default:
          break;
      }
    });
    return sanitize(trim(out));
  }

  void block(cmark::Node n, doc::Blocks& out) {
    switch (n.kind()) {
      case cmark::NodeKind::Heading:
        heading(n, out);
        return;
      case cmark::NodeKind::Paragraph:
        paragraph(n, out);
        return;
      case cmark::NodeKind::List:
        list(n, out);
        return;
      case cmark::NodeKind::HtmlBlock:
        html_block(n, out);
        return;
      case cmark::NodeKind::CodeBlock:
        code_block(n, out);
        return;
      case cmark::NodeKind::BlockQuote:
      case cmark::NodeKind::Item:
        children_blocks(n, out);
        return;
      case cmark::NodeKind::ThematicBreak:
        return;
      case cmark::NodeKind::Table:
        table(n, out);
        return;
      default:
        return;
    }
  }

  void heading(cmark::Node n, doc::Blocks& out) {
    anchor_.clear();
    in_heading_ = true;
    doc::Inlines content = inlines(n);
    in_heading_ = false;
    trim_trailing_space(content);
    if (from_data_) {  // a heading inside an (md) field is only emphasised text
      out.push_back(doc::paragraph({doc::Inline{doc::Strong{std::move(content)}}}));
      return;
    }
    doc::Heading h;
    h.level = std::min(3, std::max(1, n.heading_level()));
    h.anchor = anchor_.empty() ? slug(doc::plain_text(content)) : slug(anchor_);
    h.content = std::move(content);
    h.in_contents = !pending_.no_contents;
    pending_ = {};
    out.push_back(doc::Block{std::move(h)});
  }

  void paragraph(cmark::Node n, doc::Blocks& out) {
    // A paragraph that is nothing but an (md) field takes the field's own blocks.
    const cmark::Node only = n.first_child();
    if (!from_data_ && only && !only.next() && only.kind() == cmark::NodeKind::Text) {
      const std::string t = trim(only.literal());
      if (t.size() >= 3 && t.front() == kFieldOpen && t.back() == kFieldClose &&
          t.find(kFieldOpen, 1) == std::string::npos) {
        doc::Blocks field = field_blocks(t);
        for (auto& b : field) {
          if (auto* p = std::get_if<doc::Paragraph>(&b.value); p && pending_.styled) {
            p->style = pending_.style;
            p->align = pending_.align;
          }
          out.push_back(std::move(b));
        }
        pending_ = {};
        return;
      }
    }
    doc::Paragraph p;
    p.content = inlines(n);
    trim_leading_space(p.content);
    trim_trailing_space(p.content);
    if (pending_.styled) {
      p.style = pending_.style;
      p.align = pending_.align;
    }
    pending_ = {};
    if (p.content.empty()) return;
    out.push_back(doc::Block{std::move(p)});
  }

  void list(cmark::Node n, doc::Blocks& out) {
    doc::List l;
    l.ordered = n.ordered();
    l.start = l.ordered ? n.list_start() : 1;
    for (cmark::Node item = n.first_child(); item; item = item.next()) {
      doc::ListItem li;
      children_blocks(item, li.content);
      l.items.push_back(std::move(li));
    }
    pending_ = {};
    out.push_back(doc::Block{std::move(l)});
  }

  void table(cmark::Node n, doc::Blocks& out) {
    doc::Table t;
    const int columns = n.table_columns();
    bool any_align = false;
    for (int c = 0; c < columns; ++c) {
      const char a = n.table_alignment(c);
      t.aligns.push_back(a == 'c'   ? doc::Align::Center
                         : a == 'r' ? doc::Align::Right
                                    : doc::Align::Left);
      any_align = any_align || a == 'c' || a == 'r';
    }
    if (!any_align) t.aligns.clear();
    t.header_rows = 0;
    for (cmark::Node row = n.first_child(); row; row = row.next()) {
      std::vector<doc::TableCell> cells;
      for (cmark::Node cell = row.first_child(); cell; cell = cell.next()) {
        doc::TableCell c;
        c.content = inlines(cell);
        trim_leading_space(c.content);
        trim_trailing_space(c.content);
        cells.push_back(std::move(c));
      }
      cells.resize(static_cast<std::size_t>(columns));
      if (!pending_.widths.empty() && pending_.widths.size() == cells.size())
        t.weights = pending_.widths;
      if (row.table_row_is_header()) ++t.header_rows;
      t.rows.push_back(std::move(cells));
    }
    pending_ = {};
    out.push_back(doc::Block{std::move(t)});
  }

  void code_block(cmark::Node n, doc::Blocks& out) {
    doc::Paragraph p;
    std::istringstream lines(std::string(n.literal()));
    std::string line;
    bool first = true;
    while (std::getline(lines, line)) {
      if (!first) p.content.push_back(doc::Inline{doc::LineBreak{}});
      first = false;
      p.content.push_back(doc::Inline{doc::Code{sanitize(line)}});
    }
    if (!p.content.empty()) out.push_back(doc::Block{std::move(p)});
  }

  // A directive is an HTML comment of known words written in the template; anything else,
  // and all HTML that comes from data, is shown as the literal text it is.
  void html_block(cmark::Node n, doc::Blocks& out) {
    const std::string raw = trim(n.literal());
    if (!from_data_ && directive(raw, out)) return;
    if (!from_data_ && is_comment(raw)) return;  // a template author's own comment
    doc::Paragraph p;
    std::istringstream lines(raw);
    std::string line;
    bool first = true;
    while (std::getline(lines, line)) {
      if (!first) p.content.push_back(doc::Inline{doc::LineBreak{}});
      first = false;
      text(line, p.content);
    }
    out.push_back(doc::Block{std::move(p)});
  }

  bool directive(const std::string& raw, doc::Blocks& out) {
    std::optional<Directive> directive = parse_directive(raw);
    if (!directive) return false;
    if (!directive->widths.empty()) {
      pending_.widths = std::move(directive->widths);
      return true;
    }
    for (const auto& w : directive->words) {
      if (w == "pagebreak") {
        out.push_back(doc::Block{doc::PageBreak{}});
      } else if (w == "contents") {
        out.push_back(doc::Block{doc::Contents{}});
      } else if (w == "logo") {
        if (source_.logo) out.push_back(doc::Block{*source_.logo});
      } else if (w == "nocontents") {
        pending_.no_contents = true;
      } else {
        pending_.styled = true;
        if (w == "title") pending_.style = doc::ParagraphStyle::Title;
        if (w == "subtitle") pending_.style = doc::ParagraphStyle::Subtitle;
        if (w == "note") pending_.style = doc::ParagraphStyle::Note;
        if (w == "center") pending_.align = doc::Align::Center;
        if (w == "right") pending_.align = doc::Align::Right;
      }
    }
    return true;
  }

  doc::Inlines inlines(cmark::Node parent) {
    Deeper guard(depth_);
    doc::Inlines out;
    if (depth_ > kMaxDepth) {
      append_text(out, flat_text(parent));
      return out;
    }
    for (cmark::Node n = parent.first_child(); n; n = n.next()) inline_node(n, out);
    return out;
  }

  void inline_node(cmark::Node n, doc::Inlines& out) {
    switch (n.kind()) {
      case cmark::NodeKind::Text:
        text(n.literal(), out);
        return;
      case cmark::NodeKind::SoftBreak:
        if (out.empty() || !std::holds_alternative<doc::LineBreak>(out.back().value))
          append_text(out, " ");
        return;
      case cmark::NodeKind::LineBreak:
        out.push_back(doc::Inline{doc::LineBreak{}});
        return;
      case cmark::NodeKind::Code:
        out.push_back(doc::Inline{doc::Code{sanitize(n.literal())}});
        return;
      case cmark::NodeKind::HtmlInline: {
        const std::string raw(n.literal());
        if (!from_data_ && (raw == "<br>" || raw == "<br/>" || raw == "<br />")) {
          out.push_back(doc::Inline{doc::LineBreak{}});
        } else if (!from_data_ && is_comment(raw)) {
          // a comment in the template is the author's note, not text
        } else {
          append_text(out, sanitize(raw));
        }
        return;
      }
      case cmark::NodeKind::Emphasis:
        out.push_back(doc::Inline{doc::Emphasis{inlines(n)}});
        return;
      case cmark::NodeKind::Strong:
        out.push_back(doc::Inline{doc::Strong{inlines(n)}});
        return;
      case cmark::NodeKind::Link: {
        const std::string url = sanitize(n.url());
        doc::Inlines content = inlines(n);
        if (!url.empty() && url[0] == '#') {
          out.push_back(doc::Inline{doc::Ref{slug(url.substr(1)), std::move(content)}});
        } else if (external_url(url)) {
          out.push_back(doc::Inline{doc::Link{url, std::move(content)}});
        } else {
          append_all(out, std::move(content));
        }
        return;
      }
      case cmark::NodeKind::Image:
        append_all(out, inlines(n));
        return;
      default:
        append_all(out, inlines(n));
        return;
    }
  }

  // Plain text: splices (md) fields and takes a heading's anchor marker.
  void text(std::string_view s, doc::Inlines& out) {
    std::size_t i = 0;
    while (i < s.size()) {
      std::size_t next = i;
      while (next < s.size() && s[next] != kAnchorOpen && s[next] != kFieldOpen) ++next;
      if (next == s.size()) {
        append_text(out, sanitize(s.substr(i)));
        return;
      }
      append_text(out, sanitize(s.substr(i, next - i)));
      const char close = s[next] == kAnchorOpen ? kAnchorClose : kFieldClose;
      const std::size_t end = s.find(close, next + 1);
      if (end == std::string_view::npos) {
        append_text(out, sanitize(s.substr(next)));
        return;
      }
      const std::string token(s.substr(next, end - next + 1));
      if (s[next] == kAnchorOpen) {
        if (in_heading_) anchor_ = token.substr(1, token.size() - 2);
      } else {
        doc::Inlines field;
        flatten(field_blocks(token), field);
        append_all(out, std::move(field));
      }
      i = end + 1;
    }
  }

  doc::Blocks field_blocks(const std::string& token) {
    if (from_data_) return {};
    std::size_t index = 0;
    try {
      index = std::stoul(token.substr(1, token.size() - 2));
    } catch (...) {
      return {};
    }
    if (index >= source_.fields.size()) return {};
    const std::string& field = source_.fields[index];
    if (auto plain = plain_field_blocks(field)) return std::move(*plain);
    return field_blocks_parsed(field);
  }

  const MarkdownSource& source_;
  bool from_data_;
  Pending pending_;
  bool in_heading_ = false;
  std::string anchor_;
  int depth_ = 0;
};

}  // namespace

doc::Blocks field_blocks_parsed(const std::string& source) {
  const cmark::Tree tree(source);
  const MarkdownSource none;
  return Converter(none, true).convert(tree.root());
}

doc::Blocks markdown_to_blocks(const MarkdownSource& source) {
  const cmark::Tree tree(source.text);
  Converter converter(source, false);
  doc::Blocks blocks = converter.convert(tree.root());
  resolve_anchors(blocks);
  return blocks;
}

}  // namespace plenary::compose::detail
