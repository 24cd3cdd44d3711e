// Pagination: a Document set on pages with the resolved style, by our own layout (line
// breaking, keep-with-next, tables split by rows with repeated headers, a contents page whose
// page numbers are found by repeating the layout until they settle, running header and
// footer). The PDF painter draws the pages; the DOCX writer prints the heading pages in its
// contents. Links no PDF library: fonts are measured from their own tables (src/fonts/).
#pragma once

#include <vector>

#include "document/document.hpp"
#include "document/style.hpp"
#include "fonts/fonts.hpp"
#include "paginate/measure_cache.hpp"
#include "paginate/page.hpp"

namespace plenary::paginate {

struct PaginateOptions {
  // false: only where things land (page starts, heading pages, page count); the pages hold
  // no items and a pass whose contents would take the same lines as the last one's is not
  // run. What a DOCX-only build needs, at a fraction of the cost.
  bool text = true;
  // Passes after the first that may re-print the contents' page numbers before giving up
  // with a warning (Pagination::settled false).
  int max_passes = 6;
  // The cover page carries the running footer too (not the header): the meeting book, where
  // every page shows its book page number (docs/book.md).
  bool footer_on_cover = false;
};

// The document on pages: passes until the contents page numbers are stable (or the pass
// limit: then a warning naming the document title), then the running header and footer on
// every page but the cover. Characters no font has and font problems are in `fonts`
// (FontRegistry::missing(), problems()), which the caller reports.
Pagination paginate(const doc::Document& document, const doc::Style& style, FontRegistry& fonts,
                    const PaginateOptions& options = {});

// The same with the fonts of `style` resolved here (Pagination::fonts) and their problems in
// Pagination::diagnostics: warnings for substituted families and characters no font has, an
// error (and no pages) when the body font cannot be used. The entry point for writers.
Pagination paginate(const doc::Document& document, const doc::Style& style,
                    const PaginateOptions& options = {});

// One pass printing `contents_pages` in the contents (no running texts); for tests.
Pagination layout_blocks(const doc::Document& document, const doc::Style& style,
                         FontRegistry& fonts, const std::vector<int>& contents_pages);
Pagination layout_blocks(const doc::Document& document, const doc::Style& style,
                         FontRegistry& fonts, const std::vector<int>& contents_pages,
                         MeasureCache& cache);

// Running header (header_left, header_right, header_logo) and footer with {page} and
// {pages} substituted, on every page that is not the cover (the footer on the cover too with
// `footer_on_cover`).
void add_running_texts(Pagination& layout, const doc::Metadata& meta, const doc::Style& style,
                       FontRegistry& fonts, bool footer_on_cover = false);

// paginate() with text.
Pagination layout_document(const doc::Document& document, const doc::Style& style,
                           FontRegistry& fonts);

// paginate() without text, as the page of each in_contents heading and the page count.
struct PageNumbers {
  std::vector<int> heading_pages;  // 1-based, document order
  int page_count = 0;
};
PageNumbers page_numbers(const doc::Document& document, const doc::Style& style,
                         FontRegistry& fonts);

}  // namespace plenary::paginate
