#include "render/pdf/fonts.hpp"

#include <fontconfig/fontconfig.h>

#include <hpdf_fontdef.h>

#include <algorithm>
#include <mutex>

#include "render/pdf/font_file.hpp"
#include "core/utf8.hpp"

namespace plenary::render::pdf {

namespace {

// Our own fontconfig configuration, loaded once per process and destroyed at exit (the
// library's default one keeps a few hundred bytes that leak checkers report).
FcConfig* font_config() {
  struct Holder {
    FcConfig* config = FcInitLoadConfigAndFonts();
    ~Holder() {
      if (config != nullptr) FcConfigDestroy(config);
    }
  };
  static Holder holder;
  return holder.config;
}

std::string pattern_string(FcPattern* pattern, const char* object) {
  FcChar8* value = nullptr;
  if (FcPatternGetString(pattern, object, 0, &value) != FcResultMatch || value == nullptr) {
    return {};
  }
  return reinterpret_cast<const char*>(value);
}

bool is_truetype(FcPattern* pattern) {
  const std::string format = pattern_string(pattern, FC_FONTFORMAT);
  if (format == "TrueType") return true;
  if (!format.empty()) return false;
  std::string file = pattern_string(pattern, FC_FILE);
  std::transform(file.begin(), file.end(), file.begin(), [](unsigned char c) {
    return static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
  });
  return file.size() > 4 && file.compare(file.size() - 4, 4, ".ttf") == 0;
}

// RAII for FcPattern.
struct PatternPtr {
  FcPattern* p = nullptr;
  explicit PatternPtr(FcPattern* pattern) : p(pattern) {}
  ~PatternPtr() {
    if (p != nullptr) FcPatternDestroy(p);
  }
  PatternPtr(const PatternPtr&) = delete;
  PatternPtr& operator=(const PatternPtr&) = delete;
};

// Glyph advances, read once per process and shared by every document of a build (parsing a
// TrueType file and mapping its characters cost more than laying out a short document).
// One libharu document holds the parsed font files, without embedding; each face's table
// holds the advances of the characters its fontconfig charset covers, and any other
// character is asked for under the lock.
class SharedMetrics {
 public:
  static SharedMetrics& instance() {
    static SharedMetrics metrics;
    return metrics;
  }

  // Copies of the face's advances (-1 where not yet read) and coverage.
  void table(const FontFace& face, const FcCharSet* charset, std::vector<short>& widths,
             std::vector<bool>& covered) {
    std::lock_guard<std::mutex> lock(mutex_);
    const Entry& e = entry(face, charset);
    widths = e.widths;
    covered = e.covered;
  }

  short advance(const FontFace& face, char32_t cp) {
    std::lock_guard<std::mutex> lock(mutex_);
    return read(entry(face, nullptr).def, cp);
  }

  // The face's glyph ids for `chars` (0 = none), through libharu's reading of its cmap; empty
  // when the face could not be read.
  std::vector<std::uint16_t> glyphs(const FontFace& face, const std::vector<char32_t>& chars) {
    std::lock_guard<std::mutex> lock(mutex_);
    const Entry& e = entry(face, nullptr);
    std::vector<std::uint16_t> ids;
    if (e.def == nullptr || e.def->type != HPDF_FONTDEF_TYPE_TRUETYPE) return ids;
    ids.reserve(chars.size());
    for (char32_t cp : chars) {
      ids.push_back(cp <= 0xFFFF ? HPDF_TTFontDef_GetGlyphid(e.def, static_cast<HPDF_UINT16>(cp))
                                 : 0);
    }
    return ids;
  }

 private:
  struct Entry {
    HPDF_FontDef def = nullptr;
    std::vector<short> widths;
    std::vector<bool> covered;
  };

  static short read(HPDF_FontDef def, char32_t cp) {
    if (def == nullptr) return 600;
    const HPDF_INT16 width = HPDF_TTFontDef_GetCharWidth(def, static_cast<HPDF_UNICODE>(cp));
    return width < 0 ? 0 : width;
  }

