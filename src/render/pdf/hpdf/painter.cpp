#include "render/pdf/paint.hpp"
#include "render/pdf/paint_support.hpp"

#include <hpdf_fontdef.h>
#include <hpdf_objects.h>
#include <hpdf_pages.h>
#include <hpdf_streams.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <deque>
#include <fstream>
#include <iterator>
#include <sstream>

#include <Poco/DigestEngine.h>
#include <Poco/MD5Engine.h>
#include <map>
#include <optional>
#include <unordered_map>

#include "core/utf8.hpp"
#include "fonts/font_file.hpp"
#include "fonts/subset.hpp"
#include "render/pdf/hpdf/cmap_trim.hpp"
#include "render/pdf/hpdf/content_stream.hpp"
#include "render/pdf/hpdf/hpdf_doc.hpp"
#include "render/pdf/hpdf/tagging.hpp"
#include "render/pdf/hpdf/text_out.hpp"
#include "render/pdf/hpdf/truetype.hpp"

namespace plenary::render::pdf {

using fonts::face_directory;
using fonts::font_file;
using fonts::subset_truetype;

namespace {

bool same(const doc::Color& a, const doc::Color& b) {
  return a.r == b.r && a.g == b.g && a.b == b.b;
}

class Painter {
 public:
  Painter(const Pagination& layout, const doc::Metadata& meta, FontRegistry& fonts,
          const PdfOptions& options)
      : layout_(layout), meta_(meta), fonts_(fonts), options_(options), tree_(layout.structure) {}

  // Returns the file, or empty with error_ set.
  std::string run() {
    // 1. Document setup: compression, UTF-8 text, how the viewer opens.
    if (doc_.failed()) return fail("cannot create the PDF document");
    HPDF_Doc pdf = doc_.get();
    HPDF_SetCompressionMode(pdf, options_.compress ? HPDF_COMP_ALL : HPDF_COMP_NONE);
    HPDF_UseUTFEncodings(pdf);
    HPDF_SetCurrentEncoder(pdf, "UTF-8");
    if (!layout_.headings.empty()) HPDF_SetPageMode(pdf, HPDF_PAGE_MODE_USE_OUTLINE);
    pdf->pdf_version = HPDF_VER_17;  // tagged PDF (/Tabs: 1.5), PDF/A-2 (1.7)
    if (doc_.failed()) return fail("cannot set up the PDF document");
    std::string icc;
    if (options_.pdf_a) {
      std::ifstream in(kSrgbProfilePath, std::ios::binary);
      icc.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
      if (!in.good() && !in.eof()) icc.clear();
      if (icc.empty()) {
        error_ = std::string("PDF/A needs the sRGB ICC profile ") + kSrgbProfilePath +
                 ", which cannot be read (install the Debian package icc-profiles-free)";
        return {};
      }
    }
    // 2. Pages: every item drawn; anchors become destinations.
    //    With first_page_only, the pages after the first are drawn for their operators
    //    only, each on a page of its own that is never written (see draw_page).
    for (std::size_t index = 0; index < layout_.pages.size(); ++index) {
      draw_page(layout_.pages[index], index == 0 || !first_page_only());
      if (!error_.empty()) return {};
      if (doc_.failed()) return fail("cannot draw a page");
    }
    // 3. Links (they may point forward, so after all pages exist) and the outline.
    for (std::size_t i = 0; i < pages_.size(); ++i) add_links(i);
    if (doc_.failed()) return fail("cannot add the links");
    add_outline();
    if (doc_.failed()) return fail("cannot add the outline");
    // 4. Document information and language.
    add_info();
    if (doc_.failed()) return fail("cannot write the document information");
    // 5. Tagged PDF: the structure tree, XMP metadata; PDF/A: the output intent. The file
    // identifier is a digest of what the pages draw and the metadata, never of the clock.
    if (!tree_.write(pdf, pages_)) return fail("cannot write the structure tree");
    const char* producer = HPDF_GetInfoAttr(pdf, HPDF_INFO_PRODUCER);
    if (!add_metadata(pdf, xmp_packet(meta_, options_.creator, producer ? producer : "",
                                      options_.pdf_a))) {
      return fail("cannot write the XMP metadata");
    }
    if (options_.pdf_a && !add_output_intent(pdf, icc)) {
      return fail("cannot write the output intent");
    }
    for (const std::string& value : {meta_.title, meta_.author, meta_.subject, meta_.language,
                                     meta_.keywords, meta_.date, options_.creator}) {
      digest_.update(value);
      digest_.update('\0');
    }
    const Poco::DigestEngine::Digest& id = digest_.digest();
    if (!set_file_id(pdf, std::string(id.begin(), id.end()))) {
      return fail("cannot write the file identifier");
    }
    std::string bytes = doc_.save();
    if (bytes.empty()) return fail("cannot save the PDF");
    return bytes;
  }

