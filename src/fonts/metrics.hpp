// Glyph ids and advance widths of one TrueType face, read from its own tables ('head',
// 'maxp', 'hhea', 'hmtx', 'cmap') in memory. The rules are those of the PDF library's
// TrueType reader, so the widths the layout measures are the widths the PDF's /W array
// holds: the Microsoft Unicode (3,1) format 4 cmap, advances in thousandths of an em
// truncated, glyphs past numGlyphs measured as glyph 0 (the "missing width").
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace plenary::fonts {

class FaceMetrics {
 public:
  // Reads the face whose table directory starts at `directory` in `file`. ok() is false
  // when a table it needs is missing or lies outside the file, or the face has no (3,1)
  // format 4 cmap: the PDF library cannot embed such a face either.
  FaceMetrics(const std::string& file, std::size_t directory);

  bool ok() const { return ok_; }
  // The glyph of a BMP code point (0 = none).
  std::uint16_t glyph(char32_t cp) const;
  // The advance of a BMP code point in thousandths of an em (600 when !ok()).
  short advance(char32_t cp) const;
  int units_per_em() const { return units_per_em_; }

 private:
  bool ok_ = false;
  int units_per_em_ = 0;
  std::uint16_t num_glyphs_ = 0;
  short missing_width_ = 0;
  std::vector<std::uint16_t> advances_;  // per glyph, font units
  std::vector<std::uint16_t> end_, start_, range_offset_, glyph_ids_;
  std::vector<std::int16_t> delta_;
};

// The metrics of a font file's face, read once per process and shared by every document
// (never changed once read, so they are read without a lock).
const FaceMetrics& face_metrics(const std::string& path, int index);

}  // namespace plenary::fonts
