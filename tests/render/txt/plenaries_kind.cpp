// A document kind for the test build only whose product is not a paged Document: one plain-text
// list of the committee's plenaries, written straight from the model, selected by --format txt
// and by --only with the committee's id. It takes part in the plan, the manifest and the
// incremental decision like every document (txt_format.sh).
#include "compose/kinds.hpp"

namespace {

using namespace plenary;

std::string plenary_list(const model::Committee& c, const compose::DocumentSpec&) {
  std::string text;
  for (const auto& p : c.plenaries) text += p.id + " " + p.start.iso() + " " + p.venue + "\n";
  return text;
}

compose::DocumentKind plenaries_kind() {
  compose::DocumentKind k;
  k.id = "plenary-list";
  k.scope = compose::KindScope::Committee;
  k.output_stem = [](const model::Committee&, const std::string& id) { return id + "-plenaries"; };
  k.only_matches = [](const model::Committee&, const compose::DocumentSpec& spec,
                      const std::string& id) { return id == spec.id; };
  compose::Product product;
  product.format = "txt";
  product.extension = "txt";
  product.inputs = plenary_list;
  product.write = [](const model::Committee& c, const compose::DocumentSpec& spec,
                     const compose::TemplateSet&) { return plenary_list(c, spec); };
  k.product = product;
  return k;
}

const compose::KindRegistration registration{plenaries_kind()};

}  // namespace
