// The written PDF as a reader's tools see it: qpdf for structure, poppler-utils for text,
// fonts and positions.
#include <catch2/catch.hpp>

#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <algorithm>
#include <functional>
#include <iterator>
#include <map>
#include <set>
#include <sstream>
#include <thread>

#include "core/utf8.hpp"
#include "fonts/fonts.hpp"
#include "pdf_tools.hpp"
#include "render/pdf/pdf_writer.hpp"
#include "sample_document.hpp"

using namespace plenary;
using Poco::JSON::Array;
using Poco::JSON::Object;

namespace {

const doc::Style kStyle{};

// A document of one paragraph, written as a PDF.
render::PdfResult one_paragraph_pdf(const std::string& title, const std::string& text,
                                    const doc::Style& style = kStyle) {
  doc::Document document;
  document.meta.title = title;
  document.blocks.push_back(doc::paragraph({doc::text(text)}));
  return render::write_pdf(document, style, render::PdfOptions{});
}

struct Written {
  render::PdfResult result;
  std::string path;
};

// The sample document written once for all tests.
const Written& sample() {
  static const Written written = [] {
    Written w;
    w.result = render::write_pdf(test::sample_document(), kStyle, render::PdfOptions{});
    w.path = test::temp_path("sample.pdf");
    test::write_file(w.path, w.result.bytes);
    return w;
  }();
  return written;
}

Object::Ptr qpdf_json(const std::string& path) {
  const test::CommandResult json = test::run("qpdf --json '" + path + "'");
  REQUIRE(json.status == 0);
  Poco::JSON::Parser parser;
  return parser.parse(json.output).extract<Object::Ptr>();
}

std::string page_text(const std::string& path, int page) {
  return test::run("pdftotext -layout -f " + std::to_string(page) + " -l " + std::to_string(page) +
                   " '" + path + "' -")
      .output;
}

std::string collapse_spaces(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == ' ' || c == '\n') {
      if (!out.empty() && out.back() != ' ') out += ' ';
    } else {
      out += c;
    }
  }
  return out;
}

}  // namespace

TEST_CASE("The sample document is written without errors", "[pdf][output]") {
  const Written& w = sample();
  for (const Diagnostic& d : w.result.diagnostics.items()) INFO(format(d));
  CHECK_FALSE(w.result.diagnostics.has_errors());
  CHECK(w.result.diagnostics.warning_count() == 0);
  CHECK(w.result.bytes.rfind("%PDF-", 0) == 0);
  CHECK(w.result.page_count >= 8);
}

TEST_CASE("qpdf finds no structural errors", "[pdf][output]") {
  const test::CommandResult check = test::run("qpdf --check '" + sample().path + "'");
  INFO(check.output);
  CHECK(check.status == 0);
  CHECK(check.output.find("No syntax or stream encoding errors") != std::string::npos);
}

TEST_CASE("Every font is embedded", "[pdf][output][fonts]") {
  const test::CommandResult fonts = test::run("pdffonts '" + sample().path + "'");
  REQUIRE(fonts.status == 0);
  int count = 0;
  std::size_t pos = fonts.output.find("---\n");
  REQUIRE(pos != std::string::npos);
  for (pos += 4; pos < fonts.output.size();) {
    std::size_t end = fonts.output.find('\n', pos);
    if (end == std::string::npos) end = fonts.output.size();
    const std::string line = fonts.output.substr(pos, end - pos);
    pos = end + 1;
    if (line.empty()) continue;
    ++count;
    INFO(line);
    CHECK(line.find(" yes yes yes ") != std::string::npos);  // embedded, subset, unicode map
  }
  CHECK(count == 4);  // regular, bold, italic, mono
}

TEST_CASE("Every word lies inside the page and its margins", "[pdf][output]") {
  const auto words = test::words_with_boxes(sample().path);
  REQUIRE(words.size() > 1000);
  const double left = kStyle.margin_left_pt, right = kStyle.page_width_pt - kStyle.margin_right_pt;
  const double bottom = kStyle.page_height_pt - kStyle.margin_bottom_pt;
  std::set<std::string> footer{"Page", "of"};
  for (const test::Word& word : words) {
    INFO("page " << word.page << ": " << word.text.substr(0, 40));
    CHECK(word.x_min >= left - 0.5);
    CHECK(word.x_max <= right + 0.5);
    CHECK(word.y_min >= 0);
    CHECK(word.y_max <= word.page_height);
    if (word.y_max > bottom + 0.5) {  // only the footer sits below the bottom margin
      const bool number = std::all_of(word.text.begin(), word.text.end(), ::isdigit);
      CHECK((footer.count(word.text) == 1 || number));
    }
  }
}

