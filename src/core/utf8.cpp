#include "core/utf8.hpp"

#include "core/ascii_run.hpp"

#include <Poco/UTF8Encoding.h>

#include <algorithm>
#include <cstdio>
#include <cstring>

namespace plenary::core {

namespace {

const Poco::UTF8Encoding& encoding() {
  static const Poco::UTF8Encoding instance;
  return instance;
}

const unsigned char* bytes(std::string_view text, std::size_t pos) {
  return reinterpret_cast<const unsigned char*>(text.data()) + pos;
}

// The number of bytes of the ill-formed sequence at `pos` to replace by one U+FFFD: the lead
// byte and each following byte while the prefix stays legal.
std::size_t maximal_subpart(std::string_view text, std::size_t pos, std::size_t expected) {
  if (expected > 4) expected = 4;
  std::size_t n = 1;
  while (n < expected && pos + n < text.size() &&
         (static_cast<unsigned char>(text[pos + n]) & 0xC0) == 0x80) {
    // A prefix of length n+1 is still legal when the complete-length check would only fail
    // for lack of bytes: test it by padding with a continuation byte.
    unsigned char probe[4] = {0x80, 0x80, 0x80, 0x80};
    std::memcpy(probe, text.data() + pos, std::min(n + 1, sizeof probe));
    if (!Poco::UTF8Encoding::isLegal(probe, static_cast<int>(expected))) break;
    ++n;
  }
  return n;
}

}  // namespace

char32_t next_code_point(std::string_view text, std::size_t& pos, bool* valid) {
  const unsigned char lead = static_cast<unsigned char>(text[pos]);
  if (lead < 0x80) {
    ++pos;
    if (valid) *valid = true;
    return lead;
  }
  const std::size_t available = text.size() - pos;
  const int length = encoding().sequenceLength(bytes(text, pos), static_cast<int>(available));
  if (length >= 2 && length <= 4 && static_cast<std::size_t>(length) <= available &&
      Poco::UTF8Encoding::isLegal(bytes(text, pos), length)) {
    const int cp = encoding().queryConvert(bytes(text, pos), length);
    if (cp >= 0) {
      pos += static_cast<std::size_t>(length);
      if (valid) *valid = true;
      return static_cast<char32_t>(cp);
    }
  }
  pos +=
      length >= 2 && length <= 4 ? maximal_subpart(text, pos, static_cast<std::size_t>(length)) : 1;
  if (valid) *valid = false;
  return kReplacement;
}

void append_utf8(std::string& out, char32_t cp) {
  unsigned char buffer[4];
  const int n = encoding().convert(static_cast<int>(cp), buffer, 4);
  out.append(reinterpret_cast<const char*>(buffer), static_cast<std::size_t>(n > 0 ? n : 0));
}

bool is_forbidden(char32_t cp) {
  if (cp < 0x20) return cp != '\t' && cp != '\n';
  return (cp >= 0x7F && cp <= 0x9F) || cp == 0xFFFE || cp == 0xFFFF;
}

// Every template value passes through here (23,600 values, 1.5 MB, in a forced K=4 build):
// it went a byte at a time, 18 M instructions; printable ASCII is now skipped eight bytes at a
// time (core/ascii_run.hpp) and a value that needs no change is copied once. Held equal to
// the byte-at-a-time version by tests/core/utf8_test.cpp ("clean's fast path").
std::string clean(std::string_view text) {
  const auto plain_ascii = [](unsigned char c) {
    return (c >= 0x20 && c < 0x7F) || c == '\t' || c == '\n';
  };
  std::string out;
  std::size_t run = 0;  // start of the run of characters kept as they are, copied in one go
  for (std::size_t pos = 0; pos < text.size();) {
    pos = printable_ascii_end(text.data(), pos, text.size());
    if (pos == text.size()) break;
    if (plain_ascii(static_cast<unsigned char>(text[pos]))) {
      ++pos;
      continue;
    }
    const std::size_t start = pos;
    bool valid = true;
    const char32_t cp = next_code_point(text, pos, &valid);
    if (valid && !is_forbidden(cp)) continue;
    if (out.empty()) out.reserve(text.size());
    out.append(text.substr(run, start - run));
    if (!valid) append_utf8(out, kReplacement);
    run = pos;
  }
  if (run == 0) return std::string(text);  // nothing changed
  out.append(text.substr(run));
  return out;
}

std::string code_point_name(char32_t cp) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "U+%04X", static_cast<unsigned>(cp));
  return buffer;
}

}  // namespace plenary::core