  void keep_contents(std::vector<std::string>* contents) { contents_ = contents; }
  const std::string& error() const { return error_; }
  const std::vector<std::string>& warnings() const { return warnings_; }

 private:
  std::string fail(const std::string& what) {
    if (error_.empty()) error_ = what + ": " + doc_.error_message();
    return {};
  }

  double flip(double y) const { return layout_.page_height - y; }

  bool first_page_only() const { return options_.first_page_only && contents_ != nullptr; }

  // A page drawn for its operators only (PdfOptions::first_page_only): a libharu page in a
  // cross-reference table of its own, which is never written, freed with its objects when
  // this goes (the fonts it uses are the document's, referred to, not owned). One serves
  // every such page: its content stream is emptied before each.
  class ScratchPage {
   public:
    explicit ScratchPage(HPDF_Doc pdf) : xref_(HPDF_Xref_New(pdf->mmgr, 0)) {
      if (xref_ != nullptr) page_ = HPDF_Page_New(pdf->mmgr, xref_);
    }
    ~ScratchPage() {
      if (xref_ != nullptr) HPDF_Xref_Free(xref_);
    }
    ScratchPage(const ScratchPage&) = delete;
    ScratchPage& operator=(const ScratchPage&) = delete;
    HPDF_Page get() const { return page_; }

   private:
    HPDF_Xref xref_ = nullptr;
    HPDF_Page page_ = nullptr;
  };

  HPDF_Font font(FontId id) {
    if (id < 0) return nullptr;
    if (static_cast<std::size_t>(id) >= fonts_loaded_.size()) {
      fonts_loaded_.resize(id + 1, nullptr);
      font_defs_.resize(id + 1, nullptr);
      space_code_widths_.resize(id + 1, -1);
    }
    HPDF_Font& handle = fonts_loaded_[id];
    if (handle == nullptr) {
      const FontFace& face = fonts_.face(id);
      const std::vector<char32_t>& used = used_characters(id);
      const char* name = nullptr;
      if (const std::string* subset = font_subset(id)) {
        name = load_truetype(doc_.get(), subset, 0, true);
      } else {
        name = load_truetype(doc_.get(), face, true);  // the whole font, as libharu embeds it
      }
      if (name == nullptr) {
        fail("cannot embed the font " + face.path);
        return nullptr;
      }
      HPDF_FontDef def = HPDF_GetFontDef(doc_.get(), name);
      restrict_cmap(def, used);
      handle = HPDF_GetFont(doc_.get(), name, "UTF-8");
      trim_cid_to_gid_map(handle);
      write_to_unicode(handle, used);
      if (handle != nullptr && def != nullptr && def->type == HPDF_FONTDEF_TYPE_TRUETYPE) {
        // Mark the glyphs to embed, as HPDF_Page_ShowText's width pass would for each
        // character drawn (once per character here instead of once per occurrence).
        for (char32_t cp : used) {
          HPDF_TTFontDef_GetCharWidth(def, static_cast<HPDF_UINT16>(cp));
        }
      }
      font_defs_[id] = def;
    }
    return handle;
  }

  // The font cut down to the glyphs the document draws with it (kept until the document is
  // freed), or nullptr when it cannot be cut (see font_subset.hpp).
  const std::string* font_subset(FontId id) {
    const std::string* file = font_file(fonts_.face(id).path);
    if (file == nullptr) return nullptr;
    // 'H' and 'x' stay mapped: libharu reads the cap and x heights of the font descriptor
    // from their outlines (only glyphs the pages draw are embedded with their outlines).
    std::vector<char32_t> chars = used_characters(id);
    for (char32_t extra : {U'H', U'x'}) {
      if (!std::binary_search(chars.begin(), chars.end(), extra)) {
        chars.insert(std::lower_bound(chars.begin(), chars.end(), extra), extra);
      }
    }
    const std::vector<std::uint16_t> glyphs = fonts_.glyph_ids(id, chars);
    if (glyphs.size() != chars.size()) return nullptr;
    std::string subset =
        subset_truetype(*file, face_directory(*file, fonts_.face(id).index), chars, glyphs);
    if (subset.empty()) return nullptr;
    font_bytes_.push_back(std::move(subset));
    return &font_bytes_.back();
  }

