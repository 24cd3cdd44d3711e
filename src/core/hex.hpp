// Bytes as lowercase hexadecimal, two digits a byte, appended to `text`: the form of the
// SHA-256 (sha256.hpp) and content hashes (content_hash.hpp) the manifest records.
#pragma once

#include <cstddef>
#include <string>

namespace plenary::core {

inline void append_hex(std::string& text, const unsigned char* bytes, std::size_t size) {
  static const char kHex[] = "0123456789abcdef";
  text.reserve(text.size() + 2 * size);
  for (std::size_t i = 0; i < size; ++i) {
    text += kHex[bytes[i] >> 4];
    text += kHex[bytes[i] & 15];
  }
}

}  // namespace plenary::core
