#include "render/docx/table.hpp"

#include <algorithm>
#include <numeric>

#include "render/docx/styles.hpp"

namespace plenary::render::docx {

namespace {

std::size_t codepoints(const std::string& s) {
  return static_cast<std::size_t>(std::count_if(
      s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

// Length of the longest line of a cell, in characters.
std::size_t longest_line(const doc::TableCell& cell) {
  std::size_t longest = 0, current = 0;
  for (const doc::Inline& item : cell.content) {
    if (std::holds_alternative<doc::LineBreak>(item.value)) {
      longest = std::max(longest, current);
      current = 0;
    } else {
      current += codepoints(doc::plain_text({item}, ' '));
    }
  }
  return std::max(longest, current);
}

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
                bool header) {
  XmlOut& x = w.x;
  x.open("w:tc");
  x.open("w:tcPr");
  x.leaf("w:tcW", {{"w:w", std::to_string(width)}, {"w:type", "dxa"}});
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

// Longest unbreakable piece of a cell, in characters: split at spaces, after '-' and '/'.
std::size_t longest_word(const doc::TableCell& cell) {
  const std::string text = doc::plain_text(cell.content, ' ');
  std::size_t longest = 0, current = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == ' ' || c == '\t' || c == '\n') {
      current = 0;
      continue;
    }
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++current;
    longest = std::max(longest, current);
    if (c == '-' || c == '/') current = 0;
  }
  return longest;
}

// Widens columns below their minimum, taking the width from the columns above theirs in
// proportion to their room. When the room does not cover every shortfall, each short
// column gets the same fraction of its shortfall and the donors go down to their minimums.
void enforce_minimums(std::vector<long>& widths, const std::vector<long>& minimums) {
  long need = 0, room = 0;
  for (std::size_t c = 0; c < widths.size(); ++c) {
    need += std::max(0L, minimums[c] - widths[c]);
    room += std::max(0L, widths[c] - minimums[c]);
  }
  if (need == 0 || room == 0) return;
  const long moved = std::min(need, room);
  long given = 0, taken = 0;
  std::size_t last_donor = widths.size(), last_taker = widths.size();
  for (std::size_t c = 0; c < widths.size(); ++c) {
    if (widths[c] < minimums[c]) {
      const long get = (minimums[c] - widths[c]) * moved / need;
      widths[c] += get;
      given += get;
      last_taker = c;
    } else if (widths[c] > minimums[c]) {
      const long give = (widths[c] - minimums[c]) * moved / room;
      widths[c] -= give;
      taken += give;
      last_donor = c;
    }
  }
  // Rounding: keep the total unchanged.
  if (last_donor < widths.size()) widths[last_donor] -= moved - taken;
  if (last_taker < widths.size()) widths[last_taker] += moved - given;
}

}  // namespace

std::vector<long> column_widths(const doc::Table& table, long total, double font_pt) {
  const std::size_t n = doc::column_count(table);
  std::vector<double> weights = table.weights;
  const bool usable = weights.size() == n &&
                      std::all_of(weights.begin(), weights.end(), [](double v) { return v > 0; });
  if (!usable) {
    weights.assign(n, 0);
    for (const auto& row : table.rows) {
      for (std::size_t c = 0; c < row.size(); ++c) {
        weights[c] = std::max(weights[c], double(longest_line(row[c])));
      }
    }
    // A column gets at least 4 and at most 40 characters' worth, so one long word or URL
    // does not squeeze the others: it wraps inside its cell instead.
    for (double& v : weights) v = std::clamp(v, 4.0, 40.0);
  }
  const double sum = std::accumulate(weights.begin(), weights.end(), 0.0);
  std::vector<long> widths(n);
  long used = 0;
  for (std::size_t c = 0; c < n; ++c) {
    widths[c] = c + 1 == n ? total - used : static_cast<long>(total * weights[c] / sum);
    used += widths[c];
  }
  // Characters are about 0.6 em wide in DejaVu Sans, 0.68 em in its bold (header rows);
  // plus the cell margins.
  std::vector<long> minimums(n, 0);
  const std::size_t header_rows = static_cast<std::size_t>(std::max(0, table.header_rows));
  for (std::size_t r = 0; r < table.rows.size(); ++r) {
    const double char_twips = font_pt * (r < header_rows ? 0.68 : 0.6) * 20;
    const auto& row = table.rows[r];
    for (std::size_t c = 0; c < row.size(); ++c) {
      const std::size_t chars = std::min<std::size_t>(longest_word(row[c]), 16);
      minimums[c] = std::max(minimums[c], static_cast<long>(chars * char_twips) + 180);
    }
  }
  enforce_minimums(widths, minimums);
  return widths;
}

void write_table(PartWriter& w, const doc::Table& table) {
  const std::size_t n = doc::column_count(table);
  if (n == 0) return;  // a w:tbl needs rows and cells
  const long total = text_width_twips(w.state.style);
  const std::vector<long> widths = column_widths(table, total, w.state.style.table_size_pt);
  XmlOut& x = w.x;
  x.open("w:tbl");
  x.open("w:tblPr");
  x.leaf("w:tblStyle", {{"w:val", style_id::kTable}});
  x.leaf("w:tblW", {{"w:w", std::to_string(total)}, {"w:type", "dxa"}});
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
  const std::size_t header_rows = static_cast<std::size_t>(std::max(0, table.header_rows));
  for (std::size_t r = 0; r < table.rows.size(); ++r) {
    const bool header = r < header_rows;
    x.open("w:tr");
    x.open("w:trPr");
    x.leaf("w:cantSplit", {{"w:val", "0"}});  // long rows may break across pages
    if (header) x.leaf("w:tblHeader");
    x.close("w:trPr");
    const auto& row = table.rows[r];
    for (std::size_t c = 0; c < n; ++c) {
      const doc::Align align = c < table.aligns.size() ? table.aligns[c] : doc::Align::Left;
      write_cell(w, c < row.size() ? row[c] : doc::TableCell{}, widths[c], align, header);
    }
    x.close("w:tr");
  }
  x.close("w:tbl");
}

}  // namespace plenary::render::docx
