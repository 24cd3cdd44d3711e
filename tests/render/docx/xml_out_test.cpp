// Text cleaning for XML: controls dropped, ill-formed UTF-8 replaced, good text untouched.
#include <catch2/catch.hpp>

#include "docx_reader.hpp"
#include "render/docx/xml_out.hpp"
#include "sample_document.hpp"
#include "text/utf8.hpp"

constexpr auto clean_text = &plenary::text::clean;  // what every XML text goes through

TEST_CASE("C0 controls other than tab and newline are dropped", "[docx][text]") {
  CHECK(clean_text("a" + plenary::test::all_c0_controls() + "b") == "a\t\nb");
  CHECK(clean_text(std::string("x\0y", 3)) == "xy");
  CHECK(clean_text("\x7f\xc2\x80\xc2\x9f") == "");  // DEL and C1 controls
}

TEST_CASE("ill-formed UTF-8 becomes U+FFFD and the next character survives", "[docx][text]") {
  const std::string fffd = "\xEF\xBF\xBD";
  CHECK(clean_text("a\xff"
                   "b") == "a" + fffd + "b");
  CHECK(clean_text("\xc3(") == fffd + "(");
  CHECK(clean_text("\xc0\xaf") == fffd + fffd);                    // overlong '/'
  CHECK(clean_text("\xed\xa0\x80z") == fffd + fffd + fffd + "z");  // a surrogate
  CHECK(clean_text("end\xe2\x82") == "end" + fffd);                // truncated at the end
  CHECK(clean_text("\xef\xbf\xbe\xef\xbf\xbf") == "");  // U+FFFE, U+FFFF are not XML characters
}

TEST_CASE("well-formed text is kept byte for byte", "[docx][text]") {
  const std::string good = "& < > \" ' « » — µ Ελληνικά Менделеев Główny Urząd Miar 😀";
  CHECK(clean_text(good) == good);
}

TEST_CASE("the XML writer escapes markup characters in text and attributes", "[docx][text]") {
  plenary::render::docx::XmlOut x;
  x.open("root", {{"a", "x\"<&>'\x01y"}});
  x.text("1 < 2 && 3 > 2 ]]> \x02");
  x.close("root");
  const std::string xml = x.finish();
  const auto doc = plenary::test::parse_xml(xml);
  CHECK(doc->documentElement()->getAttribute("a") == "x\"<&>'y");
  CHECK(doc->documentElement()->innerText() == "1 < 2 && 3 > 2 ]]> ");
}
