#include <catch2/catch.hpp>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>

#include "core/read_file.hpp"
#include "output/atomic_file.hpp"
#include "render/formats.hpp"

namespace fs = std::filesystem;
using namespace plenary::output::detail;

namespace {
// A fresh, empty folder under the system temp folder, removed at the end of the test.
struct TempFolder {
  fs::path path;
  TempFolder() {
    char pattern[] = "/tmp/plenary-atomic-XXXXXX";
    path = ::mkdtemp(pattern);
  }
  ~TempFolder() { fs::remove_all(path); }
};

std::vector<std::string> names(const fs::path& folder) {
  std::vector<std::string> result;
  for (const auto& e : fs::directory_iterator(folder)) result.push_back(e.path().filename());
  std::sort(result.begin(), result.end());
  return result;
}
}  // namespace

TEST_CASE("an atomic write creates the file and leaves no temporary file", "[build][atomic]") {
  TempFolder t;
  REQUIRE(write_file_atomically(t.path / "a.pdf", std::string("%PDF\0x", 6)).empty());
  std::string bytes;
  REQUIRE(plenary::core::read_file(t.path / "a.pdf", bytes, 1 << 20) ==
          plenary::core::ReadStatus::Ok);
  CHECK(bytes == std::string("%PDF\0x", 6));
  CHECK(names(t.path) == std::vector<std::string>{"a.pdf"});
}

TEST_CASE("an atomic write replaces an existing file with a new inode", "[build][atomic]") {
  TempFolder t;
  REQUIRE(write_file_atomically(t.path / "a.md", "old").empty());
  struct stat before {};
  REQUIRE(::stat((t.path / "a.md").c_str(), &before) == 0);
  REQUIRE(write_file_atomically(t.path / "a.md", "new text").empty());
  struct stat after {};
  REQUIRE(::stat((t.path / "a.md").c_str(), &after) == 0);
  CHECK(after.st_ino != before.st_ino);  // renamed into place, never rewritten in place
  std::string bytes;
  REQUIRE(plenary::core::read_file(t.path / "a.md", bytes, 1 << 20) ==
          plenary::core::ReadStatus::Ok);
  CHECK(bytes == "new text");
  CHECK(names(t.path) == std::vector<std::string>{"a.md"});
}

TEST_CASE("a failed atomic write keeps the old file and leaves no temporary file",
          "[build][atomic]") {
  TempFolder t;
  fs::create_directory(t.path / "folder.pdf");  // rename onto a folder fails
  std::string error = write_file_atomically(t.path / "folder.pdf", "bytes");
  CHECK_FALSE(error.empty());
  CHECK(fs::is_directory(t.path / "folder.pdf"));
  CHECK(names(t.path) == std::vector<std::string>{"folder.pdf"});
  CHECK_FALSE(write_file_atomically(t.path / "no-such-folder" / "a.pdf", "x").empty());
}

TEST_CASE("temporary names are hidden, carry the pid and are recognised", "[build][atomic]") {
  std::string name = temp_name("CCQM-30-agenda.pdf");
  CHECK(name == ".CCQM-30-agenda.pdf.tmp-" + std::to_string(::getpid()));
  CHECK(is_temp_name(name));
  CHECK(is_temp_name(".manifest.json.tmp-1"));
  CHECK_FALSE(is_temp_name("CCQM-30-agenda.pdf"));
  CHECK_FALSE(is_temp_name(".plenary.lock"));
  CHECK_FALSE(is_temp_name(".a.tmp-"));
  CHECK_FALSE(is_temp_name(".a.tmp-12x"));
  CHECK_FALSE(is_temp_name("a.tmp-12"));
}

TEST_CASE("a temporary of every file a build writes is recognised, whatever its format",
          "[build][atomic]") {
  for (const plenary::render::Format& format : plenary::render::formats()) {
    INFO(format.name);
    CHECK(is_temp_name(temp_name("CCQM-30-agenda." + format.extension)));
  }
  CHECK(is_temp_name(temp_name("style.css")));  // the site's stylesheet
  CHECK(is_temp_name(temp_name("manifest.json")));
  CHECK(is_temp_name(temp_name("0123abcd.converted")));  // the book's cache of converted papers
  CHECK(is_temp_name(temp_name("unchanged.stat")));  // the unchanged check's stat cache
  CHECK_FALSE(is_temp_name(".notes.txt.tmp-12"));
}

