// The document register of a plenary with registered working documents (data/documents.yaml):
// every paper prepared for it or named by its agenda, in reference order, with its flags.
#include "compose/context.hpp"
#include "compose/kinds.hpp"
#include "compose/papers.hpp"
#include "model/register.hpp"

namespace plenary::compose::kinds {

DocumentKind document_register() {
  DocumentKind k;
  k.id = "document-register";
  k.scope = KindScope::Plenary;
  k.output_stem = [](const model::Committee& c, const std::string& id) -> std::string {
    if (!c.plenary(id) || model::plenary_papers(c, id).empty()) return {};
    return id + "/" + id + "-documents";
  };
  k.template_name = "document-register.md";
  k.text_keys = {"document.document_register"};
  for (const auto& key : detail::paper_text_keys()) k.text_keys.push_back(key);
  k.context = [](const detail::ContextBuilder& b, const DocumentSpec& spec,
                 detail::DocumentContext& out) {
    const model::Committee& c = b.committee_model();
    const model::Plenary* p = c.plenary(spec.id);
    if (!p || !c.documents) return false;
    detail::plenary_document(b, *p, "document.document_register", out);
    out.root.set_list("papers", detail::paper_rows(b, *p));
    out.root.set_text(
        "papers_due",
        detail::fill(b.texts_of().get("text.papers_due"),
                     {{"date", b.texts_of().date(model::papers_due(*c.documents, *p))}}));
    return true;
  };
  return k;
}

}  // namespace plenary::compose::kinds
