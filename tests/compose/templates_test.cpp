// load_templates: the override rule, style.yaml, the fixed texts and the logo, with errors at
// the file and line where they are.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <algorithm>
#include <fstream>

#include "fixture.hpp"

using namespace plenary;
namespace fs = std::filesystem;

namespace {

const fs::path kRepo = fs::path(PLENARY_SOURCE_DIR) / "templates";

// A fresh folder per test, under the system temp folder.
struct TempFolder {
  fs::path path;
  explicit TempFolder(const std::string& name) {
    path =
        fs::temp_directory_path() / ("plenary-compose-" + name + "-" + std::to_string(::getpid()));
    fs::remove_all(path);
    fs::create_directories(path / "i18n");
  }
  ~TempFolder() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
  // How diagnostics name a file of this folder when it comes first: relative to the data root.
  std::string shown(const std::string& name) const {
    return (path.filename() / name).generic_string();
  }
  void write(const std::string& name, const std::string& text) const {
    fs::create_directories((path / name).parent_path());
    std::ofstream(path / name, std::ios::binary) << text;
  }
};

std::vector<std::string> messages(const Diagnostics& diags) {
  std::vector<std::string> out;
  for (const auto& d : diags.items()) out.push_back(format(d));
  return out;
}

}  // namespace

TEST_CASE("the repository's templates load in English and French", "[compose][templates]") {
  for (const auto lang : {compose::Lang::En, compose::Lang::Fr}) {
    Diagnostics diags;
    const auto set = compose::load_templates({kRepo}, lang, diags);
    INFO((messages(diags).empty() ? std::string() : messages(diags).front()));
    REQUIRE(set);
    CHECK(diags.empty());
    CHECK(set->files.count("agenda.md"));
    CHECK(set->files.count("briefing-pack.md"));
    CHECK(set->files.count("task-group-report.md"));
    CHECK(set->files.count("partials/agenda-body.md"));
    REQUIRE(set->logo);
    CHECK(set->logo->format == doc::ImageFormat::Png);
    CHECK(set->logo->width_pt / set->logo->height_pt == Approx(3.0));  // 360 x 120 px
  }
}

TEST_CASE("English and French fixed texts have the same keys", "[compose][templates][i18n]") {
  Diagnostics diags;
  const auto en = compose::load_templates({kRepo}, compose::Lang::En, diags);
  const auto fr = compose::load_templates({kRepo}, compose::Lang::Fr, diags);
  REQUIRE(en);
  REQUIRE(fr);
  std::vector<std::string> en_keys, fr_keys;
  for (const auto& [k, v] : en->texts) en_keys.push_back(k);
  for (const auto& [k, v] : fr->texts) fr_keys.push_back(k);
  CHECK(en_keys == fr_keys);
  CHECK(en->texts.at("footer") == "Page {page} of {pages}");
  CHECK(fr->texts.at("footer") == "Page {page} sur {pages}");
  CHECK(fr->texts.at("months.4") == "avril");
}

TEST_CASE("a file in an earlier folder overrides the same file in a later one",
          "[compose][templates]") {
  TempFolder own("override");
  own.write("agenda.md", "# Our own agenda\n");
  own.write("style.yaml", "fonts: {body: Liberation Serif}\npage: {size: Letter}\n");
  Diagnostics diags;
  const auto set = compose::load_templates({own.path, kRepo}, compose::Lang::En, diags);
  REQUIRE(set);
  CHECK(set->files.at("agenda.md") == "# Our own agenda\n");
  CHECK(set->file_paths.at("agenda.md") == own.shown("agenda.md"));
  CHECK(set->file_paths.at("briefing-pack.md") == (kRepo / "briefing-pack.md").generic_string());
  CHECK(set->style.body_font == "Liberation Serif");
  CHECK(set->style.page_width_pt == Approx(612));
  CHECK_FALSE(set->logo);  // the overriding style.yaml names no logo
}

TEST_CASE("style.yaml sets page, margins, fonts, sizes and colours",
          "[compose][templates][style]") {
  TempFolder own("style");
  own.write("style.yaml",
            "page:\n  size: {width: 100mm, height: 2in}\n  margins: {top: 1cm, bottom: 10pt, left: "
            "12, right: 5mm}\n"
            "sizes: {body: 11, heading: [20, 15, 12]}\ncolors: {heading: \"#FF8000\"}\n"
            "header: {left: \"{committee}\", right: \"{title}\"}\n");
  Diagnostics diags;
  const auto set = compose::load_templates({own.path, kRepo}, compose::Lang::En, diags);
  REQUIRE(set);
  CHECK(set->style.page_width_pt == Approx(283.4646));
  CHECK(set->style.page_height_pt == Approx(144));
  CHECK(set->style.margin_top_pt == Approx(28.34646));
  CHECK(set->style.margin_bottom_pt == Approx(10));
  CHECK(set->style.margin_left_pt == Approx(12));
  CHECK(set->style.body_size_pt == Approx(11));
  CHECK(set->style.heading_size_pt[0] == Approx(20));
  CHECK(set->style.heading_color.r == Approx(1.0));
  CHECK(set->style.heading_color.g == Approx(128 / 255.0));
  CHECK(set->header_left == "{committee}");
}

