#include "core/sha256.hpp"

#include <Poco/Crypto/Crypto.h>
#include <Poco/Crypto/DigestEngine.h>

namespace plenary::core {

namespace {
// Initialized once, never uninitialized: see the header.
void keep_openssl_initialized() {
  static const bool initialized = (Poco::Crypto::initializeCrypto(), true);
  (void)initialized;
}
}  // namespace

Sha256::Sha256() {
  keep_openssl_initialized();
  engine_ = std::make_unique<Poco::Crypto::DigestEngine>("SHA256");
}

Sha256::~Sha256() = default;

void Sha256::update(std::string_view bytes) {
  engine_->update(bytes.data(), bytes.size());
}

std::string Sha256::hex() {
  return Poco::DigestEngine::digestToHex(engine_->digest());
}

std::string sha256_hex(std::string_view bytes) {
  Sha256 sha;
  sha.update(bytes);
  return sha.hex();
}

}  // namespace plenary::core
