// The program's one thread pool: a parallel for over [0, n), used by the load stage (files),
// compose (documents) and the output stage (renderings). Threads live for one call; each body
// runs on exactly one thread. Bodies must not share mutable state without their own guard.
#pragma once

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <exception>
#include <mutex>
#include <system_error>
#include <thread>
#include <utility>
#include <vector>

namespace plenary::core {

// `requested` threads, or one per core for 0; never more than `work` items, never fewer than 1.
inline unsigned thread_count(unsigned requested, std::size_t work) {
  unsigned threads = requested ? requested : std::max(1u, std::thread::hardware_concurrency());
  return static_cast<unsigned>(std::max<std::size_t>(1, std::min<std::size_t>(threads, work)));
}

// Runs body(i) for every i in [0, n) on up to `threads` threads (0: one per core), the calling
// thread among them. The first exception a body throws is rethrown once every thread is done;
// the other items still run.
template <typename Body>
void parallel_for(std::size_t n, unsigned threads, const Body& body) {
  if (n == 0) return;
  threads = thread_count(threads, n);
  std::atomic<std::size_t> next{0};
  std::exception_ptr failure;
  std::mutex failure_mutex;
  auto worker = [&] {
    for (std::size_t i = next++; i < n; i = next++) {
      try {
        body(i);
      } catch (...) {
        std::lock_guard<std::mutex> guard(failure_mutex);
        if (!failure) failure = std::current_exception();
      }
    }
  };
  std::vector<std::thread> pool;
  pool.reserve(threads - 1);
  for (unsigned t = 1; t < threads; ++t) pool.emplace_back(worker);
  worker();
  for (auto& thread : pool) thread.join();
  if (failure) std::rethrow_exception(failure);
}

// One task on a thread of its own while the caller goes on: work the caller would otherwise
// wait for and whose result it does not need (freeing a large structure, filling a cache that
// is filled on demand anyway). Exceptions end the task quietly. wait() or the destructor joins;
// where no thread can be started, the task runs at once on the calling thread.
class Background {
 public:
  Background() = default;
  template <typename Task>
  explicit Background(Task task) {
    auto quietly = [task = std::move(task)]() mutable {
      try {
        task();
      } catch (...) {
      }
    };
    try {
      thread_ = std::thread(quietly);
    } catch (const std::system_error&) {
      quietly();
    }
  }
  Background(Background&&) = default;
  Background& operator=(Background&& other) {
    wait();
    thread_ = std::move(other.thread_);
    return *this;
  }
  ~Background() { wait(); }

  void wait() {
    if (thread_.joinable()) thread_.join();
  }

 private:
  std::thread thread_;
};

}  // namespace plenary::core
