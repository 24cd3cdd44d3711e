// Images: pixel size from the PNG/JPEG header, a media part per distinct image, and the
// inline DrawingML run that shows it.
#pragma once

#include "document/document.hpp"
#include "render/docx/runs.hpp"

namespace plenary::render::docx {

struct PixelSize {
  int width = 0;
  int height = 0;
};

// Pixel size read from the PNG IHDR chunk or the JPEG SOFn marker; zero when unreadable.
PixelSize image_pixels(const doc::Image& image);

// Display size in points: width_pt/height_pt when given (a missing one follows the aspect
// ratio), else the pixel size at style.image_dpi (the pagination's paginate::image_box, so
// the same size as in the PDF); scaled down to fit max_width x max_height.
void display_size(const doc::Image& image, const doc::Style& style, double max_width,
                  double max_height, double& width, double& height);

// An inline drawing run; nothing when the image has no data or an unknown format.
void write_image_run(PartWriter& w, const doc::Image& image, double max_width_pt,
                     double max_height_pt);

}  // namespace plenary::render::docx
