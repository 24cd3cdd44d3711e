// Text showing written straight into a page's content stream. HPDF_Page_TextOut writes
// "x y Td" and "<hex> Tj", and for every character of every run it decodes the UTF-8,
// looks up the width (to advance its own text position) and hex-encodes the 2-byte code:
// in a K=4 briefing pack that was 15 % of the PDF writer's instructions, and the hex doubled
// the bytes libharu then deflates at its fixed level (another 15 %). This writes the same
// operators with the same numbers (libharu's own number formatting, the same relative moves),
// but with the 2-byte codes as a binary literal string. The codes are the ones libharu's
// UTF-8 encoder gives (the code point; a character above U+FFFF becomes U+0020), so the
// font's CIDToGIDMap and ToUnicode CMap read them unchanged.
#pragma once

#include <hpdf.h>

#include <string>
#include <string_view>

namespace plenary::render::pdf {

// The 2-byte codes of `text` (UTF-8) appended to `out` as the bytes of a PDF literal string
// without its parentheses: ( ) \ escaped, CR and LF as \r and \n.
void append_codes(std::string& out, std::string_view text);

// What HPDF_Page_TextOut(page, x, y, text) writes, inside a text object with the font set:
// the move relative to the current line start, then the string unless `shown` is false
// (libharu leaves out the string of a run whose width is zero, e.g. only combining marks,
// but still moves). Keeps the page's text matrix as libharu would; a failed write reaches
// the document's error handler. `scratch` is reused.
void text_out(HPDF_Page page, float x, float y, std::string_view text, bool shown,
              std::string& scratch);

}  // namespace plenary::render::pdf
