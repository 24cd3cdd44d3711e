// The output folder's lock: out/.plenary.lock held with flock(2) for the whole build, so two
// builds on one output folder never write at once. The file holds the owner's pid for the
// message the second build prints; it stays in place (removing a flock file is racy).
#pragma once

#include <filesystem>
#include <functional>
#include <optional>
#include <string>

namespace plenary::output::detail {

class OutLock {
 public:
  static constexpr const char* kFileName = ".plenary.lock";

  // Takes the lock on <folder>/.plenary.lock, waiting up to `timeout_seconds` (0 = do not
  // wait). `on_wait` is called once, with the holder's pid, before waiting. On failure returns
  // nullopt and sets `error` ("another plenary build is writing to out/ (pid 1234)").
  // With `folder_fd` (the opened output folder), the lock file is opened relative to it. A
  // lock file that is a symbolic link is refused, never followed.
  static std::optional<OutLock> acquire(const std::filesystem::path& folder, double timeout_seconds,
                                        const std::function<void(long pid)>& on_wait,
                                        std::string& error, int folder_fd = -1);

  OutLock(OutLock&& other) noexcept : fd_(other.fd_) { other.fd_ = -1; }
  OutLock& operator=(OutLock&&) = delete;
  OutLock(const OutLock&) = delete;
  OutLock& operator=(const OutLock&) = delete;
  ~OutLock();

 private:
  explicit OutLock(int fd) : fd_(fd) {}
  int fd_ = -1;
};

// The pid written in a lock file, or 0.
long lock_holder(const std::filesystem::path& lock_file);

}  // namespace plenary::output::detail
