// TrueType fonts loaded into libharu from memory. HPDF_LoadTTFontFromFile reads the font file
// through a FILE*, a few bytes per call, for every document, and when saving an embedded font
// copies every table it keeps four bytes at a time: in a K=4 briefing pack that was 12 % of
// the PDF writer's instructions. The largest of those tables, 'post' (62 KB of glyph names in
// DejaVu Sans, 40 % of the embedded font), is never read from an embedded CIDFontType2, whose
// codes reach the glyphs through the CIDToGIDMap. So each font file is read once per process
// into memory, its 'post' table cut to the 32-byte header of a format 3.0 table (no glyph
// names; the underline metrics kept), and handed to libharu through a callback stream;
// libharu parses, measures, subsets and writes it as before.
#pragma once

#include <hpdf.h>

#include "render/pdf/fonts.hpp"

namespace plenary::render::pdf {

// Loads `face` into `pdf` as HPDF_LoadTTFontFromFile(2) does (the same font definition; when
// embedding, the same subset tag sequence "HPDFAA", "HPDFAB", ...; errors through the
// document's handler). Returns the font's name for HPDF_GetFont and HPDF_GetFontDef, or
// nullptr.
const char* load_truetype(HPDF_Doc pdf, const FontFace& face, bool embedding);

}  // namespace plenary::render::pdf
