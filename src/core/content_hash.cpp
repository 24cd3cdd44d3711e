#include "core/content_hash.hpp"

#include "core/hex.hpp"

// Inlined: the front (src/front/) loads the C library alone, and no shared libxxhash is needed.
#define XXH_INLINE_ALL
#include <xxhash.h>

namespace plenary::core {

namespace {

std::string written(XXH128_hash_t hash) {
  XXH128_canonical_t canonical;
  XXH128_canonicalFromHash(&canonical, hash);
  std::string text(kContentHashPrefix);
  append_hex(text, canonical.digest, sizeof canonical.digest);
  return text;
}

}  // namespace

std::string content_hash(std::string_view bytes) {
  return written(XXH3_128bits(bytes.data(), bytes.size()));
}

struct ContentHash::State {
  XXH3_state_t state;
};

ContentHash::ContentHash() : state_(std::make_unique<State>()) {
  XXH3_128bits_reset(&state_->state);
}

ContentHash::~ContentHash() = default;

void ContentHash::update(std::string_view bytes) {
  XXH3_128bits_update(&state_->state, bytes.data(), bytes.size());
}

std::string ContentHash::value() const {
  return written(XXH3_128bits_digest(&state_->state));
}

}  // namespace plenary::core