  // read() for every covered character, in one walk along the cmap's segments instead of
  // libharu's linear search of them for each character (a few thousand characters per face,
  // each searching a few hundred segments): the rules of HPDF_TTFontDef_GetGlyphid and
  // HPDF_TTFontDef_GetCharWidth, and libharu itself for any case they would read past the
  // glyph id array.
  static void read_all(HPDF_FontDef def, const std::vector<bool>& covered,
                       std::vector<short>& widths) {
    const auto* attr = def != nullptr && def->type == HPDF_FONTDEF_TYPE_TRUETYPE
                           ? static_cast<HPDF_TTFontDefAttr>(def->attr)
                           : nullptr;
    const HPDF_UINT segments =
        attr != nullptr && attr->cmap.format == 4 && attr->header.units_per_em != 0
            ? attr->cmap.seg_count_x2 / 2
            : 0;
    HPDF_UINT i = 0;
    for (char32_t cp = 0; cp <= 0xFFFF; ++cp) {
      if (!covered[cp]) continue;
      while (i < segments && cp > attr->cmap.end_count[i]) ++i;
      if (i >= segments) {
        widths[cp] = read(def, cp);
        continue;
      }
      const HPDF_TTF_CmapRange& cmap = attr->cmap;
      HPDF_UINT16 gid = 0;
      if (cmap.start_count[i] > cp) {
        gid = 0;
      } else if (cmap.id_range_offset[i] == 0) {
        gid = static_cast<HPDF_UINT16>(cp + cmap.id_delta[i]);
      } else {
        const HPDF_UINT index =
            cmap.id_range_offset[i] / 2 + (cp - cmap.start_count[i]) - (segments - i);
        if (index >= cmap.glyph_id_array_count) {
          widths[cp] = read(def, cp);
          continue;
        }
        gid = static_cast<HPDF_UINT16>(cmap.glyph_id_array[index] + cmap.id_delta[i]);
      }
      HPDF_INT16 width = 0;
      if (gid >= attr->num_glyphs) {
        width = static_cast<HPDF_INT16>(def->missing_width);
      } else {
        width = static_cast<HPDF_INT16>(
            static_cast<HPDF_UINT16>(static_cast<HPDF_UINT>(attr->h_metric[gid].advance_width) *
                                     1000 / attr->header.units_per_em));
      }
      widths[cp] = width < 0 ? 0 : width;
    }
  }

  // The lock is held.
  Entry& entry(const FontFace& face, const FcCharSet* charset) {
    const std::string key = face.path + '#' + std::to_string(face.index);
    auto found = faces_.find(key);
    if (found != faces_.end()) return found->second;
    Entry& e = faces_[key];
    e.widths.assign(0x10000, -1);
    e.covered.assign(0x10000, false);
    if (doc_.failed()) return e;
    const char* name = load_truetype(doc_.get(), face, false);
    if (name != nullptr) e.def = HPDF_GetFontDef(doc_.get(), name);
    doc_.clear_error();
    if (charset == nullptr) return e;
    FcChar32 map[FC_CHARSET_MAP_SIZE];
    FcChar32 next = 0;
    for (FcChar32 base = FcCharSetFirstPage(charset, map, &next);
         base != FC_CHARSET_DONE && base <= 0xFFFF; base = FcCharSetNextPage(charset, map, &next)) {
      for (int i = 0; i < FC_CHARSET_MAP_SIZE; ++i) {
        for (FcChar32 bits = map[i]; bits != 0; bits &= bits - 1) {
          const FcChar32 cp =
              base + static_cast<FcChar32>(i) * 32 + static_cast<FcChar32>(__builtin_ctz(bits));
          if (cp > 0xFFFF) continue;
          e.covered[cp] = true;
        }
      }
    }
    read_all(e.def, e.covered, e.widths);
    return e;
  }

  std::mutex mutex_;
  HpdfDoc doc_;
  std::unordered_map<std::string, Entry> faces_;
};

// A family, weight and slant as fontconfig matches it, once per process (matching costs more
// than laying out a short document): the face, its charset, and the problems to report.
struct Resolved {
  bool usable = false;
  FontFace face;
  FcCharSet* charset = nullptr;  // owned
  std::vector<std::string> problems;
};

class Resolutions {
 public:
  static Resolutions& instance() {
    font_config();  // made first, so destroyed after the charsets held here
    static Resolutions resolutions;
    return resolutions;
  }
  ~Resolutions() {
    for (auto& [key, resolved] : resolved_) {
      if (resolved.charset != nullptr) FcCharSetDestroy(resolved.charset);
    }
  }

