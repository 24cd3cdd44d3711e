// One pass of the pagination: the document's blocks flowed down the pages, the contents
// printing the page numbers it is given. paginate() (paginate.hpp) repeats passes until
// those numbers are the ones the headings land on.
#pragma once

#include <vector>

#include "document/document.hpp"
#include "document/style.hpp"
#include "paginate/measure_cache.hpp"
#include "paginate/page.hpp"

namespace plenary::paginate {

// One pass; `contents_pages` are the page numbers printed in the contents (one per
// in_contents heading, in order; missing ones print as 0). With `emit_text` false the pages
// hold no items (only where things landed).
Pagination run_pass(const doc::Document& document, const doc::Style& style, FontRegistry& fonts,
                    const std::vector<int>& contents_pages, MeasureCache& cache, bool emit_text);

bool has_contents(const doc::Document& document);

// Whether the contents, laid out in `widths`, takes the same lines with the page numbers `b`
// as with `a`: then everything after it lands where it did, so a pass printing `b` finds the
// headings on the same pages as the pass that printed `a`. (Only an entry's title width
// depends on its number.)
bool same_contents_lines(const doc::Document& document, const doc::Style& style,
                         FontRegistry& fonts, const std::vector<double>& widths,
                         const std::vector<int>& a, const std::vector<int>& b);

}  // namespace plenary::paginate
