#include "render/pdf/hpdf/content_stream.hpp"

#include <hpdf_objects.h>
#include <hpdf_pages.h>
#include <hpdf_streams.h>

#include <Poco/DeflatingStream.h>

#include <exception>
#include <sstream>
#include <string>

namespace plenary::render::pdf {

namespace {

// libharu writes the dictionary's entries, then calls this before ">>".
HPDF_STATUS write_flate_filter(HPDF_Dict, HPDF_Stream stream) {
  return HPDF_Stream_WriteStr(stream, "/Filter /FlateDecode\012");
}

}  // namespace

void compress_contents(HPDF_Page page, int level) {
  auto* attr = static_cast<HPDF_PageAttr>(page->attr);
  HPDF_Dict contents = attr->contents;
  HPDF_Stream stream = attr->stream;
  if (contents == nullptr || stream == nullptr || stream->type != HPDF_STREAM_MEMORY) return;
  std::ostringstream packed;
  try {
    Poco::DeflatingOutputStream deflate(packed, Poco::DeflatingStreamBuf::STREAM_ZLIB, level);
    const HPDF_UINT buffers = HPDF_MemStream_GetBufCount(stream);
    for (HPDF_UINT i = 0; i < buffers; ++i) {
      HPDF_UINT length = 0;
      const HPDF_BYTE* data = HPDF_MemStream_GetBufPtr(stream, i, &length);
      if (data != nullptr) deflate.write(reinterpret_cast<const char*>(data), length);
    }
    deflate.close();
  } catch (const std::exception&) {  // zlib out of memory: reported as libharu's would be
    HPDF_RaiseError(page->error, HPDF_FAILD_TO_ALLOC_MEM, 0);
    return;
  }
  const std::string bytes = packed.str();
  HPDF_MemStream_FreeData(stream);
  if (HPDF_Stream_Write(stream, reinterpret_cast<const HPDF_BYTE*>(bytes.data()),
                        static_cast<HPDF_UINT>(bytes.size())) != HPDF_OK) {
    HPDF_CheckError(page->error);
    return;
  }
  contents->filter = HPDF_STREAM_FILTER_NONE;  // written as it stands
  contents->write_fn = write_flate_filter;
}

}  // namespace plenary::render::pdf
