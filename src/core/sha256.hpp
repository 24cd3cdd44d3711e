// SHA-256 as lowercase hex, for the manifest's hashes and the documents' fingerprints.
//
// Poco::Crypto's DigestEngine (OpenSSL, with the CPU's SHA instructions where there are any);
// Poco's own SHA2Engine took ~95 instructions a byte. Every DigestEngine holds an
// OpenSSLInitializer, and Poco 1.11 tears OpenSSL down whenever the last one goes away: two
// threads hashing at once could then destroy its locks under each other (a crash found by
// ThreadSanitizer in a --jobs 2 build). Sha256 keeps OpenSSL initialized for the whole process.
#pragma once

#include <memory>
#include <string>
#include <string_view>

namespace Poco::Crypto {
class DigestEngine;
}

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
  std::unique_ptr<Poco::Crypto::DigestEngine> engine_;
};

// The digest of `bytes` in one call.
std::string sha256_hex(std::string_view bytes);

}  // namespace plenary::core
