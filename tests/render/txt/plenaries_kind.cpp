// Two document kinds for the test build only whose products are not paged Documents: a
// plain-text list of the committee's plenaries, written straight from the model, selected by
// --format txt and by --only with the committee's id; and a book per plenary made of other
// outputs. They take part in the plan, the manifest and the incremental decision like every
// document (txt_format.sh).
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
                     const compose::TemplateSet&,
                     const compose::OutputFiles&) { return plenary_list(c, spec); };
  k.product = product;
  return k;
}

// A plenary's book: its agenda and briefing pack as plain text, one after the other, made of
// those outputs (Product::input_outputs), so it is written after them and rebuilt with them.
std::vector<std::string> book_parts(const model::Committee& c, const compose::DocumentSpec& spec) {
  std::vector<std::string> paths;
  for (const char* kind : {"agenda", "briefing-pack"}) {
    const std::string stem = compose::find_kind(kind)->output_stem(c, spec.id);
    if (!stem.empty()) paths.push_back(stem + ".txt");
  }
  return paths;
}

compose::DocumentKind book_kind() {
  compose::DocumentKind k;
  k.id = "plenary-book";
  k.scope = compose::KindScope::Plenary;
  k.output_stem = [](const model::Committee&, const std::string& id) {
    return id + "/" + id + "-book";
  };
  compose::Product product;
  product.format = "txt";
  product.extension = "txt";
  product.inputs = [](const model::Committee&, const compose::DocumentSpec& spec) {
    return spec.id;
  };
  product.input_outputs = book_parts;
  product.write = [](const model::Committee& c, const compose::DocumentSpec& spec,
                     const compose::TemplateSet&, const compose::OutputFiles& outputs) {
    std::string book;
    for (const auto& path : book_parts(c, spec)) book += outputs.at(path);
    return book;
  };
  k.product = product;
  return k;
}

const compose::KindRegistration registration{plenaries_kind()};
const compose::KindRegistration book{book_kind()};

}  // namespace
