// The Markdown as a GFM reader sees it: parsed back with cmark-gfm, the blocks, their text,
// links, lists and tables are the ones in the Document.
#include <catch2/catch.hpp>

#include <algorithm>
#include <random>

#include "md_reader.hpp"
#include "render/md/md_writer.hpp"
#include "sample_document.hpp"

using namespace plenary;

namespace {

std::string markdown(const doc::Document& d, bool contents = true) {
  render::MarkdownOptions options;
  options.contents = contents;
  return render::write_markdown(d, options);
}

doc::Document paragraphs(const std::vector<std::string>& texts) {
  doc::Document d;
  for (const auto& t : texts) d.blocks.push_back(doc::paragraph({doc::text(t)}));
  return d;
}

std::vector<const doc::Heading*> headings(const doc::Document& d) {
  std::vector<const doc::Heading*> out;
  for (const auto& b : d.blocks) {
    if (const auto* h = std::get_if<doc::Heading>(&b.value)) out.push_back(h);
  }
  return out;
}

}  // namespace

TEST_CASE("text with Markdown special characters comes back as the same text", "[md][text]") {
  const std::vector<std::string> texts = {
      "*not emphasis* _nor this_ **nor** `code` [a](b) ![i](j) <b>tag</b> &amp; & \\ ~x~ | pipe",
      "# not a heading",
      "## nor this",
      "- not a list",
      "+ nor this",
      "* nor this",
      "1. not ordered",
      "12) nor this",
      "> not a quote",
      "=== not a rule",
      "--- not a rule",
      "& < > \" ' « » — µ Ελληνικά Менделеев Główny Urząd Miar",
      "http://example.org/x_y_z and www.example.org",
      "a_b_c 2*3*4 [[x]] {y} (z)!",
  };
  const auto parsed = test::parse_markdown(markdown(paragraphs(texts)));
  CHECK(parsed.texts_of("paragraph") == texts);
  CHECK(parsed.blocks.size() == texts.size());
  CHECK(parsed.strong + parsed.emph + parsed.code == 0);
  CHECK(parsed.link_urls.size() == 2);  // only the GFM autolinks of the URL text
}

TEST_CASE("leading spaces do not turn a paragraph into a code block", "[md][text]") {
  const auto parsed = test::parse_markdown(markdown(paragraphs({"        indented", "a\n     b"})));
  CHECK(parsed.texts_of("paragraph") == std::vector<std::string>{"indented", "a\nb"});
  CHECK(parsed.texts_of("code_block").empty());
}

TEST_CASE("control characters are dropped and bad UTF-8 replaced", "[md][text]") {
  const auto parsed = test::parse_markdown(
      markdown(paragraphs({"a" + test::all_c0_controls() + "b", "bad \xff\xc3( end"})));
  const auto texts = parsed.texts_of("paragraph");
  REQUIRE(texts.size() == 2);
  CHECK(texts[0] == "a \nb");  // tab shown as a space, newline as a hard line break
  CHECK(texts[1] == "bad \xEF\xBF\xBD\xEF\xBF\xBD( end");
}

TEST_CASE("headings keep their level, text and anchor", "[md][heading]") {
  const doc::Document d = test::sample_document();
  const std::string md = markdown(d);
  const auto parsed = test::parse_markdown(md);
  std::vector<std::pair<int, std::string>> found;
  for (const auto& b : parsed.blocks) {
    if (b.type == "heading") found.emplace_back(b.level, b.text);
  }
  const auto expected = headings(d);
  REQUIRE(found.size() == expected.size());
  for (std::size_t i = 0; i < found.size(); ++i) {
    CHECK(found[i].first == expected[i]->level);
    CHECK(md.find("<a id=\"" + expected[i]->anchor + "\"></a>") != std::string::npos);
  }
  CHECK(found[0].second == "Agenda & <items>");
  CHECK(std::count(found.begin(), found.end(),
                   std::make_pair(1, std::string("Stakeholders — Менделеев"))) == 1);
}