TEST_CASE("style.yaml's spacing, lists, contents, images and cover keys; derived defaults",
          "[compose][templates][style]") {
  SECTION("not given: derived from the sizes as the PDF computed them") {
    TempFolder own("style-derived");
    own.write("style.yaml",
              "sizes: {heading: [20, 15, 12], title: 30, paragraph_space: 10}\n"
              "colors: {text: \"#102030\"}\n");
    Diagnostics diags;
    const auto set = compose::load_templates({own.path, kRepo}, compose::Lang::En, diags);
    REQUIRE(set);
    const doc::Style& s = set->style;
    CHECK(s.heading_space_before_pt[0] == Approx(26));
    CHECK(s.heading_space_before_pt[1] == Approx(15));
    CHECK(s.heading_space_after_pt[2] == Approx(5.4));
    CHECK(s.title_space_after_pt == Approx(13.5));
    CHECK(s.list_item_space_pt == Approx(4));
    CHECK(s.list_space_after_pt == Approx(6));
    CHECK(s.table_space_after_pt == Approx(15));
    CHECK(s.subtitle_color.b == Approx(0x30 / 255.0));  // follows the text colour
    CHECK(s.list_indent_pt == Approx(18));
    CHECK(s.bullets[1] == "\u2013");
  }
  SECTION("given") {
    TempFolder own("style-layout");
    own.write("style.yaml",
              "spacing: {heading_before: [30, 20, 10], heading_after: [0, 1, 2], title_after: 5,"
              " subtitle_after: 6, list_item: 1, list_after: 2, table_after: 3}\n"
              "lists: {indent: 10mm, bullets: [\"-\", \"*\", \"+\"]}\n"
              "contents: {indent: 20pt}\nimages: {dpi: 144, fallback_width: 2in}\n"
              "cover: {top: 0.5}\nsizes: {code: 0.8}\ncolors: {subtitle: \"#FF0000\"}\n");
    Diagnostics diags;
    const auto set = compose::load_templates({own.path, kRepo}, compose::Lang::En, diags);
    REQUIRE(set);
    const doc::Style& s = set->style;
    CHECK(s.heading_space_before_pt[0] == Approx(30));
    CHECK(s.heading_space_after_pt[0] == Approx(0));
    CHECK(s.title_space_after_pt == Approx(5));
    CHECK(s.table_space_after_pt == Approx(3));
    CHECK(s.list_indent_pt == Approx(28.34646));
    CHECK(s.bullets[2] == "+");
    CHECK(s.contents_indent_pt == Approx(20));
    CHECK(s.image_dpi == Approx(144));
    CHECK(s.image_fallback_width_pt == Approx(144));
    CHECK(s.cover_top_fraction == Approx(0.5));
    CHECK(s.code_size_ratio == Approx(0.8));
    CHECK(s.subtitle_color.r == Approx(1.0));
    CHECK(s.subtitle_color.g == Approx(0.0));
  }
  SECTION("wrong values are errors at their position") {
    TempFolder own("style-layout-errors");
    own.write("style.yaml", "spacing: {heading_before: [1, 2]}\ncover: {top: 1.5}\n");
    Diagnostics diags;
    CHECK_FALSE(compose::load_templates({own.path, kRepo}, compose::Lang::En, diags));
    CHECK(diags.error_count() == 2);
  }
}

TEST_CASE("errors in style.yaml point at the file, line and column",
          "[compose][templates][errors]") {
  TempFolder own("style-errors");
  own.write("style.yaml",
            "page:\n  size: A4\ncolors:\n  heading: blue\nfontz: {}\nsizes: {body: -3}\n");
  Diagnostics diags;
  CHECK_FALSE(compose::load_templates({own.path, kRepo}, compose::Lang::En, diags));
  diags.sort();
  const std::string path = own.shown("style.yaml");
  CHECK(
      messages(diags) ==
      std::vector<std::string>{
          path +
              ":4:12: error: invalid colour 'blue' (hint: write a hex colour such as \"#003373\")",
          path + ":5:1: error: unknown key 'fontz' (hint: did you mean 'fonts'?)",
          path + ":6:15: error: expected a positive number"});
}

