#include "output/atomic_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace plenary::output::detail {

namespace {

// Owns a POSIX file descriptor.
class Fd {
 public:
  explicit Fd(int fd) : fd_(fd) {}
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  ~Fd() {
    if (fd_ >= 0) ::close(fd_);
  }
  int get() const { return fd_; }
  // Closes now, reporting the error close() may give (e.g. a delayed write error).
  int close() {
    int result = ::close(fd_);
    fd_ = -1;
    return result;
  }

 private:
  int fd_;
};

std::string errno_text(int error) {
  return std::strerror(error);
}

std::string write_all(int fd, const std::string& bytes) {
  const char* data = bytes.data();
  std::size_t left = bytes.size();
  while (left > 0) {
    ssize_t n = ::write(fd, data, left);
    if (n < 0) {
      if (errno == EINTR) continue;
      return errno_text(errno);
    }
    data += n;
    left -= static_cast<std::size_t>(n);
  }
  return {};
}

void sync_folder(const std::filesystem::path& folder) {
  Fd dir(::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  if (dir.get() >= 0) ::fsync(dir.get());  // best effort: some file systems refuse
}

}  // namespace

std::string temp_name(const std::string& file_name) {
  return "." + file_name + ".tmp-" + std::to_string(::getpid());
}

bool is_temp_name(const std::string& name) {
  if (name.size() < 2 || name[0] != '.') return false;
  auto mark = name.rfind(".tmp-");
  if (mark == std::string::npos || mark < 2) return false;
  std::string digits = name.substr(mark + 5);
  if (digits.empty()) return false;
  for (char c : digits)
    if (c < '0' || c > '9') return false;
  return true;
}

std::string write_file_atomically(const std::filesystem::path& path, const std::string& bytes) {
  const std::filesystem::path folder = path.parent_path();
  const std::filesystem::path temp = folder / temp_name(path.filename().string());
  Fd fd(::open(temp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644));
  if (fd.get() < 0) return errno_text(errno);
  std::string error = write_all(fd.get(), bytes);
  if (error.empty() && ::fsync(fd.get()) != 0) error = errno_text(errno);
  if (fd.close() != 0 && error.empty()) error = errno_text(errno);
  if (error.empty() && ::rename(temp.c_str(), path.c_str()) != 0) error = errno_text(errno);
  if (!error.empty()) {
    ::unlink(temp.c_str());
    return error;
  }
  sync_folder(folder);
  return {};
}

std::vector<std::filesystem::path> remove_stale_temps(const std::filesystem::path& folder) {
  std::vector<std::filesystem::path> removed;
  std::error_code ec;
  std::filesystem::recursive_directory_iterator it(folder, ec), end;
  for (; !ec && it != end; it.increment(ec)) {
    std::error_code type_ec;
    if (!it->is_regular_file(type_ec)) continue;
    if (!is_temp_name(it->path().filename().string())) continue;
    std::error_code rm_ec;
    if (std::filesystem::remove(it->path(), rm_ec)) removed.push_back(it->path());
  }
  return removed;
}

}  // namespace plenary::output::detail
