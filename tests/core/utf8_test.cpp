#include <catch2/catch.hpp>

#include <cstdint>
#include <string>
#include <vector>

#include "../random_mixture.hpp"
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

// ---- clean's fast path (utf8.cpp) ------------------------------------------------------------
TEST_CASE("clean's fast path gives what the byte-at-a-time version gave", "[core][utf8]") {
  const auto reference = [](std::string_view text) {  // the version before the fast path
    std::string out;
    std::size_t run = 0;
    for (std::size_t pos = 0; pos < text.size();) {
      const auto c = static_cast<unsigned char>(text[pos]);
      if ((c >= 0x20 && c < 0x7F) || c == '\t' || c == '\n') {
        ++pos;
        continue;
      }
      const std::size_t start = pos;
      bool valid = true;
      const char32_t cp = plenary::core::next_code_point(text, pos, &valid);
      if (valid && !plenary::core::is_forbidden(cp)) continue;
      out.append(text.substr(run, start - run));
      if (!valid) plenary::core::append_utf8(out, plenary::core::kReplacement);
      run = pos;
    }
    out.append(text.substr(run));
    return out;
  };
  // Every byte value at every offset of an eight-byte word, amid ASCII.
  for (int byte = 0; byte < 256; ++byte) {
    for (std::size_t at = 0; at < 20; ++at) {
      std::string text(20, 'a');
      text[at] = static_cast<char>(byte);
      INFO("byte " << byte << " at " << at);
      REQUIRE(clean(text) == reference(text));
    }
  }
  // Random mixtures of the pieces values are made of.
  const std::vector<std::string> pieces = {
      "Task group on reference materials ", "x", "\n", "\t", "\r", "\x7F", "\x1F", "\x20",
      "\x7E", std::string(1, '\0'), "S\xC3\xA8vres", "\xC2\x85", "\xE2\x80\x94", "\xEF\xBF\xBE",
      "\xF0\x9F\x98\x80", "\xFF", "\xE2\x82", "\x80", "0123456789abcdef"};
  plenary::test::Mixture mix(2026);
  for (int round = 0; round < 20000; ++round) {
    std::string text;
    const std::uint32_t count = mix.next(16);
    for (std::uint32_t i = 0; i < count; ++i) text += mix.pick(pieces);
    INFO("text: " << text);
    REQUIRE(clean(text) == reference(text));
  }
}