TEST_CASE("a YAML syntax error in the fixed texts names the file and line",
          "[compose][templates][errors]") {
  TempFolder own("i18n-syntax");
  own.write("i18n/en.yaml", "language: en\nfooter: [unclosed\n");
  Diagnostics diags;
  CHECK_FALSE(compose::load_templates({own.path, kRepo}, compose::Lang::En, diags));
  REQUIRE(diags.error_count() == 1);
  CHECK(diags.items().front().pos.path == own.shown("i18n/en.yaml"));
  CHECK(diags.items().front().pos.line == 3);
}

TEST_CASE("fixed texts missing from an overriding i18n file are named",
          "[compose][templates][errors]") {
  TempFolder own("i18n-missing");
  own.write("i18n/fr.yaml", "language: fr\n");
  Diagnostics diags;
  CHECK_FALSE(compose::load_templates({own.path, kRepo}, compose::Lang::Fr, diags));
  const auto all = messages(diags);
  CHECK(std::find(all.begin(), all.end(),
                  own.shown("i18n/fr.yaml") + ": error: missing fixed text 'footer'") != all.end());
}

TEST_CASE("a template found in no folder is an error", "[compose][templates][errors]") {
  TempFolder own("missing");
  Diagnostics diags;
  CHECK_FALSE(compose::load_templates({own.path}, compose::Lang::En, diags));
  const auto all = messages(diags);
  CHECK(std::find(all.begin(), all.end(),
                  own.shown("agenda.md") +
                      ": error: template file 'agenda.md' not found "
                      "(hint: looked in " +
                      own.path.generic_string() + ")") != all.end());
}

TEST_CASE("a JPEG logo is measured from its header", "[compose][templates][logo]") {
  TempFolder own("jpeg");
  // SOI, an APP0 segment, then SOF0 with height 50 and width 200.
  const std::string jpeg(
      "\xFF\xD8\xFF\xE0\x00\x04\x00\x00\xFF\xC0\x00\x11\x08\x00\x32\x00\xC8\x03"
      "\x01\x22\x00\x02\x11\x01\x03\x11\x01\xFF\xD9",
      29);
  own.write("brand.jpg", jpeg);
  own.write("style.yaml", "logo: {file: brand.jpg, width: 100mm, header_height: 10pt}\n");
  Diagnostics diags;
  const auto set = compose::load_templates({own.path, kRepo}, compose::Lang::En, diags);
  REQUIRE(set);
  REQUIRE(set->logo);
  CHECK(set->logo->format == doc::ImageFormat::Jpeg);
  CHECK(set->logo->name == "brand.jpg");
  CHECK(set->logo->height_pt == Approx(set->logo->width_pt / 4));
  REQUIRE(set->header_logo);
  CHECK(set->header_logo->height_pt == Approx(10));
  CHECK(set->header_logo->width_pt == Approx(40));
}

TEST_CASE("a logo that is not an image, or not there, is an error", "[compose][templates][logo]") {
  TempFolder own("bad-logo");
  own.write("logo.png", "not a png at all");
  own.write("style.yaml", "logo: logo.png\n");
  Diagnostics diags;
  CHECK_FALSE(compose::load_templates({own.path, kRepo}, compose::Lang::En, diags));
  CHECK(messages(diags) ==
        std::vector<std::string>{own.shown("logo.png") +
                                 ": error: the logo is neither a PNG nor a JPEG image"});
  own.write("style.yaml", "\nlogo: {file: gone.png}\n");
  Diagnostics again;
  CHECK_FALSE(compose::load_templates({own.path, kRepo}, compose::Lang::En, again));
  CHECK(messages(again) == std::vector<std::string>{own.shown("style.yaml") +
                                                    ":2:7: error: logo file 'gone.png' not found"});
}

TEST_CASE("a byte-order mark at the start of a template or text file is dropped",
          "[compose][templates]") {
  TempFolder own("bom");
  own.write("agenda.md", "\xEF\xBB\xBF# Agenda\n");
  own.write("style.yaml",
            "\xEF\xBB\xBF"
            "fonts: {body: Liberation Sans}\n");
  Diagnostics diags;
  const auto set = compose::load_templates({own.path, kRepo}, compose::Lang::En, diags);
  REQUIRE(set);
  CHECK(set->files.at("agenda.md") == "# Agenda\n");
  CHECK(set->style.body_font == "Liberation Sans");
}
