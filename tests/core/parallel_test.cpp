#include "core/parallel.hpp"

#include <catch2/catch.hpp>
#include <stdexcept>

using namespace plenary::core;

TEST_CASE("parallel_for runs every index exactly once on any thread count") {
  for (unsigned threads : {0u, 1u, 2u, 3u, 8u}) {
    std::vector<std::atomic<int>> runs(257);
    parallel_for(runs.size(), threads, [&](std::size_t i) { ++runs[i]; });
    for (const auto& r : runs) REQUIRE(r.load() == 1);
  }
  parallel_for(0, 4, [](std::size_t) { FAIL("no work, no call"); });
}

TEST_CASE("parallel_for rethrows a body's exception after the other items ran") {
  std::atomic<int> ran{0};
  CHECK_THROWS_AS(parallel_for(50, 3,
                               [&](std::size_t i) {
                                 ++ran;
                                 if (i == 7) throw std::runtime_error("seven");
                               }),
                  std::runtime_error);
  CHECK(ran.load() == 50);
}

TEST_CASE("thread_count never exceeds the work and never drops to zero") {
  CHECK(thread_count(4, 2) == 2);
  CHECK(thread_count(1, 100) == 1);
  CHECK(thread_count(0, 0) == 1);
  CHECK(thread_count(0, 1000) >= 1);
}
