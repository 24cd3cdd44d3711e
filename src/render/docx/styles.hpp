// The document-wide definition parts: styles.xml (from doc::Style), numbering.xml (from the
// list instances the body used), settings.xml and fontTable.xml.
#pragma once

#include <string>
#include <vector>

#include "document/document.hpp"
#include "document/style.hpp"
#include "render/docx/state.hpp"

namespace plenary::render::docx {

// Style ids used by the body writer.
namespace style_id {
inline constexpr const char* kNormal = "Normal";
inline constexpr const char* kTitle = "Title";
inline constexpr const char* kSubtitle = "Subtitle";
inline constexpr const char* kNote = "Note";
inline constexpr const char* kListParagraph = "ListParagraph";
inline constexpr const char* kTableText = "TableText";
inline constexpr const char* kTocHeading = "TOCHeading";
inline constexpr const char* kHeader = "Header";
inline constexpr const char* kFooter = "Footer";
inline constexpr const char* kHyperlink = "Hyperlink";
inline constexpr const char* kCode = "Code";
inline constexpr const char* kTable = "PlenaryTable";
std::string heading(int level);  // "Heading1".."Heading3"
std::string toc(int level);      // "TOC1".."TOC3"
}  // namespace style_id

// Indentation per list level (Style::list_indent_pt), in twips.
inline long list_indent_twips(const doc::Style& style) {
  return twips(style.list_indent_pt);
}

std::string styles_xml(const doc::Style& style, const doc::Metadata& meta);
std::string numbering_xml(const doc::Style& style, const std::vector<ListInstance>& lists);
std::string settings_xml(const doc::Metadata& meta);
std::string font_table_xml(const doc::Style& style);

}  // namespace plenary::render::docx
