// Tables: header rows repeat (w:tblHeader), widths follow the weights or the content and fill
// the text width, rows may split, ragged rows are padded, adjacent tables stay apart.
#include <catch2/catch.hpp>

#include <numeric>

#include "docx_reader.hpp"
#include "fonts/fonts.hpp"
#include "paginate/paginate.hpp"
#include "render/docx/docx_writer.hpp"
#include "render/docx/state.hpp"
#include "render/docx/table.hpp"
#include "sample_document.hpp"

using namespace plenary;

namespace {

doc::TableCell cell(std::string s) {
  return doc::TableCell{{doc::text(std::move(s))}};
}

doc::Table table_of(int rows, int header_rows) {
  doc::Table t;
  t.header_rows = header_rows;
  for (int r = 0; r < rows; ++r) t.rows.push_back({cell("r" + std::to_string(r)), cell("x")});
  return t;
}

Poco::AutoPtr<Poco::XML::Document> body_of(const doc::Document& d) {
  return test::parse_xml(
      test::docx_parts(render::write_docx(d, doc::Style{}, {})).at("word/document.xml"));
}

std::vector<long> grid(const Poco::XML::Document& body) {
  std::vector<long> widths;
  for (const auto& w : test::attribute_values(body, "w:gridCol", "w:w"))
    widths.push_back(std::stol(w));
  return widths;
}

}  // namespace

namespace {
// The column widths are measured in the style's fonts, as the pagination measures them.
const doc::Style& table_style() {
  static const doc::Style style = [] {
    doc::Style s;
    s.table_size_pt = 9;
    return s;
  }();
  return style;
}
fonts::FontRegistry& table_fonts() {
  static fonts::FontRegistry fonts(table_style());
  return fonts;
}
}  // namespace

TEST_CASE("header rows are marked to repeat on every page", "[docx][table]") {
  const auto body = body_of(test::sample_document());
  CHECK(test::count_elements(*body, "w:tbl") == 2);
  CHECK(test::count_elements(*body, "w:tblHeader") == 2);  // one header row per table
  CHECK(test::count_elements(*body, "w:tr") == 41 + 2);

  doc::Document d;
  d.blocks.push_back(doc::Block{table_of(10, 2)});
  CHECK(test::count_elements(*body_of(d), "w:tblHeader") == 2);
}

TEST_CASE("rows never split across pages and the layout is fixed so long words wrap",
          "[docx][table]") {
  const auto body = body_of(test::sample_document());
  // <w:cantSplit/> on every row, as the PDF never splits a row (w:val="0" is what the Open XML
  // SDK validator rejects, and it would mean the opposite).
  CHECK(test::count_elements(*body, "w:cantSplit") == test::count_elements(*body, "w:tr"));
  for (const auto& v : test::attribute_values(*body, "w:cantSplit", "w:val")) CHECK(v.empty());
  for (const auto& v : test::attribute_values(*body, "w:tblLayout", "w:type")) CHECK(v == "fixed");
}

TEST_CASE("column widths follow the weights and fill the text width", "[docx][table]") {
  doc::Table t = table_of(3, 1);
  t.weights = {1, 3};
  const long total = render::docx::text_width_twips(doc::Style{});
  const auto widths = render::docx::column_widths(t, total, table_fonts(), table_style());
  REQUIRE(widths.size() == 2);
  CHECK(widths[0] + widths[1] == total);
  CHECK(std::abs(widths[1] - 3 * widths[0]) <= 3);

  doc::Document d;
  d.blocks.push_back(doc::Block{t});
  const auto body = body_of(d);
  CHECK(grid(*body) == widths);
  const auto cell_widths = test::attribute_values(*body, "w:tcW", "w:w");
  CHECK(cell_widths.size() == 6);
}

TEST_CASE("without weights a 3000-letter word does not starve the other columns", "[docx][table]") {
  doc::Table t;
  t.rows = {{cell("Name"), cell("Kind")}, {cell(test::long_word()), cell("liaison")}};
  const long total = 9000;
  const auto widths = render::docx::column_widths(t, total, table_fonts(), table_style());
  REQUIRE(widths.size() == 2);
  CHECK(widths[0] + widths[1] == total);
  // "liaison" still gets a column that holds it, the DOCX cell margins included, with a point
  // to spare for Word's and LibreOffice's rounding.
  const fonts::FontId bold = table_fonts().font(fonts::Family::Body, false, false);
  CHECK(widths[1] / 20.0 >= table_fonts().width(bold, "liaison", 9) +
                                2 * render::docx::kDocxCellSideMargin + 1);
  CHECK(widths[0] > widths[1]);
}

