#include "render/docx/body.hpp"

#include <algorithm>

#include "render/docx/contents.hpp"
#include "render/docx/image.hpp"
#include "render/docx/styles.hpp"
#include "render/docx/table.hpp"

namespace plenary::render::docx {

void open_part_root(XmlOut& x, const char* root) {
  x.open(root, {{"xmlns:w", ns::kW},
                {"xmlns:r", ns::kR},
                {"xmlns:wp", ns::kWp},
                {"xmlns:a", ns::kA},
                {"xmlns:pic", ns::kPic}});
}

namespace {

struct ParaProps {
  std::string style;
  bool page_break_before = false;
  int num_id = 0;  // 0 = not a list paragraph
  int level = 0;
  long indent_left = 0;
  doc::Align align = doc::Align::Left;
  bool body_outline = false;    // outline level 9: not in the navigation pane or outline
  double space_before_pt = -1;  // -1 = the paragraph style's
  // Single "auto" line spacing instead of the styles' exact pitch: a paragraph holding an
  // image, which an exact line height would crop (Word does).
  bool auto_line = false;
};

void open_paragraph(XmlOut& x, const ParaProps& p) {
  x.open("w:p");
  x.open("w:pPr");
  if (!p.style.empty()) x.leaf("w:pStyle", {{"w:val", p.style}});
  if (p.page_break_before) x.leaf("w:pageBreakBefore");
  if (p.num_id > 0) {
    x.open("w:numPr");
    x.leaf("w:ilvl", {{"w:val", std::to_string(p.level)}});
    x.leaf("w:numId", {{"w:val", std::to_string(p.num_id)}});
    x.close("w:numPr");
  }
  if (p.space_before_pt >= 0 && p.auto_line) {
    x.leaf("w:spacing", {{"w:before", std::to_string(twips(p.space_before_pt))},
                         {"w:line", "240"},
                         {"w:lineRule", "auto"}});
  } else if (p.space_before_pt >= 0) {
    x.leaf("w:spacing", {{"w:before", std::to_string(twips(p.space_before_pt))}});
  } else if (p.auto_line) {
    x.leaf("w:spacing", {{"w:line", "240"}, {"w:lineRule", "auto"}});
  }
  if (p.indent_left > 0) x.leaf("w:ind", {{"w:left", std::to_string(p.indent_left)}});
  if (p.align == doc::Align::Center) x.leaf("w:jc", {{"w:val", "center"}});
  if (p.align == doc::Align::Right) x.leaf("w:jc", {{"w:val", "right"}});
  if (p.body_outline) x.leaf("w:outlineLvl", {{"w:val", "9"}});
  x.close("w:pPr");
}

const char* paragraph_style(doc::ParagraphStyle style) {
  switch (style) {
    case doc::ParagraphStyle::Title:
      return style_id::kTitle;
    case doc::ParagraphStyle::Subtitle:
      return style_id::kSubtitle;
    case doc::ParagraphStyle::Note:
      return style_id::kNote;
    case doc::ParagraphStyle::Normal:
    case doc::ParagraphStyle::None:
      break;
  }
  return "";
}

// A table that writes a w:tbl (one with at least one cell).
bool is_table(const doc::Block& block) {
  const auto* table = std::get_if<doc::Table>(&block.value);
  return table != nullptr && std::any_of(table->rows.begin(), table->rows.end(),
                                         [](const auto& row) { return !row.empty(); });
}

class BodyWriter {
 public:
  explicit BodyWriter(PartWriter& w) : w_(w), cover_(w.state.document.meta.has_cover) {}

  // Blocks [first, last) by reference: images are registered by the address of their bytes.
  void blocks(doc::Blocks::const_iterator first, doc::Blocks::const_iterator last, int list_level) {
    const doc::Blocks& top = w_.state.document.blocks;
    for (auto it = first; it != last; ++it) {
      if (list_level == 0 && !top.empty() && &*it >= &top.front() && &*it <= &top.back()) {
        const auto index = static_cast<std::size_t>(&*it - &top.front());
        if (page_begins_with(index)) page_break_ = true;
        table_rows_ = page_rows(index);
        list_items_ = page_items(index);
      } else {
        table_rows_.clear();
        list_items_.clear();
      }
      std::visit([&](const auto& node) { block(node, list_level); }, it->value);
      // Word merges adjacent tables and wants a paragraph after a final one.
      auto next = it + 1;
      while (next != last && std::holds_alternative<doc::Table>(next->value) && !is_table(*next)) {
        ++next;  // an empty table writes nothing
      }
      if (is_table(*it) && (next == last || is_table(*next))) {
        empty_paragraph();
      }
    }
  }

  void finish() {
    if (page_break_) page_break_paragraph();
  }

