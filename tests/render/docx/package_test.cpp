// The package as a reader opens it: a zip of well-formed parts, each listed in
// [Content_Types].xml, with no directory entries, fixed dates and reproducible bytes.
#include <catch2/catch.hpp>

#include <Poco/DOM/Element.h>

#include <algorithm>
#include <set>

#include "docx_reader.hpp"
#include "render/docx/docx_writer.hpp"
#include "render/docx/package.hpp"
#include "sample_document.hpp"

using namespace plenary;

namespace {
std::string sample_docx() {
  render::DocxOptions options;
  options.heading_pages = {3, 3, 3, 4, 6};
  return render::write_docx(test::sample_document(), doc::Style{}, options);
}
bool is_xml_part(const std::string& name) {
  return name.size() > 4 && (name.compare(name.size() - 4, 4, ".xml") == 0 ||
                             name.compare(name.size() - 5, 5, ".rels") == 0);
}
}  // namespace

TEST_CASE("every XML part of the sample is well-formed", "[docx][package]") {
  const auto parts = test::docx_parts(sample_docx());
  REQUIRE(parts.count("word/document.xml") == 1);
  for (const auto& [name, data] : parts) {
    if (!is_xml_part(name)) continue;
    INFO(name);
    CHECK_NOTHROW(test::parse_xml(data));
  }
}

TEST_CASE("every part is listed in [Content_Types].xml", "[docx][package]") {
  const auto parts = test::docx_parts(sample_docx());
  const auto types = test::parse_xml(parts.at("[Content_Types].xml"));
  const auto overrides = test::attribute_values(*types, "Override", "PartName");
  const auto defaults = test::attribute_values(*types, "Default", "Extension");
  const std::set<std::string> listed(overrides.begin(), overrides.end());
  const std::set<std::string> extensions(defaults.begin(), defaults.end());
  for (const auto& [name, data] : parts) {
    if (name == "[Content_Types].xml") continue;
    INFO(name);
    const std::string extension = name.substr(name.rfind('.') + 1);
    const bool by_default = extension == "rels" || extension == "png" || extension == "jpeg";
    CHECK((listed.count("/" + name) == 1 || (by_default && extensions.count(extension) == 1)));
  }
  for (const std::string& part : listed) CHECK(parts.count(part.substr(1)) == 1);
}

TEST_CASE("the zip has no directory entries and content types come first", "[docx][package]") {
  const auto entries = test::unzip(sample_docx());
  REQUIRE(!entries.empty());
  CHECK(entries.front().name == "[Content_Types].xml");
  for (const auto& entry : entries) {
    INFO(entry.name);
    CHECK_FALSE(entry.directory);
    CHECK(entry.name.back() != '/');
  }
}

TEST_CASE("zip entry dates come from the document date, never the clock", "[docx][package]") {
  for (const auto& entry : test::unzip(sample_docx())) {
    CHECK(entry.year == 2026);
    CHECK(entry.month == 4);
    CHECK(entry.day == 14);
  }
  for (const auto& entry :
       test::unzip(render::write_docx(test::minimal_document(), doc::Style{}, {}))) {
    CHECK(entry.year == 1980);
    CHECK(entry.month == 1);
    CHECK(entry.day == 1);
  }
}

TEST_CASE("writing the same document twice gives the same bytes", "[docx][package]") {
  CHECK(sample_docx() == sample_docx());
  const auto minimal = [] {
    return render::write_docx(test::minimal_document(), doc::Style{}, {});
  };
  CHECK(minimal() == minimal());
}

TEST_CASE("core properties carry title, author, subject, language and the document date",
          "[docx][package][metadata]") {
  const auto parts = test::docx_parts(sample_docx());
  const auto core = test::parse_xml(parts.at("docProps/core.xml"));
  const doc::Metadata meta = test::sample_document().meta;
  auto text_of = [&](const char* name) { return test::first_text(*core, name); };
  CHECK(text_of("dc:title") == meta.title);
  CHECK(text_of("dc:creator") == "CCQM");
  CHECK(text_of("dc:subject") == meta.subject);
  CHECK(text_of("dc:language") == "en");
  CHECK(text_of("cp:keywords") == meta.keywords);
  CHECK(text_of("dcterms:created") == "2026-04-14T00:00:00Z");
  CHECK(text_of("dcterms:modified") == "2026-04-14T00:00:00Z");
}

TEST_CASE("core properties leave the dates out when the document has none",
          "[docx][package][metadata]") {
  const auto parts =
      test::docx_parts(render::write_docx(test::minimal_document(), doc::Style{}, {}));
  const auto core = test::parse_xml(parts.at("docProps/core.xml"));
  CHECK(test::count_elements(*core, "dcterms:created") == 0);
  CHECK(test::count_elements(*core, "dcterms:modified") == 0);
  CHECK(test::count_elements(*core, "dc:subject") == 0);
}

