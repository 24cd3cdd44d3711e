// The content hash: "are these bytes still the bytes recorded?" for the manifest's output
// hashes and the unchanged check's input files (src/output/unchanged_check.*).
//
// XXH3-128 (xxHash, the Debian package libxxhash-dev, inlined: nothing to load at start-up),
// written "xxh3-128:" and 32 lowercase hex digits, the canonical (big-endian) form that
// `xxhsum -H2` prints. Not a cryptographic hash: it tells an edit, a damaged sector or a file
// written again from the recorded bytes (a change of any byte or of the length changes it,
// with a chance of 2^-128 of missing one by accident), and it is about 20 times faster than
// SHA-256 with the CPU's SHA instructions (docs/performance.md, branch nightly). SHA-256
// (core/sha256.hpp) stays where a hash names content for others: a document's input hash,
// the register's paper hashes, the book's cache.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

namespace plenary::core {

// What every content hash starts with: a value without it was written with another hash
// (SHA-256, by the manifests before it) and is simply unequal.
inline constexpr std::string_view kContentHashPrefix = "xxh3-128:";

// The content hash of `bytes` in one call.
std::string content_hash(std::string_view bytes);

// The same, given piece by piece (a file read in blocks).
class ContentHash {
 public:
  ContentHash();
  ~ContentHash();
  ContentHash(const ContentHash&) = delete;
  ContentHash& operator=(const ContentHash&) = delete;

  void update(std::string_view bytes);
  std::string value() const;  // the hash of everything given so far

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace plenary::core
