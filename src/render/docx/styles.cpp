#include "render/docx/styles.hpp"

#include <algorithm>
#include <set>

#include "paginate/table.hpp"
#include "render/docx/table.hpp"
#include "render/docx/xml_out.hpp"

namespace plenary::render::docx {

std::string style_id::heading(int level) {
  return "Heading" + std::to_string(level);
}
std::string style_id::toc(int level) {
  return "TOC" + std::to_string(level);
}

namespace {

struct RunLook {  // the rPr of a style; empty/zero fields are left out
  std::string font;
  bool bold = false;
  bool italic = false;
  std::string color;
  double size_pt = 0;
  bool underline = false;
};

struct ParaLook {  // the pPr of a style
  bool keep_next = false;
  double before_pt = -1, after_pt = -1;
  int outline_level = -1;  // 0-based; -1 = none
  long indent_left = 0;
  bool right_tab_dots = false;
  long tab_pos = 0;
  // Line pitch in points, written "exact" (the PDF's size x line_spacing; "auto" would
  // multiply the font's own line height, 1.16 em for DejaVu Sans); 0 = inherited; negative =
  // single "auto" lines (with before and after, 0 when not given).
  double line_pt = 0;
};

void write_fonts(XmlOut& x, const std::string& font) {
  x.leaf("w:rFonts", {{"w:ascii", font}, {"w:hAnsi", font}, {"w:eastAsia", font}, {"w:cs", font}});
}

void write_rpr(XmlOut& x, const RunLook& r) {
  x.open("w:rPr");
  if (!r.font.empty()) write_fonts(x, r.font);
  if (r.bold) {
    x.leaf("w:b");
    x.leaf("w:bCs");
  }
  if (r.italic) {
    x.leaf("w:i");
    x.leaf("w:iCs");
  }
  if (!r.color.empty()) x.leaf("w:color", {{"w:val", r.color}});
  if (r.size_pt > 0) {
    x.leaf("w:sz", {{"w:val", std::to_string(half_points(r.size_pt))}});
    x.leaf("w:szCs", {{"w:val", std::to_string(half_points(r.size_pt))}});
  }
  if (r.underline) x.leaf("w:u", {{"w:val", "single"}});
  x.close("w:rPr");
}

void write_ppr(XmlOut& x, const ParaLook& p) {
  x.open("w:pPr");
  if (p.keep_next) {
    x.leaf("w:keepNext");
    x.leaf("w:keepLines");
  }
  if (p.right_tab_dots) {
    x.open("w:tabs");
    x.leaf("w:tab",
           {{"w:val", "right"}, {"w:leader", "dot"}, {"w:pos", std::to_string(p.tab_pos)}});
    x.close("w:tabs");
  } else if (p.tab_pos > 0) {
    x.open("w:tabs");
    x.leaf("w:tab", {{"w:val", "right"}, {"w:pos", std::to_string(p.tab_pos)}});
    x.close("w:tabs");
  }
  if (p.line_pt < 0) {
    const std::string before = std::to_string(twips(std::max(p.before_pt, 0.0)));
    const std::string after = std::to_string(twips(std::max(p.after_pt, 0.0)));
    x.leaf("w:spacing", {{"w:before", before}, {"w:after", after}, {"w:line", "240"},
                         {"w:lineRule", "auto"}});
  } else if (p.line_pt > 0) {
    const std::string line = std::to_string(pitch_twips(p.line_pt));
    const std::string before = std::to_string(twips(std::max(p.before_pt, 0.0)));
    const std::string after = std::to_string(twips(std::max(p.after_pt, 0.0)));
    if (p.before_pt >= 0 && p.after_pt >= 0) {
      x.leaf("w:spacing", {{"w:before", before}, {"w:after", after}, {"w:line", line},
                           {"w:lineRule", "exact"}});
    } else if (p.before_pt >= 0) {
      x.leaf("w:spacing", {{"w:before", before}, {"w:line", line}, {"w:lineRule", "exact"}});
    } else if (p.after_pt >= 0) {
      x.leaf("w:spacing", {{"w:after", after}, {"w:line", line}, {"w:lineRule", "exact"}});
    } else {
      x.leaf("w:spacing", {{"w:line", line}, {"w:lineRule", "exact"}});
    }
  } else if (p.before_pt >= 0 || p.after_pt >= 0) {
    if (p.before_pt >= 0 && p.after_pt >= 0) {
      x.leaf("w:spacing", {{"w:before", std::to_string(twips(p.before_pt))},
                           {"w:after", std::to_string(twips(p.after_pt))}});
    } else if (p.before_pt >= 0) {
      x.leaf("w:spacing", {{"w:before", std::to_string(twips(p.before_pt))}});
    } else {
      x.leaf("w:spacing", {{"w:after", std::to_string(twips(p.after_pt))}});
    }
  }
  if (p.indent_left > 0) x.leaf("w:ind", {{"w:left", std::to_string(p.indent_left)}});
  if (p.outline_level >= 0) x.leaf("w:outlineLvl", {{"w:val", std::to_string(p.outline_level)}});
  x.close("w:pPr");
}

struct StyleDef {
  const char* type;  // paragraph | character | table
  std::string id;
  std::string name;
  std::string based_on;
  std::string next;
  bool quick = false;
  int priority = 0;
};

void open_style(XmlOut& x, const StyleDef& s, bool is_default = false) {
  if (is_default) {
    x.open("w:style", {{"w:type", s.type}, {"w:default", "1"}, {"w:styleId", s.id}});
  } else {
    x.open("w:style", {{"w:type", s.type}, {"w:styleId", s.id}});
  }
  x.leaf("w:name", {{"w:val", s.name}});
  if (!s.based_on.empty()) x.leaf("w:basedOn", {{"w:val", s.based_on}});
  if (!s.next.empty()) x.leaf("w:next", {{"w:val", s.next}});
  if (s.priority > 0) x.leaf("w:uiPriority", {{"w:val", std::to_string(s.priority)}});
  if (s.quick) x.leaf("w:qFormat");
}

void paragraph_style(XmlOut& x, const StyleDef& s, const ParaLook& p, const RunLook& r) {
  open_style(x, s);
  write_ppr(x, p);
  write_rpr(x, r);
  x.close("w:style");
}

void write_doc_defaults(XmlOut& x, const doc::Style& style, const doc::Metadata& meta) {
  x.open("w:docDefaults");
  x.open("w:rPrDefault");
  x.open("w:rPr");
  write_fonts(x, style.body_font);
  x.leaf("w:color", {{"w:val", hex_color(style.text_color)}});
  x.leaf("w:sz", {{"w:val", std::to_string(half_points(style.body_size_pt))}});
  x.leaf("w:szCs", {{"w:val", std::to_string(half_points(style.body_size_pt))}});
  const std::string lang = meta.language.empty() ? "en" : meta.language;
  x.leaf("w:lang", {{"w:val", lang}, {"w:eastAsia", lang}, {"w:bidi", lang}});
  x.close("w:rPr");
  x.close("w:rPrDefault");
  x.open("w:pPrDefault");
  x.open("w:pPr");
  // The PDF's rule: no lone first or last line of a paragraph at a page end or top (Word's and
  // LibreOffice's widow and orphan control, two lines).
  x.leaf("w:widowControl");
  // The PDF's line pitch, size x line_spacing, exactly (see ParaLook::line_pt).
  x.leaf("w:spacing", {{"w:after", std::to_string(twips(style.paragraph_space_pt))},
                       {"w:line", std::to_string(pitch_twips(style.body_size_pt * style.line_spacing))},
                       {"w:lineRule", "exact"}});
  x.close("w:pPr");
  x.close("w:pPrDefault");
  x.close("w:docDefaults");
}

void write_table_styles(XmlOut& x, const doc::Style& style) {
  open_style(x, {"table", "TableNormal", "Normal Table", "", "", false, 99}, true);
  x.open("w:tblPr");
  x.leaf("w:tblInd", {{"w:w", "0"}, {"w:type", "dxa"}});
  x.open("w:tblCellMar");
  x.leaf("w:top", {{"w:w", "0"}, {"w:type", "dxa"}});
  x.leaf("w:left", {{"w:w", "108"}, {"w:type", "dxa"}});
  x.leaf("w:bottom", {{"w:w", "0"}, {"w:type", "dxa"}});
  x.leaf("w:right", {{"w:w", "108"}, {"w:type", "dxa"}});
  x.close("w:tblCellMar");
  x.close("w:tblPr");
  x.close("w:style");

  open_style(x, {"table", style_id::kTable, "Plenary Table", "TableNormal", "", false, 59});
  x.open("w:pPr");
  x.leaf("w:spacing",
         {{"w:before", "0"}, {"w:after", "0"},
          {"w:line", std::to_string(pitch_twips(style.table_size_pt * style.line_spacing))},
          {"w:lineRule", "exact"}});
  x.close("w:pPr");
  write_rpr(x, {"", false, false, "", style.table_size_pt, false});
  x.open("w:tblPr");
  const std::string rule = hex_color(style.table_rule);
  // Horizontal rules only, as the PDF draws them: 0.75 pt (w:sz 6, eighths of a point) above
  // and below the table, 0.25 pt between rows (the PDF: 0.8 and 0.3); no vertical rules.
  x.open("w:tblBorders");
  const auto border = [&](const char* side, const char* eighths) {
    x.leaf(side, {{"w:val", "single"}, {"w:sz", eighths}, {"w:space", "0"}, {"w:color", rule}});
  };
  border("w:top", "6");
  x.leaf("w:left", {{"w:val", "nil"}});
  border("w:bottom", "6");
  x.leaf("w:right", {{"w:val", "nil"}});
  border("w:insideH", "2");
  x.leaf("w:insideV", {{"w:val", "nil"}});
  x.close("w:tblBorders");
  // Cell padding: the pagination's above and below, less the 0.25 pt rule between rows, which
  // LibreOffice adds to a row's height (the PDF draws its rules over the padding); a point less
  // on the left and right, so the text has a little more room than in the PDF
  // (kDocxCellSideMargin, table.hpp).
  const std::string pad = std::to_string(twips(paginate::kCellPadding - kDocxRowRule));
  const std::string side = std::to_string(twips(kDocxCellSideMargin));
  x.open("w:tblCellMar");
  x.leaf("w:top", {{"w:w", pad}, {"w:type", "dxa"}});
  x.leaf("w:left", {{"w:w", side}, {"w:type", "dxa"}});
  x.leaf("w:bottom", {{"w:w", pad}, {"w:type", "dxa"}});
  x.leaf("w:right", {{"w:w", side}, {"w:type", "dxa"}});
  x.close("w:tblCellMar");
  x.close("w:tblPr");
  x.close("w:style");
}

}  // namespace

std::string styles_xml(const doc::Style& style, const doc::Metadata& meta) {
  XmlOut x;
  x.open("w:styles", {{"xmlns:w", ns::kW}});
  write_doc_defaults(x, style, meta);
  const std::string heading_color = hex_color(style.heading_color);
  const std::string muted = hex_color(style.muted_color);
  const long width = text_width_twips(style);
  const double ls = style.line_spacing;  // line pitch = size x ls, as the PDF sets it

  open_style(x, {"paragraph", style_id::kNormal, "Normal", "", "", true, 0}, true);
  x.close("w:style");
  paragraph_style(
      x, {"paragraph", style_id::kTitle, "Title", style_id::kNormal, style_id::kNormal, true, 10},
      {false, 0, style.title_space_after_pt, -1, 0, false, 0, style.title_size_pt * ls},
      {style.heading_font, true, false, heading_color, style.title_size_pt});
  paragraph_style(
      x,
      {"paragraph", style_id::kSubtitle, "Subtitle", style_id::kNormal, style_id::kNormal, true,
       11},
      {false, 0, style.subtitle_space_after_pt, -1, 0, false, 0, style.subtitle_size_pt * ls},
      {style.heading_font, false, false, hex_color(style.subtitle_color), style.subtitle_size_pt});
  for (int level = 1; level <= 3; ++level) {
    paragraph_style(
        x,
        {"paragraph", style_id::heading(level), "heading " + std::to_string(level),
         style_id::kNormal, style_id::kNormal, true, 9},
        {true, style.heading_space_before_pt[level - 1], style.heading_space_after_pt[level - 1],
         level - 1, 0, false, 0, style.heading_size_pt[level - 1] * ls},
        {style.heading_font, true, false, heading_color, style.heading_size_pt[level - 1]});
  }
  paragraph_style(x,
                  {"paragraph", style_id::kTocHeading, "TOC Heading", style_id::kNormal,
                   style_id::kNormal, true, 39},
                  {true, 0, 12, -1, 0, false, 0, style.heading_size_pt[0] * ls},
                  {style.heading_font, true, false, heading_color, style.heading_size_pt[0]});
  for (int level = 1; level <= 3; ++level) {
    ParaLook look{false, 0, 3, -1, (level - 1) * twips(style.contents_indent_pt), true, width};
    paragraph_style(x,
                    {"paragraph", style_id::toc(level), "toc " + std::to_string(level),
                     style_id::kNormal, style_id::kNormal, false, 39},
                    look, {});
  }
  paragraph_style(
      x, {"paragraph", style_id::kNote, "Note", style_id::kNormal, style_id::kNormal, true, 0},
      {false, -1, -1, -1, 0, false, 0, style.note_size_pt * ls},
      {"", false, false, muted, style.note_size_pt});
  paragraph_style(
      x, {"paragraph", style_id::kListParagraph, "List Paragraph", style_id::kNormal, "", true, 34},
      {false, -1, style.list_item_space_pt, -1}, {});
  paragraph_style(
      x, {"paragraph", style_id::kTableText, "Table Text", style_id::kNormal, "", false, 0},
      {false, 0, 0, -1, 0, false, 0, style.table_size_pt * ls},
      {"", false, false, "", style.table_size_pt});
  // (single "auto" lines: the header may hold the logo, which an exact pitch would crop)
  ParaLook header_look{false, 0, 0, -1, 0, false, width, -1};
  paragraph_style(x, {"paragraph", style_id::kHeader, "header", style_id::kNormal, "", false, 99},
                  header_look, {"", false, false, muted, style.header_footer_size_pt});
  paragraph_style(x, {"paragraph", style_id::kFooter, "footer", style_id::kNormal, "", false, 99},
                  header_look, {"", false, false, muted, style.header_footer_size_pt});

  open_style(x, {"character", "DefaultParagraphFont", "Default Paragraph Font", "", "", false, 1},
             true);
  x.close("w:style");
  open_style(
      x, {"character", style_id::kHyperlink, "Hyperlink", "DefaultParagraphFont", "", false, 99});
  write_rpr(x, {"", false, false, hex_color(style.link_color), 0, true});
  x.close("w:style");
  open_style(x, {"character", style_id::kCode, "Code", "DefaultParagraphFont", "", false, 0});
  // Inline code at code_size_ratio of the body size (a character style has no relative size).
  write_rpr(x,
            {style.mono_font, false, false, "", style.body_size_pt * style.code_size_ratio, false});
  x.close("w:style");

  write_table_styles(x, style);
  x.close("w:styles");
  return x.finish();
}

std::string numbering_xml(const doc::Style& style, const std::vector<ListInstance>& lists) {
  XmlOut x;
  x.open("w:numbering", {{"xmlns:w", ns::kW}});
  for (int abstract = 0; abstract < 2; ++abstract) {
    const bool ordered = abstract == 1;
    x.open("w:abstractNum", {{"w:abstractNumId", std::to_string(abstract)}});
    x.leaf("w:multiLevelType", {{"w:val", "multilevel"}});
    for (int level = 0; level < 9; ++level) {
      x.open("w:lvl", {{"w:ilvl", std::to_string(level)}});
      x.leaf("w:start", {{"w:val", "1"}});
      x.leaf("w:numFmt", {{"w:val", ordered ? "decimal" : "bullet"}});
      x.leaf("w:lvlText", {{"w:val", ordered ? "%" + std::to_string(level + 1) + "."
                                             : style.bullets[level % 3]}});
      x.leaf("w:lvlJc", {{"w:val", "left"}});
      x.open("w:pPr");
      x.leaf("w:ind", {{"w:left", std::to_string(list_indent_twips(style) * (level + 1))},
                       {"w:hanging", std::to_string(list_indent_twips(style))}});
      x.close("w:pPr");
      if (!ordered) {
        x.open("w:rPr");
        write_fonts(x, style.body_font);
        x.close("w:rPr");
      }
      x.close("w:lvl");
    }
    x.close("w:abstractNum");
  }
  for (std::size_t i = 0; i < lists.size(); ++i) {
    const ListInstance& list = lists[i];
    x.open("w:num", {{"w:numId", std::to_string(i + 1)}});
    x.leaf("w:abstractNumId", {{"w:val", list.ordered ? "1" : "0"}});
    if (list.ordered) {
      x.open("w:lvlOverride", {{"w:ilvl", std::to_string(list.level)}});
      x.leaf("w:startOverride", {{"w:val", std::to_string(list.start)}});
      x.close("w:lvlOverride");
    }
    x.close("w:num");
  }
  x.close("w:numbering");
  return x.finish();
}

std::string settings_xml(const doc::Metadata& meta) {
  XmlOut x;
  x.open("w:settings", {{"xmlns:w", ns::kW}});
  x.leaf("w:zoom", {{"w:percent", "100"}});
  x.leaf("w:defaultTabStop", {{"w:val", "720"}});
  x.leaf("w:characterSpacingControl", {{"w:val", "doNotCompress"}});
  x.open("w:compat");
  x.leaf("w:compatSetting", {{"w:name", "compatibilityMode"},
                             {"w:uri", "http://schemas.microsoft.com/office/word"},
                             {"w:val", "15"}});
  x.close("w:compat");
  x.leaf("w:themeFontLang", {{"w:val", meta.language.empty() ? "en" : meta.language}});
  x.close("w:settings");
  return x.finish();
}

std::string font_table_xml(const doc::Style& style) {
  XmlOut x;
  x.open("w:fonts", {{"xmlns:w", ns::kW}});
  std::set<std::string> seen;
  for (const std::string* font : {&style.body_font, &style.heading_font, &style.mono_font}) {
    if (font->empty() || !seen.insert(*font).second) continue;
    x.open("w:font", {{"w:name", *font}});
    x.leaf("w:family", {{"w:val", font == &style.mono_font ? "modern" : "swiss"}});
    if (font == &style.mono_font) x.leaf("w:pitch", {{"w:val", "fixed"}});
    x.close("w:font");
  }
  x.close("w:fonts");
  return x.finish();
}

}  // namespace plenary::render::docx
