#include "core/read_file.hpp"

#include <fcntl.h>
#include <linux/openat2.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <fstream>

#include "core/fd.hpp"

namespace plenary::core {

namespace fs = std::filesystem;

ReadStatus read_file(const fs::path& path, std::string& bytes, std::uintmax_t max_bytes) {
  bytes.clear();
  std::error_code ec;
  const fs::file_status status = fs::status(path, ec);
  if (status.type() == fs::file_type::not_found) return ReadStatus::Missing;
  if (ec) return ReadStatus::Unreadable;
  if (status.type() != fs::file_type::regular) return ReadStatus::NotRegular;
  const std::uintmax_t size = fs::file_size(path, ec);
  if (ec) return ReadStatus::Unreadable;
  if (size > max_bytes) return ReadStatus::TooLarge;

  std::ifstream in(path, std::ios::binary);
  if (!in) return ReadStatus::Unreadable;
  bytes.reserve(static_cast<std::size_t>(size));
  char block[1 << 16];
  while (in) {
    in.read(block, sizeof block);
    bytes.append(block, static_cast<std::size_t>(in.gcount()));
    if (bytes.size() > max_bytes) {  // the file grew while it was read
      bytes.clear();
      return ReadStatus::TooLarge;
    }
  }
  if (in.bad()) {
    bytes.clear();
    return ReadStatus::Unreadable;
  }
  return ReadStatus::Ok;
}

namespace {

// The rest of a read once `fd` is open: a regular file within `max_bytes`, read whole.
ReadStatus read_open_file(int fd, std::string& bytes, std::uintmax_t max_bytes) {
  struct stat st;
  if (::fstat(fd, &st) != 0) return ReadStatus::Unreadable;
  if (!S_ISREG(st.st_mode)) return ReadStatus::NotRegular;
  if (static_cast<std::uintmax_t>(st.st_size) > max_bytes) return ReadStatus::TooLarge;
  // One read of the whole size for the usual file (plus one more to see the end); the file
  // may still grow or shrink while it is read.
  bytes.resize(static_cast<std::size_t>(st.st_size) + 1);
  std::size_t have = 0;
  for (;;) {
    if (have == bytes.size()) {
      if (have > max_bytes) {  // the file grew while it was read
        bytes.clear();
        return ReadStatus::TooLarge;
      }
      bytes.resize(std::max<std::size_t>(have * 2, 1 << 16));
    }
    ssize_t n = ::read(fd, bytes.data() + have, bytes.size() - have);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      bytes.clear();
      return ReadStatus::Unreadable;
    }
    if (n == 0) break;
    have += static_cast<std::size_t>(n);
  }
  bytes.resize(have);
  if (have > max_bytes) {
    bytes.clear();
    return ReadStatus::TooLarge;
  }
  return ReadStatus::Ok;
}

}  // namespace

ReadStatus read_file_at(int folder_fd, const std::string& name, std::string& bytes,
                        std::uintmax_t max_bytes) {
  bytes.clear();
  // O_NONBLOCK: a FIFO in the file's place must not block the open.
  int fd = ::openat(folder_fd, name.c_str(), O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) {
    if (errno == ENOENT) return ReadStatus::Missing;
    if (errno == ELOOP || errno == ENXIO) return ReadStatus::NotRegular;
    return ReadStatus::Unreadable;
  }
  const Fd owned(fd);
  return read_open_file(fd, bytes, max_bytes);
}

std::optional<ReadStatus> read_file_beneath(int folder_fd, const std::string& name,
                                            std::string& bytes, std::uintmax_t max_bytes) {
  bytes.clear();
  if (folder_fd < 0 || name.empty() || name.front() == '/') return std::nullopt;
  // A name that climbs ("a/../b") is judged by where it leads as a whole, not by whether a
  // part of it is missing: left to the caller.
  for (std::size_t at = 0; (at = name.find("..", at)) != std::string::npos; at += 2) {
    if ((at == 0 || name[at - 1] == '/') && (at + 2 == name.size() || name[at + 2] == '/'))
      return std::nullopt;
  }
  open_how how{};
  // O_NONBLOCK: a FIFO in the file's place must not block the open.
  how.flags = O_RDONLY | O_NONBLOCK | O_CLOEXEC;
  how.resolve = RESOLVE_BENEATH | RESOLVE_NO_SYMLINKS;
  const long fd = ::syscall(SYS_openat2, folder_fd, name.c_str(), &how, sizeof how);
  if (fd < 0) {
    // ENOENT with no link refused first: the file is not there, whatever the way. ELOOP (a
    // link), EXDEV (leaving the folder), ENOSYS, EPERM (a seccomp filter), EINVAL, E2BIG (a
    // kernel that cannot open this way), EACCES, ENOTDIR ...: not settled here.
    if (errno == ENOENT) return ReadStatus::Missing;
    return std::nullopt;
  }
  const Fd owned(static_cast<int>(fd));
  const ReadStatus status = read_open_file(static_cast<int>(fd), bytes, max_bytes);
  if (status != ReadStatus::Ok) {
    bytes.clear();
    return std::nullopt;
  }
  return status;
}

std::string describe(ReadStatus status, std::uintmax_t max_bytes) {
  switch (status) {
    case ReadStatus::Ok:
      return "read";
    case ReadStatus::Missing:
      return "no such file";
    case ReadStatus::NotRegular:
      return "not a regular file";
    case ReadStatus::TooLarge:
      if (max_bytes >= (1u << 20) && max_bytes % (1u << 20) == 0)
        return "file is larger than " + std::to_string(max_bytes >> 20) + " MiB";
      return "file is larger than " + std::to_string(max_bytes) + " bytes";
    case ReadStatus::Unreadable:
      break;
  }
  return "cannot read file";
}

}  // namespace plenary::core