 private:
  // Whether the PDF starts a page (after the first) with top-level block `index` itself, not
  // a block going on from the page before.
  bool page_begins_with(std::size_t index) const {
    const auto& starts = w_.state.options.page_starts;
    for (std::size_t p = 1; p < starts.size(); ++p) {
      if (starts[p].block == index && !starts[p].continued) return true;
    }
    return false;
  }
  // The rows of top-level table `index` at which the PDF starts a page.
  std::vector<int> page_rows(std::size_t index) const {
    std::vector<int> rows;
    const auto& starts = w_.state.options.page_starts;
    for (std::size_t p = 1; p < starts.size(); ++p) {
      if (starts[p].block == index && starts[p].continued && starts[p].row > 0) {
        rows.push_back(starts[p].row);
      }
    }
    return rows;
  }

  // The items of top-level list `index` at which the PDF starts a page (the item begins there).
  std::vector<int> page_items(std::size_t index) const {
    std::vector<int> items;
    const auto& starts = w_.state.options.page_starts;
    for (std::size_t p = 1; p < starts.size(); ++p) {
      if (starts[p].block == index && starts[p].continued && starts[p].item > 0 &&
          !starts[p].item_continued) {
        items.push_back(starts[p].item);
      }
    }
    return items;
  }

  // A page break becomes pageBreakBefore on the next paragraph, or a paragraph of its own
  // when the next block is not a paragraph.
  ParaProps take_break(ParaProps p) {
    if (cover_) {  // the cover's first paragraph starts where the PDF's does
      const doc::Style& s = w_.state.style;
      p.space_before_pt =
          (s.page_height_pt - s.margin_top_pt - s.margin_bottom_pt) * s.cover_top_fraction;
      cover_ = false;
    }
    p.page_break_before = page_break_;
    // The PDF sets no space above the first block of a page; LibreOffice keeps a paragraph's
    // space before after a page break, which would push the page's end past the PDF's.
    if (page_break_ && p.space_before_pt < 0) p.space_before_pt = 0;
    page_break_ = false;
    return p;
  }
  void flush_break() {
    if (page_break_) page_break_paragraph();
    page_break_ = false;
  }
  void page_break_paragraph() {
    w_.x.open("w:p");
    w_.x.open("w:r");
    w_.x.leaf("w:br", {{"w:type", "page"}});
    w_.x.close("w:r");
    w_.x.close("w:p");
  }
  void empty_paragraph() {
    open_paragraph(w_.x, ParaProps{});
    w_.x.close("w:p");
  }

  void block(const doc::Heading& h, int) {
    ParaProps p;
    p.style = style_id::heading(std::clamp(h.level, 1, 3));
    p.body_outline = !h.in_contents;
    open_paragraph(w_.x, take_break(p));
    const auto found = w_.state.bookmarks.find(h.anchor);
    const std::string id = std::to_string(w_.state.next_bookmark_id++);
    if (found != w_.state.bookmarks.end()) {
      w_.x.leaf("w:bookmarkStart", {{"w:id", id}, {"w:name", found->second}});
    }
    write_inlines(w_, h.content);
    if (found != w_.state.bookmarks.end()) w_.x.leaf("w:bookmarkEnd", {{"w:id", id}});
    w_.x.close("w:p");
  }

  void block(const doc::Paragraph& para, int list_level) {
    ParaProps p;
    p.style = paragraph_style(para.style);
    p.align = para.align;
    if (list_level > 0) {  // a continuation paragraph inside a list item
      if (p.style.empty()) p.style = style_id::kListParagraph;
      p.indent_left = list_indent_twips(w_.state.style) * list_level;
    }
    paragraph(para, take_break(p));
  }

  void paragraph(const doc::Paragraph& para, const ParaProps& p) {
    open_paragraph(w_.x, p);
    write_inlines(w_, para.content);
    w_.x.close("w:p");
  }

  void block(const doc::List& list, int list_level) {
    const int level = std::min(list_level, 8);
    w_.state.lists.push_back({list.ordered, level, std::max(0, list.start)});
    const int num_id = static_cast<int>(w_.state.lists.size());
    const std::vector<int> page_items = list_items_;  // blocks() below clears list_items_
    for (std::size_t i = 0; i < list.items.size(); ++i) {
      const doc::ListItem& item = list.items[i];
      if (std::find(page_items.begin(), page_items.end(), static_cast<int>(i)) !=
          page_items.end()) {
        page_break_ = true;  // the PDF starts a page with this item
      }
      ParaProps p;
      p.style = style_id::kListParagraph;
      p.num_id = num_id;
      p.level = level;
      const doc::Paragraph* first =
          item.content.empty() ? nullptr : std::get_if<doc::Paragraph>(&item.content.front().value);
      if (first != nullptr) {
        p.align = first->align;
        paragraph(*first, take_break(p));
      } else {  // the number needs a paragraph of its own
        open_paragraph(w_.x, take_break(p));
        w_.x.close("w:p");
      }
      blocks(item.content.begin() + (first != nullptr ? 1 : 0), item.content.end(), level + 1);
    }
  }

  void block(const doc::Table& table, int) {
    if (page_break_ && !w_.state.options.page_starts.empty()) {
      write_page_start_paragraph(w_.x);  // one point high: the table starts at the page top
      page_break_ = false;
    }
    flush_break();
    write_table(w_, table, table_rows_);
  }

