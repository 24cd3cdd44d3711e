#include "output/out_lock.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <thread>

namespace plenary::output::detail {

long lock_holder(const std::filesystem::path& lock_file) {
  int fd = ::open(lock_file.c_str(), O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) return 0;
  char text[32] = {};
  ssize_t n = ::pread(fd, text, sizeof text - 1, 0);
  ::close(fd);
  if (n <= 0) return 0;
  return std::strtol(text, nullptr, 10);
}

std::optional<OutLock> OutLock::acquire(const std::filesystem::path& folder, double timeout_seconds,
                                        const std::function<void(long pid)>& on_wait,
                                        std::string& error, int folder_fd) {
  const std::filesystem::path path = folder / kFileName;
  // O_NOFOLLOW: a link planted in the lock file's place is never written through.
  const int flags = O_RDWR | O_CREAT | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC;
  int fd = folder_fd >= 0 ? ::openat(folder_fd, kFileName, flags, 0644)
                          : ::open(path.c_str(), flags, 0644);
  if (fd < 0 && errno == ELOOP) {
    error = "the lock file " + path.string() +
            " is a symbolic link, which may lead outside the output folder: not followed";
    return std::nullopt;
  }
  if (fd < 0) {
    error = "cannot create the lock file " + path.string() + ": " + std::strerror(errno);
    return std::nullopt;
  }
  struct stat st;
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    ::close(fd);
    error = "the lock file " + path.string() + " is not a regular file";
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
  // Ours now: record our pid for the message a second build prints. Written over the last
  // holder's, and the file cut only when that was longer: truncating to 0 first freed the
  // file's block and allocated it again, a journal commit on ext4 that cost the unchanged
  // nightly about 1 ms (docs/performance.md, "Start-up").
  std::string pid = std::to_string(::getpid()) + "\n";
  if (::pwrite(fd, pid.data(), pid.size(), 0) == static_cast<ssize_t>(pid.size()) &&
      ::fstat(fd, &st) == 0 && st.st_size > static_cast<off_t>(pid.size())) {
    [[maybe_unused]] int cut = ::ftruncate(fd, static_cast<off_t>(pid.size()));
  }
  return lock;
}

OutLock::~OutLock() {
  if (fd_ >= 0) ::close(fd_);  // closing releases the flock
}

}  // namespace plenary::output::detail
