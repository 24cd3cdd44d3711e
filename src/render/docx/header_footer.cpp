#include "render/docx/header_footer.hpp"

#include <algorithm>

#include "render/docx/image.hpp"
#include "render/docx/styles.hpp"

namespace plenary::render::docx {

namespace {

constexpr const char* kHeaderType =
    "application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml";
constexpr const char* kFooterType =
    "application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml";

void open_paragraph(XmlOut& x, const char* style, const char* jc) {
  x.open("w:p");
  x.open("w:pPr");
  x.leaf("w:pStyle", {{"w:val", style}});
  if (jc != nullptr) x.leaf("w:jc", {{"w:val", jc}});
  x.close("w:pPr");
}

void header_content(PartWriter& w) {
  const doc::Metadata& meta = w.state.document.meta;
  open_paragraph(w.x, style_id::kHeader, nullptr);
  if (meta.header_logo) {
    const double line = w.state.style.header_footer_size_pt * 2.5;
    write_image_run(w, *meta.header_logo, text_width_twips(w.state.style) / 40.0, line);
    if (!meta.header_left.empty()) write_text(w, " ", {});
  }
  write_text(w, meta.header_left, {});
  if (!meta.header_right.empty()) {
    w.x.open("w:r");
    w.x.leaf("w:tab");  // the Header style's right tab stop at the text width
    w.x.close("w:r");
    write_text(w, meta.header_right, {});
  }
  w.x.close("w:p");
}

// "Page {page} of {pages}": text runs around PAGE and NUMPAGES fields.
void footer_content(PartWriter& w) {
  const std::string& footer = w.state.document.meta.footer;
  open_paragraph(w.x, style_id::kFooter, "center");
  std::size_t at = 0;
  while (at < footer.size()) {
    const std::size_t page = footer.find("{page}", at);
    const std::size_t pages = footer.find("{pages}", at);
    const std::size_t next = std::min(page, pages);
    if (next == std::string::npos) {
      write_text(w, footer.substr(at), {});
      break;
    }
    write_text(w, footer.substr(at, next - at), {});
    if (next == pages) {
      const int pages = w.state.options.page_count;
      write_field(w, " NUMPAGES ", std::to_string(pages > 0 ? pages : 1));
      at = next + 7;
    } else {
      write_field(w, " PAGE ", "1");
      at = next + 6;
    }
  }
  w.x.close("w:p");
}

std::string add_part(WriterState& state, PartRels& document_rels, std::vector<Part>& parts,
                     const std::string& kind, int number, void (*content)(PartWriter&)) {
  const std::string file = kind + std::to_string(number) + ".xml";
  PartRels rels;
  XmlOut x;
  PartWriter w{x, state, rels};
  const char* root = kind == "header" ? "w:hdr" : "w:ftr";
  open_part_root(x, root);
  if (content != nullptr) {
    content(w);
  } else {
    x.leaf("w:p");
  }
  x.close(root);
  parts.push_back({"word/" + file, kind == "header" ? kHeaderType : kFooterType, x.finish()});
  if (!rels.list().empty()) {
    parts.push_back({"word/_rels/" + file + ".rels", "", relationships_xml(rels.list())});
  }
  return document_rels.add(kind, file);
}

}  // namespace

SectionParts write_headers_footers(WriterState& state, PartRels& document_rels,
                                   std::vector<Part>& parts) {
  const doc::Metadata& meta = state.document.meta;
  SectionParts section;
  const bool header =
      !meta.header_left.empty() || !meta.header_right.empty() || meta.header_logo.has_value();
  const bool footer = !meta.footer.empty();
  if (header) section.header = add_part(state, document_rels, parts, "header", 1, header_content);
  if (footer) section.footer = add_part(state, document_rels, parts, "footer", 1, footer_content);
  if (meta.has_cover) {
    section.first_header = add_part(state, document_rels, parts, "header", 2, nullptr);
    section.first_footer = add_part(state, document_rels, parts, "footer", 2, nullptr);
  }
  return section;
}

}  // namespace plenary::render::docx
