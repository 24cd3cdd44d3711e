// The one PNG/JPEG header reader (document/image_info.hpp).
#include <catch2/catch.hpp>

#include <string>

#include "document/image_info.hpp"

using namespace plenary;

namespace {

std::string be16(unsigned v) {
  return {static_cast<char>((v >> 8) & 0xFF), static_cast<char>(v & 0xFF)};
}
std::string be32(unsigned long v) {
  return be16(static_cast<unsigned>(v >> 16)) + be16(static_cast<unsigned>(v & 0xFFFF));
}

std::string png(unsigned long width, unsigned long height) {
  std::string b("\x89PNG\r\n\x1a\n", 8);
  b += be32(13) + "IHDR" + be32(width) + be32(height);
  b += std::string("\x08\x02\x00\x00\x00", 5) + be32(0);  // depth, colour type..., CRC
  return b;
}

// SOI, an APP0 segment, a DQT segment, then a start of frame `sof` (0xC0 baseline, 0xC2
// progressive), then scan data.
std::string jpeg(unsigned sof, unsigned width, unsigned height) {
  std::string b("\xFF\xD8", 2);
  b += std::string("\xFF\xE0", 2) + be16(16) + std::string("JFIF\0\x01\x01\0\0\x01\0\x01\0\0", 14);
  b += std::string("\xFF\xDB", 2) + be16(67) + std::string(65, '\x01');
  b += std::string("\xFF", 1) + static_cast<char>(sof) + be16(17) + std::string("\x08", 1) +
       be16(height) + be16(width) + std::string("\x03\x01\x22\x00\x02\x11\x01\x03\x11\x01", 10);
  b += std::string("\xFF\xDA", 2) + be16(12) + std::string(10, '\0') + std::string(64, '\x55');
  b += std::string("\xFF\xD9", 2);
  return b;
}

}  // namespace

TEST_CASE("PNG: format and pixel size from IHDR", "[image_info]") {
  const auto info = doc::image_info(png(640, 480));
  REQUIRE(info);
  CHECK(info->format == doc::ImageFormat::Png);
  CHECK(info->width_px == 640);
  CHECK(info->height_px == 480);
}

TEST_CASE("JPEG: baseline and progressive frames give width and height", "[image_info]") {
  for (const unsigned sof : {0xC0u, 0xC2u}) {
    INFO("SOF marker " << std::hex << sof);
    const auto info = doc::image_info(jpeg(sof, 1024, 768));
    REQUIRE(info);
    CHECK(info->format == doc::ImageFormat::Jpeg);
    CHECK(info->width_px == 1024);
    CHECK(info->height_px == 768);
  }
}

TEST_CASE("JPEG: fill bytes and markers without a length before the frame", "[image_info]") {
  std::string b = jpeg(0xC2, 3, 2);
  b.insert(2, std::string("\xFF\xFF\xFF\x01", 4));  // fill bytes, then TEM (no length)
  const auto info = doc::image_info(b);
  REQUIRE(info);
  CHECK(info->width_px == 3);
  CHECK(info->height_px == 2);
}

TEST_CASE("JPEG: a frame header that ends the data is still read", "[image_info]") {
  const auto info =
      doc::image_info(std::string("\xFF\xD8\xFF\xC0\x00\x11\x08\x00\x10\x00\x20", 11));
  REQUIRE(info);
  CHECK(info->width_px == 32);
  CHECK(info->height_px == 16);
}

TEST_CASE("Truncated, zero-sized or garbage bytes give no info", "[image_info]") {
  CHECK_FALSE(doc::image_info(""));
  CHECK_FALSE(doc::image_info("GIF89a........................"));
  CHECK_FALSE(doc::image_info(std::string(100, '\0')));
  CHECK_FALSE(doc::image_info(png(0, 10)));
  CHECK_FALSE(doc::image_info(png(10, 0)));
  CHECK_FALSE(doc::image_info(png(640, 480).substr(0, 20)));  // IHDR cut short
  const std::string full = jpeg(0xC0, 100, 50);
  const std::size_t frame = full.find(std::string("\xFF\xC0", 2));
  for (std::size_t cut = 0; cut < frame + 9; ++cut) {
    INFO("JPEG cut at " << cut);
    CHECK_FALSE(doc::image_info(full.substr(0, cut)));
  }
  CHECK_FALSE(doc::image_info(jpeg(0xC0, 0, 50)));
  std::string broken = full;
  broken[frame - 69] = 'x';  // the DQT segment no longer starts with 0xFF
  CHECK_FALSE(doc::image_info(broken));
}
