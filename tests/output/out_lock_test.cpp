#include <catch2/catch.hpp>

#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <string>

#include "output/out_lock.hpp"

namespace fs = std::filesystem;
using plenary::output::detail::lock_holder;
using plenary::output::detail::OutLock;

namespace {
struct TempFolder {
  fs::path path;
  TempFolder() {
    char pattern[] = "/tmp/plenary-lock-XXXXXX";
    path = ::mkdtemp(pattern);
  }
  ~TempFolder() { fs::remove_all(path); }
};
}  // namespace

TEST_CASE("the lock records its owner's pid and is free again once released", "[build][lock]") {
  TempFolder t;
  std::string error;
  {
    auto lock = OutLock::acquire(t.path, 0, nullptr, error);
    REQUIRE(lock);
    CHECK(lock_holder(t.path / ".plenary.lock") == ::getpid());
  }
  auto again = OutLock::acquire(t.path, 0, nullptr, error);
  CHECK(again);
}

TEST_CASE("a second lock on the same folder waits, then refuses with the holder's pid",
          "[build][lock]") {
  TempFolder t;
  std::string error;
  auto first = OutLock::acquire(t.path, 0, nullptr, error);
  REQUIRE(first);
  long waited_for = -1;
  auto start = std::chrono::steady_clock::now();
  auto second = OutLock::acquire(
      t.path, 0.3, [&](long pid) { waited_for = pid; }, error);
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  CHECK_FALSE(second);
  CHECK(waited_for == ::getpid());
  CHECK(seconds >= 0.3);
  CHECK(seconds < 5);
  CHECK(error == "another plenary build is writing to " + t.path.string() + " (pid " +
                     std::to_string(::getpid()) + ")");
}

TEST_CASE("a lock in a folder that cannot hold files is an error, not a wait", "[build][lock]") {
  TempFolder t;
  std::string error;
  auto lock = OutLock::acquire(t.path / "missing", 10, nullptr, error);
  CHECK_FALSE(lock);
  CHECK(error.find("cannot create the lock file") == 0);
}

TEST_CASE("a lock file that is a link is refused and its target left untouched",
          "[build][lock][links]") {
  TempFolder t;
  fs::create_directory(t.path / "out");
  { std::ofstream(t.path / "victim") << "keep"; }
  fs::create_symlink(t.path / "victim", t.path / "out" / ".plenary.lock");
  std::string error;
  auto lock = OutLock::acquire(t.path / "out", 0, nullptr, error);
  CHECK_FALSE(lock);
  CHECK(error.find("symbolic link") != std::string::npos);
  std::ifstream in(t.path / "victim");
  std::string text;
  in >> text;
  CHECK(text == "keep");
}
