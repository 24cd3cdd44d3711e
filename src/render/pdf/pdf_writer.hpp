// PDF writer: pagination (ours, src/paginate/) then painting (libharu, through the one
// adapter folder beside this file, the only place that includes its headers).
#pragma once

#include <string>
#include <vector>

#include "diag/diagnostic.hpp"
#include "document/document.hpp"
#include "document/style.hpp"
#include "paginate/paginate.hpp"

namespace plenary::render {

struct PdfOptions {
  bool compress = true;             // Flate-compress content streams
  std::string creator = "plenary";  // Info /Creator, e.g. "plenary 0.1.0"
  // Lay out only: fill heading_pages and page_count (what the DOCX writer needs) and leave
  // bytes empty, skipping the painting (a DOCX-only build needs no PDF file).
  bool layout_only = false;
  // PDF/A-2a: XMP pdfaid part 2 conformance A, the sRGB output intent (the profile read from
  // /usr/share/color/icc/sRGB.icc). Every PDF is tagged (PDF/UA-1) either way.
  bool pdf_a = false;
  // Fill PdfResult::page_contents: what an assembler that places these pages' operators on
  // other pages needs (the meeting book's stamps, render/pdf/stamps.hpp).
  bool keep_page_contents = false;
  // With keep_page_contents: every page is drawn (its operators kept in page_contents, as
  // above), but the file holds only the first page, and its fonts every glyph that any page
  // draws (a font's subset, widths and ToUnicode map depend only on the set of characters
  // the layout draws in it). Pages after the first may hold only artifact text. The meeting
  // book's stamps: the assembler copies the first page's font and draws each page's
  // operators itself, so a 320-page sheet is neither written nor parsed (docs/book.md).
  bool first_page_only = false;
};

struct PdfResult {
  std::string bytes;  // the PDF file; empty when an error occurred
  // Physical page number (1 = first page, the cover included) on which each heading with
  // in_contents landed, in document order. Handed to the DOCX writer.
  std::vector<int> heading_pages;
  int page_count = 0;
  // With PdfOptions::keep_page_contents: each page's content stream, uncompressed, in order.
  std::vector<std::string> page_contents;
  Diagnostics diagnostics;  // warnings (a character no font has) and errors (libharu);
                            // positions name the document title as path
};

// Paginates (paginate::paginate, without text when options.layout_only) and paints.
PdfResult write_pdf(const doc::Document& document, const doc::Style& style,
                    const PdfOptions& options);

// Paints a pagination made by paginate::paginate(document, style, options) (the overload
// that resolves the fonts; with text unless options.layout_only), so a caller that needs the
// pages for another format too (the DOCX contents) paginates once. Its diagnostics are
// copied into the result.
PdfResult write_pdf(const doc::Document& document, const paginate::Pagination& pagination,
                    const PdfOptions& options);

}  // namespace plenary::render
