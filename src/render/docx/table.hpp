// Tables: fixed layout with column widths from the weights (or from the content), header
// rows repeated on every page (w:tblHeader), borders from the table style.
#pragma once

#include <vector>

#include "document/document.hpp"
#include "render/docx/runs.hpp"

namespace plenary::render::docx {

// Column widths in twips summing to total: from weights when there is one positive weight
// per column, else from the longest line of each column (clamped so no column starves).
std::vector<long> column_widths(const doc::Table& table, long total);

void write_table(PartWriter& w, const doc::Table& table);

}  // namespace plenary::render::docx
