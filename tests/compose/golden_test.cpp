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

// The sample committee with a working-document register for CCQM-30 (start 2026-04-14, papers
// due 2026-03-03): the agenda's three refs (26-02 in two revisions, the latest late), one
// withdrawn, one replacing a paper of CCQM-29 (not listed: neither for CCQM-30 nor on its
// agenda), one draft without file.
model::Committee with_register() {
  model::Committee c = test::sample_committee();
  model::Register reg;
  reg.numbering = "CCQM/{yy}-{nn}";
  auto paper = [&](const std::string& ref, const std::string& revision, const std::string& title,
                   model::Date date, const std::string& plenary) {
    model::Paper p;
    p.ref = ref;
    p.revision = revision;
    p.title = test::md(title);
    p.date = date;
    if (!plenary.empty()) p.plenary = model::Ref{plenary, {}};
    p.file = "papers/" + ref.substr(5) + revision + ".pdf";
    p.file_type = "pdf";
    reg.documents.push_back(p);
    return &reg.documents.back();
  };
  paper("CCQM/25-09", "", "Report of the *clinical* task group to the 29th meeting", {2025, 3, 1},
        "CCQM-29")->authors = {test::person("Grace Hopper", "NMI-B")};
  paper("CCQM/26-01", "", "Draft agenda of the 30th meeting", {2026, 2, 2}, "CCQM-30")
      ->authors = {test::person("Executive Secretary")};
  paper("CCQM/26-02", "", "Minutes of the 29th meeting", {2026, 2, 20}, "CCQM-30")->authors = {
      test::person("Ada Lovelace", "NMI-A"), test::person("Grace Hopper", "NMI-B")};
  paper("CCQM/26-02", "b", "Minutes of the 29th meeting, corrected", {2026, 3, 10}, "CCQM-30");
  paper("CCQM/26-03", "", "Actions arising & follow-up", {2026, 1, 15}, "");
  paper("CCQM/26-04", "", "Report of the *clinical* task group", {2026, 2, 27}, "CCQM-30")
      ->replaces = model::Ref{"CCQM/25-09", {}};
  auto* withdrawn = paper("CCQM/26-05", "", "Proposal withdrawn by its authors", {2026, 1, 30},
                          "CCQM-30");
  withdrawn->status = model::DocumentStatus::Withdrawn;
  auto* draft = paper("CCQM/26-10", "", "Sector-focus questions (draft)", {2026, 3, 1}, "CCQM-30");
  draft->status = model::DocumentStatus::Draft;
  draft->file.clear();
  draft->file_type.clear();
  c.documents = reg;
  return c;
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

TEST_CASE("the document register gives the expected document", "[compose][golden][register]") {
  check_golden("document-register-en",
               dump_of("document-register", "CCQM-30", compose::Lang::En, with_register()));
}

TEST_CASE("the French document register gives the expected document",
          "[compose][golden][register][fr]") {
  check_golden("document-register-fr",
               dump_of("document-register", "CCQM-30", compose::Lang::Fr, with_register()));
}

TEST_CASE("the briefing pack lists the working documents in its section 9",
          "[compose][golden][register]") {
  check_golden("briefing-pack-register-en",
               dump_of("briefing-pack", "CCQM-30", compose::Lang::En, with_register()));
}

TEST_CASE("the French briefing pack lists the working documents in its section 9",
          "[compose][golden][register][fr]") {
  check_golden("briefing-pack-register-fr",
               dump_of("briefing-pack", "CCQM-30", compose::Lang::Fr, with_register()));
}

TEST_CASE("without a register there is no document register and no section 9",
          "[compose][register]") {
  const auto specs = compose::plan_documents(test::sample_committee());
  for (const auto& spec : specs) CHECK(spec.kind != "document-register");
  const auto with = compose::plan_documents(with_register());
  std::vector<std::string> stems;
  for (const auto& spec : with)
    if (spec.kind == "document-register") stems.push_back(spec.output_stem);
  // CCQM-29 has a paper of its own; CCQM-30 its papers and its agenda's.
  CHECK(stems == std::vector<std::string>{"CCQM-29/CCQM-29-documents", "CCQM-30/CCQM-30-documents"});
}
