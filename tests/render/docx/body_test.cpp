// The body as a reader sees it: real heading styles with bookmarks, the pre-filled contents,
// lists that restart, text that survives every nasty character, images at the right size.
#include <catch2/catch.hpp>

#include <algorithm>
#include <set>

#include "docx_reader.hpp"
#include "paginate/paginate.hpp"
#include "render/docx/docx_writer.hpp"
#include "render/docx/state.hpp"
#include "sample_document.hpp"

using namespace plenary;

namespace {

struct Written {
  std::map<std::string, std::string> parts;
  Poco::AutoPtr<Poco::XML::Document> body;
};

Written write(const doc::Document& d, const render::DocxOptions& options = {},
              const doc::Style& style = {}) {
  Written w;
  w.parts = test::docx_parts(render::write_docx(d, style, options));
  w.body = test::parse_xml(w.parts.at("word/document.xml"));
  return w;
}

std::vector<const doc::Heading*> headings(const doc::Document& d) {
  std::vector<const doc::Heading*> out;
  for (const doc::Block& b : d.blocks) {
    if (const auto* h = std::get_if<doc::Heading>(&b.value)) out.push_back(h);
  }
  return out;
}

std::string heading_text(const doc::Heading& h) {
  std::string s;
  for (const auto& i : h.content) s += std::get<doc::Text>(i.value).text;
  return s;
}

// Paragraphs (element + its style id) in document order.
std::vector<std::pair<Poco::XML::Element*, std::string>> styled_paragraphs(
    const Poco::XML::Document& body) {
  std::vector<std::pair<Poco::XML::Element*, std::string>> out;
  Poco::AutoPtr<Poco::XML::NodeList> list = body.getElementsByTagName("w:p");
  for (unsigned long i = 0; i < list->length(); ++i) {
    auto* p = static_cast<Poco::XML::Element*>(list->item(i));
    Poco::AutoPtr<Poco::XML::NodeList> styles = p->getElementsByTagName("w:pStyle");
    std::string style;
    if (styles->length() > 0)
      style = static_cast<Poco::XML::Element*>(styles->item(0))->getAttribute("w:val");
    out.emplace_back(p, style);
  }
  return out;
}

std::string text_of(Poco::XML::Element* p) {
  Poco::AutoPtr<Poco::XML::NodeList> runs = p->getElementsByTagName("w:t");
  std::string text;
  for (unsigned long k = 0; k < runs->length(); ++k) text += runs->item(k)->innerText();
  return text;
}

}  // namespace

TEST_CASE("headings use the Heading 1-3 styles with outline levels", "[docx][heading]") {
  const doc::Document d = test::sample_document();
  const Written w = write(d);
  std::vector<std::string> expected;
  for (const auto* h : headings(d)) expected.push_back("Heading" + std::to_string(h->level));
  std::vector<std::string> found;
  for (const auto& [p, style] : styled_paragraphs(*w.body)) {
    if (style.rfind("Heading", 0) == 0) found.push_back(style);
  }
  CHECK(found == expected);
  const auto styles = test::parse_xml(w.parts.at("word/styles.xml"));
  const auto ids = test::attribute_values(*styles, "w:style", "w:styleId");
  for (const char* id : {"Heading1", "Heading2", "Heading3", "Title", "Subtitle", "TOC1", "TOC2",
                         "TOC3", "Hyperlink", "Note", "PlenaryTable"}) {
    INFO(id);
    CHECK(std::count(ids.begin(), ids.end(), id) == 1);
  }
  const auto levels = test::attribute_values(*styles, "w:outlineLvl", "w:val");
  CHECK(levels == std::vector<std::string>{"0", "1", "2"});
}

TEST_CASE("a heading left out of the contents is body text in the outline", "[docx][heading]") {
  const Written w = write(test::sample_document());
  for (const auto& [p, style] : styled_paragraphs(*w.body)) {
    if (text_of(p) != "Heading left out of the contents") continue;
    Poco::AutoPtr<Poco::XML::NodeList> outline = p->getElementsByTagName("w:outlineLvl");
    REQUIRE(outline->length() == 1);
    CHECK(static_cast<Poco::XML::Element*>(outline->item(0))->getAttribute("w:val") == "9");
  }
}

