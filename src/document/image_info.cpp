#include "document/image_info.hpp"

namespace plenary::doc {

namespace {

unsigned be16(const std::string& b, std::size_t i) {
  return (static_cast<unsigned char>(b[i]) << 8) | static_cast<unsigned char>(b[i + 1]);
}

unsigned long be32(const std::string& b, std::size_t i) {
  return (static_cast<unsigned long>(be16(b, i)) << 16) | be16(b, i + 2);
}

std::optional<ImageInfo> sized(ImageFormat format, unsigned long width, unsigned long height) {
  if (width == 0 || height == 0 || width > 0x7FFFFFFF || height > 0x7FFFFFFF) return std::nullopt;
  return ImageInfo{format, static_cast<int>(width), static_cast<int>(height)};
}

}  // namespace

std::optional<ImageInfo> image_info(const std::string& b) {
  static const std::string png_signature("\x89PNG\r\n\x1a\n", 8);
  if (b.size() >= 24 && b.compare(0, 8, png_signature) == 0 && b.compare(12, 4, "IHDR") == 0) {
    return sized(ImageFormat::Png, be32(b, 16), be32(b, 20));
  }
  if (b.size() >= 4 && static_cast<unsigned char>(b[0]) == 0xFF &&
      static_cast<unsigned char>(b[1]) == 0xD8) {
    std::size_t i = 2;
    while (i + 9 <= b.size()) {  // a frame header needs 9 bytes: marker, length, precision, size
      if (static_cast<unsigned char>(b[i]) != 0xFF) return std::nullopt;
      const unsigned marker = static_cast<unsigned char>(b[i + 1]);
      if (marker == 0xFF) {  // fill byte
        ++i;
        continue;
      }
      if (marker == 0xD8 || marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
        i += 2;  // markers without a length
        continue;
      }
      // Start of frame: C0 baseline, C1 extended, C2 progressive, C3 lossless, C5-C7 and
      // C9-CB, CD-CF their differential and arithmetic forms (C4, C8, CC are not frames).
      const bool sof =
          marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
      if (sof) return sized(ImageFormat::Jpeg, be16(b, i + 7), be16(b, i + 5));
      i += 2 + be16(b, i + 2);
    }
  }
  return std::nullopt;
}

}  // namespace plenary::doc