TEST_CASE("stale temporary files are removed, everything else is kept", "[build][atomic]") {
  TempFolder t;
  fs::create_directory(t.path / "P-1");
  REQUIRE(write_file_atomically(t.path / "P-1" / ".P-1-agenda.pdf.tmp-4242", "half").empty());
  REQUIRE(write_file_atomically(t.path / ".manifest.json.tmp-17", "{").empty());
  REQUIRE(write_file_atomically(t.path / "P-1" / "P-1-agenda.pdf", "whole").empty());
  REQUIRE(write_file_atomically(t.path / ".plenary.lock", "1").empty());
  REQUIRE(write_file_atomically(t.path / ".style.css.tmp-4243", "body {").empty());
  fs::create_directory(t.path / ".plenary-cache");
  REQUIRE(write_file_atomically(t.path / ".plenary-cache" / ".0123.converted.tmp-99", "%P").empty());
  REQUIRE(write_file_atomically(t.path / ".plenary-cache" / "0123.converted", "%PDF").empty());
  fs::create_directory(t.path / ".git");  // a hidden folder the build does not own
  REQUIRE(write_file_atomically(t.path / ".git" / ".HEAD.pdf.tmp-5", "x").empty());
  auto removed = remove_stale_temps(t.path);
  CHECK(removed.size() == 4);
  CHECK(names(t.path) ==
        std::vector<std::string>{".git", ".plenary-cache", ".plenary.lock", "P-1"});
  CHECK(names(t.path / "P-1") == std::vector<std::string>{"P-1-agenda.pdf"});
  CHECK(names(t.path / ".plenary-cache") == std::vector<std::string>{"0123.converted"});
  CHECK(names(t.path / ".git") == std::vector<std::string>{".HEAD.pdf.tmp-5"});
}

namespace {
std::string text_of(const fs::path& path) {
  std::string bytes;
  plenary::core::read_file(path, bytes, 1 << 20);
  return bytes;
}
}  // namespace

TEST_CASE("an atomic write never writes through a link planted under its temporary name",
          "[build][atomic][links]") {
  TempFolder t;
  fs::create_directory(t.path / "out");
  REQUIRE(write_file_atomically(t.path / "victim", "keep").empty());
  fs::create_symlink(t.path / "victim", t.path / "out" / temp_name("a.pdf"));
  REQUIRE(write_file_atomically(t.path / "out" / "a.pdf", "new").empty());
  CHECK(text_of(t.path / "victim") == "keep");
  CHECK(fs::is_regular_file(fs::symlink_status(t.path / "out" / "a.pdf")));
  CHECK(text_of(t.path / "out" / "a.pdf") == "new");
  CHECK(names(t.path / "out") == std::vector<std::string>{"a.pdf"});
}

TEST_CASE("an output that is a link is replaced by a regular file, its target untouched",
          "[build][atomic][links]") {
  TempFolder t;
  fs::create_directory(t.path / "out");
  REQUIRE(write_file_atomically(t.path / "victim", "keep").empty());
  fs::create_symlink(t.path / "victim", t.path / "out" / "a.pdf");
  REQUIRE(write_file_atomically(t.path / "out" / "a.pdf", "new").empty());
  CHECK(text_of(t.path / "victim") == "keep");
  CHECK(fs::is_regular_file(fs::symlink_status(t.path / "out" / "a.pdf")));
}

