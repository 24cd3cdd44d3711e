#include "fonts/fonts.hpp"

#include <mutex>

#include "core/utf8.hpp"
#include "fonts/fontconfig.hpp"
#include "fonts/metrics.hpp"

namespace plenary::fonts {

namespace {

// Glyph advances of the characters a face's fontconfig charset covers, computed once per
// process and shared by every document of a build (mapping a few thousand characters costs
// more than laying out a short document); any other character is measured on a miss.
class SharedTables {
 public:
  static SharedTables& instance() {
    static SharedTables tables;
    return tables;
  }

  // The face's advances (-1 where not covered) and coverage, made on the first call; they
  // stay where they are, unchanged, for the rest of the process.
  void table(const FontFace& face, const void* charset, const short*& widths,
             const std::vector<bool>*& covered) {
    std::lock_guard<std::mutex> lock(mutex_);
    const std::string key = face.path + '#' + std::to_string(face.index);
    auto found = faces_.find(key);
    if (found == faces_.end()) {
      Entry e;
      e.covered = fc::bmp_coverage(charset);
      e.widths.assign(0x10000, -1);
      const FaceMetrics& metrics = face_metrics(face.path, face.index);
      for (char32_t cp = 0; cp <= 0xFFFF; ++cp) {
        if (e.covered[cp]) e.widths[cp] = metrics.advance(cp);
      }
      found = faces_.emplace(key, std::move(e)).first;
    }
    widths = found->second.widths.data();
    covered = &found->second.covered;
  }

 private:
  struct Entry {
    std::vector<short> widths;
    std::vector<bool> covered;
  };
  std::mutex mutex_;
  std::unordered_map<std::string, Entry> faces_;
};

}  // namespace

FontRegistry::FontRegistry(const doc::Style& style) : style_(style) {
  styles_.fill(kUnresolved);
}

FontRegistry::~FontRegistry() {
  for (void* charset : charsets_) fc::destroy(charset);
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
  const fc::Resolved& found = fc::resolve(family, bold, italic);
  problems_.insert(problems_.end(), found.problems.begin(), found.problems.end());
  if (!found.usable) return -1;
  return add_face(found.face, fc::copy(found.charset));
}

FontId FontRegistry::add_face(FontFace face, void* charset) {
  const std::string key = face.path + '#' + std::to_string(face.index);
  auto found = by_file_.find(key);
  if (found != by_file_.end()) {
    fc::destroy(charset);
    return found->second;
  }
  const FontId id = static_cast<FontId>(faces_.size());
  faces_.push_back(std::move(face));
  charsets_.push_back(charset);
  widths_.push_back(nullptr);
  covered_.push_back(nullptr);
  by_file_.emplace(key, id);
  return id;
}

bool FontRegistry::covers(FontId font, char32_t cp) const {
  if (cp > 0xFFFF) return false;  // the PDF's fonts map the Basic Multilingual Plane only
  const std::vector<bool>* covered = covered_[static_cast<std::size_t>(font)];
  if (covered != nullptr) return (*covered)[cp];
  return fc::has(charsets_[static_cast<std::size_t>(font)], cp);
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
  FontFace face;
  void* charset = nullptr;
  if (result < 0 && fc::fallback(cp, face, charset)) {
    face.fallback = true;
    result = add_face(std::move(face), charset);
  }
  if (result < 0) missing_.push_back(cp);
  fallbacks_.emplace(cp, result);
  return result;
}

void FontRegistry::load_metrics(FontId font) {
  const auto f = static_cast<std::size_t>(font);
  SharedTables::instance().table(face(font), charsets_[f], widths_[f], covered_[f]);
}

double FontRegistry::advance_slow(FontId font, char32_t cp) {
  if (font < 0) return 600;
  const auto f = static_cast<std::size_t>(font);
  if (widths_[f] == nullptr) load_metrics(font);
  if (cp > 0xFFFF) return 1000;
  if (widths_[f][cp] >= 0) return widths_[f][cp];
  const std::uint64_t key = static_cast<std::uint64_t>(f) << 32 | cp;
  auto found = missed_.find(key);
  if (found == missed_.end()) {
    const short width = face_metrics(face(font).path, face(font).index).advance(cp);
    found = missed_.emplace(key, width).first;
  }
  return found->second;
}

std::vector<std::uint16_t> FontRegistry::glyph_ids(FontId font,
                                                   const std::vector<char32_t>& chars) {
  if (font < 0 || static_cast<std::size_t>(font) >= faces_.size()) return {};
  const FaceMetrics& metrics = face_metrics(face(font).path, face(font).index);
  if (!metrics.ok()) return {};
  std::vector<std::uint16_t> ids;
  ids.reserve(chars.size());
  for (char32_t cp : chars) ids.push_back(metrics.glyph(cp));
  return ids;
}

const FontRegistry::AsciiWidths* FontRegistry::ascii_widths(FontId font, double size) {
  if (font < 0) return nullptr;
  for (const auto& row : ascii_)
    if (row->font == font && row->size == size) return row.get();
  const auto f = static_cast<std::size_t>(font);
  if (widths_[f] == nullptr || covered_[f] == nullptr) return nullptr;
  auto row = std::make_unique<AsciiWidths>();
  row->font = font;
  row->size = size;
  for (char32_t cp = 0x21; cp < 0x7F; ++cp) {
    // Only characters in the font's charset with a width in its table: for them font_for()
    // gives the font itself and advance() the table's width, so nothing is asked here that
    // the per-character path would not (no fallback font is looked for).
    if (!(*covered_[f])[cp] || widths_[f][cp] < 0) continue;
    row->covered[cp] = true;
    row->width[cp] = advance(font, cp) * size / 1000;
  }
  ascii_.push_back(std::move(row));
  return ascii_.back().get();
}

void warm(const doc::Style& style) {
  struct Face {
    const std::string& family;
    bool bold, italic;
  };
  for (const Face& f : {Face{style.body_font, false, false}, Face{style.body_font, true, false},
                        Face{style.body_font, false, true}, Face{style.heading_font, true, false}}) {
    const fc::Resolved& found = fc::resolve(f.family, f.bold, f.italic);
    if (!found.usable) continue;
    const short* widths = nullptr;
    const std::vector<bool>* covered = nullptr;
    SharedTables::instance().table(found.face, found.charset, widths, covered);
  }
}

double FontRegistry::width(FontId font, std::string_view text, double size) {
  double total = 0;
  for (std::size_t pos = 0; pos < text.size();)
    total += advance(font, plenary::core::next_code_point(text, pos));
  return total * size / 1000.0;
}

}  // namespace plenary::fonts
