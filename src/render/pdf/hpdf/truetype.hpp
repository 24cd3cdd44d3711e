// TrueType fonts loaded into libharu from memory (fonts/font_file.hpp: read once per process,
// 'post' cut), through a callback stream; libharu parses, measures, subsets and writes them
// as HPDF_LoadTTFontFromFile(2) would.
#pragma once

#include <hpdf.h>

#include <string>

#include "fonts/fonts.hpp"

namespace plenary::render::pdf {

using fonts::Family;
using fonts::FontFace;
using fonts::FontId;
using fonts::FontRegistry;

// Loads `face` into `pdf` as HPDF_LoadTTFontFromFile(2) does (the same font definition; when
// embedding, the same subset tag sequence "HPDFAA", "HPDFAB", ...; errors through the
// document's handler). Returns the font's name for HPDF_GetFont and HPDF_GetFontDef, or
// nullptr.
const char* load_truetype(HPDF_Doc pdf, const fonts::FontFace& face, bool embedding);
// The same from font bytes the caller keeps alive until the document is freed (`index`: the
// face in a collection).
const char* load_truetype(HPDF_Doc pdf, const std::string* data, int index, bool embedding);

}  // namespace plenary::render::pdf
