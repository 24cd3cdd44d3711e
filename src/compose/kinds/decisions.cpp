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
  // The fixed texts the program itself reads for outcomes (compose/outcomes.cpp), here for the
  // pack's section 8 and rotation too: required_text_keys is the union of every kind's.
  k.text_keys = {"document.decisions",
                 "outcomes.kind_decision",
                 "outcomes.kind_recommendation",
                 "outcomes.kind_resolution",
                 "outcomes.status_open",
                 "outcomes.status_done",
                 "outcomes.status_dropped",
                 "outcomes.proposed",
                 "outcomes.finding_past_term",
                 "outcomes.finding_since_established",
                 "outcomes.finding_since_extended",
                 "outcomes.finding_no_members",
                 "outcomes.finding_absent",
                 "outcomes.finding_criteria",
                 "outcomes.finding_withdrawn",
                 "outcomes.finding_late"};
  k.context = [](const detail::ContextBuilder& b, const DocumentSpec& spec,
                 detail::DocumentContext& out) {
    const model::Committee& c = b.committee_model();
    const model::Plenary* p = c.plenary(spec.id);
    if (!p || !c.outcomes_for(p->id)) return false;
    detail::plenary_document(b, *p, "document.decisions", out);
    detail::outcomes_values(b, *p, out.root);
    out.meta.date = p->end ? detail::iso(*p->end) : detail::iso(p->start);  // taken on its last day
    return true;
  };
  return k;
}

}  // namespace plenary::compose::kinds
