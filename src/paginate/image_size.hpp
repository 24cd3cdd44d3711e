// The display size of an image: its width_pt/height_pt, or its pixel size read from the PNG or
// JPEG header at 96 dpi when those are not given, scaled down to a maximum width.
#pragma once

#include "document/document.hpp"
#include "document/style.hpp"

namespace plenary::paginate {

struct ImageBox {
  double w = 0, h = 0;
};

struct PixelSize {
  int width = 0, height = 0;  // 0 when the header cannot be read
};

PixelSize pixel_size(const doc::Image& image);
// The display size of `image`: width_pt/height_pt, or its pixel size at style.image_dpi
// (style.image_fallback_width_pt, square, when its header cannot be read), scaled down to
// `max_width`.
ImageBox image_box(const doc::Image& image, double max_width, const doc::Style& style);

}  // namespace plenary::paginate
