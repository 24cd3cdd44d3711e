#include "cli/startup.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>

namespace plenary::cli {

void open_closed_standard_descriptors() {
  for (int fd = 0; fd <= 2; ++fd) {
    if (::fcntl(fd, F_GETFD) != -1 || errno != EBADF) continue;
    int null = ::open("/dev/null", O_RDWR);
    if (null < 0) std::_Exit(3);
    if (null != fd) {  // cannot happen (the lowest free descriptor), but never keep a stray one
      ::dup2(null, fd);
      ::close(null);
    }
  }
}

std::string root_problem(const std::filesystem::path& root) {
  std::error_code ec;
  if (!std::filesystem::exists(root, ec))
    return "the data root '" + root.string() + "' does not exist";
  if (!std::filesystem::is_directory(root, ec))
    return "the data root '" + root.string() + "' is not a folder";
  return {};
}

bool lock_timeout(double& seconds, std::string& error) {
  const char* text = std::getenv("PLENARY_LOCK_TIMEOUT");
  if (!text || !*text) return true;
  char* end = nullptr;
  double value = std::strtod(text, &end);
  if (*end != '\0' || !(value >= 0) || value > 86400) {
    error = std::string("bad value '") + text +
            "' for PLENARY_LOCK_TIMEOUT (expected seconds from 0 to 86400)";
    return false;
  }
  seconds = value;
  return true;
}

std::string summary_line(const output::Report& r) {
  char seconds[32];
  std::snprintf(seconds, sizeof seconds, "%.2f", r.seconds);
  return "built " + std::to_string(r.built) + ", unchanged " + std::to_string(r.unchanged) +
         ", failed " + std::to_string(r.failed) + " in " + seconds + " s";
}

}  // namespace plenary::cli
