#include "render/docx/state.hpp"

#include <algorithm>
#include <cstdio>

namespace plenary::render::docx {

std::string PartRels::add(const std::string& type, const std::string& target, bool external) {
  for (const Relationship& rel : list_) {
    if (rel.type == type && rel.target == target && rel.external == external) return rel.id;
  }
  std::string id = "rId" + std::to_string(list_.size() + 1);
  list_.push_back({id, type, target, external});
  return id;
}

std::string hex_color(const doc::Color& color) {
  auto channel = [](double v) {
    return static_cast<unsigned>(std::clamp(v, 0.0, 1.0) * 255 + 0.5);
  };
  char buffer[8];
  std::snprintf(buffer, sizeof buffer, "%02X%02X%02X", channel(color.r), channel(color.g),
                channel(color.b));
  return buffer;
}

long text_width_twips(const doc::Style& style) {
  return std::max(1440L, twips(style.page_width_pt - style.margin_left_pt - style.margin_right_pt));
}

}  // namespace plenary::render::docx
