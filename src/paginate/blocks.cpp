#include "paginate/blocks.hpp"

#include <algorithm>
#include <cmath>

#include "core/utf8.hpp"
#include "paginate/contents.hpp"
#include "paginate/flow.hpp"
#include "paginate/image_size.hpp"
#include "paginate/lines.hpp"
#include "paginate/table.hpp"

namespace plenary::paginate {

namespace {

class BlockLayouter {
 public:
  BlockLayouter(const doc::Document& document, const doc::Style& style, FontRegistry& fonts,
                const std::vector<int>& contents_pages, MeasureCache& cache, Pagination& layout,
                bool emit_text)
      : document_(document),
        style_(style),
        fonts_(fonts),
        contents_pages_(contents_pages),
        cache_(cache),
        flow_(style, fonts, layout, emit_text),
        layout_(layout) {}

  void run() {
    const doc::Blocks& blocks = document_.blocks;
    const double x = style_.margin_left_pt;
    const double width = style_.page_width_pt - style_.margin_left_pt - style_.margin_right_pt;
    std::size_t start = 0;
    if (document_.meta.has_cover) {
      flow_.new_page(true);
      flow_.set_y(flow_.top() + (flow_.bottom() - flow_.top()) * style_.cover_top_fraction);
      while (start < blocks.size() &&
             !std::holds_alternative<doc::PageBreak>(blocks[start].value)) {
        at_block(start);
        block(blocks, start, x, width, 0);
        ++start;
      }
    } else {
      flow_.new_page();
    }
    for (std::size_t i = start; i < blocks.size(); ++i) {
      at_block(i);
      block(blocks, i, x, width, 0);
    }
    flow_.sync();
  }

 private:
  // A page break's page begins with the block after it.
  void at_block(std::size_t i) {
    const doc::Block& b = document_.blocks[i];
    if (std::holds_alternative<doc::PageBreak>(b.value)) {
      flow_.at_block(i + 1, i + 1 < document_.blocks.size() &&
                                std::holds_alternative<doc::Table>(document_.blocks[i + 1].value));
    } else {
      flow_.at_block(i, std::holds_alternative<doc::Table>(b.value));
    }
  }

  TextStyle body_style() const { return body_text(style_); }
  TextStyle heading_style(int level) const {
    TextStyle text;
    text.family = Family::Heading;
    text.bold = true;
    text.size = style_.heading_size_pt[std::clamp(level, 1, 3) - 1];
    text.color = style_.heading_color;
    text.code_ratio = style_.code_size_ratio;
    return text;
  }
  TextStyle paragraph_style(doc::ParagraphStyle kind) const {
    TextStyle text = body_style();
    switch (kind) {
      case doc::ParagraphStyle::Title:
        text.family = Family::Heading;
        text.bold = true;
        text.size = style_.title_size_pt;
        text.color = style_.heading_color;
        break;
      case doc::ParagraphStyle::Subtitle:
        text.family = Family::Heading;
        text.size = style_.subtitle_size_pt;
        text.color = style_.subtitle_color;
        break;
      case doc::ParagraphStyle::Note:
        text.size = style_.note_size_pt;
        text.color = style_.muted_color;
        break;
      default:
        break;
    }
    return text;
  }
  double heading_space_before(int level) const {
    return style_.heading_space_before_pt[std::clamp(level, 1, 3) - 1];
  }
  double heading_space_after(int level) const {
    return style_.heading_space_after_pt[std::clamp(level, 1, 3) - 1];
  }
  double paragraph_space_after(doc::ParagraphStyle kind) const {
    if (kind == doc::ParagraphStyle::Title) return style_.title_space_after_pt;
    if (kind == doc::ParagraphStyle::Subtitle) return style_.subtitle_space_after_pt;
    return style_.paragraph_space_pt;
  }

