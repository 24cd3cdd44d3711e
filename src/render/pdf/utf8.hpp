// UTF-8 decoding and encoding for measuring and splitting text.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace plenary::render::pdf {

// Decodes the code point at `pos` and advances `pos`; malformed bytes give U+FFFD.
char32_t next_code_point(std::string_view text, std::size_t& pos);

// Appends the UTF-8 encoding of `cp` to `out`.
void append_utf8(std::string& out, char32_t cp);

// "U+00B5" for a code point.
std::string code_point_name(char32_t cp);

}  // namespace plenary::render::pdf
