// A speed measure for libharu's UTF-8 fonts: libharu maps all 65,536 BMP code points through
// the font's cmap (a linear search over its segments) every time it adds a TrueType font to a
// document, and writes a width for each of them. Giving the font, before it is added, a cmap
// that holds only the characters the document draws with it keeps the same glyphs and
// widths for those characters and drops the rest from the /W array and CIDToGIDMap.
#pragma once

#include <hpdf.h>

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

}  // namespace plenary::render::pdf
