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