TEST_CASE("The footer numbers every page but the cover as 'Page X of Y'", "[pdf][output]") {
  const Written& w = sample();
  const int pages = w.result.page_count;
  CHECK(page_text(w.path, 1).find("Page") == std::string::npos);
  for (int p = 2; p <= pages; ++p) {
    INFO("page " << p);
    CHECK(page_text(w.path, p).find("Page " + std::to_string(p) + " of " + std::to_string(pages)) !=
          std::string::npos);
  }
}

TEST_CASE("The outline mirrors the headings, nested by level, each pointing at its page",
          "[pdf][output][outline]") {
  const Written& w = sample();
  const Object::Ptr json = qpdf_json(w.path);
  std::vector<std::string> titles;
  std::vector<int> pages;
  std::function<void(const Array::Ptr&, int)> walk = [&](const Array::Ptr& list, int depth) {
    for (std::size_t i = 0; i < list->size(); ++i) {
      const Object::Ptr entry = list->getObject(static_cast<unsigned>(i));
      titles.push_back(std::string(depth * 2, ' ') + entry->getValue<std::string>("title"));
      pages.push_back(entry->getValue<int>("destpageposfrom1"));
      walk(entry->getArray("kids"), depth + 1);
    }
  };
  walk(json->getArray("outlines"), 0);
  const std::vector<std::string> expected{
      "1 Introduction", "  1.1 A very long word", "2 Agenda",
      "3 Task groups",  "  3.1 Members",          "  3.2 A long word in a cell",
      "4 Stakeholders", "  4.1 Liaison review",   "    4.1.1 Criteria"};
  CHECK(titles == expected);
  CHECK(pages == w.result.heading_pages);
  // heading_pages are where the headings really are.
  for (std::size_t i = 0; i < expected.size(); ++i) {
    const std::string title = expected[i].substr(expected[i].find_first_not_of(' '));
    INFO(title);
    CHECK(collapse_spaces(page_text(w.path, pages[i])).find(title) != std::string::npos);
  }
}

TEST_CASE("Contents entries are links to their headings, and Link/Ref inlines are links",
          "[pdf][output][links]") {
  const Written& w = sample();
  const Object::Ptr json = qpdf_json(w.path);
  const Object::Ptr objects = json->getArray("qpdf")->getObject(1);
  const Array::Ptr page_list = json->getArray("pages");
  auto object = [&](const std::string& ref) {
    return objects->getObject("obj:" + ref)->getObject("value");
  };
  // Page object ids in order, to find which page a destination names.
  std::map<std::string, int> page_number;
  for (std::size_t i = 0; i < page_list->size(); ++i) {
    page_number[page_list->getObject(static_cast<unsigned>(i))->getValue<std::string>("object")] =
        static_cast<int>(i) + 1;
  }
  auto annotations = [&](int page) {
    std::vector<Object::Ptr> out;
    const std::string ref =
        page_list->getObject(static_cast<unsigned>(page - 1))->getValue<std::string>("object");
    const Array::Ptr annots = object(ref)->getArray("/Annots");
    if (annots.isNull()) return out;
    for (std::size_t i = 0; i < annots->size(); ++i) {
      out.push_back(object(annots->getElement<std::string>(static_cast<unsigned>(i))));
    }
    return out;
  };
  // Contents: page 2, one internal link per entry, in order, to the heading's page.
  std::vector<int> targets;
  for (const Object::Ptr& annot : annotations(2)) {
    CHECK(annot->getValue<std::string>("/Subtype") == "/Link");
    const std::string dest_ref = annot->getValue<std::string>("/Dest");
    const Array::Ptr dest = objects->getObject("obj:" + dest_ref)->getArray("value");
    targets.push_back(page_number[dest->getElement<std::string>(0)]);
  }
  CHECK(targets == w.result.heading_pages);
  // Page 3: the Ref to "section 3" and the external link.
  bool uri = false, internal = false;
  for (const Object::Ptr& annot : annotations(3)) {
    if (annot->has("/A")) {
      uri = uri || annot->getObject("/A")->getValue<std::string>("/URI") ==
                       "u:https://www.bipm.org/en/committees/cc/ccqm";
    } else if (annot->has("/Dest")) {
      const Array::Ptr dest =
          objects->getObject("obj:" + annot->getValue<std::string>("/Dest"))->getArray("value");
      internal = internal || page_number[dest->getElement<std::string>(0)] ==
                                 w.result.heading_pages[3];  // "3 Task groups"
    }
  }
  CHECK(uri);
  CHECK(internal);
}

