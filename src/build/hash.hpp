// SHA-256 (Poco::SHA2Engine) as lowercase hex, for the manifest's input and output hashes.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

namespace plenary::build::detail {

std::string sha256_hex(const std::string& bytes);

// The hash of a file's bytes, or nullopt when it cannot be read (absent, a folder, no access).
std::optional<std::string> file_sha256_hex(const std::filesystem::path& path);

}  // namespace plenary::build::detail