TEST_CASE("the sweep removes only its own temporaries and never follows a link",
          "[build][atomic][links]") {
  TempFolder t;
  fs::create_directories(t.path / "out" / "P-1");
  fs::create_directories(t.path / "theirs");
  REQUIRE(write_file_atomically(t.path / "out" / ".pack.tmp-12", "a git pack").empty());
  REQUIRE(write_file_atomically(t.path / "out" / "P-1" / ".P-1-agenda.pdf.tmp-9", "ours").empty());
  REQUIRE(write_file_atomically(t.path / "theirs" / ".b.pdf.tmp-3", "theirs").empty());
  fs::create_symlink(t.path / "theirs", t.path / "out" / "linked");
  fs::create_symlink(t.path / "theirs" / ".b.pdf.tmp-3", t.path / "out" / ".c.pdf.tmp-4");
  auto removed = remove_stale_temps(t.path / "out");
  CHECK(removed == std::vector<fs::path>{t.path / "out" / "P-1" / ".P-1-agenda.pdf.tmp-9"});
  CHECK(names(t.path / "out") ==
        std::vector<std::string>{".c.pdf.tmp-4", ".pack.tmp-12", "P-1", "linked"});
  CHECK(names(t.path / "theirs") == std::vector<std::string>{".b.pdf.tmp-3"});
  // An output folder that is itself a link is not swept at all.
  fs::create_symlink(t.path / "theirs", t.path / "out-link");
  CHECK(remove_stale_temps(t.path / "out-link").empty());
  CHECK(names(t.path / "theirs") == std::vector<std::string>{".b.pdf.tmp-3"});
}

TEST_CASE("staged writes appear only at commit, all at once, and leave no temporary file",
          "[build][atomic]") {
  TempFolder t;
  REQUIRE(write_file_atomically(t.path / "a.pdf", "old a").empty());
  int out = ::open(t.path.c_str(), O_RDONLY | O_DIRECTORY);
  REQUIRE(out >= 0);
  {
    StagedWrites staged(out);
    REQUIRE(staged.stage(1, "a.pdf", "new a").empty());
    REQUIRE(staged.stage(0, "P-1/b.docx", std::string("PK\0b", 4)).empty());
    // Before the commit: the old file as it was, the new ones only as temporaries.
    std::string bytes;
    REQUIRE(plenary::core::read_file(t.path / "a.pdf", bytes, 1 << 20) ==
            plenary::core::ReadStatus::Ok);
    CHECK(bytes == "old a");
    CHECK_FALSE(fs::exists(t.path / "P-1" / "b.docx"));
    CHECK(names(t.path) == std::vector<std::string>{".a.pdf.tmp-" + std::to_string(::getpid()),
                                                    "P-1", "a.pdf"});
    const auto results = staged.commit();
    REQUIRE(results.size() == 2);
    CHECK(results[0] == std::make_pair(std::size_t{0}, std::string()));  // in key order
    CHECK(results[1] == std::make_pair(std::size_t{1}, std::string()));
    REQUIRE(plenary::core::read_file(t.path / "a.pdf", bytes, 1 << 20) ==
            plenary::core::ReadStatus::Ok);
    CHECK(bytes == "new a");
    REQUIRE(plenary::core::read_file(t.path / "P-1" / "b.docx", bytes, 1 << 20) ==
            plenary::core::ReadStatus::Ok);
    CHECK(bytes == std::string("PK\0b", 4));
    CHECK(names(t.path) == std::vector<std::string>{"P-1", "a.pdf"});
    CHECK(names(t.path / "P-1") == std::vector<std::string>{"b.docx"});
    CHECK(staged.commit().empty());  // nothing staged twice
  }
  ::close(out);
}

TEST_CASE("a staged write that cannot be put in place fails alone and keeps what was there",
          "[build][atomic]") {
  TempFolder t;
  fs::create_directories(t.path / "c.pdf" / "inside");  // a non-empty folder in the way
  int out = ::open(t.path.c_str(), O_RDONLY | O_DIRECTORY);
  REQUIRE(out >= 0);
  {
    StagedWrites staged(out);
    REQUIRE(staged.stage(0, "c.pdf", "new c").empty());
    REQUIRE(staged.stage(1, "d.pdf", "new d").empty());
    const auto results = staged.commit();
    REQUIRE(results.size() == 2);
    CHECK_FALSE(results[0].second.empty());
    CHECK(results[1].second.empty());
    CHECK(fs::is_directory(t.path / "c.pdf" / "inside"));
    CHECK(names(t.path) == std::vector<std::string>{"c.pdf", "d.pdf"});  // no temporary left
  }
  ::close(out);
}