TEST_CASE("Accented, Greek, Cyrillic and Polish text comes back out", "[pdf][output][fonts]") {
  const std::string text = collapse_spaces(test::run("pdftotext '" + sample().path + "' -").output);
  for (const char* expected :
       {"«everything»", "—", "5 µg/kg", "Η μετρολογία είναι η επιστήμη της μέτρησης",
        "Метрология — наука об измерениях", "Zażółć gęślą jaźń, Łódź, Gdańsk",
        "« élève », naïve, cœur", "Główny Urząd Miar", "Ελληνικό Ινστιτούτο Μετρολογίας"}) {
    INFO(expected);
    CHECK(text.find(expected) != std::string::npos);
  }
}

TEST_CASE("The 3000-letter word is printed whole, in the paragraph and in the table cell",
          "[pdf][output]") {
  std::string word;
  for (int i = 0; i < 3000; ++i) word += static_cast<char>('a' + i % 26);
  std::string text = test::run("pdftotext -raw '" + sample().path + "' -").output;
  text.erase(std::remove(text.begin(), text.end(), '\n'), text.end());
  const std::size_t first = text.find(word);
  REQUIRE(first != std::string::npos);
  CHECK(text.find(word, first + word.size()) != std::string::npos);
}

TEST_CASE("Document information comes from the metadata, never the clock", "[pdf][output]") {
  const test::CommandResult info = test::run("pdfinfo -isodates '" + sample().path + "'");
  CHECK(info.output.find("Title:           Briefing pack — CCQM-P42") != std::string::npos);
  CHECK(info.output.find("Author:          CCQM") != std::string::npos);
  CHECK(info.output.find("Subject:         Plenary briefing") != std::string::npos);
  CHECK(info.output.find("Keywords:        metrology, plenary") != std::string::npos);
  CHECK(info.output.find("Creator:         plenary") != std::string::npos);
  CHECK(info.output.find("CreationDate:    2026-04-14T00:00:00") != std::string::npos);
  CHECK(sample().result.bytes.find("/Lang (en)") != std::string::npos);
  CHECK(sample().result.bytes.find("/DisplayDocTitle true") != std::string::npos);

  doc::Document undated = test::sample_document();
  undated.meta.date.clear();
  const render::PdfResult result = render::write_pdf(undated, kStyle, render::PdfOptions{});
  CHECK(result.bytes.find("/CreationDate") == std::string::npos);

  doc::Document monthly = test::sample_document();
  monthly.meta.date = "2024-04";  // a month, as the final reports give it
  const render::PdfResult month = render::write_pdf(monthly, kStyle, render::PdfOptions{});
  CHECK(month.diagnostics.warning_count() == 0);
  CHECK(month.bytes.find("/CreationDate (D:202404)") != std::string::npos);
  CHECK(month.bytes.find("/ModDate (D:202404)") != std::string::npos);
}

TEST_CASE("Two runs give identical bytes", "[pdf][output]") {
  const render::PdfResult again =
      render::write_pdf(test::sample_document(), kStyle, render::PdfOptions{});
  CHECK(again.bytes == sample().result.bytes);
}

TEST_CASE("Streams are compressed", "[pdf][output]") {
  const std::string& bytes = sample().result.bytes;
  CHECK(bytes.find("/FlateDecode") != std::string::npos);
  render::PdfOptions plain;
  plain.compress = false;
  const render::PdfResult result = render::write_pdf(test::sample_document(), kStyle, plain);
  CHECK(result.bytes.size() > bytes.size());
}

