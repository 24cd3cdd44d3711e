// Layout on positioned-item pages: what lands where, without writing a PDF.
#include <catch2/catch.hpp>

#include <algorithm>
#include <numeric>
#include <set>

#include "render/pdf/fonts.hpp"
#include "render/pdf/layout/layout.hpp"
#include "render/pdf/layout/table.hpp"
#include "render/pdf/layout/text.hpp"
#include "sample_document.hpp"

using namespace plenary;
using namespace plenary::render::pdf;

namespace {

const doc::Style kStyle{};
double text_width() {
  return kStyle.page_width_pt - kStyle.margin_left_pt - kStyle.margin_right_pt;
}

TextStyle body() {
  TextStyle style;
  style.size = 10;
  return style;
}

// The text of a line, with a space wherever the pieces leave a gap.
std::string line_text(const Line& line) {
  std::string out;
  double end = 0;
  for (const Piece& piece : line.pieces) {
    if (!out.empty() && piece.x > end + 0.01) out += ' ';
    out += piece.text;
    end = piece.x + piece.width;
  }
  return out;
}

std::vector<std::string> split(const std::string& text) {
  std::vector<std::string> words;
  std::string word;
  for (char c : text) {
    if (c == ' ') {
      if (!word.empty()) words.push_back(word);
      word.clear();
    } else {
      word += c;
    }
  }
  if (!word.empty()) words.push_back(word);
  return words;
}

std::vector<const TextItem*> texts(const Page& page) {
  std::vector<const TextItem*> out;
  for (const Item& item : page.items) {
    if (const auto* text = std::get_if<TextItem>(&item)) out.push_back(text);
  }
  return out;
}

bool page_has(const Page& page, const std::string& needle) {
  for (const TextItem* text : texts(page)) {
    if (text->text.find(needle) != std::string::npos) return true;
  }
  return false;
}

const std::string kSentence =
    "The committee reviews every liaison organisation against three criteria before each "
    "plenary and records the outcome in the briefing pack for the delegates to read.";

}  // namespace

TEST_CASE("A paragraph breaks at spaces and no line is wider than the measure", "[pdf][layout]") {
  FontRegistry fonts(kStyle);
  const TextBox box = break_lines(plain(kSentence, body()), 200, fonts);
  REQUIRE(box.lines.size() > 2);
  std::vector<std::string> words;
  for (std::size_t i = 0; i < box.lines.size(); ++i) {
    const Line& line = box.lines[i];
    CHECK(line.width <= 200.01);
    for (const std::string& w : split(line_text(line))) words.push_back(w);
    if (i + 1 < box.lines.size()) {
      // Greedy filling: the next line's first word would not have fitted on this one.
      const Piece& next = box.lines[i + 1].pieces.front();
      CHECK(line.width + fonts.advance(next.font, ' ') * 10 / 1000 + next.width > 200);
    }
  }
  CHECK(words == split(kSentence));
}

TEST_CASE("A word wider than the line is split inside and keeps every letter", "[pdf][layout]") {
  FontRegistry fonts(kStyle);
  std::string word;
  for (int i = 0; i < 3000; ++i) word += static_cast<char>('a' + i % 26);
  const TextBox box = break_lines(plain("Before " + word + " after", body()), 300, fonts);
  REQUIRE(box.lines.size() > 10);
  std::string joined;
  for (const Line& line : box.lines) {
    CHECK(line.width <= 300.01);
    joined += line_text(line);
  }
  CHECK(joined.find(word) != std::string::npos);
  CHECK(line_text(box.lines.front()).rfind("Before ", 0) == 0);  // the word starts on line one
}

TEST_CASE("A long URL breaks after its punctuation", "[pdf][layout]") {
  FontRegistry fonts(kStyle);
  const std::string url =
      "https://example.org/a/very/long/path/that/goes/on/and/on/with-many-segments/and-query";
  const TextBox box = break_lines(plain(url, body()), 150, fonts);
  REQUIRE(box.lines.size() > 1);
  for (std::size_t i = 0; i + 1 < box.lines.size(); ++i) {
    const char last = line_text(box.lines[i]).back();
    CHECK(std::string("/-?&=.").find(last) != std::string::npos);
  }
}

