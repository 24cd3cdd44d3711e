// output/hash.hpp: the block reader behind the manifest's output hashes and the unchanged
// check — the statuses core::read_file gives, links as each mode says, every byte hashed.
#include <catch2/catch.hpp>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "core/content_hash.hpp"
#include "output/hash.hpp"

namespace fs = std::filesystem;
using plenary::core::ReadStatus;
using namespace plenary::output::detail;

namespace {

struct Folder {
  fs::path path;
  int fd;
  Folder() {
    char name[] = "/tmp/plenary-file-hash.XXXXXX";
    path = ::mkdtemp(name);
    fd = ::open(path.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  }
  ~Folder() {
    ::close(fd);
    std::error_code ec;
    fs::remove_all(path, ec);
  }
  void write(const std::string& name, const std::string& bytes) const {
    fs::create_directories((path / name).parent_path());
    std::ofstream(path / name, std::ios::binary) << bytes;
  }
};

std::string large_bytes() {  // larger than two 128 KiB blocks, not a multiple of one
  std::string bytes(400001, '\0');
  for (std::size_t i = 0; i < bytes.size(); ++i) bytes[i] = static_cast<char>(i * 131 % 251);
  return bytes;
}

BlockRead read_all(int fd, const std::string& name, Links links, std::string& got,
                   std::uintmax_t max_bytes = 16u << 20) {
  got.clear();
  return read_blocks_at(fd, name.c_str(), max_bytes, links,
                        [&](std::string_view block) { got += block; });
}

}  // namespace

TEST_CASE("a file is read block by block to its last byte and hashed as in one call",
          "[build][hash]") {
  Folder folder;
  const std::string bytes = large_bytes();
  folder.write("sub/large.pdf", bytes);
  folder.write("empty", "");
  std::string got;
  for (Links links : {Links::Follow, Links::NotLast, Links::None}) {
    REQUIRE(read_all(folder.fd, "sub/large.pdf", links, got).status == ReadStatus::Ok);
    CHECK(got == bytes);
    CHECK(read_all(folder.fd, "empty", links, got).status == ReadStatus::Ok);
    CHECK(got.empty());
  }
  CHECK(file_content_hash_at(folder.fd, "sub/large.pdf") == plenary::core::content_hash(bytes));
  CHECK(file_content_hash(folder.path / "sub/large.pdf") == plenary::core::content_hash(bytes));
  std::string changed = bytes;
  changed[bytes.size() / 2] ^= 1;
  folder.write("sub/large.pdf", changed);
  CHECK(file_content_hash_at(folder.fd, "sub/large.pdf") != plenary::core::content_hash(bytes));
}

TEST_CASE("the block reader's statuses are read_file's", "[build][hash]") {
  Folder folder;
  folder.write("small", "12345");
  fs::create_directory(folder.path / "folder");
  REQUIRE(::mkfifo((folder.path / "fifo").c_str(), 0600) == 0);
  std::string got;
  for (Links links : {Links::Follow, Links::NotLast, Links::None}) {
    CHECK(read_all(folder.fd, "missing", links, got).status == ReadStatus::Missing);
    CHECK(read_all(folder.fd, "folder", links, got).status == ReadStatus::NotRegular);
    CHECK(read_all(folder.fd, "fifo", links, got).status == ReadStatus::NotRegular);  // no hang
    CHECK(read_all(folder.fd, "small", links, got, 4).status == ReadStatus::TooLarge);
    CHECK(read_all(folder.fd, "small", links, got, 5).status == ReadStatus::Ok);
  }
  CHECK_FALSE(file_content_hash_at(folder.fd, "missing"));
  CHECK_FALSE(file_content_hash_at(folder.fd, "folder"));
}

TEST_CASE("links: followed, never in the file's place, or reported without a read",
          "[build][hash]") {
  Folder folder;
  folder.write("real/file", "bytes");
  fs::create_symlink("real/file", folder.path / "link");
  fs::create_directory_symlink("real", folder.path / "linked");
  std::string got;
  CHECK(read_all(folder.fd, "link", Links::Follow, got).status == ReadStatus::Ok);
  CHECK(got == "bytes");
  CHECK(read_all(folder.fd, "link", Links::NotLast, got).status == ReadStatus::NotRegular);
  CHECK_FALSE(file_content_hash_at(folder.fd, "link"));  // an output link is never hashed through
  for (const char* name : {"link", "linked/file"}) {
    const BlockRead read = read_all(folder.fd, name, Links::None, got);
    CHECK(read.link_on_the_way);
    CHECK(got.empty());
  }
  // Nothing beneath the folder is reached by climbing out of it either.
  CHECK(read_all(folder.fd, "../x", Links::None, got).link_on_the_way);
}
