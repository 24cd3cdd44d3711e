// Fonts: families resolved by name through fontconfig, glyph advances read once per font and
// cached, coverage from fontconfig's charsets with a fallback font for characters the
// configured fonts lack.
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "document/style.hpp"

namespace plenary::fonts {

enum class Family { None, Body, Heading, Mono };

using FontId = int;  // index into FontRegistry; -1 = none

struct FontFace {
  std::string path;    // font file found by fontconfig
  int index = 0;       // face index inside a collection
  std::string family;  // family name as fontconfig reports it
  bool fallback = false;
};

class FontRegistry {
 public:
  explicit FontRegistry(const doc::Style& style);
  ~FontRegistry();
  FontRegistry(const FontRegistry&) = delete;
  FontRegistry& operator=(const FontRegistry&) = delete;

  // The font of a family in a weight and slant; falls back to the body font, then -1.
  FontId font(Family family, bool bold, bool italic) {
    const std::size_t slot =
        static_cast<std::size_t>(family) * 4 + (bold ? 2 : 0) + (italic ? 1 : 0);
    if (slot < styles_.size() && styles_[slot] != kUnresolved) return styles_[slot];
    return font_by_name(family, bold, italic);
  }
  // `preferred` when it has `cp`, else a fallback font that has it, else `preferred` (the
  // character is then recorded in missing()).
  FontId font_for(FontId preferred, char32_t cp) {
    if (preferred >= 0 && cp <= 0xFFFF) {
      const std::vector<bool>* covered = covered_[static_cast<std::size_t>(preferred)];
      if (covered != nullptr && (*covered)[cp]) return preferred;
    }
    return font_for_slow(preferred, cp);
  }
  // Advance width of `cp` in thousandths of an em (the widths the PDF's /W array holds), from
  // the font's own hmtx and cmap tables (metrics.hpp).
  double advance(FontId font, char32_t cp) {
    if (font >= 0 && cp <= 0xFFFF) {
      const short* table = widths_[static_cast<std::size_t>(font)];
      if (table != nullptr && table[cp] >= 0) return table[cp];
    }
    return advance_slow(font, cp);
  }
  // Width in points of UTF-8 text set in one font.
  double width(FontId font, std::string_view text, double size);

  // The printable ASCII characters (0x21-0x7E) `font` covers, with their advances in points
  // at `size` (advance(font, cp) * size / 1000, the same double): what line breaking looks up
  // per character of the usual text, made once per registry, font and size. Null before the
  // font's metrics are loaded (its first advance()).
  struct AsciiWidths {
    FontId font = -1;
    double size = 0;
    std::array<double, 128> width{};
    std::array<bool, 128> covered{};
  };
  const AsciiWidths* ascii_widths(FontId font, double size);
  // The font's own glyph ids for `chars` (0 = not in the font), through its (3,1) cmap; empty
  // when the font file could not be read.
  std::vector<std::uint16_t> glyph_ids(FontId font, const std::vector<char32_t>& chars);

  const FontFace& face(FontId font) const { return faces_[static_cast<std::size_t>(font)]; }
  std::size_t size() const { return faces_.size(); }

  // Characters no font has, in the order first met.
  const std::vector<char32_t>& missing() const { return missing_; }
  // Problems with the configured families (not found, substituted, not TrueType).
  const std::vector<std::string>& problems() const { return problems_; }

 private:
  static constexpr FontId kUnresolved = -2;

  FontId font_by_name(Family family, bool bold, bool italic);
  FontId font_for_slow(FontId preferred, char32_t cp);
  double advance_slow(FontId font, char32_t cp);
  FontId resolve(const std::string& family, bool bold, bool italic);
  FontId add_face(FontFace face, void* charset);
  bool covers(FontId font, char32_t cp) const;
  FontId fallback(char32_t cp);
  void load_metrics(FontId font);

  doc::Style style_;
  std::vector<FontFace> faces_;
  std::vector<void*> charsets_;  // FcCharSet*, owned
  // Per font, the process-wide table of the face (read once per process, shared by every
  // document; never changed once made): per BMP code point, -1 = not in the face's charset.
  // Null until the font's first advance. A character outside the table is measured once per
  // registry into missed_. (Each registry used to copy the table, 128 KB a face, and complete
  // its copy: 1.6 MB copied and 400 page faults of a K=4 build.)
  std::vector<const short*> widths_;
  // Per font, per BMP code point: in the face's charset (the shared bitmap, loaded with the
  // widths; until then fontconfig is asked).
  std::vector<const std::vector<bool>*> covered_;
  std::unordered_map<std::uint64_t, short> missed_;  // (font << 32 | cp) -> advance
  std::vector<std::unique_ptr<AsciiWidths>> ascii_;   // by font and size, in the order made
  std::array<FontId, 16> styles_;                    // Family x bold x italic -> id
  std::unordered_map<std::string, FontId> by_key_;   // "family|b|i" -> id
  std::unordered_map<std::string, FontId> by_file_;  // "path#index" -> id
  std::unordered_map<char32_t, FontId> fallbacks_;
  std::vector<char32_t> missing_;
  std::vector<std::string> problems_;
};

// Resolves the faces most documents use (the body font upright, bold and italic, the heading
// font bold) and reads their metrics into the process-wide tables every registry shares, as the
// first layout would: meant for a spare core, so that the layouts find them made. Changes
// nothing any registry measures or reports (the tables are the same whoever makes them, and
// the problems of a family are reported by the registries that resolve it).
void warm(const doc::Style& style);

}  // namespace plenary::fonts
