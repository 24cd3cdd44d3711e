// The small part of output.hpp: version, option values, template folders.
#include <algorithm>
#include <filesystem>
#include <set>

#include "output/output.hpp"
#include "render/formats.hpp"

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

std::optional<std::vector<std::string>> parse_formats(const std::string& text,
                                                      std::string& problem) {
  std::vector<std::string> names;
  std::set<std::string> given;
  const auto add = [&names](const std::string& name) {
    if (std::find(names.begin(), names.end(), name) == names.end()) names.push_back(name);
  };
  for (std::size_t start = 0;;) {
    const std::size_t comma = text.find(',', start);
    const std::string item =
        text.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
    if (item.empty()) {
      problem = "an empty item in the list";
      return std::nullopt;
    }
    if (!given.insert(item).second) {
      problem = "'" + item + "' is given twice";
      return std::nullopt;
    }
    if (item == "all") {
      for (const auto& name : render::all_format_names()) add(name);
    } else if (render::find_format(item)) {
      add(item);
    } else {
      std::vector<std::string> known{"all"};
      for (const auto& row : render::formats()) known.push_back(row.name);
      problem = "unknown format '" + item + "'";
      std::string hint = closest_match(item, known);
      if (!hint.empty() && hint != item) problem += ", did you mean '" + hint + "'?";
      return std::nullopt;
    }
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  return names;
}

std::string format_choices() {
  std::string text;
  for (const auto& row : render::formats()) text += row.name + ", ";
  if (!text.empty()) text.erase(text.size() - 2);
  return text + " or all";
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
