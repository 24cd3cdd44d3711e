#include <catch2/catch.hpp>

#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "compose/compose.hpp"
#include "model/check.hpp"
#include "output/inputs_digest.hpp"

namespace fs = std::filesystem;
using namespace plenary;

namespace {
// A copy of the sample committee's data/ and agendas/ in a fresh folder, removed at the end.
struct SampleCopy {
  fs::path root;
  SampleCopy() {
    char pattern[] = "/tmp/plenary-digest-XXXXXX";
    root = ::mkdtemp(pattern);
    for (const char* folder : {"data", "agendas", "papers"})
      if (fs::exists(fs::path(PLENARY_SOURCE_DIR) / folder))
        fs::copy(fs::path(PLENARY_SOURCE_DIR) / folder, root / folder, fs::copy_options::recursive);
  }
  ~SampleCopy() { fs::remove_all(root); }
};
}  // namespace

TEST_CASE("the inputs digest hashes the data as loaded, not as found on disk later",
          "[build][digest]") {
  SampleCopy copy;
  Diagnostics diags;
  auto committee = model::load_committee(copy.root, diags);
  REQUIRE(committee);
  auto templates = compose::load_templates({fs::path(PLENARY_SOURCE_DIR) / "templates"},
                                           compose::Lang::En, diags);
  REQUIRE(templates);
  const std::string before =
      output::detail::inputs_digest(copy.root, *committee, *templates, "test", "en");
  // An edit lands after the load (a git pull during the nightly run).
  { std::ofstream(copy.root / "agendas" / "CCQM-31.yaml", std::ios::app) << "# edited\n"; }
  CHECK(output::detail::inputs_digest(copy.root, *committee, *templates, "test", "en") == before);
  // The next build loads the edit and sees a new digest.
  auto reloaded = model::load_committee(copy.root, diags);
  REQUIRE(reloaded);
  CHECK(output::detail::inputs_digest(copy.root, *reloaded, *templates, "test", "en") != before);
}

TEST_CASE("a changed paper changes the inputs digest; the register alone adds nothing without one",
          "[build][digest]") {
  char pattern[] = "/tmp/plenary-digest-XXXXXX";
  const fs::path root = ::mkdtemp(pattern);
  fs::copy(fs::path(PLENARY_TEST_DIR) / "model/cases/warning-doc-late", root,
           fs::copy_options::recursive);
  Diagnostics diags;
  auto templates = compose::load_templates({fs::path(PLENARY_SOURCE_DIR) / "templates"},
                                           compose::Lang::En, diags);
  REQUIRE(templates);
  auto digest = [&] {
    auto committee = model::load_committee(root, diags);
    REQUIRE(committee);
    return output::detail::inputs_digest(root, *committee, *templates, "test", "en");
  };
  const std::string before = digest();
  CHECK(digest() == before);
  // The same size, one byte different: the paper's hash, not its size or date, is digested.
  {
    std::fstream paper(root / "papers" / "CCX26-01.pdf",
                       std::ios::in | std::ios::out | std::ios::binary);
    paper.seekp(10);
    paper.put('#');
  }
  const std::string after = digest();
  CHECK(after != before);
  // Without the register the papers are not inputs at all.
  fs::remove(root / "data" / "documents.yaml");
  const std::string without = digest();
  { std::ofstream(root / "papers" / "CCX26-01.pdf", std::ios::app) << "more"; }
  CHECK(digest() == without);
  fs::remove_all(root);
}