TEST_CASE("the contents is a nested list of links to the listed headings", "[md][contents]") {
  const doc::Document d = test::sample_document();
  const auto parsed = test::parse_markdown(markdown(d));
  std::vector<std::string> expected;
  for (const auto* h : headings(d)) {
    if (h->in_contents) expected.push_back("#" + h->anchor);
  }
  const std::vector<std::string> first(parsed.link_urls.begin(),
                                       parsed.link_urls.begin() + expected.size());
  CHECK(first == expected);
  CHECK(parsed.link_texts[0] == "Agenda & <items>");
  const auto without = test::parse_markdown(markdown(d, false));
  CHECK(without.link_urls.size() == parsed.link_urls.size() - expected.size());
}

TEST_CASE("lists keep their nesting, their start numbers and stay apart", "[md][list]") {
  const auto parsed = test::parse_markdown(markdown(test::sample_document()));
  std::vector<std::pair<bool, int>> lists;  // ordered, start (for ordered lists)
  std::vector<int> depths;
  for (const auto& b : parsed.blocks) {
    if (b.type != "list") continue;
    lists.emplace_back(b.ordered, b.ordered ? b.list_start : 0);
    depths.push_back(b.depth);
  }
  // contents list + its two nested lists, then the agenda lists
  REQUIRE(lists.size() == 3 + 5);
  const std::vector<std::pair<bool, int>> agenda(lists.begin() + 3, lists.end());
  CHECK(agenda ==
        std::vector<std::pair<bool, int>>{{true, 1}, {false, 0}, {true, 1}, {true, 1}, {true, 5}});
  const auto items = parsed.texts_of("paragraph");
  CHECK(std::count(items.begin(), items.end(), "Gas analysis") == 1);
  CHECK(std::count(items.begin(), items.end(), "Continuation paragraph of item two.") == 1);
}

TEST_CASE("tables are GFM tables with the header row and every cell's text", "[md][table]") {
  const auto parsed = test::parse_markdown(markdown(test::sample_document()));
  const auto tables = std::count_if(parsed.blocks.begin(), parsed.blocks.end(),
                                    [](const auto& b) { return b.type == "table"; });
  CHECK(tables == 2);
  REQUIRE(parsed.table_rows.size() == 41 + 2);
  CHECK(parsed.table_rows[0] == std::vector<std::string>{"Name", "Acronym", "Kind", "Since"});
  CHECK(parsed.table_rows[2][1] == "ACR2\nline two");
  CHECK(parsed.table_rows[7][0] == test::long_word());
  CHECK(parsed.table_rows[3][0] == "Laboratoire « national » — µ & <co> 3");
}

TEST_CASE("item numbers and dashes in cells are written without escapes", "[md][table]") {
  doc::Table t;
  t.rows = {{{{doc::text("No.")}}, {{doc::text("Item")}}},
            {{{doc::text("5.1")}}, {{doc::text("- dash # hash")}}}};
  doc::Document d;
  d.blocks.push_back(doc::Block{t});
  const std::string md = markdown(d);
  CHECK(md.find("| 5.1 | - dash # hash |") != std::string::npos);
  const auto parsed = test::parse_markdown(md);
  REQUIRE(parsed.table_rows.size() == 2);
  CHECK(parsed.table_rows[1] == std::vector<std::string>{"5.1", "- dash # hash"});
}

TEST_CASE("a pipe and a backtick in a cell stay inside the cell", "[md][table]") {
  doc::Table t;
  t.rows = {{{{doc::text("a|b")}}, {{doc::Inline{doc::Code{"x|y`z"}}}}}};
  doc::Document d;
  d.blocks.push_back(doc::Block{t});
  const auto parsed = test::parse_markdown(markdown(d));
  REQUIRE(parsed.table_rows.size() == 1);
  CHECK(parsed.table_rows[0] == std::vector<std::string>{"a|b", "x|y`z"});
}

