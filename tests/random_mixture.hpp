// Random strings made of given pieces, for the tests that hold a fast path equal to the plain
// one on many inputs: the same seed gives the same strings on every machine (a linear
// congruential generator, not <random>, whose distributions differ between libraries).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace plenary::test {

class Mixture {
 public:
  explicit Mixture(std::uint32_t seed) : state_(seed) {}

  // A number in [0, n).
  std::uint32_t next(std::uint32_t n) {
    state_ = state_ * 1664525u + 1013904223u;
    return (state_ >> 8) % n;
  }
  // One of `pieces`.
  const std::string& pick(const std::vector<std::string>& pieces) {
    return pieces[next(static_cast<std::uint32_t>(pieces.size()))];
  }

 private:
  std::uint32_t state_;
};

}  // namespace plenary::test
