#include <fcntl.h>
#include <unistd.h>
#include <yaml-cpp/yaml.h>
#include <catch2/catch.hpp>

#include <filesystem>
#include <functional>
#include <string>

#include "load/load.hpp"

namespace load = plenary::load;
using plenary::Diagnostics;

namespace {

std::string only_message(const Diagnostics& ds) {
  REQUIRE(ds.items().size() == 1);
  return plenary::format(ds.items()[0]);
}

const char* const kCases = PLENARY_TEST_DIR "/model/cases";

// Every (key, value) pair of a document with its 1-based position, depth first.
std::string describe_marks(const YAML::Node& node) {
  std::string out;
  std::function<void(const YAML::Node&)> walk = [&](const YAML::Node& n) {
    auto p = load::position("x", n.Mark());
    out += std::to_string(p.line) + ":" + std::to_string(p.col) + " ";
    if (n.IsScalar()) out += n.Scalar() + "\n";
    if (n.IsSequence())
      for (const auto& c : n) walk(c);
    if (n.IsMap())
      for (auto it = n.begin(); it != n.end(); ++it) {
        walk(it->first);
        walk(it->second);
      }
  };
  walk(node);
  return out;
}

}  // namespace

TEST_CASE("marks become 1-based lines and columns", "[load]") {
  Diagnostics ds;
  auto f = load::parse_text("data/x.yaml", "id: A\nchair:\n  name: B\n", ds);
  REQUIRE(f.ok);
  CHECK(ds.empty());
  auto name = f.root["chair"]["name"];
  auto p = load::position(f.path, name.Mark());
  CHECK(p.path == "data/x.yaml");
  CHECK(p.line == 3);
  CHECK(p.col == 9);
  CHECK(load::position("y", YAML::Mark::null_mark()).line == 0);
}

TEST_CASE("a file with a BOM and CRLF line endings parses exactly like its LF twin", "[load]") {
  const std::string lf =
      "id: CCX-TG-A\nname: \"Grüße, «test»\"\nmembers:\n  - {name: A, institute: B}\n  - C\n"
      "text: |\n  line one\n  line two\n";
  std::string crlf = "\xEF\xBB\xBF";
  for (char c : lf) crlf += c == '\n' ? std::string("\r\n") : std::string(1, c);
  Diagnostics d1, d2;
  auto a = load::parse_text("a.yaml", lf, d1);
  auto b = load::parse_text("a.yaml", crlf, d2);
  REQUIRE(a.ok);
  REQUIRE(b.ok);
  CHECK(d1.empty());
  CHECK(d2.empty());
  CHECK(describe_marks(a.root) == describe_marks(b.root));
  CHECK(b.root["text"].Scalar() == "line one\nline two\n");
}

TEST_CASE("a yaml syntax error names the file, line and column", "[load]") {
  Diagnostics ds;
  auto f = load::parse_text("data/committee.yaml", "a: [1, 2\nb: 3\n", ds);
  CHECK_FALSE(f.ok);
  CHECK(only_message(ds).rfind("data/committee.yaml:2:2: error: yaml syntax error: ", 0) == 0);
}

TEST_CASE("an empty or comment-only file is an error, not a crash", "[load]") {
  for (std::string text : {"", "\n\n", "# only a comment\n", "\xEF\xBB\xBF", "~\n"}) {
    Diagnostics ds;
    CHECK_FALSE(load::parse_text("data/stakeholders.yaml", text, ds).ok);
    CHECK(only_message(ds) == "data/stakeholders.yaml:1:1: error: file is empty");
  }
}

TEST_CASE("invalid utf-8 and nul bytes are refused before parsing", "[load]") {
  Diagnostics ds;
  CHECK_FALSE(load::parse_text("a.yaml", "x: 1\ny: \xFE\n", ds).ok);
  CHECK(only_message(ds) ==
        "a.yaml:2:4: error: invalid utf-8 byte sequence (hint: save the file as utf-8)");
  Diagnostics ds2;
  CHECK_FALSE(load::parse_text("a.yaml", std::string("x: \0\n", 5), ds2).ok);
  CHECK(only_message(ds2) == "a.yaml:1:4: error: file contains a nul byte");
}

