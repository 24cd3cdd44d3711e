#include "render/pdf/hpdf/truetype.hpp"

#include "fonts/font_file.hpp"

#include <hpdf_doc.h>
#include <hpdf_fontdef.h>
#include <hpdf_list.h>
#include <hpdf_mmgr.h>
#include <hpdf_streams.h>

#include <cerrno>
#include <cstring>

#include <string>

namespace plenary::render::pdf {

namespace {

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

const char* load_truetype(HPDF_Doc pdf, const fonts::FontFace& face, bool embedding) {
  const std::string* data = fonts::font_file(face.path);
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
