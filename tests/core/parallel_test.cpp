#include "core/parallel.hpp"

#include <catch2/catch.hpp>
#include <atomic>
#include <chrono>
#include <stdexcept>
#include <thread>

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

TEST_CASE("Background runs its task on another thread, and wait() or the destructor joins it") {
  const std::thread::id caller = std::this_thread::get_id();
  std::thread::id ran_on;
  std::atomic<bool> done{false};
  {
    Background task([&] {
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
      ran_on = std::this_thread::get_id();
      done = true;
    });
  }  // the destructor waits
  CHECK(done.load());
  CHECK(ran_on != caller);

  done = false;
  Background waited([&] { done = true; });
  waited.wait();
  CHECK(done.load());
  waited.wait();  // a second wait, and an empty Background, are harmless
  Background().wait();
}

TEST_CASE("Background ends a throwing task quietly") {
  std::atomic<int> after{0};
  Background task([&] {
    after = 1;
    throw std::runtime_error("ignored");
  });
  task.wait();
  CHECK(after.load() == 1);
}

TEST_CASE("Background given another task joins the one it held before taking the new one") {
  // (A joinable std::thread assigned over would call std::terminate.)
  std::atomic<bool> first{false}, second{false};
  Background slot([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(30));
    first = true;
  });
  slot = Background([&] { second = true; });
  CHECK(first.load());  // joined before the assignment returned
  slot.wait();
  CHECK(second.load());
  Background moved = std::move(slot);  // an empty one now: nothing to join twice
  moved.wait();
}
