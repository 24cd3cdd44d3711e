#include <catch2/catch.hpp>

#include "load/file_text.hpp"

using plenary::load::check_text;
using plenary::load::normalize_text;

TEST_CASE("a BOM is dropped and CRLF or CR become LF", "[load][text]") {
  CHECK(normalize_text("\xEF\xBB\xBFid: x\r\nname: y\r\n") == "id: x\nname: y\n");
  CHECK(normalize_text("a\rb\r\n\r\nc") == "a\nb\n\nc");
  CHECK(normalize_text("plain\n") == "plain\n");
  CHECK(normalize_text("mid\xEF\xBB\xBF") == "mid\xEF\xBB\xBF");  // only a leading BOM
}

TEST_CASE("clean utf-8 text has no problem", "[load][text]") {
  CHECK(check_text("name: Sèvres « » – µ Łódź Grüße\n").line == 0);
  CHECK(check_text("emoji: \xF0\x9F\x98\x80\n").line == 0);
  CHECK(check_text("").line == 0);
}

TEST_CASE("the first invalid utf-8 byte is reported at its line and byte column", "[load][text]") {
  auto p = check_text("a: ok\nname: Task gr\xFFoup\n");
  CHECK(p.line == 2);
  CHECK(p.col == 14);
  CHECK(p.message == "invalid utf-8 byte sequence");
  // é is two bytes, so the bad byte after it sits at byte column 4
  p = check_text("\xC3\xA9\xC3\x28");
  CHECK(p.line == 1);
  CHECK(p.col == 3);
}

TEST_CASE(
    "overlong forms, surrogates, truncated sequences and code points past U+10FFFF are invalid",
    "[load][text]") {
  CHECK(check_text("\xC0\xAF").line == 1);          // overlong '/'
  CHECK(check_text("\xE0\x80\xAF").line == 1);      // overlong
  CHECK(check_text("\xED\xA0\x80").line == 1);      // U+D800
  CHECK(check_text("\xF4\x90\x80\x80").line == 1);  // U+110000
  CHECK(check_text("ok \xE2\x82").col == 4);        // truncated at the end
  CHECK(check_text("\x80").line == 1);              // lone continuation byte
}

TEST_CASE("a nul byte is reported where it is", "[load][text]") {
  auto p = check_text(std::string("a: 1\nchair: A\0B\n", 15));
  CHECK(p.line == 2);
  CHECK(p.col == 9);
  CHECK(p.message == "file contains a nul byte");
}

TEST_CASE("other control characters are refused, tab and line feed are not", "[load][text]") {
  auto p = check_text("a: x\x07y\n");
  CHECK(p.line == 1);
  CHECK(p.col == 5);
  CHECK(p.message == "file contains the control character U+0007");
  CHECK(check_text("a: \x7F").message == "file contains the control character U+007F");
  CHECK(check_text("a: \xC2\x85").message == "file contains the control character U+0085");
  CHECK(check_text("a:\tb\n").line == 0);
}
