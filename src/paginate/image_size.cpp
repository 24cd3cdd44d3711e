#include "paginate/image_size.hpp"

#include "document/image_info.hpp"

namespace plenary::paginate {

PixelSize pixel_size(const doc::Image& image) {
  const auto info = doc::image_info(image.data);
  if (!info || info->format != image.format) return {};
  return {info->width_px, info->height_px};
}

ImageBox image_box(const doc::Image& image, double max_width, const doc::Style& style) {
  ImageBox box{image.width_pt, image.height_pt};
  if (box.w <= 0 || box.h <= 0) {
    const PixelSize pixels = pixel_size(image);
    const double ratio = pixels.width > 0 && pixels.height > 0
                             ? static_cast<double>(pixels.height) / pixels.width
                             : 1.0;
    if (box.w > 0) {
      box.h = box.w * ratio;
    } else if (box.h > 0) {
      box.w = box.h / ratio;
    } else {
      box.w =
          pixels.width > 0 ? pixels.width * (72 / style.image_dpi) : style.image_fallback_width_pt;
      box.h = box.w * ratio;
    }
  }
  if (box.w > max_width && max_width > 0) {
    box.h *= max_width / box.w;
    box.w = max_width;
  }
  return box;
}

}  // namespace plenary::paginate