  // Whether libharu would draw `text` in `font`: it leaves out a run of zero width.
  bool has_width(FontId font, const std::string& text) {
    for (std::size_t pos = 0; pos < text.size();) {
      const char32_t cp = plenary::core::next_code_point(text, pos);
      if (cp > 0xFFFF) {
        // libharu's encoder sets it as U+0020, measured through the font's (trimmed) cmap.
        short& width = space_code_widths_[font];
        if (width < 0) {
          HPDF_FontDef def = font_defs_[font];
          width = def != nullptr && def->type == HPDF_FONTDEF_TYPE_TRUETYPE
                      ? std::max<short>(0, HPDF_TTFontDef_GetCharWidth(def, 0x20))
                      : 1;
        }
        if (width > 0) return true;
      } else if (fonts_.advance(font, cp) > 0) {
        return true;
      }
    }
    return false;
  }

  // The characters the layout draws in `font`, sorted (one pass over the pages for all fonts).
  const std::vector<char32_t>& used_characters(FontId font) {
    if (used_.empty()) used_ = characters_by_font(layout_, fonts_.size());
    static const std::vector<char32_t> none;
    const auto f = static_cast<std::size_t>(font);
    return f < used_.size() ? used_[f] : none;
  }

  HPDF_Image image(const doc::Image* img) {
    auto found = images_.find(img);
    if (found != images_.end()) return found->second;
    // The same picture twice (a cover logo and the running header's) is embedded once.
    for (const auto& [other, handle] : images_) {
      if (other->format == img->format && other->data == img->data) {
        images_.emplace(img, handle);
        return handle;
      }
    }
    const auto* data = reinterpret_cast<const HPDF_BYTE*>(img->data.data());
    const auto size = static_cast<HPDF_UINT>(img->data.size());
    HPDF_Image handle = nullptr;
    if (img->format == doc::ImageFormat::Png) {
      handle = HPDF_LoadPngImageFromMem(doc_.get(), data, size);
    } else if (img->format == doc::ImageFormat::Jpeg) {
      handle = HPDF_LoadJpegImageFromMem(doc_.get(), data, size);
    }
    if (handle == nullptr) {
      warnings_.push_back("image '" + img->name + "' cannot be read (" + doc_.error_message() +
                          "); left out");
      doc_.clear_error();
    }
    images_.emplace(img, handle);
    return handle;
  }

