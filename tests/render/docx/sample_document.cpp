#include "sample_document.hpp"

#include <Poco/Checksum.h>
#include <Poco/DeflatingStream.h>

#include <sstream>

namespace plenary::test {

namespace {

void put_be32(std::string& out, unsigned long v) {
  for (int shift = 24; shift >= 0; shift -= 8) out += static_cast<char>((v >> shift) & 0xFF);
}

void chunk(std::string& png, const std::string& type, const std::string& data) {
  put_be32(png, data.size());
  Poco::Checksum crc(Poco::Checksum::TYPE_CRC32);
  crc.update(type + data);
  png += type + data;
  put_be32(png, crc.checksum());
}

using namespace doc;

Inline strong(Inlines content) {
  return Inline{Strong{std::move(content)}};
}
Inline emph(Inlines content) {
  return Inline{Emphasis{std::move(content)}};
}
Inline link(std::string url, std::string label) {
  return Inline{Link{std::move(url), {text(std::move(label))}}};
}
Inline ref(std::string anchor, std::string label) {
  return Inline{Ref{std::move(anchor), {text(std::move(label))}}};
}
Inline code(std::string s) {
  return Inline{Code{std::move(s)}};
}
Inline line_break() {
  return Inline{LineBreak{}};
}

ListItem item(std::string s) {
  return ListItem{{paragraph({text(std::move(s))})}};
}

Image png_image(std::string name, int w, int h, double width_pt) {
  Image image;
  image.name = std::move(name);
  image.data = make_png(w, h);
  image.format = ImageFormat::Png;
  image.width_pt = width_pt;
  return image;
}

Table register_table() {
  Table table;
  table.aligns = {Align::Left, Align::Left, Align::Center, Align::Right};
  table.rows.push_back(
      {{{text("Name")}}, {{text("Acronym")}}, {{text("Kind")}}, {{text("Since")}}});
  const char* names[] = {"Główny Urząd Miar", "Всероссийский НИИ метрологии им. Д. И. Менделеева",
                         "Ελληνικό Ινστιτούτο Μετρολογίας", "Laboratoire « national » — µ & <co>"};
  for (int i = 1; i <= 40; ++i) {
    std::vector<TableCell> row;
    row.push_back({{text(std::string(names[i % 4]) + " " + std::to_string(i))}});
    row.push_back({{text("ACR" + std::to_string(i)), line_break(), text("line two")}});
    row.push_back({{text(i % 2 ? "liaison" : "cooperation")}});
    row.push_back({{text(std::to_string(1990 + i))}});
    table.rows.push_back(std::move(row));
  }
  table.rows[7][0].content = {text(long_word())};
  table.rows[9][1].content = {
      link("https://example.org/a/very/long/path/that/should/wrap/inside/its/cell/" +
               std::string(120, 'x'),
           "long URL")};
  return table;
}

}  // namespace

std::string make_png(int width, int height) {
  std::string png("\x89PNG\r\n\x1a\n", 8);
  std::string ihdr;
  put_be32(ihdr, width);
  put_be32(ihdr, height);
  ihdr += std::string("\x08\x02\x00\x00\x00", 5);  // 8-bit RGB, deflate, no filter, no interlace
  chunk(png, "IHDR", ihdr);
  std::string raw;
  for (int y = 0; y < height; ++y) {
    raw += '\0';  // filter: none
    for (int x = 0; x < width; ++x) raw += std::string("\x20\x60\xC0", 3);
  }
  std::ostringstream compressed;
  {
    Poco::DeflatingOutputStream deflate(compressed, Poco::DeflatingStreamBuf::STREAM_ZLIB);
    deflate << raw;
    deflate.close();
  }
  chunk(png, "IDAT", compressed.str());
  chunk(png, "IEND", "");
  return png;
}

std::string all_c0_controls() {
  std::string s;
  for (char c = 1; c < 0x20; ++c) s += c;
  return s;
}

std::string long_word() {
  std::string word;
  for (int i = 0; i < 3000; ++i) word += static_cast<char>('a' + i % 26);
  return word;
}

Document sample_document() {
  Document d;
  Metadata& m = d.meta;
  m.title = "Briefing pack — CCQM « P42 » & <friends>";
  m.subject = "Plenary 42 of the CCQM";
  m.author = "CCQM";
  m.language = "en";
  m.date = "2026-04-14";
  m.keywords = "metrology; plenary";
  m.header_left = "CCQM & <co>";
  m.header_right = "Briefing pack — Ελληνικά";
  m.footer = "Page {page} of {pages}";
  m.contents_title = "Contents";
  m.has_cover = true;
  m.header_logo = png_image("logo.png", 8, 4, 0);

  Blocks& b = d.blocks;
  b.push_back(
      paragraph({text("Consultative Committee for Amount of Substance")}, ParagraphStyle::Title));
  b.push_back(paragraph({text("Plenary 42 — 14–15 April 2026, Sèvres")}, ParagraphStyle::Subtitle));
  b.push_back(Block{png_image("cover.png", 4, 2, 144)});
  b.push_back(paragraph({text("Briefing pack")}));
  b.push_back(Block{PageBreak{}});
  b.push_back(Block{Contents{}});
  b.push_back(Block{PageBreak{}});

  b.push_back(heading(1, "agenda", {text("Agenda & <items>")}));
  b.push_back(paragraph({text("Specials: & < > \" ' and « guillemets » — em-dash, µ; "),
                         text("Greek Ελληνικά, Cyrillic Менделеев, Polish Główny Urząd Miar.")}));
  b.push_back(
      paragraph({text("Controls [" + all_c0_controls() + "] end; bad UTF-8 [\xff\xc3(] end.")}));
  b.push_back(paragraph({strong({text("Bold")}), text(", "), emph({text("italic")}), text(", "),
                         code("code <x> & y"), text(", "),
                         link("https://www.bipm.org/en/committees/cc/ccqm?a=1&b=<2>", "BIPM link"),
                         text(", see "), ref("task-groups", "Task groups"), text(".")}));
  b.push_back(heading(2, "agenda-items", {text("Items")}));
  List ordered{true, 1, {}};
  ordered.items.push_back(item("Opening"));
  ListItem with_nested{{paragraph({text("Reports")})}};
  List nested{false, 1, {item("Task group CCQM-TG-1"), item("Task group CCQM-TG-2")}};
  ListItem deeper{{paragraph({text("Working groups")})}};
  deeper.content.push_back(Block{List{true, 1, {item("Gas analysis"), item("Organic analysis")}}});
  nested.items.push_back(std::move(deeper));
  with_nested.content.push_back(Block{std::move(nested)});
  with_nested.content.push_back(paragraph({text("Continuation paragraph of item two.")}));
  ordered.items.push_back(std::move(with_nested));
  ordered.items.push_back(item("Closing"));
  b.push_back(Block{std::move(ordered)});
  b.push_back(paragraph({text("A second list restarts at one:")}));
  b.push_back(Block{List{true, 1, {item("First again"), item("Second again")}}});
  b.push_back(Block{List{true, 5, {item("Fifth"), item("Sixth")}}});
  b.push_back(heading(3, "agenda-deep", {text("Level three heading")}));
  Heading hidden{2, "not-listed", {text("Heading left out of the contents")}, false};
  b.push_back(Block{hidden});
  b.push_back(paragraph({text(long_word())}));

  b.push_back(Block{PageBreak{}});
  b.push_back(heading(1, "stakeholders", {text("Stakeholders — Менделеев")}));
  b.push_back(Block{register_table()});
  b.push_back(heading(1, "task-groups", {text("Task groups")}));
  Table weighted;
  weighted.weights = {1, 3};
  weighted.rows = {{{{text("Id")}}, {{text("Name")}}},
                   {{{text("CCQM-TG-1")}}, {{text("Traceability « in » practice")}}}};
  b.push_back(Block{weighted});
  b.push_back(paragraph({text("No plan entry for this plenary.")}, ParagraphStyle::Note));
  b.push_back(paragraph({text("Back to the "), ref("agenda", "agenda"), text(" or "),
                         ref("missing-anchor", "a missing anchor"), text(".")}));
  return d;
}

Document minimal_document() {
  Document d;
  d.meta.title = "Minimal";
  d.blocks.push_back(paragraph({text("Just one paragraph.")}));
  return d;
}

}  // namespace plenary::test
