// paginate(): which block and table row start each page, the pages headings land on, the
// warning when the contents page numbers do not settle.
#include <catch2/catch.hpp>

#include <string>

#include "layout_helpers.hpp"
#include "paginate/paginate.hpp"
#include "sample_document.hpp"

using namespace plenary;
using namespace plenary::paginate;
using namespace plenary::test;

namespace {

doc::Block table_of(int rows) {
  doc::Table table;
  table.header_rows = 1;
  table.rows.push_back({doc::TableCell{{doc::text("Item")}}, doc::TableCell{{doc::text("Note")}}});
  for (int r = 1; r < rows; ++r) {
    table.rows.push_back({doc::TableCell{{doc::text("row " + std::to_string(r))}},
                          doc::TableCell{{doc::text(kSentence)}}});
  }
  return doc::Block{table};
}

}  // namespace

TEST_CASE("Page starts name the block, and the table row, at the top of each page", "[paginate]") {
  doc::Document document;
  document.meta.title = "Starts";
  document.blocks.push_back(doc::paragraph({doc::text("first page")}));   // 0
  document.blocks.push_back(doc::Block{doc::PageBreak{}});                // 1
  document.blocks.push_back(doc::heading(1, "t", {doc::text("Table")}));  // 2
  document.blocks.push_back(table_of(120));                               // 3
  document.blocks.push_back(doc::Block{doc::PageBreak{}});                // 4
  document.blocks.push_back(doc::paragraph({doc::text("last page")}));    // 5
  for (const bool text : {true, false}) {
    PaginateOptions options;
    options.text = text;
    const Pagination p = paginate::paginate(document, kStyle, options);
    REQUIRE_FALSE(p.diagnostics.has_errors());
    REQUIRE(p.page_count() >= 4);
    REQUIRE(p.starts.size() == p.pages.size());
    CHECK(p.starts[0].block == 0);
    CHECK(p.starts[0].row == -1);
    CHECK(p.starts[1].block == 2);  // after the page break: the heading
    // The table's later pages start at a body row, one further on each page.
    int last_row = 0;
    for (std::size_t i = 2; i + 1 < p.starts.size(); ++i) {
      INFO("page " << i + 1);
      CHECK(p.starts[i].block == 3);
      CHECK(p.starts[i].row > last_row);
      last_row = p.starts[i].row;
    }
    CHECK(p.starts.back().block == 5);
    CHECK(p.starts.back().row == -1);
    CHECK(p.has_text == text);
  }
}

TEST_CASE("Heading pages are the pages the headings land on, with or without text", "[paginate]") {
  doc::Document document;
  document.meta.title = "Headings";
  document.meta.contents_title = "Contents";
  document.blocks.push_back(doc::Block{doc::Contents{}});
  for (int s = 0; s < 6; ++s) {
    document.blocks.push_back(doc::Block{doc::PageBreak{}});
    document.blocks.push_back(
        doc::heading(1, "s" + std::to_string(s), {doc::text("Section " + std::to_string(s))}));
    for (int i = 0; i < s * 12; ++i)
      document.blocks.push_back(doc::paragraph({doc::text(kSentence)}));
  }
  const Pagination full = paginate::paginate(document, kStyle);
  PaginateOptions numbers_only;
  numbers_only.text = false;
  const Pagination numbers = paginate::paginate(document, kStyle, numbers_only);
  REQUIRE(full.settled);
  REQUIRE(full.headings.size() == 6);
  // Each section starts on a fresh page after the contents page.
  CHECK(full.heading_pages().front() == 2);
  for (std::size_t i = 0; i < full.headings.size(); ++i) {
    const int page = full.headings[i].page;
    INFO("heading " << i);
    CHECK(page_has(full.pages[static_cast<std::size_t>(page - 1)], "Section " + std::to_string(i)));
    CHECK(full.starts[static_cast<std::size_t>(page - 1)].block == 2 + 2 * i + 6 * i * (i - 1));
  }
  CHECK(numbers.heading_pages() == full.heading_pages());
  CHECK(numbers.page_count() == full.page_count());
  CHECK(numbers.diagnostics.empty());
}

TEST_CASE("Contents page numbers that do not settle give a warning naming the document",
          "[paginate]") {
  doc::Document document = test::sample_document();
  document.meta.title = "Unsettled Report";
  PaginateOptions options;
  options.max_passes = 0;  // the first pass finds the pages; none may print them
  const Pagination p = paginate::paginate(document, kStyle, options);
  CHECK_FALSE(p.settled);
  bool warned = false;
  for (const Diagnostic& d : p.diagnostics.items()) {
    if (d.severity == Severity::Warning && d.pos.path == "Unsettled Report" &&
        d.message.find("did not settle") != std::string::npos &&
        d.message.find("'Unsettled Report'") != std::string::npos) {
      warned = true;
    }
  }
  CHECK(warned);
  // With the default limit the same document settles, without that warning.
  const Pagination settled = paginate::paginate(document, kStyle);
  CHECK(settled.settled);
  for (const Diagnostic& d : settled.diagnostics.items()) {
    CHECK(d.message.find("did not settle") == std::string::npos);
  }
}

TEST_CASE("A document without a usable body font paginates to an error", "[paginate]") {
  doc::Style style = kStyle;
  style.body_font = "";
  doc::Document document;
  document.blocks.push_back(doc::paragraph({doc::text("x")}));
  const Pagination p = paginate::paginate(document, style);
  // fontconfig substitutes some font for any name; when none is usable the error says so.
  if (p.diagnostics.has_errors()) {
    CHECK(p.pages.empty());
  } else {
    CHECK(p.page_count() == 1);
  }
}

TEST_CASE("Page starts name the list item at the top of each page of a long list", "[paginate]") {
  doc::Document document;
  document.meta.title = "Items";
  document.blocks.push_back(doc::heading(1, "l", {doc::text("List")}));  // 0
  doc::List list;
  for (int i = 0; i < 150; ++i) {
    // Items of one and of six lines: the long ones may split across a page end.
    const std::string text = i % 7 == 3 ? kSentence + " " + kSentence + " " + kSentence : "item";
    list.items.push_back(doc::ListItem{{doc::paragraph({doc::text(text)})}});
  }
  document.blocks.push_back(doc::Block{list});                             // 1
  document.blocks.push_back(doc::paragraph({doc::text("after")}));         // 2
  const Pagination p = paginate::paginate(document, kStyle);
  REQUIRE(p.page_count() >= 3);
  CHECK(p.starts[0].item == -1);
  int last = 0, begun = 0;
  for (std::size_t i = 1; i < p.starts.size(); ++i) {
    INFO("page " << i + 1);
    const PageStart& s = p.starts[i];
    if (s.block != 1) continue;
    CHECK(s.continued);
    CHECK(s.row == -1);
    // One item further on, or the same one going on from the page before.
    CHECK((s.item > last || (s.item == last && s.item_continued)));
    if (!s.item_continued) ++begun;
    last = s.item;
  }
  CHECK(begun >= 1);
}
