#include "output/hash.hpp"

#include <fstream>

#include "core/sha256.hpp"

namespace plenary::output::detail {

std::optional<std::string> file_sha256_hex(const std::filesystem::path& path) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(std::filesystem::symlink_status(path, ec)))
    return std::nullopt;  // a link is never followed
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  core::Sha256 sha;
  char buffer[1 << 16];
  while (in) {
    in.read(buffer, sizeof buffer);
    if (in.gcount() > 0) sha.update({buffer, static_cast<std::size_t>(in.gcount())});
  }
  if (in.bad()) return std::nullopt;
  return sha.hex();
}

}  // namespace plenary::output::detail
