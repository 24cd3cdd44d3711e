// Where a run reads and writes: the output folder, whether it is apart from the data, and
// the folders Landlock leaves readable. Apart from output_run.cpp so that the unchanged
// nightly's fast path (src/cli/front.cpp) links them without the stages behind a build.
#include <cstdlib>
#include <string>

#include "core/confined_path.hpp"
#include "core/module.hpp"
#include "output/output_run.hpp"

namespace plenary::output::detail {

namespace fs = std::filesystem;

fs::path out_folder(const Options& options) {
  fs::path out = options.out.empty() ? options.root / "out" : options.out;
  return fs::absolute(out).lexically_normal();
}

namespace {

std::filesystem::path resolved(const std::filesystem::path& path) {
  std::error_code ec;
  auto p = std::filesystem::weakly_canonical(std::filesystem::absolute(path), ec);
  if (ec) p = std::filesystem::absolute(path);
  p = p.lexically_normal();
  if (!p.has_filename() && p.has_parent_path() && p != p.root_path()) p = p.parent_path();
  return p;
}

}  // namespace

// "" when the output folder is apart from the data, else why not: it must not be the data
// root, contain it, or lie in the folders a build reads (the sweep and the writes would reach
// the data, a .git pack being written ...).
std::string out_problem(const Options& options) {
  const std::filesystem::path root = resolved(options.root);
  const std::filesystem::path out = resolved(out_folder(options));
  const std::string shown = "the output folder " + out.string();
  if (core::path_within(root, out))
    return shown + (out == root ? " is the data root" : " contains the data root " + root.string());
  for (const char* folder : {"data", "agendas", "templates", "papers", ".git"})
    if (core::path_within(out, root / folder))
      return shown + " lies inside the data root's " + folder + "/ folder";
  return {};
}

std::vector<fs::path> readable_folders(const fs::path& root) {
  std::vector<fs::path> read = template_folders(root);
  read.push_back(root);
  for (const char* system : {"/usr", "/lib", "/lib32", "/lib64", "/etc", "/proc", "/sys", "/dev",
                             "/opt", "/var/cache/fontconfig"})
    read.emplace_back(system);
  if (const char* home = std::getenv("HOME"); home && *home)
    for (const char* fonts : {".cache/fontconfig", ".fonts", ".local/share/fonts"})
      read.push_back(fs::path(home) / fonts);
  // The program's own modules (the book's, the calendars'), loaded on first use, after the
  // confinement: each file alone, not its folder.
  for (fs::path& module : core::module_files()) read.push_back(std::move(module));
  return read;
}

bool landlock_wanted() {
  const char* setting = std::getenv("PLENARY_LANDLOCK");
  return !(setting && std::string(setting) == "off");
}

}  // namespace plenary::output::detail
