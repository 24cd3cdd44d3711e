// Defence in depth on Linux: Landlock (kernel >= 5.13) restricts the calling thread and every
// thread it starts afterwards to reading the given folders and writing only in the given ones,
// whatever the code then tries. Best effort: where the kernel lacks Landlock (or it is
// disabled), nothing is restricted and the program runs as before.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace plenary::core {

enum class Confined {
  Yes,          // restricted
  Unsupported,  // no Landlock here (old kernel, disabled, not Linux): nothing restricted
  Failed,       // Landlock is there but the restriction could not be applied: nothing restricted
};

// Allows reading (files and folder listings) under `read` and everything (create, write,
// remove, rename) under `write`; every other path is refused from now on (EACCES). Folders that
// do not exist are left out; a file (not a folder) in `read` may be read and executed.
// Threads already running are not restricted: call it before starting workers.
Confined confine_paths(const std::vector<std::filesystem::path>& read,
                       const std::vector<std::filesystem::path>& write);

}  // namespace plenary::core
