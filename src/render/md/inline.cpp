#include "render/md/inline.hpp"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstring>

#include "core/utf8.hpp"

namespace plenary::render::md {

namespace {

// What GFM's flanking rules care about on either side of a * or ** delimiter.
enum class CharClass { None, Space, Punctuation, Other };

// The class of the first (at_start) or last character of s; Space for an empty string (the
// start or end of a line). Non-ASCII counts as a letter except for the common Unicode
// punctuation the documents use.
CharClass char_class(const std::string& s, bool at_start) {
  if (s.empty()) return CharClass::Space;
  const unsigned char c = static_cast<unsigned char>(at_start ? s.front() : s.back());
  if (c < 0x80) {
    if (std::isspace(c) != 0) return CharClass::Space;
    return std::ispunct(c) != 0 ? CharClass::Punctuation : CharClass::Other;
  }
  static const char* const kPunctuation[] = {
      "\xC2\xAB",     "\xC2\xBB",     "\xE2\x80\x93", "\xE2\x80\x94", "\xE2\x80\x9C",
      "\xE2\x80\x9D", "\xE2\x80\x98", "\xE2\x80\x99", "\xE2\x80\xA6", "\xC2\xA0"};
  for (const char* p : kPunctuation) {
    const std::size_t n = std::strlen(p);
    if (s.size() >= n && s.compare(at_start ? 0 : s.size() - n, n, p) == 0) {
      return std::strcmp(p, "\xC2\xA0") == 0 ? CharClass::Space : CharClass::Punctuation;
    }
  }
  return CharClass::Other;
}

// `marker inner marker` when GFM will read the markers as emphasis given the characters
// before and after; else the HTML tag, which always works.
std::string wrap_emphasis(const std::string& inner, const char* marker, const char* tag,
                          CharClass before, CharClass after) {
  if (inner.empty()) return "";
  const CharClass first = char_class(inner, true), last = char_class(inner, false);
  const bool opens =
      first != CharClass::Space && (first != CharClass::Punctuation || before != CharClass::Other);
  const bool closes =
      last != CharClass::Space && (last != CharClass::Punctuation || after != CharClass::Other);
  if (opens && closes) return marker + inner + marker;
  return std::string("<") + tag + ">" + inner + "</" + tag + ">";
}

std::string code_span(std::string text, Context context) {
  std::replace(text.begin(), text.end(), '\n', ' ');
  if (text.empty()) return "";
  if (context == Context::Cell) {  // GFM splits cells on '|' even inside code spans
    std::string escaped;
    for (char c : text) escaped += c == '|' ? std::string("\\|") : std::string(1, c);
    text = escaped;
  }
  std::size_t run = 0, longest = 0;
  for (char c : text) {
    run = c == '`' ? run + 1 : 0;
    longest = std::max(longest, run);
  }
  const std::string fence(longest + 1, '`');
  const bool pad =
      text.front() == '`' || text.back() == '`' || (text.front() == ' ' && text.back() == ' ');
  return fence + (pad ? " " : "") + text + (pad ? " " : "") + fence;
}

std::string line_break(Context context) {
  switch (context) {
    case Context::Paragraph:
      return "\\\n";
    case Context::Cell:
      return "<br>";
    case Context::Heading:
    case Context::None:
      break;
  }
  return " ";
}

struct InlineRenderer {
  Context context;
  const std::set<std::string>& anchors;
  bool in_link;
  std::string& out;
  CharClass before = CharClass::Space;  // the character before this inline
  CharClass after = CharClass::Space;   // the character after it

  void operator()(const doc::Text& t) const { out += escape_text(t.text, context); }
  void operator()(const doc::Strong& s) const {
    out += wrap_emphasis(render(s.content), "**", "strong", before, after);
  }
  void operator()(const doc::Emphasis& e) const {
    out += wrap_emphasis(render(e.content), "*", "em", before, after);
  }
  void operator()(const doc::Code& c) const {
    out += code_span(plenary::core::clean(c.text), context);
  }
  void operator()(const doc::LineBreak&) const { out += line_break(context); }
  void operator()(const doc::Link& link) const {
    const doc::Inlines label =
        link.content.empty() ? doc::Inlines{doc::text(link.url)} : link.content;
    if (in_link || link.url.empty()) {
      out += render(label, in_link, before, after);
      return;
    }
    out += "[" + render(label, true) + "](" + link_destination(link.url) + ")";
  }
  void operator()(const doc::Ref& ref) const {
    if (in_link || anchors.count(ref.anchor) == 0) {
      out += render(ref.content, in_link, before, after);
      return;
    }
    out += "[" + render(ref.content, true) + "](#" + anchor_fragment(ref.anchor) + ")";
  }

  // The inlines inside a delimiter: bounded by the delimiter itself (punctuation).
  std::string render(const doc::Inlines& content, bool link = false,
                     CharClass outer_before = CharClass::Punctuation,
                     CharClass outer_after = CharClass::Punctuation) const {
    return render_sequence(content, context, anchors, in_link || link, outer_before, outer_after);
  }

