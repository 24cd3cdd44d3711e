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

// The largest image a document takes, checked before anything decodes it: a 1 MB PNG can
// claim 20000 x 20000 pixels and take minutes and gigabytes to decode.
constexpr int kMaxImageSidePx = 10000;
constexpr long long kMaxImagePixels = 40000000;

// "" when `bytes` are a whole image of a bounded size, else why not (one line): a PNG whose
// chunks are all there with their CRCs right (IHDR first, valid, then IDAT, then IEND), a JPEG
// that starts with SOI, has a frame header and ends with EOI; at most kMaxImageSidePx on a side
// and kMaxImagePixels in all. Decoders (libpng through libharu, Word) only ever see such bytes.
std::string image_problem(const std::string& bytes);

}  // namespace plenary::doc
