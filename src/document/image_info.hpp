// The one reader of PNG and JPEG headers: the format and pixel size of encoded image bytes.
// Compose checks images with it, the pagination and the DOCX writer size them with it.
#pragma once

#include <optional>
#include <string>

#include "document/document.hpp"

namespace plenary::doc {

struct ImageInfo {
  ImageFormat format = ImageFormat::None;
  int width_px = 0;
  int height_px = 0;
};

// nullopt when the bytes are neither a PNG (signature, then IHDR) nor a JPEG with a start of
// frame (baseline, progressive, lossless or arithmetic-coded) before its data runs out, or
// when the header gives a zero size.
std::optional<ImageInfo> image_info(const std::string& bytes);

}  // namespace plenary::doc
