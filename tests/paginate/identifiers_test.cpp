// The identifier rule of line breaking (paginate/identifiers.cpp) and what the line breaker and
// the table columns make of it (paginate/lines.cpp, paginate/table.cpp).
#include <catch2/catch.hpp>

#include <numeric>
#include <string>
#include <vector>

#include "fonts/fonts.hpp"
#include "layout_helpers.hpp"
#include "paginate/identifiers.hpp"
#include "paginate/lines.hpp"
#include "paginate/table.hpp"

using namespace plenary;
using namespace plenary::paginate;
using namespace plenary::test;

namespace {

// The identifiers of ASCII `text`, as strings.
std::vector<std::string> identifiers(const std::string& text) {
  const std::u32string wide(text.begin(), text.end());
  std::vector<std::string> out;
  for (const IdentifierSpan& span : identifier_spans(wide)) {
    out.push_back(text.substr(span.begin, span.end - span.begin));
  }
  return out;
}

std::vector<std::string> lines_of(const TextBox& box) {
  std::vector<std::string> out;
  for (const Line& line : box.lines) out.push_back(line_text(line));
  return out;
}

double width_of(FontRegistry& fonts, const std::string& text) {
  return fonts.width(fonts.font(Family::Body, false, false), text, 10);
}

}  // namespace

TEST_CASE("An identifier is letters and digits joined by hyphens or slashes between capitals",
          "[pdf][layout][identifier]") {
  using V = std::vector<std::string>;
  CHECK(identifiers("CCQM-TG-BIOTECH") == V{"CCQM-TG-BIOTECH"});
  CHECK(identifiers("see CCQM/27-14; and CCQM-32.") == V{"CCQM/27-14", "CCQM-32"});
  CHECK(identifiers("(ISO/TC 334)") == V{"ISO/TC"});
  CHECK(identifiers("2024-05-17") == V{"2024-05-17"});
  CHECK(identifiers("COVID-19-related") == V{"COVID-19"});  // "-related" is an ordinary hyphen
  CHECK(identifiers("CCQM-TG-Biotech") == V{"CCQM-TG-Biotech"});
  // Prose: hyphens and slashes between lower-case letters, a trailing hyphen, lone capitals.
  CHECK(identifiers("sector-focus and/or Micro- and Nanoplastics").empty());
  CHECK(identifiers("Physikalisch-Technische Bundesanstalt").empty());
  CHECK(identifiers("CCQM TG - A -B C-").empty());
  CHECK(identifiers("").empty());
}

TEST_CASE("A word wider than the line does not break inside an identifier that fits on a line",
          "[pdf][layout][identifier]") {
  FontRegistry fonts(kStyle);
  // The word "(CCQM-TG-BIOTECH/CCQM-TG-MNP)" is wider than the line, the identifiers are not:
  // it breaks between them, never after a hyphen inside one.
  const double width = width_of(fonts, "(CCQM-TG-BIOTECH/") + 2;
  const TextBox box = break_lines(plain("(CCQM-TG-BIOTECH/CCQM-TG-MNP)", body()), width, fonts);
  CHECK(lines_of(box) == std::vector<std::string>{"(CCQM-TG-BIOTECH/", "CCQM-TG-MNP)"});

  SECTION("a long word that starts on a line's rest moves an identifier whole to the next") {
    const double line = width_of(fonts, "xx CCQM-TG-BIOTECH") + 1;
    const TextBox moved =
        break_lines(plain("Replaces CCQM-TG-BIOTECH/CCQM-TG-MNP", body()), line, fonts);
    for (const std::string& text : lines_of(moved)) {
      CHECK(text.back() != '-');
      CHECK(text.find("CCQM-TG-") == text.rfind("CCQM-TG-"));  // at most one, and whole
    }
    std::string joined;
    for (const std::string& text : lines_of(moved)) joined += text + "\n";
    CHECK(joined.find("CCQM-TG-BIOTECH") != std::string::npos);
    CHECK(joined.find("CCQM-TG-MNP") != std::string::npos);
  }
  SECTION("an identifier wider than a line of its own still breaks, and nothing overflows") {
    const double narrow = width_of(fonts, "CCQM-TG-") + 1;
    const TextBox split = break_lines(plain("CCQM-TG-STAKEHOLDER", body()), narrow, fonts);
    REQUIRE(split.lines.size() >= 2);
    CHECK(line_text(split.lines[0]) == "CCQM-TG-");
    for (const Line& l : split.lines) CHECK(l.width <= narrow + 0.01);
  }
  SECTION("a slash inside an identifier is joined too: CCQM/27-14 is one unbreakable segment") {
    const WidthRange range = measure(plain("CCQM/27-14;", body()), fonts);
    CHECK(range.min == Approx(range.pref));
    CHECK(range.min_breaking < range.pref * 0.6);
    // ... while URL and prose slashes still break.
    const WidthRange prose = measure(plain("and/or", body()), fonts);
    CHECK(prose.min < prose.pref * 0.8);
  }
}

