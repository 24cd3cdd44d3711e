#include "paginate/table.hpp"

#include <algorithm>
#include <numeric>

namespace plenary::paginate {

namespace {

int header_count(const doc::Table& table) {
  return std::clamp(table.header_rows, 0, static_cast<int>(table.rows.size()));
}

Spans cell_spans(const doc::Table& table, std::size_t row, std::size_t column,
                 const doc::Style& style) {
  TextStyle text;
  text.size = style.table_size_pt;
  text.color = style.text_color;
  text.code_ratio = style.code_size_ratio;
  text.bold = static_cast<int>(row) < header_count(table);
  static const doc::TableCell empty;
  const auto& cells = table.rows[row];
  const doc::TableCell& cell = column < cells.size() ? cells[column] : empty;
  return flatten(cell.content, text, style.link_color);
}

doc::Align column_align(const doc::Table& table, std::size_t column) {
  return column < table.aligns.size() ? table.aligns[column] : doc::Align::Left;
}

// Lines of the cells of one row still to be placed.
struct RowCursor {
  std::vector<std::size_t> next;
  bool done(const std::vector<TextBox>& cells) const {
    for (std::size_t c = 0; c < cells.size(); ++c) {
      if (next[c] < cells[c].lines.size()) return false;
    }
    return true;
  }
};

class TableWriter {
 public:
  TableWriter(const doc::Table& table, Flow& flow, double x, double width,
              const TableGeometry& geometry)
      : table_(table), flow_(flow), x_(x), width_(width), geometry_(geometry) {}

  void run() {
    if (geometry_.widths.empty()) return;
    const int headers = geometry_.header_rows;
    const double page = flow_.bottom() - flow_.top();
    header_height_ = 0;
    for (int r = 0; r < headers; ++r) header_height_ += geometry_.heights[r];
    repeat_ = headers > 0 && header_height_ <= page / 3;
    flow_.at_row(0);
    flow_.ensure(std::min(table_lead_height(geometry_), page));
    table_node_ = flow_.node();
    draw_headers(false);
    for (std::size_t r = headers; r < geometry_.cells.size(); ++r) body_row(r);
    flow_.advance(flow_.style().table_space_after_pt);
  }

 private:
  // `repeated`: drawn again at the top of a later page (an artifact of pagination).
  void draw_headers(bool repeated) {
    if (geometry_.header_rows == 0) {
      rule(flow_.y(), 0.8);
      return;
    }
    for (int r = 0; r < geometry_.header_rows; ++r) {
      RowCursor cursor{std::vector<std::size_t>(geometry_.widths.size(), 0)};
      draw_part(r, cursor, flow_.room(), true, repeated);
    }
    rule(flow_.y(), 0.8);
  }

  // The structure elements of row `r`: TR, then one TH or TD per cell (made once).
  const std::vector<int>& row_nodes(std::size_t r) {
    if (row_nodes_.size() <= r) row_nodes_.resize(r + 1);
    std::vector<int>& nodes = row_nodes_[r];
    if (nodes.empty()) {
      const bool header = static_cast<int>(r) < geometry_.header_rows;
      const int row = flow_.add_node("TR", table_node_);
      nodes.push_back(row);
      for (std::size_t c = 0; c < geometry_.widths.size(); ++c) {
        nodes.push_back(flow_.add_node(header ? "TH" : "TD", row));
        if (StructNode* cell = flow_.structure_node(nodes.back())) cell->column_header = header;
      }
    }
    return nodes;
  }

  void body_row(std::size_t r) {
    flow_.at_row(static_cast<int>(r));
    const double page = flow_.bottom() - flow_.top();
    const double height = geometry_.heights[r];
    if (height > flow_.room() + 0.01) {
      const double fresh = page - (repeat_ ? header_height_ : 0);
      if (height <= fresh || flow_.room() < min_part(r)) next_page();
    }
    RowCursor cursor{std::vector<std::size_t>(geometry_.widths.size(), 0)};
    for (;;) {
      draw_part(r, cursor, flow_.room(), false);
      if (cursor.done(geometry_.cells[r])) break;
      next_page();
    }
    rule(flow_.y(), r + 1 == geometry_.cells.size() ? 0.8 : 0.3);
  }

  // The height of one line of each cell: a split row must place at least that much.
  double min_part(std::size_t r) const {
    double height = 0;
    for (const TextBox& box : geometry_.cells[r]) {
      if (!box.lines.empty()) {
        height = std::max(height, line_height(box.lines[0], flow_.style().line_spacing));
      }
    }
    return height + 2 * kCellPadding;
  }

  void next_page() {
    flow_.new_page();
    if (repeat_) {
      draw_headers(true);
    } else {
      rule(flow_.y(), 0.8);
    }
  }