  // --- keep-with-next: the height a heading needs below it on the same page ---------------
  double lines_height(const TextBox& box, std::size_t count) const {
    double height = 0;
    for (std::size_t i = 0; i < std::min(count, box.lines.size()); ++i) {
      height += line_height(box.lines[i], style_.line_spacing);
    }
    return height;
  }
  double lead_height(const doc::Blocks& blocks, std::size_t i, double width, int depth) {
    if (i >= blocks.size() || depth > 4) return 0;
    const doc::Block& b = blocks[i];
    if (const auto* h = std::get_if<doc::Heading>(&b.value)) {
      const TextBox& box =
          cache_.text(h->content, heading_style(h->level), style_.link_color, width, fonts_);
      return heading_space_before(h->level) + box_height(box, style_.line_spacing) +
             heading_space_after(h->level) + lead_height(blocks, i + 1, width, depth + 1);
    }
    if (const auto* p = std::get_if<doc::Paragraph>(&b.value)) {
      const TextBox& box =
          cache_.text(p->content, paragraph_style(p->style), style_.link_color, width, fonts_);
      return lines_height(box, 2);
    }
    if (const auto* l = std::get_if<doc::List>(&b.value)) {
      if (l->items.empty()) return 0;
      return lead_height(l->items.front().content, 0, width - style_.list_indent_pt, depth + 1);
    }
    if (const auto* t = std::get_if<doc::Table>(&b.value)) {
      return table_lead_height(cache_.table(*t, width, fonts_, style_));
    }
    if (const auto* image = std::get_if<doc::Image>(&b.value)) {
      return image_box(*image, width, style_).h;
    }
    return 0;
  }

  // --- blocks ---------------------------------------------------------------------------
  // The items placed while `place` runs belong to a new structure element `role` under the
  // current one.
  template <typename F>
  void tagged(const std::string& role, F&& place) {
    const int parent = flow_.node();
    flow_.set_node(flow_.add_node(role, parent));
    place();
    flow_.set_node(parent);
  }

  void block(const doc::Blocks& blocks, std::size_t i, double x, double width, int depth) {
    std::visit(
        [&](const auto& node) {
          using T = std::decay_t<decltype(node)>;
          if constexpr (std::is_same_v<T, doc::Heading>) {
            const double lead = lead_height(blocks, i + 1, width, 0);
            tagged("H" + std::to_string(std::clamp(node.level, 1, 3)),
                   [&] { heading(node, lead, x, width); });
          } else if constexpr (std::is_same_v<T, doc::Paragraph>) {
            tagged("P", [&] { paragraph(node, x, width, depth > 0); });
          } else if constexpr (std::is_same_v<T, doc::List>) {
            tagged("L", [&] { list(node, x, width, depth); });
          } else if constexpr (std::is_same_v<T, doc::Table>) {
            tagged("Table", [&] {
              layout_table(node, flow_, x, width, cache_.table(node, width, fonts_, style_));
            });
          } else if constexpr (std::is_same_v<T, doc::Image>) {
            tagged("Figure", [&] {
              if (StructNode* figure = flow_.structure_node(flow_.node()))
                figure->alt = node.alt.empty() ? node.name : node.alt;
              image(node, x, width);
            });
          } else if constexpr (std::is_same_v<T, doc::PageBreak>) {
            if (!flow_.page_empty()) flow_.new_page();
          } else if constexpr (std::is_same_v<T, doc::Contents>) {
            contents(x, width);
          }
        },
        blocks[i].value);
  }

  void heading(const doc::Heading& h, double lead, double x, double width) {
    const TextStyle text = heading_style(h.level);
    const TextBox& box = cache_.text(h.content, text, style_.link_color, width, fonts_);
    const double height = box_height(box, style_.line_spacing);
    const double before = heading_space_before(h.level);
    const double page = flow_.bottom() - flow_.top();
    flow_.ensure(std::min(before + height + heading_space_after(h.level) + lead, page));
    flow_.space(before);
    flow_.ensure(height);
    flow_.page().items.push_back(AnchorItem{h.anchor, flow_.y()});
    if (h.in_contents) {
      layout_.headings.push_back(HeadingEntry{std::clamp(h.level, 1, 3), h.anchor,
                                              doc::plain_text(h.content, ' '), flow_.page_number(),
                                              flow_.y()});
    }
    for (const Line& line : box.lines) flow_.line(line, box.links, x, width);
    flow_.advance(heading_space_after(h.level));
  }

