#include "render/pdf/font_file.hpp"

#include "core/read_file.hpp"
#include "render/pdf/sfnt.hpp"

#include <hpdf_doc.h>
#include <hpdf_fontdef.h>
#include <hpdf_list.h>
#include <hpdf_mmgr.h>
#include <hpdf_streams.h>

#include <cerrno>
#include <cstring>

#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>

namespace plenary::render::pdf {

namespace {

// In the font whose table directory starts at `dir`: 'post' becomes its 32-byte header, as a
// format 3.0 table. Fonts whose 'post' is already that short are left alone.
void cut_post_table(std::string& data, std::size_t dir) {
  const auto tables = sfnt::tables(data, dir);
  const auto post = tables.find("post");
  if (post == tables.end() || post->second.length <= 32) return;
  sfnt::set32(data, post->second.offset, 0x00030000);  // version 3.0: no glyph names
  sfnt::set32(data, post->second.record + 12, 32);
}

// Font files read once per process, 'post' cut in every face; never changed afterwards, so
// documents on several threads read them without a lock.
class FontFiles {
 public:
  static FontFiles& instance() {
    static FontFiles files;
    return files;
  }

  // The file's bytes, or nullptr when it cannot be read.
  const std::string* get(const std::string& path) {
    std::lock_guard<std::mutex> lock(mutex_);
    auto found = files_.find(path);
    if (found != files_.end()) return found->second.get();
    auto data = std::make_unique<std::string>();
    // The largest system fonts (CJK collections) are some 30 MiB.
    if (core::read_file(path, *data, 128u << 20) != core::ReadStatus::Ok) data.reset();
    if (data) {
      if (data->compare(0, 4, "ttcf") == 0) {
        const std::uint32_t faces = sfnt::Bytes{*data}.u32(8);
        for (std::uint32_t i = 0; i < faces && 12 + 4 * std::size_t{i} + 4 <= data->size(); ++i) {
          cut_post_table(*data, sfnt::Bytes{*data}.u32(12 + 4 * std::size_t{i}));
        }
      } else {
        cut_post_table(*data, 0);
      }
    }
    return (files_[path] = std::move(data)).get();
  }

