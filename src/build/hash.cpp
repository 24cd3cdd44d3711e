#include "build/hash.hpp"

#include <Poco/Crypto/DigestEngine.h>

#include <fstream>

namespace plenary::build::detail {

std::string sha256_hex(const std::string& bytes) {
  Poco::Crypto::DigestEngine engine("SHA256");
  engine.update(bytes.data(), bytes.size());
  return Poco::DigestEngine::digestToHex(engine.digest());
}

std::optional<std::string> file_sha256_hex(const std::filesystem::path& path) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) return std::nullopt;
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  Poco::Crypto::DigestEngine engine("SHA256");
  char buffer[1 << 16];
  while (in) {
    in.read(buffer, sizeof buffer);
    if (in.gcount() > 0) engine.update(buffer, static_cast<std::size_t>(in.gcount()));
  }
  if (in.bad()) return std::nullopt;
  return Poco::DigestEngine::digestToHex(engine.digest());
}

}  // namespace plenary::build::detail