  // Draws `page` on a new page of the document, or, when not `in_file`, on the scratch page
  // (its operators kept, nothing of it written): then it may hold only artifact text.
  void draw_page(const Page& page, bool in_file) {
    HPDF_Page p = nullptr;
    if (in_file) {
      p = HPDF_AddPage(doc_.get());
      if (p == nullptr) return;
      pages_.push_back(p);
    } else {
      for (std::size_t i = 0; i < page.items.size(); ++i) {
        const int node = i < page.nodes.size() ? page.nodes[i] : 0;
        if (!std::holds_alternative<TextItem>(page.items[i]) || node != paginate::kArtifact) {
          error_ = "a page drawn for its operators only may hold only artifact text";
          return;
        }
      }
      if (!scratch_page_) scratch_page_.emplace(doc_.get());
      p = scratch_page_->get();
      if (p == nullptr) return;
      // The previous page's operators go; the text state starts afresh at BT, the font and
      // colour are set again (they are per page in draw_page), and marked content is closed.
      HPDF_MemStream_FreeData(static_cast<HPDF_PageAttr>(p->attr)->stream);
    }
    HPDF_Page_SetWidth(p, static_cast<HPDF_REAL>(layout_.page_width));
    HPDF_Page_SetHeight(p, static_cast<HPDF_REAL>(layout_.page_height));
    bool in_text = false;
    HPDF_Font current_font = nullptr;
    double current_size = 0;
    doc::Color current_color{-1, -1, -1};
    auto end_text = [&]() {
      if (in_text) HPDF_Page_EndText(p);
      in_text = false;
    };
    // Every item painted is inside a marked-content sequence: its structure element's (with
    // an MCID) or an artifact's. A sequence never straddles a text object.
    const std::size_t page_index = pages_.size() - 1;
    constexpr int kNone = -2;
    int open = kNone;
    auto enter = [&](std::size_t index) {
      const int node = index < page.nodes.size() ? page.nodes[index] : 0;
      if (node == open) return;
      end_text();
      if (open != kNone) end_marked(p);
      if (node == paginate::kArtifact) {
        begin_artifact(p);
      } else {
        begin_marked(p, layout_.structure[node].role, tree_.mark(page_index, node));
      }
      open = node;
    };
    for (std::size_t index = 0; index < page.items.size(); ++index) {
      const Item& item = page.items[index];
      if (const auto* text = std::get_if<TextItem>(&item)) {
        if (text->text.empty()) continue;
        HPDF_Font f = font(text->font);
        if (f == nullptr) {
          if (!error_.empty()) return;
          continue;
        }
        enter(index);
        if (!in_text) {
          HPDF_Page_BeginText(p);
          in_text = true;
          // The font and fill colour are graphics state: they carry over from the previous
          // text object (marked content ends one at every change of structure element).
        }
        if (f != current_font || text->size != current_size) {
          HPDF_Page_SetFontAndSize(p, f, static_cast<HPDF_REAL>(text->size));
          current_font = f;
          current_size = text->size;
        }
        if (!same(text->color, current_color)) {
          HPDF_Page_SetRGBFill(p, static_cast<HPDF_REAL>(text->color.r),
                               static_cast<HPDF_REAL>(text->color.g),
                               static_cast<HPDF_REAL>(text->color.b));
          current_color = text->color;
        }
        text_out(p, static_cast<HPDF_REAL>(text->x), static_cast<HPDF_REAL>(flip(text->y)),
                 text->text, has_width(text->font, text->text), scratch_);
        continue;
      }
      if (!std::holds_alternative<AnchorItem>(item) && !std::holds_alternative<LinkItem>(item)) {
        if (const auto* img = std::get_if<ImageItem>(&item); img == nullptr || image(img->image)) {
          enter(index);
        }
      }
      end_text();
      if (const auto* rect = std::get_if<RectItem>(&item)) {
        HPDF_Page_SetRGBFill(p, static_cast<HPDF_REAL>(rect->fill.r),
                             static_cast<HPDF_REAL>(rect->fill.g),
                             static_cast<HPDF_REAL>(rect->fill.b));
        current_color = rect->fill;
        HPDF_Page_Rectangle(p, static_cast<HPDF_REAL>(rect->x),
                            static_cast<HPDF_REAL>(flip(rect->y + rect->h)),
                            static_cast<HPDF_REAL>(rect->w), static_cast<HPDF_REAL>(rect->h));
        HPDF_Page_Fill(p);
      } else if (const auto* rule = std::get_if<RuleItem>(&item)) {
        HPDF_Page_SetRGBStroke(p, static_cast<HPDF_REAL>(rule->color.r),
                               static_cast<HPDF_REAL>(rule->color.g),
                               static_cast<HPDF_REAL>(rule->color.b));
        HPDF_Page_SetLineWidth(p, static_cast<HPDF_REAL>(rule->thickness));
        HPDF_Page_MoveTo(p, static_cast<HPDF_REAL>(rule->x1),
                         static_cast<HPDF_REAL>(flip(rule->y1)));
        HPDF_Page_LineTo(p, static_cast<HPDF_REAL>(rule->x2),
                         static_cast<HPDF_REAL>(flip(rule->y2)));
        HPDF_Page_Stroke(p);
      } else if (const auto* img = std::get_if<ImageItem>(&item)) {
        if (HPDF_Image handle = image(img->image)) {
          HPDF_Page_DrawImage(p, handle, static_cast<HPDF_REAL>(img->x),
                              static_cast<HPDF_REAL>(flip(img->y + img->h)),
                              static_cast<HPDF_REAL>(img->w), static_cast<HPDF_REAL>(img->h));
        }
      } else if (const auto* anchor = std::get_if<AnchorItem>(&item)) {
        HPDF_Destination dest = HPDF_Page_CreateDestination(p);
        if (dest != nullptr) {
          set_xyz_keep_zoom(dest, p, flip(anchor->y) + 6);
          destinations_.emplace(anchor->anchor, dest);
        }
      }
    }
    end_text();
    if (open != kNone) end_marked(p);
    if (in_file) digest_page(p);  // (the file identifier covers the pages in the file)
    if (contents_ != nullptr) contents_->push_back(page_content(p));
    if (options_.compress && in_file) compress_contents(p, kContentLevel);
  }

