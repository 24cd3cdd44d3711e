#include "compose/outcomes.hpp"

#include <algorithm>
#include <cctype>
#include <tuple>

#include "compose/anchors.hpp"
#include "compose/rotation.hpp"
#include "core/civil_date.hpp"

namespace plenary::compose::detail {

namespace {

std::string number_prefix(const model::Committee& c, const model::Plenary& p) {
  return c.committee.id + "/" + std::to_string(p.number) + "-";
}

// "data/task-groups/CCQM-TG-MNP.yaml:4": where a finding's record is written.
std::string where(const SourcePos& pos, const std::string& fallback_path) {
  const std::string& path = pos.path.empty() ? fallback_path : pos.path;
  if (path.empty()) return {};
  return pos.line > 0 ? path + ":" + std::to_string(pos.line) : path;
}

std::string kind_text(const Texts& tx, model::DecisionKind k) {
  switch (k) {
    case model::DecisionKind::Recommendation:
      return tx.get("outcomes.kind_recommendation");
    case model::DecisionKind::Resolution:
      return tx.get("outcomes.kind_resolution");
    default:
      return tx.get("outcomes.kind_decision");
  }
}

std::string status_text(const Texts& tx, model::ActionStatus s) {
  switch (s) {
    case model::ActionStatus::Done:
      return tx.get("outcomes.status_done");
    case model::ActionStatus::Dropped:
      return tx.get("outcomes.status_dropped");
    default:
      return tx.get("outcomes.status_open");
  }
}

bool id_char(char ch) {
  const unsigned char c = static_cast<unsigned char>(ch);
  return std::isalnum(c) || c == '-' || c == '_' || c == '/' || c >= 0x80;
}

// The ids an outcome's (md) field may name, each with the anchor of its section: task groups
// (their section in the pack, #tg-…), decisions of any plenary (#decision-…) and registered
// documents (#doc-…, or the refs the decisions name when there is no register).
std::vector<std::pair<std::string, std::string>> linkable_ids(const model::Committee& c) {
  std::vector<std::pair<std::string, std::string>> ids;
  for (const auto& tg : c.task_groups) ids.emplace_back(tg.id, "tg-" + slug(tg.id));
  for (const auto& o : c.outcomes) {
    const model::Plenary* p = c.plenary(o.plenary.id);
    if (!p) continue;
    for (const auto& d : o.decisions) {
      const std::string label = decision_label(c, *p, d.number);
      ids.emplace_back(label, "decision-" + slug(label));
      if (!c.documents)
        for (const auto& r : d.documents) ids.emplace_back(r.id, "doc-" + slug(r.id));
    }
  }
  if (c.documents)
    for (const auto& paper : c.documents->documents) {
      ids.emplace_back(paper.ref, "doc-" + slug(paper.ref));
      if (!paper.revision.empty()) ids.emplace_back(paper.full_ref(), "doc-" + slug(paper.ref));
    }
  // Longest first, so that "CCQM/27-10" is tried before "CCQM/27-1".
  std::stable_sort(ids.begin(), ids.end(), [](const auto& a, const auto& b) {
    return a.first.size() > b.first.size();
  });
  return ids;
}

}  // namespace

std::string link_ids(const model::Committee& c, const std::string& source) {
  const auto ids = linkable_ids(c);
  std::string out;
  out.reserve(source.size());
  bool code = false;    // inside `code`
  int bracket = 0;      // inside a link's [text]
  bool target = false;  // inside a link's (target)
  for (std::size_t i = 0; i < source.size();) {
    const char ch = source[i];
    if (ch == '\\' && i + 1 < source.size()) {
      out.append(source, i, 2);
      i += 2;
      continue;
    }
    if (ch == '`') code = !code;
    if (!code) {
      if (ch == '[') ++bracket;
      if (ch == ']' && bracket > 0) {
        --bracket;
        target = i + 1 < source.size() && source[i + 1] == '(';
      } else if (ch == ')' && target) {
        target = false;
      }
    }
    const bool at_start = i == 0 || !id_char(source[i - 1]);
    if (!code && bracket == 0 && !target && at_start) {
      bool linked = false;
      for (const auto& [id, anchor] : ids) {
        if (source.compare(i, id.size(), id) != 0) continue;
        const std::size_t end = i + id.size();
        // Not followed by more of an id ("CCQM-TG-A" in "CCQM-TG-AB", "CCQM/27-1" in
        // "CCQM/27-1.5"); a sentence's full stop may follow.
        const bool at_end =
            end == source.size() ||
            (!id_char(source[end]) &&
             !(source[end] == '.' && end + 1 < source.size() &&
               std::isalnum(static_cast<unsigned char>(source[end + 1]))));
        if (!at_end)
          continue;
        out += "[" + id + "](#" + anchor + ")";
        i = end;
        linked = true;
        break;
      }
      if (linked) continue;
    }
    out += ch;
    ++i;
  }
  return out;
}

namespace {

std::string ref_ids(const std::vector<model::Ref>& refs) {
  std::vector<std::string> ids;
  for (const auto& r : refs) ids.push_back(r.id);
  return join(ids);
}

Value decision_value(const ContextBuilder& b, const model::Plenary& p, const model::Decision& d) {
  const model::Committee& c = b.committee_model();
  const Texts& tx = b.texts_of();
  Value v = Value::object();
  const std::string label = decision_label(c, p, d.number);
  v.set_text("label", label);
  v.set_text("anchor", "decision-" + slug(label));
  v.set_md("text", link_ids(c, d.text.source));
  v.set_text("kind", kind_text(tx, d.kind));
  v.set_text("item", d.item);
  v.set_text("task_groups", ref_ids(d.task_groups));
  v.set_text("documents", ref_ids(d.documents));
  return v;
}

Value action_value(const ContextBuilder& b, const model::Plenary& p, const model::Action& a,
                   const model::Plenary* at) {
  const model::Committee& c = b.committee_model();
  const Texts& tx = b.texts_of();
  Value v = Value::object();
  const std::string label = action_label(c, p, a.number);
  v.set_text("label", label);
  v.set_text("anchor", "action-" + slug(label));
  v.set_text("plenary", p.id);
  v.set_md("text", link_ids(c, a.text.source));
  v.set_text("owner", ContextBuilder::display(a.owner));
  v.set_text("body", a.body ? a.body->id : "");
  std::string due;
  if (a.due_date) due = tx.date(*a.due_date);
  if (a.due_plenary) due = a.due_plenary->id;
  v.set_text("due", due.empty() ? tx.get("text.none") : due);
  v.set_text("status", status_text(tx, a.status));
  v.set_text("closed_at", a.closed_at ? a.closed_at->id : "");
  v.set_md("notes", a.notes ? link_ids(c, a.notes->source) : "");
  v.set("overdue", Value::boolean(at && overdue_at(c, a, *at)));
  return v;
}

// The date `years` after `d`, at the same precision.
model::Date add_years(model::Date d, int years) {
  d.year += years;
  if (d.month == 2 && d.day == 29 && !core::is_leap_year(d.year)) d.day = 28;
  return d;
}

// Whether a term ending `end` (a year, month or day) is over on `day`.
bool ended_before(const model::Date& end, const model::Date& day) {
  if (end.month == 0) return end.year < day.year;
  if (end.day == 0) return std::tie(end.year, end.month) < std::tie(day.year, day.month);
  return date_less(end, day);
}

Value finding(const std::string& text, const std::string& record, const std::string& id) {
  Value v = Value::object();
  v.set_text("text", text);
  v.set_text("record", record);
  v.set_text("id", id);
  return v;
}

std::vector<const model::Plenary*> three_before(const model::Committee& c, const model::Plenary& p) {
  std::vector<const model::Plenary*> before;
  for (const auto& q : c.plenaries)
    if (q.id != p.id && date_less(q.start, p.start)) before.push_back(&q);
  if (before.size() > 3) before.erase(before.begin(), before.end() - 3);
  return before;
}

}  // namespace

std::string decision_label(const model::Committee& c, const model::Plenary& p, int number) {
  return number_prefix(c, p) + std::to_string(number);
}

std::string action_label(const model::Committee& c, const model::Plenary& p, int number) {
  return number_prefix(c, p) + "A" + std::to_string(number);
}

bool overdue_at(const model::Committee& c, const model::Action& a, const model::Plenary& at) {
  if (a.due_plenary) {
    const model::Plenary* due = c.plenary(a.due_plenary->id);
    return due && date_less(due->start, at.start);
  }
  return a.due_date && date_less(*a.due_date, at.start);
}

void outcomes_values(const ContextBuilder& b, const model::Plenary& p, Value& root) {
  const model::Committee& c = b.committee_model();
  Value decisions = Value::list();
  Value actions = Value::list();
  if (const model::Outcomes* o = c.outcomes_for(p.id)) {
    for (const auto& d : o->decisions) decisions.push(decision_value(b, p, d));
    for (const auto& a : o->actions) actions.push(action_value(b, p, a, nullptr));
  }
  root.set_list("decisions", std::move(decisions));
  root.set_list("actions", std::move(actions));
  Value closed = Value::list();
  for (const auto& o : c.outcomes) {
    if (o.plenary.id == p.id) continue;
    const model::Plenary* from = c.plenary(o.plenary.id);
    if (!from) continue;
    for (const auto& a : o.actions)
      if (a.closed_at && a.closed_at->id == p.id) closed.push(action_value(b, *from, a, nullptr));
  }
  root.set_list("closed_here", std::move(closed));
}

void governance_values(const ContextBuilder& b, const model::Plenary& p, Value& root) {
  const model::Committee& c = b.committee_model();
  const Texts& tx = b.texts_of();
  // Actions of earlier plenaries not yet closed when `p` meets: open, or closed at `p` or later.
  Value open = Value::list();
  for (const auto& o : c.outcomes) {
    const model::Plenary* from = c.plenary(o.plenary.id);
    if (!from || !date_less(from->start, p.start)) continue;
    for (const auto& a : o.actions) {
      bool still_open = a.status == model::ActionStatus::Open;
      if (!still_open && a.closed_at)
        if (const model::Plenary* closed = c.plenary(a.closed_at->id))
          still_open = !date_less(closed->start, p.start);
      if (still_open) open.push(action_value(b, *from, a, &p));
    }
  }
  root.set_list("open_actions", std::move(open));

  Value findings = Value::list();
  if (c.task_group_term_years) {
    const int years = *c.task_group_term_years;
    for (const auto& tg : c.task_groups) {
      if (tg.status != model::TaskGroupStatus::Active || !tg.established) continue;
      model::Date from = *tg.established;
      std::string since = fill(tx.get("outcomes.finding_since_established"), {{"date", tx.date(from)}});
      for (const auto& e : tg.extensions)
        if (const model::Plenary* q = c.plenary(e.approved_at.id))
          if (date_less(from, q->start)) {
            from = q->start;
            since = fill(tx.get("outcomes.finding_since_extended"), {{"plenary", q->id}, {"date", tx.date(from)}});
          }
      const model::Date end = add_years(from, years);
      if (ended_before(end, p.start))
        findings.push(finding(fill(tx.get("outcomes.finding_past_term"),
                                   {{"id", tg.id},
                                    {"years", std::to_string(years)},
                                    {"since", since},
                                    {"end", tx.date(end)}}),
                              where(tg.pos, tg.source_file), tg.id));
    }
  }
  for (const auto& tg : c.task_groups)
    if (tg.status == model::TaskGroupStatus::Active && tg.members.empty())
      findings.push(finding(fill(tx.get("outcomes.finding_no_members"), {{"id", tg.id}}),
                            where(tg.pos, tg.source_file), tg.id));
  const auto recent = three_before(c, p);
  for (const auto& s : c.stakeholders) {
    if (s.kind != model::StakeholderKind::Liaison && s.kind != model::StakeholderKind::Cooperation)
      continue;
    const std::string record = where(s.pos, "data/stakeholders.yaml");
    bool attended = false;
    for (const auto* q : recent)
      for (const auto& r : s.attended) attended = attended || r.id == q->id;
    if (!recent.empty() && !attended) {
      std::vector<std::string> ids;
      for (const auto* q : recent) ids.push_back(q->id);
      findings.push(finding(
          fill(tx.get("outcomes.finding_absent"), {{"id", s.id}, {"plenaries", join(ids)}}), record, s.id));
    }
    std::vector<std::string> unmet;
    for (const auto& cr : c.criteria)
      if (std::none_of(s.criteria_met.begin(), s.criteria_met.end(),
                       [&](const model::Ref& m) { return m.id == cr.id; }))
        unmet.push_back(cr.id);
    if (!unmet.empty())
      findings.push(finding(
          fill(tx.get("outcomes.finding_criteria"), {{"id", s.id}, {"criteria", join(unmet)}}), record,
          s.id));
  }
  if (c.documents) {
    const model::Register& reg = *c.documents;
    const long long deadline =
        core::days_from_civil(p.start.year, p.start.month, p.start.day) - reg.papers_due_days;
    for (const auto& paper : reg.documents) {
      if (!paper.plenary || paper.plenary->id != p.id) continue;
      const std::string record = where(paper.pos, reg.source_file);
      if (paper.status == model::DocumentStatus::Withdrawn) {
        findings.push(finding(fill(tx.get("outcomes.finding_withdrawn"), {{"ref", paper.full_ref()}}),
                              record, paper.full_ref()));
      } else if (paper.date.day != 0 &&
                 core::days_from_civil(paper.date.year, paper.date.month, paper.date.day) >
                     deadline) {
        const core::CivilDate due = core::civil_from_days(deadline);
        findings.push(finding(fill(tx.get("outcomes.finding_late"),
                                   {{"ref", paper.full_ref()},
                                    {"date", tx.date(paper.date)},
                                    {"due", tx.date(model::Date{due.year, due.month, due.day})}}),
                              record, paper.full_ref()));
      }
    }
  }
  root.set_list("findings", std::move(findings));
}

std::vector<std::pair<std::string, std::string>> proposed_sectors(const model::Committee& c) {
  std::vector<std::string> sectors;
  for (const auto& s : c.sectors) sectors.push_back(s.id);
  std::vector<RotationSlot> slots;
  for (const auto& p : c.plenaries) {
    const model::PlanEntry* e = c.plan_for(p.id);
    slots.push_back({e ? e->sector.id : "", !e && p.status == model::PlenaryStatus::Planned});
  }
  const std::vector<std::string> proposed = propose_rotation(sectors, slots);
  std::vector<std::pair<std::string, std::string>> out;
  for (std::size_t i = 0; i < proposed.size(); ++i)
    if (!proposed[i].empty()) out.emplace_back(c.plenaries[i].id, proposed[i]);
  return out;
}

}  // namespace plenary::compose::detail
