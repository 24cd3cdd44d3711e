// The house style: visual parameters, resolved once from templates/style.yaml by compose
// (compose/templates.cpp, parse_style) and read by every writer, so the PDF and the DOCX use
// the same sizes, spacing, indents, bullets, colours, table rules and cover position.
// Defaults are the values of templates/style.yaml's keys when absent; values derived from
// others (heading spacing from the heading sizes, list spacing from the paragraph space) are
// computed by parse_style from the resolved sizes.
#pragma once

#include <string>

namespace plenary::doc {

struct Color {
  double r = 0, g = 0, b = 0;  // 0..1
};

struct Style {
  double page_width_pt = 595.276;  // A4
  double page_height_pt = 841.89;
  double margin_top_pt = 72;     // text area; running header sits above it
  double margin_bottom_pt = 72;  // footer sits below it
  double margin_left_pt = 62;
  double margin_right_pt = 62;
  std::string body_font = "DejaVu Sans";  // family names, resolved through fontconfig
  std::string heading_font = "DejaVu Sans";
  std::string mono_font = "DejaVu Sans Mono";
  double body_size_pt = 10;
  double line_spacing = 1.25;  // line height = size * spacing
  double heading_size_pt[3] = {16, 13, 11};
  double title_size_pt = 24;
  double subtitle_size_pt = 14;
  double note_size_pt = 9;
  double header_footer_size_pt = 8;
  double table_size_pt = 9;
  double code_size_ratio = 0.92;  // inline code: this times the text's size
  double paragraph_space_pt = 6;  // space after a paragraph

  // Spacing (pt). A heading's space before disappears at the top of a page.
  double heading_space_before_pt[3] = {16 * 1.3, 13, 11};  // heading size x1.3, x1, x1
  double heading_space_after_pt[3] = {16 * 0.45, 13 * 0.45, 11 * 0.45};  // heading size x0.45
  double title_space_after_pt = 24 * 0.45;                               // title size x0.45
  double subtitle_space_after_pt = 14 * 0.5;                             // subtitle size x0.5
  double list_item_space_pt = 6 * 0.4;    // after a paragraph inside a list item
  double list_space_after_pt = 6 * 0.6;   // after a whole (top-level) list
  double table_space_after_pt = 6 * 1.5;  // after a table

  // Lists: the indent of each level (the marker hangs in it, right-aligned, widened for
  // long numbers such as "120.") and the bullet of each level (cycling after the third).
  double list_indent_pt = 18;
  std::string bullets[3] = {"\u2022", "\u2013", "\u25E6"};  // • – ◦
  double contents_indent_pt = 14;  // contents entries, per level below the first

  Color text_color{0.1, 0.1, 0.1};
  Color heading_color{0.0, 0.2, 0.45};
  Color subtitle_color{0.1, 0.1, 0.1};  // default: the text colour
  Color link_color{0.0, 0.3, 0.65};
  Color muted_color{0.4, 0.4, 0.4};
  Color table_header_fill{0.87, 0.91, 0.96};
  Color table_rule{0.6, 0.6, 0.6};

  // Tables are ruled the same in every format: horizontal rules only (0.8 pt above the first
  // body row and under the last, 0.3 pt between rows, in table_rule), no vertical rules;
  // cells padded by paginate::kCellPadding (4 pt) each side.

  // An image without width_pt/height_pt: its pixel size at this resolution (or this width,
  // square, when its header cannot be read), scaled down to the text width and page height.
  double image_dpi = 96;
  double image_fallback_width_pt = 100;

  // The cover page (Metadata::has_cover): its first block starts this fraction of the text
  // area's height below the top margin.
  double cover_top_fraction = 0.22;
};

}  // namespace plenary::doc
