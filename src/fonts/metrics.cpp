#include "fonts/metrics.hpp"

#include <algorithm>
#include <memory>
#include <mutex>
#include <unordered_map>

#include "fonts/font_file.hpp"
#include "fonts/sfnt.hpp"

namespace plenary::fonts {

FaceMetrics::FaceMetrics(const std::string& file, std::size_t directory) {
  const auto tables = sfnt::tables(file, directory);
  const auto find = [&](const char* tag) -> const sfnt::Table* {
    const auto found = tables.find(tag);
    return found == tables.end() ? nullptr : &found->second;
  };
  const sfnt::Table* head = find("head");
  const sfnt::Table* maxp = find("maxp");
  const sfnt::Table* hhea = find("hhea");
  const sfnt::Table* hmtx = find("hmtx");
  const sfnt::Table* cmap = find("cmap");
  if (!head || !maxp || !hhea || !hmtx || !cmap) return;
  const sfnt::Bytes in{file};
  units_per_em_ = in.u16(head->offset + 18);
  num_glyphs_ = in.u16(maxp->offset + 4);
  const std::uint16_t long_metrics = in.u16(hhea->offset + 34);
  if (units_per_em_ == 0) return;

  // 'hmtx': the long metrics, then the last advance repeated for the other glyphs.
  advances_.assign(num_glyphs_, 0);
  std::uint16_t last = 0;
  for (std::size_t g = 0; g < num_glyphs_; ++g) {
    if (g < long_metrics) last = in.u16(hmtx->offset + 4 * g);
    advances_[g] = last;
  }
  missing_width_ = num_glyphs_ > 0
                       ? static_cast<short>(static_cast<std::uint32_t>(advances_[0]) * 1000 /
                                            static_cast<std::uint32_t>(units_per_em_))
                       : 0;

  // 'cmap': the first (3,1) subtable in format 4.
  const std::size_t count = in.u16(cmap->offset + 2);
  std::size_t subtable = 0;
  for (std::size_t i = 0; i < count; ++i) {
    const std::size_t record = cmap->offset + 4 + 8 * i;
    const std::size_t at = cmap->offset + in.u32(record + 4);
    if (in.u16(record) == 3 && in.u16(record + 2) == 1 && in.u16(at) == 4) {
      subtable = at;
      break;
    }
  }
  if (subtable == 0) return;
  const std::size_t length = in.u16(subtable + 2);
  const std::size_t segments = in.u16(subtable + 6) / 2;
  if (segments == 0) return;
  std::size_t at = subtable + 14;
  const auto read16 = [&](std::vector<std::uint16_t>& out) {
    out.resize(segments);
    for (std::size_t i = 0; i < segments; ++i, at += 2) out[i] = in.u16(at);
  };
  read16(end_);
  at += 2;  // reservedPad
  read16(start_);
  delta_.resize(segments);
  for (std::size_t i = 0; i < segments; ++i, at += 2) {
    delta_[i] = static_cast<std::int16_t>(in.u16(at));
  }
  read16(range_offset_);
  const std::size_t read = at - subtable;
  const std::size_t ids = length > read ? (length - read) / 2 : 0;
  glyph_ids_.resize(ids);
  for (std::size_t i = 0; i < ids; ++i, at += 2) glyph_ids_[i] = in.u16(at);
  ok_ = true;
}

std::uint16_t FaceMetrics::glyph(char32_t cp) const {
  if (!ok_ || cp > 0xFFFF) return 0;
  const std::size_t segments = end_.size();
  // The first segment that ends at or after `cp` (end codes ascend).
  const auto i = static_cast<std::size_t>(
      std::lower_bound(end_.begin(), end_.end(), static_cast<std::uint16_t>(cp)) - end_.begin());
  if (i >= segments || start_[i] > cp) return 0;
  if (range_offset_[i] == 0) return static_cast<std::uint16_t>(cp + delta_[i]);
  const std::size_t index = range_offset_[i] / 2 + (cp - start_[i]) - (segments - i);
  if (index >= glyph_ids_.size()) return 0;
  return static_cast<std::uint16_t>(glyph_ids_[index] + delta_[i]);
}

short FaceMetrics::advance(char32_t cp) const {
  if (!ok_) return 600;
  const std::uint16_t gid = glyph(cp);
  if (gid >= num_glyphs_) return missing_width_ < 0 ? 0 : missing_width_;
  const auto width = static_cast<short>(
      static_cast<std::uint16_t>(static_cast<std::uint32_t>(advances_[gid]) * 1000 /
                                 static_cast<std::uint32_t>(units_per_em_)));
  return width < 0 ? 0 : width;
}

const FaceMetrics& face_metrics(const std::string& path, int index) {
  static std::mutex mutex;
  static std::unordered_map<std::string, std::unique_ptr<FaceMetrics>> faces;
  static const std::string empty;
  std::lock_guard<std::mutex> lock(mutex);
  std::unique_ptr<FaceMetrics>& slot = faces[path + '#' + std::to_string(index)];
  if (!slot) {
    const std::string* file = font_file(path);
    slot = file != nullptr ? std::make_unique<FaceMetrics>(*file, face_directory(*file, index))
                           : std::make_unique<FaceMetrics>(empty, 0);
  }
  return *slot;
}

}  // namespace plenary::fonts
