#include "render/pdf/stamps.hpp"

#include <algorithm>
#include <cmath>
#include <memory>

#include "document/document.hpp"
#include "paginate/page.hpp"
#include "render/pdf/pdf_writer.hpp"

namespace plenary::render {

StampSheet paint_stamps(const std::vector<std::string>& texts, const doc::Style& style,
                        double size, bool every_page) {
  StampSheet sheet;
  const SourcePos where{"stamps", 0, 0};
  auto fonts = std::make_shared<fonts::FontRegistry>(style);
  const fonts::FontId font = fonts->font(fonts::Family::Body, false, false);
  if (font < 0 || texts.empty()) {
    for (const std::string& problem : fonts->problems()) sheet.diagnostics.error(where, problem);
    sheet.diagnostics.error(where, texts.empty() ? "no stamp to paint"
                                                 : "no usable body font '" + style.body_font + "'");
    return sheet;
  }
  double widest = 0;
  std::vector<double> widths;
  for (const std::string& text : texts) {
    widths.push_back(fonts->width(font, text, size));
    widest = std::max(widest, widths.back());
  }
  sheet.width = std::ceil(widest) + 1;
  sheet.height = size * 1.5;
  sheet.baseline = size * 0.4;
  paginate::Pagination layout;
  layout.page_width = sheet.width;
  layout.page_height = sheet.height;
  layout.structure.push_back(paginate::StructNode{"Document", -1, {}, {}, false});
  for (std::size_t i = 0; i < texts.size(); ++i) {
    paginate::Page page;
    paginate::TextItem run;
    run.x = 0;
    run.y = sheet.height - sheet.baseline;  // (the pagination's y runs down from the top)
    run.font = font;
    run.size = size;
    run.color = doc::Color{0.35, 0.35, 0.35};
    run.text = texts[i];
    run.width = widths[i];
    page.items.emplace_back(std::move(run));
    page.nodes.push_back(paginate::kArtifact);  // a page number, not content
    layout.pages.push_back(std::move(page));
    layout.starts.push_back({});
  }
  layout.fonts = fonts;
  doc::Document document;
  document.meta.title = "stamps";
  PdfOptions options;
  options.creator = "plenary";
  options.compress = false;  // (a few operators a page: the assembler copies them as they are)
  options.keep_page_contents = true;
  // (The assembler reads the first page's font and each page's operators: a file of 320
  // stamp pages, written then parsed, cost the meeting book a fifth of its instructions.)
  options.first_page_only = !every_page;
  PdfResult result = write_pdf(document, layout, options);
  sheet.diagnostics.append(result.diagnostics);
  sheet.pdf = std::move(result.bytes);
  sheet.contents = std::move(result.page_contents);
  return sheet;
}

}  // namespace plenary::render
