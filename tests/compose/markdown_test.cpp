// compose's Markdown conversion: (md) fields of plain text made without cmark-gfm equal the
// fields cmark-gfm parses.
#include <catch2/catch.hpp>

#include <random>
#include <string>
#include <vector>

#include "compose/markdown.hpp"
#include "compose/plain_field.hpp"
#include "document/document.hpp"

using namespace plenary;

namespace {

std::string dump_blocks(doc::Blocks blocks) {
  doc::Document d;
  d.blocks = std::move(blocks);
  return doc::dump(d);
}

}  // namespace

TEST_CASE("a plain-text field gives the paragraph cmark-gfm gives, anything else is parsed",
          "[compose][markdown]") {
  for (const std::string plain :
       {"Assess the reference materials for clinical diagnostics.",
        "Compare «nouveaux» analytes at the µg/kg level — for CO₂, CH₄ and N₂O; (see 2.1).", "a",
        "Two  spaces inside", "Łódź", "Größenordnung-spanning ranges: 10 % or 1.5", "x = y + 1",
        "A.1 ok", "Q: what? \"quoted\" 'single' (parens) {braces} $ % ^ @ / ;"}) {
    INFO(plain);
    const auto fast = compose::detail::plain_field_blocks(plain);
    REQUIRE(fast);
    CHECK(dump_blocks(*fast) == dump_blocks(compose::detail::field_blocks_parsed(plain)));
  }
  for (const std::string markdown : {"",
                                     " leading space",
                                     "trailing space ",
                                     "1. a list",
                                     "2) a list",
                                     "- a list",
                                     "+ a list",
                                     "# heading",
                                     "> quote",
                                     "=== text",
                                     "a *b*",
                                     "a _b_",
                                     "a `b`",
                                     "[a](b)",
                                     "a <b>",
                                     "a &amp; b",
                                     "a \\* b",
                                     "a | b",
                                     "~~~",
                                     "two\nlines",
                                     "tab\there",
                                     "\xEF\xBB\xBF"
                                     "bom",
                                     "a!",
                                     "a]",
                                     "bad \xFF byte",
                                     "c1 \xC2\x85 control"}) {
    INFO(markdown);
    CHECK_FALSE(compose::detail::plain_field_blocks(markdown));
  }
}

TEST_CASE("random fields: the plain-text shortcut agrees with cmark-gfm wherever it applies",
          "[compose][markdown]") {
  // Mostly letters and spaces, with every kind of character Markdown reads in a line or at a
  // line start mixed in.
  const std::vector<std::string> pieces = {"a",
                                           "b",
                                           "Z",
                                           " ",
                                           " ",
                                           " ",
                                           "  ",
                                           "0",
                                           "7",
                                           ".",
                                           ",",
                                           ";",
                                           ":",
                                           "?",
                                           "'",
                                           "\"",
                                           "(",
                                           ")",
                                           "{",
                                           "}",
                                           "-",
                                           "+",
                                           "=",
                                           "#",
                                           "*",
                                           "_",
                                           "`",
                                           "[",
                                           "]",
                                           "<",
                                           ">",
                                           "&",
                                           "!",
                                           "|",
                                           "~",
                                           "\\",
                                           "/",
                                           "%",
                                           "$",
                                           "@",
                                           "^",
                                           "\t",
                                           "\n",
                                           "é",
                                           "µ",
                                           "«",
                                           "»",
                                           "—",
                                           "\xC2\xA0",
                                           "\xEF\xBB\xBF",
                                           "\xE2\x80\x83",
                                           "http://x.org",
                                           "www.x.org",
                                           "a@b.org",
                                           "&amp;",
                                           "&#65;",
                                           "1.",
                                           "1)",
                                           "---",
                                           "***",
                                           "```",
                                           "    "};
  std::mt19937 rng(20261125);
  int fast_paths = 0;
  for (int n = 0; n < 20000; ++n) {
    std::string s;
    const int length = static_cast<int>(rng() % 10);
    for (int k = 0; k < length; ++k) {
      // three times in four a letter, else any piece
      s += rng() % 4 ? std::string(1, static_cast<char>('a' + rng() % 26))
                     : pieces[rng() % pieces.size()];
    }
    const auto fast = compose::detail::plain_field_blocks(s);
    if (!fast) continue;
    ++fast_paths;
    INFO(s);
    REQUIRE(dump_blocks(*fast) == dump_blocks(compose::detail::field_blocks_parsed(s)));
  }
  CHECK(fast_paths > 5000);
}
