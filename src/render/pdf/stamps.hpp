// Stamps: short lines of text painted by the project's PDF writer (the fonts it embeds as
// subset TrueType with a ToUnicode map) on pages of their own, for a PDF assembler to place on
// other documents' pages as form XObjects. The meeting book's page stamps (docs/book.md): the
// book kind hands them to book::assemble, which knows no libharu (bytes pass between the two
// adapters).
#pragma once

#include <string>
#include <vector>

#include "diag/diagnostic.hpp"
#include "document/style.hpp"

namespace plenary::render {

struct StampSheet {
  // One page per text, in order, all of one size: as wide as the widest text, `size` * 1.5
  // high; each text starts at x = 0 with its baseline `baseline` points above the page's
  // bottom. Its only content is the text, marked as an artifact, uncompressed. The file holds
  // the first page only (its font holds the glyphs of every text) unless `every_page` was
  // asked; `contents` has every page's operators either way. Empty with an error in
  // `diagnostics` when no body font can be used.
  std::string pdf;
  double width = 0, height = 0, baseline = 0;
  std::vector<std::string> contents;  // each page's operators, uncompressed, in order
  Diagnostics diagnostics;
};

// `texts` (UTF-8) in the body font of `style`, `size` points, grey. `every_page`: write
// every page into `pdf` (for a reader of the pages themselves; the meeting book needs only
// the first page and `contents`).
StampSheet paint_stamps(const std::vector<std::string>& texts, const doc::Style& style,
                        double size = 7, bool every_page = false);

}  // namespace plenary::render