TEST_CASE("every heading carries a bookmark Word accepts and references point at them",
          "[docx][heading][link]") {
  const doc::Document d = test::sample_document();
  const Written w = write(d);
  const auto names = test::attribute_values(*w.body, "w:bookmarkStart", "w:name");
  CHECK(names.size() == headings(d).size());
  CHECK(std::set<std::string>(names.begin(), names.end()).size() == names.size());
  for (const std::string& name : names) {
    CHECK(name.size() <= 40);
    CHECK(
        name.find_first_not_of("_abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789") ==
        std::string::npos);
  }
  const auto ids = test::attribute_values(*w.body, "w:bookmarkStart", "w:id");
  const auto ends = test::attribute_values(*w.body, "w:bookmarkEnd", "w:id");
  CHECK(ids == ends);
  const std::set<std::string> known(names.begin(), names.end());
  const auto anchors = test::attribute_values(*w.body, "w:hyperlink", "w:anchor");
  int internal = 0;
  for (const std::string& anchor : anchors) {
    if (anchor.empty()) continue;
    ++internal;
    CHECK(known.count(anchor) == 1);
  }
  // 5 contents entries + "Task groups" + "agenda"; the missing anchor is plain text.
  CHECK(internal == 7);
}

TEST_CASE("the contents field is already filled with every listed heading and its page",
          "[docx][contents]") {
  const doc::Document d = test::sample_document();
  render::DocxOptions options;
  options.heading_pages = {3, 3, 3, 4, 6};
  const Written w = write(d, options);
  Poco::AutoPtr<Poco::XML::NodeList> instr = w.body->getElementsByTagName("w:instrText");
  REQUIRE(instr->length() > 0);
  CHECK(instr->item(0)->innerText() == " TOC \\o \"1-3\" \\h \\z \\u ");

  std::vector<std::string> expected;
  for (const auto* h : headings(d)) {
    if (h->in_contents) expected.push_back(heading_text(*h));
  }
  std::vector<std::string> entries;
  std::vector<std::string> levels;
  for (const auto& [p, style] : styled_paragraphs(*w.body)) {
    if (style.rfind("TOC", 0) != 0 || style == "TOCHeading") continue;
    entries.push_back(text_of(p));
    levels.push_back(style);
  }
  REQUIRE(entries.size() == expected.size());
  for (std::size_t i = 0; i < expected.size(); ++i) {
    // entry text followed by its page number (after a tab)
    CHECK(entries[i] == expected[i] + std::to_string(options.heading_pages[i]));
  }
  CHECK(levels == std::vector<std::string>{"TOC1", "TOC2", "TOC3", "TOC1", "TOC1"});
  const auto fld = test::attribute_values(*w.body, "w:fldChar", "w:fldCharType");
  CHECK(std::count(fld.begin(), fld.end(), "begin") == std::count(fld.begin(), fld.end(), "end"));
  // The title above the contents.
  bool titled = false;
  for (const auto& [p, style] : styled_paragraphs(*w.body)) {
    titled = titled || (style == "TOCHeading" && text_of(p) == d.meta.contents_title);
  }
  CHECK(titled);
}

TEST_CASE("with a pagination the contents print the pages the PDF's headings land on",
          "[docx][contents]") {
  const doc::Document d = test::sample_document();
  const doc::Style style;
  paginate::PaginateOptions numbers_only;
  numbers_only.text = false;
  const paginate::Pagination pages = paginate::paginate(d, style, numbers_only);
  REQUIRE(!pages.headings.empty());
  const auto parts = test::docx_parts(render::write_docx(d, style, {}, pages));
  const auto body = test::parse_xml(parts.at("word/document.xml"));
  std::vector<std::string> entries;
  for (const auto& [p, paragraph_style] : styled_paragraphs(*body)) {
    if (paragraph_style.rfind("TOC", 0) != 0 || paragraph_style == "TOCHeading") continue;
    entries.push_back(text_of(p));
  }
  std::vector<std::string> expected;
  std::size_t k = 0;
  for (const auto* h : headings(d)) {
    if (!h->in_contents) continue;
    expected.push_back(heading_text(*h) + std::to_string(pages.heading_pages().at(k++)));
  }
  CHECK(entries == expected);
}

