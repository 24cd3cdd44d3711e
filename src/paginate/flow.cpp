#include "paginate/flow.hpp"

namespace plenary::paginate {

Flow::Flow(const doc::Style& style, FontRegistry& fonts, Pagination& layout, bool emit_text)
    : style_(style), fonts_(fonts), layout_(layout), emit_text_(emit_text) {
  layout_.page_width = style.page_width_pt;
  layout_.page_height = style.page_height_pt;
  layout_.structure.push_back(StructNode{"Document", -1, {}, {}, false});
  top_ = style.margin_top_pt;
  bottom_ = style.page_height_pt - style.margin_bottom_pt;
  y_ = top_;
}

void Flow::new_page(bool cover) {
  sync();
  // The block goes on from this page when it placed something on the page before.
  const bool block_here = !layout_.pages.empty() && layout_.pages.size() == block_page_;
  start_.continued = block_here && marks() > block_marks_;
  const bool item_here = start_.item >= 0 && layout_.pages.size() == item_page_;
  start_.item_continued = item_here && marks() > item_marks_;
  layout_.pages.emplace_back();
  if (block_here) {  // the block goes on (or begins) on the new page
    block_page_ = layout_.pages.size();
    block_marks_ = 0;
  }
  if (item_here) {  // so does the list item
    item_page_ = layout_.pages.size();
    item_marks_ = 0;
  }
  layout_.pages.back().cover = cover;
  layout_.starts.push_back(start_);
  if (emit_text_) layout_.pages.back().items.reserve(128);  // a full page: fewer moves
  y_ = top_;
  placed_ = 0;
}

void Flow::ensure(double height) {
  if (layout_.pages.empty()) new_page();
  if (y_ + height > bottom_ + 0.01 && !at_top()) new_page();
}

void Flow::space(double height) {
  if (!at_top()) y_ += height;
}

PlacedLine Flow::line(const Line& line, const std::vector<LinkTarget>& links, double x,
                      double width, doc::Align align) {
  const double height = line_height(line, style_.line_spacing);
  ensure(height);
  double offset = 0;
  if (align == doc::Align::Center) offset = (width - line.width) / 2;
  if (align == doc::Align::Right) offset = width - line.width;
  if (offset < 0) offset = 0;
  PlacedLine placed{page_number(), y_, height, baseline_of(line, y_, style_.line_spacing)};
  if (emit_text_) {
    sync();
    emit_line(line, links, x + offset, y_, height, fonts_, page().items);
    tag_items(page(), node_, layout_.structure);
  } else if (!line.pieces.empty()) {
    ++placed_;
  }
  if (marker_) place_marker(placed.baseline);
  y_ += height;
  return placed;
}

void Flow::place_marker(double baseline) {
  marker_->y = baseline;
  if (emit_text_) {
    sync();
    page().items.push_back(std::move(*marker_));
    page().nodes.push_back(marker_node_);
  } else {
    ++placed_;
  }
  marker_.reset();
}

int Flow::add_node(const std::string& role, int parent) {
  if (!emit_text_) return 0;
  layout_.structure.push_back(StructNode{role, parent == kArtifact ? node_ : parent, {}, {}, false});
  return static_cast<int>(layout_.structure.size()) - 1;
}

void Flow::set_node(int node) {
  sync();
  node_ = node;
}

void Flow::sync() {
  if (layout_.pages.empty()) return;
  Page& p = page();
  if (p.nodes.size() < p.items.size()) p.nodes.resize(p.items.size(), node_);
}

void tag_items(Page& page, int node, std::vector<StructNode>& structure) {
  const std::size_t begin = page.nodes.size();
  page.nodes.resize(page.items.size(), node);
  for (std::size_t i = begin; i < page.items.size(); ++i) {
    const auto* link = std::get_if<LinkItem>(&page.items[i]);
    if (link == nullptr) continue;
    structure.push_back(StructNode{"Link", node, {}, link->url.empty() ? link->anchor : link->url,
                                   false});
    const int id = static_cast<int>(structure.size()) - 1;
    page.nodes[i] = id;
    for (std::size_t k = begin; k < page.items.size(); ++k) {
      const auto* run = std::get_if<TextItem>(&page.items[k]);
      // (a run on the link's line, inside its rectangle: y is the run's baseline)
      if (run != nullptr && page.nodes[k] == node && run->x >= link->x - 0.01 &&
          run->x + run->width <= link->x + link->w + 0.01 && run->y > link->y &&
          run->y <= link->y + link->h + 0.01) {
        page.nodes[k] = id;
      }
    }
  }
}

void Flow::flush_marker() {
  if (!marker_) return;
  const double height = marker_->size * style_.line_spacing;
  ensure(height);
  place_marker(y_ + marker_->size * (style_.line_spacing - 1) / 2 + marker_->size * 0.8);
  y_ += height;
}

}  // namespace plenary::paginate
