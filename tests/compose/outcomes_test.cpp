// Outcomes in compose: ids in (md) fields made links (link_ids), and the links that survive in
// a composed document (those whose section is in it).
#include <catch2/catch.hpp>

#include "compose/outcomes.hpp"
#include "fixture.hpp"

using namespace plenary;
using compose::detail::link_ids;

TEST_CASE("task-group ids, decision numbers and document refs become links", "[outcomes]") {
  const auto c = test::sample_committee();
  CHECK(link_ids(c, "CCQM-TG-CLINICAL reports.") == "[CCQM-TG-CLINICAL](#tg-ccqm-tg-clinical) reports.");
  CHECK(link_ids(c, "As CCQM/27-1 said") == "As [CCQM/27-1](#decision-ccqm-27-1) said");
  CHECK(link_ids(c, "See CCQM/21-05.") == "See [CCQM/21-05](#doc-ccqm-21-05).");
  CHECK(link_ids(c, "*CCQM-TG-ARCHIVE*") == "*[CCQM-TG-ARCHIVE](#tg-ccqm-tg-archive)*");
}

TEST_CASE("ids inside other ids, code spans and links stay as written", "[outcomes]") {
  const auto c = test::sample_committee();
  for (const std::string s :
       {"CCQM-TG-CLINICALX", "XCCQM-TG-CLINICAL", "CCQM/27-10", "CCQM/27-1.5", "`CCQM-TG-CLINICAL`",
        "[CCQM-TG-CLINICAL](https://example.org)", "[the group](https://e.org/CCQM-TG-CLINICAL)",
        "no id here", ""})
    CHECK(link_ids(c, s) == s);
}

TEST_CASE("a link survives only where its section is in the document", "[outcomes]") {
  const auto c = test::sample_committee();
  const auto templates = test::repository_templates(compose::Lang::En);
  const auto specs = compose::plan_documents(c);
  Diagnostics diags;
  auto decisions = compose::compose(c, test::spec_for(specs, "decisions", "CCQM-29"), templates, diags);
  REQUIRE(decisions);
  const std::string d = doc::dump(*decisions);
  CHECK(d.find("Ref #decision-ccqm-29-1") != std::string::npos);  // same document: a link
  CHECK(d.find("Ref #tg-ccqm-tg-clinical") == std::string::npos);  // no such section: text
  CHECK(test::all_text(*decisions).find("CCQM-TG-CLINICAL for a plan") != std::string::npos);
  auto pack = compose::compose(c, test::spec_for(specs, "briefing-pack", "CCQM-30"), templates, diags);
  REQUIRE(pack);
  CHECK(doc::dump(*pack).find("Ref #tg-ccqm-tg-clinical") != std::string::npos);
  CHECK(diags.empty());
}

TEST_CASE("the governance review names late and withdrawn papers of the register",
          "[outcomes]") {
  auto c = test::sample_committee();
  model::Register reg;
  reg.source_file = "data/documents.yaml";
  reg.papers_due_days = 42;  // CCQM-30 starts 2026-04-14: papers due by 2026-03-03
  auto paper = [](const std::string& ref, model::Date date, model::DocumentStatus status,
                  const std::string& plenary, int line) {
    model::Paper p;
    p.ref = ref;
    p.title = test::md("A paper");
    p.date = date;
    p.status = status;
    p.plenary = model::Ref{plenary, {}};
    p.pos = {"data/documents.yaml", line, 5};
    return p;
  };
  using S = model::DocumentStatus;
  reg.documents = {paper("CCQM/26-01", {2026, 3, 3}, S::Final, "CCQM-30", 3),      // on time
                   paper("CCQM/26-02", {2026, 3, 4}, S::Final, "CCQM-30", 8),      // late
                   paper("CCQM/26-03", {2026, 1, 10}, S::Withdrawn, "CCQM-30", 13),
                   paper("CCQM/25-09", {2026, 3, 20}, S::Final, "CCQM-29", 18)};   // another plenary
  c.documents = reg;
  const auto templates = test::repository_templates(compose::Lang::En);
  Diagnostics diags;
  auto pack = compose::compose(c, test::spec_for(compose::plan_documents(c), "briefing-pack", "CCQM-30"),
                               templates, diags);
  REQUIRE(pack);
  const std::string text = test::all_text(*pack);
  CHECK(text.find("Paper CCQM/26-02 was issued on 4 March 2026, after the papers deadline of 3 March 2026.") !=
        std::string::npos);
  CHECK(text.find("(data/documents.yaml:8, CCQM/26-02)") != std::string::npos);
  CHECK(text.find("Paper CCQM/26-03, prepared for this meeting, was withdrawn.") != std::string::npos);
  CHECK(text.find("CCQM/26-01 was issued") == std::string::npos);
  CHECK(text.find("CCQM/25-09") == std::string::npos);
  // With a register, document refs link to the register's sections (#doc-…) where they exist.
  CHECK(link_ids(c, "See CCQM/26-02.") == "See [CCQM/26-02](#doc-ccqm-26-02).");
}
