#include <catch2/catch.hpp>

#include "core/utf8.hpp"

using plenary::core::clean;
using plenary::core::next_code_point;

namespace {
std::u32string decode(std::string_view s) {
  std::u32string out;
  for (std::size_t pos = 0; pos < s.size();) out += next_code_point(s, pos);
  return out;
}
}  // namespace

TEST_CASE("well-formed text decodes to its code points", "[core][utf8]") {
  CHECK(decode("a\xC2\xB5\xE2\x80\x94\xF0\x9F\x98\x80") == U"a\u00B5\u2014\U0001F600");
  CHECK(decode("Menделеев") == U"Menделеев");
}

TEST_CASE("each ill-formed subpart becomes one replacement character", "[core][utf8]") {
  // A lone continuation byte, a truncated 3-byte sequence, an overlong form, a surrogate,
  // a value above U+10FFFF and a lead byte that never starts a sequence.
  CHECK(decode("\x80") == U"\uFFFD");
  CHECK(decode("\xE2\x80x") == U"\uFFFDx");
  CHECK(decode("\xC0\xAF") == U"\uFFFD\uFFFD");
  CHECK(decode("\xED\xA0\x80") == U"\uFFFD\uFFFD\uFFFD");
  CHECK(decode("\xF4\x90\x80\x80") == U"\uFFFD\uFFFD\uFFFD\uFFFD");
  CHECK(decode("\xFF"
               "a") == U"\uFFFDa");
  CHECK(decode("\xE2\x80") == U"\uFFFD");
}

TEST_CASE("clean drops the characters no format may carry and keeps the rest", "[core][utf8]") {
  std::string all_c0;
  for (char c = 1; c < 0x20; ++c) all_c0 += c;
  CHECK(clean(all_c0) == "\t\n");
  CHECK(clean(std::string("a\0b", 3)) == "ab");
  CHECK(clean("x\x7F\xC2\x85y") == "xy");
  CHECK(clean("\xEF\xBF\xBE") == "");
  CHECK(clean("« Sèvres » — µ Ελληνικά") == "« Sèvres » — µ Ελληνικά");
  CHECK(clean("bad\xE2\x80 end") == "bad\xEF\xBF\xBD end");
}

TEST_CASE("append_utf8 round-trips every plane", "[core][utf8]") {
  for (char32_t cp : {U'a', U'\u00E9', U'\u20AC', U'\U00010348', U'\U0010FFFF'}) {
    std::string s;
    plenary::core::append_utf8(s, cp);
    std::size_t pos = 0;
    CHECK(next_code_point(s, pos) == cp);
    CHECK(pos == s.size());
  }
}
