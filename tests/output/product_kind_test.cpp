// A document kind whose product is not a paged Document (registered in this test only) takes
// part in the plan like the others: planned when its format is selected, selected by --only,
// and fingerprinted from the inputs it declares.
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

std::string calendar_inputs(const model::Committee& c, const compose::DocumentSpec& spec) {
  const model::Plenary* p = c.plenary(spec.id);
  return p ? p->id + " " + p->start.iso() + " " + p->venue : std::string();
}

// An ICS-like calendar per plenary, selected by --format md (a registered format name).
const compose::KindRegistration calendar{[] {
  compose::DocumentKind k;
  k.id = "test-calendar";
  k.scope = compose::KindScope::Plenary;
  k.output_stem = [](const model::Committee&, const std::string& id) {
    return id + "/" + id + "-calendar";
  };
  compose::Product product;
  product.format = "md";
  product.extension = "ics";
  product.inputs = calendar_inputs;
  product.write = [](const model::Committee& c, const compose::DocumentSpec& spec,
                     const compose::TemplateSet&,
                     const compose::OutputFiles&) { return calendar_inputs(c, spec); };
  k.product = product;
  return k;
}()};

}  // namespace

TEST_CASE("a product kind is planned after its plenary's documents when its format is selected",
          "[output][plan][kinds]") {
  const std::string id = sample().plenaries.back().id;
  OutputPlan md;
  Diagnostics diags;
  std::string usage;
  REQUIRE(plan_outputs(sample(), {id}, {"md"}, md, diags, usage));
  const auto planned = paths(md);
  REQUIRE(planned.size() >= 2);
  CHECK(planned[planned.size() - 2] == id + "/" + id + "-briefing-pack.md");
  CHECK(planned.back() == id + "/" + id + "-calendar.ics");
  CHECK(md.outputs.back().format == nullptr);  // written by the kind, not by a format row

  OutputPlan pdf;
  REQUIRE(plan_outputs(sample(), {id}, {"pdf"}, pdf, diags, usage));
  for (const auto& path : paths(pdf)) CHECK(path.find("-calendar") == std::string::npos);
}

TEST_CASE("a product kind is fingerprinted from the inputs it declares", "[output][kinds]") {
  model::Committee c = sample();
  const auto specs = compose::plan_documents(c);
  const auto it = std::find_if(specs.begin(), specs.end(),
                               [](const auto& s) { return s.kind == "test-calendar"; });
  REQUIRE(it != specs.end());
  compose::TemplateSet templates;
  const std::string before = compose::fingerprint(c, *it, templates);
  CHECK(compose::fingerprint(c, *it, templates) == before);
  for (auto& p : c.plenaries)
    if (p.id == it->id) p.venue += " (moved)";
  CHECK(compose::fingerprint(c, *it, templates) != before);
}

TEST_CASE("a spec of a kind the table does not hold is an error, not a crash", "[output][kinds]") {
  const compose::DocumentSpec spec{"no-such-kind", sample().plenaries.front().id, "x/y"};
  compose::TemplateSet templates;
  Diagnostics diags;
  CHECK_FALSE(compose::compose(sample(), spec, templates, diags));
  CHECK(diags.has_errors());
  CHECK_FALSE(compose::fingerprint(sample(), spec, templates).empty());
}
