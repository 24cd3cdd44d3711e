#include <catch2/catch.hpp>

#include <string>

#include "core/content_hash.hpp"

using plenary::core::content_hash;
using plenary::core::ContentHash;
using plenary::core::kContentHashPrefix;

namespace {

// 300,000 bytes of every value: more than two of the readers' 128 KiB blocks.
std::string sample_bytes() {
  std::string bytes(300000, '\0');
  for (std::size_t i = 0; i < bytes.size(); ++i) bytes[i] = static_cast<char>((i * 7 + 3) % 256);
  return bytes;
}

}  // namespace

TEST_CASE("the content hash names its algorithm and has 128 bits in lowercase hex",
          "[core][content_hash]") {
  for (const std::string& bytes : {std::string(), std::string("abc"), sample_bytes()}) {
    const std::string hash = content_hash(bytes);
    REQUIRE(hash.rfind(kContentHashPrefix, 0) == 0);
    const std::string hex = hash.substr(kContentHashPrefix.size());
    CHECK(hex.size() == 32);
    CHECK(hex.find_first_not_of("0123456789abcdef") == std::string::npos);
  }
  CHECK(content_hash("") != content_hash(std::string(1, '\0')));
  CHECK(content_hash("abc") != content_hash("abd"));
}

TEST_CASE("the content hash given piece by piece equals the hash in one call, at any cut",
          "[core][content_hash]") {
  const std::string bytes = sample_bytes();
  const std::string whole = content_hash(bytes);
  for (std::size_t piece : {1u, 7u, 64u, 240u, 4096u, 131072u, 131073u, 299999u}) {
    ContentHash hash;
    for (std::size_t at = 0; at < bytes.size(); at += piece)
      hash.update(std::string_view(bytes).substr(at, piece));
    CHECK(hash.value() == whole);
  }
  ContentHash empty;
  CHECK(empty.value() == content_hash(""));
}

TEST_CASE("one byte changed anywhere, or one byte more or less, changes the content hash",
          "[core][content_hash]") {
  const std::string bytes = sample_bytes();
  const std::string whole = content_hash(bytes);
  for (std::size_t at : {std::size_t{0}, std::size_t{1000}, bytes.size() / 2, bytes.size() - 1}) {
    std::string changed = bytes;
    changed[at] = static_cast<char>(changed[at] ^ 1);
    CHECK(content_hash(changed) != whole);
  }
  CHECK(content_hash(bytes.substr(0, bytes.size() - 1)) != whole);
  CHECK(content_hash(bytes + '\0') != whole);
}
