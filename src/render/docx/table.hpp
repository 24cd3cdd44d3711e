// Tables: fixed layout with column widths from the weights (or from the content), header
// rows repeated on every page (w:tblHeader), borders from the table style.
#pragma once

#include <vector>

#include "document/document.hpp"
#include "render/docx/runs.hpp"

namespace plenary::render::docx {

// Column widths in twips summing to total: from weights when there is one positive weight
// per column, else from the longest line of each column (clamped so no column starves).
// Then a column is widened toward its longest word (words break
// at spaces, '-' and '/'; at most 16 characters counted) so "Information" is not cut as
// "Informatio|n"; the width comes from the columns with room to spare (all of it, shared
// out, when there is not enough for every word). font_pt is the
// table text size, used to estimate character widths.
std::vector<long> column_widths(const doc::Table& table, long total, double font_pt);

void write_table(PartWriter& w, const doc::Table& table);

}  // namespace plenary::render::docx
