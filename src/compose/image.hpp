// The pixel size of a PNG or JPEG, read from its header bytes (the one reader,
// document/image_info.hpp).
#pragma once

#include "document/image_info.hpp"

namespace plenary::compose::detail {

using ImageInfo = doc::ImageInfo;
using doc::image_info;

}  // namespace plenary::compose::detail