  // [page /XYZ 0 top null]: jump to the heading without changing the reader's zoom.
  // (HPDF_Destination_SetXYZ rejects a zoom of 0, so the array is written directly.)
  void set_xyz_keep_zoom(HPDF_Destination dest, HPDF_Page page, double top) {
    HPDF_Array_Clear(dest);
    HPDF_Array_Add(dest, page);
    HPDF_Array_AddName(dest, "XYZ");
    HPDF_Array_AddReal(dest, 0);
    HPDF_Array_AddReal(dest, static_cast<HPDF_REAL>(top));
    HPDF_Array_Add(dest, HPDF_Null_New(doc_.get()->mmgr));
  }

  // The page's operators as they stand (before compression).
  static std::string page_content(HPDF_Page p) {
    std::string out;
    auto* attr = static_cast<HPDF_PageAttr>(p->attr);
    if (attr->stream == nullptr || attr->stream->type != HPDF_STREAM_MEMORY) return out;
    const HPDF_UINT buffers = HPDF_MemStream_GetBufCount(attr->stream);
    for (HPDF_UINT i = 0; i < buffers; ++i) {
      HPDF_UINT length = 0;
      const HPDF_BYTE* data = HPDF_MemStream_GetBufPtr(attr->stream, i, &length);
      if (data != nullptr) out.append(reinterpret_cast<const char*>(data), length);
    }
    return out;
  }

  // The page's operators (before compression) go into the file identifier.
  void digest_page(HPDF_Page p) {
    auto* attr = static_cast<HPDF_PageAttr>(p->attr);
    if (attr->stream == nullptr || attr->stream->type != HPDF_STREAM_MEMORY) return;
    const HPDF_UINT buffers = HPDF_MemStream_GetBufCount(attr->stream);
    for (HPDF_UINT i = 0; i < buffers; ++i) {
      HPDF_UINT length = 0;
      const HPDF_BYTE* data = HPDF_MemStream_GetBufPtr(attr->stream, i, &length);
      if (data != nullptr) digest_.update(data, length);
    }
  }

  // What a link leads to, for its annotation's /Contents (PDF/UA: an alternate description).
  std::string link_description(const LinkItem& link) const {
    if (!link.url.empty()) return link.url;
    for (const HeadingEntry& heading : layout_.headings) {
      if (heading.anchor == link.anchor) return heading.title;
    }
    return link.anchor;
  }

  void add_links(std::size_t index) {
    const Page& page = layout_.pages[index];
    for (std::size_t i = 0; i < page.items.size(); ++i) {
      const auto* link = std::get_if<LinkItem>(&page.items[i]);
      if (link == nullptr) continue;
      const HPDF_Rect rect{
          static_cast<HPDF_REAL>(link->x), static_cast<HPDF_REAL>(flip(link->y + link->h)),
          static_cast<HPDF_REAL>(link->x + link->w), static_cast<HPDF_REAL>(flip(link->y))};
      HPDF_Annotation annot = nullptr;
      if (!link->url.empty()) {
        annot = HPDF_Page_CreateURILinkAnnot(pages_[index], rect, link->url.c_str());
      } else {
        auto dest = destinations_.find(link->anchor);
        if (dest == destinations_.end()) {
          warnings_.push_back("reference to unknown anchor '" + link->anchor + "' is not a link");
          continue;
        }
        annot = HPDF_Page_CreateLinkAnnot(pages_[index], rect, dest->second);
      }
      if (annot != nullptr) {
        HPDF_LinkAnnot_SetBorderStyle(annot, 0, 0, 0);
        HPDF_Dict_AddNumber(annot, "F", 4);  // printed (PDF/A)
        HPDF_Dict_Add(annot, "Contents", text_string(doc_.get(), link_description(*link)));
        tree_.annotation(annot, index, i < page.nodes.size() ? page.nodes[i] : 0);
      }
    }
  }

