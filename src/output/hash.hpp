// Files hashed for the manifest and the unchanged check: read block by block through one
// buffer (no whole-file copy, no iostream), each block hashed while it is still in the cache.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "core/read_file.hpp"

namespace plenary::output::detail {

// How a file was found, for read_blocks_at.
struct BlockRead {
  core::ReadStatus status = core::ReadStatus::Unreadable;
  // Only with `no_links`: a symbolic link somewhere on the way (or a kernel that cannot say):
  // nothing was read, the caller judges the path its slower way.
  bool link_on_the_way = false;
};

// Which symbolic links read_blocks_at goes through.
enum class Links {
  Follow,   // every one (a path already judged by core::where_path_leads)
  NotLast,  // those on the way, never one in the file's own place (NotRegular)
  None,     // none: no part of the name may be a link, and the file must lie beneath the
            // folder (openat2, RESOLVE_NO_SYMLINKS | RESOLVE_BENEATH); a link is reported
            // (BlockRead::link_on_the_way), not read
};

// Reads the file `name` (relative, one or more parts) of the opened folder `folder_fd`
// (AT_FDCWD: of the working folder, or `name` absolute) and gives `consume` its bytes block by
// block, as core::read_file would read them: the same statuses, bounded by `max_bytes` (by
// size first, then by what the reads return). A FIFO never blocks the open. On any status but
// Ok, `consume` may have seen some blocks.
BlockRead read_blocks_at(int folder_fd, const char* name, std::uintmax_t max_bytes, Links links,
                         const std::function<void(std::string_view)>& consume);

// The content hash (core/content_hash.hpp) of the regular file `name` of `folder_fd`, as read
// by read_blocks_at (a link in its place is never hashed through), or nullopt when it cannot be
// read (absent, a folder, a link, no access). The manifest's output hashes.
std::optional<std::string> file_content_hash_at(int folder_fd, const std::string& name);

// The same for a path.
std::optional<std::string> file_content_hash(const std::filesystem::path& path);

}  // namespace plenary::output::detail
