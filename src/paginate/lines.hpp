// Inline text: flattening styled inlines into spans, measuring, and breaking into lines at
// spaces (and inside words wider than the line).
#pragma once

#include <string>
#include <vector>

#include "document/document.hpp"
#include "fonts/fonts.hpp"
#include "paginate/page.hpp"

namespace plenary::paginate {

struct TextStyle {
  Family family = Family::Body;
  bool bold = false;
  bool italic = false;
  double size = 10;
  doc::Color color;
  double code_ratio = 0.92;  // inline code: this times `size` (Style::code_size_ratio)
};

struct LinkTarget {
  std::string url;     // external
  std::string anchor;  // internal
};

struct Span {  // text in one style; or a hard line break
  std::string text;
  TextStyle style;
  int link = -1;  // index into Spans::links
  bool line_break = false;
};

struct Spans {
  std::vector<Span> spans;
  std::vector<LinkTarget> links;
  double base_size = 10;  // size of an empty line
};

// Styled inline runs as flat spans; links take `link_color`.
Spans flatten(const doc::Inlines& content, const TextStyle& base, const doc::Color& link_color);
// One plain span.
Spans plain(const std::string& text, const TextStyle& style);

struct Piece {  // text in one font, measured; x is relative to the line start
  FontId font = -1;
  double size = 0;
  doc::Color color;
  std::string text;
  double width = 0;
  int link = -1;
  double x = 0;
};

struct Line {
  std::vector<Piece> pieces;
  double width = 0;  // advance of the whole line
  double size = 0;   // largest font size on the line
};

struct TextBox {
  std::vector<Line> lines;
  std::vector<LinkTarget> links;
};

struct WidthRange {
  double min = 0;  // the longest unbreakable piece (an identifier such as CCQM-TG-MNP whole)
  double min_breaking = 0;  // the same when identifiers may break after their hyphens
  double pref = 0;          // the longest line when nothing wraps
};

// Spans split into words at spaces, each word a run of pieces in one font each, measured: what
// break_lines and measure both start from (a table cell is split once for both).
struct Words {
  struct Word {
    std::size_t first = 0, count = 0;  // its pieces: pieces[first, first + count)
    double width = 0;
    double space_before = 0;  // width of the space that precedes the word
    bool break_before = false;
  };
  std::vector<Piece> pieces;
  std::vector<Word> words;
  std::vector<LinkTarget> links;
  double base_size = 10;
};
Words split_words(const Spans& spans, FontRegistry& fonts);

// Lines no wider than `width` (a word wider than the line is split across lines).
TextBox break_lines(const Spans& spans, double width, FontRegistry& fonts);
// The same from split words (their pieces are moved into the lines).
TextBox break_lines(Words&& words, double width, FontRegistry& fonts);
WidthRange measure(const Spans& spans, FontRegistry& fonts);
WidthRange measure(const Words& words, FontRegistry& fonts);

// Height of a line: its largest size times the line spacing.
inline double line_height(const Line& line, double spacing) {
  return line.size * spacing;
}
double box_height(const TextBox& box, double spacing);

// Items for one line: merged text runs at baseline `baseline`, link rectangles covering
// [top, top + height). `x0` is the line's left edge.
void emit_line(const Line& line, const std::vector<LinkTarget>& links, double x0, double top,
               double height, FontRegistry& fonts, std::vector<Item>& out);

// The baseline of a line whose box starts at `top`.
double baseline_of(const Line& line, double top, double spacing);

}  // namespace plenary::paginate
