// The table of bad inputs: every folder under cases/ is a small data root whose expected.txt
// holds the exact diagnostic lines load_committee must give, in order.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "model/check.hpp"

namespace fs = std::filesystem;
using plenary::Diagnostics;

namespace {

std::vector<std::string> read_lines(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);)
    if (!line.empty()) lines.push_back(line);
  return lines;
}

std::vector<fs::path> case_roots() {
  std::vector<fs::path> roots;
  for (const auto& e : fs::directory_iterator(PLENARY_TEST_DIR "/model/cases"))
    if (fs::exists(e.path() / "expected.txt")) roots.push_back(e.path());
  std::sort(roots.begin(), roots.end());
  return roots;
}

}  // namespace

TEST_CASE("every bad-input case gives exactly its expected diagnostics", "[model][cases]") {
  auto roots = case_roots();
  REQUIRE(roots.size() >= 40);
  for (const auto& root : roots) {
    SECTION(root.filename().string()) {
      Diagnostics ds;
      auto committee = plenary::model::load_committee(root, ds);
      std::vector<std::string> got;
      for (const auto& d : ds.items()) got.push_back(plenary::format(d));
      auto expected = read_lines(root / "expected.txt");
      REQUIRE_FALSE(expected.empty());
      CHECK(got == expected);
      bool expects_error = std::any_of(expected.begin(), expected.end(), [](const std::string& l) {
        return l.find(": error: ") != std::string::npos;
      });
      CHECK(committee.has_value() == !expects_error);
    }
  }
}

TEST_CASE("a file with a BOM and CRLF gives the same diagnostics as its LF twin",
          "[model][cases]") {
  const fs::path cases = PLENARY_TEST_DIR "/model/cases";
  CHECK(read_lines(cases / "bom-crlf" / "expected.txt") ==
        read_lines(cases / "unknown-key" / "expected.txt"));
  Diagnostics a, b;
  plenary::model::load_committee(cases / "bom-crlf", a);
  plenary::model::load_committee(cases / "unknown-key", b);
  REQUIRE(a.items().size() == b.items().size());
  for (std::size_t i = 0; i < a.items().size(); ++i)
    CHECK(plenary::format(a.items()[i]) == plenary::format(b.items()[i]));
}

TEST_CASE("every diagnostic message is lowercase and has no final period", "[model][cases]") {
  for (const auto& root : case_roots()) {
    Diagnostics ds;
    plenary::model::load_committee(root, ds);
    for (const auto& d : ds.items()) {
      INFO(plenary::format(d));
      REQUIRE_FALSE(d.message.empty());
      CHECK_FALSE((d.message[0] >= 'A' && d.message[0] <= 'Z'));
      CHECK(d.message.back() != '.');
      CHECK(d.pos.path.find('\\') == std::string::npos);
      bool under_root = d.pos.path.rfind("data/", 0) == 0 || d.pos.path.rfind("agendas/", 0) == 0;
      CHECK(under_root);
    }
  }
}
