#include "render/docx/docx_writer.hpp"

#include <vector>

#include "render/docx/body.hpp"
#include "render/docx/bookmarks.hpp"
#include "render/docx/header_footer.hpp"
#include "render/docx/package.hpp"
#include "render/docx/props.hpp"
#include "render/docx/state.hpp"
#include "render/docx/styles.hpp"

namespace plenary::render {

namespace {
constexpr const char* kMainType =
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml";
constexpr const char* kWordType = "application/vnd.openxmlformats-officedocument.wordprocessingml.";
}  // namespace

std::string write_docx(const doc::Document& document, const doc::Style& style,
                       const DocxOptions& options) {
  using namespace docx;
  WriterState state(document, style, options);
  std::vector<Part> parts;
  PartRels document_rels;

  // 1. Bookmark names for every heading anchor, so references can point at them.
  state.bookmarks = assign_bookmarks(document.blocks);

  // 2. Definition parts the document refers to (written in phase 5, once lists are known).
  document_rels.add("styles", "styles.xml");
  document_rels.add("numbering", "numbering.xml");
  document_rels.add("settings", "settings.xml");
  document_rels.add("fontTable", "fontTable.xml");

  // 3. Running headers and footers (empty first-page ones under a cover).
  const SectionParts section = write_headers_footers(state, document_rels, parts);

  // 4. The body.
  parts.insert(parts.begin(),
               {"word/document.xml", kMainType, document_xml(state, document_rels, section)});

  // 5. Styles, numbering (one w:num per list written), settings, fonts.
  parts.push_back(
      {"word/styles.xml", std::string(kWordType) + "styles+xml", styles_xml(style, document.meta)});
  parts.push_back({"word/numbering.xml", std::string(kWordType) + "numbering+xml",
                   numbering_xml(style, state.lists)});
  parts.push_back(
      {"word/settings.xml", std::string(kWordType) + "settings+xml", settings_xml(document.meta)});
  parts.push_back(
      {"word/fontTable.xml", std::string(kWordType) + "fontTable+xml", font_table_xml(style)});
  for (const MediaPart& media : state.media) parts.push_back({media.part_name, "", *media.data});

  // 6. Document properties and the package relationships.
  parts.push_back({"docProps/core.xml",
                   "application/vnd.openxmlformats-package.core-properties+xml",
                   core_xml(document.meta)});
  parts.push_back({"docProps/app.xml",
                   "application/vnd.openxmlformats-officedocument.extended-properties+xml",
                   app_xml(document.meta)});
  PartRels package_rels;
  package_rels.add("officeDocument", "word/document.xml");
  package_rels.add("core-properties", "docProps/core.xml");
  package_rels.add("extended-properties", "docProps/app.xml");
  parts.insert(parts.begin(), {"_rels/.rels", "", relationships_xml(package_rels.list())});
  parts.push_back({"word/_rels/document.xml.rels", "", relationships_xml(document_rels.list())});

  // 7. The zip, with fixed entry times and order.
  return zip_package(parts, document.meta.date);
}

std::string write_docx(const doc::Document& document, const doc::Style& style,
                       const DocxOptions& options, const paginate::Pagination& pages) {
  DocxOptions numbered = options;
  numbered.heading_pages = pages.heading_pages();
  if (options.page_for_page) numbered.page_starts = pages.starts;
  numbered.page_count = pages.page_count();
  numbered.table_widths = &pages.table_widths;
  return write_docx(document, style, numbered);
}

}  // namespace plenary::render
