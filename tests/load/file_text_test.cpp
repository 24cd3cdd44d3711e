#include <catch2/catch.hpp>

#include <cstdint>
#include <string>
#include <vector>

#include "../random_mixture.hpp"
#include "core/utf8.hpp"
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

// ---- the fast paths (file_text.cpp's header comment) -----------------------------------------
// The byte-at-a-time versions the fast ones replaced, kept here as the reference.

namespace {

std::string normalize_reference(const std::string& bytes) {
  std::size_t start = 0;
  if (bytes.size() >= 3 && static_cast<unsigned char>(bytes[0]) == 0xEF &&
      static_cast<unsigned char>(bytes[1]) == 0xBB && static_cast<unsigned char>(bytes[2]) == 0xBF)
    start = 3;
  std::string out;
  for (std::size_t i = start; i < bytes.size(); ++i) {
    if (bytes[i] == '\r') {
      out += '\n';
      if (i + 1 < bytes.size() && bytes[i + 1] == '\n') ++i;
    } else {
      out += bytes[i];
    }
  }
  return out;
}

plenary::load::TextProblem check_reference(const std::string& text) {
  int line = 1, col = 1;
  for (std::size_t pos = 0; pos < text.size();) {
    const std::size_t start = pos;
    bool valid = true;
    const char32_t cp = plenary::core::next_code_point(text, pos, &valid);
    if (!valid) return {line, col, "invalid utf-8 byte sequence"};
    if (cp == 0) return {line, col, "file contains a nul byte"};
    if (plenary::core::is_forbidden(cp))
      return {line, col, "file contains the control character " + plenary::core::code_point_name(cp)};
    if (cp == '\n') {
      ++line;
      col = 1;
    } else {
      col += static_cast<int>(pos - start);
    }
  }
  return {};
}

}  // namespace

TEST_CASE("the fast paths give what the byte-at-a-time versions gave", "[load][text]") {
  // Pieces a data file is made of, and the ones that go wrong: long ASCII runs, line ends of
  // every kind, tabs, BOMs, accented letters, 3- and 4-byte characters, controls, a nul,
  // truncated and invalid sequences.
  const std::vector<std::string> pieces = {
      "title: ",   "Task group on reference materials", "\n",   "\r\n",  "\r",   "\t",
      "  - ",      "S\xC3\xA8vres",                     "\xC2\xB5", "\xE2\x80\x94", "\xF0\x9F\x98\x80",
      "\xEF\xBB\xBF", "\x07",                          std::string(1, '\0'), "\x7F", "\xC2\x85",
      "\xFF",      "\xE2\x82",                          "\xED\xA0\x80", "\xEF\xBF\xBE", "\x80",
      "x",         "1234567890",                        ": ",   "# comment"};
  plenary::test::Mixture mix(12345);
  for (int round = 0; round < 20000; ++round) {
    std::string text;
    const std::uint32_t count = mix.next(24);
    for (std::uint32_t i = 0; i < count; ++i) {
      // Mostly clean text, so that problems come late in the string as they do in files.
      std::uint32_t k =
          mix.next(100) < 90 ? mix.next(11) : mix.next(static_cast<std::uint32_t>(pieces.size()));
      if (round % 2 == 0 && k >= 11) k = 21;  // half the strings clean throughout
      text += pieces[k];
    }
    INFO("text: " << text);
    REQUIRE(normalize_text(text) == normalize_reference(text));
    const auto fast = check_text(text);
    const auto reference = check_reference(text);
    REQUIRE(fast.line == reference.line);
    REQUIRE(fast.col == reference.col);
    REQUIRE(fast.message == reference.message);
    const std::string normalized = normalize_text(text);
    const auto after = check_text(normalized);
    const auto after_reference = check_reference(normalized);
    REQUIRE(after.line == after_reference.line);
    REQUIRE(after.col == after_reference.col);
    REQUIRE(after.message == after_reference.message);
  }
}