TEST_CASE("an alias bomb stops at the node limit instead of expanding", "[load][hostile]") {
  std::string text = "a: &a [x, x, x, x, x, x, x, x, x, x]\n";
  const std::string names = "abcdefghij";
  for (std::size_t i = 1; i < names.size(); ++i) {
    text += std::string(1, names[i]) + ": &" + names[i] + " [";
    for (int k = 0; k < 10; ++k) text += std::string(k ? ", " : "") + "*" + names[i - 1];
    text += "]\n";
  }
  Diagnostics ds;
  auto f = load::parse_text("bomb.yaml", text, ds);
  CHECK_FALSE(f.ok);
  CHECK(only_message(ds).find("error: file expands to more than 1000000 nodes") !=
        std::string::npos);
}

TEST_CASE("moderate aliases that stay under the limit are accepted", "[load]") {
  Diagnostics ds;
  auto f = load::parse_text("a.yaml", "p: &p {name: A}\nq: [*p, *p]\n", ds);
  CHECK(f.ok);
  CHECK(ds.empty());
  CHECK(f.root["q"][1]["name"].Scalar() == "A");
}

TEST_CASE("nesting thousands of levels deep is an error, not a stack overflow", "[load][hostile]") {
  for (int depth : {100, 499, 501, 20000}) {
    Diagnostics ds;
    std::string text = "x: " + std::string(depth, '[') + std::string(depth, ']') + "\n";
    CHECK_FALSE(load::parse_text("deep.yaml", text, ds).ok);
    CHECK(only_message(ds).find("error: nesting deeper than 64 levels") != std::string::npos);
  }
  std::string block = "x:\n";
  for (int i = 1; i < 3000; ++i) block += std::string(2 * i, ' ') + "-\n";
  Diagnostics ds;
  CHECK_FALSE(load::parse_text("deep.yaml", block, ds).ok);
  CHECK(only_message(ds).find("error: nesting deeper than 64 levels") != std::string::npos);
}

TEST_CASE("a file over the size cap is refused, with a huge scalar as the example",
          "[load][hostile]") {
  std::string text = "name: " + std::string((16u << 20) + 1, 'x') + "\n";
  Diagnostics ds;
  CHECK_FALSE(load::parse_text("big.yaml", std::move(text), ds).ok);
  CHECK(only_message(ds) == "big.yaml: error: file is larger than 16 MiB");
  load::Limits small;
  small.max_bytes = 1u << 20;
  Diagnostics ds2;
  CHECK(load::parse_text("ok.yaml", "name: " + std::string(1000, 'y') + "\n", ds2, small).ok);
}

TEST_CASE("several yaml documents in one file are an error", "[load]") {
  Diagnostics ds;
  CHECK_FALSE(load::parse_text("a.yaml", "a: 1\n---\nb: 2\n", ds).ok);
  CHECK(only_message(ds) ==
        "a.yaml:2:1: error: file holds more than one yaml document (hint: remove the '---' line)");
}

TEST_CASE("a stray comma that stalls yaml-cpp's parser is a syntax error, not a hang",
          "[load][hostile]") {
  for (std::string text : {",a: 1\n", ",\n", "a: 1\n...\n,\n"}) {
    Diagnostics ds;
    CHECK_FALSE(load::parse_text("a.yaml", text, ds).ok);
    CHECK(only_message(ds).find(": error: yaml syntax error: unexpected ','") != std::string::npos);
  }
}

TEST_CASE("a data root loads every file, task groups and agendas sorted by name", "[load]") {
  Diagnostics ds;
  auto raw = load::load_root(std::string(kCases) + "/valid", ds);
  CHECK(ds.empty());
  CHECK(raw.committee.ok);
  CHECK(raw.committee.path == "data/committee.yaml");
  CHECK(raw.sector_focus.ok);
  CHECK(raw.stakeholders.ok);
  REQUIRE(raw.task_groups.size() == 2);
  CHECK(raw.task_groups[0].path == "data/task-groups/tg-a.yaml");
  CHECK(raw.task_groups[1].path == "data/task-groups/tg-b.yaml");
  REQUIRE(raw.agendas.size() == 1);
  CHECK(raw.agendas[0].path == "agendas/CCX-30.yaml");
}