TEST_CASE("A character no font has is reported with its code point and the document",
          "[pdf][output][fonts]") {
  const render::PdfResult result = one_paragraph_pdf("Agenda", "smile \xF0\x9F\x98\x80 please");
  REQUIRE(result.diagnostics.warning_count() == 1);
  const std::string message = format(result.diagnostics.items()[0]);
  CHECK(message.rfind("Agenda: warning: character U+1F600", 0) == 0);
  CHECK_FALSE(result.bytes.empty());  // still written, with a visible box
}

TEST_CASE("An unknown body font family is an error naming the family", "[pdf][output][fonts]") {
  doc::Style style;
  style.body_font = "No Such Family Anywhere";
  const render::PdfResult result = one_paragraph_pdf("Agenda", "text", style);
  // fontconfig always substitutes something; the substitution is reported.
  bool named = false;
  for (const Diagnostic& d : result.diagnostics.items()) {
    named = named || d.message.find("'No Such Family Anywhere'") != std::string::npos;
  }
  CHECK(named);
}

TEST_CASE("A character the configured fonts lack is set in a fallback font and embedded",
          "[pdf][output][fonts]") {
  // Find, on this machine, a character the body font lacks but another TrueType font has.
  char32_t found = 0;
  {
    fonts::FontRegistry fonts(kStyle);
    const fonts::FontId body = fonts.font(fonts::Family::Body, false, false);
    for (char32_t cp = 0x2000; cp < 0xFFFF && found == 0; ++cp) {
      const fonts::FontId id = fonts.font_for(body, cp);
      if (id != body && fonts.face(id).fallback) found = cp;
    }
  }
  if (found == 0) {
    WARN("no fallback font on this machine covers anything DejaVu Sans lacks; skipped");
    return;
  }
  std::string character;
  core::append_utf8(character, found);
  const render::PdfResult result = one_paragraph_pdf("Fallback", "before " + character + " after");
  CHECK(result.diagnostics.empty());
  const std::string path = test::temp_path("fallback.pdf");
  test::write_file(path, result.bytes);
  const test::CommandResult fonts = test::run("pdffonts '" + path + "'");
  CHECK(std::count(fonts.output.begin(), fonts.output.end(), '\n') == 4);  // 2 header lines + 2
  CHECK(fonts.output.find(" no ") == std::string::npos);
  CHECK(test::run("qpdf --check '" + path + "'").status == 0);
}

TEST_CASE("Odd documents still give valid PDFs", "[pdf][output]") {
  doc::Document document;
  document.meta.title = "Odd";
  SECTION("no blocks at all") {}
  SECTION("empty table, list and paragraph") {
    document.blocks.push_back(doc::Block{doc::Table{}});
    document.blocks.push_back(doc::Block{doc::List{}});
    document.blocks.push_back(doc::paragraph({}));
  }
  SECTION("a table of header rows only, and more header rows than rows") {
    doc::Table table;
    table.header_rows = 5;
    table.rows.push_back({{{doc::text("only")}}, {{doc::text("header")}}});
    document.blocks.push_back(doc::Block{table});
  }
  SECTION("page breaks in a row and a heading at the very end") {
    document.blocks.push_back(doc::Block{doc::PageBreak{}});
    document.blocks.push_back(doc::Block{doc::PageBreak{}});
    document.blocks.push_back(doc::heading(1, "end", {doc::text("The end")}));
  }
  SECTION("control characters and malformed UTF-8 in text") {
    document.blocks.push_back(doc::paragraph({doc::text("bell\a tab\t nul? \xC3\x28 \xFF end")}));
  }
  const render::PdfResult result = render::write_pdf(document, kStyle, render::PdfOptions{});
  CHECK_FALSE(result.diagnostics.has_errors());
  REQUIRE_FALSE(result.bytes.empty());
  const std::string path = test::temp_path("odd.pdf");
  test::write_file(path, result.bytes);
  CHECK(test::run("qpdf --check '" + path + "'").status == 0);
}

