// Tables: column widths from the content (or the given weights), cells wrapped inside their
// column, rows moved to the next page when they do not fit (split when taller than a page)
// and the header rows repeated at the top of every page the table spans.
#pragma once

#include <vector>

#include "document/document.hpp"
#include "paginate/flow.hpp"
#include "paginate/lines.hpp"

namespace plenary::paginate {

constexpr double kCellPadding = 4;

struct TableGeometry {
  std::vector<double> widths;               // per column; they sum to the table width
  std::vector<std::vector<TextBox>> cells;  // [row][column]
  std::vector<double> heights;              // per row, padding included
  int header_rows = 0;
};

// Column widths for `table` set in `width` points.
std::vector<double> column_widths(const doc::Table& table, double width, FontRegistry& fonts,
                                  const doc::Style& style);
TableGeometry measure_table(const doc::Table& table, double width, FontRegistry& fonts,
                            const doc::Style& style);
// Height of the header rows plus the first body row: what a heading above keeps with it.
double table_lead_height(const TableGeometry& geometry);
void layout_table(const doc::Table& table, Flow& flow, double x, double width);
// The same with the table already measured (measure_table at `width`).
void layout_table(const doc::Table& table, Flow& flow, double x, double width,
                  const TableGeometry& geometry);

}  // namespace plenary::paginate
