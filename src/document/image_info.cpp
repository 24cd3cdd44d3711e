#include "document/image_info.hpp"

#include <Poco/Checksum.h>


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

// CRC-32 (ISO 3309, as PNG uses it), by Poco.
unsigned long crc32_of(const std::string& b, std::size_t from, std::size_t size) {
  Poco::Checksum crc(Poco::Checksum::TYPE_CRC32);
  crc.update(b.data() + from, static_cast<unsigned>(size));
  return crc.checksum();
}

std::string png_problem(const std::string& b) {
  std::size_t i = 8;
  bool header = false, data = false;
  while (true) {
    if (i + 12 > b.size()) return "the PNG is truncated (no IEND chunk)";
    const unsigned long length = be32(b, i);
    if (length > 0x7FFFFFFFUL || length > b.size() - i - 12)
      return "the PNG is truncated or corrupt (a chunk runs past the end of the file)";
    const std::string type = b.substr(i + 4, 4);
    if (crc32_of(b, i + 4, 4 + length) != be32(b, i + 8 + length))
      return "the PNG is corrupt (chunk " + std::string(header ? "" : "IHDR ") +
             "CRC mismatch at byte " + std::to_string(i) + ")";
    if (!header) {
      if (type != "IHDR" || length != 13) return "the PNG does not start with an IHDR chunk";
      const unsigned depth = static_cast<unsigned char>(b[i + 16]);
      const unsigned color = static_cast<unsigned char>(b[i + 17]);
      const bool valid =
          (color == 0 && (depth == 1 || depth == 2 || depth == 4 || depth == 8 || depth == 16)) ||
          (color == 3 && (depth == 1 || depth == 2 || depth == 4 || depth == 8)) ||
          ((color == 2 || color == 4 || color == 6) && (depth == 8 || depth == 16));
      if (!valid || b[i + 18] != 0 || b[i + 19] != 0 || static_cast<unsigned char>(b[i + 20]) > 1)
        return "the PNG header is invalid (bit depth, colour type or method)";
      header = true;
    } else if (type == "IDAT") {
      data = true;
    } else if (type == "IEND") {
      return data ? std::string() : "the PNG has no image data (IDAT)";
    }
    i += 12 + length;
  }
}

std::string jpeg_problem(const std::string& b) {
  std::size_t end = b.size();
  while (end > 2 &&
         (b[end - 1] == '\0' || b[end - 1] == '\n' || b[end - 1] == '\r' || b[end - 1] == ' '))
    --end;  // padding some writers leave after the end marker
  if (end < 4 || static_cast<unsigned char>(b[end - 2]) != 0xFF ||
      static_cast<unsigned char>(b[end - 1]) != 0xD9)
    return "the JPEG is truncated (no end-of-image marker)";
  return {};
}

}  // namespace

std::string image_problem(const std::string& bytes) {
  const auto info = image_info(bytes);
  if (!info) return "neither a PNG nor a JPEG image (or its header is cut short)";
  if (info->width_px > kMaxImageSidePx || info->height_px > kMaxImageSidePx ||
      static_cast<long long>(info->width_px) * info->height_px > kMaxImagePixels)
    return "the image is " + std::to_string(info->width_px) + " x " +
           std::to_string(info->height_px) + " pixels (at most " + std::to_string(kMaxImageSidePx) +
           " on a side and " + std::to_string(kMaxImagePixels / 1000000) + " million in all)";
  return info->format == ImageFormat::Png ? png_problem(bytes) : jpeg_problem(bytes);
}

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