TEST_CASE("A broken image or an unknown reference is a warning, not a broken file",
          "[pdf][output]") {
  doc::Document document;
  document.meta.title = "Broken";
  document.blocks.push_back(doc::Block{
      doc::Image{"broken.png", "not a png", doc::ImageFormat::Png, 50, 50, doc::Align::Center, ""}});
  document.blocks.push_back(
      doc::paragraph({doc::Inline{doc::Ref{"nowhere", {doc::text("see nowhere")}}}}));
  document.blocks.push_back(doc::Block{
      doc::Image{"ok.png", test::tiny_png(), doc::ImageFormat::Png, 50, 50, doc::Align::Center, ""}});
  const render::PdfResult result = render::write_pdf(document, kStyle, render::PdfOptions{});
  CHECK_FALSE(result.diagnostics.has_errors());
  CHECK(result.diagnostics.warning_count() == 2);
  const std::string path = test::temp_path("broken.pdf");
  test::write_file(path, result.bytes);
  CHECK(test::run("qpdf --check '" + path + "'").status == 0);
  CHECK(test::run("pdfimages -list '" + path + "'").output.find("image       8     8") !=
        std::string::npos);
}

TEST_CASE("PNG and JPEG images are embedded at their size, scaled down to fit",
          "[pdf][output][image]") {
  // A JPEG made by poppler from the sample's cover page.
  const std::string stem = test::temp_path("cover");
  REQUIRE(
      test::run("pdftoppm -jpeg -r 12 -f 1 -l 1 -singlefile '" + sample().path + "' '" + stem + "'")
          .status == 0);
  const std::string jpeg = test::run("cat '" + stem + ".jpg'").output;
  REQUIRE(jpeg.size() > 100);
  doc::Document document;
  document.meta.title = "Images";
  document.blocks.push_back(doc::Block{
      doc::Image{"cover.jpg", jpeg, doc::ImageFormat::Jpeg, 99, 140, doc::Align::Center, ""}});
  document.blocks.push_back(doc::Block{doc::Image{
      "wide.png", test::tiny_png(), doc::ImageFormat::Png, 2000, 1000, doc::Align::Left, ""}});
  const render::PdfResult result = render::write_pdf(document, kStyle, render::PdfOptions{});
  CHECK(result.diagnostics.empty());
  const std::string path = test::temp_path("images.pdf");
  test::write_file(path, result.bytes);
  CHECK(test::run("qpdf --check '" + path + "'").status == 0);
  const std::string list = test::run("pdfimages -list '" + path + "'").output;
  CHECK(list.find(" jpeg ") != std::string::npos);
  CHECK(list.find(" image       8     8  rgb") != std::string::npos);
  // The wide one is scaled down to the text width, keeping its proportions: pdfimages'
  // resolution columns (x-ppi, y-ppi) give its printed size.
  const double text_width = kStyle.page_width_pt - kStyle.margin_left_pt - kStyle.margin_right_pt;
  std::istringstream rows(list);
  std::string row;
  bool seen = false;
  while (std::getline(rows, row)) {
    std::istringstream fields(row);
    std::vector<std::string> f{std::istream_iterator<std::string>(fields), {}};
    if (f.size() < 14 || f[4] != "8" || f[3] != "8") continue;
    seen = true;
    CHECK(std::stoi(f[12]) == static_cast<int>(8 / (text_width / 72) + 0.5));
    CHECK(std::stoi(f[13]) == static_cast<int>(8 / (text_width / 2 / 72) + 0.5));
  }
  CHECK(seen);
}

TEST_CASE("Documents written at the same time on several threads are identical", "[pdf][output]") {
  const doc::Document document = test::sample_document();
  std::vector<std::string> outputs(4);
  std::vector<std::thread> threads;
  for (std::size_t i = 0; i < outputs.size(); ++i) {
    threads.emplace_back(
        [&, i] { outputs[i] = render::write_pdf(document, kStyle, render::PdfOptions{}).bytes; });
  }
  for (std::thread& t : threads) t.join();
  for (const std::string& bytes : outputs) CHECK(bytes == sample().result.bytes);
}

