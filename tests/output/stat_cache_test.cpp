// output/stat_cache.hpp: the unchanged check's stat cache — its bytes read back as written
// (escapes included), any damage refused by its checksum, and the snapshot refusing what
// metadata cannot vouch for (a link, something else than a file or folder, a name that climbs).
// That a cache which holds answers, and that a racy or hostile one does not, is
// tests/output/stat_cache.sh's subject (whole builds).
#include <catch2/catch.hpp>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "output/stat_cache.hpp"

namespace fs = std::filesystem;
using namespace plenary::output::detail;

namespace {

struct Root {
  fs::path path;
  int out_fd = -1;
  Root() {
    char name[] = "/tmp/plenary-stat-cache.XXXXXX";
    path = ::mkdtemp(name);
    fs::create_directories(path / "data");
    fs::create_directories(path / "out" / "P-1");
    write("data/committee.yaml", "committee: {}\n");
    write("out/P-1/P-1-agenda.pdf", "%PDF-1.7\n");
    write("out/manifest.json", "{}\n");
    out_fd = ::open((path / "out").c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  }
  ~Root() {
    ::close(out_fd);
    std::error_code ec;
    fs::remove_all(path, ec);
  }
  void write(const std::string& name, const std::string& bytes) const {
    std::ofstream(path / name, std::ios::binary) << bytes;
  }
  plenary::output::Options options() const {
    plenary::output::Options o;
    o.root = path;
    o.out = path / "out";
    return o;
  }
};

UnchangedCheck record() {
  UnchangedCheck check;
  check.key = "k";
  check.read["file:data/committee.yaml"] = "xxh3-128:00";
  check.read["file:data/documents.yaml"] = "absent";
  check.read["folder:data"] = "00";
  check.outputs = {"P-1/P-1-agenda.pdf"};
  return check;
}

StatCache sample() {
  StatCache cache;
  cache.key = std::string(64, 'a');
  cache.taken_s = 1796000000;
  cache.taken_ns = 123;
  StatEntry e;
  e.kind = 'o';
  e.base = "O";
  e.path = "P-1/odd\tname\\with\nbreaks.pdf";
  e.present = true;
  e.dev = 64768;
  e.ino = 1234567890123ULL;
  e.mode = 0100644;
  e.size = 9;
  e.mtime_s = -5;  // before 1970: still read back
  e.mtime_ns = 999999999;
  e.ctime_s = 1795999000;
  e.ctime_ns = 1;
  cache.entries.push_back(e);
  StatEntry absent;
  absent.kind = 'f';
  absent.base = "R";
  absent.path = "data/documents.yaml";
  cache.entries.push_back(absent);
  cache.outputs = {e.path};
  plenary::Diagnostic d;
  d.severity = plenary::Severity::Warning;
  d.pos = {"data/documents.yaml", 44, 5};
  d.message = "document 'X' is late:\tsee\\below";
  d.hint = "papers are due\n42 days before";
  cache.warnings.push_back(d);
  return cache;
}

}  // namespace

TEST_CASE("a stat cache is read back as written, escapes and all", "[build][stat-cache]") {
  const StatCache cache = sample();
  const std::string bytes = serialize_stat_cache(cache);
  const auto back = parse_stat_cache(bytes);
  REQUIRE(back);
  CHECK(back->key == cache.key);
  CHECK(back->taken_s == cache.taken_s);
  CHECK(back->taken_ns == cache.taken_ns);
  REQUIRE(back->entries.size() == 2);
  CHECK(back->entries[0].path == cache.entries[0].path);
  CHECK(back->entries[0].ino == cache.entries[0].ino);
  CHECK(back->entries[0].mtime_s == -5);
  CHECK_FALSE(back->entries[1].present);
  CHECK(back->outputs == cache.outputs);
  REQUIRE(back->warnings.size() == 1);
  CHECK(back->warnings[0].message == cache.warnings[0].message);
  CHECK(back->warnings[0].hint == cache.warnings[0].hint);
  CHECK(back->warnings[0].pos.line == 44);
  CHECK(back->warnings[0].severity == plenary::Severity::Warning);
  CHECK(serialize_stat_cache(*back) == bytes);
}

TEST_CASE("a stat cache cut short or with any byte changed is refused", "[build][stat-cache]") {
  const std::string bytes = serialize_stat_cache(sample());
  for (std::size_t n = 0; n < bytes.size(); ++n) {
    INFO(n);
    CHECK_FALSE(parse_stat_cache(bytes.substr(0, n)));
    std::string changed = bytes;
    changed[n] = static_cast<char>(changed[n] ^ 0x01);
    CHECK_FALSE(parse_stat_cache(changed));
  }
  CHECK_FALSE(parse_stat_cache(bytes + "x\n"));
}

TEST_CASE("a stat cache with a moment out of range is refused, checksum or not",
          "[build][stat-cache]") {
  for (const auto& [s, ns] : std::vector<std::pair<std::int64_t, std::int64_t>>{
           {1796000000, 1000000000}, {1796000000, -1}, {INT64_MAX / 2, 0}, {INT64_MIN / 2, 0}}) {
    INFO(s << " " << ns);
    StatCache taken = sample();
    taken.taken_s = s;
    taken.taken_ns = ns;
    CHECK_FALSE(parse_stat_cache(serialize_stat_cache(taken)));
    StatCache ctime = sample();
    ctime.entries[0].ctime_s = s;
    ctime.entries[0].ctime_ns = ns;
    CHECK_FALSE(parse_stat_cache(serialize_stat_cache(ctime)));
  }
}

TEST_CASE("a snapshot stats every path of the record, absent ones as absent",
          "[build][stat-cache]") {
  Root root;
  const auto snapshot = take_stat_snapshot(root.options(), root.out_fd, record(), "key");
  REQUIRE(snapshot);
  std::set<std::string> paths;
  for (const StatEntry& e : snapshot->entries) {
    paths.insert(std::string(1, e.kind) + " " + e.base + " " + e.path);
    if (e.path == "data/documents.yaml") CHECK_FALSE(e.present);
    if (e.path == "data/committee.yaml") CHECK(e.present);
  }
  for (const char* want : {"b O .", "b R .", "d R data", "f R data", "f R data/committee.yaml",
                           "f R data/documents.yaml", "d O P-1", "o O P-1/P-1-agenda.pdf",
                           "m O manifest.json"})
    CHECK(paths.count(want) == 1);
  CHECK(snapshot->outputs == record().outputs);
  // Just written: every file is racy, so not trusted, and the cache would not be written.
  CHECK(stat_cache_racy(*snapshot));
  CHECK_FALSE(stat_cache_holds(root.options(), root.out_fd, *snapshot));
}

TEST_CASE("no snapshot where metadata cannot vouch for the bytes", "[build][stat-cache]") {
  SECTION("a data file that is a link") {
    Root root;
    fs::remove(root.path / "data/committee.yaml");
    fs::create_symlink("/etc/hostname", root.path / "data/committee.yaml");
    CHECK_FALSE(take_stat_snapshot(root.options(), root.out_fd, record(), "key"));
  }
  SECTION("a folder on the way that is a link") {
    Root root;
    fs::rename(root.path / "out/P-1", root.path / "elsewhere");
    fs::create_directory_symlink(root.path / "elsewhere", root.path / "out/P-1");
    CHECK_FALSE(take_stat_snapshot(root.options(), root.out_fd, record(), "key"));
  }
  SECTION("an output that is a FIFO") {
    Root root;
    fs::remove(root.path / "out/P-1/P-1-agenda.pdf");
    REQUIRE(::mkfifo((root.path / "out/P-1/P-1-agenda.pdf").c_str(), 0600) == 0);
    CHECK_FALSE(take_stat_snapshot(root.options(), root.out_fd, record(), "key"));
  }
  SECTION("a name that climbs, or a kind it does not know") {
    Root root;
    UnchangedCheck climbs = record();
    climbs.read["file:../outside"] = "absent";
    CHECK_FALSE(take_stat_snapshot(root.options(), root.out_fd, climbs, "key"));
    UnchangedCheck unknown = record();
    unknown.read["socket:x"] = "1";
    CHECK_FALSE(take_stat_snapshot(root.options(), root.out_fd, unknown, "key"));
  }
}
