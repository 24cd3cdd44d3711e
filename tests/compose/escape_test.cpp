// Data text reaches the Document exactly as written: Markdown syntax, HTML, entities, quotes,
// backslashes and any script survive; control characters XML cannot carry are dropped;
// (md) fields keep their Markdown, but their raw HTML is shown as text, never interpreted.
#include <catch2/catch.hpp>

#include "compose/escape.hpp"
#include "fixture.hpp"

using namespace plenary;

namespace {

const std::string kHostile =
    "Fish & Chips <b>html</b> *stars* _under_ a|b back\\slash \\*x\\* \"quoted\" 'single' "
    "« guillemets » — em-dash µ Ωμέγα Кириллица Łódź Straße [x](y) `tick` # hash 1. one "
    "&amp; &lt;tag&gt; {#anchor} ~~strike~~ <!-- pagebreak -->";

doc::Document compose_ok(const model::Committee& c, const std::string& kind,
                         const std::string& id, compose::Lang lang = compose::Lang::En) {
  const auto templates = test::repository_templates(lang);
  Diagnostics diags;
  auto document =
      compose::compose(c, test::spec_for(compose::plan_documents(c), kind, id), templates, diags);
  INFO((diags.empty() ? std::string() : format(diags.items().front())));
  REQUIRE(document);
  return *document;
}

int count_blocks(const doc::Blocks& blocks, bool (*pred)(const doc::Block&)) {
  int n = 0;
  for (const auto& b : blocks) {
    if (pred(b)) ++n;
    if (const auto* l = std::get_if<doc::List>(&b.value)) {
      for (const auto& item : l->items) n += count_blocks(item.content, pred);
    }
  }
  return n;
}

// The first inline of type T anywhere in the blocks, searched depth-first.
template <typename T>
const T* find_inline(const doc::Inlines& content) {
  for (const auto& i : content) {
    if (const auto* t = std::get_if<T>(&i.value)) return t;
    const doc::Inlines* inner = nullptr;
    if (const auto* s = std::get_if<doc::Strong>(&i.value)) inner = &s->content;
    if (const auto* e = std::get_if<doc::Emphasis>(&i.value)) inner = &e->content;
    if (const auto* l = std::get_if<doc::Link>(&i.value)) inner = &l->content;
    if (const auto* r = std::get_if<doc::Ref>(&i.value)) inner = &r->content;
    if (inner) {
      if (const T* found = find_inline<T>(*inner)) return found;
    }
  }
  return nullptr;
}

template <typename T>
std::vector<const T*> find_all(const doc::Blocks& blocks) {
  std::vector<const T*> out;
  const auto scan = [&out](const doc::Inlines& content) {
    if (const T* t = find_inline<T>(content)) out.push_back(t);
  };
  for (const auto& b : blocks) {
    if (const auto* p = std::get_if<doc::Paragraph>(&b.value)) scan(p->content);
    if (const auto* h = std::get_if<doc::Heading>(&b.value)) scan(h->content);
    if (const auto* t = std::get_if<doc::Table>(&b.value)) {
      for (const auto& row : t->rows) {
        for (const auto& cell : row) scan(cell.content);
      }
    }
    if (const auto* l = std::get_if<doc::List>(&b.value)) {
      for (const auto& item : l->items) {
        for (const T* t : find_all<T>(item.content)) out.push_back(t);
      }
    }
  }
  return out;
}

}  // namespace

TEST_CASE("plain data with Markdown and HTML syntax appears exactly as written",
          "[compose][escape]") {
  auto c = test::sample_committee();
  c.committee.name = kHostile;
  c.plenaries.back().venue = kHostile;
  c.stakeholders[0].name = kHostile;  // IFCC: liaison, in the stakeholder table and the review
  c.task_groups[1].name = kHostile;   // CCQM-TG-CLINICAL: in the register and a heading
  c.agendas[0].days[0].items[0].presenter = test::person(kHostile);
  c.agendas[0].days[0].items[0].documents = {"CCQM/26-01 <i>&</i> |x|"};

  for (const std::string kind : {"agenda", "briefing-pack"}) {
    const doc::Document d = compose_ok(c, kind, "CCQM-30");
    const std::string text = test::all_text(d);
    CHECK(text.find(kHostile) != std::string::npos);
    CHECK(text.find("CCQM/26-01 <i>&</i> |x|") != std::string::npos);
    // The HTML comment in the data is text, not a page break.
    const int breaks = count_blocks(d.blocks, [](const doc::Block& b) {
      return std::holds_alternative<doc::PageBreak>(b.value);
    });
    CHECK(breaks == (kind == "briefing-pack" ? 2 : 0));
  }
}