TEST_CASE("settings do not force a field update on open", "[docx][package]") {
  const auto parts = test::docx_parts(sample_docx());
  const auto settings = test::parse_xml(parts.at("word/settings.xml"));
  CHECK(test::count_elements(*settings, "w:updateFields") == 0);
  CHECK(test::count_elements(*settings, "w:evenAndOddHeaders") == 0);
}

TEST_CASE("external hyperlinks are external relationships with a valid URI",
          "[docx][package][link]") {
  const auto parts = test::docx_parts(sample_docx());
  const auto rels = test::parse_xml(parts.at("word/_rels/document.xml.rels"));
  Poco::AutoPtr<Poco::XML::NodeList> list = rels->getElementsByTagName("Relationship");
  int hyperlinks = 0;
  for (unsigned long i = 0; i < list->length(); ++i) {
    auto* rel = static_cast<Poco::XML::Element*>(list->item(i));
    if (rel->getAttribute("Type").find("/hyperlink") == std::string::npos) continue;
    ++hyperlinks;
    CHECK(rel->getAttribute("TargetMode") == "External");
    const std::string target = rel->getAttribute("Target");
    CHECK(target.find_first_of(" <>\"") == std::string::npos);
  }
  CHECK(hyperlinks == 2);
  const std::string document = parts.at("word/document.xml");
  CHECK(document.find("ccqm?a=1&amp;b=%3C2%3E") == std::string::npos);  // target lives in rels
  CHECK(parts.at("word/_rels/document.xml.rels").find("ccqm?a=1&amp;b=%3C2%3E") !=
        std::string::npos);
}

TEST_CASE("an empty document is still a complete, well-formed package", "[docx][package]") {
  const auto parts = test::docx_parts(render::write_docx(doc::Document{}, doc::Style{}, {}));
  for (const char* name :
       {"[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/styles.xml",
        "word/numbering.xml", "word/settings.xml", "docProps/core.xml", "docProps/app.xml"}) {
    INFO(name);
    REQUIRE(parts.count(name) == 1);
    CHECK_NOTHROW(test::parse_xml(parts.at(name)));
  }
  const auto body = test::parse_xml(parts.at("word/document.xml"));
  CHECK(test::count_elements(*body, "w:sectPr") == 1);
}

TEST_CASE("control characters and bad UTF-8 in the metadata never reach the XML",
          "[docx][package][metadata]") {
  doc::Document d = test::minimal_document();
  d.meta.title = "Title" + test::all_c0_controls() + "\xff end & <x>";
  d.meta.author = "A\x01uthor";
  d.meta.header_left = "Left\x02";
  d.meta.footer = "\x03Page {page}";
  const auto parts = test::docx_parts(render::write_docx(d, doc::Style{}, {}));
  const auto core = test::parse_xml(parts.at("docProps/core.xml"));
  CHECK(test::first_text(*core, "dc:title") == "Title\t\n\xEF\xBF\xBD end & <x>");
  CHECK(test::first_text(*core, "dc:creator") == "Author");
  const auto header = test::parse_xml(parts.at("word/header1.xml"));
  CHECK(test::paragraph_texts(*header).front() == "Left");
}

TEST_CASE("a JPEG image becomes a .jpeg media part covered by a content-type default",
          "[docx][package][image]") {
  doc::Image jpeg;
  jpeg.name = "photo.jpg";
  jpeg.format = doc::ImageFormat::Jpeg;
  jpeg.data = std::string("\xFF\xD8\xFF\xC0\x00\x11\x08\x00\x10\x00\x20", 11);
  doc::Image unknown;
  unknown.data = "not an image";
  doc::Document d;
  d.blocks.push_back(doc::Block{jpeg});
  d.blocks.push_back(doc::Block{unknown});
  const auto parts = test::docx_parts(render::write_docx(d, doc::Style{}, {}));
  REQUIRE(parts.count("word/media/image1.jpeg") == 1);
  CHECK(parts.at("word/media/image1.jpeg") == jpeg.data);
  CHECK(parts.count("word/media/image2.jpeg") == 0);  // unknown format: left out
  const auto types = test::parse_xml(parts.at("[Content_Types].xml"));
  const auto defaults = test::attribute_values(*types, "Default", "Extension");
  CHECK(std::count(defaults.begin(), defaults.end(), "jpeg") == 1);
  const auto body = test::parse_xml(parts.at("word/document.xml"));
  // 32x16 px at 96 dpi = 24x12 pt
  CHECK(test::attribute_values(*body, "wp:extent", "cx") ==
        std::vector<std::string>{std::to_string(24 * 12700)});
}

