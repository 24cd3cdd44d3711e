#include "paginate/paginate.hpp"

#include <algorithm>

#include "paginate/image_size.hpp"
#include "paginate/lines.hpp"

namespace plenary::paginate {

namespace {

std::string replace_all(std::string text, const std::string& token, const std::string& value) {
  for (std::size_t pos = text.find(token); pos != std::string::npos;
       pos = text.find(token, pos + value.size())) {
    text.replace(pos, token.size(), value);
  }
  return text;
}

Line one_line(const std::string& text, const TextStyle& style, FontRegistry& fonts) {
  TextBox box = break_lines(plain(text, style), 1e9, fonts);
  return box.lines.empty() ? Line{} : box.lines.front();
}

// `text` shortened with an ellipsis to fit `width`.
std::string fit_text(const std::string& text, const TextStyle& style, double width,
                     FontRegistry& fonts) {
  if (one_line(text, style, fonts).width <= width) return text;
  std::string cut = text;
  while (!cut.empty()) {
    while (!cut.empty() && (static_cast<unsigned char>(cut.back()) & 0xC0) == 0x80) {
      cut.pop_back();  // continuation bytes of the last character
    }
    if (!cut.empty()) cut.pop_back();
    if (one_line(cut + "\u2026", style, fonts).width <= width) return cut + "\u2026";
  }
  return {};
}

// One line of text with its baseline at `baseline`.
double put_text(Page& page, const std::string& text, const TextStyle& style, double x,
                double baseline, FontRegistry& fonts) {
  if (text.empty()) return 0;
  const Line line = one_line(text, style, fonts);
  std::vector<Item> items;
  emit_line(line, {}, x, 0, line.size, fonts, items);
  for (Item& item : items) {
    if (auto* run = std::get_if<TextItem>(&item)) run->y = baseline;
    page.items.push_back(std::move(item));
  }
  return line.width;
}

}  // namespace

void add_running_texts(Pagination& layout, const doc::Metadata& meta, const doc::Style& style,
                       FontRegistry& fonts, bool footer_on_cover) {
  const double size = style.header_footer_size_pt;
  const double left = style.margin_left_pt;
  const double right = style.page_width_pt - style.margin_right_pt;
  const double header_baseline = style.margin_top_pt - 22;
  const double footer_baseline = style.page_height_pt - style.margin_bottom_pt + 30;
  TextStyle text;
  text.size = size;
  text.color = style.muted_color;
  const std::string pages = std::to_string(layout.pages.size());
  // The header is the same on every page: set once, copied.
  Page header;
  double header_x = left;
  if (meta.header_logo) {
    const ImageBox box = image_box(*meta.header_logo, 120, style);
    const double h = std::min(box.h, 20.0);
    const double w = box.h > 0 ? box.w * h / box.h : 0;
    header.items.emplace_back(std::in_place_type<ImageItem>,
                              ImageItem{left, header_baseline + 3 - h, w, h, &*meta.header_logo});
    header_x = left + w + 6;
  }
  // The right text gets the room the left one leaves (the left keeps at least half).
  const double room = right - header_x - 12;
  const double left_width = one_line(meta.header_left, text, fonts).width;
  const std::string header_right =
      fit_text(meta.header_right, text, room - std::min(left_width, room / 2), fonts);
  const double right_width = one_line(header_right, text, fonts).width;
  put_text(header, fit_text(meta.header_left, text, right - header_x - right_width - 12, fonts),
           text, header_x, header_baseline, fonts);
  put_text(header, header_right, text, right - right_width, header_baseline, fonts);
  if (!meta.header_left.empty() || !meta.header_right.empty() || meta.header_logo) {
    header.items.emplace_back(
        std::in_place_type<RuleItem>,
        RuleItem{left, header_baseline + 6, right, header_baseline + 6, 0.4, style.table_rule});
  }
  for (std::size_t i = 0; i < layout.pages.size(); ++i) {
    Page& page = layout.pages[i];
    page.nodes.resize(page.items.size(), 0);  // (a pagination made before tagging: content)
    if (page.cover && !footer_on_cover) continue;
    if (!page.cover) page.items.insert(page.items.end(), header.items.begin(), header.items.end());
    if (!meta.footer.empty()) {
      const std::string footer = fit_text(
          replace_all(replace_all(meta.footer, "{page}", std::to_string(i + 1)), "{pages}", pages),
          text, right - left, fonts);
      const double w = one_line(footer, text, fonts).width;
      put_text(page, footer, text, left + (right - left - w) / 2, footer_baseline, fonts);
    }
    page.nodes.resize(page.items.size(), kArtifact);  // running texts are not content
  }
}

}  // namespace plenary::paginate
