// Atomic file replacement: write a temporary file in the same folder, fsync it, rename it over
// the target, fsync the folder. A reader, a crash or `kill -9` never sees a half-written file;
// a killed run leaves at most a temporary file, removed by the next run.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace plenary::output::detail {

// ".<name>.tmp-<pid>": hidden, next to the target, unique per process.
std::string temp_name(const std::string& file_name);

// True for names made by temp_name (any pid).
bool is_temp_name(const std::string& file_name);

// Replaces `path` by `bytes` atomically. Returns "" on success, else a one-line reason
// ("No space left on device"); on failure the previous file (if any) is untouched and no
// temporary file is left behind.
std::string write_file_atomically(const std::filesystem::path& path, const std::string& bytes);

// Removes temporary files left by killed runs anywhere under `folder` (call with the lock held).
// Returns the removed paths.
std::vector<std::filesystem::path> remove_stale_temps(const std::filesystem::path& folder);

}  // namespace plenary::output::detail