TEST_CASE("links and references point where the document says; unknown references are text",
          "[md][link]") {
  const auto parsed = test::parse_markdown(markdown(test::sample_document(), false));
  CHECK(std::count(parsed.link_urls.begin(), parsed.link_urls.end(),
                   "https://www.bipm.org/en/committees/cc/ccqm?a=1&b=%3C2%3E") == 1);
  CHECK(std::count(parsed.link_urls.begin(), parsed.link_urls.end(), "#task-groups") == 1);
  CHECK(std::count(parsed.link_urls.begin(), parsed.link_urls.end(), "#agenda") == 1);
  CHECK(std::count(parsed.link_urls.begin(), parsed.link_urls.end(), "#missing-anchor") == 0);
  const auto texts = parsed.texts_of("paragraph");
  CHECK(std::count(texts.begin(), texts.end(), "Back to the agenda or a missing anchor.") == 1);
}

TEST_CASE("emphasis survives even next to punctuation", "[md][text]") {
  doc::Document d;
  d.blocks.push_back(
      doc::paragraph({doc::Inline{doc::Strong{{doc::text("« bold »")}}}, doc::text("x"),
                      doc::Inline{doc::Emphasis{{doc::text("it")}}},
                      doc::Inline{doc::Strong{{doc::text("\"q\"")}}}, doc::text("y")}));
  const auto parsed = test::parse_markdown(markdown(d));
  CHECK(parsed.texts_of("paragraph") == std::vector<std::string>{"« bold »xit\"q\"y"});
  CHECK(parsed.emph == 1);
  CHECK(parsed.strong + parsed.html_inline.size() / 2 == 2);
}

TEST_CASE("a label ending in punctuation before a space keeps the ** markers", "[md][text]") {
  doc::Document d;
  d.blocks.push_back(
      doc::paragraph({doc::Inline{doc::Strong{{doc::text("Sector:")}}}, doc::text(" Energy (")}));
  const std::string md = markdown(d);
  CHECK(md == "**Sector:** Energy (\n");
  const auto parsed = test::parse_markdown(md);
  CHECK(parsed.strong == 1);
  CHECK(parsed.texts_of("paragraph") == std::vector<std::string>{"Sector: Energy ("});
}

TEST_CASE("the same document always gives the same Markdown", "[md]") {
  CHECK(markdown(test::sample_document()) == markdown(test::sample_document()));
  CHECK(markdown(test::minimal_document()) == "Just one paragraph.\n");
}

TEST_CASE("random bytes give valid UTF-8 Markdown without control characters", "[md][text]") {
  std::mt19937 rng(20261125);
  std::uniform_int_distribution<int> byte(0, 255);
  auto bytes = [&](std::size_t n) {
    std::string s(n, '\0');
    for (char& c : s) c = static_cast<char>(byte(rng));
    return s;
  };
  for (int round = 0; round < 50; ++round) {
    doc::Document d;
    d.blocks.push_back(doc::heading(1, bytes(8), {doc::text(bytes(30))}));
    d.blocks.push_back(doc::paragraph({doc::text(bytes(200)),
                                       doc::Inline{doc::Link{bytes(30), {doc::text(bytes(10))}}},
                                       doc::Inline{doc::Strong{{doc::text(bytes(10))}}}}));
    doc::Table t;
    t.rows = {{{{doc::text(bytes(20))}}, {{doc::text(bytes(20))}}}};
    d.blocks.push_back(doc::Block{t});
    const std::string md = markdown(d);
    INFO("round " << round);
    CHECK(md == markdown(d));
    // Well-formed UTF-8 and no C0 control other than newline.
    std::size_t i = 0;
    bool valid = true;
    while (i < md.size() && valid) {
      const unsigned char c = static_cast<unsigned char>(md[i]);
      const std::size_t len = c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 ? 2 : 0;
      valid = len > 0 && i + len <= md.size() && (c >= 0x20 || c == '\n');
      for (std::size_t k = 1; valid && k < len; ++k) {
        valid = (static_cast<unsigned char>(md[i + k]) & 0xC0) == 0x80;
      }
      i += len == 0 ? 1 : len;
    }
    CHECK(valid);
    const auto parsed = test::parse_markdown(md);
    CHECK(parsed.texts_of("heading").size() == 1);
    CHECK(std::count_if(parsed.blocks.begin(), parsed.blocks.end(),
                        [](const auto& b) { return b.type == "table"; }) == 1);
  }
}
