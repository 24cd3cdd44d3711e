#include "paginate/contents.hpp"

#include <algorithm>

#include "paginate/blocks.hpp"

namespace plenary::paginate {

TextStyle body_text(const doc::Style& style) {
  TextStyle text;
  text.size = style.body_size_pt;
  text.color = style.text_color;
  text.code_ratio = style.code_size_ratio;
  return text;
}

EntryText entry_text(const doc::Heading& h, int page, double width, const doc::Style& style,
                     FontRegistry& fonts) {
  EntryText entry;
  entry.text = body_text(style);
  entry.text.bold = h.level == 1;
  entry.indent = (std::clamp(h.level, 1, 3) - 1) * style.contents_indent_pt;
  entry.font = fonts.font(Family::Body, entry.text.bold, false);
  entry.number = std::to_string(page);
  entry.number_width = fonts.width(entry.font, entry.number, entry.text.size);
  entry.text_width = width - entry.indent - entry.number_width - 28;
  return entry;
}

bool same_contents_lines(const doc::Document& document, const doc::Style& style,
                         FontRegistry& fonts, const std::vector<double>& widths,
                         const std::vector<int>& a, const std::vector<int>& b) {
  bool same = true;
  for (double width : widths) {
    std::size_t k = 0;
    for_each_contents_heading(document.blocks, [&](const doc::Heading& h) {
      const int page_a = k < a.size() ? a[k] : 0;
      const int page_b = k < b.size() ? b[k] : 0;
      ++k;
      if (!same) return;
      const EntryText ea = entry_text(h, page_a, width, style, fonts);
      const EntryText eb = entry_text(h, page_b, width, style, fonts);
      if (ea.text_width == eb.text_width) return;
      const TextBox la =
          break_lines(flatten(h.content, ea.text, style.link_color), ea.text_width, fonts);
      const TextBox lb =
          break_lines(flatten(h.content, eb.text, style.link_color), eb.text_width, fonts);
      if (la.lines.size() != lb.lines.size()) {
        same = false;
        return;
      }
      for (std::size_t i = 0; i < la.lines.size(); ++i) {
        if (la.lines[i].size != lb.lines[i].size) same = false;
      }
    });
  }
  return same;
}

}  // namespace plenary::paginate
