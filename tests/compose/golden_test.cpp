// Golden tests: the Document dump of each template for the hand-built committee, compared
// with tests/compose/golden/<case>/expected.dump. PLENARY_UPDATE_GOLDEN=1 rewrites them.
#include <catch2/catch.hpp>

#include <stdlib.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "fixture.hpp"

using namespace plenary;

namespace {

std::string read(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

void check_golden(const std::string& name, const std::string& actual) {
  const auto dir = std::filesystem::path(PLENARY_TEST_DIR) / "compose" / "golden" / name;
  const auto file = dir / "expected.dump";
  const char* update = std::getenv("PLENARY_UPDATE_GOLDEN");
  if (update && std::string(update) == "1") {
    std::filesystem::create_directories(dir);
    std::ofstream(file, std::ios::binary) << actual;
    SUCCEED("rewrote " << file.string());
    return;
  }
  INFO("golden file " << file.string() << " (PLENARY_UPDATE_GOLDEN=1 rewrites it)");
  REQUIRE(std::filesystem::exists(file));
  const std::string expected = read(file);
  if (expected != actual) {
    // Report the first differing line rather than two whole dumps.
    std::istringstream e(expected), a(actual);
    std::string el, al;
    int line = 0;
    while (true) {
      ++line;
      const bool more_e = static_cast<bool>(std::getline(e, el));
      const bool more_a = static_cast<bool>(std::getline(a, al));
      if (!more_e && !more_a) break;
      if (el != al || more_e != more_a) {
        INFO("first difference at line " << line);
        CHECK(al == el);
        break;
      }
    }
  }
  CHECK(expected == actual);
}

std::string dump_of(const std::string& kind, const std::string& id, compose::Lang lang,
                    const model::Committee& committee = test::sample_committee()) {
  ::unsetenv("SOURCE_DATE_EPOCH");  // dates come from the data here
  const auto templates = test::repository_templates(lang);
  const auto specs = compose::plan_documents(committee);
  Diagnostics diags;
  auto document = compose::compose(committee, test::spec_for(specs, kind, id), templates, diags);
  INFO((diags.empty() ? std::string() : format(diags.items().front())));
  REQUIRE(document);
  REQUIRE(diags.empty());
  return doc::dump(*document);
}

}  // namespace

TEST_CASE("the agenda template gives the expected document", "[compose][golden]") {
  check_golden("agenda-en", dump_of("agenda", "CCQM-30", compose::Lang::En));
}

TEST_CASE("the French agenda gives the expected document", "[compose][golden][fr]") {
  check_golden("agenda-fr", dump_of("agenda", "CCQM-30", compose::Lang::Fr));
}

TEST_CASE("the briefing pack template gives the expected document", "[compose][golden]") {
  check_golden("briefing-pack-en",
               dump_of("briefing-pack", "CCQM-30", compose::Lang::En));
}

TEST_CASE("the French briefing pack gives the expected document", "[compose][golden][fr]") {
  check_golden("briefing-pack-fr",
               dump_of("briefing-pack", "CCQM-30", compose::Lang::Fr));
}

TEST_CASE("a briefing pack for a plenary without agenda or plan entry gives the expected document",
          "[compose][golden]") {
  check_golden("briefing-pack-no-agenda",
               dump_of("briefing-pack", "CCQM-26", compose::Lang::En));
}

TEST_CASE("the final report template gives the expected document", "[compose][golden]") {
  check_golden("final-report-en", dump_of("final-report", "CCQM-TG-STAKEHOLDER",
                                          compose::Lang::En));
}

TEST_CASE("the French final report gives the expected document", "[compose][golden][fr]") {
  check_golden("final-report-fr", dump_of("final-report", "CCQM-TG-STAKEHOLDER",
                                          compose::Lang::Fr));
}

TEST_CASE("the decisions document gives the expected document", "[compose][golden]") {
  check_golden("decisions-en", dump_of("decisions", "CCQM-29", compose::Lang::En));
}

TEST_CASE("the French decisions document gives the expected document", "[compose][golden][fr]") {
  check_golden("decisions-fr", dump_of("decisions", "CCQM-29", compose::Lang::Fr));
}

TEST_CASE("a pack proposes a sector for a planned plenary without a plan entry",
          "[compose][golden]") {
  auto committee = test::sample_committee();
  committee.plan.pop_back();  // CCQM-30 (planned) loses its entry: the rotation proposes one
  check_golden("briefing-pack-rotation",
               dump_of("briefing-pack", "CCQM-30", compose::Lang::En, committee));
}
