// The display size of an image: its width_pt/height_pt, or its pixel size read from the PNG or
// JPEG header at 96 dpi when those are not given, scaled down to a maximum width.
#pragma once

#include "document/document.hpp"

namespace plenary::paginate {

struct ImageBox {
  double w = 0, h = 0;
};

struct PixelSize {
  int width = 0, height = 0;  // 0 when the header cannot be read
};

PixelSize pixel_size(const doc::Image& image);
ImageBox image_box(const doc::Image& image, double max_width);

}  // namespace plenary::paginate