TEST_CASE("staged writes never committed leave no temporary file", "[build][atomic]") {
  TempFolder t;
  int out = ::open(t.path.c_str(), O_RDONLY | O_DIRECTORY);
  REQUIRE(out >= 0);
  {
    StagedWrites staged(out);
    REQUIRE(staged.stage(0, "P-2/e.md", "text").empty());
  }
  CHECK(names(t.path / "P-2").empty());
  ::close(out);
}

TEST_CASE("the last file of a commit (the manifest) is put in place with the staged ones",
          "[build][atomic]") {
  TempFolder t;
  REQUIRE(write_file_atomically(t.path / "manifest.json", "old manifest").empty());
  int out = ::open(t.path.c_str(), O_RDONLY | O_DIRECTORY);
  REQUIRE(out >= 0);
  {
    StagedWrites staged(out);
    REQUIRE(staged.stage(0, "P-1/a.pdf", "new a").empty());
    REQUIRE(staged.stage(1, "b.docx", "new b").empty());
    StagedWrites::Last last;
    last.relative = "manifest.json";
    last.bytes = "new manifest";
    const auto results = staged.commit(last);
    REQUIRE(results.size() == 2);
    CHECK(results[0].second.empty());
    CHECK(results[1].second.empty());
    CHECK(last.in_place);
    CHECK(last.error.empty());
    std::string bytes;
    REQUIRE(plenary::core::read_file(t.path / "manifest.json", bytes, 1 << 20) ==
            plenary::core::ReadStatus::Ok);
    CHECK(bytes == "new manifest");
    CHECK(names(t.path) == std::vector<std::string>{"P-1", "b.docx", "manifest.json"});
  }
  ::close(out);
}

TEST_CASE("the last file of a commit stays out when a staged one cannot be put in place",
          "[build][atomic]") {
  TempFolder t;
  REQUIRE(write_file_atomically(t.path / "manifest.json", "old manifest").empty());
  fs::create_directories(t.path / "c.pdf" / "inside");  // a non-empty folder in the way
  int out = ::open(t.path.c_str(), O_RDONLY | O_DIRECTORY);
  REQUIRE(out >= 0);
  {
    StagedWrites staged(out);
    REQUIRE(staged.stage(0, "c.pdf", "new c").empty());
    REQUIRE(staged.stage(1, "d.pdf", "new d").empty());
    StagedWrites::Last last;
    last.relative = "manifest.json";
    last.bytes = "a manifest naming c.pdf";
    const auto results = staged.commit(last);
    REQUIRE(results.size() == 2);
    CHECK_FALSE(results[0].second.empty());
    CHECK(results[1].second.empty());
    // Not renamed: it would name an output that is not there. The old one stays, and no
    // temporary is left behind.
    CHECK_FALSE(last.in_place);
    std::string bytes;
    REQUIRE(plenary::core::read_file(t.path / "manifest.json", bytes, 1 << 20) ==
            plenary::core::ReadStatus::Ok);
    CHECK(bytes == "old manifest");
    CHECK(names(t.path) == std::vector<std::string>{"c.pdf", "d.pdf", "manifest.json"});
  }
  ::close(out);
}

TEST_CASE("a commit with nothing staged still puts its last file in place", "[build][atomic]") {
  TempFolder t;
  int out = ::open(t.path.c_str(), O_RDONLY | O_DIRECTORY);
  REQUIRE(out >= 0);
  {
    StagedWrites staged(out);
    StagedWrites::Last last;
    last.relative = "manifest.json";
    last.bytes = "{}";
    CHECK(staged.commit(last).empty());
    CHECK(last.in_place);
    CHECK(names(t.path) == std::vector<std::string>{"manifest.json"});
  }
  ::close(out);
}
