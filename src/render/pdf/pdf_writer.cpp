#include "render/pdf/pdf_writer.hpp"

#include <utility>

#include "core/utf8.hpp"
#include "fonts/fonts.hpp"
#include "render/pdf/layout/layout.hpp"
#include "render/pdf/paint.hpp"

namespace plenary::render {

PdfResult write_pdf(const doc::Document& document, const doc::Style& style,
                    const PdfOptions& options) {
  PdfResult result;
  const SourcePos where{document.meta.title.empty() ? "document" : document.meta.title, 0, 0};

  // 1. Fonts: the three families through fontconfig; a document without its body font stops.
  pdf::FontRegistry fonts(style);
  if (fonts.font(pdf::Family::Body, false, false) < 0) {
    for (const std::string& problem : fonts.problems()) result.diagnostics.error(where, problem);
    result.diagnostics.error(where, "no usable body font '" + style.body_font + "'",
                             "install the font or name another family in templates/style.yaml");
    return result;
  }

  // 2. Layout: pages of positioned items, contents page numbers settled, running texts. For
  //    the page numbers alone (a DOCX build), the layout makes no page's text.
  pdf::Layout layout;
  pdf::PageNumbers numbers;
  if (options.layout_only) {
    numbers = pdf::page_numbers(document, style, fonts);
  } else {
    layout = pdf::layout_document(document, style, fonts);
    numbers.page_count = static_cast<int>(layout.pages.size());
    for (const pdf::HeadingEntry& heading : layout.headings) {
      numbers.heading_pages.push_back(heading.page);
    }
  }

  // 3. Problems met while setting text: substituted families, characters no font has.
  for (const std::string& problem : fonts.problems()) result.diagnostics.warning(where, problem);
  for (char32_t cp : fonts.missing()) {
    std::string character;
    plenary::core::append_utf8(character, cp);
    result.diagnostics.warning(where,
                               "character " + plenary::core::code_point_name(cp) + " '" +
                                   character +
                                   "' is in none of the configured fonts and prints as a box",
                               "install a font that has it; fontconfig is asked for a fallback");
  }

  if (options.layout_only) {
    result.page_count = numbers.page_count;
    result.heading_pages = std::move(numbers.heading_pages);
    return result;
  }

  // 4. Painting: libharu turns the pages into the PDF file.
  result.bytes = pdf::paint(layout, document.meta, fonts, options, result.diagnostics, where);
  if (result.bytes.empty()) return result;
  result.page_count = numbers.page_count;
  result.heading_pages = std::move(numbers.heading_pages);
  return result;
}

}  // namespace plenary::render
