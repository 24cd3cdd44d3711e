// Text cleaning for XML (controls dropped, ill-formed UTF-8 replaced, good text untouched) and
// the XML writer: the bytes Poco::XML::XMLWriter wrote, escaping, and the open/close check.
#include <catch2/catch.hpp>

#include "docx_reader.hpp"
#include "render/docx/xml_out.hpp"
#include "sample_document.hpp"
#include "core/utf8.hpp"

#include <stdexcept>
#include <string>

constexpr auto clean_text = &plenary::core::clean;  // what every XML text goes through

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

namespace {
constexpr const char* kDecl = R"(<?xml version="1.0" encoding="UTF-8"?>)";
}

TEST_CASE("every special character in text is written as Poco's XMLWriter wrote it",
          "[docx][xml]") {
  plenary::render::docx::XmlOut x;
  x.open("r");
  x.text(std::string("&<>\"'\t\n\r\x01\x1f\x7f\xc2\x85 a]]>b \xc3\xa9\xff.", 24));
  x.close("r");
  // & < > " escaped, ' tab newline kept; CR, C0, DEL, C1 dropped; bad UTF-8 becomes U+FFFD.
  CHECK(x.finish() ==
        std::string(kDecl) + "<r>&amp;&lt;&gt;&quot;'\t\n a]]&gt;b \xc3\xa9\xef\xbf\xbd.</r>");
}

TEST_CASE("every special character in an attribute value is escaped", "[docx][xml]") {
  plenary::render::docx::XmlOut x;
  x.leaf("r", {{"v", "&<>\"'\t\n\r\x02z\xe2\x82"}});
  CHECK(x.finish() ==
        std::string(kDecl) + "<r v=\"&amp;&lt;&gt;&quot;'&#x9;&#xA;z\xef\xbf\xbd\"/>");
}

TEST_CASE("attributes are sorted by name and a repeated name keeps its last value", "[docx][xml]") {
  plenary::render::docx::XmlOut x;
  const std::string temp = "t";
  x.open("w:r", {{"z", "1"}, {"xmlns:w", "u"}, {"b", "1"}, {"B", temp + "3"}, {"b", "2"}});
  x.leaf("e", {{"k", std::to_string(42)}});
  x.close("w:r");
  CHECK(x.finish() ==
        std::string(kDecl) + R"(<w:r B="t3" b="2" xmlns:w="u" z="1"><e k="42"/></w:r>)");
}

TEST_CASE("empty elements are written <x/>, also when their text cleans to nothing",
          "[docx][xml]") {
  plenary::render::docx::XmlOut x;
  x.open("a");
  x.open("b");
  x.close("b");
  x.element("c", "\x01\x02");
  x.element("d", "");
  x.element("e", "t", {{"k", "v"}});
  x.text("\x03");
  x.close("a");
  CHECK(x.finish() == std::string(kDecl) + R"(<a><b/><c/><d/><e k="v">t</e></a>)");
}

TEST_CASE("a close that does not match the open element is a programming error", "[docx][xml]") {
  using plenary::render::docx::XmlOut;
  {
    XmlOut x;
    x.open("a");
    x.open("b");
    CHECK_THROWS_AS(x.close("a"), std::logic_error);
  }
  {
    XmlOut x;
    CHECK_THROWS_AS(x.close("a"), std::logic_error);
  }
  {
    XmlOut x;
    x.open("a");
    CHECK_THROWS_AS(x.finish(), std::logic_error);
  }
  {
    XmlOut x;
    x.leaf("a");
    CHECK_THROWS_AS(x.leaf("b"), std::logic_error);  // a second root element
  }
  {
    XmlOut x;
    CHECK_THROWS_AS(x.finish(), std::logic_error);  // no root element
  }
}

TEST_CASE("a fragment written apart is spliced where offset() was taken", "[docx][xml]") {
  using plenary::render::docx::XmlOut;
  XmlOut x;
  x.open("a");
  x.leaf("b");
  const std::size_t first = x.offset();
  x.leaf("c");
  x.open("d");
  const std::size_t second = x.offset();  // the pending start tag of d is closed
  x.close("d");
  x.close("a");
  XmlOut fragment(XmlOut::Fragment{});
  fragment.open("t");
  fragment.text("1 < 2");
  fragment.close("t");
  fragment.leaf("u");  // a fragment may have several top-level elements
  const std::string markup = fragment.finish();
  CHECK(markup == "<t>1 &lt; 2</t><u/>");
  x.insert(second, markup);  // the later offset first: the earlier one stays valid
  x.insert(first, markup);
  CHECK(x.finish() == std::string(kDecl) + "<a><b/>" + markup + "<c/><d>" + markup + "</d></a>");
  CHECK(XmlOut(XmlOut::Fragment{}).finish().empty());
}
