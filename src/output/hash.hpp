// The SHA-256 of a file, for the manifest's output hashes (text/sha256.hpp hashes bytes).
#pragma once

#include <filesystem>
#include <optional>
#include <string>

namespace plenary::output::detail {

// The hash of a file's bytes, or nullopt when it cannot be read (absent, a folder, no access).
std::optional<std::string> file_sha256_hex(const std::filesystem::path& path);

}  // namespace plenary::output::detail
