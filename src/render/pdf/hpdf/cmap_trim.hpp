// A speed measure for libharu's UTF-8 fonts: libharu maps all 65,536 BMP code points through
// the font's cmap (a linear search over its segments) every time it adds a TrueType font to a
// document, and writes a width for each of them. Giving the font, before it is added, a cmap
// that holds only the characters the document draws with it keeps the same glyphs and
// widths for those characters and drops the rest from the /W array and CIDToGIDMap.
#pragma once

#include <hpdf.h>

#include <string>
#include <vector>

namespace plenary::render::pdf {

// Replaces the format-4 cmap of a loaded TrueType font definition by one mapping only `used`
// (sorted, unique; code points above the BMP are ignored) to the glyphs the original mapped
// them to. Leaves the font as it is when its cmap is not format 4.
void restrict_cmap(HPDF_FontDef font_def, const std::vector<char32_t>& used);

// libharu writes a CIDToGIDMap of all 65,536 codes (128 KB, nearly all zeros once the cmap is
// restricted) for each font; a code past the end of the map has no glyph, as a zero entry has,
// so the map of a Type0 font from HPDF_GetFont is cut after its last non-zero entry.
void trim_cid_to_gid_map(HPDF_Font font);

// libharu's ToUnicode CMap for a UTF-8 Type0 font maps codes with `begincidrange`, an operator
// of CID CMaps that a ToUnicode (bfchar/bfrange) CMap may not hold: poppler warns about each
// range and pdf.js reads nothing from it. The font's codes are the characters' UTF-16 code
// units (a character above the BMP is drawn as U+0020), so the CMap is rewritten as identity
// bfrange entries over `used` (sorted, unique) and the space: a valid CMap that reads every
// drawn glyph back as the character it was drawn for.
void write_to_unicode(HPDF_Font font, const std::vector<char32_t>& used);

// The text of that CMap (exposed for tests).
std::string to_unicode_cmap(const std::vector<char32_t>& used);

}  // namespace plenary::render::pdf
