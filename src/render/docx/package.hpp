// OPC package assembly: relationship parts, [Content_Types].xml and the zip. Knows nothing
// about WordprocessingML bodies; it takes finished parts.
#pragma once

#include <string>
#include <vector>

#include "render/docx/state.hpp"

namespace plenary::render::docx {

struct Part {
  std::string name;          // part name without leading slash, e.g. "word/document.xml"
  std::string content_type;  // empty for media (covered by a Default extension)
  std::string data;
};

// A relationships part (.rels) for the given relationships.
std::string relationships_xml(const std::vector<Relationship>& rels);

// [Content_Types].xml listing every part: Defaults for rels, png, jpeg; an Override for every
// other part.
std::string content_types_xml(const std::vector<Part>& parts);

// The zip bytes: [Content_Types].xml first, then the parts in the given order, every entry
// dated `date` (ISO "YYYY-MM-DD"; 1980-01-01 when empty or unreadable), no directory entries.
std::string zip_package(const std::vector<Part>& parts, const std::string& date);

}  // namespace plenary::render::docx
