// The agenda of a plenary that has an agenda file: the days and their items.
#include "compose/context.hpp"
#include "compose/kinds.hpp"

namespace plenary::compose::kinds {

DocumentKind agenda() {
  DocumentKind k;
  k.id = "agenda";
  k.scope = KindScope::Plenary;
  k.output_stem = [](const model::Committee& c, const std::string& id) -> std::string {
    if (!c.agenda_for(id)) return {};
    return id + "/" + id + "-agenda";
  };
  k.template_name = "agenda.md";
  k.text_keys = {"document.agenda"};
  k.context = [](const detail::ContextBuilder& b, const DocumentSpec& spec,
                 detail::DocumentContext& out) {
    const model::Committee& c = b.committee_model();
    const model::Plenary* p = c.plenary(spec.id);
    if (!p) return false;
    const model::Agenda* a = c.agenda_for(p->id);
    if (!a) return false;
    detail::plenary_document(b, *p, "document.agenda", out);
    out.root.set("agenda", b.agenda(*a, *p));
    return true;
  };
  return k;
}

}  // namespace plenary::compose::kinds