TEST_CASE("a data value in a table cell keeps its pipes and the table keeps its columns",
          "[compose][escape][table]") {
  auto c = test::sample_committee();
  c.agendas[0].days[0].items[0].presenter = test::person("a|b|c \\| d");
  const doc::Document d = compose_ok(c, "agenda", "CCQM-30");
  const auto* table = [&]() -> const doc::Table* {
    for (const auto& b : d.blocks) {
      if (const auto* t = std::get_if<doc::Table>(&b.value)) return t;
    }
    return nullptr;
  }();
  REQUIRE(table);
  REQUIRE(table->rows.size() > 1);
  for (const auto& row : table->rows) CHECK(row.size() == 7);
  CHECK(doc::plain_text(table->rows[1][4].content) == "a|b|c \\| d");
}

TEST_CASE("control characters that XML cannot carry are dropped from data", "[compose][escape]") {
  auto c = test::sample_committee();
  c.plenaries.back().venue = std::string("Sèvres\x01\x02\x03\x04\x0b\x1f\x7f end");
  c.agendas[0].days[0].items[0].title =
      test::md(std::string("Open\x03"
                           "0\x04ing\x01"));
  const doc::Document d = compose_ok(c, "agenda", "CCQM-30");
  const std::string text = test::all_text(d);
  CHECK(text.find("Sèvres end") != std::string::npos);
  CHECK(text.find("Open0ing") != std::string::npos);
  for (char ch : text) {
    const auto u = static_cast<unsigned char>(ch);
    CHECK_FALSE(((u < 0x20 && ch != '\n') || u == 0x7f));
  }
}

TEST_CASE("metadata from data carries no control characters", "[compose][escape][meta]") {
  auto c = test::sample_committee();
  c.plenaries.back().title = std::string("Special\x01 session <&> \x1b[1m");
  c.committee.id = std::string("CC\x02QM");
  const doc::Document d = compose_ok(c, "agenda", "CCQM-30");
  CHECK(d.meta.subject == "Special session <&> [1m");
  CHECK(d.meta.title == "Agenda: Special session <&> [1m");
  CHECK(d.meta.author == "CCQM");
  CHECK(d.meta.header_left == "BIPM CCQM");
}

TEST_CASE("(md) fields keep emphasis, strong text and links", "[compose][escape][md]") {
  const auto c = test::sample_committee();
  const doc::Document d = compose_ok(c, "briefing-pack", "CCQM-30");
  const auto links = find_all<doc::Link>(d.blocks);
  REQUIRE(links.size() == 1);
  CHECK(links[0]->url == "https://www.jctlm.org");
  CHECK(doc::plain_text(links[0]->content) == "the JCTLM database");
  bool higher_order_strong = false;
  for (const auto* s : find_all<doc::Strong>(d.blocks)) {
    higher_order_strong = higher_order_strong || doc::plain_text(s->content) == "higher-order";
  }
  CHECK(higher_order_strong);
  const auto emphasis = find_all<doc::Emphasis>(d.blocks);
  CHECK(std::any_of(emphasis.begin(), emphasis.end(), [](const doc::Emphasis* e) {
    return doc::plain_text(e->content) == "clinical";
  }));
}

