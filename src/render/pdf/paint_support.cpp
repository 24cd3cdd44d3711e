#include "render/pdf/paint_support.hpp"

#include <cstdint>
#include <cstdio>

#include "core/utf8.hpp"

namespace plenary::render::pdf {

std::vector<std::vector<char32_t>> characters_by_font(const paginate::Pagination& pages,
                                                      std::size_t font_count) {
  std::vector<std::vector<char32_t>> used(font_count);
  std::vector<std::vector<std::uint64_t>> seen(font_count);  // BMP bitmaps
  for (const paginate::Page& page : pages.pages) {
    for (const paginate::Item& item : page.items) {
      const auto* text = std::get_if<paginate::TextItem>(&item);
      if (text == nullptr || text->font < 0) continue;
      const auto f = static_cast<std::size_t>(text->font);
      if (f >= seen.size()) continue;
      std::vector<std::uint64_t>& bits = seen[f];
      if (bits.empty()) bits.assign(0x10000 / 64, 0);
      const std::string& s = text->text;
      for (std::size_t pos = 0; pos < s.size();) {
        const auto lead = static_cast<unsigned char>(s[pos]);
        char32_t cp = lead;
        if (lead < 0x80) {
          ++pos;
        } else {
          cp = plenary::core::next_code_point(s, pos);
        }
        if (cp <= 0xFFFF) bits[cp / 64] |= std::uint64_t{1} << (cp % 64);
      }
    }
  }
  for (std::size_t f = 0; f < seen.size(); ++f) {
    for (std::size_t word = 0; word < seen[f].size(); ++word) {
      for (std::uint64_t bits = seen[f][word]; bits != 0; bits &= bits - 1) {
        used[f].push_back(static_cast<char32_t>(word * 64 + __builtin_ctzll(bits)));
      }
    }
  }
  return used;
}

std::string pdf_date(const std::string& text) {
  int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
  char tail = 0;
  const int fields = std::sscanf(text.c_str(), "%4d-%2d-%2dT%2d:%2d:%2d%c", &year, &month, &day,
                                 &hour, &minute, &second, &tail);
  const bool ok = fields >= 1 && fields <= 6 && year >= 1000 &&
                  (fields < 2 || (month >= 1 && month <= 12)) &&
                  (fields < 3 || (day >= 1 && day <= 31)) && (fields < 4 || hour <= 23) &&
                  (fields < 5 || minute <= 59) && (fields < 6 || second <= 59) && fields != 4;
  if (!ok) return {};
  char buffer[64];
  switch (fields) {
    case 1:
      std::snprintf(buffer, sizeof buffer, "D:%04d", year);
      break;
    case 2:
      std::snprintf(buffer, sizeof buffer, "D:%04d%02d", year, month);
      break;
    case 3:
      std::snprintf(buffer, sizeof buffer, "D:%04d%02d%02d", year, month, day);
      break;
    default:
      std::snprintf(buffer, sizeof buffer, "D:%04d%02d%02d%02d%02d%02dZ", year, month, day, hour,
                    minute, second);
  }
  return buffer;
}

}  // namespace plenary::render::pdf
