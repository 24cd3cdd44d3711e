// The one escape for text placed in HTML or XML (content or a double-quoted attribute):
// & < > " as character references. Used by the HTML writer and the site, the Markdown
// writer's anchors, and the PDF's XMP metadata. (The DOCX writer has its own byte table,
// render/docx/xml_out.cpp, because it also drops the characters XML 1.0 forbids.)
#pragma once

#include <string>
#include <string_view>

namespace plenary::core {

std::string markup_escape(std::string_view text);

}  // namespace plenary::core
