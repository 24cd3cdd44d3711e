// The decisions and actions of a held plenary (data/outcomes/<P>.yaml): its numbered
// decisions, its actions, and the earlier plenaries' actions closed at it.
#include "compose/context.hpp"
#include "compose/kinds.hpp"
#include "compose/outcomes.hpp"

namespace plenary::compose::kinds {

DocumentKind decisions() {
  DocumentKind k;
  k.id = "decisions";
  k.scope = KindScope::Plenary;
  k.output_stem = [](const model::Committee& c, const std::string& id) -> std::string {
    if (!c.plenary(id) || !c.outcomes_for(id)) return {};
    return id + "/" + id + "-decisions";
  };
  k.template_name = "decisions.md";
  k.text_keys = {"document.decisions"};
  k.context = [](const detail::ContextBuilder& b, const DocumentSpec& spec,
                 detail::DocumentContext& out) {
    const model::Committee& c = b.committee_model();
    const model::Plenary* p = c.plenary(spec.id);
    if (!p || !c.outcomes_for(p->id)) return false;
    out.document_name = b.texts_of().get("document.decisions");
    out.root.set("plenary", b.plenary(*p));
    detail::outcomes_values(b, *p, out.root);
    out.meta.subject = b.plenary_title(*p);
    out.meta.date = p->end ? detail::iso(*p->end) : detail::iso(p->start);
    out.meta.keywords = detail::join({c.committee.id, p->id, out.document_name});
    return true;
  };
  return k;
}

}  // namespace plenary::compose::kinds
