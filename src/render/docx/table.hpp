// Tables: fixed layout with the pagination's column widths, header rows repeated on every
// page (w:tblHeader), horizontal rules from the table style.
#pragma once

#include <vector>

#include "document/document.hpp"
#include "document/style.hpp"
#include "fonts/fonts.hpp"
#include "render/docx/runs.hpp"

namespace plenary::render::docx {

// Column widths in twips summing to `total`: the pagination's (paginate::column_widths, the
// table's text measured in its fonts: weights when given, no column below its longest word),
// so the DOCX table has the PDF's columns.
std::vector<long> column_widths(const doc::Table& table, long total, fonts::FontRegistry& fonts,
                                const doc::Style& style);

void write_table(PartWriter& w, const doc::Table& table);

}  // namespace plenary::render::docx
