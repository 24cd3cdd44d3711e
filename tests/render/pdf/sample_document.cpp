#include "sample_document.hpp"

namespace plenary::test {

using namespace plenary::doc;

namespace {

Inline strong(std::string s) {
  return Inline{Strong{{text(std::move(s))}}};
}
Inline emph(std::string s) {
  return Inline{Emphasis{{text(std::move(s))}}};
}
Inline code(std::string s) {
  return Inline{Code{std::move(s)}};
}
Inline link(std::string url, std::string s) {
  return Inline{Link{std::move(url), {text(std::move(s))}}};
}
Inline ref(std::string anchor, std::string s) {
  return Inline{Ref{std::move(anchor), {text(std::move(s))}}};
}
ListItem item(Inlines content) {
  return ListItem{{paragraph(std::move(content))}};
}

std::string long_word() {
  std::string word;
  for (int i = 0; i < 3000; ++i) word += static_cast<char>('a' + i % 26);
  return word;
}

Table member_table() {
  Table table;
  table.header_rows = 1;
  table.rows.push_back({{{text("No.")}},
                        {{text("Organisation")}},
                        {{text("Country")}},
                        {{text("Since")}},
                        {{text("Remarks")}}});
  const char* names[] = {"Physikalisch-Technische Bundesanstalt", "Główny Urząd Miar",
                         "Всероссийский научно-исследовательский институт метрологии",
                         "Ελληνικό Ινστιτούτο Μετρολογίας",
                         "Laboratoire national de métrologie et d’essais"};
  const char* countries[] = {"Germany", "Poland", "Russia", "Greece", "France"};
  for (int i = 1; i <= 120; ++i) {
    std::vector<TableCell> row;
    row.push_back({{text(std::to_string(i))}});
    row.push_back({{text(names[i % 5])}});
    row.push_back({{text(countries[i % 5])}});
    row.push_back({{text(std::to_string(1990 + i % 30))}});
    if (i % 7 == 0) {
      row.push_back({{text("Mass fraction µg/kg — see "),
                      link("https://www.bipm.org/en/committees/cc/ccqm",
                           "https://www.bipm.org/en/committees/cc/ccqm")}});
    } else {
      row.push_back({{text(i % 3 == 0 ? "«observer»" : "member")}});
    }
    table.rows.push_back(std::move(row));
  }
  table.aligns = {Align::Right, Align::Left, Align::Left, Align::Center, Align::Left};
  return table;
}

}  // namespace

Document sample_document() {
  Document d;
  d.meta.title = "Briefing pack — CCQM-P42";
  d.meta.subject = "Plenary briefing";
  d.meta.author = "CCQM";
  d.meta.date = "2026-04-14";
  d.meta.keywords = "metrology, plenary";
  d.meta.header_left = "CCQM — Consultative Committee for Amount of Substance";
  d.meta.header_right = "Briefing pack";
  d.meta.footer = "Page {page} of {pages}";
  d.meta.contents_title = "Contents";
  d.meta.has_cover = true;
  d.meta.header_logo = Image{"logo.png", tiny_png(), ImageFormat::Png, 16, 16, Align::Left, "Sample logo"};

  auto& b = d.blocks;
  // Cover.
  b.push_back(paragraph({text("CCQM")}, ParagraphStyle::Subtitle));
  b.push_back(paragraph({text("Briefing pack")}, ParagraphStyle::Title));
  b.push_back(paragraph({text("42nd plenary meeting, 14–16 April 2026, Sèvres")},
                        ParagraphStyle::Subtitle));
  b.push_back(
      paragraph({text("Prepared for the members of the committee.")}, ParagraphStyle::Note));
  b.push_back(Block{PageBreak{}});
  b.push_back(Block{Contents{}});
  b.push_back(Block{PageBreak{}});

  b.push_back(heading(1, "introduction", {text("1 Introduction")}));
  b.push_back(
      paragraph({text("This pack gathers «everything» the delegates need — the agenda, the "),
                 strong("sector focus"), text(", the task groups and the "), emph("stakeholders"),
                 text(". Quantities such as 5 µg/kg are given in SI "
                      "units. See "),
                 ref("task-groups", "section 3"), text(" and "),
                 link("https://www.bipm.org/en/committees/cc/ccqm", "the CCQM page"),
                 text(". Run "), code("plenary build --lang fr"), text(" for French.")}));
  b.push_back(
      paragraph({text("Greek: Η μετρολογία είναι η επιστήμη της μέτρησης. Cyrillic: "
                      "Метрология — наука об измерениях. Polish: Zażółć gęślą jaźń, "
                      "Łódź, Gdańsk. French: « élève », naïve, cœur.")}));
  b.push_back(Block{Image{"figure.png", tiny_png(), ImageFormat::Png, 120, 60, Align::Center,
                          "A small test figure"}});
  b.push_back(heading(2, "long-word", {text("1.1 A very long word")}));
  b.push_back(paragraph({text("Before the word "), text(long_word()), text(" and after it.")}));
  b.push_back(paragraph(
      {text("A long URL: "), link("https://example.org/a/very/long/path/that/goes/on/and/on/"
                                  "with-many-segments/and-query?key=value&other=another-value&"
                                  "third=yet-another-rather-long-value",
                                  "https://example.org/a/very/long/path/that/goes/on/and/on/"
                                  "with-many-segments/and-query?key=value&other=another-value&"
                                  "third=yet-another-rather-long-value")}));

  b.push_back(heading(1, "agenda", {text("2 Agenda")}));
  List agenda{true, 1, {}};
  agenda.items.push_back(item({text("Opening of the meeting")}));
  ListItem second = item({text("Reports of the working groups")});
  List sub{true, 1, {}};
  sub.items.push_back(item({text("Gas analysis — ΔT and µmol/mol")}));
  ListItem nested = item({text("Organic analysis")});
  List bullets{false, 1, {}};
  bullets.items.push_back(item({text("Pesticides in food")}));
  bullets.items.push_back(
      item({text("Очень длинный пункт списка, который должен переноситься на "
                 "следующую строку, потому что он слишком длинный для одной.")}));
  nested.content.push_back(Block{bullets});
  sub.items.push_back(nested);
  second.content.push_back(Block{sub});
  agenda.items.push_back(second);
  agenda.items.push_back(item({text("Any other business")}));
  b.push_back(Block{agenda});

  b.push_back(heading(1, "task-groups", {text("3 Task groups")}));
  b.push_back(heading(2, "members", {text("3.1 Members")}));
  b.push_back(Block{member_table()});
  Table wide;
  wide.rows.push_back({{{text("Key")}}, {{text("Value")}}});
  wide.rows.push_back({{{text("word")}}, {{text(long_word())}}});
  b.push_back(heading(2, "long-cell", {text("3.2 A long word in a cell")}));
  b.push_back(Block{wide});

  b.push_back(heading(1, "stakeholders", {text("4 Stakeholders")}));
  b.push_back(heading(2, "liaison", {text("4.1 Liaison review")}));
  for (int i = 0; i < 6; ++i) {
    b.push_back(
        paragraph({text("The liaison organisations are reviewed against the criteria of the "
                        "committee: attendance at the last three plenaries, an active "
                        "contribution to a task group, and a named contact person. "
                        "Organisations that meet none of them are flagged for review.")}));
  }
  b.push_back(heading(3, "criteria", {text("4.1.1 Criteria")}));
  b.push_back(paragraph({text("Each criterion is checked from the records.")}));
  return d;
}

Document long_document(int sections) {
  Document d;
  d.meta.title = "Long document";
  d.meta.author = "CCQM";
  d.meta.header_left = "CCQM";
  d.meta.header_right = "Long document";
  d.meta.footer = "Page {page} of {pages}";
  d.meta.contents_title = "Contents";
  d.blocks.push_back(Block{Contents{}});
  d.blocks.push_back(Block{PageBreak{}});
  for (int s = 1; s <= sections; ++s) {
    d.blocks.push_back(heading(1, "s" + std::to_string(s), {text("Section " + std::to_string(s))}));
    for (int p = 0; p < 4; ++p) {
      d.blocks.push_back(
          paragraph({text("Paragraph text with «quotes», µ and Ω, repeated to fill "
                          "the page with lines that wrap at the right margin as a "
                          "report would. Another sentence follows here.")}));
    }
    Table t;
    t.rows.push_back({{{text("A")}}, {{text("B")}}, {{text("C")}}});
    for (int r = 0; r < 12; ++r) {
      t.rows.push_back({{{text("cell " + std::to_string(r))}},
                        {{text("Zażółć gęślą jaźń")}},
                        {{text("Метрология")}}});
    }
    d.blocks.push_back(Block{t});
  }
  return d;
}

std::string tiny_png() {
  // 8x8 RGB PNG in the heading colour, generated once and inlined.
  static const unsigned char bytes[] = {
      0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44,
      0x52, 0x00, 0x00, 0x00, 0x08, 0x00, 0x00, 0x00, 0x08, 0x08, 0x02, 0x00, 0x00, 0x00, 0x4B,
      0x6D, 0x29, 0xDC, 0x00, 0x00, 0x00, 0x10, 0x49, 0x44, 0x41, 0x54, 0x78, 0xDA, 0x63, 0x60,
      0x30, 0x2E, 0xC6, 0x8E, 0x86, 0x96, 0x04, 0x00, 0x1A, 0xF8, 0x29, 0x81, 0x3C, 0xB8, 0x1C,
      0x6A, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82};
  return std::string(reinterpret_cast<const char*>(bytes), sizeof bytes);
}

}  // namespace plenary::test
