// module_candidates and module_files: apart from module.cpp (dlopen) so that the front, which
// confines itself with the same readable paths, links only these.
#include <system_error>

#include "core/confined_path.hpp"
#include "core/module.hpp"

#ifndef PLENARY_INSTALLED_LIBEXECDIR
#define PLENARY_INSTALLED_LIBEXECDIR "/usr/local/libexec"
#endif
#ifndef PLENARY_BUILD_DIR
#define PLENARY_BUILD_DIR ""
#endif

namespace plenary::core {

namespace fs = std::filesystem;

std::vector<fs::path> module_candidates(const std::string& file_name) {
  std::vector<fs::path> candidates;
  std::error_code ec;
  const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    candidates.push_back(exe.parent_path() / file_name);
    candidates.push_back(exe.parent_path().parent_path() / "libexec" / file_name);
  }
  candidates.push_back(fs::path(PLENARY_INSTALLED_LIBEXECDIR) / file_name);
  // The build folder only for a program of the build tree (a test program in a subfolder):
  // an installed program never looks there.
  const fs::path build = PLENARY_BUILD_DIR;
  if (!ec && !build.empty() && path_within(exe.parent_path(), build))
    candidates.push_back(build / file_name);
  return candidates;
}

std::vector<fs::path> module_files() {
  std::vector<fs::path> files;
  for (const char* name : kModules) {
    for (const fs::path& candidate : module_candidates(name)) {
      std::error_code ec;
      if (fs::is_regular_file(candidate, ec)) files.push_back(candidate);
    }
  }
  return files;
}

}  // namespace plenary::core