  // Never changed once made, so the reference stays valid and needs no lock.
  const Resolved& get(const std::string& family, bool bold, bool italic) {
    const std::string key = family + '|' + (bold ? 'b' : '-') + (italic ? 'i' : '-');
    std::lock_guard<std::mutex> lock(mutex_);
    auto found = resolved_.find(key);
    if (found != resolved_.end()) return found->second;
    return resolved_.emplace(key, match(family, bold, italic)).first->second;
  }

 private:
  static Resolved match(const std::string& family, bool bold, bool italic) {
    Resolved out;
    PatternPtr pattern(FcPatternCreate());
    FcPatternAddString(pattern.p, FC_FAMILY, reinterpret_cast<const FcChar8*>(family.c_str()));
    FcPatternAddInteger(pattern.p, FC_WEIGHT, bold ? FC_WEIGHT_BOLD : FC_WEIGHT_REGULAR);
    FcPatternAddInteger(pattern.p, FC_SLANT, italic ? FC_SLANT_ITALIC : FC_SLANT_ROMAN);
    FcPatternAddInteger(pattern.p, FC_WIDTH, FC_WIDTH_NORMAL);
    FcConfigSubstitute(font_config(), pattern.p, FcMatchPattern);
    FcDefaultSubstitute(pattern.p);
    FcResult result = FcResultNoMatch;
    PatternPtr match(FcFontMatch(font_config(), pattern.p, &result));
    if (match.p == nullptr) {
      out.problems.push_back("font family '" + family + "' not found by fontconfig");
      return out;
    }
    const std::string found_family = pattern_string(match.p, FC_FAMILY);
    if (found_family != family) {
      out.problems.push_back("font family '" + family + "' not found; fontconfig substituted '" +
                             found_family + "'");
    }
    if (!is_truetype(match.p)) {
      out.problems.push_back("font '" + found_family + "' (" + pattern_string(match.p, FC_FILE) +
                             ") is not a TrueType font, which libharu needs");
      return out;
    }
    out.usable = true;
    out.face.path = pattern_string(match.p, FC_FILE);
    FcPatternGetInteger(match.p, FC_INDEX, 0, &out.face.index);
    out.face.family = found_family;
    FcCharSet* charset = nullptr;
    FcPatternGetCharSet(match.p, FC_CHARSET, 0, &charset);
    out.charset = charset != nullptr ? FcCharSetCopy(charset) : nullptr;
    return out;
  }

