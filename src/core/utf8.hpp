// UTF-8 for every stage: one decoder (Poco::UTF8Encoding underneath), one cleaner.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace plenary::core {

inline constexpr char32_t kReplacement = 0xFFFD;

// Decodes the code point at `pos` and advances `pos` past it. An ill-formed sequence gives
// U+FFFD and advances past its maximal subpart (the lead byte and the continuation bytes that
// were still valid), as WHATWG decoders do; `valid`, when given, says which happened.
char32_t next_code_point(std::string_view text, std::size_t& pos, bool* valid = nullptr);

// Appends the UTF-8 encoding of `cp` (a Unicode scalar value) to `out`.
void append_utf8(std::string& out, char32_t cp);

// True for characters that no output format may carry as text: C0 controls other than tab and
// line feed (so carriage return too), DEL, C1 controls, and the noncharacters U+FFFE and U+FFFF.
bool is_forbidden(char32_t cp);

// Well-formed UTF-8 (ill-formed parts become U+FFFD) without forbidden characters.
std::string clean(std::string_view text);

// "U+00B5" for a code point.
std::string code_point_name(char32_t cp);

}  // namespace plenary::core
