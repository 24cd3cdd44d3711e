// TrueType subsets with renumbered glyphs. libharu "subsets" an embedded font by emptying the
// glyphs a document does not use, but still embeds every table whole: for DejaVu Sans (6,000
// glyphs) the horizontal metrics and the glyph locations alone are 50 KB per font and
// document, copied four bytes at a time, check-summed and deflated at libharu's fixed level
// (with the font loading, a third of the PDF writer's instructions in a K=4 build). The font
// handed to libharu here holds only the glyphs the document draws (and the parts of composite
// glyphs), numbered from 1 in their original order, with their outlines, metrics and hinting
// unchanged, and a cmap for exactly those characters; libharu loads, measures and embeds it as
// it would the whole font. The glyphs drawn are the same ones, so pages render the same.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace plenary::fonts {

// The subset of the font whose table directory starts at `directory` in `file` (0, or the
// face's offset in a collection): `chars` (sorted, unique, BMP) mapped to the glyphs
// `glyphs` (the font's own glyph ids for them, in the same order; 0 = not in the font).
// Returns the new font file, or an empty string when the font lacks a table this needs or is
// malformed (the caller then embeds the whole font).
std::string subset_truetype(const std::string& file, std::size_t directory,
                            const std::vector<char32_t>& chars,
                            const std::vector<std::uint16_t>& glyphs);

}  // namespace plenary::fonts
