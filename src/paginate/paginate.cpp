#include "paginate/paginate.hpp"

#include <memory>
#include <string>
#include <utility>

#include "core/utf8.hpp"
#include "paginate/blocks.hpp"

namespace plenary::paginate {

Pagination paginate(const doc::Document& document, const doc::Style& style, FontRegistry& fonts,
                    const PaginateOptions& options) {
  std::vector<int> pages;  // the page numbers the contents prints
  MeasureCache cache;      // the passes share what does not depend on the page numbers
  // With a contents, the first pass prints no page numbers and is never the last: it only
  // finds where the headings land, without making the pages' text.
  const bool contents = has_contents(document);
  bool has_text = options.text && !contents;
  Pagination layout = run_pass(document, style, fonts, pages, cache, has_text);
  // The contents' own length can move the headings after it: repeat until nothing moves.
  bool settled = !contents;
  for (int pass = 0; contents && pass < options.max_passes; ++pass) {
    std::vector<int> found = layout.heading_pages();
    if (found == pages && (has_text || !options.text)) {
      settled = true;
      break;
    }
    // Measuring only: a contents that takes the same lines finds the same pages.
    if (!options.text &&
        same_contents_lines(document, style, fonts, layout.contents_widths, pages, found)) {
      settled = true;
      break;
    }
    pages = std::move(found);
    layout = run_pass(document, style, fonts, pages, cache, options.text);
    has_text = options.text;
  }
  if (!settled) settled = has_text == options.text && layout.heading_pages() == pages;
  // The running texts; without text they make no page, but their characters are checked as
  // the full layout's are (a character no font has is reported the same way).
  add_running_texts(layout, document.meta, style, fonts, options.footer_on_cover);
  cache.export_table_widths(layout);
  layout.settled = settled;
  layout.has_text = options.text;
  if (!settled) {
    const std::string title = document.meta.title.empty() ? "document" : document.meta.title;
    layout.diagnostics.warning(
        SourcePos{title, 0, 0},
        "the contents page numbers of '" + title + "' did not settle in " +
            std::to_string(options.max_passes + 1) +
            " layout passes; the contents may print a wrong page number",
        "a heading moves whenever the contents' own length changes: shorten a long contents "
        "entry or add a page break after the contents");
  }
  return layout;
}

Pagination paginate(const doc::Document& document, const doc::Style& style,
                    const PaginateOptions& options) {
  const SourcePos where{document.meta.title.empty() ? "document" : document.meta.title, 0, 0};
  auto fonts = std::make_shared<FontRegistry>(style);
  // A document without its body font stops.
  if (fonts->font(Family::Body, false, false) < 0) {
    Pagination none;
    for (const std::string& problem : fonts->problems()) none.diagnostics.error(where, problem);
    none.diagnostics.error(where, "no usable body font '" + style.body_font + "'",
                           "install the font or name another family in templates/style.yaml");
    none.has_text = options.text;
    return none;
  }
  Pagination layout = paginate(document, style, *fonts, options);
  // Problems met while setting text: substituted families, characters no font has.
  Diagnostics diagnostics;
  for (const std::string& problem : fonts->problems()) diagnostics.warning(where, problem);
  for (char32_t cp : fonts->missing()) {
    std::string character;
    core::append_utf8(character, cp);
    diagnostics.warning(where,
                        "character " + core::code_point_name(cp) + " '" + character +
                            "' is in none of the configured fonts and prints as a box",
                        "install a font that has it; fontconfig is asked for a fallback");
  }
  diagnostics.append(layout.diagnostics);
  layout.diagnostics = std::move(diagnostics);
  layout.fonts = std::move(fonts);
  return layout;
}

Pagination layout_blocks(const doc::Document& document, const doc::Style& style,
                         FontRegistry& fonts, const std::vector<int>& contents_pages) {
  MeasureCache cache;
  return layout_blocks(document, style, fonts, contents_pages, cache);
}

Pagination layout_blocks(const doc::Document& document, const doc::Style& style,
                         FontRegistry& fonts, const std::vector<int>& contents_pages,
                         MeasureCache& cache) {
  return run_pass(document, style, fonts, contents_pages, cache, true);
}

Pagination layout_document(const doc::Document& document, const doc::Style& style,
                           FontRegistry& fonts) {
  return paginate(document, style, fonts, PaginateOptions{});
}

PageNumbers page_numbers(const doc::Document& document, const doc::Style& style,
                         FontRegistry& fonts) {
  PaginateOptions options;
  options.text = false;
  const Pagination layout = paginate(document, style, fonts, options);
  return PageNumbers{layout.heading_pages(), layout.page_count()};
}

}  // namespace plenary::paginate
