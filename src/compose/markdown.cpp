#include "compose/markdown.hpp"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm-extension_api.h>
#include <cmark-gfm.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdlib>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <sstream>
#include <string_view>

#include "compose/escape.hpp"
#include "compose/value.hpp"

namespace plenary::compose::detail {

namespace {

// --- RAII over cmark-gfm ---------------------------------------------------------------------

struct ParserFree {
  void operator()(cmark_parser* p) const { cmark_parser_free(p); }
};
struct NodeFree {
  void operator()(cmark_node* n) const { cmark_node_free(n); }
};
using ParserPtr = std::unique_ptr<cmark_parser, ParserFree>;
using NodePtr = std::unique_ptr<cmark_node, NodeFree>;

NodePtr parse_markdown(const std::string& text) {
  static std::once_flag registered;  // the registry is global and not safe to fill concurrently
  std::call_once(registered, [] { cmark_gfm_core_extensions_ensure_registered(); });
  ParserPtr parser(cmark_parser_new(CMARK_OPT_DEFAULT | CMARK_OPT_VALIDATE_UTF8));
  if (cmark_syntax_extension* table = cmark_find_syntax_extension("table")) {
    cmark_parser_attach_syntax_extension(parser.get(), table);
  }
  cmark_parser_feed(parser.get(), text.data(), text.size());
  return NodePtr(cmark_parser_finish(parser.get()));
}

std::string literal(cmark_node* n) {
  const char* s = cmark_node_get_literal(n);
  return s ? s : "";
}

std::string type_string(cmark_node* n) {
  const char* s = cmark_node_get_type_string(n);
  return s ? s : "";
}

std::string trim(const std::string& s) {
  const auto a = s.find_first_not_of(" \t\r\n");
  if (a == std::string::npos) return {};
  const auto b = s.find_last_not_of(" \t\r\n");
  return s.substr(a, b - a + 1);
}

// --- inline helpers ----------------------------------------------------------------------------

void append_text(doc::Inlines& out, std::string&& s) {
  if (s.empty()) return;
  if (!out.empty()) {
    if (auto* t = std::get_if<doc::Text>(&out.back().value)) {
      t->text += s;
      return;
    }
  }
  out.push_back(doc::text(std::move(s)));
}

void append_all(doc::Inlines& out, doc::Inlines more) {
  for (auto& i : more) {
    if (auto* t = std::get_if<doc::Text>(&i.value)) {
      append_text(out, std::move(t->text));
    } else {
      out.push_back(std::move(i));
    }
  }
}

void trim_trailing_space(doc::Inlines& content) {
  while (!content.empty()) {
    auto* t = std::get_if<doc::Text>(&content.back().value);
    if (!t) return;
    const auto end = t->text.find_last_not_of(' ');
    if (end == std::string::npos) {
      content.pop_back();
      continue;
    }
    t->text.erase(end + 1);
    return;
  }
}

void trim_leading_space(doc::Inlines& content) {
  while (!content.empty()) {
    auto* t = std::get_if<doc::Text>(&content.front().value);
    if (!t) return;
    const auto start = t->text.find_first_not_of(' ');
    if (start == std::string::npos) {
      content.erase(content.begin());
      continue;
    }
    t->text.erase(0, start);
    return;
  }
}

bool external_url(const std::string& url) {
  return url.rfind("http://", 0) == 0 || url.rfind("https://", 0) == 0 ||
         url.rfind("mailto:", 0) == 0;
}

// Block content flattened into inline runs (an (md) field used inside a line or a cell).
void flatten(const doc::Blocks& blocks, doc::Inlines& out) {
  bool first = true;
  for (const auto& b : blocks) {
    const auto separate = [&] {
      if (!first) out.push_back(doc::Inline{doc::LineBreak{}});
      first = false;
    };
    if (const auto* p = std::get_if<doc::Paragraph>(&b.value)) {
      separate();
      append_all(out, p->content);
    } else if (const auto* h = std::get_if<doc::Heading>(&b.value)) {
      separate();
      append_all(out, h->content);
    } else if (const auto* l = std::get_if<doc::List>(&b.value)) {
      int n = l->start;
      for (const auto& item : l->items) {
        separate();
        append_text(out, l->ordered ? std::to_string(n++) + ". " : "\xE2\x80\xA2 ");
        doc::Inlines inner;
        flatten(item.content, inner);
        append_all(out, std::move(inner));
      }
    } else if (const auto* t = std::get_if<doc::Table>(&b.value)) {
      for (const auto& row : t->rows) {
        separate();
        bool first_cell = true;
        for (const auto& cell : row) {
          if (!first_cell) append_text(out, " | ");
          first_cell = false;
          append_all(out, cell.content);
        }
      }
    }
  }
}

bool is_comment(const std::string& raw) {
  return raw.size() >= 7 && raw.rfind("<!--", 0) == 0 && raw.find("-->") == raw.size() - 3;
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

  doc::Blocks convert(cmark_node* document) {
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

  void children_blocks(cmark_node* parent, doc::Blocks& out) {
    Deeper guard(depth_);
    if (depth_ > kMaxDepth) {
      doc::Paragraph p;
      append_text(p.content, flat_text(parent));
      if (!p.content.empty()) out.push_back(doc::Block{std::move(p)});
      return;
    }
    for (cmark_node* n = cmark_node_first_child(parent); n; n = cmark_node_next(n)) block(n, out);
  }

  // The text of a whole subtree, walked without recursion.
  static std::string flat_text(cmark_node* root) {
    std::string out;
    cmark_iter* iter = cmark_iter_new(root);
    for (cmark_event_type ev; (ev = cmark_iter_next(iter)) != CMARK_EVENT_DONE;) {
      if (ev != CMARK_EVENT_ENTER) continue;
      cmark_node* n = cmark_iter_get_node(iter);
      switch (cmark_node_get_type(n)) {
        case CMARK_NODE_TEXT:
        case CMARK_NODE_CODE:
        case CMARK_NODE_HTML_INLINE:
          out += literal(n);
          break;
        case CMARK_NODE_SOFTBREAK:
        case CMARK_NODE_LINEBREAK:
        case CMARK_NODE_PARAGRAPH:
        case CMARK_NODE_HTML_BLOCK:
        case CMARK_NODE_CODE_BLOCK:
          if (!out.empty() && out.back() != ' ') out += ' ';
          if (cmark_node_get_type(n) != CMARK_NODE_PARAGRAPH) out += trim(literal(n));
          break;
        default:
          break;
      }
    }
    cmark_iter_free(iter);
    return sanitize(trim(out));
  }

  void block(cmark_node* n, doc::Blocks& out) {
    switch (cmark_node_get_type(n)) {
      case CMARK_NODE_HEADING:
        heading(n, out);
        return;
      case CMARK_NODE_PARAGRAPH:
        paragraph(n, out);
        return;
      case CMARK_NODE_LIST:
        list(n, out);
        return;
      case CMARK_NODE_HTML_BLOCK:
        html_block(n, out);
        return;
      case CMARK_NODE_CODE_BLOCK:
        code_block(n, out);
        return;
      case CMARK_NODE_BLOCK_QUOTE:
      case CMARK_NODE_ITEM:
        children_blocks(n, out);
        return;
      case CMARK_NODE_THEMATIC_BREAK:
        return;
      default:
        break;
    }
    if (type_string(n) == "table") table(n, out);
  }

  void heading(cmark_node* n, doc::Blocks& out) {
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
    h.level = std::min(3, std::max(1, cmark_node_get_heading_level(n)));
    h.anchor = anchor_.empty() ? slug(doc::plain_text(content)) : slug(anchor_);
    h.content = std::move(content);
    h.in_contents = !pending_.no_contents;
    pending_ = {};
    out.push_back(doc::Block{std::move(h)});
  }

  void paragraph(cmark_node* n, doc::Blocks& out) {
    // A paragraph that is nothing but an (md) field takes the field's own blocks.
    cmark_node* only = cmark_node_first_child(n);
    if (!from_data_ && only && !cmark_node_next(only) &&
        cmark_node_get_type(only) == CMARK_NODE_TEXT) {
      const std::string t = trim(literal(only));
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

  void list(cmark_node* n, doc::Blocks& out) {
    doc::List l;
    l.ordered = cmark_node_get_list_type(n) == CMARK_ORDERED_LIST;
    l.start = l.ordered ? cmark_node_get_list_start(n) : 1;
    for (cmark_node* item = cmark_node_first_child(n); item; item = cmark_node_next(item)) {
      doc::ListItem li;
      children_blocks(item, li.content);
      l.items.push_back(std::move(li));
    }
    pending_ = {};
    out.push_back(doc::Block{std::move(l)});
  }

  void table(cmark_node* n, doc::Blocks& out) {
    doc::Table t;
    const int columns = cmark_gfm_extensions_get_table_columns(n);
    const uint8_t* aligns = cmark_gfm_extensions_get_table_alignments(n);
    bool any_align = false;
    for (int c = 0; c < columns; ++c) {
      const uint8_t a = aligns ? aligns[c] : 0;
      t.aligns.push_back(a == 'c'   ? doc::Align::Center
                         : a == 'r' ? doc::Align::Right
                                    : doc::Align::Left);
      any_align = any_align || a == 'c' || a == 'r';
    }
    if (!any_align) t.aligns.clear();
    t.header_rows = 0;
    for (cmark_node* row = cmark_node_first_child(n); row; row = cmark_node_next(row)) {
      std::vector<doc::TableCell> cells;
      for (cmark_node* cell = cmark_node_first_child(row); cell; cell = cmark_node_next(cell)) {
        doc::TableCell c;
        c.content = inlines(cell);
        trim_leading_space(c.content);
        trim_trailing_space(c.content);
        cells.push_back(std::move(c));
      }
      cells.resize(static_cast<std::size_t>(columns));
      if (!pending_.widths.empty() && pending_.widths.size() == cells.size())
        t.weights = pending_.widths;
      if (cmark_gfm_extensions_get_table_row_is_header(row)) ++t.header_rows;
      t.rows.push_back(std::move(cells));
    }
    pending_ = {};
    out.push_back(doc::Block{std::move(t)});
  }

  void code_block(cmark_node* n, doc::Blocks& out) {
    doc::Paragraph p;
    std::istringstream lines(literal(n));
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
  void html_block(cmark_node* n, doc::Blocks& out) {
    const std::string raw = trim(literal(n));
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
    if (raw.size() < 7 || raw.rfind("<!--", 0) != 0 || raw.compare(raw.size() - 3, 3, "-->") != 0) {
      return false;
    }
    std::istringstream words(raw.substr(4, raw.size() - 7));
    std::vector<std::string> list;
    for (std::string w; words >> w;) list.push_back(w);
    const std::set<std::string>& known = directive_words();
    if (list.empty()) return false;
    if (list.front() == "widths") {
      std::vector<double> widths;
      for (std::size_t k = 1; k < list.size(); ++k) {
        char* end = nullptr;
        const double v = std::strtod(list[k].c_str(), &end);
        if (!end || *end != '\0' || !(v > 0)) return false;
        widths.push_back(v);
      }
      if (widths.empty()) return false;
      pending_.widths = std::move(widths);
      return true;
    }
    for (const auto& w : list) {
      if (!known.count(w)) return false;
    }
    for (const auto& w : list) {
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

  doc::Inlines inlines(cmark_node* parent) {
    Deeper guard(depth_);
    doc::Inlines out;
    if (depth_ > kMaxDepth) {
      append_text(out, flat_text(parent));
      return out;
    }
    for (cmark_node* n = cmark_node_first_child(parent); n; n = cmark_node_next(n))
      inline_node(n, out);
    return out;
  }

  void inline_node(cmark_node* n, doc::Inlines& out) {
    switch (cmark_node_get_type(n)) {
      case CMARK_NODE_TEXT: {
        const char* literal = cmark_node_get_literal(n);
        text(literal ? std::string_view(literal) : std::string_view(), out);
        return;
      }
      case CMARK_NODE_SOFTBREAK:
        if (out.empty() || !std::holds_alternative<doc::LineBreak>(out.back().value))
          append_text(out, " ");
        return;
      case CMARK_NODE_LINEBREAK:
        out.push_back(doc::Inline{doc::LineBreak{}});
        return;
      case CMARK_NODE_CODE:
        out.push_back(doc::Inline{doc::Code{sanitize(literal(n))}});
        return;
      case CMARK_NODE_HTML_INLINE: {
        const std::string raw = literal(n);
        if (!from_data_ && (raw == "<br>" || raw == "<br/>" || raw == "<br />")) {
          out.push_back(doc::Inline{doc::LineBreak{}});
        } else if (!from_data_ && is_comment(raw)) {
          // a comment in the template is the author's note, not text
        } else {
          append_text(out, sanitize(raw));
        }
        return;
      }
      case CMARK_NODE_EMPH:
        out.push_back(doc::Inline{doc::Emphasis{inlines(n)}});
        return;
      case CMARK_NODE_STRONG:
        out.push_back(doc::Inline{doc::Strong{inlines(n)}});
        return;
      case CMARK_NODE_LINK: {
        const char* u = cmark_node_get_url(n);
        const std::string url = u ? sanitize(u) : "";
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
      case CMARK_NODE_IMAGE:
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

// --- plain fields -------------------------------------------------------------------------------

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

// --- anchors -----------------------------------------------------------------------------------

void unique_anchors(doc::Blocks& blocks, std::set<std::string>& used) {
  for (auto& b : blocks) {
    if (auto* h = std::get_if<doc::Heading>(&b.value)) {
      std::string base = h->anchor;
      std::string a = base;
      for (int k = 2; used.count(a); ++k) a = base + "-" + std::to_string(k);
      used.insert(a);
      h->anchor = a;
    }
  }
}

// Whether resolve_in changes the sequence itself (beyond the insides of its inlines): a
// reference to a missing anchor is replaced by its text, and append_all merges adjacent texts
// and drops empty ones.
bool resolve_changes(const doc::Inlines& content, const std::set<std::string>& anchors) {
  bool after_text = false;
  for (const auto& i : content) {
    if (const auto* t = std::get_if<doc::Text>(&i.value)) {
      if (after_text || t->text.empty()) return true;
      after_text = true;
      continue;
    }
    after_text = false;
    if (const auto* r = std::get_if<doc::Ref>(&i.value); r && !anchors.count(r->anchor))
      return true;
  }
  return false;
}

void resolve_in(doc::Inlines& content, const std::set<std::string>& anchors);

// Resolves the inlines inside `i` (a reference, strong, emphasis or link).
void resolve_inside(doc::Inline& i, const std::set<std::string>& anchors) {
  if (auto* r = std::get_if<doc::Ref>(&i.value)) {
    resolve_in(r->content, anchors);
  } else if (auto* s = std::get_if<doc::Strong>(&i.value)) {
    resolve_in(s->content, anchors);
  } else if (auto* e = std::get_if<doc::Emphasis>(&i.value)) {
    resolve_in(e->content, anchors);
  } else if (auto* l = std::get_if<doc::Link>(&i.value)) {
    resolve_in(l->content, anchors);
  }
}

void resolve_in(doc::Inlines& content, const std::set<std::string>& anchors) {
  if (!resolve_changes(content, anchors)) {
    for (auto& i : content) resolve_inside(i, anchors);
    return;
  }
  doc::Inlines out;
  for (auto& i : content) {
    resolve_inside(i, anchors);
    if (auto* r = std::get_if<doc::Ref>(&i.value); r && !anchors.count(r->anchor)) {
      append_all(out, std::move(r->content));
      continue;
    }
    doc::Inlines one;
    one.push_back(std::move(i));
    append_all(out, std::move(one));
  }
  content = std::move(out);
}

void resolve_blocks(doc::Blocks& blocks, const std::set<std::string>& anchors) {
  for (auto& b : blocks) {
    if (auto* p = std::get_if<doc::Paragraph>(&b.value)) {
      resolve_in(p->content, anchors);
    } else if (auto* h = std::get_if<doc::Heading>(&b.value)) {
      resolve_in(h->content, anchors);
    } else if (auto* l = std::get_if<doc::List>(&b.value)) {
      for (auto& item : l->items) resolve_blocks(item.content, anchors);
    } else if (auto* t = std::get_if<doc::Table>(&b.value)) {
      for (auto& row : t->rows) {
        for (auto& cell : row) resolve_in(cell.content, anchors);
      }
    }
  }
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

doc::Blocks field_blocks_parsed(const std::string& source) {
  NodePtr root = parse_markdown(source);
  const MarkdownSource none;
  return Converter(none, true).convert(root.get());
}

const std::set<std::string>& directive_words() {
  static const std::set<std::string> words = {"pagebreak",  "contents", "logo",   "title",
                                              "subtitle",   "note",     "center", "right",
                                              "nocontents", "widths"};
  return words;
}

std::string slug(const std::string& text) {
  std::string out;
  bool dash = false;
  for (unsigned char c : text) {
    if (std::isalnum(c) && c < 0x80) {
      if (dash && !out.empty()) out += '-';
      dash = false;
      out += static_cast<char>(std::tolower(c));
    } else {
      dash = true;
    }
  }
  return out.empty() ? "section" : out;
}

doc::Blocks markdown_to_blocks(const MarkdownSource& source) {
  NodePtr root = parse_markdown(source.text);
  Converter converter(source, false);
  doc::Blocks blocks = converter.convert(root.get());
  std::set<std::string> anchors;
  unique_anchors(blocks, anchors);
  resolve_blocks(blocks, anchors);
  return blocks;
}

}  // namespace plenary::compose::detail