  // Places as many lines of each cell as fit in `room`; at least one line per cell.
  void draw_part(std::size_t r, RowCursor& cursor, double room, bool header,
                 bool repeated = false) {
    const double spacing = flow_.style().line_spacing;
    const auto& cells = geometry_.cells[r];
    const double top = flow_.y();
    double used = 0;
    std::vector<Item> items;
    std::vector<std::size_t> cell_ends;  // where each cell's items end in `items`
    double cx = x_;
    for (std::size_t c = 0; c < cells.size(); ++c) {
      const TextBox& box = cells[c];
      double y = top + kCellPadding;
      const double inner = geometry_.widths[c] - 2 * kCellPadding;
      std::size_t& next = cursor.next[c];
      bool first = true;
      while (next < box.lines.size()) {
        const Line& line = box.lines[next];
        const double h = line_height(line, spacing);
        if (!first && y + h + kCellPadding > top + room + 0.01) break;  // rest: next page
        double offset = 0;
        const doc::Align align = column_align(table_, c);
        if (align == doc::Align::Center) offset = std::max(0.0, (inner - line.width) / 2);
        if (align == doc::Align::Right) offset = std::max(0.0, inner - line.width);
        if (flow_.emits_text()) {
          emit_line(line, box.links, cx + kCellPadding + offset, y, h, flow_.fonts(), items);
        } else if (!line.pieces.empty()) {
          flow_.mark_placed();
        }
        y += h;
        ++next;
        first = false;
      }
      used = std::max(used, y - top + kCellPadding);
      cx += geometry_.widths[c];
      cell_ends.push_back(items.size());
    }
    const int table = flow_.node();
    flow_.set_node(kArtifact);  // the header fill is not content
    if (header) {
      flow_.page().items.emplace_back(
          std::in_place_type<RectItem>,
          RectItem{x_, top, width_, used, flow_.style().table_header_fill});
    }
    flow_.sync();
    const std::vector<int>* nodes = repeated ? nullptr : &row_nodes(r);
    std::size_t begin = 0;
    for (std::size_t c = 0; c < cell_ends.size(); ++c) {
      for (std::size_t i = begin; i < cell_ends[c]; ++i) {
        flow_.page().items.push_back(std::move(items[i]));
      }
      begin = cell_ends[c];
      if (nodes == nullptr) {
        flow_.sync();  // a repeated header row: an artifact
      } else {
        tag_items(flow_.page(), (*nodes)[c + 1], flow_.layout().structure);
      }
    }
    flow_.set_node(table);
    flow_.advance(used);
  }

  void rule(double y, double thickness) {
    const int node = flow_.node();
    flow_.set_node(kArtifact);  // rules are not content
    // (in_place_type: GCC 12 -O2 warns falsely about the variant's string members otherwise)
    flow_.page().items.emplace_back(
        std::in_place_type<RuleItem>,
        RuleItem{x_, y, x_ + width_, y, thickness, flow_.style().table_rule});
    flow_.set_node(node);
  }

