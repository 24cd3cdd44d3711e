// The fonts' own metrics (fonts/metrics.hpp) held equal to libharu's reading of the same
// fonts: the layout measures with the former, the PDF's /W array holds the latter.
#include <catch2/catch.hpp>

#include <hpdf.h>
#include <hpdf_fontdef.h>

#include "document/style.hpp"
#include "fonts/fonts.hpp"
#include "fonts/metrics.hpp"

using namespace plenary;

TEST_CASE("sfnt advances and glyph ids equal libharu's for every BMP character") {
  doc::Style style;
  fonts::FontRegistry registry(style);
  for (const auto family : {fonts::Family::Body, fonts::Family::Mono}) {
    for (const bool bold : {false, true}) {
      const fonts::FontId id = registry.font(family, bold, false);
      REQUIRE(id >= 0);
      const fonts::FontFace& face = registry.face(id);
      if (face.index != 0) continue;  // libharu's file loader: a collection needs Load2
      HPDF_Doc pdf = HPDF_New(nullptr, nullptr);
      REQUIRE(pdf != nullptr);
      const char* name = HPDF_LoadTTFontFromFile(pdf, face.path.c_str(), HPDF_FALSE);
      REQUIRE(name != nullptr);
      HPDF_FontDef def = HPDF_GetFontDef(pdf, name);
      REQUIRE(def != nullptr);
      const fonts::FaceMetrics& metrics = fonts::face_metrics(face.path, face.index);
      REQUIRE(metrics.ok());
      int differing = 0;
      for (char32_t cp = 0; cp <= 0xFFFF; ++cp) {
        const auto unicode = static_cast<HPDF_UINT16>(cp);
        const HPDF_INT16 theirs = HPDF_TTFontDef_GetCharWidth(def, unicode);
        if (metrics.advance(cp) != (theirs < 0 ? 0 : theirs)) ++differing;
        if (metrics.glyph(cp) != HPDF_TTFontDef_GetGlyphid(def, unicode)) ++differing;
      }
      CHECK(differing == 0);
      HPDF_Free(pdf);
    }
  }
}

TEST_CASE("a face that cannot be read measures 600 and maps nothing") {
  const std::string garbage = "not a font at all";
  const fonts::FaceMetrics metrics(garbage, 0);
  CHECK_FALSE(metrics.ok());
  CHECK(metrics.advance(U'a') == 600);
  CHECK(metrics.glyph(U'a') == 0);
}

TEST_CASE("the ASCII widths line breaking looks up are font_for's font and advance's widths") {
  const doc::Style style;
  fonts::FontRegistry registry(style);
  for (const auto family : {fonts::Family::Body, fonts::Family::Heading, fonts::Family::Mono}) {
    for (const bool bold : {false, true}) {
      const fonts::FontId font = registry.font(family, bold, false);
      REQUIRE(font >= 0);
      registry.advance(font, 'a');  // loads the font's metrics, as the first character does
      for (const double size : {10.0, 9.2, 7.5, 16.0}) {
        const auto* row = registry.ascii_widths(font, size);
        REQUIRE(row != nullptr);
        CHECK(registry.ascii_widths(font, size) == row);  // made once
        int covered = 0;
        for (char32_t cp = 0; cp < 0x80; ++cp) {
          if (!row->covered[cp]) continue;
          ++covered;
          CHECK(cp > 0x20);
          CHECK(cp < 0x7F);
          CHECK(registry.font_for(font, cp) == font);
          // The same double, not just a close one: the line breaks depend on it.
          CHECK(row->width[cp] == registry.advance(font, cp) * size / 1000);
        }
        CHECK(covered > 0);  // not an empty table: the fonts have Latin letters
      }
    }
  }
}
