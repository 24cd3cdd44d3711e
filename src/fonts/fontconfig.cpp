#include "fonts/fontconfig.hpp"

#include <fontconfig/fontconfig.h>

#include <algorithm>
#include <mutex>
#include <unordered_map>

namespace plenary::fonts::fc {

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

class Resolutions {
 public:
  static Resolutions& instance() {
    font_config();  // made first, so destroyed after the charsets held here
    static Resolutions resolutions;
    return resolutions;
  }
  ~Resolutions() {
    for (auto& [key, resolved] : resolved_) {
      if (resolved.charset != nullptr) {
        FcCharSetDestroy(static_cast<FcCharSet*>(const_cast<void*>(resolved.charset)));
      }
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

const Resolved& resolve(const std::string& family, bool bold, bool italic) {
  return Resolutions::instance().get(family, bold, italic);
}

bool fallback(char32_t cp, FontFace& face, void*& charset_out) {
  bool found = false;
  if (cp > 0xFFFF) return false;
  {
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
      for (int i = 0; i < set->nfont && !found; ++i) {
        FcPattern* candidate = set->fonts[i];
        FcCharSet* charset = nullptr;
        if (FcPatternGetCharSet(candidate, FC_CHARSET, 0, &charset) != FcResultMatch) continue;
        if (charset == nullptr || !FcCharSetHasChar(charset, cp) || !is_truetype(candidate)) {
          continue;
        }
        face = FontFace{};
        face.path = pattern_string(candidate, FC_FILE);
        FcPatternGetInteger(candidate, FC_INDEX, 0, &face.index);
        face.family = pattern_string(candidate, FC_FAMILY);
        face.fallback = true;
        charset_out = FcCharSetCopy(charset);
        found = true;
      }
      FcFontSetDestroy(set);
    }
  }
  return found;
}

void* copy(const void* charset) {
  return charset != nullptr ? FcCharSetCopy(static_cast<FcCharSet*>(const_cast<void*>(charset)))
                            : nullptr;
}

void destroy(void* charset) {
  if (charset != nullptr) FcCharSetDestroy(static_cast<FcCharSet*>(charset));
}

bool has(const void* charset, char32_t cp) {
  return charset != nullptr && FcCharSetHasChar(static_cast<const FcCharSet*>(charset), cp);
}

std::vector<bool> bmp_coverage(const void* charset) {
  std::vector<bool> covered(0x10000, false);
  if (charset == nullptr) return covered;
  const auto* set = static_cast<const FcCharSet*>(charset);
  FcChar32 map[FC_CHARSET_MAP_SIZE];
  FcChar32 next = 0;
  for (FcChar32 base = FcCharSetFirstPage(set, map, &next);
       base != FC_CHARSET_DONE && base <= 0xFFFF; base = FcCharSetNextPage(set, map, &next)) {
    for (int i = 0; i < FC_CHARSET_MAP_SIZE; ++i) {
      for (FcChar32 bits = map[i]; bits != 0; bits &= bits - 1) {
        const FcChar32 cp =
            base + static_cast<FcChar32>(i) * 32 + static_cast<FcChar32>(__builtin_ctz(bits));
        if (cp <= 0xFFFF) covered[cp] = true;
      }
    }
  }
  return covered;
}

}  // namespace plenary::fonts::fc
