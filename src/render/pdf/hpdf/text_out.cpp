#include "render/pdf/hpdf/text_out.hpp"

#include <hpdf_pages.h>
#include <hpdf_utils.h>

namespace plenary::render::pdf {

namespace {

// One byte of a literal string at `out`; returns the position after it.
char* put_byte(char* out, unsigned char byte) {
  switch (byte) {
    case '(':
    case ')':
    case '\\':
      *out++ = '\\';
      *out++ = static_cast<char>(byte);
      return out;
    case '\r':
      *out++ = '\\';
      *out++ = 'r';
      return out;
    case '\n':
      *out++ = '\\';
      *out++ = 'n';
      return out;
    default:
      *out++ = static_cast<char>(byte);
      return out;
  }
}

// libharu's own formatting of a number in a content stream (at most five decimals).
void append_real(std::string& out, HPDF_REAL value) {
  char buffer[32] = {};
  const char* end = HPDF_FToA(buffer, value, buffer + sizeof buffer - 1);
  out.append(buffer, static_cast<std::size_t>(end - buffer));
}

}  // namespace

void append_codes(std::string& out, std::string_view text) {
  // Room for the worst case: an input byte gives at most four output bytes (an ASCII
  // character three, a two-byte character its two code bytes escaped).
  const std::size_t start = out.size();
  out.resize(start + 4 * text.size());
  char* o = &out[start];
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const auto* end = p + text.size();
  while (p < end) {
    char32_t cp = *p;
    if (cp < 0x80) {  // ASCII: a zero byte and the character
      ++p;
      *o++ = '\0';
      o = put_byte(o, static_cast<unsigned char>(cp));
      continue;
    }
    // The text is valid UTF-8 (layout cleaned it); decoded as libharu's UTF-8 encoder does.
    int extra = 0;
    if (cp >= 0xF0) {
      cp &= 0x07;
      extra = 3;
    } else if (cp >= 0xE0) {
      cp &= 0x0F;
      extra = 2;
    } else if (cp >= 0xC0) {
      cp &= 0x1F;
      extra = 1;
    }
    ++p;
    for (; extra > 0 && p < end; --extra, ++p) cp = (cp << 6) | (*p & 0x3F);
    if (cp > 0xFFFF) cp = 0x20;  // libharu's encoder sets these as a space code
    o = put_byte(o, static_cast<unsigned char>(cp >> 8));
    o = put_byte(o, static_cast<unsigned char>(cp & 0xFF));
  }
  out.resize(static_cast<std::size_t>(o - out.data()));
}

void text_out(HPDF_Page page, float x, float y, std::string_view text, bool shown,
              std::string& scratch) {
  auto* attr = static_cast<HPDF_PageAttr>(page->attr);
  HPDF_TransMatrix& m = attr->text_matrix;
  // HPDF_Page_TextOut: the move relative to the line start (the text matrix has no scale or
  // rotation here), in libharu's float arithmetic, so the numbers match to the digit.
  const HPDF_REAL dx = x - m.x;
  const HPDF_REAL dy = y - m.y;
  scratch.clear();
  append_real(scratch, dx);
  scratch += ' ';
  append_real(scratch, dy);
  scratch += " Td\012";
  m.x += dx * m.a + dy * m.c;
  m.y += dy * m.d + dx * m.b;
  attr->text_pos.x = m.x;
  attr->text_pos.y = m.y;
  if (shown && !text.empty()) {
    scratch += '(';
    append_codes(scratch, text);
    scratch += ") Tj\012";
  }
  if (HPDF_Stream_Write(attr->stream, reinterpret_cast<const HPDF_BYTE*>(scratch.data()),
                        static_cast<HPDF_UINT>(scratch.size())) != HPDF_OK) {
    HPDF_CheckError(page->error);  // reaches the document's error handler, as libharu's calls do
  }
}

}  // namespace plenary::render::pdf
