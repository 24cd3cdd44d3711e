// The result of layout: pages of positioned items. Coordinates are points from the page's
// top-left corner (y grows downwards); the painter flips them for PDF. Nothing here knows
// libharu.
#pragma once

#include <cstddef>
#include <map>
#include <memory>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "diag/diagnostic.hpp"
#include "document/document.hpp"
#include "document/style.hpp"
#include "fonts/fonts.hpp"

namespace plenary::paginate {

// The font names every part of the pagination uses.
using fonts::Family;
using fonts::FontFace;
using fonts::FontId;
using fonts::FontRegistry;

struct TextItem {  // a run of text in one font, size and colour; y is the baseline
  double x = 0, y = 0;
  FontId font = -1;
  double size = 0;
  doc::Color color;
  std::string text;
  double width = 0;  // measured advance of `text`
};
struct RectItem {  // a filled rectangle; y is its top
  double x = 0, y = 0, w = 0, h = 0;
  doc::Color fill;
};
struct RuleItem {  // a straight line
  double x1 = 0, y1 = 0, x2 = 0, y2 = 0;
  double thickness = 0.5;
  doc::Color color;
};
struct ImageItem {  // a raster image; y is its top
  double x = 0, y = 0, w = 0, h = 0;
  const doc::Image* image = nullptr;  // points into the Document being written
};
struct LinkItem {  // a clickable rectangle: an external URL or an internal anchor
  double x = 0, y = 0, w = 0, h = 0;
  std::string url;
  std::string anchor;
};
struct AnchorItem {  // the destination of a heading anchor; y is the heading's top
  std::string anchor;
  double y = 0;
};

using Item = std::variant<TextItem, RectItem, RuleItem, ImageItem, LinkItem, AnchorItem>;

// Tagged PDF: one element of the document's logical structure (PDF roles: Document, H1-H3,
// P, L, LI, Lbl, LBody, Table, TR, TH, TD, Figure, Link, TOC, TOCI). Made alongside the pages;
// the painter writes it as the structure tree.
struct StructNode {
  std::string role;
  int parent = -1;     // index into Pagination::structure; -1 for the root (Document)
  std::string alt;     // Figure: the alternative text
  std::string text;    // Link: what it points to, for the annotation's /Contents
  bool column_header = false;  // TH: /Scope /Column
};
constexpr int kArtifact = -1;  // Page::nodes value of an item that is not content

struct Page {
  std::vector<Item> items;
  // Per item, the StructNode it belongs to (kArtifact: running texts, rules, fills, dot
  // leaders, repeated header rows). Filled as items are placed (Flow::set_node).
  std::vector<int> nodes;
  bool cover = false;  // no running header or footer
};

struct HeadingEntry {  // an in_contents heading as it landed
  int level = 1;
  std::string anchor;
  std::string title;  // plain text
  int page = 0;       // 1-based physical page
  double y = 0;
};

// What a page begins with.
struct PageStart {
  // The top-level block (index into Document::blocks) at the top of the page; it may have
  // begun on an earlier page (a paragraph or table split across the break).
  std::size_t block = 0;
  // The table body row at the top of the page when that block is a table (0-based, header
  // rows counted); -1 otherwise.
  int row = -1;
  // Whether that block already had something placed on an earlier page (a paragraph, list or
  // table split across the break); false when the block itself begins the page.
  bool continued = false;
  // The list item at the top of the page when that block is a list (0-based), -1 otherwise;
  // and whether that item had something placed on an earlier page (the DOCX writer breaks
  // before an item the page begins with, docs/docx.md).
  int item = -1;
  bool item_continued = false;
};

// Assigns `node` to the items of `page` not yet assigned, and for each LinkItem among them a
// Link element (child of `node`) holding the link and the text runs under its rectangle.
void tag_items(Page& page, int node, std::vector<StructNode>& structure);

// The document set on pages: what the PDF painter draws, and what the DOCX writer's contents
// print (heading pages).
struct Pagination {
  double page_width = 0, page_height = 0;
  // Positioned items per page; the item lists are empty when paginated without text
  // (PaginateOptions::text false), but there is still one Page per page.
  std::vector<Page> pages;
  std::vector<PageStart> starts;        // one per page
  std::vector<HeadingEntry> headings;   // the in_contents headings, in document order
  std::vector<StructNode> structure;    // the logical structure; [0] is the Document
  std::vector<double> contents_widths;  // the width of each contents laid out (in order)
  // Whether the page numbers printed in the contents are those its headings landed on (false
  // when they did not settle within the pass limit; a warning then says so).
  bool settled = true;
  bool has_text = true;     // the pages hold their items (PaginateOptions::text)
  Diagnostics diagnostics;  // positions name the document title as path
  // The fonts the items' FontIds index, when paginate() made them (the overload without a
  // FontRegistry); shared by copies.
  std::shared_ptr<FontRegistry> fonts;
  // The column widths, in points, of each table the layout measured, by the table (its
  // address in the Document paginated, so valid while that Document lives) and the width it
  // was set in: the DOCX writer takes its columns from here instead of measuring every cell
  // again (docs/performance.md, "forced").
  std::map<std::pair<const doc::Table*, double>, std::vector<double>> table_widths;

  int page_count() const { return static_cast<int>(pages.size()); }
  // Physical page (1 = the first, the cover included) of each in_contents heading, in order.
  std::vector<int> heading_pages() const {
    std::vector<int> out;
    out.reserve(headings.size());
    for (const HeadingEntry& h : headings) out.push_back(h.page);
    return out;
  }
};

}  // namespace plenary::paginate
