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

// `page_rows`: the rows (indices into table.rows, past the header rows) at which the PDF
// starts a new page; there the table is ended, a paragraph starts the page and the table goes
// on as a new one under the same header rows (so Word and LibreOffice break where the PDF does).
void write_table(PartWriter& w, const doc::Table& table, const std::vector<int>& page_rows = {});

// An empty paragraph one point high that begins a page (between tables, before a table).
void write_page_start_paragraph(XmlOut& x);

}  // namespace plenary::render::docx