TEST_CASE("without page numbers the contents entries show the headings only", "[docx][contents]") {
  const Written w = write(test::sample_document());
  std::vector<std::string> entries;
  for (const auto& [p, style] : styled_paragraphs(*w.body)) {
    if (style == "TOC1" || style == "TOC2" || style == "TOC3") entries.push_back(text_of(p));
  }
  REQUIRE(entries.size() == 5);
  CHECK(entries.front() == "Agenda & <items>");
  Poco::AutoPtr<Poco::XML::NodeList> instr = w.body->getElementsByTagName("w:instrText");
  for (unsigned long i = 0; i < instr->length(); ++i) {
    CHECK(instr->item(i)->innerText().find("PAGEREF") == std::string::npos);
  }
}

TEST_CASE("text with markup characters, every C0 control and bad UTF-8 reaches the reader",
          "[docx][text]") {
  const Written w = write(test::sample_document());
  const auto texts = test::paragraph_texts(*w.body);
  auto has = [&](const std::string& s) {
    return std::find(texts.begin(), texts.end(), s) != texts.end();
  };
  CHECK(
      has("Specials: & < > \" ' and « guillemets » — em-dash, µ; Greek Ελληνικά, Cyrillic "
          "Менделеев, Polish Główny Urząd Miar."));
  CHECK(has("Controls [] end; bad UTF-8 [\xEF\xBF\xBD\xEF\xBF\xBD(] end."));
  CHECK(has(test::long_word()));
  for (const auto& [name, data] : w.parts) {
    if (name.find("media/") != std::string::npos) continue;
    INFO(name);
    CHECK(std::none_of(data.begin(), data.end(), [](char c) {
      return static_cast<unsigned char>(c) < 0x20 && c != '\n' && c != '\t' && c != '\r';
    }));
  }
}

TEST_CASE("tab and newline in text become w:tab and w:br", "[docx][text]") {
  doc::Document d;
  d.blocks.push_back(doc::paragraph({doc::text("a\tb\nc")}));
  const Written w = write(d);
  CHECK(test::count_elements(*w.body, "w:tab") == 1);
  CHECK(test::count_elements(*w.body, "w:br") == 1);
  CHECK(test::paragraph_texts(*w.body).front() == "abc");
}

TEST_CASE("every list gets its own numbering instance and ordered lists restart", "[docx][list]") {
  const Written w = write(test::sample_document());
  const auto numbering = test::parse_xml(w.parts.at("word/numbering.xml"));
  const auto num_ids = test::attribute_values(*numbering, "w:num", "w:numId");
  const auto used = test::attribute_values(*w.body, "w:numId", "w:val");
  const std::set<std::string> used_set(used.begin(), used.end());
  CHECK(used_set.size() == num_ids.size());  // five lists, five instances
  CHECK(num_ids.size() == 5);
  const auto starts = test::attribute_values(*numbering, "w:startOverride", "w:val");
  CHECK(starts == std::vector<std::string>{"1", "1", "1", "5"});  // ordered lists only
  const auto levels = test::attribute_values(*w.body, "w:ilvl", "w:val");
  CHECK(std::count(levels.begin(), levels.end(), "2") == 2);  // the doubly nested items
}

TEST_CASE("external and internal links are hyperlinks in the Hyperlink style", "[docx][link]") {
  const Written w = write(test::sample_document());
  const auto rel_ids = test::attribute_values(*w.body, "w:hyperlink", "r:id");
  CHECK(std::count_if(rel_ids.begin(), rel_ids.end(),
                      [](const std::string& s) { return !s.empty(); }) == 2);
  const auto run_styles = test::attribute_values(*w.body, "w:rStyle", "w:val");
  CHECK(std::count(run_styles.begin(), run_styles.end(), "Hyperlink") >= 4);
  CHECK(std::count(run_styles.begin(), run_styles.end(), "Code") == 1);
}

