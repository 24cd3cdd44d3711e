#include "fonts/subset.hpp"

#include "fonts/sfnt.hpp"

#include <algorithm>
#include <array>
#include <cstring>
#include <map>

namespace plenary::fonts {

namespace {

using sfnt::Bytes;
using sfnt::put16;
using sfnt::put32;
using sfnt::set16;
using sfnt::set32;

std::uint32_t checksum(const std::string& table) {
  std::uint32_t sum = 0;
  for (std::size_t i = 0; i < table.size(); i += 4) {
    std::uint32_t word = 0;
    for (std::size_t k = 0; k < 4; ++k) {
      word = (word << 8) | (i + k < table.size() ? static_cast<unsigned char>(table[i + k]) : 0);
    }
    sum += word;
  }
  return sum;
}

struct Range {
  std::size_t offset = 0, length = 0;
};

// The components of a composite glyph: the positions of their glyph ids in `glyph`.
// Returns false when the glyph is malformed.
bool components(const Bytes& in, Range glyph, std::vector<std::size_t>& ids) {
  ids.clear();
  if (glyph.length < 10) return true;                                     // empty glyph
  if (static_cast<std::int16_t>(in.u16(glyph.offset)) >= 0) return true;  // simple glyph
  std::size_t pos = glyph.offset + 10;
  const std::size_t end = glyph.offset + glyph.length;
  for (;;) {
    if (pos + 4 > end) return false;
    const std::uint16_t flags = in.u16(pos);
    ids.push_back(pos + 2);
    pos += 4 + ((flags & 0x0001) != 0 ? 4 : 2);  // the arguments: words or bytes
    if ((flags & 0x0008) != 0) {
      pos += 2;  // a scale
    } else if ((flags & 0x0040) != 0) {
      pos += 4;  // x and y scales
    } else if ((flags & 0x0080) != 0) {
      pos += 8;  // a two by two matrix
    }
    if ((flags & 0x0020) == 0) return pos <= end;  // no more components
  }
}

// A format 4 cmap (Windows, Unicode BMP) mapping `codes` to `ids`: one segment per run of
// consecutive codes, through the glyph id array, and the closing 0xFFFF segment.
std::string make_cmap(const std::vector<std::uint16_t>& codes,
                      const std::vector<std::uint16_t>& ids) {
  struct Segment {
    std::uint16_t start, end;
    std::size_t base;
  };
  std::vector<Segment> segments;
  for (std::size_t i = 0; i < codes.size(); ++i) {
    if (segments.empty() || codes[i] != segments.back().end + 1) {
      segments.push_back(Segment{codes[i], codes[i], i});
    } else {
      segments.back().end = codes[i];
    }
  }
  const std::size_t count = segments.size() + 1;
  std::size_t power = 1, log = 0;
  while (power * 2 <= count) {
    power *= 2;
    ++log;
  }
  std::string sub;
  put16(sub, 4);  // format
  put16(sub, 0);  // length, set below
  put16(sub, 0);  // language
  put16(sub, static_cast<std::uint32_t>(2 * count));
  put16(sub, static_cast<std::uint32_t>(2 * power));
  put16(sub, static_cast<std::uint32_t>(log));
  put16(sub, static_cast<std::uint32_t>(2 * count - 2 * power));
  for (const Segment& s : segments) put16(sub, s.end);
  put16(sub, 0xFFFF);
  put16(sub, 0);  // reserved
  for (const Segment& s : segments) put16(sub, s.start);
  put16(sub, 0xFFFF);
  for (std::size_t i = 0; i < segments.size(); ++i) put16(sub, 0);  // idDelta
  put16(sub, 1);                                                    // 0xFFFF + 1 = glyph 0
  for (std::size_t i = 0; i < segments.size(); ++i) {
    put16(sub, static_cast<std::uint32_t>(2 * (count - i + segments[i].base)));
  }
  put16(sub, 0);
  for (std::uint16_t id : ids) put16(sub, id);
  set16(sub, 2, static_cast<std::uint32_t>(sub.size()));
  std::string cmap;
  put16(cmap, 0);  // version
  put16(cmap, 1);  // one encoding record
  put16(cmap, 3);  // Windows
  put16(cmap, 1);  // Unicode BMP
  put32(cmap, 12);
  return cmap + sub;
}

}  // namespace

std::string subset_truetype(const std::string& file, std::size_t directory,
                            const std::vector<char32_t>& chars,
                            const std::vector<std::uint16_t>& glyphs) {
  const Bytes in{file};
  if (chars.size() != glyphs.size() || !in.has(directory, 12)) return {};
  // 1. The tables.
  static const std::array<const char*, 13> kTags = {"OS/2", "cmap", "cvt ", "fpgm", "glyf",
                                                    "head", "hhea", "hmtx", "loca", "maxp",
                                                    "name", "post", "prep"};
  std::map<std::string, Range> tables;
  const auto all = sfnt::tables(file, directory);
  if (all.empty()) return {};
  for (const auto& [tag, table] : all) {
    if (std::find(kTags.begin(), kTags.end(), tag) != kTags.end())
      tables[tag] = Range{table.offset, table.length};
  }
  for (const char* required : {"head", "hhea", "maxp", "hmtx", "loca", "glyf"}) {
    if (tables.count(required) == 0) return {};
  }
  const Range head = tables["head"], hhea = tables["hhea"], maxp = tables["maxp"];
  const Range hmtx = tables["hmtx"], loca = tables["loca"], glyf = tables["glyf"];
  if (head.length < 54 || hhea.length < 36 || maxp.length < 6) return {};
  const std::size_t glyph_count = in.u16(maxp.offset + 4);
  const std::size_t metrics = in.u16(hhea.offset + 34);
  const bool long_offsets = in.u16(head.offset + 50) != 0;
  if (glyph_count == 0 || metrics == 0 || metrics > glyph_count) return {};
  if (hmtx.length < 4 * metrics + 2 * (glyph_count - metrics)) return {};
  if (loca.length < (glyph_count + 1) * (long_offsets ? 4 : 2)) return {};
  auto glyph_range = [&](std::size_t id) {
    const std::size_t start =
        long_offsets ? in.u32(loca.offset + 4 * id) : std::size_t{in.u16(loca.offset + 2 * id)} * 2;
    const std::size_t end = long_offsets ? in.u32(loca.offset + 4 * id + 4)
                                         : std::size_t{in.u16(loca.offset + 2 * id + 2)} * 2;
    if (end < start || end > glyf.length) return Range{glyf.offset, 0};
    return Range{glyf.offset + start, end - start};
  };

  // 2. The glyphs: .notdef, those of the characters, and the parts of composites.
  std::vector<bool> keep(glyph_count, false);
  keep[0] = true;
  std::vector<std::size_t> work;
  for (std::uint16_t id : glyphs) {
    if (id < glyph_count && !keep[id]) {
      keep[id] = true;
      work.push_back(id);
    }
  }
  std::vector<std::size_t> parts;
  while (!work.empty()) {
    const std::size_t id = work.back();
    work.pop_back();
    if (!components(in, glyph_range(id), parts)) return {};
    for (std::size_t at : parts) {
      const std::uint16_t part = in.u16(at);
      if (part >= glyph_count) return {};
      if (!keep[part]) {
        keep[part] = true;
        work.push_back(part);
      }
    }
  }
  std::vector<std::uint16_t> renumbered(glyph_count, 0);
  std::vector<std::size_t> old_ids;
  for (std::size_t id = 0; id < glyph_count; ++id) {
    if (!keep[id]) continue;
    renumbered[id] = static_cast<std::uint16_t>(old_ids.size());
    old_ids.push_back(id);
  }
  const std::size_t kept = old_ids.size();

  // 3. The new tables.
  std::map<std::string, std::string> out;
  std::string& glyf_out = out["glyf"];
  std::string& loca_out = out["loca"];
  std::vector<std::size_t> offsets;
  for (std::size_t id : old_ids) {
    offsets.push_back(glyf_out.size());
    const Range range = glyph_range(id);
    const std::size_t at = glyf_out.size();
    glyf_out.append(file, range.offset, range.length);
    components(in, range, parts);
    for (std::size_t part : parts) {
      set16(glyf_out, at + (part - range.offset), renumbered[in.u16(part)]);
    }
    if (!long_offsets && glyf_out.size() % 2 != 0) glyf_out += '\0';
  }
  offsets.push_back(glyf_out.size());
  if (!long_offsets && glyf_out.size() / 2 > 0xFFFF) return {};
  for (std::size_t offset : offsets) {
    if (long_offsets) {
      put32(loca_out, static_cast<std::uint32_t>(offset));
    } else {
      put16(loca_out, static_cast<std::uint32_t>(offset / 2));
    }
  }
  std::string& hmtx_out = out["hmtx"];
  for (std::size_t id : old_ids) {
    const std::size_t metric = std::min(id, metrics - 1);
    put16(hmtx_out, in.u16(hmtx.offset + 4 * metric));
    put16(hmtx_out, id < metrics ? in.u16(hmtx.offset + 4 * id + 2)
                                 : in.u16(hmtx.offset + 4 * metrics + 2 * (id - metrics)));
  }
  out["head"] = file.substr(head.offset, head.length);
  set32(out["head"], 8, 0);  // checkSumAdjustment: libharu sets it when it writes the font
  out["hhea"] = file.substr(hhea.offset, hhea.length);
  set16(out["hhea"], 34, static_cast<std::uint32_t>(kept));
  out["maxp"] = file.substr(maxp.offset, maxp.length);
  set16(out["maxp"], 4, static_cast<std::uint32_t>(kept));
  std::vector<std::uint16_t> codes, ids;
  for (std::size_t i = 0; i < chars.size(); ++i) {
    if (chars[i] >= 0xFFFF || glyphs[i] == 0 || glyphs[i] >= glyph_count) continue;
    codes.push_back(static_cast<std::uint16_t>(chars[i]));
    ids.push_back(renumbered[glyphs[i]]);
  }
  out["cmap"] = make_cmap(codes, ids);
  if (tables.count("post") != 0) {
    const Range post = tables["post"];
    out["post"] = file.substr(post.offset, std::min<std::size_t>(post.length, 32));
    if (post.length >= 32) set32(out["post"], 0, 0x00030000);  // no glyph names
  }
  for (const char* copied : {"OS/2", "name", "cvt ", "fpgm", "prep"}) {
    if (tables.count(copied) != 0) {
      out[copied] = file.substr(tables[copied].offset, tables[copied].length);
    }
  }

  // 4. The file: directory, then the tables in tag order, each on a 4-byte boundary.
  std::size_t power = 1, log = 0;
  while (power * 2 <= out.size()) {
    power *= 2;
    ++log;
  }
  std::string font;
  put32(font, in.u32(directory));  // sfnt version
  put16(font, static_cast<std::uint32_t>(out.size()));
  put16(font, static_cast<std::uint32_t>(16 * power));
  put16(font, static_cast<std::uint32_t>(log));
  put16(font, static_cast<std::uint32_t>(16 * (out.size() - power)));
  std::size_t offset = 12 + 16 * out.size();
  for (const auto& [tag, table] : out) {  // std::map: tags in byte order, as required
    font += tag;
    put32(font, checksum(table));
    put32(font, static_cast<std::uint32_t>(offset));
    put32(font, static_cast<std::uint32_t>(table.size()));
    offset += (table.size() + 3) / 4 * 4;
  }
  for (const auto& entry : out) {
    font += entry.second;
    font.append((4 - entry.second.size() % 4) % 4, '\0');
  }
  return font;
}

}  // namespace plenary::fonts
