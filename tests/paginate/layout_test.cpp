// Document layout on positioned-item pages, without writing a PDF (layout/layout.cpp):
// pagination, keep-with-next, margins, contents, running texts, lists.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <set>

#include "fonts/fonts.hpp"
#include "layout_helpers.hpp"
#include "paginate/paginate.hpp"
#include "sample_document.hpp"

using namespace plenary;
using namespace plenary::paginate;
using namespace plenary::test;

TEST_CASE("A heading stays on the page of the lines that follow it", "[pdf][layout]") {
  FontRegistry fonts(kStyle);
  // Move the heading down the page one filler line at a time, through the bottom margin.
  for (int filler = 30; filler < 60; ++filler) {
    doc::Document document;
    for (int i = 0; i < filler; ++i)
      document.blocks.push_back(doc::paragraph({doc::text("filler")}));
    document.blocks.push_back(doc::heading(2, "h", {doc::text("The heading")}));
    document.blocks.push_back(doc::paragraph({doc::text(kSentence + " " + kSentence)}));
    const Pagination layout = layout_blocks(document, kStyle, fonts, {});
    int found = 0;
    for (const Page& page : layout.pages) {
      const auto items = texts(page);
      for (std::size_t i = 0; i < items.size(); ++i) {
        if (items[i]->text != "The heading") continue;
        ++found;
        INFO("filler paragraphs: " << filler);
        REQUIRE(i + 2 < items.size());  // two lines of the paragraph follow on this page
        CHECK(items[i + 1]->text.rfind("The committee", 0) == 0);
      }
    }
    CHECK(found == 1);
  }
}

TEST_CASE("No item lies below the bottom margin or outside the side margins", "[pdf][layout]") {
  doc::Style style = kStyle;
  SECTION("A4, the default style") {}
  SECTION("Letter, one-inch margins, larger text") {
    style.page_width_pt = 612;
    style.page_height_pt = 792;
    style.margin_left_pt = style.margin_right_pt = style.margin_top_pt = style.margin_bottom_pt =
        72;
    style.body_size_pt = 11.5;
    style.table_size_pt = 10;
    style.line_spacing = 1.4;
  }
  FontRegistry fonts(style);
  const doc::Document document = test::sample_document();
  const Pagination layout = layout_blocks(document, style, fonts, {});
  const double bottom = style.page_height_pt - style.margin_bottom_pt;
  const double right = style.page_width_pt - style.margin_right_pt;
  for (std::size_t p = 0; p < layout.pages.size(); ++p) {
    for (const Item& item : layout.pages[p].items) {
      INFO("page " << p + 1);
      if (const auto* text = std::get_if<TextItem>(&item)) {
        INFO(text->text.substr(0, 40));
        CHECK(text->y + text->size * 0.25 <= bottom + 0.01);
        CHECK(text->y - text->size * 0.8 >= style.margin_top_pt - 0.01);
        CHECK(text->x >= style.margin_left_pt - 0.01);
        CHECK(text->x + text->width <= right + 0.01);
      } else if (const auto* rule = std::get_if<RuleItem>(&item)) {
        CHECK(rule->y1 <= bottom + 0.01);
        CHECK(rule->x2 <= right + 0.01);
      } else if (const auto* rect = std::get_if<RectItem>(&item)) {
        CHECK(rect->y + rect->h <= bottom + 0.01);
        CHECK(rect->x + rect->w <= right + 0.01);
      } else if (const auto* image = std::get_if<ImageItem>(&item)) {
        CHECK(image->y + image->h <= bottom + 0.01);
        CHECK(image->x + image->w <= right + 0.01);
      }
    }
  }
}

TEST_CASE("The contents lists every heading with the page where it landed", "[pdf][layout]") {
  FontRegistry fonts(kStyle);
  const doc::Document document = test::sample_document();
  const Pagination layout = layout_document(document, kStyle, fonts);
  REQUIRE(layout.headings.size() == 9);
  // Page 2 holds the contents: the numbers are the right-aligned texts at the right margin.
  const double right = kStyle.page_width_pt - kStyle.margin_right_pt;
  std::vector<int> printed;
  for (const TextItem* text : texts(layout.pages.at(1))) {
    if (std::abs(text->x + text->width - right) < 0.01 && text->y > kStyle.margin_top_pt &&
        text->y < kStyle.page_height_pt - kStyle.margin_bottom_pt) {
      printed.push_back(std::stoi(text->text));
    }
  }
  std::vector<int> actual;
  for (const HeadingEntry& heading : layout.headings) {
    actual.push_back(heading.page);
    const Page& page = layout.pages.at(heading.page - 1);
    CHECK(page_has(page, heading.title));
  }
  CHECK(printed == actual);
}

TEST_CASE("The cover has no running header or footer; every other page has both", "[pdf][layout]") {
  FontRegistry fonts(kStyle);
  const doc::Document document = test::sample_document();
  const Pagination layout = layout_document(document, kStyle, fonts);
  const std::string pages = std::to_string(layout.pages.size());
  CHECK(layout.pages[0].cover);
  CHECK_FALSE(page_has(layout.pages[0], "Page"));
  CHECK_FALSE(page_has(layout.pages[0], "Briefing pack — CCQM"));
  for (std::size_t p = 1; p < layout.pages.size(); ++p) {
    INFO("page " << p + 1);
    CHECK(page_has(layout.pages[p], "Page " + std::to_string(p + 1) + " of " + pages));
    CHECK(page_has(layout.pages[p], "CCQM — Consultative Committee"));
  }
}

