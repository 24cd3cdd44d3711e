#include "paginate/image_size.hpp"

namespace plenary::paginate {

namespace {

unsigned byte_at(const std::string& data, std::size_t i) {
  return i < data.size() ? static_cast<unsigned char>(data[i]) : 0;
}
unsigned be16(const std::string& data, std::size_t i) {
  return byte_at(data, i) << 8 | byte_at(data, i + 1);
}
unsigned be32(const std::string& data, std::size_t i) {
  return be16(data, i) << 16 | be16(data, i + 2);
}

PixelSize png_size(const std::string& data) {
  // Signature (8 bytes), then the IHDR chunk: length, "IHDR", width, height.
  if (data.size() < 24 || data.compare(12, 4, "IHDR") != 0) return {};
  return {static_cast<int>(be32(data, 16)), static_cast<int>(be32(data, 20))};
}

PixelSize jpeg_size(const std::string& data) {
  std::size_t i = 2;  // after SOI
  while (i + 9 < data.size()) {
    if (byte_at(data, i) != 0xFF) return {};
    const unsigned marker = byte_at(data, i + 1);
    if (marker == 0xFF) {
      ++i;
      continue;
    }
    const bool sof =
        marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
    if (sof) return {static_cast<int>(be16(data, i + 7)), static_cast<int>(be16(data, i + 5))};
    i += 2 + be16(data, i + 2);
  }
  return {};
}

}  // namespace

PixelSize pixel_size(const doc::Image& image) {
  switch (image.format) {
    case doc::ImageFormat::Png:
      return png_size(image.data);
    case doc::ImageFormat::Jpeg:
      return jpeg_size(image.data);
    default:
      return {};
  }
}

ImageBox image_box(const doc::Image& image, double max_width) {
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
      box.w = pixels.width > 0 ? pixels.width * 0.75 : 100;
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