TEST_CASE("images are media parts shown at their size in EMU", "[docx][image]") {
  const doc::Document d = test::sample_document();
  const Written w = write(d);
  CHECK(w.parts.count("word/media/image1.png") == 1);  // the header logo
  CHECK(w.parts.count("word/media/image2.png") == 1);  // the cover image
  const auto cx = test::attribute_values(*w.body, "wp:extent", "cx");
  const auto cy = test::attribute_values(*w.body, "wp:extent", "cy");
  REQUIRE(cx.size() == 1);
  // cover.png: 4x2 pixels shown 144 pt wide, so 72 pt high; 12700 EMU per point.
  CHECK(cx[0] == std::to_string(144 * 12700));
  CHECK(cy[0] == std::to_string(72 * 12700));
  const auto header = test::parse_xml(w.parts.at("word/header1.xml"));
  const auto logo_cx = test::attribute_values(*header, "wp:extent", "cx");
  REQUIRE(logo_cx.size() == 1);
  CHECK(logo_cx[0] == std::to_string(8 * 9525));  // 8 px at 96 dpi
  CHECK(w.parts.count("word/_rels/header1.xml.rels") == 1);
}

TEST_CASE("the cover page has no running header or footer", "[docx][header]") {
  const Written w = write(test::sample_document());
  CHECK(test::count_elements(*w.body, "w:titlePg") == 1);
  const auto types = test::attribute_values(*w.body, "w:headerReference", "w:type");
  CHECK(types == std::vector<std::string>{"default", "first"});
  const auto first_header = test::parse_xml(w.parts.at("word/header2.xml"));
  const auto first_footer = test::parse_xml(w.parts.at("word/footer2.xml"));
  CHECK(test::count_elements(*first_header, "w:t") == 0);
  CHECK(test::count_elements(*first_footer, "w:t") == 0);

  const Written plain = write(test::minimal_document());
  CHECK(test::count_elements(*plain.body, "w:titlePg") == 0);
  CHECK(test::count_elements(*plain.body, "w:headerReference") == 0);
}

TEST_CASE("the running header and the footer fields read as the metadata says", "[docx][header]") {
  const doc::Document d = test::sample_document();
  const Written w = write(d);
  const auto header = test::parse_xml(w.parts.at("word/header1.xml"));
  CHECK(test::paragraph_texts(*header).front() == " " + d.meta.header_left + d.meta.header_right);
  const auto footer = test::parse_xml(w.parts.at("word/footer1.xml"));
  Poco::AutoPtr<Poco::XML::NodeList> instr = footer->getElementsByTagName("w:instrText");
  REQUIRE(instr->length() == 2);
  CHECK(instr->item(0)->innerText() == " PAGE ");
  CHECK(instr->item(1)->innerText() == " NUMPAGES ");
  CHECK(test::paragraph_texts(*footer).front() == "Page 1 of 1");
}

TEST_CASE("page size, margins, fonts and language come from the style and metadata",
          "[docx][style]") {
  doc::Style style;
  style.page_width_pt = 612;  // US Letter
  style.page_height_pt = 792;
  style.margin_left_pt = 50;
  style.heading_size_pt[0] = 20;
  style.body_font = "Liberation Serif";
  doc::Document d = test::minimal_document();
  d.meta.language = "fr";
  const Written w = write(d, {}, style);
  CHECK(test::attribute_values(*w.body, "w:pgSz", "w:w") == std::vector<std::string>{"12240"});
  CHECK(test::attribute_values(*w.body, "w:pgSz", "w:h") == std::vector<std::string>{"15840"});
  CHECK(test::attribute_values(*w.body, "w:pgMar", "w:left") == std::vector<std::string>{"1000"});
  const auto styles = test::parse_xml(w.parts.at("word/styles.xml"));
  CHECK(test::attribute_values(*styles, "w:lang", "w:val") == std::vector<std::string>{"fr"});
  const auto fonts = test::attribute_values(*styles, "w:rFonts", "w:ascii");
  CHECK(fonts.front() == "Liberation Serif");
  // Heading 1 at 20 pt = 40 half-points.
  const auto sizes = test::attribute_values(*styles, "w:sz", "w:val");
  CHECK(std::count(sizes.begin(), sizes.end(), "40") >= 1);
}