  void add_outline() {
    HPDF_Encoder utf8 = HPDF_GetEncoder(doc_.get(), "UTF-8");
    HPDF_Outline parents[4] = {nullptr, nullptr, nullptr, nullptr};
    for (const HeadingEntry& heading : layout_.headings) {
      const int level = heading.level;
      HPDF_Outline parent = nullptr;
      for (int l = level - 1; l >= 1 && parent == nullptr; --l) parent = parents[l];
      HPDF_Outline outline = HPDF_CreateOutline(doc_.get(), parent, heading.title.c_str(), utf8);
      if (outline == nullptr) return;
      // libharu gives every item /Type /Outlines; only the outline's root may have it.
      HPDF_Dict_RemoveElement(outline, "Type");
      auto dest = destinations_.find(heading.anchor);
      if (dest != destinations_.end()) HPDF_Outline_SetDestination(outline, dest->second);
      HPDF_Outline_SetOpened(outline, level == 1 ? HPDF_TRUE : HPDF_FALSE);
      parents[level] = outline;
      for (int l = level + 1; l <= 3; ++l) parents[l] = nullptr;
    }
  }

  void add_info() {
    HPDF_Doc pdf = doc_.get();
    auto set = [&](HPDF_InfoType type, const std::string& value) {
      if (!value.empty()) HPDF_SetInfoAttr(pdf, type, value.c_str());
    };
    set(HPDF_INFO_TITLE, meta_.title);
    set(HPDF_INFO_AUTHOR, meta_.author);
    set(HPDF_INFO_SUBJECT, meta_.subject);
    set(HPDF_INFO_KEYWORDS, meta_.keywords);
    set(HPDF_INFO_CREATOR, options_.creator);
    if (!meta_.date.empty()) {
      const std::string date = pdf_date(meta_.date);
      if (!date.empty()) {
        // HPDF_SetInfoDateAttr only writes full dates; set one so the info dictionary exists,
        // then put the date at the precision the data gives.
        HPDF_SetInfoDateAttr(pdf, HPDF_INFO_CREATION_DATE,
                             HPDF_Date{2000, 1, 1, 0, 0, 0, ' ', 0, 0});
        for (const char* key : {"CreationDate", "ModDate"}) {
          HPDF_Dict_Add(pdf->info, key, HPDF_String_New(pdf->mmgr, date.c_str(), nullptr));
        }
      } else {
        warnings_.push_back("document date '" + meta_.date + "' is not an ISO 8601 date; left out");
      }
    }
    // Viewers show the title, not the file name, in their window (libharu has no call).
    if (!meta_.title.empty()) {
      HPDF_Dict preferences = HPDF_Dict_New(pdf->mmgr);
      if (preferences != nullptr) {
        HPDF_Dict_AddBoolean(preferences, "DisplayDocTitle", HPDF_TRUE);
        HPDF_Dict_Add(pdf->catalog, "ViewerPreferences", preferences);
      }
    }
    if (!meta_.language.empty()) {
      HPDF_Dict_Add(pdf->catalog, "Lang",
                    HPDF_String_New(pdf->mmgr, meta_.language.c_str(), nullptr));
    }
  }

  const Pagination& layout_;
  const doc::Metadata& meta_;
  FontRegistry& fonts_;
  const PdfOptions& options_;
  std::vector<std::string>* contents_ = nullptr;  // each page's operators, when asked
  std::deque<std::string> font_bytes_;  // subset fonts libharu reads from; outlive doc_
  HpdfDoc doc_;
  std::optional<ScratchPage> scratch_page_;  // (after doc_: freed before the document is)
  StructureTree tree_;
  Poco::MD5Engine digest_;
  std::vector<HPDF_Font> fonts_loaded_;
  std::vector<HPDF_FontDef> font_defs_;      // per font, once loaded
  std::vector<short> space_code_widths_;     // per font: width of code U+0020; -1 = unread
  std::string scratch_;                      // operators of one text run
  std::vector<std::vector<char32_t>> used_;  // per font, see used_characters()
  std::map<const doc::Image*, HPDF_Image> images_;
  std::vector<HPDF_Page> pages_;
  std::unordered_map<std::string, HPDF_Destination> destinations_;
  std::string error_;
  std::vector<std::string> warnings_;
};

}  // namespace

std::string paint(const Pagination& layout, const doc::Metadata& meta, FontRegistry& fonts,
                  const PdfOptions& options, Diagnostics& diagnostics, const SourcePos& where,
                  std::vector<std::string>* page_contents) {
  Painter painter(layout, meta, fonts, options);
  painter.keep_contents(page_contents);
  std::string bytes = painter.run();
  for (const std::string& warning : painter.warnings()) diagnostics.warning(where, warning);
  if (!painter.error().empty()) {
    diagnostics.error(where, painter.error());
    return {};
  }
  return bytes;
}

}  // namespace plenary::render::pdf