  static std::string render_sequence(const doc::Inlines& content, Context context,
                                     const std::set<std::string>& anchors, bool in_link,
                                     CharClass outer_before, CharClass outer_after) {
    std::string out;
    for (std::size_t i = 0; i < content.size(); ++i) {
      CharClass next = outer_after;
      if (i + 1 < content.size()) {  // render the next inline once to see its first character
        std::string probe;
        std::visit(InlineRenderer{context, anchors, in_link, probe}, content[i + 1].value);
        if (!probe.empty()) next = char_class(probe, true);
      }
      const CharClass previous = out.empty() ? outer_before : char_class(out, false);
      std::visit(InlineRenderer{context, anchors, in_link, out, previous, next}, content[i].value);
    }
    return out;
  }
};

}  // namespace

// GFM's autolink extension takes "www.", "http://", "https://" and "ftp://" words from the
// raw source, backslashes included, so such a word is written as it is (up to whitespace or
// '<'); only '|' is still escaped in a table cell, where rows are split first.
std::size_t url_word_length(const std::string& text, std::size_t i) {
  const bool word_start = i == 0 || std::strchr(" \t\n(*_~", text[i - 1]) != nullptr;
  if (!word_start) return 0;
  for (const char* prefix : {"http://", "https://", "ftp://", "www."}) {
    if (text.compare(i, std::strlen(prefix), prefix) == 0) {
      std::size_t end = i;
      while (end < text.size() && std::strchr(" \t\n<", text[end]) == nullptr) ++end;
      return end - i;
    }
  }
  return 0;
}

std::string escape_text(std::string_view raw, Context context) {
  static const char* const kAlways = "\\`*_[]<>|~&";
  const std::string text = plenary::core::clean(raw);
  std::string out;
  bool line_start = true;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (const std::size_t url = url_word_length(text, i); url > 0) {
      for (std::size_t k = i; k < i + url; ++k) {
        if (text[k] == '|' && context == Context::Cell) out += '\\';
        out += text[k];
      }
      i += url - 1;
      line_start = false;
      continue;
    }
    const char c = text[i];
    // Only a paragraph line can start a heading, list, rule or setext underline.
    const bool block_start = line_start && context == Context::Paragraph;
    if (c == '\n') {
      out += line_break(context);
      line_start = true;
      continue;
    }
    if (c == '\t') {
      out += ' ';
      continue;
    }
    if (std::strchr(kAlways, c) != nullptr) {
      out += '\\';
    } else if (block_start && (c == '#' || c == '-' || c == '+' || c == '=')) {
      out += '\\';
    } else if (c == '#' && context == Context::Heading) {
      out += '\\';
    } else if ((c == '.' || c == ')') && i > 0 &&
               std::isdigit(static_cast<unsigned char>(text[i - 1]))) {
      // "12." or "3)" at the start of a line would open an ordered list.
      std::size_t k = i;
      while (k > 0 && std::isdigit(static_cast<unsigned char>(text[k - 1]))) --k;
      if (context == Context::Paragraph && (k == 0 || text[k - 1] == '\n')) out += '\\';
    }
    out += c;
    if (c != ' ') line_start = false;
  }
  return out;
}

std::string render_inlines(const doc::Inlines& content, Context context,
                           const std::set<std::string>& anchors) {
  std::string out = InlineRenderer::render_sequence(content, context, anchors, false,
                                                    CharClass::Space, CharClass::Space);
  // Spaces at the start of a line: four would open a code block, and GFM drops fewer anyway.
  std::string trimmed;
  bool line_start = true;
  for (char c : out) {
    if (c == ' ' && line_start) continue;
    trimmed += c;
    line_start = c == '\n';
  }
  out.swap(trimmed);
  // A hard break at the very end of a paragraph would be a literal backslash.
  while (context == Context::Paragraph && out.size() >= 2 &&
         out.compare(out.size() - 2, 2, "\\\n") == 0) {
    out.resize(out.size() - 2);
  }
  return out;
}

std::string link_destination(const std::string& url) {
  const std::string clean = plenary::core::clean(url);
  std::string out;
  bool parens = false;
  for (char ch : clean) {
    const unsigned char c = static_cast<unsigned char>(ch);
    if (c <= 0x20 || c == 0x7F || c == '<' || c == '>' || c == '\\') {
      char buffer[4];
      std::snprintf(buffer, sizeof buffer, "%%%02X", c);
      out += buffer;
    } else {
      parens = parens || c == '(' || c == ')';
      out += ch;
    }
  }
  return parens ? "<" + out + ">" : out;
}

}  // namespace plenary::render::md

namespace plenary::render::md {

std::string anchor_fragment(const std::string& anchor) {
  std::string out;
  for (char ch : plenary::core::clean(anchor)) {
    const unsigned char c = static_cast<unsigned char>(ch);
    if (c <= 0x20 || c == 0x7F || std::strchr("<>()\\", c) != nullptr) {
      char buffer[4];
      std::snprintf(buffer, sizeof buffer, "%%%02X", c);
      out += buffer;
    } else {
      out += ch;
    }
  }
  return out;
}

}  // namespace plenary::render::md
