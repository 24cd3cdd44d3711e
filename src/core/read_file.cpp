#include "core/read_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <fstream>

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
  struct Closer {
    int fd;
    ~Closer() { ::close(fd); }
  } closer{fd};
  struct stat st;
  if (::fstat(fd, &st) != 0) return ReadStatus::Unreadable;
  if (!S_ISREG(st.st_mode)) return ReadStatus::NotRegular;
  if (static_cast<std::uintmax_t>(st.st_size) > max_bytes) return ReadStatus::TooLarge;
  bytes.reserve(static_cast<std::size_t>(st.st_size));
  char block[1 << 16];
  for (;;) {
    ssize_t n = ::read(fd, block, sizeof block);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      bytes.clear();
      return ReadStatus::Unreadable;
    }
    if (n == 0) break;
    bytes.append(block, static_cast<std::size_t>(n));
    if (bytes.size() > max_bytes) {  // the file grew while it was read
      bytes.clear();
      return ReadStatus::TooLarge;
    }
  }
  return ReadStatus::Ok;
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
