// Document layout: blocks flowed into pages of positioned items, the contents page filled
// with the pages its headings landed on (repeated until stable), then running headers and
// footers on every page but the cover.
#pragma once

#include <vector>

#include "document/document.hpp"
#include "document/style.hpp"
#include "fonts/fonts.hpp"
#include "render/pdf/layout/measure_cache.hpp"
#include "render/pdf/layout/page.hpp"

namespace plenary::render::pdf {

using fonts::Family;
using fonts::FontFace;
using fonts::FontId;
using fonts::FontRegistry;

// One layout pass; `contents_pages` are the page numbers printed in the contents (one per
// in_contents heading, in order; missing ones print as 0).
Layout layout_blocks(const doc::Document& document, const doc::Style& style, FontRegistry& fonts,
                     const std::vector<int>& contents_pages);
// The same, reusing (and filling) the measurements of earlier passes over this document.
Layout layout_blocks(const doc::Document& document, const doc::Style& style, FontRegistry& fonts,
                     const std::vector<int>& contents_pages, MeasureCache& cache);

// Running header (header_left, header_right, header_logo) and footer with {page} and
// {pages} substituted, on every page that is not the cover.
void add_running_texts(Layout& layout, const doc::Metadata& meta, const doc::Style& style,
                       FontRegistry& fonts);

// The full layout: passes until the contents page numbers are stable, then running texts.
Layout layout_document(const doc::Document& document, const doc::Style& style, FontRegistry& fonts);

// What layout_document gives a DOCX writer, the page of each in_contents heading and the page
// count, found without making any page's text.
struct PageNumbers {
  std::vector<int> heading_pages;  // 1-based, document order
  int page_count = 0;
};
PageNumbers page_numbers(const doc::Document& document, const doc::Style& style,
                         FontRegistry& fonts);

}  // namespace plenary::render::pdf
