#include <catch2/catch.hpp>

#include <algorithm>

#include "compose/kinds.hpp"
#include "model/check.hpp"
#include "output/plan.hpp"
#include "plan_fixture.hpp"

using namespace plenary;
using output::detail::OutputPlan;
using output::detail::plan_outputs;
using test::paths;
using test::sample;

namespace {

const model::TaskGroup* task_group_with(model::TaskGroupStatus status) {
  for (const auto& t : sample().task_groups)
    if (t.status == status) return &t;
  return nullptr;
}
}  // namespace

TEST_CASE("every planned document gets one output per format, PDF before DOCX", "[build][plan]") {
  OutputPlan plan;
  Diagnostics diags;
  std::string usage;
  REQUIRE(plan_outputs(sample(), {}, {"pdf", "docx"}, plan, diags, usage));
  CHECK(diags.empty());
  // A product (the meeting book, pdf) has its one file, in its format only.
  std::size_t at = 0, paged = 0;
  for (std::size_t i = 0; i < plan.documents.size(); ++i) {
    const auto& product = compose::kind_of(plan.documents[i]).product;
    if (product) {
      if (at < plan.outputs.size() && plan.outputs[at].document == i)
        CHECK(plan.outputs[at++].path == plan.documents[i].output_stem + "." + product->extension);
      continue;
    }
    ++paged;
    REQUIRE(at + 1 < plan.outputs.size());
    CHECK(plan.outputs[at++].path == plan.documents[i].output_stem + ".pdf");
    CHECK(plan.outputs[at++].path == plan.documents[i].output_stem + ".docx");
  }
  CHECK(at == plan.outputs.size());
  OutputPlan md;
  REQUIRE(plan_outputs(sample(), {}, {"md"}, md, diags, usage));
  REQUIRE(md.outputs.size() == paged);
  CHECK(md.outputs.front().path == plan.documents.front().output_stem + ".md");
}

TEST_CASE("--only keeps the documents of the named plenaries and task groups", "[build][plan]") {
  const auto& plenary = sample().plenaries.front();
  const auto* closed = task_group_with(model::TaskGroupStatus::Closed);
  REQUIRE(closed);
  OutputPlan plan;
  Diagnostics diags;
  std::string usage;
  REQUIRE(plan_outputs(sample(), {plenary.id, closed->id}, {"pdf"}, plan, diags, usage));
  CHECK(diags.empty());
  for (const auto& spec : plan.documents) CHECK((spec.id == plenary.id || spec.id == closed->id));
  auto p = paths(plan);
  CHECK(std::count(p.begin(), p.end(), plenary.id + "/" + plenary.id + "-briefing-pack.pdf") == 1);
  CHECK(std::count(p.begin(), p.end(), "task-groups/" + closed->id + "-final-report.pdf") == 1);
}

TEST_CASE("an --only id that names nothing is a usage error with a hint", "[build][plan]") {
  const std::string id = sample().plenaries.front().id;
  OutputPlan plan;
  Diagnostics diags;
  std::string usage;
  CHECK_FALSE(plan_outputs(sample(), {id + "x"}, {}, plan, diags, usage));
  CHECK(usage == "--only " + id + "x: no plenary or task group has this id (hint: did you mean '" +
                     id + "'?)");
}

TEST_CASE("--only with a task group that is not closed warns that it has no report",
          "[build][plan]") {
  const auto* active = task_group_with(model::TaskGroupStatus::Active);
  REQUIRE(active);
  OutputPlan plan;
  Diagnostics diags;
  std::string usage;
  REQUIRE(plan_outputs(sample(), {active->id}, {}, plan, diags, usage));
  // Its web page only (all includes html).
  CHECK(paths(plan) == std::vector<std::string>{"task-groups/" + active->id + ".html"});
  REQUIRE(diags.items().size() == 1);
  CHECK(diags.items()[0].severity == Severity::Warning);
  CHECK(diags.items()[0].pos.path == active->pos.path);
  CHECK(diags.items()[0].message ==
        "--only " + active->id + ": task group is not closed, so it has no final report");
}

TEST_CASE("a product sees every file the run writes in its formats, --only aside",
          "[build][plan][site]") {
  OutputPlan full;
  Diagnostics diags;
  std::string usage;
  REQUIRE(plan_outputs(sample(), {}, {"pdf", "html"}, full, diags, usage));
  const auto index = std::find_if(full.documents.begin(), full.documents.end(),
                                  [](const auto& d) { return d.kind == "site-index"; });
  REQUIRE(index != full.documents.end());
  REQUIRE(index->run_outputs);
  std::vector<std::string> listed;
  for (const auto& out : *index->run_outputs) listed.push_back(out.path);
  CHECK(listed == paths(full));  // the same files, in plan order
  for (const auto& doc : full.documents)
    CHECK(static_cast<bool>(doc.run_outputs) == compose::kind_of(doc).product.has_value());

  // --only narrows what is written, not what a product lists.
  const std::string plenary = sample().plenaries.front().id;
  OutputPlan only;
  REQUIRE(plan_outputs(sample(), {plenary}, {"pdf", "html"}, only, diags, usage));
  const auto page = std::find_if(only.documents.begin(), only.documents.end(),
                                 [](const auto& d) { return d.kind == "site-plenary"; });
  REQUIRE(page != only.documents.end());
  REQUIRE(page->run_outputs);
  CHECK(page->run_outputs->size() == listed.size());
  CHECK(paths(only).size() < listed.size());
}