TEST_CASE("raw HTML in (md) fields is shown as the text it is", "[compose][escape][md]") {
  auto c = test::sample_committee();
  c.plan[1].rationale = test::md(
      "Before <b>bold?</b> and <span class=\"x\">span</span> after.\n\n"
      "<div>\nblock *html*\n</div>\n\n<!-- pagebreak -->\n\nlast & <x>");
  c.plan[1].questions = {test::md("<script>alert(1)</script> *still md*")};
  const doc::Document d = compose_ok(c, "briefing-pack", "CCQM-30");
  const std::string text = test::all_text(d);
  CHECK(text.find("Before <b>bold?</b> and <span class=\"x\">span</span> after.") !=
        std::string::npos);
  CHECK(text.find("<div>") != std::string::npos);
  CHECK(text.find("<!-- pagebreak -->") != std::string::npos);
  CHECK(text.find("last & <x>") != std::string::npos);
  CHECK(text.find("<script>alert(1)</script>") != std::string::npos);
  const int breaks = count_blocks(d.blocks, [](const doc::Block& b) {
    return std::holds_alternative<doc::PageBreak>(b.value);
  });
  CHECK(breaks == 2);
  // The heading after the rationale is still a heading: the HTML block did not swallow it.
  bool questions_heading = false;
  for (const auto& b : d.blocks) {
    if (const auto* h = std::get_if<doc::Heading>(&b.value)) {
      questions_heading = questions_heading || h->anchor == "questions";
    }
  }
  CHECK(questions_heading);
}

TEST_CASE("Greek, Cyrillic and French typography survive in names", "[compose][escape][unicode]") {
  auto c = test::sample_committee();
  c.task_groups[3].chair = test::person("Σωκράτης Παπαδόπουλος", "Институт метрологии");
  c.task_groups[3].members = {test::person("Zoë « la métrologue » d’Artagnan — µ-chemist")};
  const doc::Document d = compose_ok(c, "final-report", "CCQM-TG-STAKEHOLDER");
  const std::string text = test::all_text(d);
  CHECK(text.find("Σωκράτης Παπαδόπουλος (Институт метрологии)") != std::string::npos);
  CHECK(text.find("Zoë « la métrologue » d’Artagnan — µ-chemist") != std::string::npos);
}

TEST_CASE("invalid UTF-8 in data becomes the replacement character", "[compose][escape][unicode]") {
  auto c = test::sample_committee();
  c.plenaries.back().venue = std::string("bad \xC3\x28 byte");
  const doc::Document d = compose_ok(c, "agenda", "CCQM-30");
  CHECK(test::all_text(d).find("bad \xEF\xBF\xBD( byte") != std::string::npos);
}

TEST_CASE("hostile nesting in an (md) field keeps its text without deep recursion",
          "[compose][escape][md]") {
  auto c = test::sample_committee();
  c.plan[1].rationale = test::md(std::string(20000, '>') + " deep quote");
  std::string emphasis;
  for (int i = 0; i < 5000; ++i) emphasis += "*a **b ";
  c.plan[1].questions = {test::md(emphasis + "end"), test::md(std::string(3000, '[') + "x")};
  std::string lists;
  for (int i = 0; i < 2000; ++i)
    lists += std::string(static_cast<std::size_t>(i) * 2, ' ') + "- level\n";
  c.sectors[0].description = test::md(lists);
  const doc::Document d = compose_ok(c, "briefing-pack", "CCQM-30");
  const std::string text = test::all_text(d);
  CHECK(text.find("deep quote") != std::string::npos);
  CHECK(text.find("end") != std::string::npos);
  CHECK(doc::dump(d).size() > 0);
}

TEST_CASE("markdown_escape: syntax escaped, breaks and tabs as spaces, ends trimmed",
          "[compose][escape]") {
  using compose::detail::markdown_escape;
  CHECK(markdown_escape("") == "");
  CHECK(markdown_escape(" \t\r\n ") == "");
  CHECK(markdown_escape("\n a*b \t") == "a\\*b");
  CHECK(markdown_escape("1. x\ny") == "1\\. x y");
  CHECK(markdown_escape("\\`*_{}[]<>()#+-.!|&~=") ==
        "\\\\\\`\\*\\_\\{\\}\\[\\]\\<\\>\\(\\)\\#\\+\\-\\.\\!\\|\\&\\~\\=");
  CHECK(markdown_escape(std::string("a\0b", 3)) == std::string("a\0b", 3));
  CHECK(markdown_escape("µ « x » — y") == "µ « x » — y");
  CHECK(markdown_escape("a\r\n\tb") == "a   b");
}
