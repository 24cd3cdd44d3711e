#include "core/read_file.hpp"

#include <catch2/catch.hpp>
#include <fstream>
#include <vector>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace plenary::core;
namespace fs = std::filesystem;

namespace {
fs::path scratch() {
  fs::path dir = fs::temp_directory_path() / ("plenary-read-file-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  return dir;
}
}  // namespace

TEST_CASE("read_file reads whole files and refuses what it must not load") {
  const fs::path dir = scratch();
  std::string bytes = "left over";

  SECTION("a regular file, whole, binary bytes kept") {
    const std::string content = std::string("a\0b\r\nc", 6) + std::string(200000, 'x');
    std::ofstream(dir / "f.bin", std::ios::binary) << content;
    REQUIRE(read_file(dir / "f.bin", bytes, 1 << 20) == ReadStatus::Ok);
    CHECK(bytes == content);
  }
  SECTION("a file over the limit is refused before it is read") {
    std::ofstream(dir / "big", std::ios::binary) << std::string(2000, 'x');
    CHECK(read_file(dir / "big", bytes, 1999) == ReadStatus::TooLarge);
    CHECK(bytes.empty());
    CHECK(read_file(dir / "big", bytes, 2000) == ReadStatus::Ok);
    CHECK(describe(ReadStatus::TooLarge, 16u << 20) == "file is larger than 16 MiB");
  }
  SECTION("missing files and folders are told apart") {
    CHECK(read_file(dir / "nothing", bytes, 100) == ReadStatus::Missing);
    CHECK(read_file(dir, bytes, 100) == ReadStatus::NotRegular);
    CHECK(describe(ReadStatus::Missing, 0) == "no such file");
  }
  SECTION("a device that never ends is not a regular file") {
    CHECK(read_file("/dev/zero", bytes, 100) == ReadStatus::NotRegular);
  }
  fs::remove_all(dir);
}

TEST_CASE("read_file_beneath settles only a regular file reached without a link") {
  const fs::path dir = scratch();
  fs::create_directories(dir / "root" / "sub");
  fs::create_directories(dir / "outside");
  const std::string content = std::string("key: \0value\r\n", 14) + std::string(100000, 'y');
  std::ofstream(dir / "root" / "sub" / "f.yaml", std::ios::binary) << content;
  std::ofstream(dir / "root" / "top.yaml", std::ios::binary) << "a: 1\n";
  std::ofstream(dir / "outside" / "secret.yaml", std::ios::binary) << "secret: 1\n";
  fs::create_symlink(dir / "outside" / "secret.yaml", dir / "root" / "out-file.yaml");
  fs::create_symlink("top.yaml", dir / "root" / "in-file.yaml");
  fs::create_symlink(dir / "outside", dir / "root" / "out-folder");
  fs::create_symlink("sub", dir / "root" / "in-folder");
  fs::create_symlink("loop.yaml", dir / "root" / "loop.yaml");
  REQUIRE(::mkfifo((dir / "root" / "fifo.yaml").c_str(), 0600) == 0);
  const int fd = ::open((dir / "root").c_str(), O_PATH | O_DIRECTORY | O_CLOEXEC);
  REQUIRE(fd >= 0);
  std::string bytes = "left over";

  // What it settles: the bytes read_file reads, and a missing file.
  REQUIRE(read_file_beneath(fd, "sub/f.yaml", bytes, 1 << 20) == ReadStatus::Ok);
  std::string whole;
  REQUIRE(read_file(dir / "root" / "sub" / "f.yaml", whole, 1 << 20) == ReadStatus::Ok);
  CHECK(bytes == whole);
  CHECK(bytes == content);
  CHECK(read_file_beneath(fd, "top.yaml", bytes, 1 << 20) == ReadStatus::Ok);
  CHECK(bytes == "a: 1\n");
  CHECK(read_file_beneath(fd, "nothing.yaml", bytes, 100) == ReadStatus::Missing);
  CHECK(read_file_beneath(fd, "no-folder/nothing.yaml", bytes, 100) == ReadStatus::Missing);
  CHECK(bytes.empty());

  // What it leaves to the step-by-step check, reading nothing: any link on the way (leading
  // out or not, to a file or a folder, a loop), a name that climbs or is absolute, a folder,
  // a FIFO (without blocking), a file over the limit.
  const std::vector<std::string> undecided = {"out-file.yaml",
                                              "in-file.yaml",
                                              "out-folder/secret.yaml",
                                              "in-folder/f.yaml",
                                              "loop.yaml",
                                              "../outside/secret.yaml",
                                              "sub/../top.yaml",
                                              "..",
                                              (dir / "root" / "top.yaml").string(),
                                              "sub",
                                              "fifo.yaml"};
  for (const std::string& name : undecided) {
    INFO(name);
    bytes = "left over";
    CHECK_FALSE(read_file_beneath(fd, name, bytes, 1 << 20).has_value());
    CHECK(bytes.empty());
  }
  CHECK_FALSE(read_file_beneath(fd, "top.yaml", bytes, 4).has_value());
  CHECK(bytes.empty());
  CHECK(read_file_beneath(fd, "top.yaml", bytes, 5) == ReadStatus::Ok);
  CHECK_FALSE(read_file_beneath(-1, "top.yaml", bytes, 100).has_value());
  ::close(fd);
  fs::remove_all(dir);
}
