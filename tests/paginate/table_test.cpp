// Tables: column widths, repeated header rows, split rows (layout/table.cpp).
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <set>

#include "fonts/fonts.hpp"
#include "layout_helpers.hpp"
#include "paginate/paginate.hpp"
#include "paginate/table.hpp"
#include "sample_document.hpp"

using namespace plenary;
using namespace plenary::paginate;
using namespace plenary::test;

TEST_CASE("Table columns follow their content and fill the text width", "[pdf][layout][table]") {
  FontRegistry fonts(kStyle);
  doc::Table table;
  table.rows.push_back({{{doc::text("No.")}}, {{doc::text("Description")}}});
  table.rows.push_back({{{doc::text("1")}}, {{doc::text(kSentence)}}});
  const auto widths = column_widths(table, text_width(), fonts, kStyle);
  REQUIRE(widths.size() == 2);
  CHECK(std::accumulate(widths.begin(), widths.end(), 0.0) == Approx(text_width()));
  CHECK(widths[0] < widths[1] / 5);
  CHECK(widths[0] >= fonts.width(fonts.font(Family::Body, true, false), "No.", 9) + 8);

  SECTION("weights, when given, set the proportions") {
    table.weights = {1, 3};
    const auto weighted = column_widths(table, text_width(), fonts, kStyle);
    CHECK(weighted[1] == Approx(3 * weighted[0]));
  }
  SECTION("a weight too small for the longest word gives way to it") {
    table.rows.push_back({{{doc::text("Information")}}, {{doc::text("x")}}});
    table.weights = {1, 30};
    const auto weighted = column_widths(table, text_width(), fonts, kStyle);
    const double word = fonts.width(fonts.font(Family::Body, false, false), "Information", 9);
    CHECK(weighted[0] >= word + 8);
    CHECK(weighted[0] + weighted[1] == Approx(text_width()));
  }
  SECTION("a 3000-letter word cannot take the whole table") {
    table.rows.push_back({{{doc::text(std::string(3000, 'x'))}}, {{doc::text("short")}}});
    const auto capped = column_widths(table, text_width(), fonts, kStyle);
    CHECK(capped[0] <= text_width() * 0.7);
    CHECK(capped[1] >= text_width() * 0.3);
  }
}

TEST_CASE("Header rows are repeated at the top of every page a table spans",
          "[pdf][layout][table]") {
  FontRegistry fonts(kStyle);
  const doc::Document document = test::sample_document();
  const Pagination layout = layout_document(document, kStyle, fonts);
  int spanned = 0;
  for (const Page& page : layout.pages) {
    bool rows = false;
    for (const TextItem* text : texts(page)) rows = rows || text->text == "Główny Urząd Miar";
    if (!rows) continue;
    ++spanned;
    // The header ("No." ... "Remarks") comes before any body row on the page.
    double header_y = -1, first_row_y = 1e9;
    for (const TextItem* text : texts(page)) {
      if (text->text == "Remarks") header_y = text->y;
      if (text->text == "Główny Urząd Miar") first_row_y = std::min(first_row_y, text->y);
    }
    CHECK(header_y > 0);
    CHECK(header_y < first_row_y);
  }
  CHECK(spanned >= 3);  // 120 rows take several pages
}

TEST_CASE("A row taller than a page is split across pages", "[pdf][layout][table]") {
  FontRegistry fonts(kStyle);
  doc::Document document;
  doc::Table table;
  table.rows.push_back({{{doc::text("Key")}}, {{doc::text("Value")}}});
  std::string huge;
  for (int i = 0; i < 900; ++i) huge += "word" + std::to_string(i) + " ";
  table.rows.push_back({{{doc::text("k")}}, {{doc::text(huge)}}});
  document.blocks.push_back(doc::Block{table});
  const Pagination layout = layout_blocks(document, kStyle, fonts, {});
  REQUIRE(layout.pages.size() >= 2);
  for (const Page& page : layout.pages) {
    CHECK(page_has(page, "Value"));  // header on every page
    for (const TextItem* text : texts(page)) {
      CHECK(text->y <= kStyle.page_height_pt - kStyle.margin_bottom_pt);
    }
  }
  CHECK(page_has(layout.pages.back(), "word899"));
}
