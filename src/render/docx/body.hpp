// word/document.xml: the body blocks (headings with bookmarks, paragraphs, lists, tables,
// images, page breaks, the pre-filled contents field) and the section properties.
#pragma once

#include <string>

#include "render/docx/runs.hpp"

namespace plenary::render::docx {

// Relationship ids of the running header/footer parts; empty = none.
struct SectionParts {
  std::string header;
  std::string footer;
  std::string first_header;  // empty parts for the cover page (with w:titlePg)
  std::string first_footer;
};

// Opens the root element of a part that holds runs (document, header, footer), declaring
// every namespace the runs may use.
void open_part_root(XmlOut& x, const char* root);

std::string document_xml(WriterState& state, PartRels& rels, const SectionParts& section);

}  // namespace plenary::render::docx
