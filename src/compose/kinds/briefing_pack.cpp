// The briefing pack of a plenary: its agenda, the sector in focus, the task-group register, the
// task groups reporting, the stakeholders and the focus plan.
#include <algorithm>
#include <set>

#include "compose/context.hpp"
#include "compose/kinds.hpp"
#include "compose/outcomes.hpp"
#include "compose/papers.hpp"

namespace plenary::compose::kinds {

namespace {

using detail::ContextBuilder;
using detail::Value;

// The three plenaries before `p`, oldest first.
std::vector<const model::Plenary*> last_three(const model::Committee& c, const model::Plenary& p) {
  std::vector<const model::Plenary*> before;
  for (const auto& q : c.plenaries) {
    if (q.id != p.id && detail::date_less(q.start, p.start)) before.push_back(&q);
  }
  std::stable_sort(before.begin(), before.end(),
                   [](const model::Plenary* a, const model::Plenary* b) {
                     return detail::date_less(a->start, b->start);
                   });
  if (before.size() > 3) before.erase(before.begin(), before.end() - 3);
  return before;
}

bool in_sector(const std::vector<model::Ref>& sectors, const std::string& sector) {
  return std::any_of(sectors.begin(), sectors.end(),
                     [&](const model::Ref& r) { return r.id == sector; });
}

Value focus_full(const ContextBuilder& b, const model::PlanEntry& plan) {
  const model::Committee& c = b.committee_model();
  Value f = b.focus_brief(plan);
  const model::Sector* s = c.sector(plan.sector.id);
  f.set_text("sector_id", plan.sector.id);
  f.set_md("description", s && s->description ? s->description->source : "");
  f.set_md("rationale", plan.rationale ? plan.rationale->source : "");
  f.set("lead", plan.lead ? b.person(*plan.lead) : Value::boolean(false));
  f.set_list("questions", ContextBuilder::md_list(plan.questions));
  std::set<std::string> invited;
  for (const auto& r : plan.invited) invited.insert(r.id);
  Value others = Value::list();
  for (const auto& st : c.stakeholders) {
    if (invited.count(st.id)) continue;
    if (in_sector(st.sectors, plan.sector.id)) others.push(b.stakeholder_brief(st));
  }
  f.set_list("other_stakeholders", std::move(others));
  Value tgs = Value::list();
  for (const auto& tg : c.task_groups) {
    if (in_sector(tg.sectors, plan.sector.id)) tgs.push(b.tg_brief(tg));
  }
  f.set_list("task_groups", std::move(tgs));
  return f;
}

Value register_row(const ContextBuilder& b, const model::TaskGroup& tg) {
  Value v = b.tg_brief(tg);
  v.set_text("chair", ContextBuilder::display(tg.chair));
  v.set_text("established", tg.established ? b.texts_of().date(*tg.established) : "");
  v.set_text("engagement", b.answer_text(tg.stakeholder_engagement));
  v.set_text("sectors", b.sector_names(tg.sectors));
  return v;
}

void collect_reported(const ContextBuilder& b, const std::vector<model::AgendaItem>& items,
                      std::set<std::string>& seen, Value& out) {
  for (const auto& item : items) {
    for (const auto& r : item.task_groups) {
      if (!seen.insert(r.id).second) continue;
      if (const model::TaskGroup* tg = b.committee_model().task_group(r.id))
        out.push(b.tg_full(*tg));
    }
    collect_reported(b, item.items, seen, out);
  }
}

void stakeholders(const ContextBuilder& b, const model::Plenary& p, Value& root) {
  const model::Committee& c = b.committee_model();
  const detail::Texts& tx = b.texts_of();
  const auto recent = last_three(c, p);
  Value last = Value::list();
  std::vector<std::string> last_ids;
  for (const auto* q : recent) {
    Value v = Value::object();
    v.set_text("id", q->id);
    v.set_text("title", b.plenary_title(*q));
    last.push(std::move(v));
    last_ids.push_back(q->id);
  }
  root.set_list("last_three", std::move(last));
  root.set_text("last_three_ids", detail::join(last_ids));

  Value table = Value::list();
  Value review = Value::list();
  for (const auto& s : c.stakeholders) {
    if (s.kind != model::StakeholderKind::Liaison && s.kind != model::StakeholderKind::Cooperation)
      continue;
    Value row = b.stakeholder_brief(s);
    row.set_text("since", s.since ? tx.date(*s.since) : "");
    row.set_text("sectors", b.sector_names(s.sectors));
    std::vector<std::string> attended;
    for (const auto* q : recent) {
      const bool went = std::any_of(s.attended.begin(), s.attended.end(),
                                    [&](const model::Ref& r) { return r.id == q->id; });
      if (went) attended.push_back(q->id);
    }
    row.set_text("attended", recent.empty()
                                 ? tx.get("text.none")
                                 : detail::fill(tx.get("text.attended_of_three"),
                                                {{"count", std::to_string(attended.size())},
                                                 {"total", std::to_string(recent.size())}}));
    row.set_text("attended_ids", detail::join(attended));
    table.push(row);

    Value r = b.stakeholder_brief(s);
    Value met = Value::list();
    Value unmet = Value::list();
    for (const auto& cr : c.criteria) {
      const bool ok = std::any_of(s.criteria_met.begin(), s.criteria_met.end(),
                                  [&](const model::Ref& m) { return m.id == cr.id; });
      Value cv = Value::object();
      cv.set_text("id", cr.id);
      cv.set_md("text", cr.text.source);
      (ok ? met : unmet).push(std::move(cv));
    }
    std::vector<std::string> met_ids, unmet_ids;
    for (const auto& m : met.items) met_ids.push_back(m.get("id")->text);
    for (const auto& m : unmet.items) unmet_ids.push_back(m.get("id")->text);
    r.set_text("met_ids", met_ids.empty() ? tx.get("text.none") : detail::join(met_ids));
    r.set_text("unmet_ids", unmet_ids.empty() ? tx.get("text.none") : detail::join(unmet_ids));
    r.set_text("attended", row.get("attended")->text);
    r.set_text("attended_ids", detail::join(attended));
    const bool none_attended = !recent.empty() && attended.empty();
    r.set("for_review", Value::boolean(!unmet.items.empty() || none_attended));
    r.set("attended_none", Value::boolean(none_attended));
    r.set_list("met", std::move(met));
    r.set_list("unmet", std::move(unmet));
    review.push(std::move(r));
  }
  root.set_list("stakeholders", std::move(table));
  root.set_list("review", std::move(review));
  Value criteria = Value::list();
  for (const auto& cr : c.criteria) {
    Value cv = Value::object();
    cv.set_text("id", cr.id);
    cv.set_md("text", cr.text.source);
    criteria.push(std::move(cv));
  }
  root.set_list("criteria", std::move(criteria));
}

void plan_table(const ContextBuilder& b, const model::Plenary& current, Value& root) {
  const model::Committee& c = b.committee_model();
  const detail::Texts& tx = b.texts_of();
  Value rows = Value::list();
  std::set<std::string> focused;
  const auto proposals = detail::proposed_sectors(c);
  bool any_proposal = false;
  for (const auto& p : c.plenaries) {
    Value row = Value::object();
    row.set_text("id", p.id);
    row.set_text("title", b.plenary_title(p));
    row.set_text("dates", tx.date_range(p.start, p.end));
    row.set_text("status", b.plenary_status_text(p.status));
    row.set("current", Value::boolean(p.id == current.id));
    row.set("proposed", Value::boolean(false));
    if (const model::PlanEntry* e = c.plan_for(p.id)) {
      const model::Sector* s = c.sector(e->sector.id);
      row.set_text("sector", s ? s->name : e->sector.id);
      focused.insert(e->sector.id);
    } else if (auto it = std::find_if(proposals.begin(), proposals.end(),
                                      [&](const auto& pr) { return pr.first == p.id; });
               it != proposals.end()) {
      const model::Sector* s = c.sector(it->second);
      row.set_text("sector",
                   detail::fill(tx.get("outcomes.proposed"), {{"sector", s ? s->name : it->second}}));
      row.set("proposed", Value::boolean(true));
      any_proposal = true;
    } else {
      row.set_text("sector", tx.get("text.none"));
    }
    rows.push(std::move(row));
  }
  root.set_list("plan", std::move(rows));
  root.set("has_proposals", Value::boolean(any_proposal));
  Value never = Value::list();
  for (const auto& s : c.sectors) {
    if (focused.count(s.id)) continue;
    Value v = Value::object();
    v.set_text("id", s.id);
    v.set_text("name", s.name);
    never.push(std::move(v));
  }
  root.set("all_in_focus", Value::boolean(never.items.empty()));
  root.set_list("never_in_focus", std::move(never));
}

bool context(const ContextBuilder& b, const DocumentSpec& spec, detail::DocumentContext& out) {
  const model::Committee& c = b.committee_model();
  const model::Plenary* p = c.plenary(spec.id);
  if (!p) return false;
  Value& root = out.root;
  detail::plenary_document(b, *p, "document.briefing_pack", out);
  out.meta.has_cover = true;
  const model::Agenda* a = c.agenda_for(p->id);
  root.set("agenda", a ? b.agenda(*a, *p) : Value::boolean(false));

  const model::PlanEntry* plan = c.plan_for(p->id);
  root.set("focus", plan ? focus_full(b, *plan) : Value::boolean(false));
  root.set("no_focus", Value::boolean(plan == nullptr));
  Value reg = Value::list();
  for (const auto& tg : c.task_groups) {
    if (tg.status == model::TaskGroupStatus::Planned || tg.status == model::TaskGroupStatus::Active)
      reg.push(register_row(b, tg));
  }
  root.set_list("register", std::move(reg));
  Value reported = Value::list();
  std::set<std::string> seen;
  if (a)
    for (const auto& d : a->days) collect_reported(b, d.items, seen, reported);
  root.set_list("reported", std::move(reported));
  stakeholders(b, *p, root);
  plan_table(b, *p, root);
  detail::governance_values(b, *p, root);
  // 9. Working documents: only with a register (data/documents.yaml). book_pages is the hook
  // for the meeting book: true once each row's book_page holds the paper's page in the book.
  root.set("working_documents", Value::boolean(c.documents.has_value()));
  root.set_list("working_papers", detail::paper_rows(b, *p));
  root.set("book_pages", Value::boolean(false));
  return true;
}

}  // namespace

DocumentKind briefing_pack() {
  DocumentKind k;
  k.id = "briefing-pack";
  k.scope = KindScope::Plenary;
  k.output_stem = [](const model::Committee& c, const std::string& id) -> std::string {
    if (!c.plenary(id)) return {};
    return id + "/" + id + "-briefing-pack";
  };
  k.template_name = "briefing-pack.md";
  k.text_keys = {"document.briefing_pack"};
  k.context = context;
  return k;
}

}  // namespace plenary::compose::kinds