TEST_CASE("a folder, a symlink loop or a device where a file belongs is an error", "[load]") {
  std::string cases = kCases;
  Diagnostics d1;
  CHECK_FALSE(load::load_file(cases + "/folder-instead-of-file", "data/stakeholders.yaml", d1).ok);
  CHECK(only_message(d1) == "data/stakeholders.yaml: error: expected a file, found a folder");
  Diagnostics d2;
  CHECK_FALSE(load::load_file(cases + "/symlink-loop", "data/task-groups/loop.yaml", d2).ok);
  CHECK(only_message(d2) ==
        "data/task-groups/loop.yaml: error: cannot read file: symbolic link loop");
  Diagnostics d3;
  CHECK_FALSE(load::load_file(cases + "/not-a-regular-file", "data/stakeholders.yaml", d3).ok);
  // A link to /dev/null leads out of the root: refused as such before the device is looked at.
  CHECK(only_message(d3) ==
        "data/stakeholders.yaml: error: a symbolic link leading out of the data root: not followed");
  Diagnostics d4;
  CHECK_FALSE(load::load_file(cases + "/missing-file", "data/stakeholders.yaml", d4).ok);
  CHECK(only_message(d4) == "data/stakeholders.yaml: error: file not found");
}

TEST_CASE("a file read through the root's descriptor loads and fails exactly as by its path",
          "[load]") {
  // load_root opens the root once and reads each file beneath it in one call; where that
  // call cannot settle a file (a link, a folder, a device, a missing file) the step-by-step
  // checks run, so every outcome and message is the path-only one.
  const std::string cases = kCases;
  const std::vector<std::pair<std::string, std::string>> files = {
      {"/valid", "data/committee.yaml"},
      {"/valid", "data/task-groups/tg-a.yaml"},
      {"/folder-instead-of-file", "data/stakeholders.yaml"},
      {"/symlink-loop", "data/task-groups/loop.yaml"},
      {"/not-a-regular-file", "data/stakeholders.yaml"},
      {"/missing-file", "data/stakeholders.yaml"}};
  for (const auto& [root, rel] : files) {
    INFO(root << " " << rel);
    const int fd = ::open((cases + root).c_str(), O_PATH | O_DIRECTORY | O_CLOEXEC);
    REQUIRE(fd >= 0);
    Diagnostics by_path, by_fd;
    const load::SourceFile a = load::load_file(cases + root, rel, by_path);
    const load::SourceFile b = load::load_file(cases + root, rel, by_fd, {}, fd);
    ::close(fd);
    CHECK(a.ok == b.ok);
    CHECK(a.bytes == b.bytes);
    CHECK(YAML::Dump(a.root) == YAML::Dump(b.root));
    REQUIRE(by_path.items().size() == by_fd.items().size());
    for (std::size_t i = 0; i < by_path.items().size(); ++i)
      CHECK(plenary::format(by_path.items()[i]) == plenary::format(by_fd.items()[i]));
  }
}

TEST_CASE("a root without task groups or agendas folders loads with none", "[load]") {
  Diagnostics ds;
  auto raw = load::load_root(std::string(kCases) + "/does-not-exist", ds);
  CHECK(raw.task_groups.empty());
  CHECK(raw.agendas.empty());
  CHECK(ds.error_count() == 3);  // the three required data files
}

TEST_CASE("a root loads the same files and problems on one thread as on several", "[load]") {
  // Every bad-input case of tests/model/cases, loaded serially and on 1 to 4 extra threads:
  // same files, same node marks, same problems in the same order.
  auto snapshot = [](const std::string& root, unsigned threads) {
    Diagnostics ds;
    auto raw = load::load_root(root, ds, {}, threads);
    std::string out;
    auto add = [&](const load::SourceFile& f) {
      out += f.path + (f.ok ? " ok\n" + describe_marks(f.root) : " failed\n");
    };
    add(raw.committee);
    add(raw.sector_focus);
    add(raw.stakeholders);
    for (const auto& f : raw.task_groups) add(f);
    for (const auto& f : raw.agendas) add(f);
    for (const auto& d : ds.items()) out += plenary::format(d) + "\n";
    return out;
  };
  int roots = 0;
  for (const auto& entry : std::filesystem::directory_iterator(kCases)) {
    if (!entry.is_directory()) continue;
    const std::string root = entry.path().string();
    const std::string serial = snapshot(root, 1);
    for (unsigned threads : {2u, 3u, 5u}) CHECK(snapshot(root, threads) == serial);
    ++roots;
  }
  CHECK(roots > 50);
}
