// The pixel size of a PNG or JPEG, read from its header bytes.
#pragma once

#include <optional>
#include <string>

#include "document/document.hpp"

namespace plenary::compose::detail {

struct ImageInfo {
  doc::ImageFormat format = doc::ImageFormat::None;
  int width_px = 0;
  int height_px = 0;
};

// nullopt when the bytes are neither a PNG nor a baseline/progressive JPEG.
std::optional<ImageInfo> image_info(const std::string& bytes);

}  // namespace plenary::compose::detail