  void paragraph(const doc::Paragraph& p, double x, double width, bool in_list) {
    const TextStyle text = paragraph_style(p.style);
    const TextBox& box = cache_.text(p.content, text, style_.link_color, width, fonts_);
    if (box.lines.size() >= 2) flow_.ensure(lines_height(box, 2));  // no lone first line
    for (std::size_t i = 0; i < box.lines.size(); ++i) {
      // No lone last line at the top of a page either.
      if (box.lines.size() >= 3 && i + 2 == box.lines.size()) {
        flow_.ensure(lines_height(box, box.lines.size()) - lines_height(box, i));
      }
      flow_.line(box.lines[i], box.links, x, width, p.align);
    }
    flow_.advance(in_list ? style_.list_item_space_pt : paragraph_space_after(p.style));
  }

  void list(const doc::List& l, double x, double width, int depth) {
    const TextStyle text = body_style();
    const FontId font = fonts_.font(Family::Body, false, false);
    // Markers right-aligned in an indent wide enough for the widest ("120.").
    std::vector<std::string> markers;
    double widest = 0;
    for (std::size_t i = 0; i < l.items.size(); ++i) {
      markers.push_back(l.ordered ? std::to_string(l.start + static_cast<int>(i)) + "."
                                  : style_.bullets[depth % 3]);
      widest = std::max(widest,
                        fonts_.width(marker_font(font, markers.back()), markers.back(), text.size));
    }
    const double indent = std::max(style_.list_indent_pt, widest + 6);
    for (std::size_t i = 0; i < l.items.size(); ++i) {
      const FontId mf = marker_font(font, markers[i]);
      const double w = fonts_.width(mf, markers[i], text.size);
      if (depth == 0) flow_.at_item(static_cast<int>(i));
      tagged("LI", [&] {
        const int label = flow_.add_node("Lbl", flow_.node());
        flow_.set_marker(TextItem{x + indent - 5 - w, 0, mf, text.size, text.color, markers[i], w},
                         label);
        tagged("LBody", [&] {
          const doc::Blocks& content = l.items[i].content;
          for (std::size_t b = 0; b < content.size(); ++b) {
            block(content, b, x + indent, width - indent, depth + 1);
          }
          flow_.flush_marker();
        });
      });
    }
    if (depth == 0) flow_.advance(style_.list_space_after_pt);
  }

  FontId marker_font(FontId font, const std::string& marker) {
    std::size_t pos = 0;
    return fonts_.font_for(font, plenary::core::next_code_point(marker, pos));
  }

  void image(const doc::Image& img, double x, double width) {
    const ImageBox box = image_box(img, std::min(width, flow_.bottom() - flow_.top()), style_);
    double h = box.h, w = box.w;
    const double page = flow_.bottom() - flow_.top();
    if (h > page) {
      w *= page / h;
      h = page;
    }
    flow_.ensure(h);
    double left = x;
    if (img.align == doc::Align::Center) left = x + (width - w) / 2;
    if (img.align == doc::Align::Right) left = x + width - w;
    flow_.page().items.emplace_back(std::in_place_type<ImageItem>,
                                    ImageItem{left, flow_.y(), w, h, &img});
    flow_.advance(h + style_.paragraph_space_pt);
  }

