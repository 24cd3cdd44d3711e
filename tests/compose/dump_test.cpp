// doc::dump and doc::plain_text: the stable tree dump the golden tests rely on.
#include <catch2/catch.hpp>

#include "document/document.hpp"

using namespace plenary;

TEST_CASE("the dump shows one node per line, indented by depth, with quoted text",
          "[document][dump]") {
  doc::Document d;
  d.meta.title = "T";
  d.meta.author = "CCQM";
  d.blocks.push_back(doc::heading(1, "intro", {doc::text("Intro")}));
  d.blocks.push_back(doc::paragraph(
      {doc::text("a \"quoted\" \\ line\n"), doc::Inline{doc::Strong{{doc::text("bold")}}},
       doc::Inline{doc::LineBreak{}}, doc::Inline{doc::Ref{"intro", {doc::text("back")}}}},
      doc::ParagraphStyle::Note));
  doc::List list;
  list.ordered = true;
  list.start = 3;
  list.items.push_back({{doc::paragraph({doc::text("three")})}});
  d.blocks.push_back(doc::Block{list});
  doc::Table table;
  table.rows = {{{{doc::text("h")}}}, {{{doc::text("c")}}}};
  d.blocks.push_back(doc::Block{table});
  d.blocks.push_back(doc::Block{doc::PageBreak{}});
  const std::string expected =
      "Metadata\n"
      "  title \"T\"\n  subject \"\"\n  author \"CCQM\"\n  language \"en\"\n  date \"\"\n"
      "  keywords \"\"\n  header_left \"\"\n  header_right \"\"\n  footer \"\"\n  contents_title "
      "\"\"\n"
      "  has_cover false\n"
      "Blocks\n"
      "  Heading 1 #intro\n    Text \"Intro\"\n"
      "  Paragraph note\n    Text \"a \\\"quoted\\\" \\\\ line\\n\"\n    Strong\n      Text "
      "\"bold\"\n"
      "    LineBreak\n    Ref #intro\n      Text \"back\"\n"
      "  List ordered start=3\n    Item\n      Paragraph\n        Text \"three\"\n"
      "  Table header_rows=1\n    Row\n      Cell\n        Text \"h\"\n    Row\n      Cell\n       "
      " Text \"c\"\n"
      "  PageBreak\n";
  CHECK(doc::dump(d) == expected);
}

TEST_CASE("plain text keeps the text of links and references and breaks lines", "[document]") {
  const doc::Inlines content = {
      doc::text("see "), doc::Inline{doc::Link{"https://x.org", {doc::text("x")}}},
      doc::Inline{doc::LineBreak{}}, doc::Inline{doc::Emphasis{{doc::Inline{doc::Code{"c"}}}}}};
  CHECK(doc::plain_text(content) == "see x\nc");
}