TEST_CASE("Bold, italic, code and links mix within one line", "[pdf][layout]") {
  FontRegistry fonts(kStyle);
  doc::Inlines content{
      doc::text("plain "), doc::Inline{doc::Strong{{doc::text("bold")}}},
      doc::text(" "),      doc::Inline{doc::Emphasis{{doc::text("italic")}}},
      doc::text(" "),      doc::Inline{doc::Code{"code"}},
      doc::text(" "),      doc::Inline{doc::Link{"https://example.org", {doc::text("link")}}}};
  const TextBox box = break_lines(flatten(content, body(), kStyle.link_color), 400, fonts);
  REQUIRE(box.lines.size() == 1);
  std::set<FontId> used;
  bool linked = false;
  for (const Piece& piece : box.lines[0].pieces) {
    used.insert(piece.font);
    if (piece.text == "link") linked = piece.link == 0;
  }
  CHECK(used.size() == 4);  // regular, bold, italic, mono
  CHECK(linked);
  CHECK(box.links.at(0).url == "https://example.org");
}

TEST_CASE("A hard line break starts a new line", "[pdf][layout]") {
  FontRegistry fonts(kStyle);
  doc::Inlines content{doc::text("first"), doc::Inline{doc::LineBreak{}}, doc::text("second")};
  const TextBox box = break_lines(flatten(content, body(), kStyle.link_color), 400, fonts);
  REQUIRE(box.lines.size() == 2);
  CHECK(line_text(box.lines[0]) == "first");
  CHECK(line_text(box.lines[1]) == "second");
}

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
  const Layout layout = layout_document(document, kStyle, fonts);
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
  const Layout layout = layout_blocks(document, kStyle, fonts, {});
  REQUIRE(layout.pages.size() >= 2);
  for (const Page& page : layout.pages) {
    CHECK(page_has(page, "Value"));  // header on every page
    for (const TextItem* text : texts(page)) {
      CHECK(text->y <= kStyle.page_height_pt - kStyle.margin_bottom_pt);
    }
  }
  CHECK(page_has(layout.pages.back(), "word899"));
}

TEST_CASE("A heading stays on the page of the lines that follow it", "[pdf][layout]") {
  FontRegistry fonts(kStyle);
  // Move the heading down the page one filler line at a time, through the bottom margin.
  for (int filler = 30; filler < 60; ++filler) {
    doc::Document document;
    for (int i = 0; i < filler; ++i)
      document.blocks.push_back(doc::paragraph({doc::text("filler")}));
    document.blocks.push_back(doc::heading(2, "h", {doc::text("The heading")}));
    document.blocks.push_back(doc::paragraph({doc::text(kSentence + " " + kSentence)}));
    const Layout layout = layout_blocks(document, kStyle, fonts, {});
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
  FontRegistry fonts(kStyle);
  const doc::Document document = test::sample_document();
  const Layout layout = layout_blocks(document, kStyle, fonts, {});
  const double bottom = kStyle.page_height_pt - kStyle.margin_bottom_pt;
  const double right = kStyle.page_width_pt - kStyle.margin_right_pt;
  for (std::size_t p = 0; p < layout.pages.size(); ++p) {
    for (const Item& item : layout.pages[p].items) {
      INFO("page " << p + 1);
      if (const auto* text = std::get_if<TextItem>(&item)) {
        INFO(text->text.substr(0, 40));
        CHECK(text->y + text->size * 0.25 <= bottom + 0.01);
        CHECK(text->y - text->size * 0.8 >= kStyle.margin_top_pt - 0.01);
        CHECK(text->x >= kStyle.margin_left_pt - 0.01);
        CHECK(text->x + text->width <= right + 0.01);
      } else if (const auto* rule = std::get_if<RuleItem>(&item)) {
        CHECK(rule->y1 <= bottom + 0.01);
      } else if (const auto* rect = std::get_if<RectItem>(&item)) {
        CHECK(rect->y + rect->h <= bottom + 0.01);
      }
    }
  }
}

TEST_CASE("The contents lists every heading with the page where it landed", "[pdf][layout]") {
  FontRegistry fonts(kStyle);
  const doc::Document document = test::sample_document();
  const Layout layout = layout_document(document, kStyle, fonts);
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
  const Layout layout = layout_document(document, kStyle, fonts);
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
  const Layout layout = layout_blocks(document, kStyle, fonts, {});
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
