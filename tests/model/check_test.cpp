#include <catch2/catch.hpp>

#include <filesystem>
#include <string>

#include "model/check.hpp"

using namespace plenary::model;
using plenary::Diagnostics;

namespace {

Committee load_valid(Diagnostics& ds) {
  auto c = load_committee(PLENARY_TEST_DIR "/model/cases/valid", ds);
  REQUIRE(c);
  return *c;
}

std::string formatted(const Diagnostics& ds) {
  std::string out;
  for (const auto& d : ds.items()) out += plenary::format(d) + "\n";
  return out;
}

}  // namespace

TEST_CASE("the valid fixture loads with no diagnostics", "[model][check]") {
  Diagnostics ds;
  load_valid(ds);
  CHECK(formatted(ds).empty());
}

TEST_CASE("the committee, its officers and plenaries are read, plenaries sorted by start",
          "[model][check]") {
  Diagnostics ds;
  Committee c = load_valid(ds);
  CHECK(c.committee.id == "CCX");
  CHECK(c.committee.name == "Consultative Committee for Examples – Métrologie «test»");
  CHECK(c.committee.organisation == "BIPM");
  REQUIRE(c.committee.president);
  CHECK(c.committee.president->name == "Ana Ñúñez");
  CHECK(c.committee.president->institute == "CEM");
  REQUIRE(c.committee.executive_secretary);
  CHECK(c.committee.executive_secretary->name == "Jan Kowalski");  // a plain-string person
  CHECK(c.committee.executive_secretary->institute.empty());
  REQUIRE(c.plenaries.size() == 2);
  CHECK(c.plenaries[0].id == "CCX-30");  // written second, starts first
  CHECK(c.plenaries[1].id == "CCX-31");
  const Plenary& p30 = c.plenaries[0];
  CHECK(p30.number == 30);
  CHECK(p30.start.iso() == "2026-04-14");
  REQUIRE(p30.end);
  CHECK(p30.end->iso() == "2026-04-15");
  CHECK(p30.format == PlenaryFormat::Hybrid);
  CHECK(p30.status == PlenaryStatus::Held);
  CHECK(p30.title == "Thirtieth meeting");
  const Plenary& p31 = c.plenaries[1];
  CHECK_FALSE(p31.end);
  CHECK(p31.format == PlenaryFormat::Online);
  CHECK(p31.status == PlenaryStatus::Planned);  // the default
  CHECK(p31.title.empty());
  CHECK(p31.venue == "BIPM, Sèvres, France");
  CHECK(p31.pos.path == "data/committee.yaml");
  CHECK(p31.pos.line == 8);
  CHECK(p31.pos.col == 5);
}

TEST_CASE("sectors, the plan, criteria and stakeholders keep their fields", "[model][check]") {
  Diagnostics ds;
  Committee c = load_valid(ds);
  REQUIRE(c.sectors.size() == 2);
  REQUIRE(c.sectors[0].description);
  CHECK(c.sectors[0].description->source == "Clinical *diagnostics*");
  CHECK_FALSE(c.sectors[1].description);
  const PlanEntry* plan = c.plan_for("CCX-30");
  REQUIRE(plan);
  CHECK(plan->sector.id == "health");
  REQUIRE(plan->lead);
  CHECK(plan->lead->name == "Grüße Müller");
  CHECK(plan->lead->role == "Chair");
  CHECK(plan->lead->email == "g@example.org");
  REQUIRE(plan->invited.size() == 1);
  CHECK(plan->invited[0].id == "IFCC");
  CHECK(plan->invited[0].pos.line == 12);
  REQUIRE(plan->questions.size() == 1);
  CHECK(plan->questions[0].source == "What do you need?");
  const Stakeholder* ifcc = c.stakeholder("IFCC");
  REQUIRE(ifcc);
  CHECK(ifcc->kind == StakeholderKind::Liaison);
  REQUIRE(ifcc->since);
  CHECK(ifcc->since->iso() == "2005");
  CHECK(ifcc->contact->name == "Dr µ Smith");
  CHECK(ifcc->mechanisms == std::vector<std::string>{"joint committee"});
  CHECK(ifcc->criteria_met.at(0).id == "international");
  CHECK(ifcc->attended.at(0).id == "CCX-30");
  CHECK(c.criterion("international")->text.source == "Operates at an international level");
  CHECK(c.stakeholder("WHO")->since->iso() == "2010-06-01");
}