  void block(const doc::Image& image, int list_level) {
    ParaProps p;
    p.align = image.align;
    p.auto_line = true;
    if (list_level > 0) p.indent_left = list_indent_twips(w_.state.style) * list_level;
    open_paragraph(w_.x, take_break(p));
    const doc::Style& s = w_.state.style;
    write_image_run(w_, image, text_width_twips(s) / 20.0 - s.list_indent_pt * list_level,
                    s.page_height_pt - s.margin_top_pt - s.margin_bottom_pt - 24);
    w_.x.close("w:p");
  }

  void block(const doc::PageBreak&, int) {
    flush_break();
    page_break_ = true;
  }

  void block(const doc::Contents&, int) {
    flush_break();
    w_.state.contents_at.push_back(w_.x.offset());  // written once the pages are known
  }

  PartWriter& w_;
  bool cover_ = false;  // the next paragraph is the cover's first
  bool page_break_ = false;
  std::vector<int> table_rows_;  // page_rows() of the top-level block being written
  std::vector<int> list_items_;  // page_items() of the top-level block being written
};

// Page for page: the body's bottom margin is this much lower than the PDF's (the footer stays
// where it is). Less than one body line, so a paragraph the PDF splits across pages is split at
// the same line; more than one table line, so a cell line LibreOffice or Word wraps once more
// than the PDF, or a rule it adds to a row's height, does not push the page's last row or line
// onto a page of its own before the PDF's explicit break. Never so much that the footer would
// come within twice its text size of the body.
double extra_body_room(const doc::Style& s) {
  const double room = s.body_size_pt * s.line_spacing - 1;
  const double footer_space = s.margin_bottom_pt / 2 - 2 * s.header_footer_size_pt;
  return std::max(0.0, std::min(room, footer_space));
}

void write_section(XmlOut& x, const doc::Style& s, const doc::Metadata& meta,
                   const SectionParts& section, double extra_room_pt) {
  x.open("w:sectPr");
  auto reference = [&](const char* element, const char* type, const std::string& id) {
    if (!id.empty()) x.leaf(element, {{"w:type", type}, {"r:id", id}});
  };
  reference("w:headerReference", "default", section.header);
  reference("w:headerReference", "first", section.first_header);
  reference("w:footerReference", "default", section.footer);
  reference("w:footerReference", "first", section.first_footer);
  if (s.page_width_pt > s.page_height_pt) {
    x.leaf("w:pgSz", {{"w:w", std::to_string(twips(s.page_width_pt))},
                      {"w:h", std::to_string(twips(s.page_height_pt))},
                      {"w:orient", "landscape"}});
  } else {
    x.leaf("w:pgSz", {{"w:w", std::to_string(twips(s.page_width_pt))},
                      {"w:h", std::to_string(twips(s.page_height_pt))}});
  }
  x.leaf("w:pgMar", {{"w:top", std::to_string(twips(s.margin_top_pt))},
                     {"w:right", std::to_string(twips(s.margin_right_pt))},
                     {"w:bottom", std::to_string(twips(s.margin_bottom_pt - extra_room_pt))},
                     {"w:left", std::to_string(twips(s.margin_left_pt))},
                     {"w:header", std::to_string(twips(s.margin_top_pt / 2))},
                     {"w:footer", std::to_string(twips(s.margin_bottom_pt / 2))},
                     {"w:gutter", "0"}});
  x.leaf("w:cols", {{"w:space", "720"}});
  if (meta.has_cover) x.leaf("w:titlePg");
  x.leaf("w:docGrid", {{"w:linePitch", "360"}});
  x.close("w:sectPr");
}

}  // namespace

std::string document_xml(WriterState& state, PartRels& rels, const SectionParts& section) {
  // Room for the whole part at once where the layout's page count is known: 12 KB a page (the
  // K=4 briefing pack's part is 9.8 KB a page, 1.1 MB; agendas up to 19 KB). Grown by doubling
  // from 64 KB, each step zero-filled and copied the whole buffer into fresh memory: 665 page
  // faults of a forced K=4 DOCX build.
  XmlOut x(std::max<std::size_t>(64 * 1024, std::size_t(12 * 1024) *
                                                std::max(state.options.page_count, 0)));
  PartWriter w{x, state, rels};
  open_part_root(x, "w:document");
  x.open("w:body");
  BodyWriter body(w);
  body.blocks(state.document.blocks.begin(), state.document.blocks.end(), 0);
  body.finish();
  if (!state.contents_at.empty()) {
    // The contents are written after the body and put in their place(s).
    state.heading_pages = state.options.heading_pages;
    XmlOut contents(XmlOut::Fragment{}, 16 * 1024);
    PartWriter cw{contents, state, rels};
    write_contents(cw);
    const std::string markup = contents.finish();
    for (auto at = state.contents_at.rbegin(); at != state.contents_at.rend(); ++at)
      x.insert(*at, markup);
  }
  write_section(x, state.style, state.document.meta, section,
                state.options.page_starts.empty() ? 0 : extra_body_room(state.style));
  x.close("w:body");
  x.close("w:document");
  return x.finish();
}

}  // namespace plenary::render::docx
