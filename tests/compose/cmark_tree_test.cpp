// compose/cmark: the cmark-gfm adapter's node kinds and accessors.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "compose/cmark/tree.hpp"

using namespace plenary::compose::detail;

TEST_CASE("a parsed tree names its blocks and inlines with project node kinds",
          "[compose][cmark]") {
  const cmark::Tree tree("## Title\n\n3. one *two* [x](https://e.org)\n\n---\n");
  const cmark::Node heading = tree.root().first_child();
  REQUIRE(heading.kind() == cmark::NodeKind::Heading);
  CHECK(heading.heading_level() == 2);
  CHECK(heading.first_child().literal() == "Title");
  const cmark::Node list = heading.next();
  REQUIRE(list.kind() == cmark::NodeKind::List);
  CHECK(list.ordered());
  CHECK(list.list_start() == 3);
  const cmark::Node item = list.first_child();
  CHECK(item.kind() == cmark::NodeKind::Item);
  std::vector<cmark::NodeKind> inlines;
  for (cmark::Node n = item.first_child().first_child(); n; n = n.next())
    inlines.push_back(n.kind());
  CHECK(inlines == std::vector<cmark::NodeKind>{cmark::NodeKind::Text, cmark::NodeKind::Emphasis,
                                                cmark::NodeKind::Text, cmark::NodeKind::Link});
  CHECK(item.first_child().first_child().next().next().next().url() == "https://e.org");
  CHECK(list.next().kind() == cmark::NodeKind::ThematicBreak);
  CHECK(!list.next().next());
}

TEST_CASE("a GFM table gives its columns, alignments and header row", "[compose][cmark]") {
  const cmark::Tree tree("| a | b | c |\n|:--|--:|---|\n| 1 | 2 | 3 |\n");
  const cmark::Node table = tree.root().first_child();
  REQUIRE(table.kind() == cmark::NodeKind::Table);
  CHECK(table.table_columns() == 3);
  CHECK(table.table_alignment(0) == 'l');
  CHECK(table.table_alignment(1) == 'r');
  CHECK(table.table_alignment(2) == 0);
  CHECK(table.first_child().table_row_is_header());
  CHECK(!table.first_child().next().table_row_is_header());
}

TEST_CASE("walking a subtree enters every node in document order", "[compose][cmark]") {
  const cmark::Tree tree("a `b` <i>\n");
  std::string text;
  tree.root().for_each_entered([&text](cmark::Node n) { text += n.literal(); });
  CHECK(text == "a b <i>");
}