TEST_CASE("List numbers line up at the right and never enter the left margin", "[pdf][layout]") {
  FontRegistry fonts(kStyle);
  doc::Document document;
  doc::List list{true, 1, {}};
  for (int i = 0; i < 120; ++i) {
    list.items.push_back(doc::ListItem{{doc::paragraph({doc::text("item " + std::to_string(i))})}});
  }
  document.blocks.push_back(doc::Block{list});
  const Pagination layout = layout_blocks(document, kStyle, fonts, {});
  std::set<long> right_edges;
  int markers = 0;
  for (const Page& page : layout.pages) {
    for (const TextItem* text : texts(page)) {
      CHECK(text->x >= kStyle.margin_left_pt - 0.01);
      if (text->text.back() == '.') {
        ++markers;
        right_edges.insert(std::lround((text->x + text->width) * 100));
      }
    }
  }
  CHECK(markers == 120);
  CHECK(right_edges.size() == 1);
}

TEST_CASE("Contents numbers settle when the contents itself runs over several pages",
          "[pdf][layout]") {
  FontRegistry fonts(kStyle);
  const doc::Document document = test::long_document(150);  // 150 entries: 3 pages of contents
  const Pagination layout = layout_document(document, kStyle, fonts);
  REQUIRE(layout.headings.size() == 150);
  CHECK(layout.headings.front().page > 3);
  const double right = kStyle.page_width_pt - kStyle.margin_right_pt;
  std::vector<int> printed;
  for (int p = 0; p < layout.headings.front().page - 1; ++p) {
    for (const TextItem* text : texts(layout.pages[p])) {
      if (std::abs(text->x + text->width - right) < 0.01 && text->y > kStyle.margin_top_pt &&
          text->y < kStyle.page_height_pt - kStyle.margin_bottom_pt) {
        printed.push_back(std::stoi(text->text));
      }
    }
  }
  std::vector<int> actual;
  for (const HeadingEntry& heading : layout.headings) {
    actual.push_back(heading.page);
    CHECK(page_has(layout.pages.at(heading.page - 1), heading.title));
  }
  CHECK(printed == actual);
}

TEST_CASE("The page numbers alone are those of the full layout", "[pdf][layout]") {
  // A DOCX build asks only for these; they come from passes that make no page text, and a
  // pass is left out when the contents would take the same lines again.
  auto same_as_full = [](const doc::Document& document) {
    FontRegistry full_fonts(kStyle);
    const Pagination layout = layout_document(document, kStyle, full_fonts);
    std::vector<int> pages;
    for (const HeadingEntry& heading : layout.headings) pages.push_back(heading.page);
    FontRegistry fonts(kStyle);
    const PageNumbers numbers = page_numbers(document, kStyle, fonts);
    CHECK(numbers.heading_pages == pages);
    CHECK(numbers.page_count == static_cast<int>(layout.pages.size()));
  };
  SECTION("the sample") {
    same_as_full(test::sample_document());
  }
  SECTION("contents over several pages") {
    same_as_full(test::long_document(150));
  }
  SECTION("titles that wrap or not depending on the width of their page number") {
    doc::Document document = test::long_document(0);
    std::string title;
    for (int s = 1; s <= 90; ++s) {
      title += (s % 7 == 0 ? "Mmm " : "wi ");  // lengths reach the number's column one by one
      document.blocks.push_back(
          doc::heading(s % 3 == 0 ? 2 : 1, "t" + std::to_string(s), {doc::text(title)}));
      document.blocks.push_back(doc::paragraph({doc::text(std::string(s % 5 * 200, 'x'))}));
    }
    same_as_full(document);
  }
  SECTION("a contents with nothing to list") {
    doc::Document document;
    document.blocks.push_back(doc::Block{doc::Contents{}});
    document.blocks.push_back(doc::paragraph({doc::text("Only a paragraph.")}));
    same_as_full(document);
  }
}

TEST_CASE("A page break after text left out by a measuring pass still breaks", "[pdf][layout]") {
  // The first pass of a document with a contents places its lines without their items; a
  // page break must still see that the page holds something.
  doc::Document document;
  document.blocks.push_back(doc::Block{doc::Contents{}});
  document.blocks.push_back(doc::heading(1, "a", {doc::text("First")}));
  document.blocks.push_back(doc::paragraph({doc::text("Some text.")}));
  document.blocks.push_back(doc::Block{doc::PageBreak{}});
  document.blocks.push_back(doc::heading(1, "b", {doc::text("Second")}));
  FontRegistry fonts(kStyle);
  const Pagination layout = layout_document(document, kStyle, fonts);
  REQUIRE(layout.headings.size() == 2);
  CHECK(layout.headings[1].page == layout.headings[0].page + 1);
  FontRegistry numbers_fonts(kStyle);
  CHECK(page_numbers(document, kStyle, numbers_fonts).heading_pages ==
        std::vector<int>{layout.headings[0].page, layout.headings[1].page});
}
