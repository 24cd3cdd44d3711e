// SHA-256 as lowercase hex, for the manifest's hashes and the documents' fingerprints.
//
// OpenSSL's SHA-256 (with the CPU's SHA instructions where there are any; Poco's own
// SHA2Engine took ~95 instructions a byte), linked statically from libcrypto.a: only the
// SHA-256 code comes in, and start-up no longer maps and relocates libcrypto, libssl and
// Poco::Crypto (24,000 relocations, half of what `plenary --version` spent; see
// docs/performance.md). The low-level SHA256_* calls need no library initialization, so
// threads hashing at once share nothing.
#pragma once

#include <memory>
#include <string>
#include <string_view>

namespace plenary::core {

class Sha256 {
 public:
  Sha256();
  ~Sha256();
  Sha256(const Sha256&) = delete;
  Sha256& operator=(const Sha256&) = delete;

  void update(std::string_view bytes);
  std::string hex();  // the digest of everything given so far; ends the hash

 private:
  struct State;
  std::unique_ptr<State> state_;
};

// The digest of `bytes` in one call.
std::string sha256_hex(std::string_view bytes);

}  // namespace plenary::core
