#include "paginate/measure_cache.hpp"

#include <functional>

namespace plenary::paginate {

std::size_t MeasureCache::TextKeyHash::operator()(const TextKey& k) const {
  std::size_t h = std::hash<const void*>()(k.content);
  auto mix = [&h](std::size_t v) { h ^= v + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2); };
  mix(std::hash<double>()(k.width));
  mix(std::hash<double>()(k.size));
  mix(static_cast<std::size_t>(k.family) * 4 + (k.bold ? 2 : 0) + (k.italic ? 1 : 0));
  return h;
}

const TextBox& MeasureCache::text(const doc::Inlines& content, const TextStyle& style,
                                  const doc::Color& link_color, double width, FontRegistry& fonts) {
  const TextKey key{&content,     width,         style.size,    style.family, style.bold,
                    style.italic, style.color.r, style.color.g, style.color.b};
  auto found = texts_.find(key);
  if (found != texts_.end()) return found->second;
  return texts_.emplace(key, break_lines(flatten(content, style, link_color), width, fonts))
      .first->second;
}

const TableGeometry& MeasureCache::table(const doc::Table& table, double width, FontRegistry& fonts,
                                         const doc::Style& style) {
  const auto key = std::make_tuple(&table, width);
  auto found = tables_.find(key);
  if (found != tables_.end()) return found->second;
  return tables_.emplace(key, measure_table(table, width, fonts, style)).first->second;
}

void MeasureCache::export_table_widths(Pagination& layout) const {
  for (const auto& [key, geometry] : tables_)
    layout.table_widths.emplace(std::make_pair(std::get<0>(key), std::get<1>(key)),
                                geometry.widths);
}

}  // namespace plenary::paginate
