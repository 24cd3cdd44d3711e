#include <catch2/catch.hpp>

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <filesystem>
#include <fstream>

#include "core/landlock.hpp"

namespace fs = std::filesystem;

namespace {
struct TempFolder {
  fs::path path;
  TempFolder() {
    char pattern[] = "/tmp/plenary-landlock-XXXXXX";
    path = ::mkdtemp(pattern);
  }
  ~TempFolder() { fs::remove_all(path); }
};

// In a child process: confine, then try. Bit 0: the write in out/ worked; bit 1: a write
// outside was refused; bit 2: a read outside was refused; bit 3: a read in the root worked;
// 64: not supported here; 65: failed to apply.
int probe(const fs::path& base) {
  pid_t pid = ::fork();
  if (pid == 0) {
    auto confined = plenary::core::confine_paths({base / "root"}, {base / "out"});
    if (confined == plenary::core::Confined::Unsupported) ::_exit(64);
    if (confined == plenary::core::Confined::Failed) ::_exit(65);
    int bits = 0;
    int fd = ::open((base / "out" / "ok.pdf").c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (fd >= 0 && ::write(fd, "x", 1) == 1) bits |= 1;
    fd = ::open((base / "elsewhere" / "evil").c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (fd < 0 && errno == EACCES) bits |= 2;
    fd = ::open((base / "secret").c_str(), O_RDONLY);
    if (fd < 0 && errno == EACCES) bits |= 4;
    fd = ::open((base / "root" / "data.yaml").c_str(), O_RDONLY);
    if (fd >= 0) bits |= 8;
    ::_exit(bits);
  }
  int status = 0;
  ::waitpid(pid, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}
}  // namespace

TEST_CASE("under Landlock a write outside the output folder fails even if the code tries",
          "[core][landlock]") {
  TempFolder t;
  fs::create_directories(t.path / "root");
  fs::create_directories(t.path / "out");
  fs::create_directories(t.path / "elsewhere");
  std::ofstream(t.path / "root" / "data.yaml") << "x: 1\n";
  std::ofstream(t.path / "secret") << "secret\n";
  const int result = probe(t.path);
  if (result == 64) {
    WARN("Landlock is not supported by this kernel: nothing to check");
    return;
  }
  CHECK(result == (1 | 2 | 4 | 8));
  CHECK_FALSE(fs::exists(t.path / "elsewhere" / "evil"));
  CHECK(fs::exists(t.path / "out" / "ok.pdf"));
}
