// The flow of blocks down the pages: a cursor on the current page, page breaks, and line
// placement. The pagination positions items through this; it never paints.
#pragma once

#include <optional>
#include <vector>

#include "document/style.hpp"
#include "fonts/fonts.hpp"
#include "paginate/lines.hpp"
#include "paginate/page.hpp"

namespace plenary::paginate {

struct PlacedLine {
  int page = 0;  // 1-based
  double top = 0;
  double height = 0;
  double baseline = 0;
};

class Flow {
 public:
  // With `emit_text` false, lines and list markers are placed (the cursor, the pages and the
  // headings come out the same) but produce no items: for a pass that only finds where the
  // headings land.
  Flow(const doc::Style& style, FontRegistry& fonts, Pagination& layout, bool emit_text = true);

  const doc::Style& style() const { return style_; }
  FontRegistry& fonts() { return fonts_; }

  void new_page(bool cover = false);
  // Where the flow is in the document, for the start of the next page: the top-level block
  // `block` (a table or not), then the table row `row` of that table.
  void at_block(std::size_t block, bool table) {
    start_ = PageStart{block, -1};
    table_ = table;
    block_page_ = layout_.pages.size();
    block_marks_ = marks();
  }
  void at_row(int row) {
    if (table_) start_.row = row;
  }
  // The item `item` of the top-level list that is the current block.
  void at_item(int item) {
    if (table_) return;
    start_.item = item;
    item_page_ = layout_.pages.size();
    item_marks_ = marks();
  }
  Page& page() { return layout_.pages.back(); }
  Pagination& layout() { return layout_; }
  // Nothing placed on the current page yet (text left out by a measuring pass counts).
  bool page_empty() const { return layout_.pages.back().items.empty() && placed_ == 0; }
  bool emits_text() const { return emit_text_; }
  // Text was placed on the current page without its items (a measuring pass).
  void mark_placed() { ++placed_; }
  int page_number() const { return static_cast<int>(layout_.pages.size()); }
  double y() const { return y_; }
  void set_y(double y) { y_ = y; }
  void advance(double dy) { y_ += dy; }
  double top() const { return top_; }
  double bottom() const { return bottom_; }
  double room() const { return bottom_ - y_; }
  bool at_top() const { return y_ <= top_ + 0.01; }
  // Starts a new page when `height` does not fit below the cursor (and the page has content).
  void ensure(double height);
  // Vertical space that disappears at the top of a page.
  void space(double height);

  // Places one line at the cursor (a new page first when it does not fit), aligned inside
  // [x, x + width]; a pending list marker is drawn on the same baseline.
  PlacedLine line(const Line& line, const std::vector<LinkTarget>& links, double x, double width,
                  doc::Align align = doc::Align::Left);
  // Tagged structure: a new element `role` under `parent` (kArtifact: under the current one).
  // A pass without text records no structure (only the painter reads it, from a pass with
  // text): there every element is the Document, 0, and structure_node() is null. At K=4 that
  // was 15,000 elements of 104 bytes per measuring pass, grown by doubling (docs/performance.md,
  // "forced").
  int add_node(const std::string& role, int parent);
  // The element `node` to fill in (a Figure's alt text, a TH's scope); null without text.
  StructNode* structure_node(int node) {
    return emit_text_ ? &layout_.structure[static_cast<std::size_t>(node)] : nullptr;
  }
  int node() const { return node_; }
  // The items placed from now on belong to `node` (kArtifact: not content).
  void set_node(int node);
  // Assigns the current node to the current page's items placed so far.
  void sync();
  // A list marker for the next line placed, tagged `node` (an Lbl).
  void set_marker(TextItem marker, int node = kArtifact) {
    marker_ = std::move(marker);
    marker_node_ = node;
  }
  // Draws a marker that found no line (an empty list item) at the cursor.
  void flush_marker();

 private:
  const doc::Style& style_;
  FontRegistry& fonts_;
  Pagination& layout_;
  double y_ = 0, top_ = 0, bottom_ = 0;
  bool emit_text_ = true;
  std::size_t placed_ = 0;  // things placed on the current page without items
  // What has been placed on the current page, items or not.
  std::size_t marks() const {
    return layout_.pages.empty() ? 0 : layout_.pages.back().items.size() + placed_;
  }
  std::size_t block_page_ = 0;   // the page count when the current top-level block began
  std::size_t block_marks_ = 0;  // marks() then
  std::size_t item_page_ = 0;    // the same for the current item of a top-level list
  std::size_t item_marks_ = 0;
  std::optional<TextItem> marker_;
  int marker_node_ = kArtifact;
  int node_ = 0;  // the structure element items are placed in
  void place_marker(double baseline);  // the pending marker, its baseline at `baseline`
  PageStart start_;
  bool table_ = false;
};

}  // namespace plenary::paginate
