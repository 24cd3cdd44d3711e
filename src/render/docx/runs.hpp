// Inline runs: text, emphasis, code, line breaks, external hyperlinks and internal links to
// heading bookmarks, written into whichever part (body or header) the PartWriter points at.
#pragma once

#include <string>
#include <string_view>

#include "document/document.hpp"
#include "render/docx/state.hpp"
#include "render/docx/xml_out.hpp"

namespace plenary::render::docx {

struct PartWriter {  // where the current part's XML, relationships and shared state live
  XmlOut& x;
  WriterState& state;
  PartRels& rels;
};

struct RunFormat {
  bool bold = false;
  bool italic = false;
  bool code = false;
  bool link = false;  // inside a hyperlink: Hyperlink character style
};

// One or more runs for `text`: tabs become w:tab, newlines w:br, controls are dropped.
void write_text(PartWriter& w, std::string_view text, const RunFormat& format);

void write_inlines(PartWriter& w, const doc::Inlines& content, RunFormat format = {});

// A field (PAGE, NUMPAGES, PAGEREF ...) as begin/instrText/separate/result/end runs.
void write_field(PartWriter& w, const std::string& instruction, const std::string& result,
                 const RunFormat& format = {});

// A URL safe for a relationship target: bytes outside printable ASCII, spaces and the
// characters URIs forbid are percent-encoded; an existing %XX escape is kept.
std::string safe_url(const std::string& url);

}  // namespace plenary::render::docx
