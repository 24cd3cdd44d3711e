#include <catch2/catch.hpp>

#include "model/model.hpp"

using namespace plenary::model;

TEST_CASE("dates print as iso 8601 at their own precision", "[model]") {
  CHECK((Date{2026, 4, 14}).iso() == "2026-04-14");
  CHECK((Date{2021, 4, 0}).iso() == "2021-04");
  CHECK((Date{2005, 0, 0}).iso() == "2005");
  CHECK((Date{987, 1, 2}).iso() == "0987-01-02");
}

TEST_CASE("dates compare by year, then month, then day", "[model]") {
  CHECK(Date{2026, 4, 14} < Date{2026, 4, 15});
  CHECK(Date{2025, 12, 31} < Date{2026, 1, 1});
  CHECK(Date{2021, 4, 0} < Date{2021, 4, 1});  // a month sorts before its days
  CHECK_FALSE(Date{2026, 4, 14} < Date{2026, 4, 14});
  CHECK(Date{2026, 4, 14} == Date{2026, 4, 14});
  CHECK(Date{2026, 4, 14} <= Date{2026, 4, 14});
  CHECK_FALSE(Date{2026, 4, 15} <= Date{2026, 4, 14});
}

TEST_CASE("times of day print as hh:mm, past midnight as the next day's clock", "[model]") {
  CHECK(TimeOfDay{570}.hhmm() == "09:30");
  CHECK(TimeOfDay{0}.hhmm() == "00:00");
  CHECK(TimeOfDay{1439}.hhmm() == "23:59");
  CHECK(TimeOfDay{1440 + 15}.hhmm() == "00:15");
}

TEST_CASE("committee look-ups find records by id and return null when absent", "[model]") {
  Committee c;
  c.plenaries.push_back({});
  c.plenaries.back().id = "CCX-30";
  c.sectors.push_back({});
  c.sectors.back().id = "health";
  c.stakeholders.push_back({});
  c.stakeholders.back().id = "IFCC";
  c.criteria.push_back({});
  c.criteria.back().id = "international";
  c.task_groups.push_back({});
  c.task_groups.back().id = "CCX-TG-A";
  c.agendas.push_back({});
  c.agendas.back().plenary.id = "CCX-30";
  c.plan.push_back({});
  c.plan.back().plenary.id = "CCX-30";

  REQUIRE(c.plenary("CCX-30"));
  CHECK(c.plenary("CCX-30")->id == "CCX-30");
  CHECK(c.sector("health") == &c.sectors[0]);
  CHECK(c.stakeholder("IFCC") == &c.stakeholders[0]);
  CHECK(c.criterion("international") == &c.criteria[0]);
  CHECK(c.task_group("CCX-TG-A") == &c.task_groups[0]);
  CHECK(c.agenda_for("CCX-30") == &c.agendas[0]);
  CHECK(c.plan_for("CCX-30") == &c.plan[0]);
  CHECK(c.plenary("CCX-31") == nullptr);
  CHECK(c.sector("food") == nullptr);
  CHECK(c.stakeholder("WHO") == nullptr);
  CHECK(c.criterion("x") == nullptr);
  CHECK(c.task_group("CCX-TG-B") == nullptr);
  CHECK(c.agenda_for("CCX-31") == nullptr);
  CHECK(c.plan_for("CCX-31") == nullptr);
}
