// DOCX writer: WordprocessingML with Poco::XML, packaged with Poco::Zip.
#pragma once

#include <functional>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "document/document.hpp"
#include "document/style.hpp"
#include "paginate/page.hpp"

namespace plenary::render {

struct DocxOptions {
  // Page of each heading with in_contents, in document order, from the PDF layout; empty =
  // the pre-filled contents shows entries without page numbers.
  std::vector<int> heading_pages;
  // What begins each page of the PDF (Pagination::starts), when known before the body is
  // written: a page break goes where the PDF starts a page with a new top-level block, and a
  // table the PDF splits is split there (see body.cpp). Empty: the reader paginates.
  std::vector<paginate::PageStart> page_starts;
  // The PDF's page count: the cached result of the footer's NUMPAGES field (0: "1").
  int page_count = 0;
  // write_docx(..., pages) passes pages.starts on as page_starts when this is set (the
  // default): the DOCX breaks its pages where the PDF does, so Word and LibreOffice show the
  // PDF's pages and the contents' numbers hold (docs/docx.md, "Page for page"). Off: the reader
  // paginates on its own.
  bool page_for_page = true;
  // The PDF layout's table column widths (Pagination::table_widths, set by write_docx(...,
  // pages)): a table found there is not measured again. Null: every table is measured.
  const std::map<std::pair<const doc::Table*, double>, std::vector<double>>* table_widths =
      nullptr;
};

// The .docx bytes, reproducible: fixed zip entry times and order.
std::string write_docx(const doc::Document& document, const doc::Style& style,
                       const DocxOptions& options);

// The same with the contents' page numbers taken from `pages`, a pagination of the same
// document and style (paginate::paginate, with or without text): the numbers the PDF prints.
// options.heading_pages is ignored; page_starts (with page_for_page) and page_count come
// from `pages` too.
std::string write_docx(const doc::Document& document, const doc::Style& style,
                       const DocxOptions& options, const paginate::Pagination& pages);

}  // namespace plenary::render
