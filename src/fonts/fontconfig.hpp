// Fontconfig, wrapped once: families matched to font files (once per process), fallback
// faces for characters the configured fonts lack, and character sets. Only this file and
// fontconfig.cpp include <fontconfig/fontconfig.h>.
#pragma once

#include <string>
#include <vector>

#include "fonts/fonts.hpp"

namespace plenary::fonts::fc {

// A family, weight and slant as fontconfig matches it, once per process: the face, its
// charset (an FcCharSet*, owned by the process-wide table) and the problems to report.
struct Resolved {
  bool usable = false;
  FontFace face;
  const void* charset = nullptr;
  std::vector<std::string> problems;
};
// Never changed once made, so the reference stays valid and needs no lock.
const Resolved& resolve(const std::string& family, bool bold, bool italic);

// A TrueType face that has `cp` (BMP), as fontconfig sorts them for it; false when none has.
// `charset` receives a copy of its charset, which the caller destroys.
bool fallback(char32_t cp, FontFace& face, void*& charset);

void* copy(const void* charset);
void destroy(void* charset);
bool has(const void* charset, char32_t cp);
// The BMP code points in `charset`, as a bitmap of 0x10000 entries.
std::vector<bool> bmp_coverage(const void* charset);

}  // namespace plenary::fonts::fc
