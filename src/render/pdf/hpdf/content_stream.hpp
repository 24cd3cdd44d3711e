// Page content streams compressed at a level of our choosing. libharu deflates every stream at
// zlib's default level, which it offers no way to change; for the text-heavy content streams
// of a K=4 briefing pack that was over a quarter of the PDF writer's instructions. A page's
// content, once drawn, is compressed here (Poco's deflate, zlib format) and put back in place
// of the raw operators, and libharu writes it as it stands, with the /Filter /FlateDecode
// entry added through the dictionary's write hook (libharu drops a /Filter it did not set).
// Fonts, images and CMaps are still compressed by libharu.
#pragma once

#include <hpdf.h>

namespace plenary::render::pdf {

// zlib level for page content: level 3 takes about half the work of the default (6) and
// gives streams about 9 % larger (text operators of a briefing pack).
constexpr int kContentLevel = 3;

// Replaces the page's content stream by its deflated bytes and marks it FlateDecode. Call once
// the page is fully drawn (no text or path left open). Errors reach the document's handler.
void compress_contents(HPDF_Page page, int level);

}  // namespace plenary::render::pdf
