// The house style: visual parameters, loaded from templates/style.yaml by compose and
// handed to the writers as plain data.
#pragma once

#include <string>

namespace plenary::doc {

struct Color {
  double r = 0, g = 0, b = 0;  // 0..1
};

struct Style {
  double page_width_pt = 595.276;   // A4
  double page_height_pt = 841.89;
  double margin_top_pt = 72;        // text area; running header sits above it
  double margin_bottom_pt = 72;     // footer sits below it
  double margin_left_pt = 62;
  double margin_right_pt = 62;
  std::string body_font = "DejaVu Sans";      // family names, resolved through fontconfig
  std::string heading_font = "DejaVu Sans";
  std::string mono_font = "DejaVu Sans Mono";
  double body_size_pt = 10;
  double line_spacing = 1.25;                  // line height = size * spacing
  double heading_size_pt[3] = {16, 13, 11};
  double title_size_pt = 24;
  double subtitle_size_pt = 14;
  double note_size_pt = 9;
  double header_footer_size_pt = 8;
  double table_size_pt = 9;
  double paragraph_space_pt = 6;               // space after a paragraph
  Color text_color{0.1, 0.1, 0.1};
  Color heading_color{0.0, 0.2, 0.45};
  Color link_color{0.0, 0.3, 0.65};
  Color muted_color{0.4, 0.4, 0.4};
  Color table_header_fill{0.87, 0.91, 0.96};
  Color table_rule{0.6, 0.6, 0.6};
};

}  // namespace plenary::doc
