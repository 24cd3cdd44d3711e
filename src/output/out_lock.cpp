#include "output/out_lock.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <fstream>
#include <thread>

namespace plenary::output::detail {

long lock_holder(const std::filesystem::path& lock_file) {
  std::ifstream in(lock_file);
  long pid = 0;
  if (in >> pid) return pid;
  return 0;
}

std::optional<OutLock> OutLock::acquire(const std::filesystem::path& folder, double timeout_seconds,
                                        const std::function<void(long pid)>& on_wait,
                                        std::string& error) {
  const std::filesystem::path path = folder / kFileName;
  int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (fd < 0) {
    error = "cannot create the lock file " + path.string() + ": " + std::strerror(errno);
    return std::nullopt;
  }
  OutLock lock(fd);
  const auto deadline = std::chrono::steady_clock::now() +
                        std::chrono::milliseconds(static_cast<long long>(timeout_seconds * 1000));
  bool announced = false;
  while (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
    if (errno == EINTR) continue;
    if (errno != EWOULDBLOCK) {
      error = "cannot lock " + path.string() + ": " + std::strerror(errno);
      return std::nullopt;
    }
    if (std::chrono::steady_clock::now() >= deadline) {
      long pid = lock_holder(path);
      error = "another plenary build is writing to " + folder.string() +
              (pid > 0 ? " (pid " + std::to_string(pid) + ")" : std::string());
      return std::nullopt;
    }
    if (!announced && on_wait) on_wait(lock_holder(path));
    announced = true;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  // Ours now: record our pid for the message a second build prints.
  std::string pid = std::to_string(::getpid()) + "\n";
  if (::ftruncate(fd, 0) == 0) {
    [[maybe_unused]] ssize_t n = ::pwrite(fd, pid.data(), pid.size(), 0);
  }
  return lock;
}

OutLock::~OutLock() {
  if (fd_ >= 0) ::close(fd_);  // closing releases the flock
}

}  // namespace plenary::output::detail