TEST_CASE("task groups are sorted by id and keep their terms of reference", "[model][check]") {
  Diagnostics ds;
  Committee c = load_valid(ds);
  REQUIRE(c.task_groups.size() == 2);
  const TaskGroup& a = c.task_groups[0];
  CHECK(a.id == "CCX-TG-A");
  CHECK(a.source_file == "data/task-groups/tg-a.yaml");
  CHECK(a.status == TaskGroupStatus::Closed);
  CHECK(a.established->iso() == "2021-04");
  CHECK(a.closed->iso() == "2026-06");
  CHECK(a.chair.name == "Richard Brown");
  CHECK(a.chair.role == "Head of Metrology");
  REQUIRE(a.members.size() == 2);
  CHECK(a.members[0].institute == "LNE");
  CHECK(a.members[1].name == "B Two");
  CHECK(a.stakeholder_engagement);
  CHECK(a.sectors.size() == 2);
  CHECK(a.goals.at(0).source == "Review the *criteria*");
  CHECK(a.goals.at(0).pos.line == 16);
  CHECK(a.activities.at(0).source == "Consult stakeholders");
  REQUIRE(a.extensions.size() == 1);
  CHECK(a.extensions[0].approved_at.id == "CCX-30");
  CHECK(a.extensions[0].items.at(0).source == "Finish the report");
  CHECK(a.outcomes.size() == 1);
  CHECK(a.recommendations.size() == 1);
  const TaskGroup& b = c.task_groups[1];
  CHECK(b.status == TaskGroupStatus::Planned);
  CHECK_FALSE(b.established);  // not required while planned
  CHECK(b.chair.name == "Ζωή Παπαδοπούλου");
  CHECK_FALSE(b.stakeholder_engagement);
}

TEST_CASE("agenda items get start times, totals and numbers; breaks get no number",
          "[model][check][agenda]") {
  Diagnostics ds;
  Committee c = load_valid(ds);
  const Agenda* a = c.agenda_for("CCX-30");
  REQUIRE(a);
  CHECK(a->source_file == "agendas/CCX-30.yaml");
  REQUIRE(a->days.size() == 2);
  const auto& items = a->days[0].items;
  REQUIRE(items.size() == 4);
  struct Row {
    const AgendaItem* item;
    std::string number, start;
    int total;
  };
  const auto& reports = items[1];
  std::vector<Row> rows{
      {&items[0], "1", "09:30", 15},           {&reports, "2", "09:45", 55},
      {&reports.items[0], "2.1", "09:45", 20}, {&reports.items[1], "", "10:05", 10},
      {&reports.items[2], "2.2", "10:15", 25}, {&items[2], "", "10:40", 30},
      {&items[3], "3", "11:10", 90},           {&items[3].items[0], "3.1", "11:10", 10},
      {&a->days[1].items[0], "4", "09:00", 15}};
  for (const auto& r : rows) {
    INFO(r.item->title.source);
    CHECK(r.item->number == r.number);
    CHECK(r.item->start.hhmm() == r.start);
    CHECK(r.item->total_minutes == r.total);
  }
  CHECK_FALSE(reports.duration);  // as written: no duration, the sum of its sub-items
  CHECK(items[0].kind == ItemKind::Decision);
  CHECK(reports.kind == ItemKind::Information);
  CHECK(items[2].kind == ItemKind::Break);
  CHECK(items[0].presenter->name == "President");
  CHECK(items[0].documents == std::vector<std::string>{"CCX/26-01"});
  CHECK(reports.items[0].task_groups.at(0).id == "CCX-TG-A");
  CHECK(items[3].sector_focus);
  CHECK_FALSE(items[0].sector_focus);
  CHECK(a->days[1].start.hhmm() == "09:00");
}

TEST_CASE("the repository's sample committee loads with no errors", "[model][check][sample]") {
  namespace fs = std::filesystem;
  const fs::path root = PLENARY_SOURCE_DIR;
  if (!fs::exists(root / "data" / "committee.yaml")) {
    WARN("no sample committee in " << root.string() << " yet");
    return;
  }
  Diagnostics ds;
  auto c = load_committee(root, ds);
  INFO(formatted(ds));
  CHECK(ds.error_count() == 0);
  REQUIRE(c);
  CHECK_FALSE(c->plenaries.empty());
  for (std::size_t i = 1; i < c->plenaries.size(); ++i)
    CHECK(c->plenaries[i - 1].start <= c->plenaries[i].start);
  for (const auto& a : c->agendas) CHECK(c->plenary(a.plenary.id) != nullptr);
}
