#include "render/docx/table.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "paginate/table.hpp"
#include "render/docx/styles.hpp"

namespace plenary::render::docx {

namespace {

const char* justification(doc::Align align) {
  switch (align) {
    case doc::Align::Center:
      return "center";
    case doc::Align::Right:
      return "right";
    case doc::Align::Left:
    case doc::Align::None:
      break;
  }
  return "left";
}

void write_cell(PartWriter& w, const doc::TableCell& cell, long width, doc::Align align,
                bool header, bool last_header) {
  XmlOut& x = w.x;
  x.open("w:tc");
  x.open("w:tcPr");
  x.leaf("w:tcW", {{"w:w", std::to_string(width)}, {"w:type", "dxa"}});
  if (last_header) {  // the heavier rule under the header rows, as in the PDF
    x.open("w:tcBorders");
    x.leaf("w:bottom", {{"w:val", "single"},
                        {"w:sz", "6"},
                        {"w:space", "0"},
                        {"w:color", hex_color(w.state.style.table_rule)}});
    x.close("w:tcBorders");
  }
  if (header) {
    x.leaf("w:shd", {{"w:val", "clear"},
                     {"w:color", "auto"},
                     {"w:fill", hex_color(w.state.style.table_header_fill)}});
  }
  x.close("w:tcPr");
  x.open("w:p");
  x.open("w:pPr");
  x.leaf("w:pStyle", {{"w:val", style_id::kTableText}});
  if (align == doc::Align::Center || align == doc::Align::Right) {
    x.leaf("w:jc", {{"w:val", justification(align)}});
  }
  x.close("w:pPr");
  RunFormat format;
  format.bold = header;
  write_inlines(w, cell.content, format);
  x.close("w:p");
  x.close("w:tc");
}

}  // namespace

namespace {

// The `n` columns' widths in points to twips summing to `total` (the last column takes what
// rounding left).
std::vector<long> widths_in_twips(const std::vector<double>& points, std::size_t n, long total) {
  std::vector<long> widths(n, 0);
  long used = 0;
  for (std::size_t c = 0; c < n; ++c) {
    const double pt = c < points.size() ? points[c] : 0;
    widths[c] = c + 1 == n ? total - used : std::max(1L, std::lround(pt * 20));
    used += widths[c];
  }
  return widths;
}

}  // namespace

std::vector<long> column_widths(const doc::Table& table, long total, fonts::FontRegistry& fonts,
                                const doc::Style& style) {
  const std::size_t n = doc::column_count(table);
  std::vector<long> widths(n, 0);
  if (n == 0) return widths;
  // The PDF's own columns, from the exact text width when total is that width rounded to
  // twips. Word's and LibreOffice's rounding is absorbed by the narrower cell margins of the
  // table style (kDocxCellSideMargin), not by other columns.
  const double text_width = style.page_width_pt - style.margin_left_pt - style.margin_right_pt;
  const double width = total == text_width_twips(style) ? text_width : total / 20.0;
  const std::vector<double> points = paginate::column_widths(table, width, fonts, style);
  return widths_in_twips(points, n, total);
}

// column_widths, from the PDF layout's widths when it measured this table (DocxOptions::
// table_widths): 15 M instructions of a forced K=4 DOCX build went to measuring every table's
// cells a second time.
std::vector<long> column_widths(const doc::Table& table, long total, const doc::Style& style,
                                WriterState& state) {
  const double text_width = style.page_width_pt - style.margin_left_pt - style.margin_right_pt;
  const double width = total == text_width_twips(style) ? text_width : total / 20.0;
  if (const auto* known = state.options.table_widths) {
    // The pagination measured this table at this width: the same paginate::column_widths
    // result (widths_from over the same cells' measures), without measuring again.
    auto found = known->find({&table, width});
    if (found != known->end())
      return widths_in_twips(found->second, doc::column_count(table), total);
  }
  return column_widths(table, total, state.fonts(), style);
}

void write_page_start_paragraph(XmlOut& x) {
  x.open("w:p");
  x.open("w:pPr");
  x.leaf("w:pageBreakBefore");
  x.leaf("w:spacing",
         {{"w:before", "0"}, {"w:after", "0"}, {"w:line", "20"}, {"w:lineRule", "exact"}});
  x.open("w:rPr");
  x.leaf("w:sz", {{"w:val", "2"}});
  x.close("w:rPr");
  x.close("w:pPr");
  x.close("w:p");
}

void write_table(PartWriter& w, const doc::Table& table, const std::vector<int>& page_rows) {
  const std::size_t n = doc::column_count(table);
  if (n == 0) return;  // a w:tbl needs rows and cells
  const long total = text_width_twips(w.state.style);
  const std::vector<long> widths = column_widths(table, total, w.state.style, w.state);
  XmlOut& x = w.x;
  const std::size_t header_rows = static_cast<std::size_t>(std::max(0, table.header_rows));
  auto write_row = [&](std::size_t r) {
    const bool header = r < header_rows;
    x.open("w:tr");
    x.open("w:trPr");
    x.leaf("w:cantSplit");  // a row never breaks across pages, as in the PDF
    if (header) x.leaf("w:tblHeader");
    x.close("w:trPr");
    const auto& row = table.rows[r];
    for (std::size_t c = 0; c < n; ++c) {
      const doc::Align align = c < table.aligns.size() ? table.aligns[c] : doc::Align::Left;
      write_cell(w, c < row.size() ? row[c] : doc::TableCell{}, widths[c], align, header,
                 header && r + 1 == header_rows);
    }
    x.close("w:tr");
  };
  auto open_table = [&]() {
    x.open("w:tbl");
    x.open("w:tblPr");
    x.leaf("w:tblStyle", {{"w:val", style_id::kTable}});
    x.leaf("w:tblW", {{"w:w", std::to_string(total)}, {"w:type", "dxa"}});
    if (table.header_rows > 0) {  // the PDF draws no rule above filled header rows
      x.open("w:tblBorders");
      x.leaf("w:top", {{"w:val", "nil"}});
      x.close("w:tblBorders");
    }
    x.leaf("w:tblLayout", {{"w:type", "fixed"}});
    x.leaf("w:tblLook", {{"w:val", "0020"},
                         {"w:firstRow", "1"},
                         {"w:lastRow", "0"},
                         {"w:firstColumn", "0"},
                         {"w:lastColumn", "0"},
                         {"w:noHBand", "1"},
                         {"w:noVBand", "1"}});
    x.close("w:tblPr");
    x.open("w:tblGrid");
    for (long width : widths) x.leaf("w:gridCol", {{"w:w", std::to_string(width)}});
    x.close("w:tblGrid");
  };
  open_table();
  for (std::size_t r = 0; r < table.rows.size(); ++r) {
    // Where the PDF starts a page inside the table: the table ends, a page begins, and the
    // rest follows in a table of its own under the same header rows.
    if (r > header_rows &&
        std::find(page_rows.begin(), page_rows.end(), static_cast<int>(r)) != page_rows.end()) {
      x.close("w:tbl");
      write_page_start_paragraph(x);
      open_table();
      for (std::size_t h = 0; h < header_rows && h < table.rows.size(); ++h) write_row(h);
    }
    write_row(r);
  }
  x.close("w:tbl");
}

}  // namespace plenary::render::docx
