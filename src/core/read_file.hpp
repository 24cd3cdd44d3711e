// The program's one whole-file reader. Every file is bounded before it is read: a file larger
// than `max_bytes` (by its size, or by what a read actually returns, for files that grow or lie
// about their size) is refused, never loaded.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
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

// The fast path of a confined read: `name` (relative, '/'-separated) beneath the opened folder
// `folder_fd`, opened with openat2(RESOLVE_BENEATH | RESOLVE_NO_SYMLINKS) so that no part of
// the way may be a symbolic link and nothing may climb out of the folder. Answers only what
// that one open settles: Ok (a regular file within `max_bytes`, its bytes read) and Missing
// (no such file, no link met before the missing part). Anything else — a link on the way, a
// folder, a FIFO, a file too large, an error, a kernel without openat2 — is nullopt with
// `bytes` empty: the caller judges the path its step-by-step way (core::where_path_leads), so
// every message stays that way's.
std::optional<ReadStatus> read_file_beneath(int folder_fd, const std::string& name,
                                            std::string& bytes, std::uintmax_t max_bytes);

// One line for a diagnostic: "no such file", "file is larger than 16 MiB", ...
std::string describe(ReadStatus status, std::uintmax_t max_bytes);

}  // namespace plenary::core
