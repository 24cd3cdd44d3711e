#include "render/pdf/pdf_writer.hpp"

#include "render/pdf/paint.hpp"

namespace plenary::render {

PdfResult write_pdf(const doc::Document& document, const doc::Style& style,
                    const PdfOptions& options) {
  // Pagination: fonts resolved, pages of positioned items, contents page numbers settled,
  // running texts. For the page numbers alone (a DOCX build), no page's text is made.
  paginate::PaginateOptions paging;
  paging.text = !options.layout_only;
  return write_pdf(document, paginate::paginate(document, style, paging), options);
}

PdfResult write_pdf(const doc::Document& document, const paginate::Pagination& pagination,
                    const PdfOptions& options) {
  PdfResult result;
  const SourcePos where{document.meta.title.empty() ? "document" : document.meta.title, 0, 0};
  result.diagnostics.append(pagination.diagnostics);
  if (pagination.diagnostics.has_errors() || pagination.fonts == nullptr) {
    if (pagination.fonts == nullptr && !pagination.diagnostics.has_errors()) {
      result.diagnostics.error(where, "the pagination has no fonts",
                               "paginate with paginate(document, style, options)");
    }
    return result;
  }
  if (!options.layout_only && !pagination.has_text) {
    result.diagnostics.error(where, "the pagination holds no text to paint",
                             "paginate with PaginateOptions::text");
    return result;
  }
  if (!options.layout_only) {
    // Painting: libharu turns the pages into the PDF file.
    result.bytes = pdf::paint(pagination, document.meta, *pagination.fonts, options,
                              result.diagnostics, where,
                              options.keep_page_contents ? &result.page_contents : nullptr);
    if (result.bytes.empty()) return result;
  }
  result.page_count = pagination.page_count();
  result.heading_pages = pagination.heading_pages();
  return result;
}

}  // namespace plenary::render
