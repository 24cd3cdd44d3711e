#include "render/pdf/hpdf/hpdf_doc.hpp"

#include <cstdio>
#include <vector>

namespace plenary::render::pdf {

namespace {

const char* describe(HPDF_STATUS error) {
  switch (error) {
    case HPDF_FAILD_TO_ALLOC_MEM:
      return "out of memory";
    case HPDF_FILE_IO_ERROR:
    case HPDF_FILE_OPEN_ERROR:
      return "cannot read a file";
    case HPDF_INVALID_TTC_INDEX:
    case HPDF_INVALID_TTC_FILE:
    case HPDF_TTF_INVALID_CMAP:
    case HPDF_TTF_INVALID_FOMAT:
    case HPDF_TTF_MISSING_TABLE:
    case HPDF_TTF_CANNOT_EMBEDDING_FONT:
      return "unusable TrueType font";
    case HPDF_UNSUPPORTED_FUNC:
    case HPDF_INVALID_PNG_IMAGE:
      return "unsupported or invalid PNG image";
    case HPDF_UNSUPPORTED_JPEG_FORMAT:
    case HPDF_INVALID_JPEG_DATA:
      return "unsupported or invalid JPEG image";
    case HPDF_PAGE_OUT_OF_RANGE:
      return "drawing outside the page";
    default:
      return "internal error";
  }
}

}  // namespace

HpdfDoc::HpdfDoc() {
  doc_ = HPDF_New(&HpdfDoc::on_error, this);
}

HpdfDoc::~HpdfDoc() {
  if (doc_ != nullptr) HPDF_Free(doc_);
}

void HPDF_STDCALL HpdfDoc::on_error(HPDF_STATUS error_no, HPDF_STATUS detail_no, void* user) {
  auto* self = static_cast<HpdfDoc*>(user);
  if (self->error_ == HPDF_OK) {
    self->error_ = error_no;
    self->detail_ = detail_no;
  }
}

std::string HpdfDoc::error_message() const {
  if (doc_ == nullptr) return "libharu could not create a document";
  char buffer[96];
  std::snprintf(buffer, sizeof buffer, "libharu error 0x%04X (detail %u): %s",
                static_cast<unsigned>(error_), static_cast<unsigned>(detail_), describe(error_));
  return buffer;
}

void HpdfDoc::clear_error() {
  error_ = HPDF_OK;
  detail_ = HPDF_OK;
  if (doc_ != nullptr) HPDF_ResetError(doc_);
}

std::string HpdfDoc::save() {
  if (failed()) return {};
  if (HPDF_SaveToStream(doc_) != HPDF_OK || doc_->stream == nullptr) return {};
  if (failed()) return {};
  // The file is in libharu's memory stream now; the document's objects (the pages, the
  // structure tree: 33 MB for the K=8 briefing pack, docs/performance.md "memory") are freed
  // before the file is copied out, so the two are never in memory beside the copy. The stream
  // is taken from the document first (HPDF_FreeDoc would free it) and freed here; its memory
  // comes from the document's memory manager, which lives until HPDF_Free.
  HPDF_Stream stream = doc_->stream;
  doc_->stream = nullptr;
  HPDF_FreeDoc(doc_);
  std::string bytes;
  bytes.reserve(HPDF_Stream_Size(stream));
  std::vector<HPDF_BYTE> buffer(64 * 1024);
  HPDF_STATUS status = HPDF_OK;
  for (;;) {
    HPDF_UINT size = static_cast<HPDF_UINT>(buffer.size());
    status = HPDF_Stream_Read(stream, buffer.data(), &size);
    bytes.append(reinterpret_cast<const char*>(buffer.data()), size);
    if (status != HPDF_OK) break;
  }
  HPDF_Stream_Free(stream);
  if (status != HPDF_STREAM_EOF || failed()) return {};
  return bytes;
}

}  // namespace plenary::render::pdf
