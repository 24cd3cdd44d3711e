#include "render/pdf/hpdf/cmap_trim.hpp"

#include <hpdf_font.h>
#include <hpdf_fontdef.h>
#include <hpdf_mmgr.h>
#include <hpdf_objects.h>
#include <hpdf_streams.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <string>

namespace plenary::render::pdf {

namespace {

// Characters closer than this share a segment (the gap maps to glyph 0): fewer segments make
// libharu's linear search short.
constexpr int kMaxGap = 256;

struct Segment {
  std::uint16_t start = 0, end = 0;
  std::size_t base = 0;  // index of `start` in the glyph id array
};

template <typename T>
T* allocate(HPDF_MMgr mmgr, std::size_t count) {
  return static_cast<T*>(HPDF_GetMem(mmgr, static_cast<HPDF_UINT>(sizeof(T) * count)));
}

}  // namespace

void restrict_cmap(HPDF_FontDef font_def, const std::vector<char32_t>& used) {
  if (font_def == nullptr || font_def->type != HPDF_FONTDEF_TYPE_TRUETYPE) return;
  auto* attr = static_cast<HPDF_TTFontDefAttr>(font_def->attr);
  if (attr == nullptr || attr->cmap.format != 4 || attr->cmap.seg_count_x2 == 0) return;

  // 1. The glyph of each used character, through the original cmap.
  std::vector<std::uint16_t> codes;
  std::vector<std::uint16_t> glyphs;
  for (char32_t cp : used) {
    if (cp >= 0xFFFF) break;
    codes.push_back(static_cast<std::uint16_t>(cp));
    glyphs.push_back(HPDF_TTFontDef_GetGlyphid(font_def, static_cast<HPDF_UINT16>(cp)));
  }
  // 2. Segments over runs of nearby characters, then the closing 0xFFFF segment.
  std::vector<Segment> segments;
  std::size_t slots = 0;
  for (std::uint16_t code : codes) {
    if (segments.empty() || code - segments.back().end > kMaxGap) {
      segments.push_back(Segment{code, code, slots});
      slots += 1;
    } else {
      slots += static_cast<std::size_t>(code - segments.back().end);
      segments.back().end = code;
    }
  }
  segments.push_back(Segment{0xFFFF, 0xFFFF, slots});
  slots += 1;
  const std::size_t count = segments.size();
  if (2 * (slots + count) > 0xFFFF) return;  // offsets would not fit in 16 bits

  // 3. The new arrays, from the font's own memory manager (libharu frees them with the font).
  HPDF_MMgr mmgr = font_def->mmgr;
  auto* end_count = allocate<HPDF_UINT16>(mmgr, count + 1);
  auto* start_count = allocate<HPDF_UINT16>(mmgr, count + 1);
  auto* id_delta = allocate<HPDF_INT16>(mmgr, count + 1);
  auto* id_range_offset = allocate<HPDF_UINT16>(mmgr, count + 1);
  auto* glyph_ids = allocate<HPDF_UINT16>(mmgr, slots);
  if (end_count == nullptr || start_count == nullptr || id_delta == nullptr ||
      id_range_offset == nullptr || glyph_ids == nullptr) {
    for (void* p : {static_cast<void*>(end_count), static_cast<void*>(start_count),
                    static_cast<void*>(id_delta), static_cast<void*>(id_range_offset),
                    static_cast<void*>(glyph_ids)}) {
      if (p != nullptr) HPDF_FreeMem(mmgr, p);
    }
    return;
  }
  for (std::size_t i = 0; i < slots; ++i) glyph_ids[i] = 0;
  for (std::size_t i = 0; i < count; ++i) {
    end_count[i] = segments[i].end;
    start_count[i] = segments[i].start;
    id_delta[i] = 0;
    // TrueType's rule: glyph = glyphIdArray[idRangeOffset/2 + (c - start) - (segCount - i)].
    id_range_offset[i] = static_cast<HPDF_UINT16>(2 * (segments[i].base + count - i));
  }
  end_count[count] = 0xFFFF;  // a guard past the end
  start_count[count] = 0xFFFF;
  id_delta[count] = 0;
  id_range_offset[count] = 0;
  std::size_t segment = 0;
  for (std::size_t k = 0; k < codes.size(); ++k) {
    while (codes[k] > segments[segment].end) ++segment;
    glyph_ids[segments[segment].base + (codes[k] - segments[segment].start)] = glyphs[k];
  }

  // 4. Swap them in.
  HPDF_TTF_CmapRange& cmap = attr->cmap;
  for (void* p : {static_cast<void*>(cmap.end_count), static_cast<void*>(cmap.start_count),
                  static_cast<void*>(cmap.id_delta), static_cast<void*>(cmap.id_range_offset),
                  static_cast<void*>(cmap.glyph_id_array)}) {
    if (p != nullptr) HPDF_FreeMem(mmgr, p);
  }
  cmap.end_count = end_count;
  cmap.start_count = start_count;
  cmap.id_delta = id_delta;
  cmap.id_range_offset = id_range_offset;
  cmap.glyph_id_array = glyph_ids;
  cmap.glyph_id_array_count = static_cast<HPDF_UINT>(slots);
  cmap.seg_count_x2 = static_cast<HPDF_UINT16>(2 * count);
}

void trim_cid_to_gid_map(HPDF_Font font) {
  if (font == nullptr || font->attr == nullptr) return;
  HPDF_Font descendant = static_cast<HPDF_FontAttr>(font->attr)->descendant_font;
  if (descendant == nullptr) return;
  auto map = static_cast<HPDF_Dict>(HPDF_Dict_GetItem(descendant, "CIDToGIDMap", HPDF_OCLASS_DICT));
  if (map == nullptr || map->stream == nullptr || map->stream->type != HPDF_STREAM_MEMORY) return;
  std::string bytes;
  bytes.reserve(map->stream->size);
  const HPDF_UINT buffers = HPDF_MemStream_GetBufCount(map->stream);
  for (HPDF_UINT i = 0; i < buffers; ++i) {
    HPDF_UINT length = 0;
    const HPDF_BYTE* data = HPDF_MemStream_GetBufPtr(map->stream, i, &length);
    if (data != nullptr) bytes.append(reinterpret_cast<const char*>(data), length);
  }
  std::size_t keep = bytes.size();
  while (keep >= 2 && bytes[keep - 1] == 0 && bytes[keep - 2] == 0) keep -= 2;
  if (keep < 2) keep = std::min<std::size_t>(2, bytes.size());  // an empty stream is not a map
  if (keep == bytes.size()) return;
  HPDF_MemStream_FreeData(map->stream);
  HPDF_Stream_Write(map->stream, reinterpret_cast<const HPDF_BYTE*>(bytes.data()),
                    static_cast<HPDF_UINT>(keep));
}

std::string to_unicode_cmap(const std::vector<char32_t>& used) {
  // The codes: BMP characters outside the surrogates, and U+0020 (what libharu draws a
  // character above the BMP as).
  std::vector<std::uint16_t> codes;
  codes.reserve(used.size() + 1);
  bool space = false;
  for (char32_t cp : used) {
    if (cp > 0xFFFF || (cp >= 0xD800 && cp <= 0xDFFF)) continue;
    if (cp == 0x20) space = true;
    codes.push_back(static_cast<std::uint16_t>(cp));
  }
  if (!space) codes.insert(std::lower_bound(codes.begin(), codes.end(), 0x20), 0x20);
  // Runs of consecutive codes with the same high byte (a bfrange may only vary the last byte).
  std::vector<std::pair<std::uint16_t, std::uint16_t>> ranges;
  for (std::uint16_t code : codes) {
    if (!ranges.empty() && ranges.back().second + 1 == code &&
        (ranges.back().first >> 8) == (code >> 8)) {
      ranges.back().second = code;
    } else {
      ranges.emplace_back(code, code);
    }
  }
  std::string out =
      "/CIDInit /ProcSet findresource begin\n"
      "12 dict begin\n"
      "begincmap\n"
      "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
      "/CMapName /Adobe-Identity-UCS def\n"
      "/CMapType 2 def\n"
      "1 begincodespacerange\n"
      "<0000> <FFFF>\n"
      "endcodespacerange\n";
  char hex[32];
  for (std::size_t i = 0; i < ranges.size(); i += 100) {  // at most 100 entries a block
    const std::size_t n = std::min<std::size_t>(100, ranges.size() - i);
    out += std::to_string(n) + " beginbfrange\n";
    for (std::size_t k = i; k < i + n; ++k) {
      std::snprintf(hex, sizeof hex, "<%04X> <%04X> <%04X>\n", ranges[k].first, ranges[k].second,
                    ranges[k].first);
      out += hex;
    }
    out += "endbfrange\n";
  }
  out +=
      "endcmap\n"
      "CMapName currentdict /CMap defineresource pop\n"
      "end\n"
      "end\n";
  return out;
}

void write_to_unicode(HPDF_Font font, const std::vector<char32_t>& used) {
  if (font == nullptr) return;
  auto cmap = static_cast<HPDF_Dict>(HPDF_Dict_GetItem(font, "ToUnicode", HPDF_OCLASS_DICT));
  if (cmap == nullptr || cmap->stream == nullptr || cmap->stream->type != HPDF_STREAM_MEMORY) {
    return;
  }
  const std::string text = to_unicode_cmap(used);
  HPDF_MemStream_FreeData(cmap->stream);
  HPDF_Stream_Write(cmap->stream, reinterpret_cast<const HPDF_BYTE*>(text.data()),
                    static_cast<HPDF_UINT>(text.size()));
}

}  // namespace plenary::render::pdf
