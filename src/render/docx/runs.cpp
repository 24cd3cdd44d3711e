#include "render/docx/runs.hpp"

#include "core/utf8.hpp"

#include <cctype>
#include <cstdio>
#include <cstring>

namespace plenary::render::docx {

namespace {

void write_rpr(PartWriter& w, const RunFormat& f) {
  if (!f.bold && !f.italic && !f.code && !f.link) return;
  w.x.open("w:rPr");
  if (f.link) {
    w.x.leaf("w:rStyle", {{"w:val", "Hyperlink"}});
  } else if (f.code) {
    w.x.leaf("w:rStyle", {{"w:val", "Code"}});
  }
  if (f.link && f.code) {
    const std::string& mono = w.state.style.mono_font;
    w.x.leaf("w:rFonts", {{"w:ascii", mono}, {"w:hAnsi", mono}, {"w:cs", mono}});
  }
  if (f.bold) {
    w.x.leaf("w:b");
    w.x.leaf("w:bCs");
  }
  if (f.italic) {
    w.x.leaf("w:i");
    w.x.leaf("w:iCs");
  }
  w.x.close("w:rPr");
}

// Whether core::clean leaves anything of `text`; almost always settled by the first byte.
bool keeps_something(std::string_view text) {
  for (const char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    if ((c >= 0x20 && c < 0x7F) || c == '\t' || c == '\n') return true;
  }
  return !text.empty() && !plenary::core::clean(text).empty();  // only controls and non-ASCII
}

// The writer cleans the text itself; a piece that cleans to nothing writes no w:t.
void write_t(PartWriter& w, std::string_view text) {
  if (!keeps_something(text)) return;
  w.x.element("w:t", text, {{"xml:space", "preserve"}});
}

struct InlineWriter {
  PartWriter& w;
  RunFormat format;

  void operator()(const doc::Text& t) const { write_text(w, t.text, format); }
  void operator()(const doc::Strong& s) const {
    RunFormat f = format;
    f.bold = true;
    write_inlines(w, s.content, f);
  }
  void operator()(const doc::Emphasis& e) const {
    RunFormat f = format;
    f.italic = true;
    write_inlines(w, e.content, f);
  }
  void operator()(const doc::Code& c) const {
    RunFormat f = format;
    f.code = true;
    write_text(w, c.text, f);
  }
  void operator()(const doc::LineBreak&) const {
    w.x.open("w:r");
    w.x.leaf("w:br");
    w.x.close("w:r");
  }
  void operator()(const doc::Link& link) const {
    const std::string url = safe_url(link.url);
    if (format.link || url.empty()) {  // no hyperlink inside a hyperlink
      write_inlines(w, link.content.empty() ? doc::Inlines{doc::text(link.url)} : link.content,
                    format);
      return;
    }
    const std::string id = w.rels.add("hyperlink", url, true);
    w.x.open("w:hyperlink", {{"r:id", id}, {"w:history", "1"}});
    RunFormat f = format;
    f.link = true;
    write_inlines(w, link.content.empty() ? doc::Inlines{doc::text(link.url)} : link.content, f);
    w.x.close("w:hyperlink");
  }
  void operator()(const doc::Ref& ref) const {
    const auto found = w.state.bookmarks.find(ref.anchor);
    if (format.link || found == w.state.bookmarks.end()) {  // unknown anchor: plain text
      write_inlines(w, ref.content, format);
      return;
    }
    w.x.open("w:hyperlink", {{"w:anchor", found->second}, {"w:history", "1"}});
    RunFormat f = format;
    f.link = true;
    write_inlines(w, ref.content, f);
    w.x.close("w:hyperlink");
  }
};

}  // namespace

void write_text(PartWriter& w, std::string_view text, const RunFormat& format) {
  // Tabs and newlines survive core::clean and are never part of a UTF-8 sequence it replaces,
  // so splitting the raw text at them and letting the writer clean each piece gives what
  // cleaning first gave, without a cleaned copy of every text.
  if (!keeps_something(text)) return;
  w.x.open("w:r");
  write_rpr(w, format);
  std::size_t start = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '\t' && text[i] != '\n') continue;
    write_t(w, text.substr(start, i - start));
    w.x.leaf(text[i] == '\t' ? "w:tab" : "w:br");
    start = i + 1;
  }
  write_t(w, text.substr(start));
  w.x.close("w:r");
}

void write_inlines(PartWriter& w, const doc::Inlines& content, RunFormat format) {
  for (const doc::Inline& item : content) std::visit(InlineWriter{w, format}, item.value);
}

void write_field(PartWriter& w, const std::string& instruction, const std::string& result,
                 const RunFormat& format) {
  auto fld_char = [&](const char* type) {
    w.x.open("w:r");
    write_rpr(w, format);
    w.x.leaf("w:fldChar", {{"w:fldCharType", type}});
    w.x.close("w:r");
  };
  fld_char("begin");
  w.x.open("w:r");
  write_rpr(w, format);
  w.x.element("w:instrText", instruction, {{"xml:space", "preserve"}});
  w.x.close("w:r");
  fld_char("separate");
  write_text(w, result, format);
  fld_char("end");
}

std::string safe_url(const std::string& url) {
  static const char* const kForbidden = "\"<>\\^`{|}";
  const std::string clean = plenary::core::clean(url);
  std::string out;
  for (std::size_t i = 0; i < clean.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(clean[i]);
    const bool escape_ok = c == '%' && i + 2 < clean.size() &&
                           std::isxdigit(static_cast<unsigned char>(clean[i + 1])) &&
                           std::isxdigit(static_cast<unsigned char>(clean[i + 2]));
    if (c <= 0x20 || c >= 0x7F || std::strchr(kForbidden, c) != nullptr ||
        (c == '%' && !escape_ok)) {
      char buffer[4];
      std::snprintf(buffer, sizeof buffer, "%%%02X", c);
      out += buffer;
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

}  // namespace plenary::render::docx
