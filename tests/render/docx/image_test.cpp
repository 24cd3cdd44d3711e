// Image sizes: read from PNG and JPEG headers, kept when given, scaled down to fit.
#include <catch2/catch.hpp>

#include "render/docx/image.hpp"
#include "sample_document.hpp"

using namespace plenary;

namespace {
doc::Image png(int w, int h) {
  doc::Image image;
  image.data = test::make_png(w, h);
  image.format = doc::ImageFormat::Png;
  return image;
}
}  // namespace

TEST_CASE("the pixel size is read from the PNG header", "[docx][image]") {
  const auto size = render::docx::image_pixels(png(37, 11));
  CHECK(size.width == 37);
  CHECK(size.height == 11);
}

TEST_CASE("the pixel size is read from a JPEG start-of-frame marker", "[docx][image]") {
  // SOI, an APP0 segment of 4 bytes, SOF0 with height 300 and width 500.
  doc::Image jpeg;
  jpeg.format = doc::ImageFormat::Jpeg;
  jpeg.data =
      std::string("\xFF\xD8\xFF\xE0\x00\x04\x00\x00\xFF\xC0\x00\x11\x08\x01\x2C\x01\xF4", 17);
  const auto size = render::docx::image_pixels(jpeg);
  CHECK(size.width == 500);
  CHECK(size.height == 300);
}

TEST_CASE("without a given size an image shows at 96 dpi, scaled down to fit", "[docx][image]") {
  double w = 0, h = 0;
  render::docx::display_size(png(40, 20), doc::Style{}, 1000, 1000, w, h);
  CHECK(w == Approx(30));
  CHECK(h == Approx(15));
  render::docx::display_size(png(4000, 2000), doc::Style{}, 300, 1000, w, h);
  CHECK(w == Approx(300));
  CHECK(h == Approx(150));
}

TEST_CASE("a given width keeps the aspect ratio", "[docx][image]") {
  doc::Image image = png(4, 2);
  image.width_pt = 100;
  double w = 0, h = 0;
  render::docx::display_size(image, doc::Style{}, 1000, 1000, w, h);
  CHECK(w == Approx(100));
  CHECK(h == Approx(50));
}

TEST_CASE("an image whose header cannot be read shows at the style's fallback width, square",
          "[docx][image]") {
  doc::Image image;
  image.format = doc::ImageFormat::Png;
  image.data = "not a png";
  doc::Style style;
  style.image_fallback_width_pt = 80;
  double w = 0, h = 0;
  render::docx::display_size(image, style, 1000, 1000, w, h);
  CHECK(w == Approx(80));
  CHECK(h == Approx(80));
}