  void contents(double x, double width) {
    layout_.contents_widths.push_back(width);
    const TextStyle title = heading_style(1);
    if (!document_.meta.contents_title.empty()) {
      const TextBox box = break_lines(plain(document_.meta.contents_title, title), width, fonts_);
      flow_.ensure(box_height(box, style_.line_spacing) + 40);
      tagged("H1", [&] {
        for (const Line& line : box.lines) flow_.line(line, box.links, x, width);
      });
      flow_.advance(title.size * 0.8);
    }
    std::size_t k = 0;
    tagged("TOC", [&] {
      for_each_contents_heading(document_.blocks, [&](const doc::Heading& h) {
        const int page = k < contents_pages_.size() ? contents_pages_[k] : 0;
        ++k;
        tagged("TOCI", [&] {
          tagged("Link", [&] {
            if (StructNode* link = flow_.structure_node(flow_.node()))
              link->text = doc::plain_text(h.content, ' ');
            entry(h, page, x, width);
          });
        });
      });
    });
    flow_.advance(style_.paragraph_space_pt);
  }

  void entry(const doc::Heading& h, int page, double x, double width) {
    const EntryText e = entry_text(h, page, width, style_, fonts_);
    const TextStyle& text = e.text;
    const double indent = e.indent;
    TextBox box = break_lines(flatten(h.content, text, style_.link_color), e.text_width, fonts_);
    for (Line& line : box.lines) {
      for (Piece& piece : line.pieces) piece.link = -1;  // the whole entry is one link
    }
    if (h.level == 1) flow_.space(style_.paragraph_space_pt * 0.6);
    flow_.ensure(box_height(box, style_.line_spacing));
    for (std::size_t i = 0; i < box.lines.size(); ++i) {
      const PlacedLine placed = flow_.line(box.lines[i], box.links, x + indent, e.text_width);
      if (!flow_.emits_text()) {  // a measuring pass: the link, leaders and number place nothing
        flow_.mark_placed();
        // (the leaders' font is still asked for here, so fonts resolve in the same order)
        if (i + 1 == box.lines.size()) fonts_.font(Family::Body, false, false);
        continue;
      }
      auto& items = flow_.page().items;
      items.push_back(
          LinkItem{x + indent, placed.top, width - indent, placed.height, {}, h.anchor});
      if (i + 1 < box.lines.size()) continue;
      // Dot leaders, aligned on a grid so the dots line up from entry to entry.
      const FontId dot_font = fonts_.font(Family::Body, false, false);
      const double dot = fonts_.width(dot_font, ". ", text.size);
      const double line_end = x + indent + box.lines[i].width + 4;
      const double dots_end = x + width - e.number_width - 4;
      const int first = static_cast<int>(std::ceil((line_end - x) / dot));
      const int last = static_cast<int>(std::floor((dots_end - x) / dot)) - 1;
      if (last >= first) {
        std::string dots;
        for (int d = first; d <= last; ++d) dots += ". ";
        dots.pop_back();
        const int link = flow_.node();
        flow_.set_node(kArtifact);  // the leaders are not content
        items.push_back(TextItem{x + first * dot, placed.baseline, dot_font, text.size,
                                 style_.muted_color, dots,
                                 fonts_.width(dot_font, dots, text.size)});
        flow_.set_node(link);
      }
      items.push_back(TextItem{x + width - e.number_width, placed.baseline, e.font, text.size,
                               text.color, e.number, e.number_width});
    }
  }

  const doc::Document& document_;
  const doc::Style& style_;
  FontRegistry& fonts_;
  const std::vector<int>& contents_pages_;
  MeasureCache& cache_;
  Flow flow_;
  Pagination& layout_;
};

}  // namespace

Pagination run_pass(const doc::Document& document, const doc::Style& style, FontRegistry& fonts,
                    const std::vector<int>& contents_pages, MeasureCache& cache, bool emit_text) {
  Pagination layout;
  BlockLayouter(document, style, fonts, contents_pages, cache, layout, emit_text).run();
  return layout;
}

bool has_contents(const doc::Document& document) {
  return std::any_of(document.blocks.begin(), document.blocks.end(), [](const doc::Block& b) {
    return std::holds_alternative<doc::Contents>(b.value);
  });
}

}  // namespace plenary::paginate