TEST_CASE("A hyphenated word is kept whole when it fits, but does not widen a column",
          "[pdf][layout][identifier]") {
  FontRegistry fonts(kStyle);
  const std::u32string prose = U"(Physikalisch-Technische sector-focus/Micro- COVID-19-related";
  const auto spans = hyphenated_spans(prose);
  REQUIRE(spans.size() == 3);
  CHECK(prose.substr(spans[0].begin, spans[0].end - spans[0].begin) == U"Physikalisch-Technische");
  CHECK(prose.substr(spans[1].begin, spans[1].end - spans[1].begin) == U"sector-focus");
  CHECK(prose.substr(spans[2].begin, spans[2].end - spans[2].begin) == U"COVID-19-related");
  // "(Physikalisch-Technische" is wider than the line; "Physikalisch-Technische" is not: the
  // break comes before the name, not after its hyphen.
  const double width = width_of(fonts, "Physikalisch-Technische") + 1;
  const TextBox box =
      break_lines(plain("(Physikalisch-Technische Bundesanstalt)", body()), width, fonts);
  CHECK(lines_of(box) ==
        std::vector<std::string>{"(", "Physikalisch-Technische", "Bundesanstalt)"});
  // Its hyphen still counts as a place to break when a table sizes its columns.
  const WidthRange range = measure(plain("Physikalisch-Technische", body()), fonts);
  CHECK(range.min < range.pref * 0.7);
}

TEST_CASE("A word ending in a hyphen stays on the line with the next word",
          "[pdf][layout][identifier]") {
  FontRegistry fonts(kStyle);
  // "Micro-" at a line end would be read as a hyphenation: "Microand".
  const std::string text = "Task Group on Micro- and Nanoplastics";
  const double width = width_of(fonts, "Task Group on Micro-") + 1;
  const TextBox box = break_lines(plain(text, body()), width, fonts);
  for (const Line& line : box.lines) {
    CHECK(line_text(line).back() != '-');
    CHECK(line.width <= width + 0.01);
  }
  CHECK(lines_of(box).front() == "Task Group on");
  SECTION("unless the two do not fit on one line together") {
    const double narrow = width_of(fonts, "Micro-") + 1;
    const TextBox lone = break_lines(plain("Micro- and", body()), narrow, fonts);
    CHECK(lines_of(lone) == std::vector<std::string>{"Micro-", "and"});
  }
}

TEST_CASE("Table columns too narrow for every identifier give up only the width missing",
          "[pdf][layout][table][identifier]") {
  FontRegistry fonts(kStyle);
  // Seven columns whose minimums overflow the text width a little when the longest
  // identifier is whole: the shorter identifiers still fit whole in the Id column.
  doc::Table table;
  table.header_rows = 1;
  const std::vector<std::string> ids = {"CCQM-TG-STAKEHOLDER-ENGAGEMENT", "CCQM-TG-BIOTECH",
                                        "CCQM-TG-MNP"};
  const std::string wide = "Extraordinarily";
  table.rows.push_back({});
  for (int c = 0; c < 7; ++c) table.rows.back().push_back({{doc::text("H")}});
  for (const std::string& id : ids) {
    table.rows.push_back({{{doc::text(id)}}});
    for (int c = 1; c < 7; ++c) table.rows.back().push_back({{doc::text(wide + wide)}});
  }
  const double long_id = fonts.width(fonts.font(Family::Body, false, false), ids[0], 9) + 8;
  const double biotech = fonts.width(fonts.font(Family::Body, false, false), ids[1], 9) + 8;
  const double other = fonts.width(fonts.font(Family::Body, false, false), wide + wide, 9) + 8;
  // A width where the whole long identifier does not fit, but CCQM-TG-BIOTECH does.
  const double width = 6 * other + (long_id + biotech) / 2;
  const auto widths = column_widths(table, width, fonts, kStyle);
  CHECK(std::accumulate(widths.begin(), widths.end(), 0.0) == Approx(width));
  CHECK(widths[0] < long_id);
  CHECK(widths[0] >= biotech - 0.01);
}
