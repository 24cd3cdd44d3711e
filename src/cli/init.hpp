// `plenary init DIR`: a new committee's data root from the skeleton installed with the program
// (share/plenary/init/<lang>/) and the JSON schemas (share/plenary/schemas/), copied into DIR.
#pragma once

#include <filesystem>
#include <string>

#include "compose/compose.hpp"

namespace plenary::cli {

struct InitResult {
  int status = 0;       // 0 written, 2 usage (DIR not empty, not a folder...), 3 a write failed
  std::string message;  // on success the lines to print (what was written, what next)
};

// Writes the skeleton of `lang` into `dir`, which must be missing (its parent existing) or an
// empty folder. Never follows a symbolic link and never replaces a file: every folder is made
// with mkdirat and every file opened with O_CREAT | O_EXCL | O_NOFOLLOW under DIR's descriptor.
InitResult init_root(const std::filesystem::path& dir, compose::Lang lang);

// Where the program's own data files are: `<source>/share/init` and `<source>/schemas` when run
// from the build tree, else `<prefix>/share/plenary/init` and `.../schemas` beside bin/.
std::filesystem::path program_init_folder();
std::filesystem::path program_schemas_folder();

}  // namespace plenary::cli
