// The small part of output.hpp: version, language, template folders (the formats, which
// need the formats table, are in options_formats.cpp).
#include <filesystem>

#include "output/output.hpp"

#ifndef PLENARY_VERSION
#define PLENARY_VERSION "0.0.0"
#endif
#ifndef PLENARY_SOURCE_TEMPLATES
#define PLENARY_SOURCE_TEMPLATES ""
#endif
#ifndef PLENARY_INSTALLED_TEMPLATES
#define PLENARY_INSTALLED_TEMPLATES "/usr/local/share/plenary/templates"
#endif

namespace plenary::output {

namespace fs = std::filesystem;

// Run from the build tree (its folder holds CMakeCache.txt), the program uses the repository's
// templates; installed, it uses <prefix>/share/plenary/templates beside its own bin/ folder, so
// a relocated installation still finds them, and the configured prefix as the last resort.
fs::path program_templates() {
  std::error_code ec;
  const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  const fs::path source = PLENARY_SOURCE_TEMPLATES;
  if (!ec) {
    const fs::path folder = exe.parent_path();
    if (!source.empty() && fs::exists(folder / "CMakeCache.txt", ec) &&
        fs::is_directory(source, ec))
      return source;
    const fs::path beside = folder.parent_path() / "share" / "plenary" / "templates";
    if (fs::is_directory(beside, ec)) return beside;
  } else if (!source.empty() && fs::is_directory(source, ec)) {
    return source;
  }
  return PLENARY_INSTALLED_TEMPLATES;
}

std::vector<fs::path> template_folders(const fs::path& root) {
  return {root / "templates", program_templates()};
}

std::string version() {
  return PLENARY_VERSION;
}

std::optional<compose::Lang> parse_lang(const std::string& text) {
  if (text == "en") return compose::Lang::En;
  if (text == "fr") return compose::Lang::Fr;
  return std::nullopt;
}

std::string lang_code(compose::Lang lang) {
  return lang == compose::Lang::Fr ? "fr" : "en";
}

}  // namespace plenary::output
