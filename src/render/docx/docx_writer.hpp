// DOCX writer: WordprocessingML with Poco::XML, packaged with Poco::Zip.
#pragma once

#include <functional>
#include <string>
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
  // write_docx(..., pages) passes pages.starts on as page_starts only when this is set. Off by
  // default: LibreOffice sets some pages looser than the PDF (a list-heavy final report), so
  // forced breaks there add pages (sample: 6 of 13 page counts equal with breaks, 11 without);
  // the DOCX needs setting a little tighter before the breaks can be on (issue 13).
  bool page_for_page = false;
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