  const doc::Table& table_;
  Flow& flow_;
  double x_, width_;
  const TableGeometry& geometry_;
  double header_height_ = 0;
  bool repeat_ = false;
  int table_node_ = 0;
  std::vector<std::vector<int>> row_nodes_;  // per row: TR, then its cells
};

// Widths in proportion to `weights`, except that no column gets less than its minimum: such
// columns take their minimum and the others share what is left, still in proportion.
std::vector<double> weighted_widths(const std::vector<double>& weights,
                                    const std::vector<double>& min, double width) {
  const std::size_t columns = weights.size();
  std::vector<double> widths(columns, 0);
  std::vector<bool> at_min(columns, false);
  for (std::size_t round = 0; round <= columns; ++round) {
    double free_width = width, free_weight = 0;
    for (std::size_t c = 0; c < columns; ++c) {
      if (at_min[c]) {
        free_width -= min[c];
      } else {
        free_weight += std::max(weights[c], 0.0);
      }
    }
    bool changed = false;
    for (std::size_t c = 0; c < columns; ++c) {
      if (at_min[c]) {
        widths[c] = min[c];
        continue;
      }
      widths[c] = free_weight > 0 ? free_width * std::max(weights[c], 0.0) / free_weight : 0;
      if (widths[c] < min[c] - 0.01) {
        at_min[c] = true;
        changed = true;
      }
    }
    if (!changed) break;
  }
  return widths;
}

}  // namespace

namespace {

// Column widths from the measured cells (`ranges`, row by row).
std::vector<double> widths_from(const doc::Table& table, const std::vector<WidthRange>& ranges,
                                double width) {
  const std::size_t columns = doc::column_count(table);
  std::vector<double> widths(columns, 0);
  if (columns == 0) return widths;
  // Minimum: the longest unbreakable piece; when the minimums do not fit together, each is
  // capped so one long word cannot take the table. Preferred: the whole text on one line.
  // Identifiers (CCQM-TG-MNP) are kept whole when the minimums then fit together; else the
  // columns holding them give up only the width missing, each in proportion to what it can
  // give (down to its identifiers broken after their joiners), so the shorter identifiers of
  // a column still fit whole and only the longest break.
  std::vector<double> min(columns, 2 * kCellPadding + 6), pref(columns, 2 * kCellPadding + 6);
  std::vector<double> min_breaking = min;
  for (std::size_t r = 0; r < table.rows.size(); ++r) {
    for (std::size_t c = 0; c < columns; ++c) {
      const WidthRange& range = ranges[r * columns + c];
      min[c] = std::max(min[c], range.min + 2 * kCellPadding);
      min_breaking[c] = std::max(min_breaking[c], range.min_breaking + 2 * kCellPadding);
      pref[c] = std::max(pref[c], range.pref + 2 * kCellPadding);
    }
  }
  const double min_sum = std::accumulate(min.begin(), min.end(), 0.0);
  if (min_sum > width) {
    double slack = 0;
    for (std::size_t c = 0; c < columns; ++c) slack += min[c] - min_breaking[c];
    const double give = slack > 0 ? std::min(1.0, (min_sum - width) / slack) : 1;
    for (std::size_t c = 0; c < columns; ++c) min[c] -= (min[c] - min_breaking[c]) * give;
  }
  if (std::accumulate(min.begin(), min.end(), 0.0) > width) {
    const double cap = std::max(width / static_cast<double>(columns), 40.0);
    for (double& m : min) m = std::min(m, cap);
  }
  const double min_total = std::accumulate(min.begin(), min.end(), 0.0);
  if (min_total >= width) {
    for (std::size_t c = 0; c < columns; ++c) widths[c] = min[c] * width / min_total;
    return widths;
  }
  if (table.weights.size() == columns &&
      std::accumulate(table.weights.begin(), table.weights.end(), 0.0) > 0) {
    return weighted_widths(table.weights, min, width);
  }
  // A column never prefers more than the whole width: one long text must not starve the rest.
  for (std::size_t c = 0; c < columns; ++c) pref[c] = std::clamp(pref[c], min[c], width);
  const double pref_total = std::accumulate(pref.begin(), pref.end(), 0.0);
  for (std::size_t c = 0; c < columns; ++c) {
    if (pref_total <= width) {
      widths[c] = pref[c] * width / pref_total;  // everything fits: share out the rest
    } else {
      widths[c] = min[c] + (pref[c] - min[c]) * (width - min_total) / (pref_total - min_total);
    }
  }
  return widths;
}

}  // namespace

std::vector<double> column_widths(const doc::Table& table, double width, FontRegistry& fonts,
                                  const doc::Style& style) {
  const std::size_t columns = doc::column_count(table);
  std::vector<WidthRange> ranges;
  ranges.reserve(table.rows.size() * columns);
  for (std::size_t r = 0; r < table.rows.size(); ++r) {
    for (std::size_t c = 0; c < columns; ++c) {
      ranges.push_back(measure(cell_spans(table, r, c, style), fonts));
    }
  }
  return widths_from(table, ranges, width);
}

TableGeometry measure_table(const doc::Table& table, double width, FontRegistry& fonts,
                            const doc::Style& style) {
  // Each cell is split into words once, for its column's width and then for its lines.
  const std::size_t columns = doc::column_count(table);
  std::vector<Words> words;
  std::vector<WidthRange> ranges;
  words.reserve(table.rows.size() * columns);
  ranges.reserve(table.rows.size() * columns);
  for (std::size_t r = 0; r < table.rows.size(); ++r) {
    for (std::size_t c = 0; c < columns; ++c) {
      words.push_back(split_words(cell_spans(table, r, c, style), fonts));
      ranges.push_back(measure(words.back(), fonts));
    }
  }
  TableGeometry geometry;
  geometry.widths = widths_from(table, ranges, width);
  geometry.header_rows = header_count(table);
  const double spacing = style.line_spacing;
  for (std::size_t r = 0; r < table.rows.size(); ++r) {
    std::vector<TextBox> row;
    row.reserve(geometry.widths.size());
    double height = 0;
    for (std::size_t c = 0; c < geometry.widths.size(); ++c) {
      row.push_back(break_lines(std::move(words[r * columns + c]),
                                geometry.widths[c] - 2 * kCellPadding, fonts));
      height = std::max(height, box_height(row.back(), spacing));
    }
    geometry.cells.push_back(std::move(row));
    geometry.heights.push_back(height + 2 * kCellPadding);
  }
  return geometry;
}

double table_lead_height(const TableGeometry& geometry) {
  double height = 0;
  const std::size_t rows =
      std::min(geometry.heights.size(), static_cast<std::size_t>(geometry.header_rows) + 1);
  for (std::size_t r = 0; r < rows; ++r) height += geometry.heights[r];
  return height;
}

void layout_table(const doc::Table& table, Flow& flow, double x, double width) {
  const TableGeometry geometry = measure_table(table, width, flow.fonts(), flow.style());
  TableWriter(table, flow, x, width, geometry).run();
}

void layout_table(const doc::Table& table, Flow& flow, double x, double width,
                  const TableGeometry& geometry) {
  TableWriter(table, flow, x, width, geometry).run();
}

}  // namespace plenary::paginate
