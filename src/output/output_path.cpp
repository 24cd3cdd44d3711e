#include "output/output_path.hpp"

#include <algorithm>
#include <array>
#include <cctype>

namespace plenary::output::detail {

namespace {

// Names Windows reserves (the output folder is often shared with Windows users), and the
// names the build itself uses at the top of the output folder.
bool reserved(const std::string& component) {
  std::string base = component.substr(0, component.find('.'));
  std::transform(base.begin(), base.end(), base.begin(),
                 [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  static const std::array<const char*, 4> devices = {"CON", "PRN", "AUX", "NUL"};
  for (const char* d : devices)
    if (base == d) return true;
  if (base.size() == 4 && (base.rfind("COM", 0) == 0 || base.rfind("LPT", 0) == 0) &&
      base[3] >= '1' && base[3] <= '9')
    return true;
  return component == "manifest.json";
}

}  // namespace

std::string output_path_problem(const std::string& relative) {
  if (relative.empty()) return "the path is empty";
  if (relative.find('\0') != std::string::npos) return "the path contains a NUL character";
  if (relative.find('\\') != std::string::npos) return "the path contains a backslash";
  if (relative.front() == '/') return "the path is absolute";
  std::size_t start = 0;
  while (start <= relative.size()) {
    std::size_t end = relative.find('/', start);
    if (end == std::string::npos) end = relative.size();
    std::string component = relative.substr(start, end - start);
    if (component.empty()) return "the path has an empty component";
    if (component == "." || component == "..") return "'" + component + "' is not allowed";
    if (component.front() == '.') return "a hidden name ('" + component + "') is not allowed";
    for (unsigned char c : component)
      if (c < 0x20 || c == 0x7f || c == ':' || c == '*' || c == '?' || c == '"' || c == '<' ||
          c == '>' || c == '|')
        return "the character '" + std::string(1, static_cast<char>(c)) + "' is not allowed";
    if (reserved(component)) return "'" + component + "' is a reserved name";
    if (component.size() > 200) return "a name is longer than 200 bytes";
    start = end + 1;
  }
  return {};
}

bool stays_inside(const std::filesystem::path& out, const std::filesystem::path& target) {
  std::error_code ec;
  auto base = std::filesystem::weakly_canonical(out, ec);
  if (ec) return false;
  auto folder = std::filesystem::weakly_canonical(target.parent_path(), ec);
  if (ec) return false;
  if (!base.has_filename()) base = base.parent_path();  // drop a trailing '/'
  if (!folder.has_filename()) folder = folder.parent_path();
  auto b = base.begin();
  auto f = folder.begin();
  for (; b != base.end(); ++b, ++f)
    if (f == folder.end() || *b != *f) return false;
  return true;
}

}  // namespace plenary::output::detail
