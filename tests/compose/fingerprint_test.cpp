// Fingerprints: equal inputs give equal hashes; a change to a record or file a document uses
// changes its hash; a change to anything else does not.
#include <catch2/catch.hpp>

#include <stdlib.h>

#include "fixture.hpp"

using namespace plenary;

namespace {

struct Prints {
  std::string agenda, pack, stakeholder_report, archive_report;
};

Prints prints(const model::Committee& c, const compose::TemplateSet& t) {
  const auto specs = compose::plan_documents(c);
  return {compose::fingerprint(c, test::spec_for(specs, "agenda", "CCQM-30"), t),
          compose::fingerprint(c, test::spec_for(specs, "briefing-pack", "CCQM-30"), t),
          compose::fingerprint(
              c, test::spec_for(specs, "final-report", "CCQM-TG-STAKEHOLDER"), t),
          compose::fingerprint(
              c, test::spec_for(specs, "final-report", "CCQM-TG-ARCHIVE"), t)};
}

model::TaskGroup& tg(model::Committee& c, const std::string& id) {
  for (auto& t : c.task_groups) {
    if (t.id == id) return t;
  }
  throw std::runtime_error(id);
}

}  // namespace

TEST_CASE("a fingerprint is a hex SHA-256 and stable for equal inputs", "[compose][fingerprint]") {
  ::unsetenv("SOURCE_DATE_EPOCH");
  const auto t = test::repository_templates(compose::Lang::En);
  const Prints a = prints(test::sample_committee(), t);
  const Prints b = prints(test::sample_committee(), test::repository_templates(compose::Lang::En));
  CHECK(a.agenda.size() == 64);
  CHECK(a.agenda.find_first_not_of("0123456789abcdef") == std::string::npos);
  CHECK(a.agenda == b.agenda);
  CHECK(a.pack == b.pack);
  CHECK(a.stakeholder_report == b.stakeholder_report);
  CHECK(a.agenda != a.pack);
}

TEST_CASE("changing a closed task group no agenda mentions changes only its own report",
          "[compose][fingerprint]") {
  ::unsetenv("SOURCE_DATE_EPOCH");
  const auto t = test::repository_templates(compose::Lang::En);
  auto c = test::sample_committee();
  const Prints before = prints(c, t);
  tg(c, "CCQM-TG-ARCHIVE").goals.push_back(test::md("A goal added later."));
  tg(c, "CCQM-TG-ARCHIVE").chair.name = "Someone Else";
  const Prints after = prints(c, t);
  CHECK(after.agenda == before.agenda);
  CHECK(after.pack == before.pack);
  CHECK(after.stakeholder_report == before.stakeholder_report);
  CHECK(after.archive_report != before.archive_report);
}

TEST_CASE("a closed task group in the focus sector changes the briefing pack that lists it",
          "[compose][fingerprint]") {
  ::unsetenv("SOURCE_DATE_EPOCH");
  const auto t = test::repository_templates(compose::Lang::En);
  auto c = test::sample_committee();
  tg(c, "CCQM-TG-ARCHIVE").sectors.push_back(model::Ref{"health", {}});  // now listed in the pack
  const Prints before = prints(c, t);
  tg(c, "CCQM-TG-ARCHIVE").name = "Renamed task group";
  const Prints after = prints(c, t);
  CHECK(after.pack != before.pack);
  CHECK(after.agenda == before.agenda);
}

TEST_CASE("the agenda uses only the name of a task group it mentions", "[compose][fingerprint]") {
  ::unsetenv("SOURCE_DATE_EPOCH");
  const auto t = test::repository_templates(compose::Lang::En);
  auto c = test::sample_committee();
  const Prints before = prints(c, t);
  tg(c, "CCQM-TG-CLINICAL").goals.push_back(test::md("A new goal."));
  const Prints goals = prints(c, t);
  CHECK(goals.agenda == before.agenda);  // the agenda shows id and name only
  CHECK(goals.pack != before.pack);      // the pack shows its terms of reference
  tg(c, "CCQM-TG-CLINICAL").name = "Renamed";
  CHECK(prints(c, t).agenda != before.agenda);
}

TEST_CASE("changing a template changes the fingerprints of the documents that use it",
          "[compose][fingerprint]") {
  ::unsetenv("SOURCE_DATE_EPOCH");
  const auto c = test::sample_committee();
  auto t = test::repository_templates(compose::Lang::En);
  const Prints before = prints(c, t);

  SECTION("the agenda template") {
    t.files["agenda.md"] += "\nOne more line.\n";
    const Prints after = prints(c, t);
    CHECK(after.agenda != before.agenda);
    CHECK(after.pack == before.pack);
    CHECK(after.stakeholder_report == before.stakeholder_report);
  }
  SECTION("the agenda partial, shared by the agenda and the briefing pack") {
    t.files["partials/agenda-body.md"] += "\n";
    const Prints after = prints(c, t);
    CHECK(after.agenda != before.agenda);
    CHECK(after.pack != before.pack);
    CHECK(after.stakeholder_report == before.stakeholder_report);
  }
  SECTION("the house style, the fixed texts and the logo") {
    for (const std::string name : {"style.yaml", "i18n/en.yaml"}) {
      auto changed = t;
      changed.files[name] += "\n# edited\n";
      const Prints after = prints(c, changed);
      CHECK(after.agenda != before.agenda);
      CHECK(after.stakeholder_report != before.stakeholder_report);
    }
    auto changed = t;
    changed.logo->data += "x";
    CHECK(prints(c, changed).pack != before.pack);
  }
}

TEST_CASE("the language and SOURCE_DATE_EPOCH are part of the fingerprint",
          "[compose][fingerprint]") {
  ::unsetenv("SOURCE_DATE_EPOCH");
  const auto c = test::sample_committee();
  const Prints en = prints(c, test::repository_templates(compose::Lang::En));
  const Prints fr = prints(c, test::repository_templates(compose::Lang::Fr));
  CHECK(en.agenda != fr.agenda);
  ::setenv("SOURCE_DATE_EPOCH", "1767225600", 1);  // 2026-01-01
  const Prints epoch = prints(c, test::repository_templates(compose::Lang::En));
  ::unsetenv("SOURCE_DATE_EPOCH");
  CHECK(epoch.agenda != en.agenda);
}

TEST_CASE("the agenda uses only the sector and invited stakeholders of the plan entry",
          "[compose][fingerprint]") {
  ::unsetenv("SOURCE_DATE_EPOCH");
  const auto t = test::repository_templates(compose::Lang::En);
  auto c = test::sample_committee();
  const Prints before = prints(c, t);
  c.plan[1].rationale = test::md("A different rationale.");
  const Prints rationale = prints(c, t);
  CHECK(rationale.agenda == before.agenda);
  CHECK(rationale.pack != before.pack);
  c.plan[1].invited.pop_back();
  CHECK(prints(c, t).agenda != before.agenda);
}
