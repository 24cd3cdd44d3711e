// Inline text: line breaking, long words, mixed styles (layout/lines.cpp).
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <set>

#include "fonts/fonts.hpp"
#include "layout_helpers.hpp"
#include "paginate/lines.hpp"
#include "sample_document.hpp"

using namespace plenary;
using namespace plenary::paginate;
using namespace plenary::test;

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

TEST_CASE("An identifier is not broken after its hyphens when it fits on a line", "[pdf][layout]") {
  FontRegistry fonts(kStyle);
  // Its narrowest width is the whole identifier, so a table column sized to that holds it on
  // one line: copy-paste would read "CCQM-TG-|MNP" broken at the hyphen as "CCQM-TGMNP".
  const WidthRange id = measure(plain("CCQM-TG-MNP", body()), fonts);
  CHECK(id.min == Approx(id.pref));
  const TextBox box = break_lines(plain("Chair CCQM-TG-MNP 2024-05", body()), id.min + 0.5, fonts);
  REQUIRE(box.lines.size() == 3);
  CHECK(line_text(box.lines[0]) == "Chair");
  CHECK(line_text(box.lines[1]) == "CCQM-TG-MNP");
  CHECK(line_text(box.lines[2]) == "2024-05");
  // Hyphens in ordinary words and URL punctuation still break.
  const WidthRange words = measure(plain("well-known-name", body()), fonts);
  CHECK(words.min < words.pref * 0.6);
  const WidthRange mixed = measure(plain("CCQM-working-group", body()), fonts);
  CHECK(mixed.min < mixed.pref * 0.6);
}
