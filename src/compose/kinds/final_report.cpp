// The final report of a closed task group: the task group in full, with its span.
#include "compose/context.hpp"
#include "compose/kinds.hpp"

namespace plenary::compose::kinds {

DocumentKind final_report() {
  DocumentKind k;
  k.id = "final-report";
  k.scope = KindScope::TaskGroup;
  k.output_stem = [](const model::Committee& c, const std::string& id) -> std::string {
    const model::TaskGroup* tg = c.task_group(id);
    if (!tg || tg->status != model::TaskGroupStatus::Closed) return {};
    return "task-groups/" + id + "-final-report";
  };
  k.template_name = "task-group-report.md";
  k.text_keys = {"document.final_report"};
  k.context = [](const detail::ContextBuilder& b, const DocumentSpec& spec,
                 detail::DocumentContext& out) {
    const model::Committee& c = b.committee_model();
    const model::TaskGroup* tg = c.task_group(spec.id);
    if (!tg) return false;
    const detail::Texts& tx = b.texts_of();
    out.document_name = tx.get("document.final_report");
    detail::Value v = b.tg_full(*tg);
    std::string span;
    if (tg->established) span = tx.date(*tg->established);
    if (tg->closed) span += " \xE2\x86\x92 " + tx.date(*tg->closed);
    v.set_text("span", span);
    out.root.set("tg", std::move(v));
    out.meta.subject = tg->name;
    out.meta.date = tg->closed        ? detail::iso(*tg->closed)
                    : tg->established ? detail::iso(*tg->established)
                                      : "";
    out.meta.keywords = detail::join({c.committee.id, tg->id, out.document_name});
    return true;
  };
  return k;
}

}  // namespace plenary::compose::kinds