TEST_CASE("a narrow weighted column is widened to hold its longest word", "[docx][table]") {
  doc::Table t;
  t.weights = {20, 1, 1};
  t.rows = {{cell("Item"), cell("Duration"), cell("Kind")},
            {cell("Opening of the meeting"), cell("15 min"), cell("Information")}};
  const long total = 9000;
  const auto plain = render::docx::column_widths(t, total, table_fonts(), table_style());
  REQUIRE(plain.size() == 3);
  CHECK(plain[0] + plain[1] + plain[2] == total);
  // "Information": 11 characters of 9 pt text need well over the 1/22 of the width the
  // weights alone would give.
  CHECK(plain[2] > 11 * 9 * 0.55 * 20);
  CHECK(plain[1] > 8 * 9 * 0.55 * 20);
  CHECK(plain[0] > plain[2]);  // the wide column still gets the rest

  // When not every word fits, the narrow columns still gain and the total holds.
  const auto tight = render::docx::column_widths(t, 2000, table_fonts(), table_style());
  CHECK(tight[0] + tight[1] + tight[2] == 2000);
  CHECK(tight[2] > 2000 / 22);
  CHECK(tight[1] > 2000 / 22);
}

TEST_CASE("ragged rows are padded so every row has every column", "[docx][table]") {
  doc::Table t;
  t.rows = {{cell("a"), cell("b"), cell("c")}, {cell("only one")}};
  doc::Document d;
  d.blocks.push_back(doc::Block{t});
  const auto body = body_of(d);
  CHECK(test::count_elements(*body, "w:tc") == 6);
  CHECK(test::count_elements(*body, "w:gridCol") == 3);
}

TEST_CASE("adjacent tables are kept apart and an empty table is left out", "[docx][table]") {
  doc::Document d;
  d.blocks.push_back(doc::Block{table_of(2, 1)});
  d.blocks.push_back(doc::Block{table_of(2, 1)});
  d.blocks.push_back(doc::Block{doc::Table{}});
  const auto body = body_of(d);
  CHECK(test::count_elements(*body, "w:tbl") == 2);
  // Tables are body children separated by a paragraph; the body ends with one too.
  Poco::AutoPtr<Poco::XML::NodeList> bodies = body->getElementsByTagName("w:body");
  Poco::XML::Node* node = bodies->item(0)->firstChild();
  std::vector<std::string> kinds;
  for (; node != nullptr; node = node->nextSibling()) kinds.push_back(node->nodeName());
  CHECK(kinds == std::vector<std::string>{"w:tbl", "w:p", "w:tbl", "w:p", "w:sectPr"});
}

TEST_CASE("header cells are bold and shaded, aligned columns justified", "[docx][table]") {
  doc::Table t = table_of(3, 1);
  t.aligns = {doc::Align::Left, doc::Align::Right};
  doc::Document d;
  d.blocks.push_back(doc::Block{t});
  const auto body = body_of(d);
  CHECK(test::count_elements(*body, "w:shd") == 2);
  CHECK(test::count_elements(*body, "w:b") == 2);
  CHECK(test::attribute_values(*body, "w:jc", "w:val") == std::vector<std::string>(3, "right"));
}

TEST_CASE(
    "with the PDF's page starts, pages break where the PDF's do and split tables repeat "
    "their header",
    "[docx][table][pages]") {
  doc::Document d;
  d.meta.footer = "Page {page} of {pages}";
  d.blocks.push_back(doc::Block{doc::Heading{1, "one", {doc::text("One")}, true}});
  d.blocks.push_back(doc::Block{table_of(12, 1)});
  d.blocks.push_back(doc::Block{doc::Heading{1, "two", {doc::text("Two")}, true}});
  render::DocxOptions options;
  // Page 1: the heading and rows 1-5; page 2: rows 6-11 (the table goes on); page 3: "Two".
  options.page_starts = {{0, -1, false}, {1, 6, true}, {2, -1, false}};
  options.page_count = 3;
  const auto parts = test::docx_parts(render::write_docx(d, doc::Style{}, options));
  const auto body = test::parse_xml(parts.at("word/document.xml"));
  CHECK(test::count_elements(*body, "w:tbl") == 2);              // split at row 6
  CHECK(test::count_elements(*body, "w:tblHeader") == 2);        // the header row in both parts
  CHECK(test::count_elements(*body, "w:tr") == 12 + 1);          // every row once, plus the header
  CHECK(test::count_elements(*body, "w:pageBreakBefore") == 2);  // before part two and "Two"
  // The footer's NUMPAGES shows the real total before any field update.
  bool found = false;
  for (const auto& [name, xml] : parts) {
    if (name.rfind("word/footer", 0) == 0 && xml.find("NUMPAGES") != std::string::npos) {
      found = true;
      CHECK(xml.find(">3</w:t>") != std::string::npos);
    }
  }
  CHECK(found);
}

