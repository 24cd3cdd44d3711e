// The DOCX writer's running state: what the body and the headers collect while they are
// written (relationships, media, list instances, bookmark names, drawing ids) and what the
// package and numbering phases need afterwards. Plain data; no XML here.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "document/document.hpp"
#include "document/style.hpp"
#include "fonts/fonts.hpp"
#include "render/docx/docx_writer.hpp"

namespace plenary::render::docx {

namespace ns {
inline constexpr const char* kW = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
inline constexpr const char* kR =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
inline constexpr const char* kWp =
    "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing";
inline constexpr const char* kA = "http://schemas.openxmlformats.org/drawingml/2006/main";
inline constexpr const char* kPic = "http://schemas.openxmlformats.org/drawingml/2006/picture";
inline constexpr const char* kRelBase =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";
}  // namespace ns

struct Relationship {
  std::string id;      // rId1, rId2, ... within one part
  std::string type;    // short type, e.g. "styles", "hyperlink", "image"
  std::string target;  // relative part name or external URL
  bool external = false;
};

// The relationships of one part (document.xml or a header).
class PartRels {
 public:
  std::string add(const std::string& type, const std::string& target, bool external = false);
  const std::vector<Relationship>& list() const { return list_; }

 private:
  std::vector<Relationship> list_;
};

struct MediaPart {
  std::string part_name;  // e.g. "word/media/image1.png"
  const std::string* data = nullptr;
  doc::ImageFormat format = doc::ImageFormat::None;
};

struct ListInstance {  // one w:num: a list (at any depth) restarts its own numbering
  bool ordered = false;
  int level = 0;
  int start = 1;
};

struct WriterState {
  const doc::Document& document;
  const doc::Style& style;
  const DocxOptions& options;

  std::map<std::string, std::string> bookmarks;  // heading anchor -> bookmark name
  std::vector<ListInstance> lists;               // index + 1 = w:numId
  std::vector<MediaPart> media;
  std::map<const std::string*, std::string> media_by_data;  // image bytes -> part name
  int next_bookmark_id = 1;
  int next_drawing_id = 1;
  std::vector<std::size_t> contents_at;  // document.xml offsets where the contents go
  std::vector<int> heading_pages;        // what the contents show, once known

  // The fonts of the style, measured as the pagination measures them (table column widths);
  // resolved on first use.
  fonts::FontRegistry& fonts() {
    if (!fonts_) fonts_ = std::make_unique<fonts::FontRegistry>(style);
    return *fonts_;
  }

  WriterState(const doc::Document& d, const doc::Style& s, const DocxOptions& o)
      : document(d), style(s), options(o) {}

 private:
  std::unique_ptr<fonts::FontRegistry> fonts_;
};

// Units.
inline long twips(double pt) {
  return static_cast<long>(pt * 20 + 0.5);
}
// An exact line pitch in twips, rounded down (10.625 pt table lines are 212, not 213): a
// rounded-up pitch adds up over a page and LibreOffice breaks before the PDF does.
inline long pitch_twips(double pt) {
  return static_cast<long>(pt * 20 + 1e-6);
}
inline long half_points(double pt) {
  return static_cast<long>(pt * 2 + 0.5);
}
inline long emu(double pt) {
  return static_cast<long>(pt * 12700 + 0.5);
}
std::string hex_color(const doc::Color& color);
long text_width_twips(const doc::Style& style);

}  // namespace plenary::render::docx
