#include "core/read_file.hpp"

#include <catch2/catch.hpp>
#include <fstream>

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