 private:
  std::mutex mutex_;
  std::unordered_map<std::string, std::unique_ptr<std::string>> files_;
};

// The read position of one callback stream over a shared file.
struct Cursor {
  const std::string* data;
  std::size_t pos;
};

HPDF_STATUS read_fn(HPDF_Stream stream, HPDF_BYTE* ptr, HPDF_UINT* size) {
  auto* cursor = static_cast<Cursor*>(stream->attr);
  const std::size_t total = cursor->data->size();
  const std::size_t left = cursor->pos < total ? total - cursor->pos : 0;
  if (*size <= left) {
    std::memcpy(ptr, cursor->data->data() + cursor->pos, *size);
    cursor->pos += *size;
    return HPDF_OK;
  }
  // A short read, as libharu's file reader reports it: zero-filled, the size cut, EOF.
  std::memcpy(ptr, cursor->data->data() + cursor->pos, left);
  std::memset(ptr + left, 0, *size - left);
  cursor->pos += left;
  *size = static_cast<HPDF_UINT>(left);
  return HPDF_STREAM_EOF;
}

HPDF_STATUS seek_fn(HPDF_Stream stream, HPDF_INT pos, HPDF_WhenceMode mode) {
  auto* cursor = static_cast<Cursor*>(stream->attr);
  long long base = 0;
  if (mode == HPDF_SEEK_CUR) base = static_cast<long long>(cursor->pos);
  if (mode == HPDF_SEEK_END) base = static_cast<long long>(cursor->data->size());
  const long long target = base + pos;
  if (target < 0) return HPDF_SetError(stream->error, HPDF_FILE_IO_ERROR, 0);
  cursor->pos = static_cast<std::size_t>(target);
  return HPDF_OK;
}

HPDF_INT32 tell_fn(HPDF_Stream stream) {
  return static_cast<HPDF_INT32>(static_cast<Cursor*>(stream->attr)->pos);
}

HPDF_UINT32 size_fn(HPDF_Stream stream) {
  return static_cast<HPDF_UINT32>(static_cast<Cursor*>(stream->attr)->data->size());
}

void free_fn(HPDF_Stream stream) {
  if (stream->attr != nullptr) HPDF_FreeMem(stream->mmgr, stream->attr);
  stream->attr = nullptr;
}

// The next subset tag of the document ("HPDFAA", "HPDFAB", ...), as libharu counts them.
void next_tag(HPDF_Doc pdf, char (&tag)[7]) {
  if (pdf->ttfont_tag[0] == 0) {
    std::memcpy(pdf->ttfont_tag, "HPDFAA", 6);
  } else {
    for (int i = 5; i >= 0; --i) {
      pdf->ttfont_tag[i] += 1;
      if (pdf->ttfont_tag[i] > 'Z') {
        pdf->ttfont_tag[i] = 'A';
      } else {
        break;
      }
    }
  }
  std::memcpy(tag, pdf->ttfont_tag, 6);
  tag[6] = 0;
}

}  // namespace

const std::string* font_file(const std::string& path) {
  return FontFiles::instance().get(path);
}

std::size_t face_directory(const std::string& data, int index) {
  if (data.compare(0, 4, "ttcf") != 0 || index < 0) return 0;
  return sfnt::Bytes{data}.u32(12 + 4 * static_cast<std::size_t>(index));
}

const char* load_truetype(HPDF_Doc pdf, const FontFace& face, bool embedding) {
  const std::string* data = FontFiles::instance().get(face.path);
  if (data == nullptr) {
    HPDF_SetError(&pdf->error, HPDF_FILE_OPEN_ERROR, static_cast<HPDF_STATUS>(errno));
    HPDF_CheckError(&pdf->error);
    return nullptr;
  }
  return load_truetype(pdf, data, face.index, embedding);
}

const char* load_truetype(HPDF_Doc pdf, const std::string* data, int index, bool embedding) {
  auto* cursor = static_cast<Cursor*>(HPDF_GetMem(pdf->mmgr, sizeof(Cursor)));
  if (cursor == nullptr) {
    HPDF_CheckError(&pdf->error);
    return nullptr;
  }
  *cursor = Cursor{data, 0};
  HPDF_Stream stream =
      HPDF_CallbackReader_New(pdf->mmgr, read_fn, seek_fn, tell_fn, size_fn, cursor);
  if (stream == nullptr) {
    HPDF_FreeMem(pdf->mmgr, cursor);
    HPDF_CheckError(&pdf->error);
    return nullptr;
  }
  stream->free_fn = free_fn;
  // From here on libharu owns the stream: it frees it with the font definition, on an error,
  // or right after parsing when not embedding.
  const bool collection = data->compare(0, 4, "ttcf") == 0;
  const HPDF_BOOL embed = embedding ? HPDF_TRUE : HPDF_FALSE;
  HPDF_FontDef def =
      collection ? HPDF_TTFontDef_Load2(pdf->mmgr, stream, static_cast<HPDF_UINT>(index), embed)
                 : HPDF_TTFontDef_Load(pdf->mmgr, stream, embed);
  if (def == nullptr) {
    HPDF_CheckError(&pdf->error);
    return nullptr;
  }
  if (HPDF_Doc_FindFontDef(pdf, def->base_font) != nullptr) {
    HPDF_FontDef_Free(def);
    HPDF_SetError(&pdf->error, HPDF_FONT_EXISTS, 0);
    HPDF_CheckError(&pdf->error);
    return nullptr;
  }
  if (HPDF_List_Add(pdf->fontdef_list, def) != HPDF_OK) {
    HPDF_FontDef_Free(def);
    HPDF_CheckError(&pdf->error);
    return nullptr;
  }
  if (embedding) {
    char tag[7];
    next_tag(pdf, tag);
    HPDF_TTFontDef_SetTagName(def, tag);
  }
  return def->base_font;
}

}  // namespace plenary::render::pdf
