// DOCX and ODT papers to PDF, with LibreOffice headless, cached by content: the PDF of a paper
// whose bytes hash to H is kept as <cache>/<H>.converted, so an unchanged paper is never converted
// twice (docs/book.md). No library does this; LibreOffice is run as a program, with a profile
// and a TMPDIR of its own inside the cache folder and a timeout, so it never hangs a build.
#pragma once

#include <filesystem>
#include <string>

namespace plenary::book {

struct ConvertOptions {
  std::filesystem::path cache;  // the cache folder (out/.plenary-cache), created on use
  int timeout_seconds = 180;    // one conversion; then it is killed and the paper fails
  // The program; "" = the first of soffice, libreoffice on PATH.
  std::string soffice;
};

// The PDF of a DOCX or ODT paper (`extension` "docx" or "odt"); `name` names it in errors.
// Throws BookError: LibreOffice missing (naming the package to install), timed out, or no PDF.
std::string convert_to_pdf(const std::string& bytes, const std::string& extension,
                           const std::string& name, const ConvertOptions& options);

// Whether a converted copy of these bytes is in the cache (for tests and the build's report).
bool converted_in_cache(const std::string& bytes, const ConvertOptions& options);

}  // namespace plenary::book
