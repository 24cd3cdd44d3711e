#include "core/sha256.hpp"

#include "core/hex.hpp"

// SHA256_Init and friends are deprecated in OpenSSL 3 in favour of EVP, whose providers
// would pull most of libcrypto into the program; they remain part of its API.
#define OPENSSL_SUPPRESS_DEPRECATED
#include <openssl/sha.h>

namespace plenary::core {

struct Sha256::State {
  SHA256_CTX context;
};

Sha256::Sha256() : state_(std::make_unique<State>()) {
  SHA256_Init(&state_->context);
}

Sha256::~Sha256() = default;

void Sha256::update(std::string_view bytes) {
  SHA256_Update(&state_->context, bytes.data(), bytes.size());
}

std::string Sha256::hex() {
  unsigned char digest[SHA256_DIGEST_LENGTH];
  SHA256_Final(digest, &state_->context);
  std::string text;
  append_hex(text, digest, SHA256_DIGEST_LENGTH);
  return text;
}

std::string sha256_hex(std::string_view bytes) {
  Sha256 sha;
  sha.update(bytes);
  return sha.hex();
}

}  // namespace plenary::core
