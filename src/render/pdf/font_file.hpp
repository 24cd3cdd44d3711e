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

#include <cstddef>
#include <string>

#include "render/pdf/fonts.hpp"

namespace plenary::render::pdf {

// Loads `face` into `pdf` as HPDF_LoadTTFontFromFile(2) does (the same font definition; when
// embedding, the same subset tag sequence "HPDFAA", "HPDFAB", ...; errors through the
// document's handler). Returns the font's name for HPDF_GetFont and HPDF_GetFontDef, or
// nullptr.
const char* load_truetype(HPDF_Doc pdf, const FontFace& face, bool embedding);
// The same from font bytes the caller keeps alive until the document is freed (`index`: the
// face in a collection).
const char* load_truetype(HPDF_Doc pdf, const std::string* data, int index, bool embedding);

// The bytes of a font file as loaded (read once per process, 'post' cut), or nullptr.
const std::string* font_file(const std::string& path);
// Where the table directory of face `index` starts in `data` (0 unless a collection).
std::size_t face_directory(const std::string& data, int index);

}  // namespace plenary::render::pdf
