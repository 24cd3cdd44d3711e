#include "output/hash.hpp"

#include <fcntl.h>
#include <linux/openat2.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <cerrno>
#include <limits>
#include <memory>

#include "core/content_hash.hpp"
#include "core/fd.hpp"

namespace plenary::output::detail {

namespace {

// Blocks of 128 KiB: few reads for a large file, and a block the hash reads while it is still
// in the core's L2 cache, just after the kernel copied it there.
constexpr std::size_t kBlock = 128u << 10;

char* block_buffer() {
  thread_local std::unique_ptr<char[]> buffer(new char[kBlock]);
  return buffer.get();
}

int open_beneath(int folder_fd, const char* name, bool& link_on_the_way) {
  open_how how{};
  how.flags = O_RDONLY | O_NONBLOCK | O_CLOEXEC;
  how.resolve = RESOLVE_NO_SYMLINKS | RESOLVE_BENEATH;
  const long fd = ::syscall(SYS_openat2, folder_fd, name, &how, sizeof how);
  // ELOOP: a link on the way; EXDEV: a path leaving the folder; ENOSYS, EPERM (a filter),
  // EINVAL, E2BIG: a kernel that cannot open this way. The caller judges each its own way.
  if (fd < 0 && (errno == ELOOP || errno == EXDEV || errno == ENOSYS || errno == EPERM ||
                 errno == EINVAL || errno == E2BIG))
    link_on_the_way = true;
  return static_cast<int>(fd);
}

}  // namespace

BlockRead read_blocks_at(int folder_fd, const char* name, std::uintmax_t max_bytes, Links links,
                         const std::function<void(std::string_view)>& consume) {
  BlockRead result;
  const int fd = links == Links::None ? open_beneath(folder_fd, name, result.link_on_the_way)
                                      : ::openat(folder_fd, name,
                                                 O_RDONLY | O_NONBLOCK | O_CLOEXEC |
                                                     (links == Links::NotLast ? O_NOFOLLOW : 0));
  if (fd < 0) {
    if (result.link_on_the_way) return result;
    if (errno == ENOENT) {
      result.status = core::ReadStatus::Missing;
    } else if (errno == ELOOP || errno == ENXIO) {
      result.status = core::ReadStatus::NotRegular;
    } else {
      result.status = core::ReadStatus::Unreadable;
    }
    return result;
  }
  const core::Fd owned(fd);
  struct stat st;
  if (::fstat(fd, &st) != 0) return result;
  if (!S_ISREG(st.st_mode)) {
    result.status = core::ReadStatus::NotRegular;
    return result;
  }
  if (static_cast<std::uintmax_t>(st.st_size) > max_bytes) {
    result.status = core::ReadStatus::TooLarge;
    return result;
  }
  char* buffer = block_buffer();
  std::uintmax_t total = 0;
  for (;;) {
    const ssize_t n = ::read(fd, buffer, kBlock);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return result;  // Unreadable
    if (n == 0) break;
    total += static_cast<std::uintmax_t>(n);
    if (total > max_bytes) {  // the file grew while it was read
      result.status = core::ReadStatus::TooLarge;
      return result;
    }
    consume({buffer, static_cast<std::size_t>(n)});
    // A short read that reaches the size fstat gave is the end: one read a file less (the
    // unchanged check reads some 330 files). A file that grows is read on to its new end.
    if (static_cast<std::size_t>(n) < kBlock && total == static_cast<std::uintmax_t>(st.st_size))
      break;
  }
  result.status = core::ReadStatus::Ok;
  return result;
}

std::optional<std::string> file_content_hash_at(int folder_fd, const std::string& name) {
  core::ContentHash hash;
  const BlockRead read =
      read_blocks_at(folder_fd, name.c_str(), std::numeric_limits<std::uintmax_t>::max(),
                     Links::NotLast, [&](std::string_view block) { hash.update(block); });
  if (read.status != core::ReadStatus::Ok) return std::nullopt;
  return hash.value();
}

std::optional<std::string> file_content_hash(const std::filesystem::path& path) {
  return file_content_hash_at(AT_FDCWD, path.string());
}

}  // namespace plenary::output::detail
