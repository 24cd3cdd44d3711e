// Tables: fixed layout with the pagination's column widths, header rows repeated on every
// page (w:tblHeader), horizontal rules from the table style.
#pragma once

#include <vector>

#include "document/document.hpp"
#include "document/style.hpp"
#include "fonts/fonts.hpp"
#include "render/docx/runs.hpp"

namespace plenary::render::docx {

// Points: the left and right cell margins of the DOCX table style.
constexpr double kDocxCellSideMargin = 3;
// Points: the rule between rows (w:insideH, w:sz 2 eighths), taken off the cell's top margin.
constexpr double kDocxRowRule = 0.25;

// Column widths in twips summing to `total`: the pagination's (paginate::column_widths, the
// table's text measured in its fonts: weights when given, no column below its longest word),
// so the DOCX table has the PDF's columns.
//
// The table style's left and right cell margins are kDocxCellSideMargin, a point less than the
// PDF's padding (paginate::kCellPadding), top and bottom the PDF's: LibreOffice and Word
// measure and round text their own way, and with the same room a line the PDF just fits would
// wrap there, making the row taller than the PDF's (docs/docx.md, "Page for page").
std::vector<long> column_widths(const doc::Table& table, long total, fonts::FontRegistry& fonts,
                                const doc::Style& style);

// `page_rows`: the rows (indices into table.rows, past the header rows) at which the PDF
// starts a new page; there the table is ended, a paragraph starts the page and the table goes
// on as a new one under the same header rows (so Word and LibreOffice break where the PDF does).
void write_table(PartWriter& w, const doc::Table& table, const std::vector<int>& page_rows = {});

// An empty paragraph one point high that begins a page (between tables, before a table).
void write_page_start_paragraph(XmlOut& x);

}  // namespace plenary::render::docx
