// SHA-256 as lowercase hex, for the manifest's input and output hashes. Poco::Crypto's
// DigestEngine (OpenSSL, which uses the CPU's SHA instructions where there are any); Poco's
// own SHA2Engine took ~95 instructions a byte, 70 M for the outputs of one K=4 build.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

namespace plenary::build::detail {

std::string sha256_hex(const std::string& bytes);

// The hash of a file's bytes, or nullopt when it cannot be read (absent, a folder, no access).
std::optional<std::string> file_sha256_hex(const std::filesystem::path& path);

}  // namespace plenary::build::detail
