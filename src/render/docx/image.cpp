#include "render/docx/image.hpp"

#include "document/image_info.hpp"
#include "paginate/image_size.hpp"

#include <algorithm>

namespace plenary::render::docx {

namespace {

const char* extension(doc::ImageFormat format) {
  return format == doc::ImageFormat::Png ? "png" : "jpeg";
}

// The media part for this image (registered once per distinct image) and its relationship
// from the current part.
std::string media_relationship(PartWriter& w, const doc::Image& image) {
  WriterState& state = w.state;
  auto found = state.media_by_data.find(&image.data);
  std::string part_name;
  if (found != state.media_by_data.end()) {
    part_name = found->second;
  } else {
    part_name =
        "word/media/image" + std::to_string(state.media.size() + 1) + "." + extension(image.format);
    state.media.push_back({part_name, &image.data, image.format});
    state.media_by_data.emplace(&image.data, part_name);
  }
  return w.rels.add("image", part_name.substr(5));  // relative to word/
}

}  // namespace

PixelSize image_pixels(const doc::Image& image) {
  const auto info = doc::image_info(image.data);
  if (!info || info->format != image.format) return {};
  return {info->width_px, info->height_px};
}

void display_size(const doc::Image& image, const doc::Style& style, double max_width,
                  double max_height, double& width, double& height) {
  const paginate::ImageBox box = paginate::image_box(image, max_width, style);
  width = box.w;
  height = box.h;
  if (height > max_height && max_height > 0) {
    width *= max_height / height;
    height = max_height;
  }
}

void write_image_run(PartWriter& w, const doc::Image& image, double max_width_pt,
                     double max_height_pt) {
  if (image.data.empty() || image.format == doc::ImageFormat::None) return;
  double width = 0, height = 0;
  display_size(image, w.state.style, max_width_pt, max_height_pt, width, height);
  const std::string cx = std::to_string(std::max(1L, emu(width)));
  const std::string cy = std::to_string(std::max(1L, emu(height)));
  const std::string rel = media_relationship(w, image);
  const std::string id = std::to_string(w.state.next_drawing_id++);
  const std::string name = image.name.empty() ? "Picture " + id : image.name;
  XmlOut& x = w.x;
  x.open("w:r");
  x.open("w:drawing");
  x.open("wp:inline", {{"distT", "0"}, {"distB", "0"}, {"distL", "0"}, {"distR", "0"}});
  x.leaf("wp:extent", {{"cx", cx}, {"cy", cy}});
  x.leaf("wp:effectExtent", {{"l", "0"}, {"t", "0"}, {"r", "0"}, {"b", "0"}});
  x.leaf("wp:docPr", {{"id", id}, {"name", name}, {"descr", name}});
  x.open("wp:cNvGraphicFramePr");
  x.leaf("a:graphicFrameLocks", {{"noChangeAspect", "1"}});
  x.close("wp:cNvGraphicFramePr");
  x.open("a:graphic");
  x.open("a:graphicData", {{"uri", ns::kPic}});
  x.open("pic:pic");
  x.open("pic:nvPicPr");
  x.leaf("pic:cNvPr", {{"id", "0"}, {"name", name}});
  x.leaf("pic:cNvPicPr");
  x.close("pic:nvPicPr");
  x.open("pic:blipFill");
  x.leaf("a:blip", {{"r:embed", rel}});
  x.open("a:stretch");
  x.leaf("a:fillRect");
  x.close("a:stretch");
  x.close("pic:blipFill");
  x.open("pic:spPr");
  x.open("a:xfrm");
  x.leaf("a:off", {{"x", "0"}, {"y", "0"}});
  x.leaf("a:ext", {{"cx", cx}, {"cy", cy}});
  x.close("a:xfrm");
  x.open("a:prstGeom", {{"prst", "rect"}});
  x.leaf("a:avLst");
  x.close("a:prstGeom");
  x.close("pic:spPr");
  x.close("pic:pic");
  x.close("a:graphicData");
  x.close("a:graphic");
  x.close("wp:inline");
  x.close("w:drawing");
  x.close("w:r");
}

}  // namespace plenary::render::docx
