// The result of layout: pages of positioned items. Coordinates are points from the page's
// top-left corner (y grows downwards); the painter flips them for PDF. Nothing here knows
// libharu.
#pragma once

#include <string>
#include <variant>
#include <vector>

#include "document/document.hpp"
#include "document/style.hpp"
#include "fonts/fonts.hpp"

namespace plenary::render::pdf {

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

struct Page {
  std::vector<Item> items;
  bool cover = false;  // no running header or footer
};

struct HeadingEntry {  // an in_contents heading as it landed
  int level = 1;
  std::string anchor;
  std::string title;  // plain text
  int page = 0;       // 1-based physical page
  double y = 0;
};

struct Layout {
  double page_width = 0, page_height = 0;
  std::vector<Page> pages;
  std::vector<HeadingEntry> headings;   // in document order
  std::vector<double> contents_widths;  // the width of each contents laid out (in order)
};

}  // namespace plenary::render::pdf