TEST_CASE("An embedded font lists widths only for characters the document shows",
          "[pdf][output][fonts]") {
  // libharu would list every character the font has; the writer gives it only those drawn.
  const render::PdfResult result = one_paragraph_pdf("Few letters", "abba cab — «bac»");
  REQUIRE_FALSE(result.bytes.empty());
  const std::string path = test::temp_path("few-letters.pdf");
  test::write_file(path, result.bytes);
  const std::string shown = test::run("pdftotext '" + path + "' -").output;
  std::set<char32_t> shown_chars;
  for (std::size_t pos = 0; pos < shown.size();) {
    shown_chars.insert(core::next_code_point(shown, pos));
  }

  const Object::Ptr objects = qpdf_json(path)->getArray("qpdf")->getObject(1);
  int fonts = 0;
  for (const auto& [name, entry] : *objects) {
    const Object::Ptr object = entry.extract<Object::Ptr>();
    if (!object->has("value") || !object->isObject("value")) continue;
    const Object::Ptr value = object->getObject("value");
    if (!value->has("/Subtype") || value->getValue<std::string>("/Subtype") != "/CIDFontType2") {
      continue;
    }
    ++fonts;
    REQUIRE(value->isArray("/W"));
    const Array::Ptr widths = value->getArray("/W");  // [first [w w ...] first [w ...] ...]
    std::size_t listed = 0;
    for (std::size_t i = 0; i + 1 < widths->size(); i += 2) {
      const auto first = static_cast<char32_t>(widths->getElement<int>(i));
      const Array::Ptr run = widths->getArray(i + 1);
      for (std::size_t k = 0; k < run->size(); ++k) {
        const char32_t cp = first + static_cast<char32_t>(k);  // UTF-8 encoding: CID = code point
        INFO(name << " lists U+" << std::hex << static_cast<unsigned>(cp));
        CHECK(shown_chars.count(cp) == 1);
        ++listed;
      }
    }
    CHECK(listed > 0);
    CHECK(listed < 60);
  }
  CHECK(fonts >= 1);
  CHECK(shown.find("abba cab — «bac»") != std::string::npos);
}

TEST_CASE("An embedded font holds only the glyphs the document draws", "[pdf][output][fonts]") {
  // libharu keeps every glyph slot and every table; the writer hands it a subset whose glyphs
  // are renumbered, with the metrics and glyph locations of those glyphs only and no glyph
  // names.
  const render::PdfResult result = one_paragraph_pdf("Few letters", "abba cab — «bac» Åé");
  REQUIRE_FALSE(result.bytes.empty());
  const std::string path = test::temp_path("few-glyphs.pdf");
  test::write_file(path, result.bytes);
  CHECK(test::run("pdftotext '" + path + "' -").output.find("abba cab — «bac» Åé") !=
        std::string::npos);

  const Object::Ptr objects = qpdf_json(path)->getArray("qpdf")->getObject(1);
  int fonts = 0;
  for (const auto& [name, entry] : *objects) {
    const Object::Ptr object = entry.extract<Object::Ptr>();
    if (!object->has("value") || !object->isObject("value")) continue;
    const Object::Ptr value = object->getObject("value");
    if (!value->has("/FontFile2")) continue;
    ++fonts;
    const std::string ref = value->getValue<std::string>("/FontFile2");  // "12 0 R"
    const std::string font = test::run("qpdf --show-object=" + ref.substr(0, ref.find(' ')) +
                                       " --filtered-stream-data '" + path + "'")
                                 .output;
    REQUIRE(font.size() > 12);
    auto u16 = [&](std::size_t at) {
      return static_cast<unsigned>(static_cast<unsigned char>(font.at(at)) << 8 |
                                   static_cast<unsigned char>(font.at(at + 1)));
    };
    auto u32 = [&](std::size_t at) { return u16(at) << 16 | u16(at + 2); };
    std::map<std::string, std::size_t> tables;
    for (unsigned i = 0; i < u16(4); ++i) {
      tables[font.substr(12 + 16 * i, 4)] = u32(12 + 16 * i + 8);
    }
    REQUIRE(tables.count("maxp") == 1);
    REQUIRE(tables.count("post") == 1);
    INFO(name);
    CHECK(u16(tables["maxp"] + 4) < 40);        // glyphs: .notdef, H, x and those drawn
    CHECK(u32(tables["post"]) == 0x00030000u);  // no glyph names
    CHECK(font.size() < 40000);                 // DejaVu Sans whole: 740 KB
  }
  CHECK(fonts >= 1);
}
