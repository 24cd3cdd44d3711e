// Font files read once per process into memory. HPDF_LoadTTFontFromFile read the file through
// a FILE*, a few bytes per call, for every document; here each file is read once, and its
// 'post' table (62 KB of glyph names in DejaVu Sans, 40 % of the embedded font, never read
// from an embedded CIDFontType2, whose codes reach the glyphs through the CIDToGIDMap) is cut
// to the 32-byte header of a format 3.0 table (no glyph names; the underline metrics kept).
// The metrics (metrics.hpp), the subsets (subset.hpp) and the PDF adapter read these bytes.
#pragma once

#include <cstddef>
#include <string>

namespace plenary::fonts {

// The bytes of a font file as loaded (read once per process, 'post' cut), or nullptr.
// Never changed once read, so documents on several threads read them without a lock.
const std::string* font_file(const std::string& path);
// Where the table directory of face `index` starts in `data` (0 unless a collection).
std::size_t face_directory(const std::string& data, int index);

}  // namespace plenary::fonts
