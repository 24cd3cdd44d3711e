// The Contents block: Metadata.contents_title, then a TOC field whose result is already
// filled with one entry per in_contents heading (TOC1..TOC3 style, a hyperlink to the
// heading's bookmark, a dot-leader tab and the page number from DocxOptions.heading_pages),
// so the reader sees the contents without updating fields.
#pragma once

#include "render/docx/runs.hpp"

namespace plenary::render::docx {

inline constexpr const char* kTocInstruction = " TOC \\o \"1-3\" \\h \\z \\u ";

void write_contents(PartWriter& w);

}  // namespace plenary::render::docx
