// Running header (header_left, optional logo, right-aligned header_right) and footer
// (Metadata.footer with {page}/{pages} as PAGE/NUMPAGES fields), plus empty first-page parts
// when the document has a cover.
#pragma once

#include <vector>

#include "render/docx/body.hpp"
#include "render/docx/package.hpp"

namespace plenary::render::docx {

// Writes the header/footer parts (and their .rels) into parts and returns their ids in
// the document's relationships.
SectionParts write_headers_footers(WriterState& state, PartRels& document_rels,
                                   std::vector<Part>& parts);

}  // namespace plenary::render::docx
