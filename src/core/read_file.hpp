// The program's one whole-file reader. Every file is bounded before it is read: a file larger
// than `max_bytes` (by its size, or by what a read actually returns, for files that grow or lie
// about their size) is refused, never loaded.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>

namespace plenary::core {

enum class ReadStatus {
  Ok,
  Missing,     // no such file
  NotRegular,  // a folder, a device, a socket ...
  TooLarge,    // over max_bytes
  Unreadable,  // permissions, I/O error
};

// Reads the whole file into `bytes` (cleared first; left empty on failure).
ReadStatus read_file(const std::filesystem::path& path, std::string& bytes,
                     std::uintmax_t max_bytes);

// Reads the file `name` of the opened folder `folder_fd` the same way, never following a link:
// a link in its place is NotRegular, like a folder or a device (whatever it points to, so that
// the answer says nothing about a file outside).
ReadStatus read_file_at(int folder_fd, const std::string& name, std::string& bytes,
                        std::uintmax_t max_bytes);

// One line for a diagnostic: "no such file", "file is larger than 16 MiB", ...
std::string describe(ReadStatus status, std::uintmax_t max_bytes);

}  // namespace plenary::core
