#include "fonts/font_file.hpp"

#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>

#include "core/read_file.hpp"
#include "fonts/sfnt.hpp"

namespace plenary::fonts {

namespace {

// In the font whose table directory starts at `dir`: 'post' becomes its 32-byte header, as a
// format 3.0 table. Fonts whose 'post' is already that short are left alone.
void cut_post_table(std::string& data, std::size_t dir) {
  const auto tables = sfnt::tables(data, dir);
  const auto post = tables.find("post");
  if (post == tables.end() || post->second.length <= 32) return;
  sfnt::set32(data, post->second.offset, 0x00030000);  // version 3.0: no glyph names
  sfnt::set32(data, post->second.record + 12, 32);
}

class FontFiles {
 public:
  static FontFiles& instance() {
    static FontFiles files;
    return files;
  }

  // The file's bytes, or nullptr when it cannot be read.
  const std::string* get(const std::string& path) {
    std::lock_guard<std::mutex> lock(mutex_);
    auto found = files_.find(path);
    if (found != files_.end()) return found->second.get();
    auto data = std::make_unique<std::string>();
    // The largest system fonts (CJK collections) are some 30 MiB.
    if (core::read_file(path, *data, 128u << 20) != core::ReadStatus::Ok) data.reset();
    if (data) {
      if (data->compare(0, 4, "ttcf") == 0) {
        const std::uint32_t faces = sfnt::Bytes{*data}.u32(8);
        for (std::uint32_t i = 0; i < faces && 12 + 4 * std::size_t{i} + 4 <= data->size(); ++i) {
          cut_post_table(*data, sfnt::Bytes{*data}.u32(12 + 4 * std::size_t{i}));
        }
      } else {
        cut_post_table(*data, 0);
      }
    }
    return (files_[path] = std::move(data)).get();
  }

 private:
  std::mutex mutex_;
  std::unordered_map<std::string, std::unique_ptr<std::string>> files_;
};

}  // namespace

const std::string* font_file(const std::string& path) {
  return FontFiles::instance().get(path);
}

std::size_t face_directory(const std::string& data, int index) {
  if (data.compare(0, 4, "ttcf") != 0 || index < 0) return 0;
  return sfnt::Bytes{data}.u32(12 + 4 * static_cast<std::size_t>(index));
}

}  // namespace plenary::fonts
