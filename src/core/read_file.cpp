#include "core/read_file.hpp"

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
