// The register's look-ups: which revision a reference names, reference order, due dates,
// lateness, a plenary's papers and the agenda items naming them, superseding papers.
#include <catch2/catch.hpp>

#include "model/register.hpp"

using namespace plenary::model;

namespace {

Paper paper(const std::string& ref, const std::string& revision, Date date,
            const std::string& plenary = "") {
  Paper p;
  p.ref = ref;
  p.revision = revision;
  p.date = date;
  if (!plenary.empty()) p.plenary = Ref{plenary, {}};
  return p;
}

Committee committee() {
  Committee c;
  c.plenaries.push_back({});
  c.plenaries.back().id = "CCX-30";
  c.plenaries.back().start = {2026, 4, 14};
  Register reg;
  reg.documents = {paper("CCX/26-10", "", {2026, 3, 3}, "CCX-30"),
                   paper("CCX/26-07", "", {2026, 1, 5}, "CCX-30"),
                   paper("CCX/26-07", "b", {2026, 3, 4}, "CCX-30"),
                   paper("CCX/25-02", "", {2025, 1, 5}), paper("CCX/26-100", "", {2026, 2, 1})};
  reg.documents[0].replaces = Ref{"CCX/25-02", {}};
  c.documents = reg;
  Agenda a;
  a.plenary.id = "CCX-30";
  AgendaDay d;
  AgendaItem i4, i41;
  i4.number = "4";
  i4.documents = {"CCX/26-100"};
  i41.number = "4.1";
  i41.documents = {"CCX/26-07", "CCX/26-07"};
  i4.items.push_back(i41);
  d.items.push_back(i4);
  a.days.push_back(d);
  c.agendas.push_back(a);
  return c;
}

}  // namespace

TEST_CASE("a reference without its letter names the latest revision", "[model][register]") {
  Committee c = committee();
  const Register& reg = *c.documents;
  REQUIRE(reg.find("CCX/26-07"));
  CHECK(reg.find("CCX/26-07")->full_ref() == "CCX/26-07b");
  CHECK(reg.find("CCX/26-07b") == &reg.documents[2]);
  CHECK(reg.find("CCX/26-10") == &reg.documents[0]);
  CHECK(reg.find("CCX/26-07c") == nullptr);
  CHECK(reg.find("CCX/26-7") == nullptr);
}

TEST_CASE("references sort with their numbers compared as numbers", "[model][register]") {
  CHECK(reference_less("CCX/26-07", "CCX/26-10"));
  CHECK(reference_less("CCX/26-99", "CCX/26-100"));
  CHECK(reference_less("CCX/25-99", "CCX/26-01"));
  CHECK_FALSE(reference_less("CCX/26-10", "CCX/26-10"));
  CHECK_FALSE(reference_less("CCX/26-100", "CCX/26-99"));
}

TEST_CASE("papers are due papers_due_days before the start; later ones are late",
          "[model][register]") {
  Committee c = committee();
  CHECK(papers_due(*c.documents, c.plenaries[0]).iso() == "2026-03-03");
  CHECK_FALSE(is_late(c, c.documents->documents[0]));  // on the due date
  CHECK(is_late(c, c.documents->documents[2]));        // the day after
  CHECK_FALSE(is_late(c, c.documents->documents[4]));  // no plenary
  c.documents->documents[2].status = DocumentStatus::Withdrawn;
  CHECK_FALSE(is_late(c, c.documents->documents[2]));
  c.documents->papers_due_days = 0;
  CHECK(papers_due(*c.documents, c.plenaries[0]).iso() == "2026-04-14");
}

TEST_CASE("a plenary's papers: its own and its agenda's, in reference order, each once",
          "[model][register]") {
  Committee c = committee();
  std::vector<std::string> refs;
  for (const Paper* p : plenary_papers(c, "CCX-30")) refs.push_back(p->full_ref());
  CHECK(refs == std::vector<std::string>{"CCX/26-07", "CCX/26-07b", "CCX/26-10", "CCX/26-100"});
  CHECK(plenary_papers(c, "CCX-31").empty());
  const Register& reg = *c.documents;
  CHECK(items_naming(c, "CCX-30", reg.documents[2]) == std::vector<std::string>{"4.1"});
  CHECK(items_naming(c, "CCX-30", reg.documents[4]) == std::vector<std::string>{"4"});
  CHECK(items_naming(c, "CCX-30", reg.documents[1]).empty());  // 26-07 names the b revision
}

TEST_CASE("a paper is superseded by a later revision or by the paper replacing it",
          "[model][register]") {
  Committee c = committee();
  const Register& reg = *c.documents;
  CHECK(superseded_by(reg, reg.documents[1]) == "CCX/26-07b");
  CHECK(superseded_by(reg, reg.documents[2]).empty());
  CHECK(superseded_by(reg, reg.documents[3]) == "CCX/26-10");
  CHECK(superseded_by(reg, reg.documents[0]).empty());
}
