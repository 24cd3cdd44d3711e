// Painting: turns laid-out pages into PDF through libharu. This interface knows no libharu;
// its implementation lives in the libharu adapter folder. It draws what layout positioned
// and adds the PDF structure (destinations, links, outline, document info); it never decides
// where a line breaks.
#pragma once

#include <string>

#include "diag/diagnostic.hpp"
#include "document/document.hpp"
#include "fonts/fonts.hpp"
#include "paginate/page.hpp"
#include "render/pdf/pdf_writer.hpp"

namespace plenary::render::pdf {

using paginate::AnchorItem;
using paginate::HeadingEntry;
using paginate::ImageItem;
using paginate::Item;
using paginate::LinkItem;
using paginate::Page;
using paginate::Pagination;
using paginate::RectItem;
using paginate::RuleItem;
using paginate::TextItem;

using fonts::Family;
using fonts::FontFace;
using fonts::FontId;
using fonts::FontRegistry;

// The PDF file for `layout`; empty with an error in `diagnostics` when libharu fails.
// With `page_contents`, each page's content stream (uncompressed) is appended to it.
std::string paint(const Pagination& layout, const doc::Metadata& meta, FontRegistry& fonts,
                  const PdfOptions& options, Diagnostics& diagnostics, const SourcePos& where,
                  std::vector<std::string>* page_contents = nullptr);

}  // namespace plenary::render::pdf