TEST_CASE("with the PDF's page starts, a list breaks before the item a page begins with",
          "[docx][pages]") {
  doc::Document d;
  doc::List list;
  for (int i = 0; i < 9; ++i)
    list.items.push_back(doc::ListItem{{doc::paragraph({doc::text("item " + std::to_string(i))})}});
  d.blocks.push_back(doc::Block{doc::Heading{1, "one", {doc::text("One")}, true}});
  d.blocks.push_back(doc::Block{list});
  render::DocxOptions options;
  // Page 2 begins with item 4; page 3 goes on inside item 7 (the reader breaks that one).
  paginate::PageStart second{1, -1, true};
  second.item = 4;
  paginate::PageStart third{1, -1, true};
  third.item = 7;
  third.item_continued = true;
  options.page_starts = {{0, -1, false}, second, third};
  const auto parts = test::docx_parts(render::write_docx(d, doc::Style{}, options));
  const auto body = test::parse_xml(parts.at("word/document.xml"));
  CHECK(test::count_elements(*body, "w:pageBreakBefore") == 1);
  // The break is on item 4's paragraph, which has no space above it (the PDF's page top).
  const std::string xml = parts.at("word/document.xml");
  const auto at = xml.find("<w:pageBreakBefore/>");
  REQUIRE(at != std::string::npos);
  const auto text = xml.find("<w:t", at);
  CHECK(xml.compare(xml.find('>', text) + 1, 6, "item 4") == 0);
  CHECK(xml.find("<w:spacing w:before=\"0\"/>", at) < text);
  // The body's bottom margin leaves the reader a little more room than the PDF's.
  CHECK(xml.find("w:bottom=\"" + std::to_string(render::docx::twips(doc::Style{}.margin_bottom_pt)) +
                 "\"") == std::string::npos);
}

TEST_CASE("the DOCX's columns never cost a column its whole identifiers",
          "[docx][table][identifier]") {
  // Four columns whose identifiers fit whole at the true size with 2 % to spare: the DOCX's
  // columns (the PDF's, docs/docx.md) keep CCQM-TG-STAKEHOLDER whole in its column, so neither
  // Word nor LibreOffice wraps it after a hyphen.
  doc::Table t;
  t.header_rows = 0;
  t.rows = {{cell("CCQM-TG-STAKEHOLDER"), cell("Pharmaceuticals"), cell("Extraordinarily"),
             cell("Nanoplastics")}};
  const fonts::FontId regular = table_fonts().font(fonts::Family::Body, false, false);
  double need = 0;
  for (const auto& row : t.rows) {
    for (const auto& c : row) {
      need += table_fonts().width(regular, std::get<doc::Text>(c.content[0].value).text, 9) + 8;
    }
  }
  const long total = std::lround(need * 1.02 * 20);
  const auto widths = render::docx::column_widths(t, total, table_fonts(), table_style());
  REQUIRE(widths.size() == 4);
  CHECK(std::accumulate(widths.begin(), widths.end(), 0L) == total);
  CHECK(widths[0] / 20.0 >= table_fonts().width(regular, "CCQM-TG-STAKEHOLDER", 9) + 8);
}

TEST_CASE("the DOCX takes its columns from the PDF layout's measures, the same as measured again",
          "[docx][table][pages]") {
  // Tables whose widths come from their content (long and short words, a wide header, weights,
  // a ragged row), at the top level and inside a list (set narrower there by the PDF).
  doc::Document d;
  d.blocks.push_back(doc::Block{doc::Heading{1, "one", {doc::text("One")}, true}});
  doc::Table wide;
  wide.header_rows = 1;
  wide.rows.push_back({cell("Identifier"), cell("Title of the task group"), cell("Chair")});
  for (int r = 0; r < 30; ++r)
    wide.rows.push_back({cell("CCQM-TG-GEN-" + std::to_string(100 + r)),
                         cell(std::string(static_cast<std::size_t>(r % 7) + 1, 'w') +
                              " reference materials for µ-scale Sèvres comparisons " +
                              std::to_string(r)),
                         cell(r % 3 == 0 ? "Dr A. Person-Someone" : "B")});
  wide.rows.push_back({cell("ragged")});
  d.blocks.push_back(doc::Block{wide});
  doc::Table weighted = table_of(5, 1);
  weighted.weights = {1, 3};
  d.blocks.push_back(doc::Block{weighted});
  doc::List list;
  list.items.push_back(doc::ListItem{{doc::Block{table_of(3, 0)}}});
  d.blocks.push_back(doc::Block{list});
  const doc::Style style;
  paginate::PaginateOptions numbers_only;
  numbers_only.text = false;
  const paginate::Pagination pages = paginate::paginate(d, style, numbers_only);
  REQUIRE(pages.table_widths.size() >= 2);
  render::DocxOptions measured_again;  // the same options, the tables measured by the writer
  measured_again.heading_pages = pages.heading_pages();
  measured_again.page_starts = pages.starts;
  measured_again.page_count = pages.page_count();
  CHECK(render::write_docx(d, style, {}, pages) == render::write_docx(d, style, measured_again));
}