  std::mutex mutex_;
  std::unordered_map<std::string, Resolved> resolved_;
};

}  // namespace

FontRegistry::FontRegistry(const doc::Style& style) : style_(style) {
  styles_.fill(kUnresolved);
}

FontRegistry::~FontRegistry() {
  for (void* charset : charsets_) {
    if (charset != nullptr) FcCharSetDestroy(static_cast<FcCharSet*>(charset));
  }
}

FontId FontRegistry::font_by_name(Family family, bool bold, bool italic) {
  const std::string& name = family == Family::Heading ? style_.heading_font
                            : family == Family::Mono  ? style_.mono_font
                                                      : style_.body_font;
  const std::string key = name + '|' + (bold ? 'b' : '-') + (italic ? 'i' : '-');
  FontId id = -1;
  auto found = by_key_.find(key);
  if (found != by_key_.end()) {
    id = found->second;
  } else {
    id = resolve(name, bold, italic);
    if (id < 0 && family != Family::Body) id = font(Family::Body, bold, italic);
    by_key_.emplace(key, id);
  }
  const std::size_t slot = static_cast<std::size_t>(family) * 4 + (bold ? 2 : 0) + (italic ? 1 : 0);
  if (slot < styles_.size()) styles_[slot] = id;
  return id;
}

FontId FontRegistry::resolve(const std::string& family, bool bold, bool italic) {
  const Resolved& found = Resolutions::instance().get(family, bold, italic);
  problems_.insert(problems_.end(), found.problems.begin(), found.problems.end());
  if (!found.usable) return -1;
  return add_face(found.face, found.charset != nullptr ? FcCharSetCopy(found.charset) : nullptr);
}

FontId FontRegistry::add_face(FontFace face, void* charset) {
  const std::string key = face.path + '#' + std::to_string(face.index);
  auto found = by_file_.find(key);
  if (found != by_file_.end()) {
    if (charset != nullptr) FcCharSetDestroy(static_cast<FcCharSet*>(charset));
    return found->second;
  }
  const FontId id = static_cast<FontId>(faces_.size());
  faces_.push_back(std::move(face));
  charsets_.push_back(charset);
  widths_.emplace_back();
  covered_.emplace_back();
  by_file_.emplace(key, id);
  return id;
}

bool FontRegistry::covers(FontId font, char32_t cp) const {
  if (cp > 0xFFFF) return false;  // libharu maps the Basic Multilingual Plane only
  const auto& covered = covered_[static_cast<std::size_t>(font)];
  if (!covered.empty()) return covered[cp];
  const auto* charset = static_cast<const FcCharSet*>(charsets_[static_cast<std::size_t>(font)]);
  return charset != nullptr && FcCharSetHasChar(charset, cp);
}

FontId FontRegistry::font_for_slow(FontId preferred, char32_t cp) {
  if (preferred < 0 || covers(preferred, cp)) return preferred;
  const FontId other = fallback(cp);
  return other >= 0 ? other : preferred;
}

FontId FontRegistry::fallback(char32_t cp) {
  auto found = fallbacks_.find(cp);
  if (found != fallbacks_.end()) return found->second;
  FontId result = -1;
  // The configured fonts first (a bold body font may have what the mono font lacks).
  for (FontId id = 0; id < static_cast<FontId>(faces_.size()) && result < 0; ++id) {
    if (covers(id, cp)) result = id;
  }
  if (result < 0 && cp <= 0xFFFF) {
    PatternPtr pattern(FcPatternCreate());
    FcCharSet* wanted = FcCharSetCreate();
    FcCharSetAddChar(wanted, cp);
    FcPatternAddCharSet(pattern.p, FC_CHARSET, wanted);
    FcCharSetDestroy(wanted);
    FcPatternAddString(pattern.p, FC_FONTFORMAT, reinterpret_cast<const FcChar8*>("TrueType"));
    FcConfigSubstitute(font_config(), pattern.p, FcMatchPattern);
    FcDefaultSubstitute(pattern.p);
    FcResult status = FcResultNoMatch;
    FcFontSet* set = FcFontSort(font_config(), pattern.p, FcFalse, nullptr, &status);
    if (set != nullptr) {
      for (int i = 0; i < set->nfont && result < 0; ++i) {
        FcPattern* candidate = set->fonts[i];
        FcCharSet* charset = nullptr;
        if (FcPatternGetCharSet(candidate, FC_CHARSET, 0, &charset) != FcResultMatch) continue;
        if (charset == nullptr || !FcCharSetHasChar(charset, cp) || !is_truetype(candidate)) {
          continue;
        }
        FontFace face;
        face.path = pattern_string(candidate, FC_FILE);
        FcPatternGetInteger(candidate, FC_INDEX, 0, &face.index);
        face.family = pattern_string(candidate, FC_FAMILY);
        face.fallback = true;
        result = add_face(std::move(face), FcCharSetCopy(charset));
      }
      FcFontSetDestroy(set);
    }
  }
  if (result < 0) missing_.push_back(cp);
  fallbacks_.emplace(cp, result);
  return result;
}

void FontRegistry::load_metrics(FontId font) {
  const auto f = static_cast<std::size_t>(font);
  SharedMetrics::instance().table(face(font), static_cast<const FcCharSet*>(charsets_[f]),
                                  widths_[f], covered_[f]);
}

double FontRegistry::advance_slow(FontId font, char32_t cp) {
  if (font < 0) return 600;
  auto& table = widths_[static_cast<std::size_t>(font)];
  if (table.empty()) load_metrics(font);
  if (cp > 0xFFFF) return 1000;
  short& width = table[cp];
  if (width < 0) width = SharedMetrics::instance().advance(face(font), cp);
  return width;
}

std::vector<std::uint16_t> FontRegistry::glyph_ids(FontId font,
                                                   const std::vector<char32_t>& chars) {
  if (font < 0 || static_cast<std::size_t>(font) >= faces_.size()) return {};
  if (widths_[static_cast<std::size_t>(font)].empty()) load_metrics(font);  // the face is read
  return SharedMetrics::instance().glyphs(face(font), chars);
}

double FontRegistry::width(FontId font, std::string_view text, double size) {
  double total = 0;
  for (std::size_t pos = 0; pos < text.size();)
    total += advance(font, plenary::core::next_code_point(text, pos));
  return total * size / 1000.0;
}

}  // namespace plenary::render::pdf
